"""The local outbox: edits made while the team database cannot be reached, kept in a
small SQLite file in the data folder until they are sent.

One row per (server, response, answer or respondent field): a newer edit replaces the
value but keeps the base version of the first one, so that sending it later states the
version the user was actually editing from (a colleague's change meanwhile is then a
conflict, both texts kept, never overwritten).  Every write is synchronous (FULL): it
is the only copy of what was typed until the server is back.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from consultdesk.domain.files import os_reason
from consultdesk.storage.errors import DatabaseError

OUTBOX_FILE_NAME = "outbox.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pending (
    server TEXT NOT NULL,
    response_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    base_version INTEGER,
    author_kind TEXT NOT NULL,
    author_name TEXT NOT NULL,
    queued_at TEXT NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (server, response_id, kind, key)
)
"""


@dataclass(frozen=True, slots=True)
class PendingEdit:
    """One edit waiting to be sent."""

    server: str
    response_id: str
    kind: str  # "answer" or "respondent"
    key: str   # the question id or the respondent field id
    value: Any
    base_version: int | None
    author_kind: str
    author_name: str
    queued_at: datetime
    seq: int


def _edit(row: tuple[Any, ...]) -> PendingEdit | None:
    """One stored edit, or None when its row cannot be read (changed by another program,
    a bad sector): it stays in the file, as typed, and is not sent; the others are (a
    bad row once stopped every start on the team database with a traceback)."""
    server, response_id, kind, key, value, base, author_kind, author_name, queued, seq = row
    try:
        if not all(isinstance(v, str) for v in (server, response_id, kind, key, value,
                                                author_kind, author_name, queued)) \
                or kind not in ("answer", "respondent") or type(seq) is not int \
                or not (base is None or type(base) is int):
            return None
        at = datetime.fromisoformat(queued)
        return PendingEdit(server, response_id, kind, key, json.loads(value), base,
                           author_kind, author_name,
                           at if at.tzinfo is not None else at.replace(tzinfo=UTC), seq)
    except (ValueError, RecursionError):
        return None


class OutboxStore:
    """The outbox file of one data folder (opened per call: it is rarely used)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / OUTBOX_FILE_NAME

    @contextmanager
    def _conn(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise DatabaseError(
                "cannot open the outbox {path} ({exc})",
                exc=os_reason(exc) if isinstance(exc, OSError) else exc,
                path=self.path) from None
        try:
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute(_SCHEMA)
            yield conn
        except sqlite3.Error as exc:
            raise DatabaseError(
                "cannot write the outbox {path} ({exc}); the edit is still in the window",
                exc=exc, path=self.path) from None
        finally:
            conn.close()

    def put(self, server: str, response_id: str, kind: str, key: str, value: Any,
            base_version: int | None, author_kind: str, author_name: str) -> None:
        """Keep an edit (replacing the value of one already waiting, keeping its base)."""
        now = datetime.now(UTC).isoformat()
        with self._conn() as conn:
            conn.execute(
                "INSERT INTO pending (server, response_id, kind, key, value, base_version, "
                "author_kind, author_name, queued_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
                "ON CONFLICT (server, response_id, kind, key) DO UPDATE SET "
                "value = excluded.value, queued_at = excluded.queued_at, seq = seq + 1",
                (server, response_id, kind, key, json.dumps(value, ensure_ascii=False),
                 base_version, author_kind, author_name, now))

    def pending(self, server: str, response_id: str | None = None) -> list[PendingEdit]:
        """The edits waiting for ``server`` (of one response, or all), oldest first."""
        if not self.path.exists():
            return []
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT server, response_id, kind, key, value, base_version, author_kind, "
                "author_name, queued_at, seq FROM pending WHERE server = ? "
                "AND (? IS NULL OR response_id = ?) ORDER BY queued_at",
                (server, response_id, response_id)).fetchall()
        return [edit for r in rows if (edit := _edit(r)) is not None]

    def sent(self, edit: PendingEdit) -> None:
        """Forget an edit that reached the server (unless a newer one replaced it since)."""
        with self._conn() as conn:
            conn.execute("DELETE FROM pending WHERE server = ? AND response_id = ? AND "
                         "kind = ? AND key = ? AND seq = ?",
                         (edit.server, edit.response_id, edit.kind, edit.key, edit.seq))
