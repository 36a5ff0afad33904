"""SQL for responses and their answers (the services validate; this only stores).

The autosave path (:meth:`ResponseRepository.head` then
:meth:`ResponseRepository.write_value`, in one transaction the service opens) reads
one question's version, writes its row(s) and touches the response's ``updated_at``;
nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Connection

from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import NotFoundError
from consultdesk.domain.response import AnswerValue
from consultdesk.storage import row_values as rv
from consultdesk.storage.answer_codec import Layout, dump_json, value_from_rows
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.dialects import insert_for
from consultdesk.storage.errors import UnreadableResponseError
from consultdesk.storage.row_values import UnreadableValue
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
    #: The response this one was started from (Duplicate), if any.
    source_response_id: str | None = None


@dataclass(frozen=True, slots=True)
class AnswerHead:
    """A question's entry-0 row as the versioned save needs it."""

    version: int
    author: Author
    updated_at: datetime
    done: bool


@dataclass(slots=True)
class ListedResponse:
    """A response row as the library lists it; ``problem`` says what cannot be read."""

    id: str
    title: str
    questionnaire_id: str
    questionnaire_version: int
    status: str
    deadline: date | None
    updated_at: datetime
    deleted_at: datetime | None
    progress: tuple[int, int, int] | None
    #: The stored ``updated_at`` exactly as read (the progress cache compares with it).
    updated_raw: Any = None
    problem: str | None = None


# Selected raw (no result processors): decoded by row_values, one value at a time.
_RAW_RESPONSE = [rv.raw(c) for c in (
    R.c.id, R.c.title, R.c.questionnaire_id, R.c.questionnaire_version, R.c.status,
    R.c.deadline, R.c.respondent, R.c.created_at, R.c.updated_at, R.c.deleted_at,
    R.c.answered, R.c.total, R.c.over, R.c.source_response_id)]
_RAW_ANSWER = [rv.raw(c) for c in (A.c.question_id, A.c.entry, A.c.text, A.c.value, A.c.done,
                                   A.c.contributor, A.c.version)]
_NEVER = datetime(1970, 1, 1, tzinfo=UTC)


def _progress(row: Any) -> tuple[int, int, int] | None:
    """The cached progress, or None (recounted) when missing or not readable."""
    try:
        values = [rv.integer(getattr(row, c), c, nullable=True, minimum=0)
                  for c in ("answered", "total", "over")]
    except UnreadableValue:
        return None  # only a cache
    if None in values:
        return None
    return (values[0], values[1], values[2])  # type: ignore[return-value]


def _respondent(conn: Connection, response_id: str) -> dict[str, str]:
    """The stored respondent details, inside a write (never written over when unreadable)."""
    row = conn.execute(select(rv.raw(R.c.respondent)).where(R.c.id == response_id)).first()
    if row is None:
        raise NotFoundError("no response with id {response_id!r}", response_id=response_id)
    try:
        return rv.json_object(row[0], "respondent details")
    except UnreadableValue as exc:
        raise UnreadableResponseError(response_id, str(exc)) from None


def _listed(row: Any) -> ListedResponse:
    """Decode a response row; what cannot be read is replaced and named in ``problem``."""
    problems: list[str] = []

    def read(decode: Any, value: Any, column: str, fallback: Any, **kw: Any) -> Any:
        try:
            return decode(value, column, **kw)
        except UnreadableValue as exc:
            problems.append(str(exc))
            return fallback

    rid = read(rv.text, row.id, "response id", None)
    if rid is None:
        rid = repr(row.id)
    listed = ListedResponse(
        id=rid,
        title=read(rv.text, row.title, "title", "(title unreadable)"),
        questionnaire_id=read(rv.text, row.questionnaire_id, "questionnaire id", ""),
        questionnaire_version=read(rv.integer, row.questionnaire_version,
                                   "questionnaire version", 0, minimum=1),
        status=read(rv.text, row.status, "status", "draft"),
        deadline=read(rv.day, row.deadline, "deadline", None),
        updated_at=read(rv.moment, row.updated_at, "time of the last change", _NEVER),
        deleted_at=read(rv.moment, row.deleted_at, "time it was binned", None, nullable=True),
        progress=_progress(row), updated_raw=row.updated_at)
    if problems:
        listed.problem = problems[0]
    return listed


def _answer_rows(rows: Iterable[Any]) -> tuple[dict[str, list[tuple[int, Any, Any]]],
                                               dict[str, bool], dict[str, str], dict[str, int]]:
    """Group answer rows by question; done flags, contributors and versions
    (UnreadableValue if a value cannot be read)."""
    by_question: dict[str, list[tuple[int, Any, Any]]] = {}
    done: dict[str, bool] = {}
    contributors: dict[str, str] = {}
    versions: dict[str, int] = {}
    for row in rows:
        qid = rv.text(row.question_id, "question id of an answer")
        assert qid is not None
        entry = rv.integer(row.entry, f"entry number of the answer to {qid}", minimum=0)
        by_question.setdefault(qid, []).append((entry, row.text, row.value))  # type: ignore[arg-type]
        if entry == 0:
            versions[qid] = rv.integer(row.version, f"version of the answer to {qid}",  # type: ignore[assignment]
                                       minimum=0)
            if rv.flag(row.done, f"done flag of the answer to {qid}"):
                done[qid] = True
            contributor = rv.text(row.contributor, f"contributor of the answer to {qid}",
                                  nullable=True)
            if contributor:
                contributors[qid] = contributor
    return by_question, done, contributors, versions


def _value(question_id: str, rows: list[tuple[int, Any, Any]]) -> AnswerValue:
    """One question's value from its raw rows (UnreadableValue naming the question)."""
    where = f"answer to {question_id}"
    return value_from_rows(
        ((entry, rv.text(text, where, nullable=True),
          rv.text(value, where, nullable=True)) for entry, text, value in rows), where)


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

    def meta(self, response_id: str) -> tuple[str, int, datetime | None]:
        """(questionnaire id, version, deleted_at) of a response (NotFoundError if none)."""
        with self._db.read() as conn:
            row = conn.execute(select(*_RAW_RESPONSE).where(R.c.id == response_id)).first()
        if row is None:
            raise NotFoundError(
                "no response with id {response_id!r}",
                response_id=response_id)
        listed = _listed(row)
        if listed.problem is not None:
            raise UnreadableResponseError(response_id, listed.problem)
        return listed.questionnaire_id, listed.questionnaire_version, listed.deleted_at

    def load_meta_for_repair(self, response_id: str) -> tuple[str, int | None]:
        """(questionnaire id, version or None if unreadable) of a response, however
        unreadable the rest is."""
        with self._db.read() as conn:
            row = conn.execute(select(*_RAW_RESPONSE).where(R.c.id == response_id)).first()
        if row is None:
            raise NotFoundError(
                "no response with id {response_id!r}",
                response_id=response_id)
        try:
            qid = rv.text(row.questionnaire_id, "questionnaire id")
        except UnreadableValue as exc:
            raise UnreadableResponseError(response_id, str(exc), advice="restore a backup"
                                          ) from None
        try:
            version = rv.integer(row.questionnaire_version, "questionnaire version", minimum=1)
        except UnreadableValue:
            version = None
        return qid, version  # type: ignore[return-value]

    def load(self, response_id: str) -> StoredResponse:
        """A whole response (NotFoundError if unknown, UnreadableResponseError if a stored
        value cannot be read)."""
        with self._db.read() as conn:
            row = conn.execute(select(*_RAW_RESPONSE).where(R.c.id == response_id)).first()
            if row is None:
                raise NotFoundError(
                    "no response with id {response_id!r}",
                    response_id=response_id)
            rows = conn.execute(
                select(*_RAW_ANSWER).where(A.c.response_id == response_id)).all()
        try:
            return self._stored(row, rows)
        except UnreadableValue as exc:
            raise UnreadableResponseError(response_id, str(exc)) from None

    def _stored(self, row: Any, answer_rows: Sequence[Any]) -> StoredResponse:
        by_question, done, contributors, versions = _answer_rows(answer_rows)
        answers = {qid: v for qid, rows in by_question.items()
                   if (v := _value(qid, rows)) is not None}
        listed = _listed(row)
        if listed.problem is not None:
            raise UnreadableResponseError(listed.id, listed.problem)
        return StoredResponse(
            listed.id, listed.title, listed.questionnaire_id, listed.questionnaire_version,
            listed.status, listed.deadline,
            rv.json_object(row.respondent, "respondent details"),
            rv.moment(row.created_at, "creation time"), listed.updated_at,  # type: ignore[arg-type]
            listed.deleted_at, listed.progress, answers, done, contributors, versions,
            rv.text(row.source_response_id, "source response", nullable=True))

    def list_rows(self, *, deleted: bool) -> list[ListedResponse]:
        """Response rows (in the bin or not), most recently edited first.

        A row with a value that cannot be read is listed with its ``problem`` set.
        """
        where = R.c.deleted_at.is_not(None) if deleted else R.c.deleted_at.is_(None)
        with self._db.read() as conn:
            rows = conn.execute(select(*_RAW_RESPONSE).where(where)
                                .order_by(R.c.updated_at.desc())).all()
        return [_listed(r) for r in rows]

    def answers_of(self, response_ids: Sequence[str]
                   ) -> tuple[dict[str, dict[str, AnswerValue]], dict[str, str]]:
        """The answers of several responses (for recomputing their progress), and the
        problem of each response whose answers cannot be read."""
        grouped: dict[str, list[Any]] = {}
        with self._db.read() as conn:
            for start in range(0, len(response_ids), 500):  # SQLite's variable limit
                chunk = list(response_ids[start:start + 500])
                for row in conn.execute(select(A.c.response_id, *_RAW_ANSWER)
                                        .where(A.c.response_id.in_(chunk))):
                    grouped.setdefault(row.response_id, []).append(row)
        answers: dict[str, dict[str, AnswerValue]] = {}
        problems: dict[str, str] = {}
        for rid, rows in grouped.items():
            try:
                by_question = _answer_rows(rows)[0]
                answers[rid] = {qid: v for qid, qrows in by_question.items()
                                if (v := _value(qid, qrows)) is not None}
            except UnreadableValue as exc:
                problems[rid] = str(exc)
        return answers, problems

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
    def head(self, conn: Connection, response_id: str, question_id: str) -> AnswerHead | None:
        """A question's version, author, save time and done flag (None: never written)."""
        row = conn.execute(select(*(rv.raw(c) for c in (
            A.c.version, A.c.author_kind, A.c.author_name, A.c.updated_at, A.c.done))).where(
            and_(A.c.response_id == response_id, A.c.question_id == question_id,
                 A.c.entry == 0))).first()
        if row is None:
            return None
        where = f"answer to {question_id}"
        try:
            return AnswerHead(
                rv.integer(row[0], f"version of the {where}", minimum=0),  # type: ignore[arg-type]
                Author.stored(rv.text(row[1], where, nullable=True),
                              rv.text(row[2], where, nullable=True)),
                rv.moment(row[3], f"save time of the {where}"),  # type: ignore[arg-type]
                rv.flag(row[4], f"done flag of the {where}"))
        except UnreadableValue as exc:
            raise UnreadableResponseError(response_id, str(exc)) from None

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
