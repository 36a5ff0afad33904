"""Render the app's windows and dialogs offscreen and compare two versions pixel by pixel.

Issue 10 moved the app's look from a Python QProxyStyle to an application style sheet
(every widget then went through Qt's QStyleSheetStyle), then back to the QProxyStyle
installed after the first paint.  This script shows whether anything a user sees changed
between two code trees (7e805fe and main, say):

    # render one code tree (whatever PYTHONPATH says) into a folder of PNGs
    QT_QPA_PLATFORM=offscreen PYTHONPATH=src python scripts/look_compare.py render \
        --out /tmp/look/new --lang ja --appearance switch [--old-style]

    # compare two folders: counts of differing pixels, a diff image per differing scene
    python scripts/look_compare.py compare /tmp/look/old /tmp/look/new --out /tmp/look/diff

    # everything: both trees, en/ja x light/dark/switch, then the comparisons
    python scripts/look_compare.py all --old /work/wt/look-old/src --new src --out /tmp/look

``--old-style`` renders the given code with the look made as at 7e805fe (Fusion set by
``setStyle`` with a QProxyStyle answering the dialog-button hint, no style sheet), so the
same code can be compared with itself: what differs then is the way the look is made,
not texts other work changed.  Without it the tree's own ``theme`` makes the look, as its
start does (``theme.apply``, and ``theme.use_dialog_style`` where the tree has it).  "switch" builds each scene in light and switches the
application to dark (as Preferences and the desktop do) before grabbing it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OHCHR = "ohchr-civic-space-2021"
GACSA = "gacsa-report-2026"
TODAY = date(2026, 11, 23)

# ---------------------------------------------------------------------------- rendering


def _settle(ms: int = 120) -> None:
    from PySide6.QtTest import QTest

    QTest.qWait(ms)


def _old_style_apply(app: Any, appearance: str = "system", **_kw: Any) -> None:
    """theme.apply as it was at 7e805fe: Fusion through a QProxyStyle, no style sheet."""
    from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleFactory

    from consultdesk.ui import theme

    class ConsultDeskStyle(QProxyStyle):
        def styleHint(self, hint: Any, option: Any = None, widget: Any = None,  # noqa: N802
                      data: Any = None) -> int:
            if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
                return 0
            return super().styleHint(hint, option, widget, data)

    if app.styleSheet():
        app.setStyleSheet("")
    if type(app.style()).__name__ != "ConsultDeskStyle":
        app.setStyle(ConsultDeskStyle(QStyleFactory.create("Fusion")))
    app.setPalette(theme.dark_palette() if theme.is_dark(appearance) else theme.light_palette())


def fill_data(data_dir: Path) -> dict[str, str]:
    """A data folder with responses, answers (one over its limit), history, a deleted
    response and a contributor; the ids by role."""
    from consultdesk.app_context import AppContext

    context = AppContext.open(data_dir)
    try:
        r = context.responses
        long_text = ("The Government of Japan has taken measures to protect civic space. "
                     * 80)[:5040]
        main = r.create(OHCHR, "Japan 2026 — civic space", answers={
            "q1": "Yes. Civil society organisations are consulted on every draft law.\n",
            "q2": long_text + "\n",
            "q3": "See the answer for Q2.\n"})
        r.save_answer(main, "q1", "Yes. Civil society organisations are consulted on every "
                      "draft law, and the results are published.\n",
                      base_version=None, author=context.author(_kind("APP")))
        other = r.create(GACSA, "GACSA report 2026", deadline=date(2026, 12, 15))
        r.create(OHCHR, "Japan 2025 (draft)", answers={"q1": "An older draft.\n"})
        gone = r.create(OHCHR, "Old copy to delete")
        r.delete(gone)
        c = context.contributions
        c.add_contributor("NPA", "National Police Agency", email="npa@example.go.jp")
        c.add_contributor("MOJ", "Ministry of Justice", email="moj@example.go.jp")
        c.assign(other, ["t1_summary"], "NPA")
        return {"main": main, "other": other}
    finally:
        context.close()


def make_damaged(data_dir: Path) -> None:
    """A data folder whose database is overwritten, with its daily backup."""
    from consultdesk.app_context import AppContext

    AppContext.open(data_dir).close()
    (data_dir / "consultdesk.sqlite3").write_bytes(b"garbage" * 1000)


def _kind(name: str) -> Any:
    from consultdesk.domain.authorship import WriterKind

    return getattr(WriterKind, name)


class Renderer:
    """Builds each scene on a copy of the data folder and saves its grab as PNG."""

    def __init__(self, out: Path, data_dir: Path, ids: dict[str, str], appearance: str,
                 old_style: bool) -> None:
        from PySide6.QtCore import QSettings

        from consultdesk.app_context import AppContext
        from consultdesk.ui import theme
        from consultdesk.ui.settings_store import qt_settings

        self.out, self.ids, self.appearance = out, ids, appearance
        self.apply: Callable[..., None] = _old_style_apply if old_style else theme.apply
        self.old_style = old_style
        self.settings = qt_settings(QSettings(str(out / "settings.ini"),
                                              QSettings.Format.IniFormat))
        self.settings.appearance = "light" if appearance == "switch" else appearance
        self.context = AppContext.open(data_dir)
        self.context.settings = self.settings
        self.failures: list[str] = []
        self.work = data_dir.parent

    def start_look(self, app: Any) -> None:
        """The look each scene starts in (light for "switch")."""
        from consultdesk.ui import theme

        self.apply(app, "light" if self.appearance == "switch" else self.appearance)
        if not self.old_style and hasattr(theme, "use_dialog_style"):
            theme.use_dialog_style(app)  # as the start does after its first paint

    def grab(self, name: str, widget: Any) -> None:
        """Switch if asked, then save ``widget``'s pixels as ``name``.png."""
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        _settle()
        if self.appearance == "switch":
            self.apply(app, "dark")  # as Preferences / the desktop switch does
            _settle()
        widget.grab().save(str(self.out / f"{name}.png"))
        if self.appearance == "switch":
            self.apply(app, "light")  # the next scene starts light again
            _settle(30)

    def scene(self, name: str, build: Callable[[], Iterator[tuple[str, Any]]]) -> None:
        """Run one scene builder; every (name, widget) it yields is grabbed, then closed."""
        from PySide6.QtWidgets import QApplication

        shown: list[Any] = []
        try:
            for sub, widget in build():
                shown.append(widget)
                self.grab(f"{name}{'-' + sub if sub else ''}", widget)
        except Exception:  # one broken scene must not hide the others
            self.failures.append(f"{name}: {traceback.format_exc()}")
        for widget in shown:
            try:
                widget.close()
                widget.deleteLater()
            except RuntimeError:
                pass
        for window in QApplication.topLevelWidgets():
            if window.isVisible():
                window.close()
        _settle(30)


def _show(widget: Any, width: int | None = None, height: int | None = None) -> Any:
    if width:
        widget.resize(width, height or widget.height())
    widget.show()
    widget.activateWindow()
    _settle(150)
    return widget


def scenes(r: Renderer) -> list[tuple[str, Callable[[], Iterator[tuple[str, Any]]]]]:
    """Every scene: (name, builder yielding (sub-name, widget) pairs)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QGuiApplication, QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox, QVBoxLayout, QWidget

    ctx, main = r.context, r.ids["main"]

    def library_shell() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.library.window import LibraryWindow

        yield "", _show(LibraryWindow(None, settings=r.settings), 1100, 680)

    def library() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.library.window import LibraryWindow

        win = _show(LibraryWindow(ctx, today=lambda: TODAY), 1100, 680)
        win.table.selectRow(0) if hasattr(win.table, "selectRow") else None
        yield "", win
        # A tooltip and a combo popup: separate top-level windows under the sheet.
        from PySide6.QtWidgets import QToolTip

        QToolTip.showText(win.mapToGlobal(QPoint(200, 200)),
                          "A tooltip: " + win.windowTitle(), win)
        _settle(200)
        tips = [w for w in QApplication.topLevelWidgets()
                if type(w).__name__ == "QWidget" and w.inherits("QLabel")
                or w.metaObject().className() == "QTipLabel"]
        for tip in tips:
            if tip.isVisible():
                yield "tooltip", tip
                break
        QToolTip.hideText()

    def library_empty() -> Iterator[tuple[str, Any]]:
        from consultdesk.app_context import AppContext
        from consultdesk.ui.library.window import LibraryWindow

        empty = AppContext.open(r.work / "empty-data")
        empty.settings = r.settings
        try:
            yield "", _show(LibraryWindow(empty, today=lambda: TODAY), 1100, 680)
        finally:
            empty.close()

    def response() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.response_window import ResponseWindow

        win = _show(ResponseWindow(ctx, main), 1366, 768)
        yield "q1", win
        win.navigator.select("q2")  # the counter over the limit
        _settle()
        editor = win.answers.text_editor.editor
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        yield "q2-over", win
        # The navigator's filter popup (a combo popup under the sheet).
        combo = win.navigator.filter
        combo.showPopup()
        _settle(200)
        popup = combo.view().window()
        yield "combo-popup", popup
        combo.hidePopup()
        _settle()
        # The reference offer: paste a phrase naming another question.
        win.navigator.select("q1")
        _settle()
        editor = win.answers.text_editor.editor
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        QGuiApplication.clipboard().setText(" See the answer for Q2.")
        QTest.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        _settle()
        if win.reference_offer.isVisible():
            yield "reference-offer", win
            win.reference_offer.close_button.click()
        # The conflict bar: someone else's text beside this window's.
        from consultdesk.domain.authorship import Author
        from consultdesk.services.records import Conflict

        conflict = Conflict("Their text, written at the command line.\n", 9,
                            Author(_kind("CLI"), "sato"),
                            datetime(2026, 11, 23, 10, 30, tzinfo=UTC))
        win.live.bar.show_conflict(conflict, editor.toPlainText(), can_merge=True)
        _settle()
        yield "conflict-bar", win
        win.live.bar.clear()
        # The note after a change from elsewhere, and the find bar.
        win.live.note.setText("Changed by sato (the command line) at 2026-11-23 10:30.")
        win.live.note.show()
        win.find_bar.show()
        QTest.keyClicks(win.find_bar.field, "civil")
        _settle(300)
        yield "note-find", win

    def respondent() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.response_window import ResponseWindow
        from consultdesk.ui.response_window.navigator import RESPONDENT_KEY

        win = _show(ResponseWindow(ctx, r.ids["other"]), 1366, 768)
        win.navigator.select(RESPONDENT_KEY)
        yield "", win

    def preferences() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.preferences import PreferencesDialog

        yield "", _show(PreferencesDialog(r.settings))

    def export_options() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.response_window.export_options_dialog import ExportOptionsDialog

        yield "", _show(ExportOptionsDialog(r.settings))

    def preflight() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.response_window.preflight_dialog import PreflightDialog

        problems = ctx.export.preflight(ctx.responses.load(main))
        yield "", _show(PreflightDialog(problems))

    def bin_search() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.library.window import LibraryWindow

        win = _show(LibraryWindow(ctx, today=lambda: TODAY), 1100, 680)
        yield "bin", win.show_bin()
        search = win.show_search()
        QTest.keyClicks(search.field, "civil society")
        search.run()
        _settle(300)
        yield "search", search

    def details_new() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.library.details_dialog import DetailsDialog
        from consultdesk.ui.library.new_response_dialog import NewResponseDialog

        summary = next(s for s in ctx.responses.list() if s.id == r.ids["other"])
        yield "details", _show(DetailsDialog(summary))
        yield "new-response", _show(NewResponseDialog(ctx.catalog))

    def assign() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.contributions.assign_dialog import AssignDialog

        yield "", _show(AssignDialog(ctx.contributions, r.ids["other"], ["t2_measures"],
                                     ["Question 2"], 400))

    def more_dialogs() -> Iterator[tuple[str, Any]]:
        from docx import Document

        from consultdesk.services.team import TeamService
        from consultdesk.ui.contributions.contributors_dialog import ContributorsDialog
        from consultdesk.ui.import_review import ImportReviewDialog
        from consultdesk.ui.preferences import PreferencesDialog

        yield "contributors", _show(ContributorsDialog(ctx.contributions))
        yield "team-preferences", _show(PreferencesDialog(r.settings,
                                                          team=TeamService(r.work / "team")))
        doc = Document()
        doc.add_paragraph("Survey on water", style="Title")
        for text in ("1. Does your country have a water strategy? (max. 300 words)",
                     "2. Describe its main measures.", "Thank you."):
            doc.add_paragraph(text)
        path = r.work / "survey.docx"
        doc.save(str(path))
        review = _show(ImportReviewDialog(None, ctx.imports, path), 1000, 640)
        yield "import-review", review
        review.corrected = False  # closing must not ask "discard corrections?"

    def history() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.response_window.history_dialog import HistoryDialog

        current = ctx.responses.load(main).answers["q1"]
        dialog = _show(HistoryDialog(ctx.responses, main, "q1", current, "Question 1"))
        if dialog.list.count() if hasattr(dialog, "list") else False:
            dialog.list.setCurrentRow(0)
        yield "", dialog

    def board() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.contributions.board import ContributionsBoard

        dialog = _show(ContributionsBoard(ctx.contributions, r.ids["other"]))
        dialog.table.selectRow(0)
        yield "", dialog

    def message_boxes() -> Iterator[tuple[str, Any]]:
        buttons = QMessageBox.StandardButton
        warning = QMessageBox(QMessageBox.Icon.Warning, "ConsultDesk",
                              QApplication.translate("look", "The file cannot be written."),
                              buttons.Ok)
        yield "warning", _show(warning)
        question = QMessageBox(QMessageBox.Icon.Question, "ConsultDesk",
                               "Move “Japan 2025 (draft)” to the bin?",
                               buttons.Yes | buttons.No)
        yield "question", _show(question)

    def crash() -> Iterator[tuple[str, Any]]:
        error = RuntimeError("boom")
        try:
            raise error
        except RuntimeError as exc:
            tb = exc.__traceback__
        log = Path("/home/user/.local/share/ConsultDesk/logs/error-20261123.log")
        try:
            from consultdesk.ui.crash_dialog import crash_box
        except ImportError:  # before the crash dialog: the box install_error_handlers made
            from PySide6.QtCore import QCoreApplication

            message = QCoreApplication.translate(
                "Startup", "Something went wrong: %1\n\nYour answers are saved as you type. "
                "The details are in %2.").replace("%1", "RuntimeError: boom").replace(
                    "%2", str(log))
            box = QMessageBox(QMessageBox.Icon.Warning, "ConsultDesk", message,
                              QMessageBox.StandardButton.Ok)
        else:
            box = crash_box(None, RuntimeError, error, tb, log, "ConsultDesk")
        yield "", _show(box)

    def startup_dialogs() -> Iterator[tuple[str, Any]]:
        from consultdesk.launcher import Launcher
        from consultdesk.ui.library.startup_dialogs import RecoveryDialog, UnreachableDialog

        damaged = r.work / "damaged-data"
        if not damaged.exists():
            make_damaged(damaged)
        try:
            Launcher(damaged).open()
        except Exception as exc:  # the DamagedDatabaseError the app meets
            error = exc
        else:
            raise AssertionError("the damaged database opened")
        yield "recovery", _show(RecoveryDialog(Launcher(damaged).maintenance, error))
        message = ("could not connect to the team database at db.example.go.jp:5432: "
                   "Connection refused")
        yield "unreachable", _show(UnreachableDialog(message, 3))

    def notices() -> Iterator[tuple[str, Any]]:
        from consultdesk.ui.library.offline_bar import OfflineBar

        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addWidget(OfflineBar("db.example.go.jp:5432"))
        column.addStretch(1)
        yield "offline-bar", _show(holder, 900, 120)

    return [("library-shell", library_shell), ("library", library),
            ("library-empty", library_empty), ("response", response),
            ("respondent", respondent), ("preferences", preferences),
            ("export-options", export_options), ("preflight", preflight),
            ("library", bin_search), ("dialog", details_new), ("history", history),
            ("assign", assign), ("dialog", more_dialogs),
            ("board", board), ("messagebox", message_boxes), ("crash", crash),
            ("startup", startup_dialogs), ("notice", notices)]


def render(out: Path, lang: str, appearance: str, old_style: bool, data: Path | None) -> int:
    """Render every scene of the code on PYTHONPATH into ``out``; 1 if a scene failed."""
    import shutil

    from PySide6.QtWidgets import QApplication

    from consultdesk.ui.application import make_application
    from consultdesk.ui.i18n import Translations

    out.mkdir(parents=True, exist_ok=True)
    # One fixed place (not a random temp name): the recovery dialog shows the path.
    work = Path(tempfile.gettempdir()) / "consultdesk-look"
    shutil.rmtree(work, ignore_errors=True)
    data_dir = work / "data"
    if data is not None:
        shutil.copytree(data, data_dir)
        if (data.parent / "damaged-data").exists():
            shutil.copytree(data.parent / "damaged-data", work / "damaged-data")
        ids = dict(line.split("=", 1) for line in (data / "ids.txt").read_text().split())
    else:
        ids = fill_data(data_dir)
    app = make_application()
    QApplication.setCursorFlashTime(0)  # a caret that does not blink between grabs
    translations = Translations()
    if lang != "en":
        translations.install(lang)
    renderer = Renderer(out, data_dir, ids, appearance, old_style)
    renderer.work = work
    renderer.start_look(app)
    try:
        for name, build in scenes(renderer):
            renderer.scene(name, build)
    finally:
        renderer.context.close()
        translations.remove()
        shutil.rmtree(work, ignore_errors=True)
    for failure in renderer.failures:
        print("scene failed:", failure, file=sys.stderr)
    return 1 if renderer.failures else 0


# ---------------------------------------------------------------------------- comparing


def compare(a: Path, b: Path, out: Path) -> list[tuple[str, int, int, str]]:
    """(scene, differing pixels, all pixels, note) for every PNG in either folder; a
    diff image (differing pixels red over a faded copy of ``b``) for each that differs."""
    from PySide6.QtGui import QColor, QImage

    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for name in sorted({p.name for p in a.glob("*.png")} | {p.name for p in b.glob("*.png")}):
        pa, pb = a / name, b / name
        if not pa.exists() or not pb.exists():
            rows.append((name, -1, 0, "only in " + (str(a) if pa.exists() else str(b))))
            continue
        ia = QImage(str(pa)).convertToFormat(QImage.Format.Format_ARGB32)
        ib = QImage(str(pb)).convertToFormat(QImage.Format.Format_ARGB32)
        if ia.size() != ib.size():
            rows.append((name, -1, ib.width() * ib.height(),
                         f"size {ia.width()}x{ia.height()} -> {ib.width()}x{ib.height()}"))
            continue
        width, height = ib.width(), ib.height()
        pixels_a = bytes(ia.constBits())  # type: ignore[call-overload]
        pixels_b = bytes(ib.constBits())  # type: ignore[call-overload]
        line = ib.bytesPerLine()
        differing = 0
        diff = None
        if pixels_a != pixels_b:
            diff = QImage(ib)
            red = QColor(255, 0, 0).rgb()
            for y in range(height):
                row_a = pixels_a[y * line:y * line + width * 4]
                row_b = pixels_b[y * line:y * line + width * 4]
                if row_a == row_b:
                    continue
                for x in range(width):
                    if row_a[x * 4:x * 4 + 4] != row_b[x * 4:x * 4 + 4]:
                        differing += 1
                        diff.setPixel(x, y, red)
            diff.save(str(out / name))
        rows.append((name, differing, width * height, ""))
    return rows


def print_rows(title: str, rows: list[tuple[str, int, int, str]]) -> None:
    """A table of the comparison."""
    same = sum(1 for _n, d, _t, _note in rows if d == 0)
    print(f"\n## {title}: {len(rows)} scenes, {same} identical")
    for name, differing, total, note in rows:
        if differing:
            share = f"{100 * differing / total:.2f}%" if total and differing > 0 else ""
            print(f"  {name:<48} {differing:>8} px {share:>7}  {note}")


def run_all(old: Path, new: Path, out: Path, langs: list[str], looks: list[str]) -> int:
    """Render with both trees (and the new tree in the old look), then compare."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    data = out / "data"
    if not data.exists():
        code = ("import sys; sys.path.insert(0, sys.argv[1]); "
                "from look_compare import fill_data, make_damaged; from pathlib import Path; "
                "ids = fill_data(Path(sys.argv[2])); "
                "make_damaged(Path(sys.argv[2]).parent / 'damaged-data'); "
                "(Path(sys.argv[2]) / 'ids.txt').write_text("
                "'\\n'.join(f'{k}={v}' for k, v in ids.items()))")
        subprocess.run([sys.executable, "-c", code, str(Path(__file__).parent), str(data)],
                       env={**env, "PYTHONPATH": str(old)}, check=True)
    failed = 0
    for lang in langs:
        for look in looks:
            for tree, src, extra in (("old", old, []), ("new", new, []),
                                     ("new-oldstyle", new, ["--old-style"])):
                target = out / tree / f"{lang}-{look}"
                proc = subprocess.run(
                    [sys.executable, __file__, "render", "--out", str(target), "--lang", lang,
                     "--appearance", look, "--data", str(data), *extra],
                    env={**env, "PYTHONPATH": str(src)})
                failed |= proc.returncode
            for a in ("old", "new-oldstyle"):
                rows = compare(out / a / f"{lang}-{look}", out / "new" / f"{lang}-{look}",
                               out / f"diff-{a}-vs-new" / f"{lang}-{look}")
                print_rows(f"{a} vs new, {lang} {look}", rows)
    return failed


def main(argv: list[str] | None = None) -> int:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("render")
    r.add_argument("--out", type=Path, required=True)
    r.add_argument("--lang", default="en")
    r.add_argument("--appearance", choices=["light", "dark", "switch"], default="light")
    r.add_argument("--old-style", action="store_true")
    r.add_argument("--data", type=Path, help="a filled data folder to copy (else made)")
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    c.add_argument("--out", type=Path, required=True)
    a = sub.add_parser("all")
    a.add_argument("--old", type=Path, required=True, help="the old tree's src folder")
    a.add_argument("--new", type=Path, default=ROOT / "src")
    a.add_argument("--out", type=Path, required=True)
    a.add_argument("--lang", action="append", help="en and ja unless given")
    a.add_argument("--appearance", action="append", help="light, dark, switch unless given")
    args = parser.parse_args(argv)
    if args.command == "render":
        return render(args.out, args.lang, args.appearance, args.old_style, args.data)
    if args.command == "compare":
        print_rows(f"{args.a} vs {args.b}", compare(args.a, args.b, args.out))
        return 0
    return run_all(args.old.resolve(), args.new.resolve(), args.out,
                   args.lang or ["en", "ja"], args.appearance or ["light", "dark", "switch"])


if __name__ == "__main__":
    sys.exit(main())
