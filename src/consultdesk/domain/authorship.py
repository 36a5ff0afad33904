"""Who or what wrote an answer or a revision: the app, the CLI, a contributor, a merge...

Every write of an answer names its author, and every kept revision records the author
of the text it holds, so History can say who wrote each version.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class WriterKind(StrEnum):
    """The kind of writer behind a value (stored as its string value)."""

    APP = "app"                  # someone typing in the desktop app
    CLI = "cli"                  # the command line (`set`, a script)
    CONTRIBUTOR = "contributor"  # a reply received from another ministry
    MERGE = "merge"              # a contribution merged into the answer
    RESTORE = "restore"          # an earlier revision put back
    CONFLICT = "conflict"        # a conflict resolved (keep mine / merged by hand)
    IMPORT = "import"            # a response imported from a file


@dataclass(frozen=True, slots=True)
class Author:
    """A writer: its kind and, when known, a name (user name, contributor tag, db role)."""

    kind: WriterKind
    name: str = ""

    def describe(self) -> str:
        """"name (kind)" or just the kind, for the CLI and logs (the UI words it itself)."""
        return f"{self.name} ({self.kind.value})" if self.name else self.kind.value

    @classmethod
    def stored(cls, kind: str | None, name: str | None) -> Author:
        """The author of a stored row (rows from before authors were kept: the app)."""
        try:
            parsed = WriterKind(kind) if kind else WriterKind.APP
        except ValueError:
            parsed = WriterKind.APP  # a kind written by a newer ConsultDesk
        return cls(parsed, name or "")
