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
    """Show the overflow from ``position`` to the end as an extra selection (not in the text)."""
    if position is None:
        editor.setExtraSelections([])
        return
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(position)
    cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format = overflow_format(editor.palette())
    editor.setExtraSelections([selection])
