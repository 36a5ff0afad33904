"""Counts kept per block of a document, so a keystroke recounts one paragraph, not the answer.

Each block's count in the limit's unit is cached in a list indexed by block number;
``QTextDocument.contentsChange(position, removed, added)`` says which blocks an edit
touched (typing, paste, undo, a format or list change: always one signal per edit
block) and only those are recounted, the list spliced where blocks were added or
removed.  The total is a sum over the list and the overflow point a running sum
(both C loops over a few hundred integers).  Blocks are counted with
``domain.counting.count_text`` on :func:`~document_model.block_text` as the stored
Markdown keeps it (``rich_text.stored_text``: no white space at the edges), so the
count is the saved answer's and a cross-reference object counts as the text it renders.

This is the Word-document convention, where paragraphs count independently.  A
portal (web-form) counts list markers and numbers that depend on the blocks around
them, so the editor counts those answers with a full pass instead.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextBlock, QTextDocument

from consultdesk.domain.counting import count_text, overflow_in_text
from consultdesk.domain.questionnaire import Unit
from consultdesk.domain.rich_text import stored_text
from consultdesk.ui.editor.document_model import block_position, block_text


class BlockCounts(QObject):
    """The per-block counts of one document in one unit, updated on every change."""

    def __init__(self, document: QTextDocument, unit: Unit) -> None:
        super().__init__(document)  # lives and dies with its document
        self.unit = unit
        self._document = document
        self._counts: list[int] = []
        self._blocks = 0
        self.recount_all()
        document.documentLayout()  # Qt signals contentsChange only for a laid-out document
        document.contentsChange.connect(self._changed)

    @staticmethod
    def of(document: QTextDocument, unit: Unit) -> BlockCounts:
        """The counts kept for ``document`` in ``unit`` (made on first use)."""
        for child in document.findChildren(BlockCounts):
            if child.unit is unit:
                return child
        return BlockCounts(document, unit)

    def _count(self, block: QTextBlock) -> int:
        # As the answer will be stored: white space at a paragraph's edges is not kept
        # (so the count does not drop when the answer is saved and opened again).
        return count_text(stored_text(block_text(block)), self.unit)

    def recount_all(self) -> None:
        """Count every block again (on creation; a safety net for unexpected changes)."""
        counts = []
        block = self._document.begin()
        while block.isValid():
            counts.append(self._count(block))
            block = block.next()
        self._counts = counts
        self._blocks = self._document.blockCount()

    def _changed(self, position: int, _removed: int, added: int) -> None:
        document = self._document
        blocks = document.blockCount()
        first = document.findBlock(position)
        last = document.findBlock(position + added)
        if not last.isValid():
            last = document.lastBlock()
        if not first.isValid():
            self.recount_all()
            return
        a, b = first.blockNumber(), last.blockNumber()
        old_b = b - (blocks - self._blocks)  # where the touched range ended before the edit
        if a > len(self._counts) or old_b < a - 1 or old_b >= len(self._counts):
            self.recount_all()
            return
        fresh = []
        block = first
        while block.isValid():
            fresh.append(self._count(block))
            if block == last:
                break
            block = block.next()
        self._counts[a:old_b + 1] = fresh
        self._blocks = blocks

    def total(self) -> int:
        """The document's count."""
        return sum(self._counts)

    def overflow_position(self, amount: int) -> int | None:
        """The document position of the first character past ``amount`` (None within it)."""
        sums = list(accumulate(self._counts))
        if not sums or sums[-1] <= amount:
            return None
        index = bisect_right(sums, amount)  # the first block whose running sum passes it
        before = sums[index - 1] if index else 0
        block = self._document.findBlockByNumber(index)
        offset = overflow_in_text(block_text(block), self.unit, amount - before, as_stored=True)
        return block_position(block, offset)
