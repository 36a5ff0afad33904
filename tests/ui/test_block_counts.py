"""Incremental counting: after any sequence of edits, the same count as counting from scratch."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextDocument, QTextListFormat
from PySide6.QtWidgets import QApplication

from consultdesk.domain.counting import count_markdown, measure
from consultdesk.domain.questionnaire import Convention, Limit, Unit
from consultdesk.domain.rich_text import parse_markdown, to_markdown
from consultdesk.ui.editor.block_counts import BlockCounts, counts_for
from consultdesk.ui.editor.document_model import (
    INLINE_TEXT_PROPERTY,
    document_paragraphs,
    fill_document,
)

_texts = st.sampled_from(["x", " ", "word ", "日本", "\u2014", "a\u2028b", "  ", "e\u0301",
                          "👍🏽", "\u3000", "\t"])
_edit = st.tuples(st.sampled_from(["type", "type", "enter", "delete", "undo", "redo", "list",
                                   "bold"]),
                  st.floats(0, 1), st.integers(1, 12), _texts)


def _stored_count(document: QTextDocument, unit: Unit,
                  convention: Convention = Convention.DOCUMENT) -> int:
    return count_markdown(to_markdown(document_paragraphs(document).paragraphs), unit,
                          convention)


def _apply(document: QTextDocument, edit: tuple[str, float, int, str]) -> None:
    kind, where, length, text = edit
    cursor = QTextCursor(document)
    # Moving by characters as a person does: never inside an emoji or an accented letter.
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.MoveAnchor,
                        int(where * (document.characterCount() - 1)))
    if kind == "type":
        cursor.insertText(text)
    elif kind == "enter":
        cursor.insertBlock()
    elif kind == "delete":
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter,
                            QTextCursor.MoveMode.KeepAnchor, length)
        cursor.removeSelectedText()
    elif kind == "undo":
        document.undo()
    elif kind == "redo":
        document.redo()
    elif kind == "list":
        cursor.createList(QTextListFormat.Style.ListDisc)
    else:
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter,
                            QTextCursor.MoveMode.KeepAnchor, length)
        fmt = QTextCharFormat()
        fmt.setFontWeight(700)
        cursor.mergeCharFormat(fmt)


@settings(max_examples=150, deadline=None)
@given(st.lists(_edit, max_size=40), st.sampled_from(list(Unit)), st.sampled_from(list(Convention)))
def test_incremental_counts_equal_counting_the_stored_answer(qapp: QApplication, edits: list,
                                                             unit: Unit,
                                                             convention: Convention) -> None:
    document = QTextDocument()
    fill_document(document, parse_markdown("Intro **text**.\n\n1. one\n2. two\n\nEnd."))
    counts = counts_for(document, unit, convention)
    for edit in edits:
        _apply(document, edit)
        assert counts.total() == _stored_count(document, unit, convention)


@settings(max_examples=60, deadline=None)
@given(st.lists(_edit, max_size=25), st.integers(0, 60))
def test_overflow_point_is_where_the_stored_count_passes_the_limit(qapp: QApplication,
                                                                   edits: list,
                                                                   amount: int) -> None:
    document = QTextDocument()
    fill_document(document, parse_markdown("One two three.\n\nFour five six seven."))
    counts = BlockCounts(document, Unit.CHARACTERS_WITH_SPACES)
    for edit in edits:
        _apply(document, edit)
    position = counts.overflow_position(amount)
    total = _stored_count(document, Unit.CHARACTERS_WITH_SPACES)
    if total <= amount:
        assert position is None
        return
    assert position is not None
    # Everything before the cut fits the limit; one character more does not.
    before, one_more = QTextCursor(document), QTextCursor(document)
    before.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    one_more.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    # One user-perceived character more (an emoji is up to four UTF-16 positions).
    one_more.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
    head = QTextDocument()
    head_cursor = QTextCursor(head)
    head_cursor.insertFragment(before.selection())
    assert _stored_count(head, Unit.CHARACTERS_WITH_SPACES) <= amount
    longer = QTextDocument()
    QTextCursor(longer).insertFragment(one_more.selection())
    assert _stored_count(longer, Unit.CHARACTERS_WITH_SPACES) > amount


def test_an_inline_object_counts_as_the_text_it_renders(qapp: QApplication) -> None:
    # A cross-reference is one object character showing "see the answer to question 2".
    document = QTextDocument()
    fill_document(document, parse_markdown("As noted:"))
    counts = BlockCounts(document, Unit.WORDS)
    assert counts.total() == 2
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    fmt = QTextCharFormat()
    fmt.setProperty(INLINE_TEXT_PROPERTY, "see the answer to question 2")
    cursor.insertText(" ")
    cursor.insertText("\ufffc", fmt)
    assert counts.total() == 2 + 6
    assert measure(to_markdown(document_paragraphs(document).paragraphs),
                   Limit(amount=10, unit=Unit.WORDS)).value == 8
    assert counts.overflow_position(7) == cursor.position() - 1  # the object itself
