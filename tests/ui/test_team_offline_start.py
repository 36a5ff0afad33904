"""ConsultDesk starts while the team server is down: it says so, offers to try again or
to work on the copies kept on this computer (the responses last opened), keeps what is
typed in the outbox, and sends it through the versioned save when it connects again
(from the library's "Connect again", or at the next start), with revisions that carry
the author and the time of the edit."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from pg_server import PgServer
from PySide6.QtWidgets import QApplication, QWidget

from consultdesk.app_context import AppContext
from consultdesk.launcher import Launcher
from consultdesk.services.settings import Settings
from consultdesk.ui.application import GuiSession
from consultdesk.ui.library.startup_dialogs import UnreachableDialog
from consultdesk.ui.library.window import LibraryWindow
from consultdesk.ui.response_window import ResponseWindow

OHCHR = "ohchr-civic-space-2021"


def _seed(data_dir: Path, url: str, settings: Settings, qtbot) -> str:
    """Sato worked on a response while connected: its window copied it to this computer."""
    ctx = AppContext.open(data_dir, url)
    ctx.settings = settings
    try:
        rid = ctx.responses.create(OHCHR, "Japan 2026", answers={"q1": "Written online."})
        ctx.responses.create(OHCHR, "Never opened here")
        window = ResponseWindow(ctx, rid)
        window.show()
        window.close()
        window.deleteLater()
        qtbot.waitUntil(lambda: not window.isVisible())
        QApplication.processEvents()
    finally:
        ctx.close()
    return rid


def _choose(button: str, seen: list[str]) -> Callable[[QWidget], None]:
    def handle(widget: QWidget) -> None:
        assert isinstance(widget, UnreachableDialog)
        seen.append(widget.details.text())
        seen.append(widget.offer.text())
        getattr(widget, button).click()
    return handle


def test_starting_without_the_server_works_on_the_local_copy(
        qtbot, modal, pg_server: PgServer, pg_url: str, tmp_path: Path,
        settings: Settings) -> None:
    data_dir = tmp_path / "sato"
    settings.user_name = "Sato"
    rid = _seed(data_dir, pg_url, settings, qtbot)
    pg_server.stop_server()
    session = GuiSession(Launcher(data_dir, pg_url), settings)
    try:
        seen: list[str] = []
        modal(_choose("offline_button", seen))
        assert session.start() is None
        assert "cannot reach the team database server" in seen[0]
        # (English plural forms come from the app's English translation, not loaded here.)
        assert re.search(r"\b1 response(\(s\))? last opened on this computer", seen[1])
        library = session.window
        assert library is not None and library.offline_bar is not None
        qtbot.waitUntil(lambda: library.proxy.rowCount() == 1, timeout=10_000)
        assert library.offline_bar.isVisible()
        library.open_response(rid)
        window = library.windows.window(rid)
        assert isinstance(window, ResponseWindow)
        assert window.offline_banner.isVisible()
        assert window.save_label.text() == "Kept on this computer"
        window.navigator.select("q1")
        editor = window.answers.text_editor.editor
        assert editor.toPlainText() == "Written online."
        editor.setFocus()
        editor.moveCursor(editor.textCursor().MoveOperation.End)
        before = datetime.now(UTC)
        qtbot.keyClicks(editor, " Typed on the train.")
        assert session.context is not None and session.context.outbox is not None
        outbox = session.context.outbox
        qtbot.waitUntil(lambda: (outbox.pending_values(rid).get("q1") or "").strip()
                        == "Written online. Typed on the train.", timeout=10_000)
        typed_at = datetime.now(UTC)
        # Closing and opening again (still offline) shows what was typed, not the copy.
        window.close()
        qtbot.waitUntil(lambda: not library.windows.is_open(rid), timeout=5000)
        library.open_response(rid)
        window = library.windows.window(rid)
        assert isinstance(window, ResponseWindow)
        window.navigator.select("q1")
        assert window.answers.text_editor.editor.toPlainText() == \
            "Written online. Typed on the train."
        # "Connect again" while the server is still down: the bar says why, nothing lost.
        library.offline_bar.button.click()
        qtbot.waitUntil(lambda: library.offline_bar.label.text().startswith("Still offline"),
                        timeout=15_000)
        assert session.window is library and outbox.pending(rid) == 1
        pg_server.start_server()
        pg_server.wait_ready()
        library.offline_bar.button.click()
        assert library.offline_bar.label.text() == "Connecting to the team database…"
        assert not library.offline_bar.button.isEnabled()
        qtbot.waitUntil(lambda: session.window is not library, timeout=20_000)
        online = session.window
        assert online is not None and online.offline_bar is None
        qtbot.addWidget(online)
        assert session.context is not None and not session.context.offline
        qtbot.waitUntil(lambda: online.proxy.rowCount() == 2, timeout=10_000)
    finally:
        session.close()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, LibraryWindow | ResponseWindow):
                widget.close()
    # On the server: the text typed offline, and a revision by Sato at the time of typing.
    check = AppContext.open(tmp_path / "tanaka", pg_url)
    try:
        typed = "Written online. Typed on the train."
        assert check.responses.load(rid).answers["q1"].strip() == typed
        [kept] = [r for r in check.responses.revisions(rid, "q1")
                  if isinstance(r.value, str) and r.value.strip() == typed]
        assert kept.author is not None and kept.author.name == "Sato"
        assert before <= kept.created_at <= typed_at, (before, kept.created_at, typed_at)
    finally:
        check.close()
    assert QApplication.activeModalWidget() is None


def test_edits_left_in_the_outbox_are_sent_at_the_next_start(
        qtbot, modal, pg_server: PgServer, pg_url: str, tmp_path: Path,
        settings: Settings) -> None:
    data_dir = tmp_path / "sato"
    settings.user_name = "Sato"
    rid = _seed(data_dir, pg_url, settings, qtbot)
    pg_server.stop_server()
    try:
        offline = Launcher(data_dir, pg_url).open_offline(settings)
        try:
            assert offline.offline and offline.outbox is not None
            window = ResponseWindow(offline, rid)
            qtbot.addWidget(window)
            window.navigator.select("q2")
            window.answers.text_editor.editor.setFocus()
            qtbot.keyClicks(window.answers.text_editor.editor, "Offline answer to two.")
            window.close()
            assert offline.outbox.pending(rid) == 1
        finally:
            offline.close()
    finally:
        pg_server.start_server()
        pg_server.wait_ready()
    # The next start: no window opened, the outbox is sent while the app starts.
    session = GuiSession(Launcher(data_dir, pg_url), settings)
    try:
        assert session.start() is None
        assert session.window is not None
        qtbot.addWidget(session.window)
        sent = session.launcher.sent_at_start  # type: ignore[attr-defined]
        assert sent is not None and list(sent.results) == [(rid, "q2")]
    finally:
        session.close()
    check = AppContext.open(tmp_path / "tanaka", pg_url)
    try:
        assert check.responses.load(rid).answers["q2"].strip() == "Offline answer to two."
        assert check.outbox is not None
    finally:
        check.close()
