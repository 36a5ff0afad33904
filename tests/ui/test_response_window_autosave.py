"""Autosave: writes after a pause, keeps a revision when typing pauses, never drops a change."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QTimer

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.records import SaveResult
from consultdesk.ui.response_window.autosave import Autosaver, SaveState


class FlakyWriter:
    """Refuses the first write (a locked database), then works; records what it got."""

    def __init__(self, failures: int = 1) -> None:
        self.failures = failures
        self.answers: dict[str, Any] = {}
        self.revisions: list[tuple[str, str]] = []
        self.bases: list[int | None] = []

    def save_answer(self, response_id: str, question_id: str, value: Any, *,
                    base_version: int | None, author: Author,
                    reason: str = "autosave") -> SaveResult:
        if self.failures:
            self.failures -= 1
            raise ConsultDeskError("the database is busy")
        self.answers[question_id] = value
        self.bases.append(base_version)
        return SaveResult(True, (base_version or 0) + 1, value, changed=True)

    def save_respondent(self, response_id: str, field_id: str, value: str) -> None:
        self.answers[f"respondent.{field_id}"] = value

    def take_revision(self, response_id: str, question_id: str, reason: str = "save") -> bool:
        self.revisions.append((question_id, reason))
        return True


def test_a_refused_write_is_kept_and_retried(qtbot) -> None:
    writer = FlakyWriter()
    saver = Autosaver(writer, "r1", save_delay=10, revision_delay=10_000)
    states: list[tuple[SaveState, str]] = []
    saver.state_changed.connect(lambda state, message: states.append((state, message)))
    saver.queue_answer("q1", "draft\n")
    assert saver.flush() is False
    assert states[-1] == (SaveState.ERROR, "the database is busy")
    assert saver.pending
    saver._save_timer.setInterval(10)  # the retry waits a few seconds; the test need not
    saver._save_timer.start(10)
    qtbot.waitUntil(lambda: writer.answers.get("q1") == "draft\n", timeout=5000)
    assert states[-1][0] is SaveState.SAVED and not saver.pending


def test_newest_value_wins_and_a_pause_keeps_a_revision(qtbot) -> None:
    writer = FlakyWriter(failures=0)
    saver = Autosaver(writer, "r1", save_delay=20, revision_delay=60)
    saver.queue_answer("q1", "a")
    saver.queue_answer("q1", "ab")
    saver.queue_respondent("state", "Japan")
    qtbot.waitUntil(lambda: writer.revisions == [("q1", "pause")], timeout=3000)
    assert writer.answers == {"q1": "ab", "respondent.state": "Japan"}
    assert writer.bases == [0]  # based on the version it had: never written


def test_non_stop_typing_is_saved_at_least_once_a_second(qtbot) -> None:
    writer = FlakyWriter(failures=0)
    saver = Autosaver(writer, "r1", save_delay=800, max_wait=1000, revision_delay=60_000)
    timer = QTimer()
    typed: list[str] = []

    def keystroke() -> None:  # a keystroke every 50 ms never lets the pause timer fire
        typed.append("x")
        saver.queue_answer("q1", "".join(typed))

    timer.timeout.connect(keystroke)
    timer.start(50)
    started = time.monotonic()
    qtbot.waitUntil(lambda: len(writer.bases) >= 2, timeout=5000)
    elapsed = time.monotonic() - started
    timer.stop()
    assert elapsed < 2.6  # two saves within ~2 s of typing, not none
    # Each save was based on the version the previous one made.
    assert writer.bases[:2] == [0, 1]


def test_autosave_status_line_in_the_window(qtbot, app_context: AppContext) -> None:
    from test_response_window import OHCHR, open_window

    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Typing")
    qtbot.waitUntil(lambda: window.save_label.text() == "Saving…", timeout=2000)
    qtbot.waitUntil(lambda: window.save_label.text() == "Saved", timeout=5000)
    # Typing paused: a revision is kept without Ctrl+S.
    qtbot.waitUntil(lambda: bool(app_context.responses.revisions(rid, "q1")), timeout=8000)
    assert app_context.responses.revisions(rid, "q1")[0].value == "Typing\n"
