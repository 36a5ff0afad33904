"""SQL for presence: who has which response open, refreshed by each open window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, delete, select

from consultdesk.storage.collaboration_tables import PresenceRow
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.dialects import insert_for

P = PresenceRow.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class StoredPresence:
    """One open window somewhere, as last refreshed."""

    session_id: str
    response_id: str
    question_id: str | None
    user_name: str
    db_role: str | None
    seen_at: datetime


class PresenceRepository:
    """Upserts, reads and clears presence rows (short waits: it is never worth blocking)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def refresh(self, session_id: str, response_id: str, question_id: str | None,
                user_name: str, db_role: str | None, *, forget_before: timedelta) -> None:
        """Say this window is open (on ``question_id``), and clear rows long gone."""
        now = utc_now()
        with self._db.write(wait_s=0.5) as conn:
            stmt = insert_for(conn, P).values(
                session_id=session_id, response_id=response_id, question_id=question_id,
                user_name=user_name, db_role=db_role, seen_at=now)
            conn.execute(stmt.on_conflict_do_update(
                index_elements=[P.c.session_id],
                set_={"response_id": response_id, "question_id": question_id,
                      "user_name": user_name, "seen_at": now}))
            conn.execute(delete(P).where(P.c.seen_at < now - forget_before))

    def leave(self, session_id: str) -> None:
        """This window closed."""
        with self._db.write(wait_s=0.5) as conn:
            conn.execute(delete(P).where(P.c.session_id == session_id))

    def on_response(self, response_id: str, seen_since: datetime) -> list[StoredPresence]:
        """The windows open on a response, refreshed since ``seen_since``."""
        with self._db.read() as conn:
            rows = conn.execute(select(P).where(and_(
                P.c.response_id == response_id, P.c.seen_at >= seen_since))
                .order_by(P.c.user_name)).all()
        return [StoredPresence(r.session_id, r.response_id, r.question_id, r.user_name,
                               r.db_role, r.seen_at) for r in rows]
