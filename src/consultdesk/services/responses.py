"""Responses: creating, listing, loading, autosaving, revisions and the bin.

Everything is validated against the exact questionnaire version the response was
started with before anything is written; storage only stores.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any, Literal

from consultdesk.domain.errors import AnswerError, ConsultDeskError
from consultdesk.domain.questionnaire import Question, QuestionKind, Questionnaire
from consultdesk.domain.response import (
    AnswerValue,
    ResponseStatus,
    progress,
    validate_answer,
    validate_answers,
    validate_respondent,
)
from consultdesk.services.catalog import CatalogService
from consultdesk.services.records import ResponseData, ResponseSummary, RevisionInfo
from consultdesk.storage.answer_codec import Layout
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.response_repository import ResponseRepository, StoredResponse
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


class ResponseService:
    """What the UI and the CLI call to work on responses."""

    def __init__(self, database: Database, catalog: CatalogService) -> None:
        self._db = database
        self._catalog = catalog
        self._repo = ResponseRepository(database)
        self._revisions = RevisionRepository()
        # response id -> its questionnaire: fixed for a response's life, so looked up once
        # (this keeps the autosave to the one write).
        self._questionnaires: dict[str, Questionnaire] = {}

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
            raise AnswerError(f"unknown question id {question_id!r}") from None

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

    # -- creating and listing ------------------------------------------------------
    def create(self, questionnaire_id: str, title: str | None = None, *,
               respondent: Mapping[str, Any] | None = None,
               answers: Mapping[str, Any] | None = None,
               deadline: date | None = None) -> str:
        """Start a response to the latest version of a questionnaire; its id."""
        questionnaire = self._catalog.get(questionnaire_id)
        clean_respondent, clean_answers = self._validated(questionnaire, respondent, answers)
        # Pin the exact definition, so the response renders against it forever.
        self._catalog.pin(questionnaire)
        response_id = _new_id()
        self._repo.insert(
            response_id, (title or "").strip() or questionnaire.title, questionnaire.id,
            questionnaire.version, status=ResponseStatus.DRAFT.value,
            deadline=deadline if deadline is not None else questionnaire.deadline,
            respondent=clean_respondent, answers=clean_answers,
            # Counted now (not an autosave), so a scripted import of many responses
            # does not leave the whole library to count on its first listing.
            progress=_progress(questionnaire, {k: v for k, (_, v) in clean_answers.items()}))
        self._questionnaires[response_id] = questionnaire
        return response_id

    def list(self, *, deleted: bool = False) -> list[ResponseSummary]:
        """Responses (or the bin's) with their progress, most recently edited first."""
        rows = self._repo.list_rows(deleted=deleted)
        stale = [r for r in rows if r.answered is None or r.total is None or r.over is None]
        computed: dict[str, tuple[int, int, int]] = {}
        if stale:
            answers = self._repo.answers_of([r.id for r in stale])
            for r in stale:
                q = self._catalog.get(r.questionnaire_id, r.questionnaire_version)
                p = progress(q, answers.get(r.id, {}))
                computed[r.id] = (p.answered, p.total, p.over)
            try:
                self._repo.store_progress((r.id, r.updated_at, computed[r.id]) for r in stale)
            except ConsultDeskError:
                pass  # only a cache: a busy, full or read-only file is recounted next time
        out = []
        for r in rows:
            answered, total, over = computed.get(r.id) or (r.answered, r.total, r.over)
            q = self._catalog.get(r.questionnaire_id, r.questionnaire_version)
            out.append(ResponseSummary(
                r.id, r.title, r.questionnaire_id, q.title, ResponseStatus(r.status),
                r.deadline, answered, total, over, _aware(r.updated_at),  # type: ignore[arg-type]
                _aware(r.deleted_at)))
        return out

    def load(self, response_id: str) -> ResponseData:
        """A whole response (NotFoundError if unknown)."""
        stored = self._repo.load(response_id)
        questionnaire = self._catalog.get(stored.questionnaire_id, stored.questionnaire_version)
        self._questionnaires[response_id] = questionnaire
        return _data(stored, questionnaire)

    def duplicate(self, response_id: str, title: str | None = None) -> str:
        """Copy a response (same questionnaire version, answers, done flags); the new id."""
        stored = self._repo.load(response_id)
        questionnaire = self._catalog.get(stored.questionnaire_id, stored.questionnaire_version)
        new_id = _new_id()
        answers = {qid: (_layout(self._question(questionnaire, qid)), v)
                   for qid, v in stored.answers.items()}
        self._repo.insert(new_id, title or f"Copy of {stored.title}", questionnaire.id,
                          questionnaire.version, status=ResponseStatus.DRAFT.value,
                          deadline=stored.deadline, respondent=stored.respondent,
                          answers=answers, done=stored.done, contributors=stored.contributors,
                          progress=_progress(questionnaire, stored.answers))
        self._questionnaires[new_id] = questionnaire
        return new_id

    # -- autosave ----------------------------------------------------------------
    def save_answer(self, response_id: str, question_id: str, value: AnswerValue, *,
                    contributor: str | None = None) -> datetime:
        """Validate and store one answer (one row written); when it was saved (UTC)."""
        questionnaire = self._questionnaire_of(response_id)
        question = self._question(questionnaire, question_id)
        clean = validate_answer(question, value)
        saved = self._repo.write_answer(response_id, question_id, _layout(question), clean,
                                        contributor)
        return _aware(saved)  # type: ignore[return-value]

    def save_respondent(self, response_id: str, field_id: str, value: str) -> None:
        """Validate and store one respondent detail."""
        clean = validate_respondent(self._questionnaire_of(response_id), field_id, value)
        self._repo.write_respondent(response_id, field_id, clean)

    def set_done(self, response_id: str, question_id: str, done: bool) -> None:
        """Mark a question done (or not)."""
        self._question(self._questionnaire_of(response_id), question_id)
        self._repo.write_flags(response_id, question_id, done=bool(done))

    def set_contributor(self, response_id: str, question_id: str, contributor: str) -> None:
        """Tag who drafted an answer (e.g. a ministry)."""
        self._question(self._questionnaire_of(response_id), question_id)
        self._repo.write_flags(response_id, question_id, contributor=contributor.strip())

    def update_details(self, response_id: str, *, title: str | None = None,
                       status: ResponseStatus | None = None,
                       deadline: date | None | Literal["keep"] = "keep") -> None:
        """Change the title, status or deadline (``deadline=None`` clears it)."""
        values: dict[str, Any] = {}
        if title is not None:
            if not title.strip():
                raise AnswerError("a response needs a title")
            values["title"] = title.strip()
        if status is not None:
            try:
                values["status"] = ResponseStatus(status).value
            except ValueError:
                choices = ", ".join(s.value for s in ResponseStatus)
                raise AnswerError(f"unknown status {status!r} ({choices})") from None
        if deadline != "keep":
            values["deadline"] = deadline
        self._repo.update_details(response_id, values)

    def merge(self, response_id: str, respondent: Mapping[str, Any] | None,
              answers: Mapping[str, Any] | None) -> None:
        """Validate everything, keep a revision of each answer replaced, then write it all."""
        questionnaire = self._questionnaire_of(response_id)
        clean_respondent, clean_answers = self._validated(questionnaire, respondent, answers)
        self._take_revisions(response_id, clean_answers, "before import")
        merged = {**self._repo.load(response_id).answers,
                  **{k: v for k, (_, v) in clean_answers.items()}}
        self._repo.write_answers(response_id, clean_respondent, clean_answers,
                                 _progress(questionnaire, merged))

    # -- revisions ---------------------------------------------------------------
    def take_revision(self, response_id: str, question_id: str, reason: str = "save") -> bool:
        """Keep the current value if it differs from the newest revision (True if kept)."""
        self._question(self._questionnaire_of(response_id), question_id)
        kept = bool(self._take_revisions(response_id, [question_id], reason))
        if kept:
            # A pause in typing: the moment to checkpoint, rather than inside an autosave.
            self._db.checkpoint()
        return kept

    def _take_revisions(self, response_id: str, question_ids: Iterable[str], reason: str
                        ) -> int:
        """Keep revisions of several answers in one durable transaction; how many kept."""
        now = utc_now()
        kept = 0
        # Durable: revisions are taken on explicit saves and before destructive actions.
        with self._db.write(durable=True) as conn:
            for qid in question_ids:
                current = self._repo.read_value(conn, response_id, qid)
                exists, newest = self._revisions.newest_value(conn, response_id, qid)
                if (current is None and not exists) or (exists and newest == current):
                    continue
                self._revisions.add(conn, response_id, qid, current, reason, now)
                self._revisions.prune(conn, response_id, qid, now)
                kept += 1
        return kept

    def revisions(self, response_id: str, question_id: str) -> list[RevisionInfo]:
        """One answer's kept revisions, newest first."""
        with self._db.read() as conn:
            found = self._revisions.list(conn, response_id, question_id)
        return [_revision(r) for r in found]

    def restore_revision(self, revision_id: int) -> AnswerValue:
        """Put a revision back as the current value (keeping the current one first)."""
        with self._db.read() as conn:
            revision = self._revisions.get(conn, revision_id)
        questionnaire = self._questionnaire_of(revision.response_id)
        question = self._question(questionnaire, revision.question_id)
        value = validate_answer(question, revision.value)
        self.take_revision(revision.response_id, revision.question_id, "before restore")
        with self._db.write(durable=True) as conn:
            self._repo.write_value(conn, revision.response_id, revision.question_id,
                                   _layout(question), value)
        return value

    # -- the bin -------------------------------------------------------------------
    def delete(self, response_id: str) -> None:
        """Move a response to the bin (restorable); revisions of its answers kept first."""
        stored = self._repo.load(response_id)
        self._take_revisions(response_id, stored.answers, "before delete")
        self._repo.update_details(response_id, {"deleted_at": utc_now()})

    def restore(self, response_id: str) -> None:
        """Take a response out of the bin."""
        self._repo.update_details(response_id, {"deleted_at": None})

    def purge(self, response_id: str) -> None:
        """Delete a response from the bin for good (NotFoundError if not in the bin)."""
        self._repo.purge(response_id)
        self._questionnaires.pop(response_id, None)


def _data(stored: StoredResponse, questionnaire: Questionnaire) -> ResponseData:
    return ResponseData(
        id=stored.id, title=stored.title, questionnaire=questionnaire,
        status=ResponseStatus(stored.status), deadline=stored.deadline,
        respondent=dict(stored.respondent), answers=dict(stored.answers),
        done=dict(stored.done), contributors=dict(stored.contributors),
        created_at=_aware(stored.created_at), updated_at=_aware(stored.updated_at))


def _revision(r: StoredRevision) -> RevisionInfo:
    return RevisionInfo(r.id, r.response_id, r.question_id, r.value, r.reason,
                        _aware(r.created_at))  # type: ignore[arg-type]
