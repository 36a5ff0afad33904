"""SQL for contributors, assignments, received contributions and paragraph attribution.

The service validates everything first; this module only stores and reads back, in
plain records of the domain (no SQL object escapes).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, delete, insert, select, update

from consultdesk.domain.contributions import (
    Assignment,
    AttributedParagraph,
    Contribution,
    ContributionStatus,
    ContributionValue,
    Contributor,
    ItemRef,
)
from consultdesk.domain.errors import NotFoundError
from consultdesk.storage.answer_codec import dump_json
from consultdesk.storage.collaboration_tables import (
    AssignmentRow,
    AttributionRow,
    ContributionRow,
    ContributorRow,
)
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.dialects import insert_for
from consultdesk.storage.response_tables import ResponseRow

P = ContributorRow.__table__  # type: ignore[attr-defined]
G = AssignmentRow.__table__  # type: ignore[attr-defined]
C = ContributionRow.__table__  # type: ignore[attr-defined]
T = AttributionRow.__table__  # type: ignore[attr-defined]
R = ResponseRow.__table__  # type: ignore[attr-defined]


def _contributor(row: Any) -> Contributor:
    return Contributor(row.tag, row.name, row.contact, row.email)


def _assignment(row: Any) -> Assignment:
    return Assignment(row.id, row.response_id, ItemRef(row.question_id, row.entry),
                      row.contributor, row.due, row.note or "", row.share, row.created_at)


def _contribution(row: Any) -> Contribution:
    return Contribution(row.id, row.assignment_id, json.loads(row.value),
                        ContributionStatus(row.status), row.received_at, row.source_name,
                        row.source_hash, row.merged_at)


class ContributionRepository:
    """Reads and writes the contribution tables."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # -- contributors ------------------------------------------------------------
    def save_contributor(self, c: Contributor) -> bool:
        """Insert or update a contributor; True when it was new."""
        with self._db.write() as conn:
            exists = conn.execute(select(P.c.tag).where(P.c.tag == c.tag)).first()
            if exists:
                conn.execute(update(P).where(P.c.tag == c.tag).values(
                    name=c.name, contact=c.contact, email=c.email))
                return False
            conn.execute(insert(P).values(tag=c.tag, name=c.name, contact=c.contact,
                                          email=c.email, created_at=utc_now()))
            return True

    def contributors(self) -> list[Contributor]:
        """Every contributor, by tag."""
        with self._db.read() as conn:
            return [_contributor(r) for r in conn.execute(select(P).order_by(P.c.tag))]

    def contributor(self, tag: str) -> Contributor | None:
        """One contributor by tag (case-insensitive), None when unknown."""
        with self._db.read() as conn:
            rows = conn.execute(select(P)).all()
        exact = [r for r in rows if r.tag == tag]
        folded = [r for r in rows if r.tag.casefold() == tag.casefold()]
        found = exact or folded
        return _contributor(found[0]) if found else None

    # -- assignments -------------------------------------------------------------
    def assign(self, response_id: str, items: Sequence[ItemRef], tag: str, *,
               due: date | None, note: str, share: int | None) -> list[int]:
        """Give items to a contributor (an existing assignment gets the new details)."""
        now = utc_now()
        ids: list[int] = []
        with self._db.write() as conn:
            for item in items:
                values = {"due": due, "note": note, "share": share}
                stmt = insert_for(conn, G).values(
                    response_id=response_id, question_id=item.question_id, entry=item.entry,
                    contributor=tag, created_at=now, **values)
                conn.execute(stmt.on_conflict_do_update(
                    index_elements=[G.c.response_id, G.c.question_id, G.c.entry,
                                    G.c.contributor], set_=values))
                ids.append(conn.execute(select(G.c.id).where(and_(
                    G.c.response_id == response_id, G.c.question_id == item.question_id,
                    G.c.entry == item.entry, G.c.contributor == tag))).scalar_one())
        return ids

    def unassign(self, assignment_id: int) -> None:
        """Withdraw an assignment (its replies go with it)."""
        with self._db.write(durable=True) as conn:
            conn.execute(delete(G).where(G.c.id == assignment_id))

    def assignments(self, response_id: str, tag: str | None = None) -> list[Assignment]:
        """The assignments of a response (of one contributor), in creation order."""
        where = G.c.response_id == response_id
        if tag is not None:
            where = and_(where, G.c.contributor == tag)
        with self._db.read() as conn:
            return [_assignment(r) for r in conn.execute(select(G).where(where)
                                                         .order_by(G.c.id))]

    def assignment(self, assignment_id: int) -> Assignment:
        """One assignment (NotFoundError if unknown)."""
        with self._db.read() as conn:
            row = conn.execute(select(G).where(G.c.id == assignment_id)).first()
        if row is None:
            raise NotFoundError(
                "no assignment with id {assignment_id}",
                assignment_id=assignment_id)
        return _assignment(row)

    # -- contributions -----------------------------------------------------------
    def add_contribution(self, assignment_id: int, value: ContributionValue, *,
                         source_name: str, source_hash: str) -> int | None:
        """Store a reply and supersede the older unmerged ones; None if this file's reply
        (or the very same text) is already there."""
        now = utc_now()
        encoded = dump_json(value)
        with self._db.write(durable=True) as conn:
            rows = conn.execute(select(C.c.id, C.c.value, C.c.source_hash, C.c.status)
                                .where(C.c.assignment_id == assignment_id)
                                .order_by(C.c.id.desc())).all()
            if any(r.source_hash == source_hash for r in rows):
                return None
            if rows and rows[0].value == encoded:
                return None  # the same reply saved again under another file
            conn.execute(update(C).where(and_(
                C.c.assignment_id == assignment_id,
                C.c.status == ContributionStatus.RECEIVED.value))
                .values(status=ContributionStatus.SUPERSEDED.value))
            result = conn.execute(insert(C).values(
                assignment_id=assignment_id, value=encoded,
                status=ContributionStatus.RECEIVED.value, received_at=now,
                source_name=source_name, source_hash=source_hash))
            key = result.inserted_primary_key
            assert key is not None  # an INSERT of one row always has one
            return int(key[0])

    def contributions(self, response_id: str) -> list[Contribution]:
        """Every reply for a response's assignments, oldest first."""
        with self._db.read() as conn:
            rows = conn.execute(select(C).join(G, G.c.id == C.c.assignment_id)
                                .where(G.c.response_id == response_id)
                                .order_by(C.c.id)).all()
        return [_contribution(r) for r in rows]

    def contribution(self, contribution_id: int) -> Contribution:
        """One reply (NotFoundError if unknown)."""
        with self._db.read() as conn:
            row = conn.execute(select(C).where(C.c.id == contribution_id)).first()
        if row is None:
            raise NotFoundError(
                "no contribution with id {contribution_id}",
                contribution_id=contribution_id)
        return _contribution(row)

    def mark_merged(self, contribution_id: int, merged: bool = True) -> None:
        """Record that a reply went into the answer (or, undone, that it did not)."""
        with self._db.write() as conn:
            conn.execute(update(C).where(C.c.id == contribution_id).values(
                status=(ContributionStatus.MERGED if merged
                        else ContributionStatus.RECEIVED).value,
                merged_at=utc_now() if merged else None))

    # -- attribution ---------------------------------------------------------------
    def attribution(self, response_id: str) -> dict[str, tuple[AttributedParagraph, ...]]:
        """Every stored answer attribution of a response: item -> paragraphs."""
        with self._db.read() as conn:
            rows = conn.execute(select(T.c.item, T.c.paragraphs)
                                .where(T.c.response_id == response_id)).all()
        return {r.item: tuple(AttributedParagraph(p["text"], p.get("tag"))
                              for p in json.loads(r.paragraphs)) for r in rows}

    def save_attribution(self, response_id: str,
                         items: dict[str, Sequence[AttributedParagraph]]) -> None:
        """Store the attribution of some answers (an empty one is removed)."""
        now = utc_now()
        with self._db.write() as conn:
            for item, paragraphs in items.items():
                conn.execute(delete(T).where(and_(T.c.response_id == response_id,
                                                  T.c.item == item)))
                if any(p.tag for p in paragraphs):
                    conn.execute(insert(T).values(
                        response_id=response_id, item=item, updated_at=now,
                        paragraphs=dump_json([{"text": p.text, "tag": p.tag}
                                              for p in paragraphs])))

    def response_state(self, response_id: str) -> tuple[bool, datetime | None] | None:
        """(exists, deleted_at) of a response, None when it is not in this data folder."""
        with self._db.read() as conn:
            row = conn.execute(select(R.c.deleted_at).where(R.c.id == response_id)).first()
        return None if row is None else (True, row[0])
