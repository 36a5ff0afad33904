"""Rolling daily backups, copies while writing, and the writer lock."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.storage.backup import (
    backup_time,
    backup_to,
    daily_backup,
    list_backups,
    newest_backup,
)
from consultdesk.storage.database import Database
from consultdesk.storage.errors import AlreadyRunningError
from consultdesk.storage.instance_lock import WriterLock

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


def responses_in(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(conn.execute("SELECT count(*) FROM response").fetchone()[0])
    finally:
        conn.close()


def test_one_rolling_backup_a_day_and_only_the_last_kept(tmp_path: Path) -> None:
    with Database.open(tmp_path) as db:
        assert list_backups(tmp_path) == []  # the database alone copies nothing
        AppContext.open(tmp_path).close()
        [first] = list_backups(tmp_path)  # opening the app made today's copy
        AppContext.open(tmp_path).close()
        assert list_backups(tmp_path) == [first]  # not twice a day
        start = backup_time(first)
        made = [daily_backup(db, keep=3, now=start + timedelta(days=d)) for d in range(1, 6)]
        assert all(m is not None for m in made)
        assert list_backups(tmp_path) == list(reversed(made))[:3]
        assert daily_backup(db, keep=3, now=start + timedelta(days=5, hours=23)) is None
        assert newest_backup(tmp_path) == made[-1]


def test_backup_is_a_consistent_copy_of_what_was_saved(tmp_path: Path) -> None:
    ctx = AppContext.open(tmp_path / "data")
    try:
        for i in range(20):
            rid = ctx.responses.create("ohchr-civic-space-2021", f"R{i}")
            ctx.responses.save_answer(rid, "q1", "text " * 500, base_version=None, author=TESTER)
        copy = backup_to(ctx.database, tmp_path / "out" / "copy.sqlite3")
        # The copy stands alone: one file, no WAL needed beside it.
        assert sorted(p.name for p in copy.parent.iterdir()) == ["copy.sqlite3"]
        assert responses_in(copy) == 20
    finally:
        ctx.close()


def test_writer_lock_is_exclusive_and_names_the_holder(tmp_path: Path) -> None:
    lock = WriterLock.acquire(tmp_path)
    with pytest.raises(AlreadyRunningError, match=r"already running .*\(process \d+\)"):
        WriterLock.acquire(tmp_path)
    lock.release()
    WriterLock.acquire(tmp_path).release()


def test_writer_lock_held_by_a_killed_process_is_free(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, pathlib; from consultdesk.storage.instance_lock import WriterLock;"
         f"l = WriterLock.acquire(pathlib.Path({str(tmp_path)!r})); print('held', flush=True);"
         "sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunningError, match=f"process {child.pid}"):
            WriterLock.acquire(tmp_path)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    WriterLock.acquire(tmp_path).release()  # no stale lock after a crash
