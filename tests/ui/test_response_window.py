"""The response window driven as a person would: typing, limits, conditions, blocks, reopening."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from consultdesk.app_context import AppContext
from consultdesk.ui.response_window import ResponseWindow
from consultdesk.ui.response_window.navigator import RESPONDENT_KEY
from consultdesk.ui.response_window.repeating_block import RepeatingBlock
from consultdesk.ui.status_icons import AnswerState, state_icon

OHCHR = "ohchr-civic-space-2021"
EU = "eu-digital-rights-2026"
SR = "sr-expression-call-2026"
CTRL = Qt.KeyboardModifier.ControlModifier


def open_window(qtbot, context: AppContext, rid: str) -> ResponseWindow:
    """Show a response window, active, at a laptop size."""
    window = ResponseWindow(context, rid)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def click_option(qtbot, button) -> None:
    """Click a radio button or check box on its indicator, where a person clicks."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def nav_count(window: ResponseWindow, qid: str) -> str:
    item = window.navigator.item(qid)
    assert item is not None
    return item.text(1)


def stored(context: AppContext, rid: str, qid: str):
    return context.responses.load(rid).answers.get(qid)


def test_typing_updates_counter_navigator_and_database(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    assert window.current_key() == "q1"
    assert window.session.state("q1") is AnswerState.EMPTY
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "See the answer for Q2")
    assert window.answers.text_editor.counter.label.text() == (
        "21 / ~5,000 characters (with spaces)")
    # The navigator follows on the next turn of the event loop, just after the counter.
    qtbot.waitUntil(lambda: nav_count(window, "q1") == "21 / 5,000", timeout=2000)
    assert window.session.state("q1") is AnswerState.IN_PROGRESS
    icon = window.navigator.item("q1").icon(0)
    assert icon.cacheKey() == state_icon(AnswerState.IN_PROGRESS).cacheKey()
    assert window.navigator.progress_label.text() == "1 of 6 answered"
    assert window.save_label.text() == "Saving…"
    # Autosave writes it without anyone pressing Save.
    qtbot.waitUntil(lambda: stored(app_context, rid, "q1") == "See the answer for Q2\n",
                    timeout=5000)
    assert window.save_label.text() == "Saved"


def test_passing_the_limit_highlights_and_marks_over(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q2": "x" * 4990})
    window = open_window(qtbot, app_context, rid)
    window.navigator.select("q2")
    assert window.session.state("q2") is AnswerState.NEAR
    editor = window.answers.text_editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " and more text")
    assert "4 over" in window.answers.text_editor.counter.label.text()  # at once
    qtbot.waitUntil(lambda: window.session.state("q2") is AnswerState.OVER, timeout=2000)
    assert nav_count(window, "q2") == "5,004 / 5,000"
    item = window.navigator.item("q2")
    assert item.icon(0).cacheKey() == state_icon(AnswerState.OVER).cacheKey()
    assert item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole) == "Over the limit"
    selections = editor.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["text"]
    assert "4 over" in window.answers.text_editor.counter.label.text()
    assert window.navigator.progress_label.text() == "1 of 6 answered · 1 over the limit"
    # The "over limit" filter lists exactly that question.
    window.navigator.filter.setCurrentIndex(2)
    assert window.navigator.visible_keys() == [RESPONDENT_KEY, "q2"]


def test_close_and_reopen_keeps_the_text(qtbot, data_dir, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    window.navigator.select("q4")
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Throughout the pandemic ")
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClicks(editor, "freedoms")
    window.close()  # flushes at once, no waiting for the timer
    app_context.close()
    reopened = AppContext.open(data_dir)
    try:
        assert stored(reopened, rid, "q4") == "Throughout the pandemic **freedoms**\n"
        again = open_window(qtbot, reopened, rid)
        again.navigator.select("q4")
        text = again.answers.text_editor.editor.toPlainText()
        assert text == "Throughout the pandemic freedoms"
        assert nav_count(again, "q4") == "32 / 5,000"
        again.close()
    finally:
        reopened.close()
        app_context.database = reopened.database  # the fixture closes it again harmlessly


def test_condition_shows_and_hides_its_follow_up(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(EU, "EU")
    window = open_window(qtbot, app_context, rid)
    nav = window.navigator
    assert not nav.is_visible("strategy_detail") and not nav.is_visible("strategy_reason")
    nav.select("strategy")
    choice = window.answers.other
    click_option(qtbot, choice.buttons["yes"])
    assert nav.is_visible("strategy_detail") and not nav.is_visible("strategy_reason")
    click_option(qtbot, choice.buttons["no"])
    assert not nav.is_visible("strategy_detail") and nav.is_visible("strategy_reason")
    window.session.autosave.flush()
    assert stored(app_context, rid, "strategy") == "no"
    # Ctrl+PgDown goes to the follow-up that is shown, skipping the hidden one.
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    assert window.current_key() == "strategy_reason"
    qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)
    assert window.current_key() == "strategy"


def test_repeating_block_add_remove_reorder_persist(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(SR, "SR")
    window = open_window(qtbot, app_context, rid)
    window.navigator.select("measures")
    block = window.answers.other
    assert isinstance(block, RepeatingBlock)
    qtbot.mouseClick(block.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(block.add_button, Qt.MouseButton.LeftButton)
    assert [g.title() for g in block.groups] == ["Measure 1", "Measure 2"]
    leads = [w for w in block.groups[0].findChildren(QLineEdit) if w.accessibleName() ==
             "Lead ministry"]
    qtbot.keyClicks(leads[0], "MIC")
    leads = [w for w in block.groups[1].findChildren(QLineEdit) if w.accessibleName() ==
             "Lead ministry"]
    qtbot.keyClicks(leads[0], "MOFA")
    window.session.autosave.flush()
    assert stored(app_context, rid, "measures") == [{"lead": "MIC"}, {"lead": "MOFA"}]
    block.move_entry(1, -1)
    window.session.autosave.flush()
    assert stored(app_context, rid, "measures") == [{"lead": "MOFA"}, {"lead": "MIC"}]
    remove = next(b for b in block.groups[0].findChildren(QPushButton)
                  if b.accessibleName() == "Remove Measure 1")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    window.session.autosave.flush()
    assert stored(app_context, rid, "measures") == [{"lead": "MIC"}]
    # The removed entry is kept in a revision.
    kept = app_context.responses.revisions(rid, "measures")
    assert kept and kept[0].value == [{"lead": "MOFA"}, {"lead": "MIC"}]


def test_navigator_shows_how_many_entries_a_block_has(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(SR, "SR", answers={"measures": [{"lead": "MIC"}]})
    window = open_window(qtbot, app_context, rid)
    assert nav_count(window, "measures").startswith("1 ")
    window.navigator.select("measures")
    qtbot.mouseClick(window.answers.other.add_button, Qt.MouseButton.LeftButton)
    assert nav_count(window, "measures").startswith("2 ")
