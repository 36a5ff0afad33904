"""The SQLite database of one data dir: checked, upgraded and opened with the right pragmas.

One :class:`Database` per data dir, created by the composition root
(``AppContext.open``); there is no module-level engine.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Self
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from consultdesk.domain import files
from consultdesk.domain.errors import AnswerError, Message
from consultdesk.domain.files import clean_stale_partials, os_reason
from consultdesk.storage import backup as backups
from consultdesk.storage import disk_space, migrations, row_values
from consultdesk.storage.errors import (
    DatabaseError,
    ReadOnlyDataDirError,
    StorageFullError,
)
from consultdesk.storage.inspection import (
    BUSY_TIMEOUT_S,
    damaged,
    inspect_database,
    wal_is_empty,
)
from consultdesk.storage.locations import DB_FILE_NAME, database_path

__all__ = ["BUSY_TIMEOUT_S", "DB_FILE_NAME", "Database", "database_path", "inspect_database",
           "utc_now"]
_WRITE = "consultdesk_write"

# SQLite primary result codes (the low byte of the extended code).
_SQLITE_BUSY, _SQLITE_READONLY, _SQLITE_CORRUPT, _SQLITE_FULL = 5, 8, 11, 13
_SQLITE_CANTOPEN, _SQLITE_NOTADB = 14, 26
_SQLITE_IOERR = 10


def utc_now() -> datetime:
    """The current time, aware, in UTC (stored as UTC without an offset, read back aware)."""
    return datetime.now(UTC)



class Database:
    """The open database of one data dir: an engine, sessions and checked transactions."""

    #: The SQL engine behind it ("sqlite" here; PgDatabase says "postgresql").
    dialect = "sqlite"

    def __init__(self, data_dir: Path, engine: Engine, *, full_disk: bool = False) -> None:
        self.data_dir = data_dir
        self.path = database_path(data_dir)
        #: Opened for reading only because the disk is full (every write says so).
        self.full_disk = full_disk
        #: Whether something was written this session (the session backup is then due).
        self.changed = False
        # So that no reader of a user's file opens (and closes) this one: see domain.files.
        self._held = files.hold(self.path)
        self._engine: Engine | None = engine
        # The change probe: one connection kept open for PRAGMA data_version, whose
        # value only means something when read again on the same connection.
        self._probe: sqlite3.Connection | None = None
        self._probe_lock = threading.Lock()

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, data_dir: Path) -> Database:
        """Check, upgrade (after a backup copy) and open the database of ``data_dir``.

        The rolling daily copy is the composition root's job (``AppContext.open``), so
        that opening a database never depends on the backups module doing more than copy.

        Raises :class:`DamagedDatabaseError` (naming the newest backup),
        :class:`NewerSchemaError` (file untouched) or :class:`ReadOnlyDataDirError`.
        """
        data_dir = Path(data_dir)
        _ensure_writable_dir(data_dir)
        clean_stale_partials(data_dir)  # a restore that was killed halfway
        path = database_path(data_dir)
        version = inspect_database(path)
        if version == migrations.LATEST and disk_space.is_full(data_dir) and wal_is_empty(path):
            # A full disk: SQLite cannot make its -shm and -wal files, but the file alone
            # is the whole, healthy database (just checked): open it for reading only.
            return cls(data_dir, _make_engine(path, immutable=True), full_disk=True)
        copy: Path | None = None
        if 0 < version < migrations.LATEST:
            # An upgrade rewrites the file; keep the file as it was, first (and never start
            # one without the room to finish the copy).
            disk_space.require_space(data_dir, path.stat().st_size,
                                     Message("the database must be copied before it is upgraded"))
            copy = backups.copy_database(path, backups.upgrade_backup_path(data_dir, version))
        with _translate_errors(path), _raw_connection(path) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            try:
                migrations.migrate(conn)
            except sqlite3.Error as exc:
                code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
                if code in (_SQLITE_FULL, _SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_CANTOPEN):
                    raise  # said clearly by _translate_errors
                kept = (Message("; a copy made before the upgrade is {copy}", copy=copy)
                        if copy else "")
                raise DatabaseError(
                    "upgrading the database {path} from schema {version} to {latest} failed "
                    "({exc}); the file was left as it was{kept}",
                    version=version, latest=migrations.LATEST, exc=exc, kept=kept, path=path,
                    backup=copy) from None
        return cls(data_dir, _make_engine(path))

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
        with _translate_errors(self.path, writing=False), self.engine.connect() as conn, \
                conn.begin():
            yield conn

    @contextmanager
    def write(self, *, durable: bool = False, wait_s: float | None = None,
              change: bool = True) -> Iterator[Connection]:
        """A connection in a write transaction, committed on success, rolled back on error.

        ``durable`` makes this commit survive a power cut too (explicit saves);
        ``wait_s`` shortens the wait for another writer (for writes that may be skipped);
        ``change=False`` for writes that change none of the user's data (a cache), which
        do not make a session backup due.
        Disk full, read-only and damaged-file errors become user-readable errors;
        nothing of the transaction is kept then.
        """
        with _translate_errors(self.path), self._writable().connect() as conn:
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
                if change:
                    self.changed = True
            finally:
                if durable:
                    raw.execute("PRAGMA synchronous=NORMAL")
                if wait_s is not None:
                    raw.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")

    def _writable(self) -> Engine:
        """The engine, for a write: on a full disk, a clear error (or, once space has been
        freed, the normal engine again)."""
        if self.full_disk:
            if disk_space.is_full(self.data_dir):
                raise disk_space.full_error(self.data_dir, Message(
                    "nothing can be saved (the responses can still be read)"))
            self.engine.dispose()
            self._engine = _make_engine(self.path)
            self.full_disk = False
        return self.engine

    def checkpoint(self) -> None:
        """Copy the WAL into the database file now, without waiting for readers.

        Called when typing pauses: SQLite would otherwise checkpoint inside whichever
        autosave fills the WAL to 1,000 pages, making that one keystroke-save ~10 ms.
        """
        if self.full_disk:
            return  # read-only on a full disk: there is no WAL
        with _translate_errors(self.path), self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)")

    def data_version(self) -> int | None:
        """A counter that changes whenever another connection (any process) committed.

        ``PRAGMA data_version`` on one dedicated connection that never writes, so every
        commit anywhere (the CLI, another window, this process's own writes) moves it;
        a few microseconds, no table read.  None on an engine without such a counter
        (PostgreSQL: the caller then asks the tables, or listens for notifications).
        """
        if self.engine.dialect.name != "sqlite":
            return None
        with self._probe_lock, _translate_errors(self.path):
            if self._probe is None:
                self._probe = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S,
                                              isolation_level=None,
                                              check_same_thread=False)
            return int(self._probe.execute("PRAGMA data_version").fetchone()[0])

    def schema_version(self) -> int:
        """The schema version of the open file."""
        with self.read() as conn:
            return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())

    def integrity_check(self) -> str:
        """``PRAGMA integrity_check``: "ok" or the first problems found."""
        with self.read() as conn:
            rows = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
        return "\n".join(str(r) for r in rows)

    def role(self) -> str:
        """The database role writing (a SQLite file has none: "")."""
        return ""

    def close(self) -> None:
        """Close every connection (the last one checkpoints the WAL into the file)."""
        with self._probe_lock:
            if self._probe is not None:
                self._probe.close()
                self._probe = None
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        files.release(self._held)
        self._held = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_engine(path: Path, *, immutable: bool = False) -> Engine:
    """An engine whose connections all carry our pragmas and transaction handling.

    ``immutable``: read the file alone, without -wal and -shm (a full disk, where SQLite
    cannot make them; only when there is no WAL to replay).
    """
    if immutable:
        uri = f"file:{quote(str(path))}?mode=ro&immutable=1"
        engine = create_engine(URL.create("sqlite"), creator=lambda: sqlite3.connect(
            uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False))
    else:
        # A URL object, not "sqlite:///<path>": a string is parsed with a regex compiled
        # per call (start-up time) and its path URL-decoded and cut at "?", which would
        # open another file for a data folder named "50%25" or "why?".
        engine = create_engine(
            URL.create("sqlite", database=str(path)),
            connect_args={"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # We issue BEGIN ourselves (below): pysqlite's implicit transactions would
        # otherwise start writes with a deferred BEGIN, which can fail with "database
        # is locked" instead of waiting when the CLI and the GUI write at once.
        dbapi_conn.isolation_level = None
        # Text that is not UTF-8 is marked on its one value instead of failing the query.
        dbapi_conn.text_factory = row_values.text_factory
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
    hint = Message("choose another one with --data-dir or allow writing to it")
    if data_dir.exists() and not data_dir.is_dir():
        raise DatabaseError("the data dir {data_dir} is a file, not a folder; choose another "
                            "one with --data-dir", data_dir=data_dir,
                            path=database_path(data_dir))
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except NotADirectoryError:
        raise DatabaseError("the data dir {data_dir} cannot be made: part of its path is a "
                            "file, not a folder; choose another one with --data-dir",
                            data_dir=data_dir, path=database_path(data_dir)) from None
    except OSError as exc:
        raise ReadOnlyDataDirError(
            "cannot create the data dir {data_dir} ({reason}); {hint}",
            data_dir=data_dir, reason=os_reason(exc), hint=hint,
            path=database_path(data_dir)) from None
    # Ask the file system itself rather than os.access (wrong under ACLs, root, network
    # shares): SQLite needs to create its -wal and -shm files next to the database.
    probe = data_dir / f".consultdesk-write-test-{os.getpid()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        if disk_space.is_no_space(exc):
            probe.unlink(missing_ok=True)
            return  # full, not read-only: reading may still work (Database.open decides)
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
            raise DatabaseError("cannot write in the data dir {data_dir} ({reason}); {hint}",
                                data_dir=data_dir, reason=os_reason(exc), hint=hint,
                                path=database_path(data_dir)) from None
        raise ReadOnlyDataDirError(
            "the data dir {data_dir} is read-only ({reason}); ConsultDesk keeps your drafts "
            "there and must be able to write to it; {hint}",
            data_dir=data_dir, reason=os_reason(exc), hint=hint,
            path=database_path(data_dir)) from None
    path = database_path(data_dir)
    if path.exists() and not os.access(path, os.W_OK):
        raise ReadOnlyDataDirError(
            "the database {path} is read-only; allow writing to it, or {hint}",
            hint=hint, path=path)





@contextmanager
def _translate_errors(path: Path, *, writing: bool = True) -> Iterator[None]:
    """Turn SQLite failures into errors a user can act on (the transaction is undone)."""
    try:
        yield
    except UnicodeEncodeError as exc:
        # A lone UTF-16 surrogate (a broken paste) cannot be stored as UTF-8.
        raise AnswerError(
            "the text contains a character that cannot be saved (an unpaired surrogate at "
            "character {value}); nothing was saved. Delete it and type the character again.",
            value=exc.start + 1) from None
    except (DBAPIError, sqlite3.Error) as exc:
        orig = exc.orig if isinstance(exc, DBAPIError) else exc
        code = getattr(orig, "sqlite_errorcode", 0) & 0xFF
        if code == _SQLITE_FULL:
            free = disk_space.free_bytes(path.parent)
            have = f" ({disk_space.size_text(free)} free)" if free is not None else ""
            raise StorageFullError(
                "the disk holding {path} is full{have}: the last change was not saved and "
                "the previous text is kept. Free at least {needed} of disk space; typing goes "
                "on and the next save will store it.",
                path=path, have=have,
                needed=disk_space.size_text(disk_space.COPY_MARGIN)) from None
        if code == _SQLITE_READONLY:
            raise ReadOnlyDataDirError(
                "the database {path} cannot be written (read-only)",
                path=path) from None
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
            raise damaged(path, Message("is damaged")) from None
        if code == _SQLITE_BUSY:
            raise DatabaseError(
                "the database {path} is busy (another program keeps it locked); try again",
                path=path) from None
        if code in (_SQLITE_CANTOPEN, _SQLITE_IOERR):
            # A full disk often shows as these (the -wal or -shm file cannot grow).
            raise disk_space.io_error(path, str(orig), writing=writing) from None
        raise
