"""The editable result of detection: the document's lines, each with a role.

The import review edits this model (change a role, merge or split lines, set a
limit); the questionnaire is then rebuilt from it by :mod:`.build`.  Nothing in
here knows about Word or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consultdesk.domain.questionnaire import Limit
from consultdesk.formats.docx_import.lines import (
    ImportLine,
    Role,
    guess_role,
    interpret,
    renumber,
)

__all__ = ["ImportDraft", "ImportLine", "Role"]


@dataclass
class ImportDraft:
    """The detected structure of a questionnaire document, ready to be reviewed."""

    source_name: str
    lines: list[ImportLine]
    default_limit: Limit | None = None  # stated once for all answers
    total_limit: Limit | None = None  # a budget for the whole response
    language: str = "en"
    source_blocks: list[str] = field(default_factory=list)  # the document, block by block
    custom_title: str = ""  # typed in the review; wins over the title line

    @property
    def title(self) -> str:
        """The title: as typed in the review, else the title line's text, else ""."""
        if self.custom_title.strip():
            return self.custom_title.strip()
        for line in self.lines:
            if line.role is Role.TITLE:
                return line.text
        return ""

    def questions(self) -> list[ImportLine]:
        """The question lines in order."""
        return [line for line in self.lines if line.role is Role.QUESTION]

    # -- edits (each re-reads the changed lines and renumbers) -------------------------
    def set_role(self, index: int, role: Role) -> None:
        """Give a line another role (re-reading its number, limit and choices for it)."""

        if role is Role.TITLE:
            for line in self.lines:
                if line.role is Role.TITLE:
                    interpret(line, Role.SECTION)
        interpret(self.lines[index], role)
        renumber(self.lines)

    def merge_with_next(self, index: int) -> None:
        """Join a line with the one after it (a question broken over two paragraphs)."""

        if not 0 <= index < len(self.lines) - 1:
            raise IndexError(index)
        first, second = self.lines[index], self.lines[index + 1]
        joined = first.copy(source=f"{first.source} {second.source}".strip())
        interpret(joined, first.role)
        if joined.limit is None:
            joined.limit = first.limit or second.limit
        joined.options = first.options or second.options
        self.lines[index: index + 2] = [joined]
        renumber(self.lines)

    def split(self, index: int, at: int) -> None:
        """Cut a line in two at a character offset of its source text."""

        line = self.lines[index]
        head, tail = line.source[:at].strip(), line.source[at:].strip()
        if not head or not tail:
            raise ValueError("split inside the text, not at its start or end")
        first = line.copy(source=head)
        second = line.copy(source=tail, limit=None, options=[])
        interpret(first, line.role)
        interpret(second, guess_role(tail))
        self.lines[index: index + 1] = [first, second]
        renumber(self.lines)

    def set_limit(self, index: int, limit: Limit | None) -> None:
        """Set or clear a question's own limit."""
        self.lines[index].limit = limit

    def set_text(self, index: int, text: str) -> None:
        """Correct the wording the definition will use for a line."""
        self.lines[index].text = text.strip()
