"""Response and answer rows as stored: the tables, the records read, and decoding raw rows.

Values are selected raw and decoded one at a time (``row_values``), so a value that
cannot be read is named rather than failing the whole read.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import Message, NotFoundError
from consultdesk.domain.response_status import UNREADABLE_TITLE
from consultdesk.storage import row_values as rv
from consultdesk.storage.answer_codec import value_from_rows
from consultdesk.storage.errors import UnreadableResponseError
from consultdesk.storage.response_tables import AnswerRow, ResponseRow
from consultdesk.storage.row_values import UnreadableValue

if TYPE_CHECKING:
    from consultdesk.domain.response import AnswerValue

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
    problem: Message | None = None


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
        return rv.json_object(row[0], Message("respondent details"))
    except UnreadableValue as exc:
        raise UnreadableResponseError(response_id, exc) from None


def _listed(row: Any) -> ListedResponse:
    """Decode a response row; what cannot be read is replaced and named in ``problem``."""
    problems: list[Message] = []

    def read(decode: Any, value: Any, column: Message, fallback: Any, **kw: Any) -> Any:
        try:
            return decode(value, column, **kw)
        except UnreadableValue as exc:
            problems.append(exc.message())
            return fallback

    rid = read(rv.text, row.id, Message("response id"), None)
    if rid is None:
        rid = repr(row.id)
    listed = ListedResponse(
        id=rid,
        title=read(rv.text, row.title, Message("title"), UNREADABLE_TITLE),
        questionnaire_id=read(rv.text, row.questionnaire_id, Message("questionnaire id"), ""),
        questionnaire_version=read(rv.integer, row.questionnaire_version,
                                   Message("questionnaire version"), 0, minimum=1),
        status=read(rv.text, row.status, Message("status"), "draft"),
        deadline=read(rv.day, row.deadline, Message("deadline"), None),
        updated_at=read(rv.moment, row.updated_at, Message("time of the last change"), _NEVER),
        deleted_at=read(rv.moment, row.deleted_at, Message("time it was binned"), None,
                        nullable=True),
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
        qid = rv.text(row.question_id, Message("question id of an answer"))
        assert qid is not None
        entry = rv.integer(row.entry, Message("entry number of the answer to {question}",
                                               question=qid), minimum=0)
        by_question.setdefault(qid, []).append((entry, row.text, row.value))
        if entry == 0:
            versions[qid] = rv.integer(row.version, Message("version of the answer to {question}",
                                                            question=qid),
                                       minimum=0)
            if rv.flag(row.done, Message("done flag of the answer to {question}",
                                              question=qid)):
                done[qid] = True
            contributor = rv.text(row.contributor,
                                  Message("contributor of the answer to {question}",
                                          question=qid),
                                  nullable=True)
            if contributor:
                contributors[qid] = contributor
    return by_question, done, contributors, versions


def _value(question_id: str, rows: list[tuple[int, Any, Any]]) -> AnswerValue:
    """One question's value from its raw rows (UnreadableValue naming the question)."""
    where = Message("answer to {question}", question=question_id)
    return value_from_rows(
        ((entry, rv.text(text, where, nullable=True),
          rv.text(value, where, nullable=True)) for entry, text, value in rows), where)


