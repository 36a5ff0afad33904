"""Free disk space: naming a full disk as a full disk, and checking before a copy starts.

SQLite reports a full disk in several ways: SQLITE_FULL when a page cannot be
written, but SQLITE_IOERR (e.g. ``SHMSIZE`` when the ``-shm`` file cannot grow) or
SQLITE_CANTOPEN when its ``-wal``/``-shm`` files cannot be made.  None of these is
damage; :func:`io_error` tells them apart by asking the file system how much is
free, so no full disk is ever called a damaged database.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

from consultdesk.domain.errors import ConsultDeskError, Message
from consultdesk.storage.errors import DatabaseError, StorageFullError

#: Below this much free space SQLite may fail to make its -wal and -shm files (32 KiB
#: for the shared memory, a few pages of WAL): the disk is full for ConsultDesk.
MIN_FREE_TO_OPEN = 512 * 1024
#: Room kept free beyond what a copy needs (the copy's own journal, the file system).
COPY_MARGIN = 1024 * 1024
_NO_SPACE = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def size_text(n: int) -> str:
    """A size as a person says it (``512 KB``, ``3.2 MB``)."""
    if n < 1024 * 1024:
        return f"{max(n, 0) // 1024} KB"
    if n < 1024 ** 3:
        return f"{n / 1024 ** 2:.1f} MB"
    return f"{n / 1024 ** 3:.1f} GB"


def free_bytes(folder: Path) -> int | None:
    """Free space where ``folder`` is (its nearest existing parent); None if unknown."""
    probe = Path(folder)
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free
    except OSError:
        return None


def is_full(folder: Path, needed: int = MIN_FREE_TO_OPEN) -> bool:
    """Whether less than ``needed`` bytes are free where ``folder`` is."""
    free = free_bytes(folder)
    return free is not None and free < needed


def full_error(folder: Path, what: Message, needed: int = MIN_FREE_TO_OPEN) -> StorageFullError:
    """The error for a full disk: what could not be done and how much space it needs."""
    free = free_bytes(folder)
    have = size_text(free) if free is not None else "?"
    return StorageFullError(
        "the disk holding {folder} is full ({free} free): {what}; free at least {needed} "
        "and try again. Nothing was changed and nothing is damaged.", folder=folder,
        free=have, what=what, needed=size_text(max(needed - (free or 0), COPY_MARGIN)))


def require_space(folder: Path, needed: int, what: Message) -> None:
    """Refuse to start ``what`` unless ``needed`` bytes (and a margin) are free."""
    free = free_bytes(folder)
    if free is not None and free < needed + COPY_MARGIN:
        raise full_error(folder, what, needed + COPY_MARGIN)


def is_no_space(exc: OSError) -> bool:
    """Whether an OS error means the disk (or the user's quota) is full."""
    return exc.errno in _NO_SPACE


def io_error(path: Path, detail: str, *, writing: bool) -> ConsultDeskError:
    """A SQLite I/O or cannot-open failure, named for what it is: a full disk, or I/O."""
    if is_full(path.parent):
        what = (Message("the change was not saved (the previous text is kept)") if writing
                else Message("SQLite cannot make the small files it needs beside the database"))
        return full_error(path.parent, what)
    return DatabaseError(
        "the database {path} could not be read or written ({detail}); this is an "
        "input/output error, not damage: check the disk or the network share and try again",
        detail=detail, path=path)
