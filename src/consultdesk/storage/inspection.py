"""Checking a database file before anything writes to it: ours, whole, and not too new.

Used when opening (``Database.open``) and before restoring a backup (``backup``);
it reads through a read-only connection and never changes the file.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from consultdesk.domain.errors import Message
from consultdesk.storage import migrations
from consultdesk.storage.disk_space import io_error
from consultdesk.storage.errors import DamagedDatabaseError, DatabaseError, NewerSchemaError
from consultdesk.storage.locations import backup_time, newest_backup
from consultdesk.storage.migrations import APPLICATION_ID

#: How long a writer waits for another process's write to finish (the CLI writing
#: while the GUI autosaves): far longer than any of our transactions.
BUSY_TIMEOUT_S = 10.0

_SQLITE_HEADER = b"SQLite format 3\x00"
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


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

    Reads the header and runs ``PRAGMA quick_check`` through a read-only connection,
    so a damaged file or one from a newer ConsultDesk is never modified.
    """
    if not path.exists():
        return 0
    if not path.is_file():  # a folder, a FIFO or a device where the database belongs
        raise DatabaseError("the database {path} is not a regular file; move it away, or "
                            "use another data dir", path=path)
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise DatabaseError(
            "cannot read the database {path} ({reason})",
            reason=exc.strerror or exc, path=path) from None
    if not header:
        return 0  # an empty file (e.g. created and never written): a new database
    page_size = int.from_bytes(header[16:18], "big")
    if (len(header) < 100 or not header.startswith(_SQLITE_HEADER)
            or header[21:24] != b"\x40\x20\x20"  # payload fractions, fixed by the format
            or not (page_size == 1 or (512 <= page_size <= 32768
                                       and page_size & (page_size - 1) == 0))):
        raise damaged(path, Message("is not a SQLite database (damaged or overwritten)"))
    header_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == APPLICATION_ID and header_version > migrations.LATEST:
        raise newer(path, header_version)
    try:
        version, problems = _check(path, immutable=False)
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise damaged(path, Message("is damaged ({reason})", reason=exc)) from None
        # Not damage: SQLite could not open or read it, typically because it cannot make
        # its -shm file on a full disk.  Without a WAL to replay, the file alone is the
        # whole database: check it as an immutable file (no -shm needed).
        if not wal_is_empty(path):
            raise io_error(path, str(exc), writing=False) from None
        try:
            version, problems = _check(path, immutable=True)
        except sqlite3.DatabaseError as again:
            code = getattr(again, "sqlite_errorcode", 0) & 0xFF
            if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
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
    try:
        header = path.read_bytes()[:100] if path.stat().st_size < 100 else _head(path)
    except OSError as exc:
        raise DatabaseError("cannot read the database {path} ({reason})",
                            reason=exc.strerror or exc, path=path) from None
    if not header.startswith(_SQLITE_HEADER):
        return "it is not a SQLite database"
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
            code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
            if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
                return str(exc)
            continue
        return None if found == ["ok"] else found[0]
    raise io_error(path, "it cannot be opened to check it", writing=False)


def _head(path: Path) -> bytes:
    with path.open("rb") as f:
        return f.read(100)
