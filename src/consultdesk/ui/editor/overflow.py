"""Highlight the text beyond a limit, so the official sees exactly what to cut."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QColor,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit


def overflow_format(palette: QPalette) -> QTextCharFormat:
    """A red tint readable on light and dark backgrounds, with a wavy underline."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    fmt = QTextCharFormat()
    fmt.setBackground(QColor("#6b1f24") if dark else QColor("#ffd6d9"))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(QColor("#ff6b6b") if dark else QColor("#c62828"))
    return fmt


def _selection(document: QTextDocument, start: int, end: int, fmt: QTextCharFormat
               ) -> QTextEdit.ExtraSelection | None:
    """A tint from ``start`` to ``end`` (None when that is empty)."""
    if end <= start:
        return None
    selection = QTextEdit.ExtraSelection()
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    selection.cursor = cursor
    selection.format = fmt
    return selection


def _block_selection(block: QTextBlock, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection | None:
    """A tint over a block's text, not its separator."""
    return _selection(block.document(), block.position(), block.position() + block.length() - 1,
                      fmt)


class OverflowHighlight(QObject):
    """Shows the overflow from a position to the end, as extra selections (not in the text).

    One selection per paragraph, each ending before the paragraph's end: a single one
    across paragraphs also tints the paragraph separators, a pink sliver after each
    line's end and in the gap between paragraphs.

    Kept across keys: the selections of the paragraphs after the cut (the tail, one
    slot per block) are made again only for the blocks an edit touched
    (``contentsChange``); the others' cursors move with the text as Qt keeps them.
    The cut's own paragraph is tinted again on each :meth:`show`, and the tail grows
    or shrinks at its start when the cut moves to another paragraph.  The editor is
    given new selections only when one of them changed.
    """

    def __init__(self, editor: QTextEdit) -> None:
        super().__init__(editor)
        self._editor = editor
        self._document: QTextDocument | None = None
        self._format = QTextCharFormat()
        self._position: int | None = None  # where the shown highlight starts
        self._head: QTextEdit.ExtraSelection | None = None
        self._tail: list[QTextEdit.ExtraSelection | None] = []
        self._tail_start = 0  # the block number of the tail's first slot
        self._blocks = 0
        self._dirty = False

    @property
    def position(self) -> int | None:
        """Where the shown highlight starts (None when nothing is highlighted)."""
        return self._position

    def attach(self, document: QTextDocument) -> None:
        """Follow ``document`` (the editor's, after it changed); nothing is shown for it yet."""
        if self._document is not document:
            if self._document is not None:
                try:
                    self._document.contentsChange.disconnect(self._changed)
                except (RuntimeError, TypeError):  # the earlier document is gone
                    pass
            document.documentLayout()  # Qt signals contentsChange only for a laid-out document
            document.contentsChange.connect(self._changed)
            self._document = document
        if self._position is not None:
            self._editor.setExtraSelections([])
        self._format = overflow_format(self._editor.palette())
        self._position, self._head, self._tail = None, None, []
        self._blocks = document.blockCount()
        self._tail_start = self._blocks

    def restyle(self, palette: QPalette) -> None:
        """Tint in ``palette``'s colours (after a switch to or from dark)."""
        self._format = overflow_format(palette)
        self._forget_tail()
        self._head = None  # made again, in the new format, at the next show

    def _forget_tail(self) -> None:
        """Make every slot again at the next :meth:`show` (after an edit not understood)."""
        self._tail = []
        self._tail_start = self._blocks
        self._dirty = True

    def _changed(self, position: int, _removed: int, added: int) -> None:
        document = self._document
        assert document is not None
        blocks = document.blockCount()
        delta, self._blocks = blocks - self._blocks, blocks
        if self._position is None:
            self._tail_start = blocks
            return
        self._dirty = True
        first = document.findBlock(position)
        last = document.findBlock(position + added)
        if not last.isValid():
            last = document.lastBlock()
        if not first.isValid():
            self._forget_tail()
            return
        a, b = first.blockNumber(), last.blockNumber()
        old_b = b - delta  # where the touched blocks ended before the edit
        start, tail = self._tail_start, self._tail
        if old_b < start:  # all before the tail: its blocks only moved
            self._tail_start = start + delta
        elif old_b - start >= len(tail) or old_b < a - 1:
            self._forget_tail()
            return
        else:
            fresh = []
            block = first
            while block.isValid():
                fresh.append(_block_selection(block, self._format))
                if block == last:
                    break
                block = block.next()
            if a >= start:
                tail[a - start:old_b - start + 1] = fresh
            else:  # the edit began before the tail: the tail now starts with it
                self._tail = fresh + tail[old_b - start + 1:]
                self._tail_start = a
        if self._tail_start + len(self._tail) != blocks:
            self._forget_tail()

    def show(self, position: int | None) -> None:
        """Highlight from ``position`` to the end (nothing for None)."""
        document = self._editor.document()
        if document is not self._document:
            self.attach(document)
        if position is None:
            if self._position is not None:
                self._editor.setExtraSelections([])
            self._position, self._head, self._tail = None, None, []
            self._tail_start = self._blocks
            return
        block = document.findBlock(position)
        if self._position is None:
            self._forget_tail()
        after = block.blockNumber() + 1
        if self._tail_start < after:
            del self._tail[:after - self._tail_start]
            self._dirty = True
        elif self._tail_start > after:
            fresh = []
            following = block.next()
            while following.isValid() and following.blockNumber() < self._tail_start:
                fresh.append(_block_selection(following, self._format))
                following = following.next()
            self._tail[0:0] = fresh
            self._dirty = True
        self._tail_start = after
        end = block.position() + block.length() - 1
        head = self._head
        if (not self._dirty and position == self._position and head is not None
                and head.cursor.selectionStart() == position and head.cursor.selectionEnd() == end):
            return  # the cut and every paragraph after it are as shown
        self._head = _selection(document, position, end, self._format)
        self._position = position
        self._dirty = False
        self._editor.setExtraSelections(
            [s for s in (self._head, *self._tail) if s is not None])
