"""Counts kept per block of a document, so a keystroke recounts one paragraph, not the answer.

:class:`BlockTable` keeps one entry per block in a list indexed by block number;
``QTextDocument.contentsChange(position, removed, added)`` says which blocks an edit
touched (typing, paste, undo, a format or list change: always one signal per edit
block, covering every block whose text or format changed) and only those entries are
made again, the list spliced where blocks were added or removed.  The counters, the
overflow highlight (``overflow.py``) and the Markdown hand-off (``block_markdown.py``)
are such tables.

:class:`BlockCounts` (a Word document) counts each block with
``domain.counting.count_text`` on :func:`~document_model.block_text` as the stored
Markdown keeps it (``rich_text.stored_text``: no white space at the edges), so the
count is the saved answer's and a cross-reference object counts as the text it
renders.  The total is a sum over the list and the overflow point a running sum (C
loops over a few hundred integers).

:class:`WebFormCounts` (a portal) counts what the portal receives: each paragraph's
text, its list marker as typed ("2. ", "- ") and a line break between paragraphs.
The texts are counted per block as above; the markers depend on the blocks around
(numbering, nesting, blank items dropped on saving), so they are worked out again
only when the list structure may have changed: blocks added or removed, or a touched
block's list, level, format or blankness changed.  They are read from the stored
form itself (the structure's Markdown parsed back), so they are what a save gives.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextBlock, QTextDocument

from consultdesk.domain.counting import count_text, list_marker, overflow_in_text
from consultdesk.domain.questionnaire import Convention, Unit
from consultdesk.domain.rich_text import LINE_BREAK, Run, parse_markdown, stored_text, to_markdown
from consultdesk.ui.editor.document_model import (
    CONTINUATION_PROPERTY,
    LIST_ID_PROPERTY,
    block_position,
    block_text,
    document_paragraphs,
)


class BlockTable(QObject):
    """One entry per block of a document, made again only for the blocks an edit touches."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)  # lives and dies with its document
        self._document = document
        self.entries: list[Any] = []  # each subclass's own kind of entry
        self._blocks = 0
        document.documentLayout()  # Qt signals contentsChange only for a laid-out document
        document.contentsChange.connect(self._changed)

    def entry(self, block: QTextBlock) -> Any:
        """What is kept for one block (made for every block touched by an edit)."""
        raise NotImplementedError

    def rebuild(self) -> None:
        """Make every entry again (on creation; a safety net for unexpected changes)."""
        entries = []
        block = self._document.begin()
        while block.isValid():
            entries.append(self.entry(block))
            block = block.next()
        self.entries = entries
        self._blocks = self._document.blockCount()
        self.rebuilt()

    def rebuilt(self) -> None:
        """Called after :meth:`rebuild` (subclasses refresh what they derive)."""

    def spliced(self, first: int, old: list[Any], new: list[Any]) -> None:
        """Called after entries ``old`` from block ``first`` were replaced by ``new``."""

    def _changed(self, position: int, _removed: int, added: int) -> None:
        document = self._document
        blocks = document.blockCount()
        first = document.findBlock(position)
        last = document.findBlock(position + added)
        if not last.isValid():
            last = document.lastBlock()
        if not first.isValid():
            self.rebuild()
            return
        a, b = first.blockNumber(), last.blockNumber()
        old_b = b - (blocks - self._blocks)  # where the touched range ended before the edit
        if a > len(self.entries) or old_b < a - 1 or old_b >= len(self.entries):
            self.rebuild()
            return
        fresh = []
        block = first
        while block.isValid():
            fresh.append(self.entry(block))
            if block == last:
                break
            block = block.next()
        old = self.entries[a:old_b + 1]
        self.entries[a:old_b + 1] = fresh
        self._blocks = blocks
        self.spliced(a, old, fresh)


def counts_for(document: QTextDocument, unit: Unit, convention: Convention
               ) -> BlockCounts | WebFormCounts:
    """The counts kept for ``document`` in ``unit`` under ``convention`` (made on first use)."""
    kind = WebFormCounts if convention is Convention.WEB_FORM else BlockCounts
    for child in document.findChildren(kind):
        if type(child) is kind and child.unit is unit:
            return child
    return kind(document, unit)


class BlockCounts(BlockTable):
    """The per-block counts of one Word-convention document in one unit."""

    def __init__(self, document: QTextDocument, unit: Unit) -> None:
        self.unit = unit
        super().__init__(document)
        self.rebuild()

    @staticmethod
    def of(document: QTextDocument, unit: Unit) -> BlockCounts:
        """The Word-convention counts kept for ``document`` in ``unit`` (made on first use)."""
        counts = counts_for(document, unit, Convention.DOCUMENT)
        assert isinstance(counts, BlockCounts)
        return counts

    def entry(self, block: QTextBlock) -> int:
        # As the answer will be stored: white space at a paragraph's edges is not kept
        # (so the count does not drop when the answer is saved and opened again).
        return count_text(stored_text(block_text(block)), self.unit)

    def recount_all(self) -> None:
        """Count every block again."""
        self.rebuild()

    def total(self) -> int:
        """The document's count."""
        return sum(self.entries)

    def overflow_position(self, amount: int) -> int | None:
        """The document position of the first character past ``amount`` (None within it)."""
        sums = list(accumulate(self.entries))
        if not sums or sums[-1] <= amount:
            return None
        index = bisect_right(sums, amount)  # the first block whose running sum passes it
        before = sums[index - 1] if index else 0
        block = self._document.findBlockByNumber(index)
        offset = overflow_in_text(block_text(block), self.unit, amount - before, as_stored=True)
        return block_position(block, offset)


#: What a block's list marker depends on (with its neighbours'): if no touched block's
#: shape changed and no block was added or removed, no marker changed.
Shape = tuple[bool, int, int, int, int, int, bool, object]
#: The text the structure pass gives a non-blank paragraph (its own text is counted apart).
_PLACEHOLDER = (Run("x"),)


def block_shape(block: QTextBlock, nonblank: bool) -> Shape:
    """What a block's place in its list depends on, with its blankness (see ``Shape``)."""
    text_list = block.textList()
    fmt = block.blockFormat()
    if text_list is None:
        list_index = style = start = indent = -1
    else:
        list_format = text_list.format()
        list_index = text_list.objectIndex()
        style, start, indent = (list_format.style().value, list_format.start(),
                                list_format.indent())
    return (nonblank, list_index, style, start, indent, fmt.indent(),
            bool(fmt.property(CONTINUATION_PROPERTY)), fmt.property(LIST_ID_PROPERTY))


class WebFormCounts(BlockTable):
    """The per-block counts of one portal (web-form) document in one unit.

    Each entry is (text count, shape); ``_markers`` holds each block's list-marker
    count and ``_values`` each block's share of the total: text + marker + the line
    break before it (blank blocks are not submitted: 0), so the total is their sum
    less the first paragraph's line break.
    """

    def __init__(self, document: QTextDocument, unit: Unit) -> None:
        self.unit = unit
        # A line break between paragraphs, as the portal counts it (2 characters: CRLF).
        self._separator = count_text(LINE_BREAK, unit, Convention.WEB_FORM)
        self._markers: list[int] = []
        self._values: list[int] = []
        super().__init__(document)
        self.rebuild()

    def entry(self, block: QTextBlock) -> tuple[int, Shape]:
        text = stored_text(block_text(block))
        return count_text(text, self.unit, Convention.WEB_FORM), block_shape(block, bool(text))

    def rebuilt(self) -> None:
        self._remark()

    def spliced(self, first: int, old: list[Any], new: list[Any]) -> None:
        if len(old) != len(new) or any(o[1] != n[1] for o, n in zip(old, new, strict=True)):
            self._remark()
            return
        for index in range(first, first + len(new)):
            self._values[index] = self._value(index)

    def _value(self, index: int) -> int:
        text, shape = self.entries[index]
        return text + self._markers[index] + self._separator if shape[0] else 0

    def _remark(self) -> None:
        """Work out every block's list marker again from the stored form of the structure."""
        entries = self.entries
        structure = document_paragraphs(
            self._document,
            runs_of=lambda block: _PLACEHOLDER if entries[block.blockNumber()][1][0] else ())
        # (Every placeholder paragraph's Markdown is "x": one body per indent is written.)
        stored = parse_markdown(to_markdown(structure.paragraphs, {}))
        if len(stored) != len(structure.paragraphs):
            # A shape the Markdown cannot hold paragraph for paragraph (none is known):
            # the markers as the editor shows them, rather than none.
            stored = structure.paragraphs
        markers = [0] * len(entries)
        for number, paragraph in zip(structure.block_numbers, stored, strict=True):
            markers[number] = count_text(list_marker(paragraph), self.unit, Convention.WEB_FORM)
        self._markers = markers
        self._values = [self._value(i) for i in range(len(entries))]

    def total(self) -> int:
        """The count of the text the portal receives."""
        value = sum(self._values)
        return value - self._separator if value else 0

    def overflow_position(self, amount: int) -> int | None:
        """The document position of the first character past ``amount`` (None within it)."""
        if self.total() <= amount:
            return None
        # The first paragraph's share holds a line break it is not given: compare with one more.
        sums = list(accumulate(self._values))
        index = bisect_right(sums, amount + self._separator)
        before = sums[index - 1] if index else 0
        # What this paragraph's text may hold: the rest, less its marker.  (``before`` holds
        # one line break per earlier paragraph; the first one's, never sent, stands for the
        # one before this paragraph.)  Negative when the limit passes within the line
        # break or the marker: all its text is over.
        allowed = amount - before - self._markers[index]
        block = self._document.findBlockByNumber(index)
        offset = overflow_in_text(block_text(block), self.unit, allowed, Convention.WEB_FORM,
                                  as_stored=True)
        return block_position(block, offset)
