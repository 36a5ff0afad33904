"""Checking a database file before anything writes to it: ours, whole, and not too new.

Used when opening (``Database.open``) and before restoring a backup (``backup``);
it reads through a read-only connection and never changes the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from consultdesk.domain.errors import Message
from consultdesk.domain.files import os_reason
from consultdesk.storage import migrations
from consultdesk.storage.disk_space import io_error
from consultdesk.storage.errors import DamagedDatabaseError, DatabaseError, NewerSchemaError
from consultdesk.storage.locations import backup_time, newest_backup
from consultdesk.storage.migrations import APPLICATION_ID

#: How long a writer waits for another process's write to finish (the CLI writing
#: while the GUI autosaves): far longer than any of our transactions.
BUSY_TIMEOUT_S = 10.0

_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26
_NOT_SQLITE = Message("is not a SQLite database (damaged or overwritten)")


def _code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of an error (0 if unknown)."""
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def damaged(path: Path, what: Message) -> DamagedDatabaseError:
    """The error for a bad file (``what`` is wrong with it, kept as the ``what`` parameter),
    naming the newest backup it can be restored from."""
    newest = newest_backup(path.parent)
    if newest is not None:
        advice = Message("it can be restored from the backup {backup} (made {made:%Y-%m-%d %H:%M} "
                         "UTC)", backup=newest, made=backup_time(newest))
    else:
        advice = Message("there is no backup of it; it can be moved aside to start afresh")
    return DamagedDatabaseError(
        "the database {path} {what}; {advice}. The file is kept as it is.",
        what=what, advice=advice, path=path, backup=newest)


def inspect_database(path: Path) -> int:
    """Check an existing file before anything writes to it; its schema version (0: new).

    Reads the header and runs ``PRAGMA quick_check`` through a read-only SQLite
    connection (never a plain open(), see below), so a damaged file or one from a newer
    ConsultDesk is never modified, and a process's own connections keep their locks.
    """
    if not path.exists():
        return 0
    if not path.is_file():  # a folder, a FIFO or a device where the database belongs
        raise DatabaseError("the database {path} is not a regular file; move it away, or "
                            "use another data dir", path=path)
    # The header is read by SQLite itself (through the read-only connection of _check),
    # never with open()/close() of our own: closing ANY descriptor of a file drops every
    # POSIX lock this process holds on it, so an inspection in a process that already has
    # a connection to this database (two contexts on one file, a restore check while the
    # app has it open) would silently take away that connection's locks; another process
    # could then, e.g., take the file out of WAL mode in the middle of our write.  SQLite
    # keeps a descriptor it closes open until no connection of the process holds a lock
    # on the file, so going through it is safe.  SQLite checks the same header fields
    # (the magic string, the page size, the payload fractions) and says SQLITE_NOTADB.
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DatabaseError(
            "cannot read the database {path} ({reason})",
            reason=os_reason(exc), path=path) from None
    if size == 0:
        return 0  # an empty file (e.g. created and never written): a new database
    try:
        version, problems = _check(path, immutable=False)
    except sqlite3.DatabaseError as exc:
        if _code(exc) == _SQLITE_NOTADB:
            raise damaged(path, _NOT_SQLITE) from None
        if _code(exc) == _SQLITE_CORRUPT:
            raise damaged(path, Message("is damaged ({reason})", reason=exc)) from None
        # Not damage: SQLite could not open or read it, typically because it cannot make
        # its -shm file on a full disk.  Without a WAL to replay, the file alone is the
        # whole database: check it as an immutable file (no -shm needed).
        if not wal_is_empty(path):
            raise io_error(path, str(exc), writing=False) from None
        try:
            version, problems = _check(path, immutable=True)
        except sqlite3.DatabaseError as again:
            if _code(again) == _SQLITE_NOTADB:
                raise damaged(path, _NOT_SQLITE) from None
            if _code(again) == _SQLITE_CORRUPT:
                raise damaged(path, Message("is damaged ({reason})", reason=again)) from None
            raise io_error(path, str(exc), writing=False) from None
    if problems != ["ok"]:
        raise damaged(path, Message("is damaged ({reason})", reason=problems[0]))
    return version


def wal_is_empty(path: Path) -> bool:
    """Whether the database has no write-ahead log to replay (none, or an empty one)."""
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


def _check(path: Path, *, immutable: bool) -> tuple[int, list[str]]:
    """(schema version, quick_check result) through a read-only connection."""
    uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version > migrations.LATEST:
            raise newer(path, version)
        if application_id != APPLICATION_ID and (application_id or tables):
            raise damaged(path, Message("is a SQLite file, but not a ConsultDesk database"))
        return version, [r[0] for r in conn.execute("PRAGMA quick_check")]
    finally:
        conn.close()


def newer(path: Path, version: int) -> NewerSchemaError:
    return NewerSchemaError(
        "the database {path} was written by a newer ConsultDesk (schema {version}; this version "
        "reads up to {latest}); it has not been opened or changed. Install the newer "
        "ConsultDesk, or use another data dir.",
        version=version, latest=migrations.LATEST, path=path)


def confirm_damage(path: Path) -> str | None:
    """What ``PRAGMA integrity_check`` finds wrong with a database file; None if whole.

    Asked before anything is moved aside as damaged.  A file SQLite cannot open at all
    for a reason other than damage (a full disk, an I/O error) raises that error.
    """
    # Through SQLite only, for the same reason as inspect_database: no open()/close() of
    # our own on a file this process may hold a connection to.
    try:
        if path.stat().st_size == 0:
            return "it is not a SQLite database"  # nothing in it (as its missing header said)
    except OSError as exc:
        raise DatabaseError("cannot read the database {path} ({reason})",
                            reason=os_reason(exc), path=path) from None
    for immutable in (False, True):
        if immutable and not wal_is_empty(path):
            break
        uri = f"file:{quote(str(path))}?mode=ro" + ("&immutable=1" if immutable else "")
        try:
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
            try:
                found = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
            finally:
                conn.close()
        except sqlite3.DatabaseError as exc:
            if _code(exc) == _SQLITE_NOTADB:
                return "it is not a SQLite database"
            if _code(exc) == _SQLITE_CORRUPT:
                return str(exc)
            continue
        return None if found == ["ok"] else found[0]
    raise io_error(path, "it cannot be opened to check it", writing=False)

