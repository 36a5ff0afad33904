"""The structure of an answer's rich text: paragraphs of runs (see ``rich_text``)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

LINE_BREAK = "\n"


class ListType(StrEnum):
    """The two kinds of list an answer may hold."""

    BULLET = "bullet"
    ORDERED = "ordered"


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one formatting; ``\\n`` inside is a line break.

    A run with a ``reference`` (a question id) is one cross-reference: its text is
    the label it reads as, and it is never merged with its neighbours.
    """

    text: str
    bold: bool = False
    italic: bool = False
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an answer, possibly an item (or part of one) of a list.

    ``level`` is 0 outside lists and 1.. for list nesting depth.  ``list_id``
    numbers the top-level lists of an answer, so numbering restarts in each.
    ``ordinal`` is the item's number in an ordered list (its first paragraph).
    ``continuation`` marks a second or later paragraph of the same list item.
    """

    runs: tuple[Run, ...] = ()
    list_type: ListType | None = None
    level: int = 0
    list_id: int = -1
    ordinal: int = 0
    continuation: bool = False

    @property
    def text(self) -> str:
        """The paragraph's visible text (line breaks as ``\\n``)."""
        return "".join(r.text for r in self.runs)
