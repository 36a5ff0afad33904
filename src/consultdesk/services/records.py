"""Plain records the services hand to the UI and the CLI (no SQL objects escape).

What lists show (``QuestionnaireInfo``, ``ResponseSummary``) is in ``summaries``,
re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from consultdesk.domain.authorship import Author
from consultdesk.domain.response import (
    AnswerValue,
    ResponseStatus,
    references_in,
    rendered_answers,
)

# Re-exported explicitly, so that callers may keep importing them from this module.
from consultdesk.services.summaries import QuestionnaireInfo as QuestionnaireInfo
from consultdesk.services.summaries import ResponseSummary as ResponseSummary

if TYPE_CHECKING:
    from consultdesk.domain.questionnaire import Questionnaire


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
    #: Each written question's version: the ``base_version`` of the next save of it
    #: (a question never written is version 0).
    versions: dict[str, int] = field(default_factory=dict)
    #: The response this one was started from (Duplicate), to compare with last time.
    source_response_id: str | None = None

    def rendered_answers(self) -> dict[str, AnswerValue]:
        """The answers with every reference reading its target's current label."""
        return dict(rendered_answers(self.questionnaire, self.answers))

    def as_json(self) -> dict[str, object]:
        """The response in the CLI's ``show --json`` shape.

        The answers' references read their targets' current labels; ``references``
        lists them (only when there are some): which answer points where, the label it
        reads, and whether the questionnaire has that question.
        """
        answers = self.rendered_answers()
        data: dict[str, object] = {
            "id": self.id,
            "title": self.title,
            "questionnaire_id": self.questionnaire.id,
            "status": self.status.value,
            "respondent": dict(self.respondent),
            "answers": {k: v for k, v in answers.items() if v is not None},
        }
        ids = {q.id for q in self.questionnaire.questions()}
        references = [{"question": qid, "target": ref.target, "label": ref.label,
                       "target_exists": ref.target in ids}
                      for qid, value in answers.items() for ref in references_in(value)]
        if references:
            data["references"] = references
        return data


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    """One kept revision of one answer."""

    id: int
    response_id: str
    question_id: str
    value: AnswerValue
    reason: str
    created_at: datetime
    #: who wrote the text this revision keeps
    author: Author
    #: the answer version that text was (for a "conflict" revision: the version it was
    #: refused against); None when not known (kept before versions existed)
    answer_version: int | None = None


@dataclass(frozen=True, slots=True)
class Conflict:
    """What is stored now, when a save based on an older version was refused."""

    value: AnswerValue
    version: int
    author: Author
    updated_at: datetime | None


@dataclass(frozen=True, slots=True)
class SaveResult:
    """The outcome of :meth:`ResponseService.save_answer`.

    ``saved``: the value is now the answer (``version`` is its new version, or the
    stored one when nothing needed writing: ``changed`` False).  Not saved: ``conflict``
    says what is there instead, and the writer's value was kept as revision
    ``revision_id`` (reason "conflict").  When saved, ``revision_id`` is the revision
    of the replaced text, if one was kept.
    """

    saved: bool
    version: int
    value: AnswerValue
    changed: bool = False
    saved_at: datetime | None = None
    conflict: Conflict | None = None
    revision_id: int | None = None


@dataclass(frozen=True, slots=True)
class AnswerChange:
    """One answer that changed since a change token (live refresh)."""

    question_id: str
    value: AnswerValue
    version: int
    author: Author
    updated_at: datetime | None
    done: bool


@dataclass(frozen=True, slots=True)
class ChangeToken:
    """Where :meth:`ResponseService.changes_since` got to (opaque to callers)."""

    response_id: str
    #: the database's change counter when the heads were read (None: no such counter)
    data_version: int | None
    #: question id -> (version, done) as last seen
    heads: tuple[tuple[str, int, bool], ...]


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What :meth:`ResponseService.merge` wrote: question id -> its new version."""

    changed: dict[str, int]
    unchanged: list[str]
    respondent_changed: bool
    #: The changed answers whose previous text was kept as a revision (an answer written
    #: for the first time had none).
    kept: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EarlierAnswer:
    """What the response this one was started from says for one question."""

    response_id: str
    response_title: str
    value: AnswerValue
