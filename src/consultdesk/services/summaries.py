"""What lists show: an installed questionnaire and a response as listed, with progress.

Apart from ``records`` (which re-exports them) so that listing responses needs none of
the editing records: ``consultdesk responses`` and the library read only these.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from consultdesk.domain.errors import Message
from consultdesk.domain.response_status import ResponseStatus


@dataclass(frozen=True, slots=True)
class QuestionnaireInfo:
    """One installed questionnaire, as listed."""

    id: str
    version: int
    title: str
    issuer: str
    questions: int
    bundled: bool


@dataclass(frozen=True, slots=True)
class ResponseSummary:
    """One response as the library lists it, with its progress."""

    id: str
    title: str
    questionnaire_id: str
    questionnaire_title: str
    status: ResponseStatus
    deadline: date | None
    answered: int
    total: int
    over: int
    updated_at: datetime
    deleted_at: datetime | None = None
    #: Set when the response's stored data cannot be read: what is wrong, in words.
    #: Such a response is listed (marked), but opening it says this instead.
    problem: Message | None = None

    @property
    def readable(self) -> bool:
        """Whether the response can be opened."""
        return self.problem is None
