"""The safety net: a session that changed something leaves a backup holding that change."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from consultdesk.app_context import AppContext
from consultdesk.storage.backup import backup_time, list_backups, session_backup
from consultdesk.storage.database import Database

OHCHR = "ohchr-civic-space-2021"


def titles_in(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return sorted(r[0] for r in conn.execute("SELECT title FROM response"))
    finally:
        conn.close()


def test_the_first_day_backup_holds_the_first_days_work(tmp_path: Path) -> None:
    context = AppContext.open(tmp_path)
    context.responses.create(OHCHR, "Day one draft")
    context.close()
    [newest] = list_backups(tmp_path)  # the open-time copy was replaced within the hour
    assert titles_in(newest) == ["Day one draft"]


def test_a_session_that_only_reads_takes_no_backup(tmp_path: Path) -> None:
    context = AppContext.open(tmp_path)
    context.responses.create(OHCHR, "Draft")
    context.close()
    before = list_backups(tmp_path)
    for _ in range(3):
        context = AppContext.open(tmp_path)
        context.responses.list()  # recounts progress: a cache, not a change
        context.close()
    assert list_backups(tmp_path) == before


def test_never_more_than_one_an_hour_and_the_newest_holds_the_last_change(
        tmp_path: Path) -> None:
    start = datetime(2026, 12, 1, 9, 5, tzinfo=UTC)
    with Database.open(tmp_path) as db:
        made = []
        for minutes in (0, 10, 50):  # three sessions in one hour
            made.append(session_backup(db, now=start + timedelta(minutes=minutes)))
        assert list_backups(tmp_path) == [made[-1]]
        later = session_backup(db, now=start + timedelta(hours=1, minutes=1))
        assert list_backups(tmp_path) == [later, made[-1]]
        # A day later: one copy per hour of the last 24 hours, then one per day.
        for hours in range(2, 30):
            session_backup(db, now=start + timedelta(hours=hours))
        times = [backup_time(p) for p in list_backups(tmp_path)]
        hours_seen = [t.replace(minute=0, second=0) for t in times]
        assert len(hours_seen) == len(set(hours_seen))
        newest = start + timedelta(hours=29)
        assert times[0] == newest.replace(microsecond=0)
        assert all(newest - t < timedelta(hours=24) for t in times[:-1])


def test_old_automatic_copies_keep_one_a_day_for_a_week(tmp_path: Path) -> None:
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    with Database.open(tmp_path) as db:
        for day in range(12):
            for hour in (0, 3, 6):
                session_backup(db, now=start + timedelta(days=day, hours=hour))
    days = [backup_time(p).date() for p in list_backups(tmp_path)]
    older = [d for d in days if d < (start + timedelta(days=11)).date()]
    assert len(older) == len(set(older)) <= 7
