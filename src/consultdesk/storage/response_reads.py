"""Reading responses and their answers (whole, listed, or one question inside a write)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select
from sqlalchemy.engine import Connection

from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import Message, NotFoundError
from consultdesk.storage import row_values as rv
from consultdesk.storage.answer_codec import value_from_rows
from consultdesk.storage.database import Database
from consultdesk.storage.errors import UnreadableResponseError
from consultdesk.storage.response_rows import (
    _RAW_ANSWER,
    _RAW_RESPONSE,
    A,
    AnswerHead,
    ListedResponse,
    R,
    StoredResponse,
    _answer_rows,
    _listed,
    _value,
)
from consultdesk.storage.row_values import UnreadableValue

if TYPE_CHECKING:
    from consultdesk.domain.response import AnswerValue


def _response_row(conn: Connection, response_id: str) -> Any:
    """A response's row, selected raw (NotFoundError if there is none)."""
    row = conn.execute(select(*_RAW_RESPONSE).where(R.c.id == response_id)).first()
    if row is None:
        raise NotFoundError("no response with id {response_id!r}", response_id=response_id)
    return row


class ResponseReads:
    """The reading half of :class:`~consultdesk.storage.response_repository.ResponseRepository`."""

    _db: Database

    def meta(self, response_id: str) -> tuple[str, int, datetime | None]:
        """(questionnaire id, version, deleted_at) of a response (NotFoundError if none)."""
        with self._db.read() as conn:
            row = _response_row(conn, response_id)
        listed = _listed(row)
        if listed.problem is not None:
            raise UnreadableResponseError(response_id, listed.problem)
        return listed.questionnaire_id, listed.questionnaire_version, listed.deleted_at

    def load_meta_for_repair(self, response_id: str) -> tuple[str, int | None]:
        """(questionnaire id, version or None if unreadable) of a response, however
        unreadable the rest is."""
        with self._db.read() as conn:
            row = _response_row(conn, response_id)
        try:
            qid = rv.text(row.questionnaire_id, Message("questionnaire id"))
        except UnreadableValue as exc:
            raise UnreadableResponseError(response_id, exc, advice=Message("restore a backup")
                                          ) from None
        try:
            version = rv.integer(row.questionnaire_version, Message("questionnaire version"),
                                 minimum=1)
        except UnreadableValue:
            version = None
        return qid, version

    def load(self, response_id: str) -> StoredResponse:
        """A whole response (NotFoundError if unknown, UnreadableResponseError if a stored
        value cannot be read)."""
        with self._db.read() as conn:
            row = _response_row(conn, response_id)
            rows = conn.execute(
                select(*_RAW_ANSWER).where(A.c.response_id == response_id)).all()
        try:
            return self._stored(row, rows)
        except UnreadableValue as exc:
            raise UnreadableResponseError(response_id, exc) from None

    def _stored(self, row: Any, answer_rows: Sequence[Any]) -> StoredResponse:
        by_question, done, contributors, versions = _answer_rows(answer_rows)
        answers: dict[str, AnswerValue] = {qid: v for qid, rows in by_question.items()
                                           if (v := _value(qid, rows)) is not None}
        listed = _listed(row)
        if listed.problem is not None:
            raise UnreadableResponseError(listed.id, listed.problem)
        return StoredResponse(
            listed.id, listed.title, listed.questionnaire_id, listed.questionnaire_version,
            listed.status, listed.deadline,
            rv.json_object(row.respondent, Message("respondent details")),
            rv.moment(row.created_at, Message("creation time")), listed.updated_at,
            listed.deleted_at, listed.progress, answers, done, contributors, versions,
            rv.text(row.source_response_id, Message("source response"), nullable=True))

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
                   ) -> tuple[dict[str, dict[str, AnswerValue]], dict[str, Message]]:
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
        problems: dict[str, Message] = {}
        for rid, rows in grouped.items():
            try:
                by_question = _answer_rows(rows)[0]
                answers[rid] = {qid: v for qid, qrows in by_question.items()
                                if (v := _value(qid, qrows)) is not None}
            except UnreadableValue as exc:
                problems[rid] = exc.message()
        return answers, problems

    def head(self, conn: Connection, response_id: str, question_id: str) -> AnswerHead | None:
        """A question's version, author, save time and done flag (None: never written)."""
        row = conn.execute(select(*(rv.raw(c) for c in (
            A.c.version, A.c.author_kind, A.c.author_name, A.c.updated_at, A.c.done))).where(
            and_(A.c.response_id == response_id, A.c.question_id == question_id,
                 A.c.entry == 0))).first()
        if row is None:
            return None
        where = Message("answer to {question}", question=question_id)
        try:
            return AnswerHead(
                rv.integer(row[0], Message("version of the answer to {question}",
                                            question=question_id), minimum=0),
                Author.stored(rv.text(row[1], where, nullable=True),
                              rv.text(row[2], where, nullable=True)),
                rv.moment(row[3], Message("save time of the answer to {question}",
                                           question=question_id)),
                rv.flag(row[4], Message("done flag of the answer to {question}",
                                         question=question_id)))
        except UnreadableValue as exc:
            raise UnreadableResponseError(response_id, exc) from None

    def heads(self, conn: Connection, response_id: str) -> list[tuple[str, int, bool]]:
        """(question id, version, done) of every written question: the change check."""
        return [(r[0], r[1], bool(r[2])) for r in conn.execute(
            select(A.c.question_id, A.c.version, A.c.done).where(
                and_(A.c.response_id == response_id, A.c.entry == 0)))]

    def read_value(self, conn: Connection, response_id: str, question_id: str) -> AnswerValue:
        """One question's current value, inside a caller's transaction."""
        rows = conn.execute(select(A.c.entry, A.c.text, A.c.value).where(
            and_(A.c.response_id == response_id, A.c.question_id == question_id))).all()
        return value_from_rows(rows)

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

