"""Backups: rolling daily copies, copies on demand, restoring, and moving a bad file aside.

Copies go through SQLite's online backup API, which copies a consistent snapshot
even while the app is writing (a plain file copy could catch a half-written page
or miss what is still in the WAL).  Nothing here ever deletes a user's database:
a file that is replaced is moved aside next to it.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine

from consultdesk.domain.errors import ConsultDeskError, Message
from consultdesk.domain.files import (
    check_output_target,
    clean_stale_partials,
    os_reason,
    partial_path,
    require_regular_file,
)
from consultdesk.storage.disk_space import full_error, is_full, is_no_space, require_space
from consultdesk.storage.errors import DatabaseError, NewerSchemaError
from consultdesk.storage.inspection import confirm_damage, inspect_database
from consultdesk.storage.locations import (
    BACKUP_DIR_NAME,
    STAMP,
    backup_dir,
    backup_kind,
    backup_name,
    backup_time,
    database_path,
    list_backups,
    manual_backup_path,
    newest_backup,
    repair_backup_path,
    upgrade_backup_path,
)
from consultdesk.storage.locations import (
    now as _now,
)

__all__ = [
    "BACKUP_DIR_NAME", "KEEP_DAILY", "OpenDatabase", "backup_dir", "backup_time", "backup_to",
    "check_backup", "copy_database", "daily_backup", "session_backup", "list_backups", "manual_backup_path",
    "move_aside", "newest_backup", "recover", "repair_backup_path", "restore_from",
    "upgrade_backup_path",
]


class OpenDatabase(Protocol):
    """What copying needs of an open database (a ``Database``, without importing it)."""

    data_dir: Path

    @property
    def engine(self) -> Engine:
        """The engine to copy through."""

#: How many rolling daily copies are kept.
KEEP_DAILY = 7
_WAL_SUFFIXES = ("-wal", "-shm")


class BackupFileError(DatabaseError):
    """The file named as a backup is missing or not a regular file."""











def _copy_connection(source: sqlite3.Connection, dest: Path, *, size: int = 0) -> None:
    """Copy an open database into ``dest`` atomically: it appears whole or not at all.

    Checks first that ``size`` bytes (the source's size) and a margin are free; on any
    failure the partial copy is removed (and one left by a killed copy is recognisable
    by its name and removed by the next copy into that folder).
    """
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _copy_error(dest, exc) from None
    clean_stale_partials(dest.parent)
    require_space(dest.parent, size, Message("the copy {name} needs room for the whole "
                                             "database", name=dest.name))
    partial = partial_path(dest)
    try:
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
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
        raise _copy_error(dest, exc) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        Path(f"{partial}-journal").unlink(missing_ok=True)
        raise


def _copy_error(dest: Path, exc: BaseException) -> ConsultDeskError:
    """A failed copy, said as a user needs it (a full disk as a full disk)."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if (isinstance(exc, OSError) and is_no_space(exc)) or code == 13 or is_full(dest.parent):
        return full_error(dest.parent, Message("the copy {name} was not made", name=dest.name))
    # An OSError in our words (translated); SQLite's own text for its errors.
    reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
    return DatabaseError("the copy {dest} could not be written ({reason}); nothing was "
                         "left behind", dest=dest, reason=reason, path=dest)


def copy_database(source: Path, dest: Path) -> Path:
    """Copy a database file (with what its WAL holds) to ``dest``."""
    conn = sqlite3.connect(source)
    try:
        _copy_connection(conn, dest, size=_size(source))
    finally:
        conn.close()
    return dest


def _size(path: Path) -> int:
    """A database's size with its WAL (what a copy may need)."""
    total = 0
    for p in (path, Path(f"{path}-wal")):
        try:
            total += p.stat().st_size
        except OSError:
            pass
    return total


def live_files(data_dir: Path) -> tuple[Path, ...]:
    """The files a copy must never be written over: the database and its journals."""
    db = database_path(data_dir)
    return (db, *(db.with_name(db.name + s) for s in ("-wal", "-shm", "-journal")))


def backup_to(db: OpenDatabase, path: Path) -> Path:
    """Copy the open database to ``path`` (``consultdesk backup --out``); into it, with
    the usual name, when ``path`` is a folder."""
    if path.is_dir():
        path = path / manual_backup_path(db.data_dir).name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _copy_error(path, exc) from None
    check_output_target(path, DatabaseError, Message("the backup copy"),
                        protected=live_files(db.data_dir))
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert isinstance(raw, sqlite3.Connection)
        _copy_connection(raw, path, size=_size(database_path(db.data_dir)))
    return path


def daily_backup(db: OpenDatabase, *, keep: int = KEEP_DAILY, now: datetime | None = None
                 ) -> Path | None:
    """A rolling copy, unless an automatic one was made in the last 24 hours."""
    now = now or _now()
    auto = _automatic(db.data_dir)
    if auto and now - backup_time(auto[0]) < timedelta(hours=24):
        return None
    return _rolling_copy(db, auto, now, keep)


def session_backup(db: OpenDatabase, *, keep: int = KEEP_DAILY, now: datetime | None = None
                   ) -> Path:
    """The copy taken when a session that changed something ends (the app's or a
    command's): it replaces the newest automatic copy when that one is from the same
    hour, so there is never more than one an hour and the newest is never older than
    the last change."""
    return _rolling_copy(db, _automatic(db.data_dir), now or _now(), keep)


def _automatic(data_dir: Path) -> list[Path]:
    """The automatic (daily and session) copies, newest first."""
    return [p for p in list_backups(data_dir) if backup_kind(p) is None]


def _rolling_copy(db: OpenDatabase, auto: list[Path], now: datetime, keep: int) -> Path:
    """Make an automatic copy, then drop what the policy no longer keeps."""
    # Copies cut short (the app killed mid-copy) are never listed; clear them away
    # (the names of older versions too).
    for partial in backup_dir(db.data_dir).glob("*.partial"):
        partial.unlink(missing_ok=True)
    made = backup_to(db, backup_dir(db.data_dir) / backup_name(now))
    # The new copy exists before any older one goes: there is always at least one.
    for old in _superseded([p for p in auto if p != made], made, now, keep):
        old.unlink(missing_ok=True)
    return made


def _superseded(older: list[Path], made: Path, now: datetime, keep: int) -> list[Path]:
    """Older automatic copies the policy drops: another of the same hour as ``made``;
    beyond the last 24 hours, all but the newest of each day; ``keep`` copies in all
    beyond that (the new one counted)."""
    hour = now.replace(minute=0, second=0, microsecond=0)
    days_kept: set[datetime] = set()
    gone = []
    for p in older:  # newest first
        when = backup_time(p)
        if when.replace(minute=0, second=0, microsecond=0) == hour:
            gone.append(p)
        elif now - when >= timedelta(hours=24):
            day = when.replace(hour=0, minute=0, second=0, microsecond=0)
            if day in days_kept or len(days_kept) >= keep - 1:
                gone.append(p)
            else:
                days_kept.add(day)
    return gone


def move_aside(data_dir: Path, reason: str = "damaged") -> Path | None:
    """Rename the database (and its -wal/-shm) so a new one can be made; the new name.

    The moved files stay together, so the moved-aside database can still be opened.
    """
    path = database_path(data_dir)
    if not path.exists():
        return None
    aside = path.with_name(f"{path.name}.{reason}-{_now():{STAMP}}")
    n = 1
    while aside.exists():
        aside = aside.with_name(f"{path.name}.{reason}-{_now():{STAMP}}-{n}")
        n += 1
    for suffix in _WAL_SUFFIXES:
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            os.replace(extra, aside.with_name(aside.name + suffix))
    os.replace(path, aside)
    return aside


def check_backup(path: Path) -> int:
    """Check a file can be restored from; its schema version (DatabaseError if not)."""
    require_regular_file(path, BackupFileError, Message("a ConsultDesk backup"),
                         name=Message("the backup {path}", path=path))
    try:
        version = inspect_database(path)
    except NewerSchemaError:
        raise
    except DatabaseError as exc:
        what = exc.params.get("what")  # what is wrong with the file, when inspection says
        if isinstance(what, Message):
            raise DatabaseError("cannot restore from {path}: it {what}",
                                what=what, path=path) from None
        raise DatabaseError("cannot restore from {path}: {reason}",
                            reason=exc, path=path) from None
    if version == 0:
        raise DatabaseError(
            "cannot restore from {path}: it is an empty database",
            path=path)
    return version


def restore_from(data_dir: Path, path: Path) -> Path | None:
    """Replace the data dir's database with a copy of the backup ``path``.

    The database must be closed (and no other ConsultDesk writing: hold the
    WriterLock).  The current file is moved aside, never deleted; its new name is
    returned (None when there was none).  The restored copy is upgraded on next open.
    """
    check_backup(path)
    dest = database_path(data_dir)
    # Never start what cannot finish: the copy needs room for the whole backup.
    require_space(data_dir, _size(path), Message("restoring {name} needs room for a copy of it",
                                                name=path.name))
    # Copy first (into the data dir, so the final rename is atomic), then swap.  The copy
    # carries this process's pid in its name: if it is killed, the next open clears it.
    incoming = partial_path(dest.with_name(dest.name + ".restoring"))
    copy_database(path, incoming)
    try:
        aside = move_aside(data_dir, "replaced")
        os.replace(incoming, dest)
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        raise _copy_error(dest, exc) from None
    return aside


def recover(data_dir: Path, backup: Path | None = None) -> Path | None:
    """After a DamagedDatabaseError: move the bad file aside and restore ``backup`` (or
    start with an empty database when None); where the bad file went."""
    path = database_path(data_dir)
    if path.exists():
        # Only a file that is damaged is ever moved aside: a full disk, a busy or an
        # unreadable file is not damage, and moving a healthy database away would show
        # an empty library.
        problem = confirm_damage(path)
        if problem is None:
            raise DatabaseError("the database {path} is not damaged (its integrity check "
                                "passes); it was left where it is", path=path)
    if backup is not None:
        check_backup(backup)  # fail before anything moves
        require_space(data_dir, _size(backup),
                      Message("restoring {name} needs room for a copy of it", name=backup.name))
    aside = move_aside(data_dir, "damaged")
    if backup is not None:
        restore_from(data_dir, backup)
    return aside
