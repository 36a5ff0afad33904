"""Kept revisions of answers, and the pruning that bounds how many are kept."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.engine import Connection

from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import NotFoundError
from consultdesk.domain.response import AnswerValue
from consultdesk.storage.answer_codec import dump_json
from consultdesk.storage.tables import RevisionRow

V = RevisionRow.__table__  # type: ignore[attr-defined]

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
            select(V.c.value).where(and_(V.c.response_id == response_id,
                                         V.c.question_id == question_id))
            .order_by(V.c.created_at.desc(), V.c.id.desc()).limit(1)).scalar()
        return (raw is not None, json.loads(raw) if raw is not None else None)

    @staticmethod
    def newest(conn: Connection, response_id: str, question_id: str) -> StoredRevision | None:
        """One answer's newest revision (None if it has none)."""
        row = conn.execute(
            select(V).where(and_(V.c.response_id == response_id,
                                 V.c.question_id == question_id))
            .order_by(V.c.created_at.desc(), V.c.id.desc()).limit(1)).first()
        return _stored(row) if row is not None else None

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
        rows = conn.execute(select(V.c.id, V.c.created_at).where(
            and_(V.c.response_id == response_id, V.c.question_id == question_id))).all()
        keep = revisions_to_keep([(r[0], r[1]) for r in rows], now)
        gone = [r[0] for r in rows if r[0] not in keep]
        for start in range(0, len(gone), 500):
            conn.execute(delete(V).where(V.c.id.in_(gone[start:start + 500])))
        return len(gone)

    @staticmethod
    def list(conn: Connection, response_id: str, question_id: str) -> list[StoredRevision]:
        """One answer's revisions, newest first."""
        rows = conn.execute(select(V).where(and_(V.c.response_id == response_id,
                                                 V.c.question_id == question_id))
                            .order_by(V.c.created_at.desc(), V.c.id.desc())).all()
        return [_stored(r) for r in rows]

    @staticmethod
    def get(conn: Connection, revision_id: int) -> StoredRevision:
        """One revision (NotFoundError if unknown)."""
        row = conn.execute(select(V).where(V.c.id == revision_id)).first()
        if row is None:
            raise NotFoundError(
                "no revision with id {revision_id}",
                revision_id=revision_id)
        return _stored(row)

    @staticmethod
    def question_ids(conn: Connection, response_id: str) -> Sequence[str]:
        """Questions of a response that have revisions."""
        return conn.execute(select(V.c.question_id).distinct()
                            .where(V.c.response_id == response_id)).scalars().all()


def _stored(row: object) -> StoredRevision:
    r = row  # a Row with the table's columns
    return StoredRevision(r.id, r.response_id, r.question_id,  # type: ignore[attr-defined]
                          json.loads(r.value), r.reason, r.created_at,  # type: ignore[attr-defined]
                          Author.stored(r.author_kind, r.author_name),  # type: ignore[attr-defined]
                          r.answer_version)  # type: ignore[attr-defined]
