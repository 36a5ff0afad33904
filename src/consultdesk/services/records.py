"""Plain records the services hand to the UI and the CLI (no SQL objects escape)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import AnswerValue, ResponseStatus


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


@dataclass(slots=True)
class ResponseData:
    """A whole response, loaded to be edited or exported."""

    id: str
    title: str
    questionnaire: Questionnaire
    status: ResponseStatus
    deadline: date | None
    respondent: dict[str, str] = field(default_factory=dict)
    answers: dict[str, AnswerValue] = field(default_factory=dict)
    done: dict[str, bool] = field(default_factory=dict)
    contributors: dict[str, str] = field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    def as_json(self) -> dict[str, object]:
        """The response in the CLI's ``show --json`` shape."""
        return {
            "id": self.id,
            "title": self.title,
            "questionnaire_id": self.questionnaire.id,
            "status": self.status.value,
            "respondent": dict(self.respondent),
            "answers": {k: v for k, v in self.answers.items() if v is not None},
        }


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """One kept revision of one answer."""

    id: int
    response_id: str
    question_id: str
    value: AnswerValue
    reason: str
    created_at: datetime
