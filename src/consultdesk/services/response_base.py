"""The shared part of the response service: its state, checks and reading a response.

:class:`ResponseBase` holds what every part of :class:`~consultdesk.services.responses.
ResponseService` uses (the database, the catalog, the repositories, the cache of each
response's questionnaire) and loading a whole response; the parts (the versioned save,
the bin, repair) build on it.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.errors import AnswerError, ConsultDeskError, Message
from consultdesk.domain.question_kinds import QuestionKind
from consultdesk.domain.response import (
    AnswerValue,
    ResponseStatus,
    fits_question,
    progress,
    validate_answers,
    validate_respondent,
)
from consultdesk.services.catalog import CatalogService
from consultdesk.services.records import ResponseData, RevisionInfo
from consultdesk.services.response_listing import (
    ResponseListing,
    questionnaire_problem,
    unknown_status,
)
from consultdesk.storage.answer_codec import Layout
from consultdesk.storage.database import Database
from consultdesk.storage.errors import UnreadableResponseError
from consultdesk.storage.response_repository import ResponseRepository, StoredResponse

if TYPE_CHECKING:
    from consultdesk.domain.questionnaire import Question, Questionnaire
    from consultdesk.storage.revision_repository import RevisionRepository, StoredRevision


def _aware(moment: datetime | None) -> datetime | None:
    """An aware UTC time for records (storage returns them aware; this guards the rest)."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _layout(question: Question) -> Layout:
    if question.is_text:
        return Layout.TEXT
    if question.kind is QuestionKind.REPEATING:
        return Layout.ENTRIES
    return Layout.CHOICE


def _progress(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
              ) -> tuple[int, int, int]:
    """(answered, total, over) for the library's progress cache."""
    p = progress(questionnaire, answers)
    return (p.answered, p.total, p.over)


def _new_id() -> str:
    """A short random id (12 hex digits) a user can type on the command line."""
    return secrets.token_hex(6)


class ResponseBase:
    """State, checks and loading shared by the parts of the response service."""

    def __init__(self, database: Database, catalog: CatalogService) -> None:
        self._db = database
        self._catalog = catalog
        self._repo = ResponseRepository(database)
        self._listing = ResponseListing(self._repo, catalog)
        # response id -> its questionnaire: fixed for a response's life, so looked up once
        # (this keeps the autosave to the one write).
        self._questionnaires: dict[str, Questionnaire] = {}

    @cached_property
    def _revisions(self) -> RevisionRepository:
        """The kept revisions' SQL: loaded with the first write or history read (with
        their table's class), never for a listing."""
        from consultdesk.storage.revision_repository import RevisionRepository

        return RevisionRepository()

    # -- helpers -------------------------------------------------------------------
    def _questionnaire_of(self, response_id: str) -> Questionnaire:
        q = self._questionnaires.get(response_id)
        if q is None:
            qid, version, _deleted = self._repo.meta(response_id)
            q = self._catalog.get(qid, version)
            self._questionnaires[response_id] = q
        return q

    @staticmethod
    def _question(questionnaire: Questionnaire, question_id: str) -> Question:
        try:
            return questionnaire.question(question_id)
        except KeyError:
            raise AnswerError(
                "unknown question id {question_id!r}",
                question_id=question_id) from None

    @staticmethod
    def _validated(questionnaire: Questionnaire, respondent: Mapping[str, Any] | None,
                   answers: Mapping[str, Any] | None
                   ) -> tuple[dict[str, str], dict[str, tuple[Layout, AnswerValue]]]:
        """Validate respondent details and answers (all or nothing)."""
        if respondent is not None and not isinstance(respondent, Mapping):
            raise AnswerError("'respondent' must be an object (field id -> value)")
        if answers is not None and not isinstance(answers, Mapping):
            raise AnswerError("'answers' must be an object (question id -> value)")
        clean_respondent = {k: validate_respondent(questionnaire, k, v)
                            for k, v in (respondent or {}).items()}
        clean = validate_answers(questionnaire, answers or {})
        return clean_respondent, {qid: (_layout(questionnaire.question(qid)), v)
                                  for qid, v in clean.items()}

    def load(self, response_id: str) -> ResponseData:
        """A whole response (NotFoundError if unknown; UnreadableResponseError, naming what
        is wrong, if its stored data cannot be read)."""
        stored = self._repo.load(response_id)
        questionnaire = self._questionnaire_for(stored)
        misfit = misfit_answer(questionnaire, stored.answers)
        if misfit is not None:
            # Readable JSON of the wrong form (a list for a text answer): every reader
            # (the export asserted) would fail on it; repair puts it back.
            raise UnreadableResponseError(stored.id, Message(
                "the answer to {question} is not of the form its question takes",
                question=misfit))
        self._questionnaires[response_id] = questionnaire
        return _data(stored, questionnaire)

    def _questionnaire_for(self, stored: StoredResponse) -> Questionnaire:
        """The questionnaire a stored response was started with, checked against it."""
        try:
            ResponseStatus(stored.status)
        except ValueError:
            raise UnreadableResponseError(stored.id, unknown_status(stored.status)) from None
        try:
            return self._catalog.get(stored.questionnaire_id, stored.questionnaire_version)
        except ConsultDeskError as exc:
            raise UnreadableResponseError(stored.id, questionnaire_problem(
                stored.questionnaire_id, stored.questionnaire_version, exc)) from None


def misfit_answer(questionnaire: Questionnaire, answers: Mapping[str, Any]) -> str | None:
    """The first question whose stored answer has not the form its kind takes, or None."""
    for qid, value in answers.items():
        try:
            question = questionnaire.question(qid)
        except KeyError:
            continue  # an answer to a question this version lacks: not shown anywhere
        if not fits_question(question, value):
            return qid
    return None


#: Who writes an answer put back from its revision by ``repair``.
_REPAIR = Author(WriterKind.RESTORE, "repair")


def _data(stored: StoredResponse, questionnaire: Questionnaire) -> ResponseData:
    return ResponseData(
        id=stored.id, title=stored.title, questionnaire=questionnaire,
        status=ResponseStatus(stored.status), deadline=stored.deadline,
        respondent=dict(stored.respondent), answers=dict(stored.answers),
        done=dict(stored.done), contributors=dict(stored.contributors),
        created_at=_aware(stored.created_at), updated_at=_aware(stored.updated_at),
        versions=dict(stored.versions),
        source_response_id=stored.source_response_id)


def _revision(r: StoredRevision) -> RevisionInfo:
    return RevisionInfo(r.id, r.response_id, r.question_id, r.value, r.reason,
                        _aware(r.created_at), r.author, r.answer_version)  # type: ignore[arg-type]
