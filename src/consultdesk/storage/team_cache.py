"""The local copy of a team database's responses: what a ConsultDesk opens when it starts
while the server cannot be reached.

Each response a window opens (and closes) on the team database is copied here, with its
questionnaire and answers, into an ordinary ConsultDesk SQLite file in the data folder
(``team-cache/<server>/consultdesk.sqlite3``), so that the responses last worked on can
be opened and edited without the server.  Opened offline, the copy is read-only
(:class:`OfflineCopy`): edits go to the outbox as they do when a window loses the
server, and are sent through the versioned save when ConsultDesk connects again.  The
copy is never sent anywhere; the server stays the one truth.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.engine import Connection

from consultdesk.domain.errors import ServerUnreachableError
from consultdesk.storage.database import Database
from consultdesk.storage.errors import DamagedDatabaseError, DatabaseError
from consultdesk.storage.locations import DB_FILE_NAME
from consultdesk.storage.response_tables import AnswerRow, QuestionnaireRow, ResponseRow

CACHE_DIR_NAME = "team-cache"

_Q = QuestionnaireRow.__table__  # type: ignore[attr-defined]
_R = ResponseRow.__table__  # type: ignore[attr-defined]
_A = AnswerRow.__table__  # type: ignore[attr-defined]


def cache_folder(data_dir: Path, server: str) -> Path:
    """Where the copy of one server's responses lives in a data folder."""
    # Readable, and unique per server even when two names clean to the same text.
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", server).strip("._")[:60] or "server"
    digest = hashlib.sha256(server.encode("utf-8")).hexdigest()[:8]
    return Path(data_dir) / CACHE_DIR_NAME / f"{slug}-{digest}"


class OfflineCopy(Database):
    """The local copy opened while the server is away: it reads; every write says that it
    needs the server (the autosave sends edits to the outbox instead)."""

    def __init__(self, data_dir: Path, engine: Any, server: str) -> None:
        super().__init__(data_dir, engine)
        #: The server this is a copy of (for messages and the outbox).
        self.where = server

    @contextmanager
    def write(self, *, durable: bool = False, wait_s: float | None = None,
              change: bool = True) -> Iterator[Connection]:
        """Refused: nothing but the outbox is written while offline."""
        raise ServerUnreachableError(
            "the team database server {where} cannot be reached: ConsultDesk is working on "
            "the copies kept on this computer, and this needs the server; answers you type "
            "are kept and sent when it is back",
            where=self.where)
        yield  # pragma: no cover - a generator for contextmanager


class TeamCache:
    """The local copy of one team database's responses, in one data folder."""

    def __init__(self, data_dir: Path, server: str, team: Database | None = None) -> None:
        self.folder = cache_folder(data_dir, server)
        self.server = server
        #: The team database copied from (None: offline, nothing to copy).
        self._team = team
        self._db: Database | None = None

    def exists(self) -> bool:
        """Whether anything was ever copied here."""
        return (self.folder / DB_FILE_NAME).exists()

    def _cache(self, *, afresh_if_damaged: bool = False) -> Database:
        if self._db is None:
            try:
                self._db = Database.open(self.folder)
            except DamagedDatabaseError:
                if not afresh_if_damaged:
                    raise
                # Only a copy of what the server holds (edits made offline are in the
                # outbox, another file): a damaged one is dropped and made again, or no
                # response would ever be copied here again.
                self._discard()
                self._db = Database.open(self.folder)
        return self._db

    def _discard(self) -> None:
        """Remove the copy's file (and SQLite's companions); a directory there is left."""
        path = self.folder / DB_FILE_NAME
        for leftover in (path, *(path.with_name(path.name + s)
                                 for s in ("-wal", "-shm", "-journal"))):
            if leftover.is_file() or leftover.is_symlink():
                leftover.unlink()

    def remember(self, response_id: str) -> None:
        """Copy one response as the team database has it now (replacing an older copy)."""
        if self._team is None:
            return
        with self._team.read() as src:
            response = src.execute(select(_R).where(_R.c.id == response_id)).mappings().first()
            if response is None:
                return
            questionnaire = src.execute(select(_Q).where(
                _Q.c.id == response["questionnaire_id"],
                _Q.c.version == response["questionnaire_version"])).mappings().one()
            answers = [dict(r) for r in src.execute(
                select(_A).where(_A.c.response_id == response_id)).mappings()]
        for row in answers:
            row.pop("id")  # the copy numbers its own rows
        # A cache: not the user's data, so no session backup is due for it.
        with self._cache(afresh_if_damaged=True).write(change=False) as dst:
            dst.execute(delete(_A).where(_A.c.response_id == response_id))
            dst.execute(delete(_R).where(_R.c.id == response_id))
            held = dst.execute(select(func.count()).select_from(_Q).where(
                _Q.c.id == questionnaire["id"],
                _Q.c.version == questionnaire["version"])).scalar_one()
            if not held:
                dst.execute(insert(_Q), [dict(questionnaire)])
            dst.execute(insert(_R), [dict(response)])
            if answers:
                dst.execute(insert(_A), answers)

    def responses(self) -> int:
        """How many responses the copy holds (0 when there is none)."""
        if not self.exists():
            return 0
        try:
            with self._cache().read() as conn:
                return int(conn.execute(select(func.count()).select_from(_R).where(
                    _R.c.deleted_at.is_(None))).scalar_one())
        except DatabaseError:
            # Damaged, or not a file: nothing on it can be worked on (the start-up dialog
            # asking this must still come; the next connect makes the copy again).
            return 0

    def open_offline(self) -> OfflineCopy:
        """The copy, for working without the server (read-only but for the outbox)."""
        self.close()
        plain = Database.open(self.folder)  # checks and upgrades the file as any other
        engine = plain.engine
        plain._engine = None  # handed over to the offline copy, which closes it
        return OfflineCopy(self.folder, engine, self.server)

    def close(self) -> None:
        """Close the copy's file (idempotent)."""
        if self._db is not None:
            self._db.close()
            self._db = None
