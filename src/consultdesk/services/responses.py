"""Responses: creating, listing, loading, the versioned save, revisions and the bin.

Everything is validated against the exact questionnaire version the response was
started with before anything is written; storage only stores.

Every write of an answer, whoever makes it (the editor's autosave, the CLI's ``set``,
an import, a contribution merged, a revision restored), goes through
:meth:`ResponseService.save_answer` (or :meth:`ResponseService.merge`, the same save
for several answers in one transaction).  Each answer carries an integer version that
every write raises; a save names the version it was based on, and a save based on an
older version is refused (a *conflict*) without overwriting anything: the refused text
is kept as a revision and the writer is told what is there now.  Nothing is ever
overwritten silently:

- an explicit overwrite (``base_version=None``) keeps the replaced text as a revision
  (reason ``"before <reason>"``) first;
- a save by another writer than the one who wrote the stored text keeps that text as a
  revision (reason ``"replaced"``) first;
- successive saves by the same writer (autosave while typing) replace each other
  without revisions (revisions are taken when typing pauses: :meth:`take_revision`).

Readers notice changes with :meth:`changes_since`; :meth:`answer_versions` gives the
versions to base saves on.
"""

from __future__ import annotations

import builtins
import secrets
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Literal

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.errors import AnswerError, ConsultDeskError, NotFoundError
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
from consultdesk.services.records import (
    AnswerChange,
    ChangeToken,
    Conflict,
    EarlierAnswer,
    MergeResult,
    ResponseData,
    ResponseSummary,
    RevisionInfo,
    SaveResult,
)
from consultdesk.storage.answer_codec import Layout
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.errors import UnreadableResponseError
from consultdesk.storage.repair import repair_response
from consultdesk.storage.response_repository import (
    AnswerHead,
    ResponseRepository,
    StoredResponse,
)
from consultdesk.storage.revision_repository import RevisionRepository, StoredRevision

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


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

    # -- creating and listing ------------------------------------------------------
    def create(self, questionnaire_id: str, title: str | None = None, *,
               respondent: Mapping[str, Any] | None = None,
               answers: Mapping[str, Any] | None = None,
               deadline: date | None = None, author: Author | None = None) -> str:
        """Start a response to the latest version of a questionnaire; its id.

        Answers given start at version 1, written by ``author`` (default: the app).
        """
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
            progress=_progress(questionnaire, {k: v for k, (_, v) in clean_answers.items()}),
            author=author)
        self._questionnaires[response_id] = questionnaire
        return response_id

    def list(self, *, deleted: bool = False) -> list[ResponseSummary]:
        """Responses (or the bin's) with their progress, most recently edited first.

        A response whose stored data cannot be read is listed too, marked with its
        ``problem``; it never keeps the others from being listed.
        """
        rows = self._repo.list_rows(deleted=deleted)
        problems: dict[str, str] = {r.id: r.problem for r in rows if r.problem is not None}
        questionnaires: dict[str, Questionnaire] = {}
        for r in rows:
            if r.id in problems:
                continue
            try:
                questionnaires[r.id] = self._catalog.get(r.questionnaire_id,
                                                         r.questionnaire_version)
                ResponseStatus(r.status)
            except ValueError:
                problems[r.id] = _unknown_status(r.status)
            except ConsultDeskError as exc:  # not installed, or its definition unreadable
                problems[r.id] = _questionnaire_problem(r.questionnaire_id,
                                                        r.questionnaire_version, exc)
        stale = [r for r in rows if r.progress is None and r.id not in problems]
        computed: dict[str, tuple[int, int, int]] = {}
        if stale:
            answers, unreadable = self._repo.answers_of([r.id for r in stale])
            problems.update(unreadable)
            for r in stale:
                if r.id not in problems:
                    p = progress(questionnaires[r.id], answers.get(r.id, {}))
                    computed[r.id] = (p.answered, p.total, p.over)
            try:
                self._repo.store_progress((r.id, r.updated_raw, computed[r.id])
                                          for r in stale if r.id in computed)
            except ConsultDeskError:
                pass  # only a cache: a busy, full or read-only file is recounted next time
        out = []
        for r in rows:
            problem = problems.get(r.id)
            if problem is not None:
                out.append(ResponseSummary(
                    r.id, r.title, r.questionnaire_id, "", ResponseStatus.DRAFT, None, 0, 0, 0,
                    r.updated_at, r.deleted_at, problem=problem))
                continue
            answered, total, over = computed.get(r.id) or r.progress  # type: ignore[misc]
            out.append(ResponseSummary(
                r.id, r.title, r.questionnaire_id, questionnaires[r.id].title,
                ResponseStatus(r.status), r.deadline, answered, total, over, r.updated_at,
                r.deleted_at))
        return out

    def load(self, response_id: str) -> ResponseData:
        """A whole response (NotFoundError if unknown; UnreadableResponseError, naming what
        is wrong, if its stored data cannot be read)."""
        stored = self._repo.load(response_id)
        questionnaire = self._questionnaire_for(stored)
        self._questionnaires[response_id] = questionnaire
        return _data(stored, questionnaire)

    def _questionnaire_for(self, stored: StoredResponse) -> Questionnaire:
        """The questionnaire a stored response was started with, checked against it."""
        try:
            ResponseStatus(stored.status)
        except ValueError:
            raise UnreadableResponseError(stored.id, _unknown_status(stored.status)) from None
        try:
            return self._catalog.get(stored.questionnaire_id, stored.questionnaire_version)
        except ConsultDeskError as exc:
            raise UnreadableResponseError(stored.id, _questionnaire_problem(
                stored.questionnaire_id, stored.questionnaire_version, exc)) from None

    def duplicate(self, response_id: str, title: str | None = None, *,
                  author: Author | None = None) -> str:
        """Copy a response (same questionnaire version, answers, done flags); the new id.

        A new response, not a write to an existing answer: its answers start at
        version 1, written by ``author``.
        """
        stored = self._repo.load(response_id)
        questionnaire = self._catalog.get(stored.questionnaire_id, stored.questionnaire_version)
        new_id = _new_id()
        answers = {qid: (_layout(self._question(questionnaire, qid)), v)
                   for qid, v in stored.answers.items()}
        self._repo.insert(new_id, title or f"Copy of {stored.title}", questionnaire.id,
                          questionnaire.version, status=ResponseStatus.DRAFT.value,
                          deadline=stored.deadline, respondent=stored.respondent,
                          answers=answers, done=stored.done, contributors=stored.contributors,
                          progress=_progress(questionnaire, stored.answers), author=author,
                          source_response_id=stored.id)
        self._questionnaires[new_id] = questionnaire
        return new_id

    def earlier_answer(self, response_id: str, question_id: str) -> EarlierAnswer | None:
        """The answer of the response this one was started from (None: no such response,
        or it was deleted for good)."""
        source = self._repo.load(response_id).source_response_id
        if not source:
            return None
        try:
            earlier = self._repo.load(source)
        except NotFoundError:
            return None
        return EarlierAnswer(earlier.id, earlier.title, earlier.answers.get(question_id))

    # -- the versioned save ------------------------------------------------------
    def save_answer(self, response_id: str, question_id: str, value: AnswerValue, *,
                    base_version: int | None, author: Author, reason: str = "autosave"
                    ) -> SaveResult:
        """Validate and store one answer, unless it changed since ``base_version``.

        ``base_version``: the version the writer's value was based on (from
        :meth:`load`'s ``versions``, :meth:`answer_versions`, a previous SaveResult or a
        change); ``None`` is an explicit overwrite (CLI ``set``, an import, a restore),
        which keeps the replaced text as a revision (reason ``"before <reason>"``) first.

        When the stored version differs from ``base_version`` nothing is overwritten:
        the value is kept as a revision (reason ``"conflict"``, by ``author``; a writer
        refused again against the same stored version updates that one revision), and
        the result's ``conflict`` holds the stored value, version, author and time.
        Resolve by saving again with ``base_version=conflict.version``.

        The autosave path (same writer, base matches) reads one row and writes the
        answer's row(s): well under 2 ms.  Raises AnswerError (invalid value),
        NotFoundError (unknown response), StorageFullError and the like (nothing written).
        """
        questionnaire = self._questionnaire_of(response_id)
        question = self._question(questionnaire, question_id)
        clean = validate_answer(question, value)
        # An explicit overwrite keeps a revision first: make that commit durable.
        with self._db.write(durable=base_version is None) as conn:
            return self._save_in(conn, response_id, question, clean, base_version, author,
                                 reason, utc_now())

    def _save_in(self, conn: Connection, response_id: str, question: Question,
                 clean: AnswerValue, base_version: int | None, author: Author, reason: str,
                 now: datetime) -> SaveResult:
        """The versioned save of one validated value, inside the caller's write transaction."""
        qid = question.id
        if base_version and self._repo.write_if_version(
                conn, response_id, qid, _layout(question), clean, base_version=base_version,
                author=author, now=now):
            # The autosave path: the same writer, still at the version it last saw.
            return SaveResult(True, base_version + 1, clean, changed=True, saved_at=now)
        head = self._repo.head(conn, response_id, qid)
        stored_version = head.version if head is not None else 0
        if base_version is not None and base_version != stored_version:
            current = self._repo.read_value(conn, response_id, qid)
            if current == clean:
                # Both writers wrote the same thing: nothing to keep apart.
                return SaveResult(True, stored_version, clean, changed=False,
                                  saved_at=_aware(head.updated_at if head else None))
            assert head is not None  # a stored version above 0 has a row
            kept_id = self._keep_conflict(conn, response_id, qid, clean, author,
                                          stored_version, now)
            return SaveResult(False, stored_version, clean, conflict=Conflict(
                current, stored_version, head.author, _aware(head.updated_at)),
                revision_id=kept_id)
        revision_id: int | None = None
        if base_version is None or (head is not None and head.author != author):
            # Before an explicit overwrite, or when another writer takes over the answer,
            # the text that is there goes into the history (never lost silently).
            current = self._repo.read_value(conn, response_id, qid)
            if current == clean:
                return SaveResult(True, stored_version, clean, changed=False,
                                  saved_at=_aware(head.updated_at if head else None))
            if current is not None and head is not None:
                why = f"before {reason}" if base_version is None else "replaced"
                revision_id = self._keep(conn, response_id, qid, current, why, head, now)
        version = stored_version + 1
        self._repo.write_value(conn, response_id, qid, _layout(question), clean,
                               version=version, author=author, now=now)
        return SaveResult(True, version, clean, changed=True, saved_at=now,
                          revision_id=revision_id)

    def _keep(self, conn: Connection, response_id: str, question_id: str,
              value: AnswerValue, reason: str, head: AnswerHead | None, now: datetime
              ) -> int | None:
        """Keep ``value`` (the stored text, described by ``head``) as a revision unless
        the newest revision already holds it; the revision's id (None if nothing kept)."""
        newest = self._revisions.newest(conn, response_id, question_id)
        if newest is not None and newest.value == value:
            return newest.id
        if value is None and newest is None:
            return None
        revision_id = self._revisions.add(
            conn, response_id, question_id, value, reason, now,
            author=head.author if head else None,
            answer_version=head.version if head else None)
        self._revisions.prune(conn, response_id, question_id, now)
        return revision_id

    def _keep_conflict(self, conn: Connection, response_id: str, question_id: str,
                       value: AnswerValue, author: Author, stored_version: int,
                       now: datetime) -> int:
        """Keep a refused value as a "conflict" revision; a writer refused again against
        the same stored version (still typing) updates that revision instead."""
        newest = self._revisions.newest(conn, response_id, question_id)
        if (newest is not None and newest.reason == "conflict" and newest.author == author
                and newest.answer_version == stored_version):
            self._revisions.replace_value(conn, newest.id, value, now)
            return newest.id
        revision_id = self._revisions.add(conn, response_id, question_id, value, "conflict",
                                          now, author=author, answer_version=stored_version)
        self._revisions.prune(conn, response_id, question_id, now)
        return revision_id

    def answer_versions(self, response_id: str) -> dict[str, int]:
        """Each written question's version (a question never written is 0)."""
        with self._db.read() as conn:
            return {qid: version for qid, version, _done in self._repo.heads(conn, response_id)}

    def changes_since(self, response_id: str, token: ChangeToken | None
                      ) -> tuple[ChangeToken, builtins.list[AnswerChange]]:
        """The answers whose version or done flag moved since ``token`` (None: all of
        them), and the token to pass next time.

        Cheap when nothing changed: on SQLite one ``PRAGMA data_version`` (no table
        read, a few microseconds); otherwise one indexed read of the questions'
        (version, done) and the values of the moved ones only.  The caller ignores the
        changes it wrote itself (a version it already has).  On an engine without a
        change counter, every call reads the versions (a listener for the server's
        notifications decides when to call).
        """
        probe = self._db.data_version()
        if (token is not None and probe is not None and token.response_id == response_id
                and token.data_version == probe):
            return token, []
        seen = {qid: (v, d) for qid, v, d in token.heads} if token is not None else {}
        with self._db.read() as conn:
            heads = self._repo.heads(conn, response_id)
            moved = [qid for qid, v, d in heads if seen.get(qid) != (v, d)]
            changes: list[AnswerChange] = []
            if moved:
                values = self._repo.read_values(conn, response_id, moved)
                for qid in moved:
                    head = self._repo.head(conn, response_id, qid)
                    if head is not None:
                        changes.append(AnswerChange(qid, values.get(qid), head.version,
                                                    head.author, _aware(head.updated_at),
                                                    head.done))
        return ChangeToken(response_id, probe, tuple(heads)), changes

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
                raise AnswerError(
                    "unknown status {status!r} ({choices})",
                    status=status, choices=choices) from None
        if deadline != "keep":
            values["deadline"] = deadline
        self._repo.update_details(response_id, values)

    def merge(self, response_id: str, respondent: Mapping[str, Any] | None,
              answers: Mapping[str, Any] | None, *, author: Author,
              reason: str = "set") -> MergeResult:
        """Validate everything, then write it all in one durable transaction: each answer
        is an explicit overwrite (the versioned save with ``base_version=None``, so the
        replaced text is kept as a revision first); an unchanged answer is not written.
        Returns which answers changed (with their new versions)."""
        questionnaire = self._questionnaire_of(response_id)
        clean_respondent, clean_answers = self._validated(questionnaire, respondent, answers)
        changed: dict[str, int] = {}
        unchanged: list[str] = []
        now = utc_now()
        with self._db.write(durable=True) as conn:
            if clean_respondent:
                self._repo.write_respondent_fields(conn, response_id, clean_respondent, now)
            for qid, (_layout, value) in clean_answers.items():
                result = self._save_in(conn, response_id, questionnaire.question(qid), value,
                                       None, author, reason, now)
                if result.changed:
                    changed[qid] = result.version
                else:
                    unchanged.append(qid)
            if changed:
                # Counted now, in the same transaction: a scripted import of many
                # responses does not leave the library to recount them all.
                merged = self._repo.values_in(conn, response_id)
                self._repo.store_progress_in(conn, response_id,
                                             _progress(questionnaire, merged))
        return MergeResult(changed, unchanged, bool(clean_respondent))

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
        """Keep revisions of several answers in one durable transaction; how many kept.

        Each revision records the author and version of the text it keeps.
        """
        now = utc_now()
        kept = 0
        # Durable: revisions are taken on explicit saves and before destructive actions.
        with self._db.write(durable=True) as conn:
            for qid in question_ids:
                current = self._repo.read_value(conn, response_id, qid)
                exists, newest = self._revisions.newest_value(conn, response_id, qid)
                if (current is None and not exists) or (exists and newest == current):
                    continue
                head = self._repo.head(conn, response_id, qid)
                self._revisions.add(conn, response_id, qid, current, reason, now,
                                    author=head.author if head else None,
                                    answer_version=head.version if head else None)
                self._revisions.prune(conn, response_id, qid, now)
                kept += 1
        return kept

    def revisions(self, response_id: str, question_id: str) -> builtins.list[RevisionInfo]:
        """One answer's kept revisions, newest first (NotFoundError / AnswerError for an
        unknown response or question)."""
        self._question(self._questionnaire_of(response_id), question_id)
        with self._db.read() as conn:
            found = self._revisions.list(conn, response_id, question_id)
        return [_revision(r) for r in found]

    def revision(self, revision_id: int) -> RevisionInfo:
        """One revision (NotFoundError if unknown)."""
        with self._db.read() as conn:
            return _revision(self._revisions.get(conn, revision_id))

    def restore_revision(self, revision_id: int, *, author: Author,
                         response_id: str | None = None, question_id: str | None = None
                         ) -> SaveResult:
        """Put a revision back as the current value: the versioned save as an explicit
        overwrite (reason "restore"), so the current text is kept first ("before restore").

        ``response_id``/``question_id``, when given, must be the revision's (the CLI
        names all three): NotFoundError otherwise.
        """
        revision = self.revision(revision_id)
        if (response_id is not None and revision.response_id != response_id) or (
                question_id is not None and revision.question_id != question_id):
            raise NotFoundError(
                "revision {revision_id} is not a revision of {question_id} in response "
                "{response_id}",
                revision_id=revision_id, question_id=question_id or revision.question_id,
                response_id=response_id or revision.response_id)
        return self.save_answer(revision.response_id, revision.question_id, revision.value,
                                base_version=None, author=author, reason="restore")

    # -- repair ----------------------------------------------------------------------
    def repair_check(self, response_id: str) -> bool:
        """Whether a response needs repairing; before anything is copied or changed, says
        why it cannot be repaired here (NotFoundError, or UnreadableResponseError with
        what to do instead)."""
        self._repair_plan(response_id)
        try:
            self.load(response_id)
        except UnreadableResponseError:
            return True
        return False

    def _repair_plan(self, response_id: str) -> tuple[Questionnaire, int | None, bool]:
        """The questionnaire to repair against, the version to set (None: keep) and
        whether its stored definition must be rewritten from the bundled one."""
        qid, version = self._repo.load_meta_for_repair(response_id)
        new_version: int | None = None
        if version is None:  # unreadable: the newest installed version is the best guess
            try:
                questionnaire = self._catalog.get(qid)
            except ConsultDeskError as exc:
                raise UnreadableResponseError(response_id, str(exc), advice=(
                    f"install the questionnaire {qid!r} (questionnaire add FILE), or "
                    "restore a backup")) from None
            return questionnaire, questionnaire.version, False
        try:
            return self._catalog.get(qid, version), new_version, False
        except NotFoundError:
            raise UnreadableResponseError(
                response_id, _questionnaire_problem(qid, version, NotFoundError(qid)),
                advice=f"install version {version} of {qid!r} (questionnaire add FILE), "
                       "or restore a backup") from None
        except ConsultDeskError as exc:
            bundled = self._catalog.bundled_version(qid)
            if bundled is not None and bundled.version == version:
                return bundled, None, True
            raise UnreadableResponseError(response_id, str(exc), advice=(
                "restore a backup, or install the definition again")) from None

    def repair(self, response_id: str) -> builtins.list[str]:
        """Repair what cannot be read in a response's stored data; what was done (empty
        when nothing needed it).  Take a backup first: replaced values are not kept here."""
        questionnaire, new_version, rewrite = self._repair_plan(response_id)
        done: list[str] = []
        if rewrite and self._catalog.repair_definition(questionnaire.id, questionnaire.version):
            done.append(f"the stored definition of {questionnaire.id!r} version "
                        f"{questionnaire.version} could not be read: it is rewritten from "
                        "the bundled one")
        if new_version is not None:
            self._repo.update_details(response_id, {"questionnaire_version": new_version})
            done.append(f"the questionnaire version could not be read: it is now {new_version}"
                        " (the newest installed)")

        def restore(conn: Any, question_id: str, value: Any, version: int) -> bool:
            try:
                question = questionnaire.question(question_id)
                clean = validate_answer(question, value)
            except (KeyError, AnswerError):
                return False
            self._repo.write_value(conn, response_id, question_id, _layout(question), clean,
                                   version=version, author=_REPAIR, now=utc_now())
            return True

        done += repair_response(self._db, response_id, {s.value for s in ResponseStatus},
                                restore)
        self._questionnaires.pop(response_id, None)
        self.load(response_id)  # what is left unreadable is said, not hidden
        return done

    # -- the bin -------------------------------------------------------------------
    def delete(self, response_id: str) -> None:
        """Move a response to the bin (restorable); revisions of its answers kept first."""
        try:
            stored = self._repo.load(response_id)
        except UnreadableResponseError:
            # Binning loses nothing (the rows stay as they are), so an unreadable
            # response can be put out of the way too.
            stored = None
        if stored is not None:
            self._take_revisions(response_id, stored.answers, "before delete")
        self._repo.update_details(response_id, {"deleted_at": utc_now()})

    def restore(self, response_id: str) -> None:
        """Take a response out of the bin."""
        self._repo.update_details(response_id, {"deleted_at": None})

    def purge(self, response_id: str) -> None:
        """Delete a response from the bin for good (NotFoundError if not in the bin)."""
        self._repo.purge(response_id)
        self._questionnaires.pop(response_id, None)


#: Who writes an answer put back from its revision by ``repair``.
_REPAIR = Author(WriterKind.RESTORE, "repair")


def _unknown_status(status: str) -> str:
    return (f"its status {status!r} is not one this version of ConsultDesk knows (written "
            "by a newer version?)")


def _questionnaire_problem(qid: str, version: int, exc: ConsultDeskError) -> str:
    if isinstance(exc, NotFoundError):
        return f"its questionnaire {qid!r} version {version} is not installed"
    return str(exc)


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
