"""The SQLite database of one data dir: checked, upgraded and opened with the right pragmas.

One :class:`Database` per data dir, created by the composition root
(``AppContext.open``); there is no module-level engine.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from consultdesk.domain.errors import AnswerError, ConsultDeskError
from consultdesk.storage import backup as backups
from consultdesk.storage import migrations
from consultdesk.storage.errors import (
    DamagedDatabaseError,
    DatabaseError,
    NewerSchemaError,
    ReadOnlyDataDirError,
    StorageFullError,
)
from consultdesk.storage.migrations import APPLICATION_ID

DB_FILE_NAME = "consultdesk.sqlite3"

#: How long a writer waits for another process's write to finish (the CLI writing
#: while the GUI autosaves): far longer than any of our transactions.
BUSY_TIMEOUT_S = 10.0

_SQLITE_HEADER = b"SQLite format 3\x00"
_WRITE = "consultdesk_write"

# SQLite primary result codes (the low byte of the extended code).
_SQLITE_BUSY, _SQLITE_READONLY, _SQLITE_CORRUPT, _SQLITE_FULL = 5, 8, 11, 13
_SQLITE_CANTOPEN, _SQLITE_NOTADB = 14, 26


def utc_now() -> datetime:
    """The current time, aware, in UTC (stored as UTC without an offset, read back aware)."""
    return datetime.now(UTC)


def database_path(data_dir: Path) -> Path:
    """Where the database of a data dir lives."""
    return data_dir / DB_FILE_NAME


class Database:
    """The open database of one data dir: an engine, sessions and checked transactions."""

    def __init__(self, data_dir: Path, engine: Engine) -> None:
        self.data_dir = data_dir
        self.path = database_path(data_dir)
        self._engine: Engine | None = engine

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path, *, daily_backup: bool = True) -> Database:
        """Check, upgrade (after a backup copy) and open the database of ``data_dir``.

        Raises :class:`DamagedDatabaseError` (naming the newest backup),
        :class:`NewerSchemaError` (file untouched) or :class:`ReadOnlyDataDirError`.
        """
        data_dir = Path(data_dir)
        _ensure_writable_dir(data_dir)
        path = database_path(data_dir)
        version = inspect_database(path)
        copy: Path | None = None
        if 0 < version < migrations.LATEST:
            # An upgrade rewrites the file; keep the file as it was, first.
            copy = backups.copy_database(path, backups.upgrade_backup_path(data_dir, version))
        with _translate_errors(path), _raw_connection(path) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            try:
                migrations.migrate(conn)
            except sqlite3.Error as exc:
                if getattr(exc, "sqlite_errorcode", 0) & 0xFF in (_SQLITE_FULL, _SQLITE_READONLY):
                    raise  # said clearly by _translate_errors
                kept = f"; a copy made before the upgrade is {copy}" if copy else ""
                raise DatabaseError(
                    f"upgrading the database {path} from schema {version} to "
                    f"{migrations.LATEST} failed ({exc}); the file was left as it was{kept}",
                    path=path, backup=copy) from None
        database = cls(data_dir, _make_engine(path))
        if daily_backup:
            try:
                backups.daily_backup(database)
            except (OSError, sqlite3.Error, ConsultDeskError):
                # A failed rolling backup must not keep anyone from their drafts; the
                # next start tries again.
                pass
        return database

    # -- access --------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (ValueError once closed)."""
        if self._engine is None:
            raise ValueError("the database is closed")
        return self._engine

    def session(self) -> Session:
        """A new SQLModel session (reads; for writes use :meth:`write_session`)."""
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def write_session(self) -> Iterator[Session]:
        """A SQLModel session inside one write transaction (committed on success)."""
        with self.write() as conn, Session(bind=conn, expire_on_commit=False) as session:
            yield session
            session.flush()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read transaction (a consistent snapshot)."""
        with _translate_errors(self.path), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def write(self, *, durable: bool = False, wait_s: float | None = None
              ) -> Iterator[Connection]:
        """A connection in a write transaction, committed on success, rolled back on error.

        ``durable`` makes this commit survive a power cut too (explicit saves);
        ``wait_s`` shortens the wait for another writer (for writes that may be skipped).
        Disk full, read-only and damaged-file errors become user-readable errors;
        nothing of the transaction is kept then.
        """
        with _translate_errors(self.path), self.engine.connect() as conn:
            conn.execution_options(**{_WRITE: True})
            raw = conn.connection.dbapi_connection
            assert raw is not None
            if durable:
                raw.execute("PRAGMA synchronous=FULL")
            if wait_s is not None:
                raw.execute(f"PRAGMA busy_timeout={int(wait_s * 1000)}")
            try:
                with conn.begin():
                    yield conn
            finally:
                if durable:
                    raw.execute("PRAGMA synchronous=NORMAL")
                if wait_s is not None:
                    raw.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")

    def checkpoint(self) -> None:
        """Copy the WAL into the database file now, without waiting for readers.

        Called when typing pauses: SQLite would otherwise checkpoint inside whichever
        autosave fills the WAL to 1,000 pages, making that one keystroke-save ~10 ms.
        """
        with _translate_errors(self.path), self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def schema_version(self) -> int:
        """The schema version of the open file."""
        with self.read() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check``: "ok" or the first problems found."""
        with self.read() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
        return "\n".join(str(r) for r in rows)

    def close(self) -> None:
        """Close every connection (the last one checkpoints the WAL into the file)."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_engine(path: Path) -> Engine:
    """An engine whose connections all carry our pragmas and transaction handling."""
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # We issue BEGIN ourselves (below): pysqlite's implicit transactions would
        # otherwise start writes with a deferred BEGIN, which can fail with "database
        # is locked" instead of waiting when the CLI and the GUI write at once.
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys=ON")
        # WAL + synchronous=NORMAL: a commit is atomic and survives the app crashing
        # or being killed (the crash test proves it), and costs no fsync, which is what
        # lets the autosave run every second on the UI thread.  Only an OS crash or a
        # power cut can roll back the last commits (never corrupt the file); explicit
        # saves (Ctrl+S, revisions before destructive actions) use ``durable=True``,
        # i.e. synchronous=FULL, which syncs the WAL at that commit.
        dbapi_conn.execute("PRAGMA synchronous=NORMAL")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock up front (waiting up to the busy timeout)
        # rather than failing when upgrading a read lock.
        immediate = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


@contextmanager
def _raw_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A plain sqlite3 connection in autocommit mode (for migrations and checks)."""
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()


def _ensure_writable_dir(data_dir: Path) -> None:
    """Create the data dir; a clear error if it (or the database in it) is read-only."""
    hint = "choose another one with --data-dir or allow writing to it"
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReadOnlyDataDirError(
            f"cannot create the data dir {data_dir} ({exc.strerror or exc}); {hint}",
            path=database_path(data_dir)) from None
    # Ask the file system itself rather than os.access (wrong under ACLs, root, network
    # shares): SQLite needs to create its -wal and -shm files next to the database.
    probe = data_dir / f".consultdesk-write-test-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise ReadOnlyDataDirError(
            f"the data dir {data_dir} is read-only ({exc.strerror or exc}); ConsultDesk "
            f"keeps your drafts there and must be able to write to it; {hint}",
            path=database_path(data_dir)) from None
    path = database_path(data_dir)
    if path.exists() and not os.access(path, os.W_OK):
        raise ReadOnlyDataDirError(
            f"the database {path} is read-only; allow writing to it, or {hint}", path=path)


def _damaged(path: Path, what: str) -> DamagedDatabaseError:
    """The error for a bad file, naming the newest backup it can be restored from."""
    newest = backups.newest_backup(path.parent)
    if newest is not None:
        advice = (f"it can be restored from the backup {newest} (made "
                  f"{backups.backup_time(newest):%Y-%m-%d %H:%M} UTC)")
    else:
        advice = "there is no backup of it; it can be moved aside to start afresh"
    return DamagedDatabaseError(f"the database {path} {what}; {advice}. The file is kept "
                                "as it is.", path=path, backup=newest)


def inspect_database(path: Path) -> int:
    """Check an existing file before anything writes to it; its schema version (0: new).

    Reads the header and runs ``PRAGMA quick_check`` through a read-only connection,
    so a damaged file or one from a newer ConsultDesk is never modified.
    """
    if not path.exists():
        return 0
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise DatabaseError(f"cannot read the database {path} ({exc.strerror or exc})",
                            path=path) from None
    if not header:
        return 0  # an empty file (e.g. created and never written): a new database
    page_size = int.from_bytes(header[16:18], "big")
    if (len(header) < 100 or not header.startswith(_SQLITE_HEADER)
            or header[21:24] != b"\x40\x20\x20"  # payload fractions, fixed by the format
            or not (page_size == 1 or (512 <= page_size <= 32768
                                       and page_size & (page_size - 1) == 0))):
        raise _damaged(path, "is not a SQLite database (damaged or overwritten)")
    header_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id == APPLICATION_ID and header_version > migrations.LATEST:
        raise _newer(path, header_version)
    uri = f"file:{quote(str(path))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            application_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
            tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            if version > migrations.LATEST:
                raise _newer(path, version)
            if application_id != APPLICATION_ID and (application_id or tables):
                raise _damaged(path, "is a SQLite file, but not a ConsultDesk database")
            problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _damaged(path, f"is damaged ({exc})") from None
    if problems != ["ok"]:
        raise _damaged(path, f"is damaged ({problems[0]})")
    return version


def _newer(path: Path, version: int) -> NewerSchemaError:
    return NewerSchemaError(
        f"the database {path} was written by a newer ConsultDesk (schema {version}; this "
        f"version reads up to {migrations.LATEST}); it has not been opened or changed. "
        "Install the newer ConsultDesk, or use another data dir.", path=path)


@contextmanager
def _translate_errors(path: Path) -> Iterator[None]:
    """Turn SQLite failures into errors a user can act on (the transaction is undone)."""
    try:
        yield
    except UnicodeEncodeError as exc:
        # A lone UTF-16 surrogate (a broken paste) cannot be stored as UTF-8.
        raise AnswerError(
            f"the text contains a character that cannot be saved (an unpaired surrogate "
            f"at character {exc.start + 1}); nothing was saved. Delete it and type the "
            "character again.") from None
    except (DBAPIError, sqlite3.Error) as exc:
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        code = getattr(orig, "sqlite_errorcode", 0) & 0xFF
        if code == _SQLITE_FULL:
            raise StorageFullError(
                f"the disk holding {path} is full: the last change was not saved and the "
                "previous text is kept. Free some disk space; typing goes on and the next "
                "save will store it.") from None
        if code == _SQLITE_READONLY:
            raise ReadOnlyDataDirError(
                f"the database {path} cannot be written (read-only)", path=path) from None
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise _damaged(path, "is damaged") from None
        if code == _SQLITE_BUSY:
            raise DatabaseError(
                f"the database {path} is busy (another program keeps it locked); "
                "try again", path=path) from None
        if code == _SQLITE_CANTOPEN:
            raise DatabaseError(f"cannot open the database {path}", path=path) from None
        raise
