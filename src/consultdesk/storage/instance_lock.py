"""One writer per data dir: the desktop app holds an OS file lock while it runs.

An OS lock (``flock`` / ``LockFileEx`` through ``msvcrt``) rather than a "pid file":
the OS releases it when the process dies, even from SIGKILL or a power cut, so a
crash never leaves a stale lock that stops the next start.  The CLI does not take
it for reading and small writes (SQLite's WAL lets them run beside the GUI); only
``consultdesk restore`` does, because it swaps the file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO

from consultdesk.domain.errors import Message
from consultdesk.storage.errors import AlreadyRunningError

LOCK_FILE_NAME = "consultdesk.lock"


def _try_lock(handle: IO[bytes]) -> bool:
    """Take an exclusive, non-blocking lock on an open file; False if held elsewhere."""
    if sys.platform == "win32":
        import msvcrt

        try:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class WriterLock:
    """The lock that makes one ConsultDesk window the writer of a data dir."""

    def __init__(self, path: Path, handle: IO[bytes]) -> None:
        self.path = path
        self._handle: IO[bytes] | None = handle

    @classmethod
    def acquire(cls, data_dir: Path) -> WriterLock:
        """Take the lock (AlreadyRunningError, naming the holder's process, if held)."""
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / LOCK_FILE_NAME
        # Opened without truncating, so a refused attempt does not erase the holder's pid.
        # Unbuffered, so a pid that cannot be written (a full disk) is not retried at close.
        handle = open(path, "a+b", buffering=0)  # noqa: SIM115 - held for the lock's lifetime
        if not _try_lock(handle):
            handle.seek(0)
            holder = handle.read(32).decode("ascii", "replace").strip()
            handle.close()
            who = Message(" (process {holder})", holder=holder) if holder.isdigit() else ""
            raise AlreadyRunningError(
                "ConsultDesk is already running on the data dir {data_dir}{who}; switch to that "
                "window, or start this one with another data dir",
                data_dir=data_dir, who=who)
        handle.seek(0)
        handle.truncate()
        try:
            handle.write(str(os.getpid()).encode("ascii"))
            handle.flush()
        except OSError:
            # The pid is only a hint for the message above; the OS lock is what counts
            # (a full disk must not stop a restore or the app from starting).
            pass
        return cls(path, handle)

    def release(self) -> None:
        """Give the lock up (closing the file releases it)."""
        if self._handle is not None:
            try:
                self._handle.close()
            except OSError:
                pass  # closing releases the lock whatever else it reports
            self._handle = None

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
