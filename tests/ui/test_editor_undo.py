"""Undo like Word, in the response window: word-sized steps, honest buttons, autosave-proof."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QToolButton

from consultdesk.app_context import AppContext
from consultdesk.ui.editor.undo_steps import PAUSE_S
from consultdesk.ui.response_window import ResponseWindow

OHCHR = "ohchr-civic-space-2021"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Clock:
    """The undo steps' clock, set by the test (a busy machine's pauses between keys are not)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def open_window(qtbot, context: AppContext, rid: str, clock: Clock | None = None
                ) -> ResponseWindow:
    window = ResponseWindow(context, rid)
    window.answers.text_editor.editor.typing_steps.clock = clock or Clock()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def states(window: ResponseWindow) -> tuple[bool, bool, bool, bool]:
    """(Undo button, Redo button, Edit ▸ Undo, Edit ▸ Redo) enabled, as the user sees them."""
    editor = window.answers.text_editor.editor
    toolbar = window.answers.text_editor.toolbar
    assert toolbar is not None
    buttons = [toolbar.widgetForAction(a) for a in (editor.action_undo, editor.action_redo)]
    assert all(isinstance(b, QToolButton) for b in buttons)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    items = {a.text(): a.isEnabled() for a in menu.actions()}
    return (buttons[0].isEnabled(), buttons[1].isEnabled(), items["Undo"], items["Redo"])


def click_at(qtbot, window: ResponseWindow, position: int) -> None:
    """Click in the answer at a character position, as a person moves the cursor."""
    editor = window.answers.text_editor.editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                     pos=editor.cursorRect(cursor).center())
    assert editor.textCursor().position() == position


def stored(context: AppContext, rid: str, qid: str) -> object:
    return context.responses.load(rid).answers.get(qid)


def test_undo_steps_by_word_and_buttons_follow(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    assert states(window) == (False, False, False, False)  # nothing to undo yet
    qtbot.keyClicks(editor, "We held online meetings.")
    assert states(window) == (True, False, True, False)
    click_at(qtbot, window, len("We held"))  # click elsewhere, then type more
    qtbot.keyClicks(editor, " many")
    assert editor.toPlainText() == "We held many online meetings."
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the words typed after the click
    assert editor.toPlainText() == "We held online meetings."
    assert states(window) == (True, True, True, True)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # then one word at a time
    assert editor.toPlainText() == "We held online"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "We held"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL, )
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == ""
    assert states(window) == (False, True, False, True)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.toPlainText() == "We"
    assert states(window) == (True, True, True, True)


def test_paste_format_and_list_changes_are_steps_of_their_own(qtbot,
                                                             app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Measures")
    data = QMimeData()
    data.setText(" taken")
    QGuiApplication.clipboard().setMimeData(data)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    qtbot.keyClicks(editor, " now")
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)  # bold
    qtbot.keyClick(editor, Qt.Key.Key_8, CTRL | SHIFT)  # a bulleted list
    assert editor.textCursor().currentList() is not None
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.textCursor().currentList() is None
    assert editor.document().begin().begin().fragment().charFormat().fontWeight() >= 600
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.document().begin().begin().fragment().charFormat().fontWeight() < 600
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "Measures taken"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the paste, in one step
    assert editor.toPlainText() == "Measures"


def test_undo_history_survives_autosave(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "First words")
    qtbot.waitUntil(lambda: stored(app_context, rid, "q1") == "First words\n", timeout=5000)
    qtbot.waitUntil(lambda: window.save_label.text() == "Saved", timeout=5000)
    window.take_revision()  # Ctrl+S keeps a revision: it must not reset the history either
    assert states(window) == (True, False, True, False)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "First"
    # The undo itself is saved like any edit.
    qtbot.waitUntil(lambda: stored(app_context, rid, "q1") == "First\n", timeout=5000)


def test_an_undo_that_empties_the_answer_is_one_step_back(qtbot,
                                                          app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "Kept from before."})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    assert states(window) == (False, False, False, False)  # opening is not an edit
    qtbot.keyClicks(editor, " More")
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "Kept from before."  # the stored answer stays
    assert states(window) == (False, True, False, True)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: stored(app_context, rid, "q1") == "", timeout=5000)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # one step brings it all back
    assert editor.toPlainText() == "Kept from before."
    qtbot.waitUntil(lambda: stored(app_context, rid, "q1") == "Kept from before.\n",
                    timeout=5000)


def test_each_answer_keeps_its_own_history_and_buttons(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "one")
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    assert window.current_key() == "q2"
    assert states(window) == (False, False, False, False)  # q2 has nothing to undo
    window.answers.show_key("q1")
    assert states(window) == (True, False, True, False)


def test_a_pause_in_typing_starts_a_new_step(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    clock = Clock()
    window = open_window(qtbot, app_context, rid, clock)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Consultat")
    clock.now += PAUSE_S  # the official stops to think, mid-word
    qtbot.keyClicks(editor, "ions were")
    clock.now += PAUSE_S - 0.05  # just under the pause: the same step goes on
    qtbot.keyClicks(editor, "n't")
    clock.now += 2 * PAUSE_S
    for _ in range(3):  # a run of Backspace after a pause is a step of its own
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    clock.now += 0.2
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # the same run, no pause
    clock.now += PAUSE_S
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # after a pause: a new run
    assert editor.toPlainText() == "Consultations we"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "Consultations wer"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "Consultations weren't"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # " were" + "n't": typed without a pause
    assert editor.toPlainText() == "Consultations"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # "ions", after the pause
    assert editor.toPlainText() == "Consultat"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == ""
    assert states(window) == (False, True, False, True)
