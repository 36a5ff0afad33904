"""Backups: rolling daily copies, copies on demand, restoring, and moving a bad file aside.

Copies go through SQLite's online backup API, which copies a consistent snapshot
even while the app is writing (a plain file copy could catch a half-written page
or miss what is still in the WAL).  Nothing here ever deletes a user's database:
a file that is replaced is moved aside next to it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from consultdesk.storage.errors import DatabaseError

if TYPE_CHECKING:
    from consultdesk.storage.database import Database

BACKUP_DIR_NAME = "backups"
#: How many rolling daily copies are kept.
KEEP_DAILY = 7
_STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^consultdesk-(\d{8}-\d{6})(?:-(.+))?\.sqlite3$")
_WAL_SUFFIXES = ("-wal", "-shm")


def backup_dir(data_dir: Path) -> Path:
    """Where the backups of a data dir are kept."""
    return data_dir / BACKUP_DIR_NAME


def _now() -> datetime:
    return datetime.now(UTC)


def _backup_name(when: datetime, kind: str = "") -> str:
    return f"consultdesk-{when:{_STAMP}}{'-' + kind if kind else ''}.sqlite3"


def backup_time(path: Path) -> datetime:
    """When a backup was made (from its name; its modification time otherwise)."""
    m = _NAME.match(path.name)
    if m:
        return datetime.strptime(m.group(1), _STAMP).replace(tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def _kind(path: Path) -> str | None:
    """The kind in a backup's name ("manual", "before-upgrade-..."); None for a daily one."""
    m = _NAME.match(path.name)
    return m.group(2) if m else None


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup of the data dir, newest first."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name) and p.is_file()]
    return sorted(found, key=lambda p: (backup_time(p), p.name), reverse=True)


def newest_backup(data_dir: Path) -> Path | None:
    """The newest backup, or None."""
    found = list_backups(data_dir)
    return found[0] if found else None


def upgrade_backup_path(data_dir: Path, version: int) -> Path:
    """Where the copy taken before upgrading from schema ``version`` goes."""
    return backup_dir(data_dir) / _backup_name(_now(), f"before-upgrade-from-schema-{version}")


def manual_backup_path(data_dir: Path) -> Path:
    """Where ``consultdesk backup`` puts a copy when no ``--out`` is given."""
    return backup_dir(data_dir) / _backup_name(_now(), "manual")


def _copy_connection(source: sqlite3.Connection, dest: Path) -> None:
    """Copy an open database into ``dest`` atomically (a partial copy is never left)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        # The copy is a single self-contained file, whatever the source's journal mode.
        target.execute("PRAGMA journal_mode=DELETE")
    finally:
        target.close()
    with partial.open("rb+") as f:
        os.fsync(f.fileno())
    os.replace(partial, dest)


def copy_database(source: Path, dest: Path) -> Path:
    """Copy a database file (with what its WAL holds) to ``dest``."""
    conn = sqlite3.connect(source)
    try:
        _copy_connection(conn, dest)
    finally:
        conn.close()
    return dest


def backup_to(db: Database, path: Path) -> Path:
    """Copy the open database to ``path`` (``consultdesk backup --out``)."""
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        _copy_connection(raw, path)
    return path


def daily_backup(db: Database, *, keep: int = KEEP_DAILY, now: datetime | None = None
                 ) -> Path | None:
    """A rolling copy, unless one was made in the last 24 hours; the last ``keep`` kept."""
    now = now or _now()
    daily = [p for p in list_backups(db.data_dir) if _kind(p) is None]
    if daily and now - backup_time(daily[0]) < timedelta(hours=24):
        return None
    # Copies cut short (the app killed mid-copy) are never listed; clear them away.
    for partial in backup_dir(db.data_dir).glob("*.partial"):
        partial.unlink(missing_ok=True)
    made = backup_to(db, backup_dir(db.data_dir) / _backup_name(now))
    for old in [made, *daily][keep:]:
        old.unlink(missing_ok=True)
    return made


def move_aside(data_dir: Path, reason: str = "damaged") -> Path | None:
    """Rename the database (and its -wal/-shm) so a new one can be made; the new name.

    The moved files stay together, so the moved-aside database can still be opened.
    """
    from consultdesk.storage.database import database_path

    path = database_path(data_dir)
    if not path.exists():
        return None
    aside = path.with_name(f"{path.name}.{reason}-{_now():{_STAMP}}")
    n = 1
    while aside.exists():
        aside = aside.with_name(f"{path.name}.{reason}-{_now():{_STAMP}}-{n}")
        n += 1
    for suffix in _WAL_SUFFIXES:
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + suffix))
    os.replace(path, aside)
    return aside


def check_backup(path: Path) -> int:
    """Check a file can be restored from; its schema version (DatabaseError if not)."""
    from consultdesk.storage.database import inspect_database
    from consultdesk.storage.errors import NewerSchemaError

    if not path.is_file():
        raise DatabaseError(f"the backup {path} does not exist", path=path)
    try:
        version = inspect_database(path)
    except NewerSchemaError:
        raise
    except DatabaseError as exc:
        reason = str(exc).split(";")[0].removeprefix(f"the database {path} ")
        raise DatabaseError(f"cannot restore from {path}: it {reason}", path=path) from None
    if version == 0:
        raise DatabaseError(f"cannot restore from {path}: it is an empty database", path=path)
    return version


def restore_from(data_dir: Path, path: Path) -> Path | None:
    """Replace the data dir's database with a copy of the backup ``path``.

    The database must be closed (and no other ConsultDesk writing: hold the
    WriterLock).  The current file is moved aside, never deleted; its new name is
    returned (None when there was none).  The restored copy is upgraded on next open.
    """
    from consultdesk.storage.database import database_path

    check_backup(path)
    dest = database_path(data_dir)
    # Copy first (into the data dir, so the final rename is atomic), then swap.
    incoming = dest.with_name(dest.name + ".restoring")
    copy_database(path, incoming)
    aside = move_aside(data_dir, "replaced")
    os.replace(incoming, dest)
    return aside


def recover(data_dir: Path, backup: Path | None = None) -> Path | None:
    """After a DamagedDatabaseError: move the bad file aside and restore ``backup`` (or
    start with an empty database when None); where the bad file went."""
    if backup is not None:
        check_backup(backup)  # fail before anything moves
    aside = move_aside(data_dir, "damaged")
    if backup is not None:
        restore_from(data_dir, backup)
    return aside
