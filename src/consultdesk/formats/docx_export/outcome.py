"""What an export gives back, and the errors that refuse one.

Light on purpose (no python-docx, no lxml): the command line's parser, the services'
re-exports and the ui's export dialogs name these without loading the Word code.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from consultdesk.domain.errors import ConsultDeskError, Message
from consultdesk.domain.response import Problem, ProblemKind, Problems

#: Problems that stop an export unless the user explicitly allows them.
BLOCKING = frozenset({ProblemKind.OVER_LIMIT, ProblemKind.OVER_BUDGET})


class OverLimitError(ConsultDeskError):
    """Answers are over their limit and the user has not allowed exporting them."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        # Structured, not an English fragment: str() joins the problems' English messages
        # (the CLI), the ui words each one (ui/errors.py, problem_text.py).
        lines = Problems(problems)
        if len(problems) == 1:
            super().__init__("1 answer is over the limit, nothing was exported: {problems}",
                             problems=lines)
        else:
            super().__init__("{count} answers are over the limit, nothing was exported: "
                             "{problems}", count=len(problems), problems=lines)


class TemplateError(ConsultDeskError):
    """The chosen Word template cannot be used (the message says why)."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    """What an export produced: the file and anything the user should know.

    ``warnings`` are English lines (what the CLI prints): the problems' messages, then the
    notes'. The ui words ``problems`` (structured) and ``notes`` (Messages) itself.
    """

    path: Path | None
    warnings: tuple[str, ...] = ()
    problems: tuple[Problem, ...] = field(default=())
    #: What the export itself noticed (control characters removed...), as Messages.
    notes: tuple[Message, ...] = field(default=())


def blocking_problems(problems: list[Problem]) -> list[Problem]:
    """The problems that stop an export (answers or budgets over their limit)."""
    return [p for p in problems if p.kind in BLOCKING]
