"""Live refresh with a real second process: the CLI writes the answer the window shows.

Not typing: the window shows the new text with a note.  Typing: a conflict bar, and
whatever the user chooses (keep mine, take theirs, merge by hand) both texts survive,
as the answer or in its history.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer

from consultdesk.app_context import AppContext
from consultdesk.ui.response_window.window import ResponseWindow

ROOT = Path(__file__).resolve().parents[2]
OHCHR = "ohchr-civic-space-2021"


def cli_set(data_dir: Path, rid: str, answers: dict[str, str], tmp_path: Path
            ) -> subprocess.Popen[str]:
    """``consultdesk set`` in a separate process (as someone at a terminal would)."""
    path = tmp_path / f"answers-{len(list(tmp_path.glob('answers-*')))}.json"
    path.write_text(json.dumps({"answers": answers}), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "consultdesk", "--data-dir", str(data_dir),
                             "set", rid, "--answers", str(path)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finished(proc: subprocess.Popen[str]) -> str:
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    return out


def open_window(qtbot, context: AppContext, rid: str) -> ResponseWindow:
    window = ResponseWindow(context, rid)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def stored(context: AppContext, rid: str) -> str:
    value = context.responses.load(rid).answers.get("q1")
    return value if isinstance(value, str) else ""


def history(context: AppContext, rid: str) -> list[str]:
    return [r.value for r in context.responses.revisions(rid, "q1")]  # type: ignore[misc]


def test_a_change_from_the_cli_shows_up_with_a_note(qtbot, app_context: AppContext,
                                                    data_dir: Path, tmp_path: Path) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "Our first text.\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    assert editor.toPlainText() == "Our first text."
    out = finished(cli_set(data_dir, rid, {"q1": "The division's text.\n"}, tmp_path))
    assert "changed   q1" in out
    qtbot.waitUntil(lambda: editor.toPlainText() == "The division's text.", timeout=5000)
    assert window.live.note.isVisible() and "command line" in window.live.note.text()
    assert not window.live.bar.isVisible()
    # The reload was not written back (no echo): the CLI's version stays the latest.
    qtbot.wait(1200)
    assert app_context.responses.answer_versions(rid)["q1"] == 2
    assert history(app_context, rid) == ["Our first text.\n"]
    # Ctrl+Z takes the reload back in the editor, like any edit.
    editor.setFocus()
    editor.undo()
    assert editor.toPlainText() == "Our first text."


def type_until(qtbot, window: ResponseWindow, condition, *, every_ms: int = 80,
               timeout: int = 20000) -> str:
    """Type words non-stop (as a person drafting does) until ``condition()``; the words."""
    editor = window.answers.text_editor.editor
    editor.setFocus()
    typed: list[str] = []
    timer = QTimer()

    def word() -> None:
        text = f" w{len(typed)}"
        typed.append(text)
        qtbot.keyClicks(editor, text)

    timer.timeout.connect(word)
    timer.start(every_ms)
    try:
        qtbot.waitUntil(condition, timeout=timeout)
    finally:
        timer.stop()
    return "".join(typed)


@pytest.mark.parametrize("choice", ["keep mine", "take theirs", "merge by hand"])
def test_typing_while_the_cli_writes_gives_a_conflict_and_loses_nothing(
        qtbot, app_context: AppContext, data_dir: Path, tmp_path: Path, choice: str) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "Start."})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    theirs = "Text from the command line.\n"
    proc = cli_set(data_dir, rid, {"q1": theirs}, tmp_path)
    bar = window.live.bar
    type_until(qtbot, window, lambda: bar.isVisible())
    finished(proc)
    # Typing on with the bar shown (autosave keeps it as the conflict text).
    qtbot.keyClicks(editor, " last words")
    mine_md = window.answers.text_editor.refresh()[0]
    mine = editor.toPlainText()
    assert mine.startswith("Start. w0") and mine.endswith("last words")
    assert "Text from the command line." in bar.theirs.toPlainText()
    assert stored(app_context, rid) == theirs  # nothing overwritten
    described = window.navigator.item("q1").data(0, Qt.ItemDataRole.AccessibleDescriptionRole)
    assert "Changed elsewhere" in described
    if choice == "keep mine":
        bar.keep_button.click()
        assert stored(app_context, rid) == mine_md
        assert theirs in history(app_context, rid)
    elif choice == "take theirs":
        bar.take_button.click()
        qtbot.waitUntil(lambda: editor.toPlainText() == theirs.strip(), timeout=3000)
        assert stored(app_context, rid) == theirs
        assert mine_md in history(app_context, rid)  # every word typed, to the last
    else:
        bar.merge_button.click()
        merged = editor.toPlainText()
        assert mine in merged and "Text from the command line." in merged
        qtbot.keyClicks(editor, " (merged)")
        bar.done_button.click()
        final = stored(app_context, rid)
        assert "Text from the command line." in final and "last words" in final
        assert final.rstrip().endswith("(merged)")
        assert theirs in history(app_context, rid)
    assert not bar.isVisible()
    # Nothing lost whichever was chosen: both texts are the answer or in History.
    kept = [stored(app_context, rid), *history(app_context, rid)]
    assert any("Text from the command line." in t for t in kept)
    assert any("last words" in t for t in kept)
    # And the window goes on saving normally afterwards.
    qtbot.keyClicks(editor, " after")
    window.answers.flush_pending()
    assert window.session.autosave.flush()
    assert stored(app_context, rid).rstrip().endswith("after")
