"""Where the files of a data folder live: the database and its backups, and their names.

Plain path arithmetic (no SQLite), so that the database, the backups and the
inspection of a file can all use it without importing one another.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

DB_FILE_NAME = "consultdesk.sqlite3"
BACKUP_DIR_NAME = "backups"
STAMP = "%Y%m%d-%H%M%S"
_NAME = re.compile(r"^consultdesk-(\d{8}-\d{6})(?:-(.+))?\.sqlite3$")


def database_path(data_dir: Path) -> Path:
    """Where the database of a data dir lives."""
    return data_dir / DB_FILE_NAME


def backup_dir(data_dir: Path) -> Path:
    """Where the backups of a data dir are kept."""
    return data_dir / BACKUP_DIR_NAME


def now() -> datetime:
    return datetime.now(UTC)


def backup_name(when: datetime, kind: str = "") -> str:
    return f"consultdesk-{when:{STAMP}}{'-' + kind if kind else ''}.sqlite3"


def _stamp_time(stamp: str) -> datetime:
    """A ``STAMP`` ("20261201-093000", as ``_NAME`` matched it) as a UTC time.

    Sliced by hand, not ``datetime.strptime``: its first call imports ``_strptime`` and
    compiles the format's pattern (~1 ms of every command's start, which looks at the
    newest backup).  ValueError for digits that are no time, as strptime (which also
    refuses the non-ASCII digits ``\\d`` lets through).
    """
    if not stamp.isascii():
        raise ValueError(stamp)
    return datetime(int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]), int(stamp[9:11]),
                    int(stamp[11:13]), int(stamp[13:15]), tzinfo=UTC)


def backup_time(path: Path) -> datetime:
    """When a backup was made (from its name; its modification time otherwise)."""
    m = _NAME.match(path.name)
    if m:
        try:
            return _stamp_time(m.group(1))
        except ValueError:
            pass  # "consultdesk-99999999-999999.sqlite3": digits, but not a time
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def backup_kind(path: Path) -> str | None:
    """The kind in a backup's name ("manual", "before-upgrade-..."); None for a daily one."""
    m = _NAME.match(path.name)
    return m.group(2) if m else None


def list_backups(data_dir: Path) -> list[Path]:
    """Every backup of the data dir, newest first."""
    folder = backup_dir(data_dir)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if _NAME.match(p.name) and p.is_file()]
    return sorted(found, key=lambda p: (backup_time(p), p.name), reverse=True)


def newest_backup(data_dir: Path) -> Path | None:
    """The newest backup, or None."""
    found = list_backups(data_dir)
    return found[0] if found else None


def upgrade_backup_path(data_dir: Path, version: int) -> Path:
    """Where the copy taken before upgrading from schema ``version`` goes."""
    return backup_dir(data_dir) / backup_name(now(), f"before-upgrade-from-schema-{version}")


def manual_backup_path(data_dir: Path) -> Path:
    """Where ``consultdesk backup`` puts a copy when no ``--out`` is given."""
    return backup_dir(data_dir) / backup_name(now(), "manual")


def repair_backup_path(data_dir: Path) -> Path:
    """Where ``consultdesk repair`` keeps the database as it was before repairing."""
    return backup_dir(data_dir) / backup_name(now(), "before-repair")
