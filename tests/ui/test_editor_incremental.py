"""Incremental Markdown, counts and overflow highlight equal a full pass after random edits.

A fixed set of seeds drives long sequences of the edits a person makes in the real
editor (typing, Enter, deleting across paragraphs, bold and italic, lists, nesting,
pasting rich text, cross-references, undo and redo, the answer replaced from elsewhere); after every
edit the kept Markdown must be exactly the full serialisation, every kept count
(each unit, Word and portal) the stored answer's count, and the highlight the one
made from scratch at a cut where the stored count passes the limit.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QTextEdit

from consultdesk.domain.counting import count_markdown
from consultdesk.domain.questionnaire import Convention, Limit, Unit
from consultdesk.domain.rich_text import ListType, parse_markdown, to_markdown
from consultdesk.ui.editor.answer_editor import AnswerEditor
from consultdesk.ui.editor.block_counts import counts_for
from consultdesk.ui.editor.block_markdown import BlockMarkdown
from consultdesk.ui.editor.document_model import document_paragraphs, fill_document
from consultdesk.ui.editor.overflow import overflow_format
from consultdesk.ui.editor.references import insert_reference

START = ("We held **open** consultations.\n\n- first *point*\n- second\n  1. nested\n"
         "  2. deeper\n\nA closing line\\\nwith a break.\n")
TEXTS = ["x", " ", "word ", "日本語", "\u2014", "  ", "e\u0301", "👍🏽", "\t", "a*b", "1. ",
         "- ", "_", "10"]
PASTES = ["<p>Pasted <b>bold</b> and <i>italic</i></p><ul><li>one</li><li>two</li></ul>",
          "<ol><li>alpha</li><li>beta<ol><li>inner</li></ol></li></ol><p>after</p>",
          "<p>plain</p><p></p><p>   </p><p>last</p>"]
REPLACEMENTS = ["Replaced from elsewhere.\n", "1. a\n2. b\n3. c\n\nEnd.\n", ""]
SEEDS = range(16)
STEPS = 70


def _move(editor: QTextEdit, rng: random.Random, select: bool = False) -> None:
    """Put the cursor somewhere, moving by characters as a person does (never inside 👍🏽)."""
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.MoveAnchor,
                        rng.randrange(editor.document().characterCount()))
    if select:
        cursor.movePosition(QTextCursor.MoveOperation.NextCharacter,
                            QTextCursor.MoveMode.KeepAnchor, rng.randrange(1, 40))
    editor.setTextCursor(cursor)


def _edit(widget: AnswerEditor, rng: random.Random) -> None:
    """One edit as the editor makes it (its own actions, its own paste)."""
    editor = widget.editor
    kind = rng.choice(["type", "type", "type", "enter", "delete", "bold", "italic", "bullets",
                       "numbers", "indent", "outdent", "paste", "undo", "redo", "replace",
                       "reference"])
    if kind in ("type", "enter"):
        _move(editor, rng)
        if kind == "type":
            editor.textCursor().insertText(rng.choice(TEXTS))
        else:
            editor.textCursor().insertBlock()
    elif kind == "delete":
        _move(editor, rng, select=True)
        editor.textCursor().removeSelectedText()
    elif kind in ("bold", "italic"):
        _move(editor, rng, select=True)
        action = editor.action_bold if kind == "bold" else editor.action_italic
        action.trigger()
    elif kind in ("bullets", "numbers"):
        _move(editor, rng, select=rng.random() < 0.5)
        editor.toggle_list(ListType.BULLET if kind == "bullets" else ListType.ORDERED)
    elif kind in ("indent", "outdent"):
        _move(editor, rng, select=rng.random() < 0.5)
        editor.indent() if kind == "indent" else editor.outdent()
    elif kind == "paste":
        _move(editor, rng, select=rng.random() < 0.3)
        mime = QMimeData()
        mime.setHtml(rng.choice(PASTES))
        editor.insertFromMimeData(mime)
    elif kind == "reference":  # a cross-reference chip, counted and saved as its label
        _move(editor, rng, select=rng.random() < 0.2)
        insert_reference(editor.textCursor(), rng.choice(["q2", "q10"]),
                         rng.choice(["question 2", "question 10"]))
    elif kind == "undo":
        editor.document().undo()
    elif kind == "redo":
        editor.document().redo()
    else:  # the answer written elsewhere and loaded into the open document
        fill_document(editor.document(), parse_markdown(rng.choice(REPLACEMENTS)))


def _stored_count_of_prefix(document: QTextDocument, position: int, convention: Convention,
                            unit: Unit) -> int:
    """The stored count of the document's text before ``position``."""
    cursor = QTextCursor(document)
    cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    head = QTextDocument()
    QTextCursor(head).insertFragment(cursor.selection())
    return count_markdown(to_markdown(document_paragraphs(head).paragraphs), unit, convention)


def _expected_spans(document: QTextDocument, position: int) -> list[tuple[int, int]]:
    """The highlight made from scratch: the cut's paragraph from the cut, then each paragraph."""
    spans = []
    block = document.findBlock(position)
    start = position
    while block.isValid():
        end = block.position() + block.length() - 1
        if end > start:
            spans.append((start, end))
        block = block.next()
        start = block.position() if block.isValid() else 0
    return spans


def _shown_spans(editor: QTextEdit) -> list[tuple[int, int]]:
    selections = editor.extraSelections()
    fmt = overflow_format(editor.palette())
    for s in selections:
        assert s.format.background() == fmt.background()
        assert s.format.underlineStyle() == fmt.underlineStyle()
    return [(s.cursor.selectionStart(), s.cursor.selectionEnd()) for s in selections]


def _check(widget: AnswerEditor, markdowns: BlockMarkdown, counts: dict, limit: Limit,
           convention: Convention) -> None:
    document = widget.editor.document()
    full = to_markdown(document_paragraphs(document).paragraphs)
    assert markdowns.markdown() == full
    for (conv, unit), kept in counts.items():
        assert kept.total() == count_markdown(full, unit, conv), (conv, unit, full)
    _markdown, count = widget.refresh()
    assert count.value == count_markdown(full, limit.unit, convention)
    position = widget._overflow_at
    if count.value <= limit.amount:
        assert position is None
        assert widget.editor.extraSelections() == []
        return
    assert position is not None
    # The cut: the text before it fits the limit, one visible character more does not
    # (white space at a paragraph's edges is not saved, so it is stepped over).
    assert _stored_count_of_prefix(document, position, convention, limit.unit) <= limit.amount
    after = QTextCursor(document)
    after.setPosition(position)
    while document.characterAt(after.position()).isspace() or (
            document.characterAt(after.position()) in "\u2029\u2028"):
        assert after.movePosition(QTextCursor.MoveOperation.NextCharacter)
    after.movePosition(QTextCursor.MoveOperation.NextCharacter)
    assert _stored_count_of_prefix(document, after.position(), convention,
                                   limit.unit) > limit.amount
    assert _shown_spans(widget.editor) == _expected_spans(document, position)


@pytest.mark.parametrize("convention", list(Convention))
@pytest.mark.parametrize("seed", SEEDS)
def test_kept_markdown_counts_and_highlight_equal_a_full_pass(qapp: QApplication, seed: int,
                                                              convention: Convention) -> None:
    rng = random.Random(seed)
    limit = Limit(amount=rng.randrange(20, 120), unit=rng.choice(list(Unit)))
    widget = AnswerEditor()
    document = QTextDocument(widget)
    fill_document(document, parse_markdown(START))
    widget.show_document("q", document, limit, convention)
    markdowns = BlockMarkdown.of(document)
    counts = {(c, u): counts_for(document, u, c) for c in Convention for u in Unit}
    _check(widget, markdowns, counts, limit, convention)
    for _ in range(STEPS):
        _edit(widget, rng)
        _check(widget, markdowns, counts, limit, convention)
    widget.deleteLater()
