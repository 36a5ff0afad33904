"""Insert ▸ Reference to another answer…, the context menu, and the offer after a paste."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from consultdesk.app_context import AppContext
from consultdesk.ui.editor.references import ChipState, document_markdown, reference_state
from consultdesk.ui.response_window import ResponseWindow
from consultdesk.ui.response_window.navigator import RESPONDENT_KEY
from consultdesk.ui.response_window.reference_chooser import ReferenceChooser

OHCHR = "ohchr-civic-space-2021"
CTRL = Qt.KeyboardModifier.ControlModifier


def open_window(qtbot, context: AppContext, rid: str) -> ResponseWindow:
    window = ResponseWindow(context, rid)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.navigator.select("q1")
    return window


def stored(context: AppContext, rid: str, qid: str) -> object:
    return context.responses.load(rid).answers.get(qid)


def on_next_popup(handler: Callable[[QMenu], None], timeout_s: float = 10.0) -> None:
    """Run ``handler`` on the next popup menu once it is shown (for code calling exec())."""
    deadline = time.monotonic() + timeout_s

    def poll() -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu) and popup.isVisible():
            try:
                handler(popup)
            finally:
                popup.close()
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_the_chooser_lists_the_other_questions_and_inserts_one(qtbot, modal,
                                                               app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "See\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " ")
    seen: list[list[str]] = []

    def choose(dialog) -> None:
        assert isinstance(dialog, ReferenceChooser)
        seen.append([dialog.list.item(r).text()[:2] for r in range(dialog.list.count())])
        qtbot.keyClicks(dialog.filter, "minimise")  # words of question 4
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    modal(choose)
    assert window.references.action_insert.isEnabled()
    window.references.action_insert.trigger()
    assert seen == [["2 ", "3 ", "4 ", "5 ", "6 "]]  # not the answer's own question
    qtbot.keyClicks(editor, " above.")
    assert document_markdown(editor.document()) == "See [question 4](#ref:q4) above.\n"
    qtbot.waitUntil(lambda: stored(app_context, rid, "q1")
                    == "See [question 4](#ref:q4) above.\n", timeout=5000)
    # The menu item is there, under Insert, and off where there is no answer editor.
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Insert" in titles
    window.navigator.select(RESPONDENT_KEY)
    assert not window.references.action_insert.isEnabled()


def test_a_japanese_questionnaire_reads_and_inserts_its_own_labels(
        qtbot, modal, app_context: AppContext) -> None:
    """Chips read 問2 in a Japanese questionnaire; typing 問3 in the chooser finds question 3."""
    ohchr = app_context.catalog.get(OHCHR)
    app_context.catalog.add(ohchr.model_copy(update={"id": "ohchr-ja", "language": "ja"}))
    rid = app_context.responses.create("ohchr-ja", "日本",
                                       answers={"q1": "[question 2](#ref:q2)を参照。\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    assert document_markdown(editor.document()) == "[問2](#ref:q2)を参照。\n"
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)

    def choose(dialog) -> None:
        # QTest cannot type a kanji (an input method commits it): commit it, type the 3.
        dialog.filter.insert("問")
        qtbot.keyClicks(dialog.filter, "3")
        assert [dialog.list.item(r).text()[:2] for r in range(dialog.list.count())
                if not dialog.list.item(r).isHidden()] == ["3 "]
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    modal(choose)
    window.references.action_insert.trigger()
    assert document_markdown(editor.document()) == "[問2](#ref:q2)を参照。[問3](#ref:q3)\n"
    qtbot.waitUntil(lambda: stored(app_context, rid, "q1")
                    == "[問2](#ref:q2)を参照。[問3](#ref:q3)\n", timeout=5000)


def test_cancelling_the_chooser_inserts_nothing(qtbot, modal, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "See\n"})
    window = open_window(qtbot, app_context, rid)
    modal(lambda dialog: dialog.reject())
    window.references.action_insert.trigger()
    assert document_markdown(window.answers.text_editor.editor.document()) == "See\n"


def test_the_context_menu_offers_insert_and_go_to(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan",
                                       answers={"q1": "See [question 2](#ref:q2).\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(4)
    left = editor.cursorRect(cursor)
    cursor.setPosition(5)
    on_chip = QPoint((left.left() + editor.cursorRect(cursor).left()) // 2, left.center().y())
    texts: list[str] = []

    def read(menu: QMenu) -> None:
        texts.extend(a.text() for a in menu.actions() if not a.isSeparator())
        go = next(a for a in menu.actions() if a.text() == "Go to question 2")
        QTimer.singleShot(0, go.trigger)

    on_next_popup(read)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, on_chip,
                              editor.viewport().mapToGlobal(on_chip))
    QApplication.sendEvent(editor.viewport(), event)
    assert texts[0] == "Go to question 2"
    assert "&Reference to another answer…" in texts
    qtbot.waitUntil(lambda: window.current_key() == "q2", timeout=2000)


def test_a_pasted_phrase_is_offered_as_a_reference(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "Yes.\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QGuiApplication.clipboard().setText(" See the answer for Q2 and question 9.")
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    bar = window.reference_offer
    assert bar.isVisible()
    assert bar.label.text() == ("This text refers to question 2. Turn it into a live "
                                "reference?")
    qtbot.mouseClick(bar.accept_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    expected = "Yes. See the answer for [question 2](#ref:q2) and question 9.\n"
    assert document_markdown(editor.document()) == expected
    qtbot.waitUntil(lambda: stored(app_context, rid, "q1") == expected, timeout=5000)
    # One undo step takes the reference back to the pasted words.
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert document_markdown(editor.document()) == (
        "Yes. See the answer for Q2 and question 9.\n")


def test_the_offer_can_be_declined_and_goes_with_the_question(qtbot,
                                                              app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "Yes.\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QGuiApplication.clipboard().setText(" Voir la réponse à la question 3.")
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert window.reference_offer.isVisible()
    qtbot.mouseClick(window.reference_offer.close_button, Qt.MouseButton.LeftButton)
    assert not window.reference_offer.isVisible()
    assert document_markdown(editor.document()) == "Yes. Voir la réponse à la question 3.\n"
    QGuiApplication.clipboard().setText(" See question 1 above.")  # its own question
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert not window.reference_offer.isVisible()
    QGuiApplication.clipboard().setText(" See question 5 above.")
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert window.reference_offer.isVisible()
    window.navigator.select("q2")
    assert not window.reference_offer.isVisible()


def test_finding_a_label_selects_the_chip_then_the_words(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={
        "q1": "See [question 2](#ref:q2). Also question 2 in words, and 質問.\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    # As the find bar counts: the chip reads "question 2", so it is the first hit.
    window.show_hit("q1", "Question 2")
    cursor = editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (4, 5)  # the whole chip
    window._found("q1", "question 2", 1)
    assert editor.textCursor().selectedText() == "question 2"
    window._found("q1", "ee que", 0)  # from the words into the chip: the chip with it
    assert editor.textCursor().selectedText() == "ee \ufffc"
    window._found("q1", "質問", 0)
    assert editor.textCursor().selectedText() == "質問"
    assert not window.answers.select_match("question 2", 2)


def test_paste_as_plain_text_offers_too(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "Yes.\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QGuiApplication.clipboard().setText(" 問2の回答を参照。")
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.reference_offer.isVisible()
    qtbot.mouseClick(window.reference_offer.accept_button, Qt.MouseButton.LeftButton)
    assert document_markdown(editor.document()) == "Yes. [question 2](#ref:q2)の回答を参照。\n"


def test_copy_for_a_web_form_reads_the_current_number(qtbot, app_context: AppContext) -> None:
    # Stored by an older version with last year's number; the questionnaire says 2 now.
    rid = app_context.responses.create(OHCHR, "Japan",
                                       answers={"q1": "See [question 7](#ref:q2).\n"})
    window = open_window(qtbot, app_context, rid)
    window.action_copy_portal.trigger()
    assert QGuiApplication.clipboard().text() == "See question 2."


def test_a_chip_to_an_unanswered_question_is_marked_until_it_is_answered(
        qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={
        "q1": "See [question 2](#ref:q2) and [question 3](#ref:q3).\n", "q2": "Yes.\n"})
    window = open_window(qtbot, app_context, rid)
    document = window.answers.document("q1")
    assert reference_state(document, 4) is ChipState.OK
    assert reference_state(document, 10) is ChipState.UNANSWERED  # drawn dotted
    window.navigator.select("q3")
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Now answered.")
    window.answers.flush_pending()
    assert reference_state(document, 10) is ChipState.OK


def test_a_filter_matching_nothing_says_so(qtbot, app_context: AppContext) -> None:
    questionnaire = app_context.catalog.get(OHCHR)
    chooser = ReferenceChooser(questionnaire, "q1")
    qtbot.addWidget(chooser)
    chooser.show()
    assert not chooser.no_match.isVisible()
    qtbot.keyClicks(chooser.filter, "zzz")
    assert chooser.no_match.isVisible()
    assert chooser.no_match.text() == "No question matches “zzz”."
    assert chooser.chosen() is None
    qtbot.keyClick(chooser.filter, Qt.Key.Key_Backspace)
    qtbot.keyClick(chooser.filter, Qt.Key.Key_Backspace)
    qtbot.keyClick(chooser.filter, Qt.Key.Key_Backspace)
    assert not chooser.no_match.isVisible() and chooser.chosen() == "q2"


def test_an_offer_for_two_questions_reads_as_a_sentence(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "Yes.\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    QGuiApplication.clipboard().setText(" See the answer for Q2. See the answer for Q4.")
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert window.reference_offer.label.text() == (
        "This text refers to question 2 and question 4. Turn them into live references?")


def test_the_offer_lists_questions_as_japanese_does(qtbot, qapp) -> None:
    from consultdesk.ui.i18n import Translations
    from consultdesk.ui.response_window.reference_actions import ReferenceOfferBar

    translations = Translations()
    assert translations.install("ja")
    try:
        bar = ReferenceOfferBar()
        qtbot.addWidget(bar)
        bar.offer(["question 2", "question 4", "question 5"])
        assert bar.label.text() == ("この文は question 2、question 4、question 5 を指しています。"
                                    "自動更新される参照に変えますか？")
    finally:
        translations.remove()


def test_chip_tooltips_read_as_sentences(qtbot, app_context: AppContext) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    rid = app_context.responses.create(OHCHR, "Japan", answers={
        "q1": "See [question 2](#ref:q2), [question 6](#ref:q6), [question 9](#ref:q9).\n",
        "q2": "Yes.\n"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    said = []
    for position in (4, 7, 10):  # the three chips
        cursor = QTextCursor(editor.document())
        cursor.setPosition(position)
        left = editor.cursorRect(cursor)
        cursor.setPosition(position + 1)
        point = QPoint((left.left() + editor.cursorRect(cursor).left()) // 2, left.center().y())
        QApplication.sendEvent(editor.viewport(), QHelpEvent(
            QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point)))
        qtbot.waitUntil(QToolTip.isVisible)
        said.append(QToolTip.text())
        QToolTip.hideText()
    assert said == ["Ctrl+click to go to question 2",
                    "Question 6 has no answer yet (Ctrl+click to go to it)",
                    "Question 9: not a question of this questionnaire"]
