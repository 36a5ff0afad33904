"""Keeping the data folder's database safe: backups, restoring one, recovering a damaged file.

The front ends call this service instead of the storage's backup functions, so
that a copy, a restore and a recovery mean the same thing in the app and on the
command line.  It works before the database is open (recovery after a damaged
file, ``consultdesk restore``) and with it open (copies).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.storage import backup
from consultdesk.storage.backup import OpenDatabase


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup of the database: its file and when it was made (UTC)."""

    path: Path
    made: datetime


class MaintenanceService:
    """Backups, restore and recovery for one data folder."""

    def __init__(self, data_dir: Path, database: OpenDatabase | None = None) -> None:
        self.data_dir = data_dir
        self._database = database

    def _open(self) -> OpenDatabase:
        if self._database is None:
            raise ConsultDeskError("the database is not open, so it cannot be copied")
        return self._database

    # -- copies of the open database --------------------------------------------------
    def backup_to(self, path: Path | None = None) -> Path:
        """Copy the open database to ``path`` (default: a manual backup in the data folder).

        A team database is copied as a consistent snapshot into a SQLite file, which
        ``restore`` or a solo ConsultDesk opens like any backup.
        """
        database = self._open()
        dest = path or backup.manual_backup_path(self.data_dir)
        if getattr(database, "dialect", "sqlite") == "postgresql":
            from consultdesk.storage import transfer

            return transfer.snapshot_to_sqlite(database, dest)  # type: ignore[arg-type]
        return backup.backup_to(database, dest)

    def session_backup(self) -> Path | None:
        """The copy taken when a session that changed something ends (at most one an
        hour); a failure (a full disk) never stops the session from closing."""
        try:
            return backup.session_backup(self._open())
        except (OSError, sqlite3.Error, ConsultDeskError):
            return None

    def repair_backup_path(self) -> Path:
        """Where the copy taken before a repair goes."""
        return backup.repair_backup_path(self.data_dir)

    def daily_backup(self) -> Path | None:
        """The rolling daily copy, if one is due; a failure never stops anyone working."""
        try:
            return backup.daily_backup(self._open())
        except (OSError, sqlite3.Error, ConsultDeskError):
            # The next start tries again: the user's drafts matter more than this copy.
            return None

    # -- backups on disk --------------------------------------------------------------
    def backups(self) -> list[BackupInfo]:
        """Every backup of the data folder's database, newest first."""
        return [BackupInfo(p, backup.backup_time(p)) for p in backup.list_backups(self.data_dir)]

    # -- replacing the database (closed, with the writer lock held) -------------------
    def restore(self, path: Path) -> Path | None:
        """Replace the database with a copy of the backup ``path``; where the old file went."""
        return backup.restore_from(self.data_dir, path)

    def recover(self, source: Path | None) -> Path | None:
        """Move a damaged database aside and restore ``source`` (or start empty when None)."""
        return backup.recover(self.data_dir, source)
