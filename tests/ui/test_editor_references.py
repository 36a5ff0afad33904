"""Cross-references in the answer editor: one chip, stepped over, deleted and undone whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from consultdesk.app_context import AppContext
from consultdesk.domain.questionnaire import Convention, Limit, Unit
from consultdesk.ui import theme
from consultdesk.ui.editor.answer_editor import AnswerEditor
from consultdesk.ui.editor.document_model import block_text
from consultdesk.ui.editor.references import (
    TARGET_PROPERTY,
    document_markdown,
    insert_reference,
    load_markdown,
    reference_at,
    reference_missing,
)
from consultdesk.ui.response_window import ResponseWindow

OHCHR = "ohchr-civic-space-2021"
CTRL = Qt.KeyboardModifier.ControlModifier
LABELS = {"q2": "question 2", "q3": "question 3"}
ANSWER = "See the answer for [question 2](#ref:q2) and **[question 3](#ref:q3)**.\n"


def editor_with(qtbot, markdown: str, limit: Limit | None = None) -> AnswerEditor:
    """An answer editor showing ``markdown``, shown and focused."""
    widget = AnswerEditor()
    qtbot.addWidget(widget)
    document = QTextDocument(widget)
    load_markdown(document, markdown, LABELS)
    widget.show_document("q1", document, limit, Convention.DOCUMENT)
    widget.resize(600, 300)
    widget.show()
    widget.editor.setFocus()
    return widget


def chips(document: QTextDocument) -> list[tuple[int, str, str]]:
    return [(p, *found) for p in range(document.characterCount())
            if (found := reference_at(document, p)) is not None]


def test_a_reference_is_one_character_showing_the_current_label(qtbot) -> None:
    # The stored label is last year's number: the chip shows the question's number now.
    widget = editor_with(qtbot, "See [question 7](#ref:q2).\n")
    document = widget.editor.document()
    assert document.toPlainText() == "See \ufffc."
    assert chips(document) == [(4, "q2", "question 2")]
    assert block_text(document.begin()) == "See question 2."
    assert document_markdown(document) == "See [question 2](#ref:q2).\n"


def test_markdown_round_trip_is_exact(qtbot) -> None:
    markdown = ("Intro [question 2](#ref:q2) then *italic [question 3](#ref:q3)*.\n\n"
                "- first [question 2](#ref:q2)[question 3](#ref:q3)\n"
                "- second\n")
    widget = editor_with(qtbot, markdown)
    assert document_markdown(widget.editor.document()) == markdown
    assert len(chips(widget.editor.document())) == 4


def test_unknown_target_keeps_its_text(qtbot) -> None:
    widget = editor_with(qtbot, "See [question 9](#ref:gone).\n")
    assert chips(widget.editor.document()) == [(4, "gone", "question 9")]
    assert reference_missing(widget.editor.document(), 4)  # drawn as a warning
    assert not reference_missing(editor_with(qtbot, ANSWER).editor.document(), 19)
    assert document_markdown(widget.editor.document()) == "See [question 9](#ref:gone).\n"


def test_typing_around_and_arrowing_over_the_chip(qtbot) -> None:
    widget = editor_with(qtbot, "See [question 2](#ref:q2)\n")
    editor = widget.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " above")
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    for _ in range(4):
        qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert editor.textCursor().position() == 4  # just before the chip
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert editor.textCursor().position() == 5  # one step over the whole chip
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    qtbot.keyClicks(editor, "also ")
    assert editor.document().toPlainText() == "See also \ufffc above"
    # Text typed right after the chip is plain text, not part of the chip.
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClicks(editor, ",")
    cursor = QTextCursor(editor.document())
    cursor.setPosition(11)
    assert not cursor.charFormat().hasProperty(TARGET_PROPERTY)
    assert document_markdown(editor.document()) == (
        "See also [question 2](#ref:q2), above\n")


def test_backspace_and_delete_remove_it_whole_and_undo_brings_it_back(qtbot) -> None:
    widget = editor_with(qtbot, "See [question 2](#ref:q2) above\n")
    editor = widget.editor
    cursor = editor.textCursor()
    cursor.setPosition(5)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.document().toPlainText() == "See  above"
    assert document_markdown(editor.document()) == "See  above\n"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert chips(editor.document()) == [(4, "q2", "question 2")]
    assert document_markdown(editor.document()) == "See [question 2](#ref:q2) above\n"
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)  # redo
    assert editor.document().toPlainText() == "See  above"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    cursor.setPosition(4)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.document().toPlainText() == "See  above"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert len(chips(editor.document())) == 1


def test_inserting_is_one_undo_step(qtbot) -> None:
    widget = editor_with(qtbot, "See\n")
    editor = widget.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " ")
    insert_reference(editor.textCursor(), "q3", "question 3")
    qtbot.keyClicks(editor, " below")
    assert document_markdown(editor.document()) == "See [question 3](#ref:q3) below\n"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # " below"
    assert document_markdown(editor.document()) == "See [question 3](#ref:q3)\n"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the chip, in one step
    assert editor.document().toPlainText() == "See "


def test_the_counter_counts_the_label(qtbot) -> None:
    widget = editor_with(qtbot, "See [question 2](#ref:q2).\n",
                         Limit(amount=10, unit=Unit.WORDS))
    assert widget.counter.label.text().startswith("3 / 10 words")  # See, question, 2.
    widget.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(widget.editor, " And")
    assert widget.counter.label.text().startswith("4 / 10 words")


def test_copy_and_paste_keeps_the_chip(qtbot) -> None:
    widget = editor_with(qtbot, "See [question 2](#ref:q2) now\n")
    editor = widget.editor
    cursor = editor.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(5, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_C, CTRL)
    assert QGuiApplication.clipboard().text() == "See question 2"  # other programs
    # Word and browsers get the label as words (Qt alone would give an empty object).
    assert "See question 2" in QGuiApplication.clipboard().mimeData().html()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    assert document_markdown(editor.document()) == (
        "See [question 2](#ref:q2) nowSee [question 2](#ref:q2)\n")


def test_pasted_range_is_reported(qtbot) -> None:
    widget = editor_with(qtbot, "Start\n")
    spans: list[tuple[int, int]] = []
    widget.editor.pasted.connect(lambda a, b: spans.append((a, b)))
    widget.editor.moveCursor(QTextCursor.MoveOperation.End)
    data = QMimeData()
    data.setText(" pasted")
    widget.editor.insertFromMimeData(data)
    assert spans == [(5, 12)]


def test_ctrl_click_and_context_menu_name_the_target(qtbot) -> None:
    widget = editor_with(qtbot, "See [question 2](#ref:q2) now\n")
    editor = widget.editor
    qtbot.waitExposed(widget)
    targets: list[str] = []
    editor.reference_activated.connect(targets.append)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(4)
    left = editor.cursorRect(cursor)
    cursor.setPosition(5)
    right = editor.cursorRect(cursor)
    middle = QPoint((left.left() + right.left()) // 2, left.center().y())
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, CTRL, middle)
    assert targets == ["q2"]
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, CTRL,
                     QPoint(right.left() + 40, left.center().y()))  # on "now": nothing
    assert targets == ["q2"]
    assert editor.reference_under(middle)[1:] == ("q2", "question 2")


def test_window_round_trip_to_the_database(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan",
                                       answers={"q1": "As said in [question 7](#ref:q2).\n"})
    window = ResponseWindow(app_context, rid)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.navigator.select("q1")
    editor = window.answers.text_editor.editor
    assert editor.document().toPlainText() == "As said in \ufffc."
    assert chips(editor.document()) == [(11, "q2", "question 2")]
    # Ctrl+click on the chip goes to the target question.
    qtbot.waitExposed(window)
    cursor = QTextCursor(editor.document())
    cursor.setPosition(11)
    left = editor.cursorRect(cursor)
    cursor.setPosition(12)
    on_chip = QPoint((left.left() + editor.cursorRect(cursor).left()) // 2, left.center().y())
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, CTRL, on_chip)
    assert window.current_key() == "q2"
    window.navigator.select("q1")
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " Thanks.")
    qtbot.waitUntil(lambda: app_context.responses.load(rid).answers["q1"]
                    == "As said in [question 2](#ref:q2). Thanks.\n", timeout=5000)
    window.close()
    QApplication.processEvents()


@pytest.mark.parametrize("dark", [False, True])
def test_the_chip_is_painted_in_the_link_colour(qtbot, tmp_path, dark: bool) -> None:
    app = QApplication.instance()
    before = app.palette()
    palette = theme.dark_palette() if dark else theme.light_palette()
    app.setPalette(palette)
    try:
        widget = editor_with(qtbot, "See [question 2](#ref:q2) now\n")
        qtbot.waitExposed(widget)
        editor = widget.editor
        cursor = QTextCursor(editor.document())
        cursor.setPosition(4)
        left = editor.cursorRect(cursor)
        cursor.setPosition(5)
        right = editor.cursorRect(cursor)
        assert right.left() - left.left() > 40  # as wide as its label, not one character
        image = editor.viewport().grab().toImage()
        image.save(str(tmp_path / f"chip-{'dark' if dark else 'light'}.png"))
        link = palette.color(QPalette.ColorRole.Link)
        inked = [image.pixelColor(x, y) for x in range(left.left(), right.left())
                 for y in range(left.top(), left.bottom())]
        close = [c for c in inked if abs(c.red() - link.red()) + abs(c.green() - link.green())
                 + abs(c.blue() - link.blue()) < 60]
        assert len(close) > 20  # the label's strokes and the edge
    finally:
        app.setPalette(before)


def test_a_line_holding_a_chip_is_as_tall_as_the_others(qtbot) -> None:
    # A paragraph wrapping over several lines, chips on some of them: even line spacing.
    words = " ".join(["words"] * 30)
    widget = editor_with(qtbot, f"{words} [question 2](#ref:q2) {words} "
                                f"**[question 3](#ref:q3)** {words}\n\nNo chip here.\n")
    document = widget.editor.document()
    layout = document.begin().layout()
    assert layout.lineCount() >= 4
    plain = document.lastBlock().layout().lineAt(0).height()
    heights = {layout.lineAt(i).height() for i in range(layout.lineCount())}
    assert heights == {plain}
