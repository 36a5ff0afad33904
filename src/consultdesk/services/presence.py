"""Presence: who is editing which answer right now ("Sato is editing Q3").

Each open response window refreshes a short-lived row every few seconds
(:meth:`PresenceService.refresh`) and asks who else is there
(:meth:`PresenceService.others`).  A window that vanished without saying so (a crash,
a dropped network) stops refreshing and ages out after :data:`TTL`.  Presence is a
courtesy, never a lock: failures to refresh are the caller's to ignore.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.presence_repository import PresenceRepository

#: A window is "here" while its row is younger than this (it refreshes every few seconds).
TTL = timedelta(seconds=20)
#: How often an open window should refresh (the UI's timer).
REFRESH_S = 5.0


@dataclass(frozen=True, slots=True)
class Editor:
    """Someone else with the response open: their name and the question they are on."""

    name: str
    question_id: str | None
    role: str | None
    seen_at: datetime


class PresenceService:
    """Presence rows of one database."""

    def __init__(self, database: Database) -> None:
        self._repo = PresenceRepository(database)
        self._db = database
        self._role: str | None = None

    @property
    def shared(self) -> bool:
        """Whether anyone else can be here (a team database; a data folder has one writer)."""
        return self._db.dialect == "postgresql"

    #: How often an open window refreshes (seconds).
    refresh_interval_s = REFRESH_S

    @staticmethod
    def new_session() -> str:
        """A fresh id for one open window."""
        return secrets.token_hex(8)

    def _db_role(self) -> str | None:
        if self._role is None:
            self._role = self._db.role()
        return self._role or None

    def refresh(self, session_id: str, response_id: str, question_id: str | None,
                user_name: str) -> None:
        """Say that this window (``session_id``) has ``response_id`` open on ``question_id``."""
        self._repo.refresh(session_id, response_id, question_id,
                           user_name.strip() or self._db_role() or "someone",
                           self._db_role(), forget_before=TTL * 3)

    def leave(self, session_id: str) -> None:
        """This window closed."""
        self._repo.leave(session_id)

    def others(self, response_id: str, session_id: str) -> list[Editor]:
        """Everyone else with ``response_id`` open now (not this window)."""
        found = self._repo.on_response(response_id, utc_now() - TTL)
        return [Editor(p.user_name, p.question_id, p.db_role, _aware(p.seen_at))
                for p in found if p.session_id != session_id]


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
