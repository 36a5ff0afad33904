"""Writing responses and their answers (the versioned save's statements, flags, the bin).

The autosave path (:meth:`ResponseWrites.write_if_version`, or ``head`` then
:meth:`ResponseWrites.write_value`, in one transaction the service opens) writes the
question's row(s) and touches the response's ``updated_at``; nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, exists, insert, select, update
from sqlalchemy.engine import Connection

from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import NotFoundError
from consultdesk.storage import row_values as rv
from consultdesk.storage.answer_codec import Layout, dump_json
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.dialects import insert_for
from consultdesk.storage.response_rows import A, R, _respondent

if TYPE_CHECKING:
    from consultdesk.domain.response import AnswerValue


class ResponseWrites:
    """The writing half of :class:`~consultdesk.storage.response_repository.ResponseRepository`."""

    _db: Database

    def insert(self, response_id: str, title: str, questionnaire_id: str, version: int, *,
               status: str, deadline: date | None, respondent: Mapping[str, str],
               answers: Mapping[str, tuple[Layout, AnswerValue]],
               done: Mapping[str, bool] | None = None,
               contributors: Mapping[str, str] | None = None,
               progress: tuple[int, int, int] | None = None,
               author: Author | None = None,
               source_response_id: str | None = None) -> None:
        """Insert a response with its answers (and its progress, if known) at once;
        each answer given starts at version 1, written by ``author``."""
        now = utc_now()
        answered, total, over = progress or (None, None, None)
        with self._db.write() as conn:
            conn.execute(insert(R).values(
                id=response_id, title=title, questionnaire_id=questionnaire_id,
                questionnaire_version=version, status=status, deadline=deadline,
                respondent=dump_json(dict(respondent)), created_at=now, updated_at=now,
                answered=answered, total=total, over=over,
                source_response_id=source_response_id))
            qids = set(answers) | set(done or {}) | set(contributors or {})
            for qid in qids:
                layout, value = answers.get(qid, (Layout.TEXT, None))
                self._write_value(conn, response_id, qid, layout, value, now,
                                  (contributors or {}).get(qid),
                                  version=1 if qid in answers else 0, author=author)
                if (done or {}).get(qid):
                    self._upsert_head(conn, response_id, qid, now, done=True)

    def store_progress(self, items: Iterable[tuple[str, Any, tuple[int, int, int]]]) -> None:
        """Cache progress, unless the response changed since it was read (``updated_raw``
        is the stored ``updated_at`` as it was read).

        Only a cache: when another process is writing, it is not waited for long.
        """
        with self._db.write(wait_s=0.05, change=False) as conn:
            for rid, updated_raw, (answered, total, over) in items:
                conn.execute(update(R).where(and_(R.c.id == rid,
                                                  rv.raw(R.c.updated_at) == updated_raw))
                             .values(answered=answered, total=total, over=over))

    def update_details(self, response_id: str, values: Mapping[str, Any]) -> None:
        """Change title, status, deadline or the bin date (NotFoundError if unknown)."""
        with self._db.write() as conn:
            done = conn.execute(update(R).where(R.c.id == response_id)
                                .values(**values, updated_at=utc_now()))
        if done.rowcount == 0:
            raise NotFoundError(
                "no response with id {response_id!r}",
                response_id=response_id)

    def purge(self, response_id: str) -> None:
        """Delete a binned response with its answers and revisions (cascade)."""
        with self._db.write(durable=True) as conn:
            done = conn.execute(delete(R).where(and_(R.c.id == response_id,
                                                     R.c.deleted_at.is_not(None))))
        if done.rowcount == 0:
            raise NotFoundError(
                "no response with id {response_id!r} in the bin",
                response_id=response_id)

    # -- answers (the versioned save: the service holds the transaction) ---------
    def write_value(self, conn: Connection, response_id: str, question_id: str,
                    layout: Layout, value: AnswerValue, *, version: int, author: Author,
                    now: datetime) -> None:
        """Store one question's value as ``version`` by ``author``, in the caller's
        transaction (the service checked the version first)."""
        # Touch first: a response deleted meanwhile (by the CLI) is a NotFoundError,
        # not a foreign-key failure.
        self._touch(conn, response_id, now, stale=True)
        self._write_value(conn, response_id, question_id, layout, value, now, None,
                          version=version, author=author)

    def write_if_version(self, conn: Connection, response_id: str, question_id: str,
                         layout: Layout, value: AnswerValue, *, base_version: int,
                         author: Author, now: datetime) -> bool:
        """The autosave's one statement: store a text or choice value as version
        ``base_version + 1`` if the stored version is ``base_version`` and ``author``
        wrote it; False (nothing written) otherwise, or for a repeating block."""
        if layout is Layout.ENTRIES:
            return False
        text, raw = (value, None) if layout is Layout.TEXT else (
            None, None if value is None else dump_json(value))
        answer = update(A).where(and_(
            A.c.response_id == response_id, A.c.question_id == question_id, A.c.entry == 0,
            A.c.version == base_version, A.c.author_kind == author.kind.value,
            A.c.author_name == author.name)).values(
                text=text, value=raw, version=base_version + 1, updated_at=now)
        if conn.dialect.name == "postgresql":
            # One statement (a data-modifying CTE): on a server each statement is a
            # round trip, and this is the autosave, once a second while someone types.
            # The answer row exists, so its response does (foreign key): no NotFound.
            changed = answer.returning(A.c.id).cte("changed")
            done = conn.execute(
                update(R).where(R.c.id == response_id, exists(select(changed.c.id)))
                .values(updated_at=now, answered=None, total=None, over=None)
                .add_cte(changed))
            return done.rowcount == 1
        done = conn.execute(answer)
        if done.rowcount != 1:
            return False
        self._touch(conn, response_id, now, stale=True)
        return True

    def write_respondent_fields(self, conn: Connection, response_id: str,
                                respondent: Mapping[str, str], now: datetime) -> None:
        """Merge respondent details in the caller's transaction (the CLI's ``set``)."""
        current = _respondent(conn, response_id)
        current.update(respondent)
        conn.execute(update(R).where(R.c.id == response_id)
                     .values(respondent=dump_json(current), updated_at=now))

    def store_progress_in(self, conn: Connection, response_id: str,
                          progress: tuple[int, int, int]) -> None:
        """Cache progress inside the caller's transaction (after a merge)."""
        conn.execute(update(R).where(R.c.id == response_id).values(
            answered=progress[0], total=progress[1], over=progress[2]))

    def write_respondent(self, response_id: str, field_id: str, value: str) -> None:
        """Store one respondent detail."""
        now = utc_now()
        with self._db.write() as conn:
            current = _respondent(conn, response_id)
            current[field_id] = value
            conn.execute(update(R).where(R.c.id == response_id)
                         .values(respondent=dump_json(current), updated_at=now))

    def write_flags(self, response_id: str, question_id: str, *, done: bool | None = None,
                    contributor: str | None = None) -> None:
        """Set a question's done flag or contributor tag."""
        now = utc_now()
        with self._db.write() as conn:
            self._touch(conn, response_id, now, stale=False)
            self._upsert_head(conn, response_id, question_id, now, done=done,
                              contributor=contributor)

    # -- helpers -----------------------------------------------------------------
    @staticmethod
    def _touch(conn: Connection, response_id: str, now: datetime, *, stale: bool) -> None:
        values: dict[str, Any] = {"updated_at": now}
        if stale:
            values.update(answered=None, total=None, over=None)
        done = conn.execute(update(R).where(R.c.id == response_id).values(**values))
        if done.rowcount == 0:
            raise NotFoundError(
                "no response with id {response_id!r}",
                response_id=response_id)

    @staticmethod
    def _upsert_head(conn: Connection, response_id: str, question_id: str, now: datetime, *,
                     text: str | None | bool = False, value: str | None | bool = False,
                     done: bool | None = None, contributor: str | None = None,
                     version: int | None = None, author: Author | None = None) -> None:
        """Insert or update a question's entry-0 row; ``False`` (or None for the rest)
        leaves a column as it is."""
        changes: dict[str, Any] = {"updated_at": now}
        if version is not None:
            changes["version"] = version
        if author is not None:
            changes["author_kind"] = author.kind.value
            changes["author_name"] = author.name
        if text is not False:
            changes["text"] = text
        if value is not False:
            changes["value"] = value
        if done is not None:
            changes["done"] = done
        if contributor is not None:
            changes["contributor"] = contributor
        stmt = insert_for(conn, A).values(
            response_id=response_id, question_id=question_id, entry=0,
            text=changes.get("text"), value=changes.get("value"), updated_at=now,
            contributor=contributor, done=bool(done), version=version or 0,
            author_kind=changes.get("author_kind"), author_name=changes.get("author_name"))
        conn.execute(stmt.on_conflict_do_update(
            index_elements=[A.c.response_id, A.c.question_id, A.c.entry], set_=changes))

    def _write_value(self, conn: Connection, response_id: str, question_id: str,
                     layout: Layout, value: AnswerValue, now: datetime,
                     contributor: str | None, *, version: int | None = None,
                     author: Author | None = None) -> None:
        head = {"contributor": contributor, "version": version, "author": author}
        if layout is Layout.TEXT:
            assert value is None or isinstance(value, str), "a text answer is a str"
            self._upsert_head(conn, response_id, question_id, now, text=value, value=None,
                              **head)  # type: ignore[arg-type]
            return
        if layout is Layout.CHOICE:
            self._upsert_head(conn, response_id, question_id, now, text=None,
                              value=None if value is None else dump_json(value),
                              **head)  # type: ignore[arg-type]
            return
        entries = list(value or [])
        self._upsert_head(conn, response_id, question_id, now, text=None, value=None,
                          **head)  # type: ignore[arg-type]
        conn.execute(delete(A).where(and_(A.c.response_id == response_id,
                                          A.c.question_id == question_id,
                                          A.c.entry > len(entries))))
        for i, entry in enumerate(entries, start=1):
            stmt = insert_for(conn, A).values(response_id=response_id, question_id=question_id,
                                           entry=i, value=dump_json(entry), updated_at=now,
                                           done=False)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=[A.c.response_id, A.c.question_id, A.c.entry],
                set_={"value": stmt.excluded.value, "updated_at": now}))
