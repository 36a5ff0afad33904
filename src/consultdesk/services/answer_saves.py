"""The versioned save of answers, the change check and revisions.

Every write of an answer, whoever makes it (the editor's autosave, the CLI's ``set``,
an import, a contribution merged, a revision restored), goes through
:meth:`AnswerSaves.save_answer` (or :meth:`AnswerSaves.merge`, the same save for
several answers in one transaction).  Each answer carries an integer version that every
write raises; a save names the version it was based on, and a save based on an older
version is refused (a *conflict*) without overwriting anything: the refused text is kept
as a revision and the writer is told what is there now.  Nothing is ever overwritten
silently:

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
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import NotFoundError
from consultdesk.domain.response import AnswerValue, validate_answer
from consultdesk.services.records import (
    AnswerChange,
    ChangeToken,
    Conflict,
    MergeResult,
    RevisionInfo,
    SaveResult,
)
from consultdesk.services.response_base import ResponseBase, _aware, _layout, _progress, _revision
from consultdesk.storage.database import utc_now
from consultdesk.storage.response_repository import AnswerHead

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection

    from consultdesk.domain.questionnaire import Question


class AnswerSaves(ResponseBase):
    """The one versioned save of answers, the change check and the revisions kept."""

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
        kept: set[str] = set()
        now = utc_now()
        with self._db.write(durable=True) as conn:
            if clean_respondent:
                self._repo.write_respondent_fields(conn, response_id, clean_respondent, now)
            for qid, (_layout, value) in clean_answers.items():
                result = self._save_in(conn, response_id, questionnaire.question(qid), value,
                                       None, author, reason, now)
                if result.changed:
                    changed[qid] = result.version
                    if result.revision_id is not None:
                        kept.add(qid)
                else:
                    unchanged.append(qid)
            if changed:
                # Counted now, in the same transaction: a scripted import of many
                # responses does not leave the library to recount them all.
                merged = self._repo.values_in(conn, response_id)
                self._repo.store_progress_in(conn, response_id,
                                             _progress(questionnaire, merged))
        return MergeResult(changed, unchanged, bool(clean_respondent), frozenset(kept))

    # -- revisions ---------------------------------------------------------------
    def take_revision(self, response_id: str, question_id: str, reason: str = "save", *,
                      at: datetime | None = None) -> bool:
        """Keep the current value if it differs from the newest revision (True if kept).

        ``at``: when the text was written, if not now (an edit made offline, sent later).
        """
        self._question(self._questionnaire_of(response_id), question_id)
        kept = bool(self._take_revisions(response_id, [question_id], reason, at=at))
        if kept:
            # A pause in typing: the moment to checkpoint, rather than inside an autosave.
            self._db.checkpoint()
        return kept

    def _take_revisions(self, response_id: str, question_ids: Iterable[str], reason: str,
                        *, at: datetime | None = None) -> int:
        """Keep revisions of several answers in one durable transaction; how many kept.

        Each revision records the author and version of the text it keeps.
        """
        now = at or utc_now()
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

