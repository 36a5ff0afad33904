"""What the contribution service returns: board rows, receive and merge results, opened requests."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from consultdesk.domain.contributions import (
    Attribution,
    Contribution,
    ContributionStatus,
    Contributor,
    ItemRef,
)
from consultdesk.domain.counting import Count, Status
from consultdesk.domain.errors import ConsultDeskError, Message
from consultdesk.domain.questionnaire import Limit
from consultdesk.domain.response import AnswerValue


class ReceiveError(ConsultDeskError):
    """A returned file cannot be received (not a request, response binned or unknown)."""


@dataclass(frozen=True, slots=True)
class BoardRow:
    """One assignment as the board and ``contributions --json`` show it."""

    assignment_id: int
    item: ItemRef
    number: str
    label: str
    contributor: Contributor
    status: ContributionStatus
    due: date | None
    overdue: bool
    note: str
    share: int | None
    contribution: Contribution | None = None
    count: Count | None = None
    share_status: Status | None = None
    history: tuple[Contribution, ...] = ()
    #: the question's own text and its block's entry label ("Action"): a front end words
    #: the item in its language from these (``label`` is the CLI's English)
    question_text: str = ""
    entry_label: str = ""

    def as_json(self) -> dict[str, Any]:
        """The CLI's shape: id, question, contributor, status, due, text, count, received_at."""
        c = self.contribution
        return {
            "id": c.id if c else None,
            "assignment": self.assignment_id,
            "question": self.item.key,
            "contributor": self.contributor.tag,
            "status": self.status.value,
            "due": self.due.isoformat() if self.due else None,
            "overdue": self.overdue,
            "share": self.share,
            "text": c.value if c else None,
            "count": self.count.value if self.count else None,
            "limit": self.count.limit.amount if self.count and self.count.limit else None,
            "received_at": c.received_at.isoformat() if c else None,
            "superseded": [h.id for h in self.history],
        }


@dataclass(frozen=True, slots=True)
class ReceiveResult:
    """What receiving one file did."""

    response_id: str
    contributor: str
    added: tuple[BoardRow, ...]
    unchanged: tuple[str, ...]
    missing: tuple[str, ...]
    empty: tuple[str, ...]
    #: what the reader had to do or left out; each a Message whose ``key`` parameter is
    #: the item (or answer area) key, so a front end can name it its own way
    notes: tuple[Message, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The ``receive --json`` shape."""
        return {"response": self.response_id, "contributor": self.contributor,
                "added": [r.as_json() for r in self.added], "unchanged": list(self.unchanged),
                "missing": list(self.missing), "empty": list(self.empty),
                "notes": [str(n) for n in self.notes]}


@dataclass(frozen=True, slots=True)
class ReplySlot:
    """One answer area of a request, as a contributor with ConsultDesk fills it in."""

    key: str
    label: str
    limit: Limit | None = None


@dataclass(frozen=True, slots=True)
class OpenedRequest:
    """A request for input opened by its contributor."""

    path: Path
    title: str
    asked_by: str
    slots: tuple[ReplySlot, ...]
    convention: Any = None


@dataclass(frozen=True, slots=True)
class MergeResult:
    """A merge done, with what is needed to undo it."""

    contribution_id: int
    response_id: str
    question_id: str
    value: AnswerValue
    previous: AnswerValue
    previous_attribution: dict[str, Attribution] = field(default_factory=dict)
    #: the answer's version after the merge (an undo is based on it)
    version: int | None = None


