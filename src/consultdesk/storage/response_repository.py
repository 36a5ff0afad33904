"""SQL for responses and their answers (the services validate; this only stores).

The autosave path (:meth:`ResponseRepository.head` then
:meth:`ResponseRepository.write_value`, in one transaction the service opens) reads
one question's version, writes its row(s) and touches the response's ``updated_at``;
nothing else.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Connection

from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import NotFoundError
from consultdesk.domain.response import AnswerValue
from consultdesk.storage.answer_codec import Layout, dump_json, value_from_rows
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.dialects import insert_for
from consultdesk.storage.tables import AnswerRow, ResponseRow

R = ResponseRow.__table__  # type: ignore[attr-defined]
A = AnswerRow.__table__  # type: ignore[attr-defined]


@dataclass(slots=True)
class StoredResponse:
    """A response row with its answers, as stored (values not yet checked)."""

    id: str
    title: str
    questionnaire_id: str
    questionnaire_version: int
    status: str
    deadline: date | None
    respondent: dict[str, str]
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None
    progress: tuple[int, int, int] | None
    answers: dict[str, AnswerValue]
    done: dict[str, bool]
    contributors: dict[str, str]
    versions: dict[str, int]


@dataclass(frozen=True, slots=True)
class AnswerHead:
    """A question's entry-0 row as the versioned save needs it."""

    version: int
    author: Author
    updated_at: datetime
    done: bool


def _progress(row: Any) -> tuple[int, int, int] | None:
    if row.answered is None or row.total is None or row.over is None:
        return None
    return (row.answered, row.total, row.over)


class ResponseRepository:
    """Reads and writes responses, answers and the progress cache."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # -- responses -------------------------------------------------------------
    def insert(self, response_id: str, title: str, questionnaire_id: str, version: int, *,
               status: str, deadline: date | None, respondent: Mapping[str, str],
               answers: Mapping[str, tuple[Layout, AnswerValue]],
               done: Mapping[str, bool] | None = None,
               contributors: Mapping[str, str] | None = None,
               progress: tuple[int, int, int] | None = None,
               author: Author | None = None) -> None:
        """Insert a response with its answers (and its progress, if known) at once;
        each answer given starts at version 1, written by ``author``."""
        now = utc_now()
        answered, total, over = progress or (None, None, None)
        with self._db.write() as conn:
            conn.execute(insert(R).values(
                id=response_id, title=title, questionnaire_id=questionnaire_id,
                questionnaire_version=version, status=status, deadline=deadline,
                respondent=dump_json(dict(respondent)), created_at=now, updated_at=now,
                answered=answered, total=total, over=over))
            qids = set(answers) | set(done or {}) | set(contributors or {})
            for qid in qids:
                layout, value = answers.get(qid, (Layout.TEXT, None))
                self._write_value(conn, response_id, qid, layout, value, now,
                                  (contributors or {}).get(qid),
                                  version=1 if qid in answers else 0, author=author)
                if (done or {}).get(qid):
                    self._upsert_head(conn, response_id, qid, now, done=True)

    def meta(self, response_id: str) -> tuple[str, int, datetime | None]:
        """(questionnaire id, version, deleted_at) of a response (NotFoundError if none)."""
        with self._db.read() as conn:
            row = conn.execute(select(R.c.questionnaire_id, R.c.questionnaire_version,
                                      R.c.deleted_at).where(R.c.id == response_id)).first()
        if row is None:
            raise NotFoundError(
                "no response with id {response_id!r}",
                response_id=response_id)
        return row[0], row[1], row[2]

    def load(self, response_id: str) -> StoredResponse:
        """A whole response (NotFoundError if unknown)."""
        with self._db.read() as conn:
            row = conn.execute(select(R).where(R.c.id == response_id)).first()
            if row is None:
                raise NotFoundError(
                    "no response with id {response_id!r}",
                    response_id=response_id)
            rows = conn.execute(
                select(A.c.question_id, A.c.entry, A.c.text, A.c.value, A.c.done,
                       A.c.contributor, A.c.version)
                .where(A.c.response_id == response_id)).all()
        return self._stored(row, rows)

    def _stored(self, row: Any, answer_rows: Sequence[Any]) -> StoredResponse:
        by_question: dict[str, list[tuple[int, str | None, str | None]]] = {}
        done: dict[str, bool] = {}
        contributors: dict[str, str] = {}
        versions: dict[str, int] = {}
        for qid, entry, text, value, is_done, contributor, version in answer_rows:
            by_question.setdefault(qid, []).append((entry, text, value))
            if entry == 0:
                versions[qid] = version
                if is_done:
                    done[qid] = True
                if contributor:
                    contributors[qid] = contributor
        answers = {qid: v for qid, rows in by_question.items()
                   if (v := value_from_rows(rows)) is not None}
        return StoredResponse(
            row.id, row.title, row.questionnaire_id, row.questionnaire_version, row.status,
            row.deadline, json.loads(row.respondent or "{}"), row.created_at, row.updated_at,
            row.deleted_at, _progress(row), answers, done, contributors, versions)

    def list_rows(self, *, deleted: bool) -> list[Any]:
        """Response rows (in the bin or not), most recently edited first."""
        where = R.c.deleted_at.is_not(None) if deleted else R.c.deleted_at.is_(None)
        with self._db.read() as conn:
            return list(conn.execute(
                select(R.c.id, R.c.title, R.c.questionnaire_id, R.c.questionnaire_version,
                       R.c.status, R.c.deadline, R.c.updated_at, R.c.deleted_at,
                       R.c.answered, R.c.total, R.c.over)
                .where(where).order_by(R.c.updated_at.desc())).all())

    def answers_of(self, response_ids: Sequence[str]) -> dict[str, dict[str, AnswerValue]]:
        """The answers of several responses (for recomputing their progress)."""
        grouped: dict[str, dict[str, list[tuple[int, str | None, str | None]]]] = {}
        with self._db.read() as conn:
            for start in range(0, len(response_ids), 500):  # SQLite's variable limit
                chunk = list(response_ids[start:start + 500])
                for rid, qid, entry, text, value in conn.execute(
                        select(A.c.response_id, A.c.question_id, A.c.entry, A.c.text,
                               A.c.value).where(A.c.response_id.in_(chunk))):
                    grouped.setdefault(rid, {}).setdefault(qid, []).append((entry, text, value))
        return {rid: {qid: v for qid, rows in qs.items()
                      if (v := value_from_rows(rows)) is not None}
                for rid, qs in grouped.items()}

    def store_progress(self, items: Iterable[tuple[str, datetime, tuple[int, int, int]]]) -> None:
        """Cache progress, unless the response changed since it was read.

        Only a cache: when another process is writing, it is not waited for long.
        """
        with self._db.write(wait_s=0.05) as conn:
            for rid, updated_at, (answered, total, over) in items:
                conn.execute(update(R).where(and_(R.c.id == rid, R.c.updated_at == updated_at))
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
    def head(self, conn: Connection, response_id: str, question_id: str) -> AnswerHead | None:
        """A question's version, author, save time and done flag (None: never written)."""
        row = conn.execute(select(A.c.version, A.c.author_kind, A.c.author_name,
                                  A.c.updated_at, A.c.done).where(and_(
            A.c.response_id == response_id, A.c.question_id == question_id,
            A.c.entry == 0))).first()
        if row is None:
            return None
        return AnswerHead(row[0], Author.stored(row[1], row[2]), row[3], bool(row[4]))

    def heads(self, conn: Connection, response_id: str) -> list[tuple[str, int, bool]]:
        """(question id, version, done) of every written question: the change check."""
        return [(r[0], r[1], bool(r[2])) for r in conn.execute(
            select(A.c.question_id, A.c.version, A.c.done).where(
                and_(A.c.response_id == response_id, A.c.entry == 0)))]

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
        done = conn.execute(update(A).where(and_(
            A.c.response_id == response_id, A.c.question_id == question_id, A.c.entry == 0,
            A.c.version == base_version, A.c.author_kind == author.kind.value,
            A.c.author_name == author.name)).values(
                text=text, value=raw, version=base_version + 1, updated_at=now))
        if done.rowcount != 1:
            return False
        self._touch(conn, response_id, now, stale=True)
        return True

    def write_respondent_fields(self, conn: Connection, response_id: str,
                                respondent: Mapping[str, str], now: datetime) -> None:
        """Merge respondent details in the caller's transaction (the CLI's ``set``)."""
        raw = conn.execute(select(R.c.respondent).where(R.c.id == response_id)).scalar()
        if raw is None:
            raise NotFoundError(
                "no response with id {response_id!r}",
                response_id=response_id)
        current = json.loads(raw)
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
            raw = conn.execute(select(R.c.respondent).where(R.c.id == response_id)).scalar()
            if raw is None:
                raise NotFoundError(
                    "no response with id {response_id!r}",
                    response_id=response_id)
            current = json.loads(raw)
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

    def read_value(self, conn: Connection, response_id: str, question_id: str) -> AnswerValue:
        """One question's current value, inside a caller's transaction."""
        rows = conn.execute(select(A.c.entry, A.c.text, A.c.value).where(
            and_(A.c.response_id == response_id, A.c.question_id == question_id))).all()
        return value_from_rows(rows)  # type: ignore[arg-type]

    def values_in(self, conn: Connection, response_id: str) -> dict[str, AnswerValue]:
        """All of a response's current values, inside the caller's transaction."""
        grouped: dict[str, list[tuple[int, str | None, str | None]]] = {}
        for qid, entry, text, value in conn.execute(
                select(A.c.question_id, A.c.entry, A.c.text, A.c.value)
                .where(A.c.response_id == response_id)):
            grouped.setdefault(qid, []).append((entry, text, value))
        return {qid: v for qid, rows in grouped.items()
                if (v := value_from_rows(rows)) is not None}

    def read_values(self, conn: Connection, response_id: str, question_ids: Sequence[str]
                    ) -> dict[str, AnswerValue]:
        """Several questions' current values (only the changed ones, for live refresh)."""
        grouped: dict[str, list[tuple[int, str | None, str | None]]] = {}
        for start in range(0, len(question_ids), 500):
            chunk = list(question_ids[start:start + 500])
            for qid, entry, text, value in conn.execute(
                    select(A.c.question_id, A.c.entry, A.c.text, A.c.value).where(and_(
                        A.c.response_id == response_id, A.c.question_id.in_(chunk)))):
                grouped.setdefault(qid, []).append((entry, text, value))
        return {qid: value_from_rows(grouped.get(qid, [])) for qid in question_ids}

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
            self._upsert_head(conn, response_id, question_id, now, text=value, value=None,
                              **head)  # type: ignore[arg-type]
            return
        if layout is Layout.CHOICE:
            self._upsert_head(conn, response_id, question_id, now, text=None,
                              value=None if value is None else dump_json(value),
                              **head)  # type: ignore[arg-type]
            return
        entries = list(value or [])  # type: ignore[arg-type]
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
