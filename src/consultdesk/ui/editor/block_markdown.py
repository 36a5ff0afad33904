"""The answer's Markdown for the session, made again only where an edit changed it.

Reading blocks into paragraphs and writing each paragraph's inline Markdown are the
costly parts of serialising an answer (85 ms at 50,000 characters, after every
key).  :class:`BlockMarkdown` keeps, per block (a :class:`BlockTable`, so only the
blocks an edit touched are read again), its runs and its shape (list, level,
blankness: ``block_counts.block_shape``), and the paragraph each block gave.  An edit
that changed no block's shape and added or removed no block changes only the
touched paragraphs' runs; anything else reads the list structure again
(``document_paragraphs`` on the kept runs).  Each paragraph's inline Markdown is kept
too (``to_markdown``'s ``bodies``, keyed by its runs and indent), so the
Markdown is ``rich_text.to_markdown``'s as for a full serialisation: a test checks
the two agree after long random edit sequences.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtGui import QTextBlock, QTextDocument

from consultdesk.domain.rich_text import Paragraph, Run, to_markdown
from consultdesk.ui.editor.block_counts import BlockTable, Shape, block_shape
from consultdesk.ui.editor.document_model import block_runs, document_paragraphs


class BlockMarkdown(BlockTable):
    """One document's runs and paragraphs per block and their Markdown, kept across edits."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._bodies: dict[tuple[tuple[Run, ...], str], str] = {}
        self._paragraphs: list[Paragraph | None] = []  # per block; None: blank, not stored
        self.rebuild()

    @staticmethod
    def of(document: QTextDocument) -> BlockMarkdown:
        """The Markdown kept for ``document`` (made on first use)."""
        for child in document.findChildren(BlockMarkdown):
            return child
        return BlockMarkdown(document)

    def entry(self, block: QTextBlock) -> tuple[tuple[Run, ...], Shape]:
        runs = block_runs(block)
        return runs, block_shape(block, bool("".join(r.text for r in runs).strip()))

    def rebuilt(self) -> None:
        self._restructure()

    def spliced(self, first: int, old: list[Any], new: list[Any]) -> None:
        if len(old) != len(new) or any(o[1] != n[1] for o, n in zip(old, new, strict=True)):
            self._restructure()
            return
        paragraphs = self._paragraphs
        for index, (runs, _shape) in enumerate(new, start=first):
            paragraph = paragraphs[index]
            if paragraph is not None:
                paragraphs[index] = replace(paragraph, runs=runs)

    def _restructure(self) -> None:
        """Read the list structure again (from the kept runs)."""
        entries = self.entries
        read = document_paragraphs(self._document,
                                   runs_of=lambda block: entries[block.blockNumber()][0])
        paragraphs: list[Paragraph | None] = [None] * len(entries)
        for number, paragraph in zip(read.block_numbers, read.paragraphs, strict=True):
            paragraphs[number] = paragraph
        self._paragraphs = paragraphs

    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The document as domain paragraphs (as ``document_paragraphs`` reads them)."""
        return tuple(p for p in self._paragraphs if p is not None)

    def markdown(self) -> str:
        """The document's Markdown, as ``to_markdown(document_paragraphs(...))`` writes it."""
        return to_markdown(self.paragraphs(), self._bodies)
