"""Kept revisions of answers, and the pruning that bounds how many are kept."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Connection

from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import Message, NotFoundError
from consultdesk.storage import row_values as rv
from consultdesk.storage.answer_codec import dump_json
from consultdesk.storage.revision_tables import RevisionRow
from consultdesk.storage.row_values import UnreadableValue

if TYPE_CHECKING:
    from consultdesk.domain.response import AnswerValue

V = RevisionRow.__table__  # type: ignore[attr-defined]
# Selected raw and decoded by row_values, so one bad row never hides the others.
_RAW = [V.c.id, *(rv.raw(c) for c in V.c if c.key != "id")]
#: Stands for a stored revision value that cannot be read (equal to no answer value).
_UNREADABLE: AnswerValue = object()  # type: ignore[assignment]

#: Every revision younger than this is kept ...
KEEP_ALL_FOR = timedelta(hours=1)
#: ... then the newest of each hour up to this age ...
KEEP_HOURLY_FOR = timedelta(days=7)
# ... and beyond that the newest of each day.


@dataclass(frozen=True, slots=True)
class StoredRevision:
    """One revision row, value decoded."""

    id: int
    response_id: str
    question_id: str
    value: AnswerValue
    reason: str
    created_at: datetime
    author: Author
    answer_version: int | None


def revisions_to_keep(revisions: Iterable[tuple[int, datetime]], now: datetime) -> set[int]:
    """The ids kept by the policy: all of the last hour, one per hour for a week, then
    one per day (the newest in each period), and always the newest revision."""
    keep: set[int] = set()
    seen_periods: set[tuple[str, datetime]] = set()
    ordered = sorted(revisions, key=lambda r: (r[1], r[0]), reverse=True)  # newest first
    for i, (rid, created) in enumerate(ordered):
        age = now - created
        if i == 0 or age < KEEP_ALL_FOR:
            keep.add(rid)
            continue
        if age < KEEP_HOURLY_FOR:
            period = ("hour", created.replace(minute=0, second=0, microsecond=0))
        else:
            period = ("day", created.replace(hour=0, minute=0, second=0, microsecond=0))
        if period not in seen_periods:
            seen_periods.add(period)
            keep.add(rid)
    return keep


class RevisionRepository:
    """Adds, lists, reads and prunes revisions (inside the caller's transaction)."""

    @staticmethod
    def newest_value(conn: Connection, response_id: str, question_id: str
                     ) -> tuple[bool, AnswerValue]:
        """(whether any revision exists, the newest revision's value)."""
        raw = conn.execute(
            select(rv.raw(V.c.value)).where(and_(V.c.response_id == response_id,
                                                 V.c.question_id == question_id))
            .order_by(V.c.created_at.desc(), V.c.id.desc()).limit(1)).scalar()
        if raw is None:
            return (False, None)
        try:
            return (True, rv.json_value(raw, Message("revision")))
        except UnreadableValue:
            return (True, _UNREADABLE)  # differs from any value: a new revision is kept

    @staticmethod
    def newest(conn: Connection, response_id: str, question_id: str) -> StoredRevision | None:
        """One answer's newest revision (None if it has none)."""
        row = conn.execute(
            select(*_RAW).where(and_(V.c.response_id == response_id,
                                     V.c.question_id == question_id))
            .order_by(V.c.created_at.desc(), V.c.id.desc()).limit(1)).first()
        if row is None:
            return None
        try:
            return _stored(row)
        except UnreadableValue:
            return None  # an unreadable newest revision: as if none (a new one is kept)

    @staticmethod
    def add(conn: Connection, response_id: str, question_id: str, value: AnswerValue,
            reason: str, now: datetime, *, author: Author | None = None,
            answer_version: int | None = None) -> int:
        """Keep a revision of text written by ``author`` (default: the app); its id."""
        author = author or Author.stored(None, None)
        result = conn.execute(insert(V).values(
            response_id=response_id, question_id=question_id, value=dump_json(value),
            reason=reason, created_at=now, author_kind=author.kind.value,
            author_name=author.name, answer_version=answer_version))
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    @staticmethod
    def replace_value(conn: Connection, revision_id: int, value: AnswerValue,
                      now: datetime) -> None:
        """Update a revision in place (a refused writer typing on: one revision, not 600)."""
        conn.execute(update(V).where(V.c.id == revision_id)
                     .values(value=dump_json(value), created_at=now))

    @staticmethod
    def prune(conn: Connection, response_id: str, question_id: str, now: datetime) -> int:
        """Apply :func:`revisions_to_keep` to one answer's revisions; how many went."""
        rows = conn.execute(select(V.c.id, rv.raw(V.c.created_at)).where(
            and_(V.c.response_id == response_id, V.c.question_id == question_id))).all()
        dated: list[tuple[int, datetime]] = []
        for rid, created in rows:
            try:
                dated.append((rid, rv.moment(created, Message("revision time"))))
            except UnreadableValue:
                pass  # a revision whose time cannot be read is never pruned
        keep = revisions_to_keep(dated, now)
        gone = [rid for rid, _ in dated if rid not in keep]
        for start in range(0, len(gone), 500):
            conn.execute(delete(V).where(V.c.id.in_(gone[start:start + 500])))
        return len(gone)

    @staticmethod
    def list(conn: Connection, response_id: str, question_id: str) -> list[StoredRevision]:
        """One answer's revisions, newest first."""
        rows = conn.execute(select(*_RAW).where(and_(V.c.response_id == response_id,
                                                     V.c.question_id == question_id))
                            .order_by(V.c.created_at.desc(), V.c.id.desc())).all()
        found = []
        for r in rows:
            try:
                found.append(_stored(r))
            except UnreadableValue:
                continue  # a revision that cannot be read cannot be restored: not offered
        return found

    @staticmethod
    def get(conn: Connection, revision_id: int) -> StoredRevision:
        """One revision (NotFoundError if unknown)."""
        # An id no row can have is not sent (past 64 bits: an OverflowError on SQLite).
        row = conn.execute(select(*_RAW).where(V.c.id == revision_id)).first() \
            if 0 < revision_id < 2**63 else None
        if row is None:
            raise NotFoundError(
                "no revision with id {revision_id}",
                revision_id=revision_id)
        try:
            return _stored(row)
        except UnreadableValue as exc:
            raise NotFoundError("the revision {revision_id} cannot be read ({problem})",
                                revision_id=revision_id, problem=exc) from None

    @staticmethod
    def question_ids(conn: Connection, response_id: str) -> Sequence[str]:
        """Questions of a response that have revisions."""
        return conn.execute(select(V.c.question_id).distinct()
                            .where(V.c.response_id == response_id)).scalars().all()


def _stored(row: Any) -> StoredRevision:
    """Decode a raw revision row (UnreadableValue when a value cannot be read)."""
    version = rv.integer(row.answer_version, Message("revision's answer version"), nullable=True)
    return StoredRevision(
        row.id, rv.text(row.response_id, Message("revision's response")),
        rv.text(row.question_id, Message("revision's question")),
        rv.json_value(row.value, Message("revision"), nullable=False),
        rv.text(row.reason, Message("revision's reason")) or "",
        rv.moment(row.created_at, Message("revision time")),
        Author.stored(rv.text(row.author_kind, Message("revision's author"), nullable=True),
                      rv.text(row.author_name, Message("revision's author"), nullable=True)),
        version)
