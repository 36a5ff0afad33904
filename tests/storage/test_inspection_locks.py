"""Inspecting a database this process already has open keeps the process's SQLite locks.

Closing any descriptor of a file drops every POSIX lock the process holds on it.  These
tests hold a real write transaction through one connection, inspect the same file in
the same process, and then ask a second, real process to do what those locks forbid:
take the write lock, or take the file out of WAL mode (SQLite needs an exclusive lock
on the database file for that; it would checkpoint and drop the WAL under our write).
With the header read by a plain open()/close() the second process got the exclusive
lock and switched the file to journal_mode=delete in the middle of our transaction.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from consultdesk.domain.errors import Message
from consultdesk.storage.database import Database
from consultdesk.storage.errors import DamagedDatabaseError
from consultdesk.storage.inspection import confirm_damage, damaged, inspect_database

#: Run in a second process: what it may do to the file right now (timeout 0: no waiting).
_PROBE = r"""
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=0, isolation_level=None)
out = []
try:
    c.execute("BEGIN IMMEDIATE")
    out.append("write-lock-taken")
    c.execute("ROLLBACK")
except sqlite3.OperationalError:
    out.append("write-lock-refused")
try:
    out.append("journal-mode-" + c.execute("PRAGMA journal_mode=DELETE").fetchone()[0])
except sqlite3.OperationalError:
    out.append("journal-mode-refused")
c.close()
print(" ".join(out))
"""


def _second_process(path: Path) -> list[str]:
    done = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout.split()


def _open_again(path: Path) -> None:
    """A second Database on the same file (two contexts in one process, as tests do)."""
    Database.open(path.parent).close()


@pytest.mark.parametrize("inspect", [inspect_database, confirm_damage, _open_again],
                         ids=["inspect_database", "confirm_damage", "second_open"])
def test_inspecting_an_open_database_keeps_this_process_locks(
        tmp_path: Path, inspect: Callable[[Path], object]) -> None:
    db = Database.open(tmp_path)
    try:
        with db.write() as conn:
            conn.execute(text("CREATE TABLE probe_rows (n INTEGER)"))
            conn.execute(text("INSERT INTO probe_rows VALUES (1)"))
            # Without the inspection the second process is refused both (the baseline).
            assert _second_process(db.path) == ["write-lock-refused",
                                                "journal-mode-refused"]
            inspect(db.path)
            assert _second_process(db.path) == ["write-lock-refused",
                                                "journal-mode-refused"]
            conn.execute(text("INSERT INTO probe_rows VALUES (2)"))
        with db.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM probe_rows")).scalar_one() == 2
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert conn.execute(text("PRAGMA integrity_check")).scalar_one() == "ok"
    finally:
        db.close()


@pytest.mark.parametrize("content", [b"not a database at all " * 20, b"short",
                                     b"SQLite format 3\x00" + b"\xff" * 84 + b"\x00" * 4000],
                         ids=["text", "short", "bad-page-size"])
def test_a_file_that_is_not_sqlite_is_still_named_so(tmp_path: Path, content: bytes) -> None:
    """SQLite reads the header now; a file that is not one is still said to be not one."""
    path = tmp_path / "consultdesk.sqlite3"
    path.write_bytes(content)
    expected = str(damaged(path, Message("is not a SQLite database (damaged or overwritten)")))
    with pytest.raises(DamagedDatabaseError) as caught:
        inspect_database(path)
    assert str(caught.value) == expected
    assert confirm_damage(path) == "it is not a SQLite database"
    assert path.read_bytes() == content  # never changed


def test_an_empty_file_is_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "consultdesk.sqlite3"
    path.write_bytes(b"")
    assert inspect_database(path) == 0
    assert path.read_bytes() == b""


def test_a_whole_database_is_confirmed_whole(tmp_path: Path) -> None:
    db = Database.open(tmp_path)
    db.close()
    assert confirm_damage(db.path) is None
    with sqlite3.connect(db.path) as conn:  # and inspection did not leave it changed
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_a_users_file_that_is_the_open_database_is_refused_unopened(tmp_path: Path) -> None:
    """Receiving (or importing) the database file itself, e.g. picked by mistake in a file
    dialog, must not open and close it: this process's write would lose its locks."""
    from consultdesk.app_context import AppContext
    from consultdesk.services.contributions import ReceiveError

    context = AppContext.open(tmp_path)
    try:
        path = tmp_path / "consultdesk.sqlite3"
        with context.database.write() as conn:
            conn.execute(text("CREATE TABLE probe_rows (n INTEGER)"))
            with pytest.raises(ReceiveError, match="is the database ConsultDesk has open"):
                context.contributions.receive(path)
            assert _second_process(path) == ["write-lock-refused", "journal-mode-refused"]
    finally:
        context.close()
    # Closed: the same file is read like any other (and refused for what it holds).
    other = AppContext.open(tmp_path / "other")
    try:
        with pytest.raises(ReceiveError) as caught:
            other.contributions.receive(path)
    finally:
        other.close()
    assert "has open" not in str(caught.value)


def test_an_output_target_that_is_an_open_database_is_refused_unopened(tmp_path: Path) -> None:
    """A second data folder's database, open in this process, picked as an export target:
    refused by its identity before the export peeks at its first bytes (open, close)."""
    from consultdesk.domain.files import check_output_target
    from consultdesk.storage.errors import DatabaseError

    db = Database.open(tmp_path / "other")
    try:
        with db.write() as conn:
            conn.execute(text("CREATE TABLE probe_rows (n INTEGER)"))
            with pytest.raises(DatabaseError, match="is a database ConsultDesk has open"):
                check_output_target(db.path, DatabaseError, Message("the document"))
            assert _second_process(db.path) == ["write-lock-refused", "journal-mode-refused"]
    finally:
        db.close()
    check_output_target(tmp_path / "other" / "fine.docx", DatabaseError, Message("the document"))
