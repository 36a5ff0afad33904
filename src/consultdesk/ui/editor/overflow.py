"""Highlight the text beyond a limit, so the official sees exactly what to cut."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from consultdesk.domain.counting import overflow_offset
from consultdesk.domain.questionnaire import Convention, Limit
from consultdesk.ui.editor.document_model import DocumentParagraphs


def _utf16_length(text: str) -> int:
    """Qt positions count UTF-16 units; Python indexes count code points."""
    return len(text.encode("utf-16-le")) // 2


def overflow_position(document: QTextDocument, measured: DocumentParagraphs, limit: Limit,
                      convention: Convention) -> int | None:
    """The document position where the text passes its limit (None when within)."""
    where = overflow_offset(measured.paragraphs, limit, convention)
    if where is None:
        return None
    index, offset = where
    block = document.findBlockByNumber(measured.block_numbers[index])
    text = measured.paragraphs[index].text
    return block.position() + _utf16_length(text[:offset])


def overflow_format(palette: QPalette) -> QTextCharFormat:
    """A red tint readable on light and dark backgrounds, with a wavy underline."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#6b1f24") if dark else QColor("#ffd6d9"))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor("#ff6b6b") if dark else QColor("#c62828"))
    return fmt


def highlight_overflow(editor: QTextEdit, position: int | None) -> None:
    """Show the overflow from ``position`` to the end as extra selections (not in the text).

    One selection per paragraph, each ending before the paragraph's end: a single one
    across paragraphs also tints the paragraph separators, a pink sliver after each
    line's end and in the gap between paragraphs.
    """
    if position is None:
        editor.setExtraSelections([])
        return
    fmt = overflow_format(editor.palette())
    selections = []
    block = editor.document().findBlock(position)
    while block.isValid():
        start = max(position, block.position())
        end = block.position() + block.length() - 1  # the text, without the separator
        if end > start:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(editor.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        block = block.next()
    editor.setExtraSelections(selections)
