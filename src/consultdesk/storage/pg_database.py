"""A team database on PostgreSQL: the same interface as the SQLite :class:`Database`.

Chosen with ``--database URL`` (or ``CONSULTDESK_DATABASE``); the composition root
opens one per process.  The same migrator builds the same tables (the version in the
``consultdesk_schema`` table), the same repositories run on it.  What differs is kept
here: reads run in REPEATABLE READ (one snapshot, as a SQLite read transaction is),
writers queue on one transaction-level advisory lock (SQLite's one write lock, so every
read-then-write of the repositories, the versioned save's check included, means on the
server exactly what it means in the file), a short ``wait_s`` becomes ``lock_timeout``,
and every failure of the server becomes an error a user can act on.

Why one write lock rather than per-row locks: ConsultDesk's write transactions last a
millisecond or two, so one lock serves hundreds of saves a second (a division autosaving
once a second each is far below that; benchmarks/bench_team.py measures it), and it
cannot deadlock, whichever rows a transaction touches in whichever order.  Readers
never wait for it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, DisconnectionError
from sqlalchemy.pool import QueuePool

from consultdesk.domain.errors import AnswerError, ServerUnreachableError
from consultdesk.storage import migrations, pg_connect, pg_search_index
from consultdesk.storage.database import Database
from consultdesk.storage.errors import DatabaseError, NewerSchemaError, StorageFullError
from consultdesk.storage.pg_listener import ChangeListener

#: A transaction that waits longer than this for a row another writer holds gives up
#: (a colleague's save takes milliseconds; this only ends a real deadlock-like wait).
LOCK_TIMEOUT_S = 10.0
#: The advisory lock every writer takes ("CDSKWRIT"; any constant no one else uses).
WRITE_LOCK_KEY = 0x43445348_57524954


class PgDatabase(Database):
    """The open team database: an engine on a PostgreSQL server, and checked transactions."""

    dialect = "postgresql"

    def __init__(self, data_dir: Path, url: str, engine: Engine) -> None:
        super().__init__(data_dir, engine)
        #: No file: backups, restore and the writer lock work differently here.
        self.path = None  # type: ignore[assignment]
        self.url = url
        #: The server as the user knows it (for messages).
        self.where = pg_connect.describe(url)
        self._listener = ChangeListener(lambda: pg_connect.connect(url, autocommit=True))

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open_url(cls, data_dir: Path, url: str) -> PgDatabase:
        """Connect, create or upgrade the schema (one transaction), and open the engine.

        Raises ServerUnreachableError (one line: which server, what to check),
        NewerSchemaError (nothing touched) or DatabaseError (a URL that cannot be used,
        a database that is somebody else's).
        """
        import psycopg

        data_dir = Path(data_dir)
        try:
            # The data folder still holds the outbox and backups; a team database works
            # without it, so a read-only one is not an error here.
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError:
            pass
        where = pg_connect.describe(url)
        conn = pg_connect.connect(url)
        try:
            migrations.migrate_postgresql(conn)
            _make_search_index(conn)
        except migrations.NewerSchema as exc:
            raise NewerSchemaError(
                "the team database {where} was written by a newer ConsultDesk (schema "
                "{version}; this version reads up to {latest}); it has not been changed. "
                "Install the newer ConsultDesk.",
                where=where, version=exc.version, latest=migrations.LATEST) from None
        except migrations.ForeignDatabase:
            raise DatabaseError(
                "the database {where} holds other tables and is not a ConsultDesk database; "
                "give ConsultDesk an empty database of its own",
                where=where) from None
        except psycopg.errors.InsufficientPrivilege as exc:
            raise DatabaseError(
                "the database role may not create ConsultDesk's tables in {where} ({value}); "
                "ask for CREATE rights on the database's schema, once",
                where=where, value=pg_connect._first_line(exc)) from None
        except psycopg.OperationalError as exc:
            raise pg_connect.lost(url, exc) from None
        except psycopg.Error as exc:
            raise DatabaseError(
                "upgrading the team database {where} to schema {latest} failed ({value}); it "
                "was left as it was",
                where=where, latest=migrations.LATEST, value=pg_connect._first_line(exc)) from None
        finally:
            conn.close()
        return cls(data_dir, url, _make_engine(url))

    @classmethod
    def open(cls, data_dir: Path) -> Database:
        """Not available: a team database is opened from its URL (:meth:`open_url`)."""
        raise TypeError("PgDatabase is opened with open_url(data_dir, url)")

    # -- access ----------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection in a read-only REPEATABLE READ transaction (one snapshot)."""
        with self._translate(), self.engine.connect() as conn, conn.begin():
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield conn

    @contextmanager
    def write(self, *, durable: bool = False, wait_s: float | None = None,
              change: bool = True) -> Iterator[Connection]:
        """A connection in a write transaction, committed on success, rolled back on error.

        ``change`` is for the SQLite file's session backup; the server's backups are its
        administrator's, so it changes nothing here.  Every commit on the server is durable already (``synchronous_commit`` is the
        server's business), so ``durable`` changes nothing; ``wait_s`` bounds how long a
        row lock held by another writer is waited for.
        """
        with self._translate(), self.engine.connect() as conn, conn.begin():
            # One round trip: bound the wait, then queue for the database's write lock
            # (released by COMMIT or ROLLBACK, also when the connection drops).
            conn.exec_driver_sql(
                f"SET LOCAL lock_timeout = {int((wait_s or LOCK_TIMEOUT_S) * 1000)}; "
                f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            yield conn

    def checkpoint(self) -> None:
        """Nothing to do: the server checkpoints on its own."""

    def data_version(self) -> int | None:
        """A counter that moves whenever anyone commits a change to an answer or a
        response (LISTEN/NOTIFY; no table read), as SQLite's ``PRAGMA data_version``
        does for a file; None while the server cannot be heard (read the tables)."""
        return self._listener.version()

    def change_notifier(self) -> ChangeListener:
        """What tells open windows at once that someone committed (LISTEN/NOTIFY)."""
        return self._listener

    def close(self) -> None:
        """Stop listening and close every connection."""
        self._listener.stop()
        super().close()

    def schema_version(self) -> int:
        """The schema version recorded in ``consultdesk_schema``."""
        with self.read() as conn:
            return int(conn.exec_driver_sql(
                f"SELECT version FROM {migrations.PG_SCHEMA_TABLE}").scalar_one())

    def integrity_check(self) -> str:
        """PostgreSQL's equivalent of SQLite's check: "ok" or the problems found.

        The server guarantees its pages itself; this checks what ConsultDesk relies on:
        the schema version, and that no answer or revision points at a missing response
        and no question holds two rows for one entry.
        """
        problems: list[str] = []
        with self.read() as conn:
            version = self._scalar(conn, f"SELECT version FROM {migrations.PG_SCHEMA_TABLE}")
            if version != migrations.LATEST:
                problems.append(f"schema version {version}, expected {migrations.LATEST}")
            for table in ("answer", "answer_revision"):
                orphans = self._scalar(
                    conn, f"SELECT count(*) FROM {table} t LEFT JOIN response r "
                          "ON r.id = t.response_id WHERE r.id IS NULL")
                if orphans:
                    problems.append(f"{orphans} rows of {table} without a response")
            doubles = self._scalar(
                conn, "SELECT count(*) FROM (SELECT 1 FROM answer GROUP BY response_id, "
                      "question_id, entry HAVING count(*) > 1) d")
            if doubles:
                problems.append(f"{doubles} answers stored twice")
        return "\n".join(problems) or "ok"

    @staticmethod
    def _scalar(conn: Connection, sql: str) -> Any:
        return conn.exec_driver_sql(sql).scalar_one()

    def search_indexed(self) -> bool:
        """Whether the search has its pg_trgm index (without it, it scans every answer)."""
        with self.read() as conn:
            return pg_search_index.trigram_index_present(conn)

    def role(self) -> str:
        """The database role this ConsultDesk works as (recorded with every revision)."""
        with self.read() as conn:
            return str(conn.exec_driver_sql("SELECT current_user").scalar_one())

    @contextmanager
    def _translate(self) -> Iterator[None]:
        """Turn server failures into errors a user can act on (the transaction is undone)."""
        import psycopg

        try:
            yield
        except UnicodeEncodeError as exc:
            raise AnswerError(
                "the text contains a character that cannot be saved (an unpaired surrogate at "
                "character {value}); nothing was saved. Delete it and type the character again.",
                value=exc.start + 1) from None
        except ServerUnreachableError:
            raise
        except DBAPIError as exc:
            orig = exc.orig
            if isinstance(orig, psycopg.errors.DiskFull):
                raise StorageFullError(
                    "the team database server {where} is out of disk space: the last change was "
                    "not saved and the previous text is kept; tell the server's administrator",
                    where=self.where) from None
            # Deadlocks and serialization failures are OperationalErrors to psycopg, but the
            # server is there: the transaction was undone and can simply be tried again.
            if isinstance(orig, psycopg.errors.LockNotAvailable | psycopg.errors.TransactionRollback):
                raise DatabaseError(
                    "the team database {where} is busy (another writer holds this answer); try "
                    "again",
                    where=self.where) from None
            if isinstance(orig, psycopg.errors.ReadOnlySqlTransaction):
                raise DatabaseError(
                    "the team database {where} is read-only (a standby server?); connect to the "
                    "primary",
                    where=self.where) from None
            if isinstance(orig, psycopg.errors.InsufficientPrivilege):
                raise DatabaseError(
                    "the database role may not do this on {where} ({value})",
                    where=self.where, value=pg_connect._first_line(orig)) from None
            if isinstance(orig, psycopg.OperationalError) or exc.connection_invalidated:
                raise pg_connect.lost(self.url, orig or exc) from None
            raise


def _make_search_index(conn: Any) -> None:
    """The trigram index, if pg_trgm has appeared since the schema was made (an
    administrator ran CREATE EXTENSION): one catalog query when it is there already."""
    import psycopg

    try:
        if not pg_search_index.trigram_index_present(conn):
            pg_search_index.ensure_trigram_index(conn)
        conn.commit()
    except psycopg.errors.InsufficientPrivilege:
        conn.rollback()  # not the table's owner: the search scans until the owner opens


#: A pooled connection idle for longer than this is pinged before use (one round trip);
#: one used more recently (the autosave while someone types) is not.
PING_AFTER_IDLE_S = 2.0


def _make_engine(url: str) -> Engine:
    """A pooled engine whose connections libpq makes from the URL as given."""
    engine = create_engine(
        "postgresql+psycopg://",
        creator=lambda: pg_connect.connect(url),
        poolclass=QueuePool, pool_size=3, max_overflow=5,
    )

    # A connection the server dropped (restart, network) is noticed before use and
    # replaced, instead of failing the next save - as pool_pre_ping does, but only for a
    # connection that sat idle: pinging before every autosave was a sixth of its time.
    # A drop within the last PING_AFTER_IDLE_S fails that one save, which then goes to
    # the outbox and is sent at the next attempt.
    @event.listens_for(engine, "checkin")
    def _checkin(_dbapi: Any, record: Any) -> None:
        record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _checkout(dbapi: Any, record: Any, _proxy: Any) -> None:
        since = record.info.get("idle_since")
        if since is None or time.monotonic() - since < PING_AFTER_IDLE_S:
            return
        try:
            alive = engine.dialect.do_ping(dbapi)
        except Exception:
            alive = False
        if not alive:
            raise DisconnectionError()  # the pool replaces it and checks out again

    return engine
