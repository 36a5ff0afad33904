"""Backup names: the time a backup was made, read from its name."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from consultdesk.storage.locations import STAMP, backup_name, backup_time

MTIME = 1_700_000_000


@pytest.mark.parametrize("stamp", [
    "20261201-093000", "00010101-000000", "99991231-235959", "20240229-120000",
    # digits that are no time: the file's modification time instead, as before
    "99999999-999999", "00000101-000000", "20261301-000000", "20250229-000000",
    "20261201-240000", "20261201-236000", "20261201-235960", "20261200-000000",
    "٢٠٢٦١٢٠١-٠٩٣٠٠٠",  # Arabic-Indic digits: \d matches them, strptime refuses them
])
def test_backup_time_reads_the_stamp_as_strptime_does(tmp_path: Path, stamp: str) -> None:
    path = tmp_path / f"consultdesk-{stamp}-daily.sqlite3"
    path.write_bytes(b"")
    os.utime(path, (MTIME, MTIME))
    try:
        expected = datetime.strptime(stamp, STAMP).replace(tzinfo=UTC)
    except ValueError:
        expected = datetime.fromtimestamp(MTIME, UTC)
    assert backup_time(path) == expected


def test_a_backup_name_gives_back_its_time(tmp_path: Path) -> None:
    when = datetime(2026, 12, 1, 9, 30, 5, tzinfo=UTC)
    path = tmp_path / backup_name(when, "daily")
    path.write_bytes(b"")
    assert backup_time(path) == when
