"""Writing the file: to a temporary file beside it, then an atomic replace.

A failed export never leaves a half-written file and never destroys the
previous one.  Every failure a user can cause (a file open in Word, a read-only
folder, a full disk) becomes an :class:`ExportError` with a message that says
what to do.
"""

from __future__ import annotations

import errno
import io
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from consultdesk.domain.errors import ConsultDeskError, Message
from consultdesk.domain.files import (
    check_output_target,
    clean_stale_partials,
    os_reason,
    partial_path,
)


class ExportError(ConsultDeskError):
    """The export could not be written (the message says why and what to do)."""


class OutputLockedError(ExportError):
    """The output file is open in another program, or locked."""


class OutputNotWritableError(ExportError):
    """The output file or its folder is read-only or not ours to write."""


def lock_files(path: Path) -> list[Path]:
    """Lock files that word processors keep beside a document they have open."""
    name = path.name
    candidates = [
        path.with_name(f".~lock.{name}#"),  # LibreOffice
        path.with_name(f"~${name}"),  # Word, short names
        path.with_name(f"~${name[2:]}"),  # Word, longer names lose two characters
    ]
    return [c for c in candidates if c.exists()]


def _check_target(path: Path) -> None:
    """Refuse, before any work, a target that cannot or must not be replaced."""
    if path.is_dir():
        raise ExportError(
            "{path} is a folder; choose a file name ending in .docx.",
            path=path)
    folder = path.parent
    if not folder.is_dir():
        raise ExportError(
            "The folder {folder} does not exist; choose another place.",
            folder=folder)
    locks = lock_files(path)
    if locks:
        raise OutputLockedError(
            "{name} seems to be open in a word processor ({name2} exists). Close it there and "
            "export again; nothing was written.",
            name=path.name, name2=locks[0].name)
    # Never a device, a FIFO, a live database or its journal (domain.files says which).
    check_output_target(path, ExportError, Message("the document"))
    if _is_sqlite(path):
        raise ExportError("{path} is a database, not a document; choose another file name. "
                          "Nothing was written.", path=path)
    if path.exists() and not path.stat().st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise OutputNotWritableError(
            "{path} is read-only; choose another file name or make it writable. Nothing was "
            "written.",
            path=path)


def _message(exc: OSError, path: Path, stage: str) -> ExportError:
    """A user's message for an operating-system error at one stage of writing."""
    code = exc.errno
    if code in (errno.EACCES, errno.EPERM, errno.EROFS):
        if stage == "replace":
            return OutputLockedError(
                "{name} cannot be replaced: it is open in another program or locked. Close it "
                "and export again; the previous file is unchanged.",
                name=path.name)
        return OutputNotWritableError(
            "Cannot write in the folder {parent} (read-only or no permission); choose another "
            "folder. Nothing was written.",
            parent=path.parent)
    if code == errno.ENOSPC:
        return ExportError(
            "The disk holding {parent} is full; free some space and export again. Nothing was "
            "written.",
            parent=path.parent)
    if code == errno.EDQUOT:
        return ExportError(
            "Your disk quota for {parent} is used up. Nothing was written.",
            parent=path.parent)
    if code == errno.ENAMETOOLONG:
        return ExportError(
            "The file name {name} is too long; choose a shorter one.",
            name=path.name)
    return ExportError(
        "Could not write {path}: {reason}. Nothing was written.",
        path=path, reason=os_reason(exc))


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a file through ``write(stream)`` so that it appears whole or not at all (what
    ``write`` returns, e.g. a byte count, is not used)."""
    path = Path(path).expanduser().absolute()
    _check_target(path)
    # Built in memory first: a failure while writing the file (a full disk) then never
    # leaves a half-built zip object behind to complain at exit, and the file write is
    # one short step.
    buffer = io.BytesIO()
    write(buffer)
    clean_stale_partials(path.parent)  # left by an export that was killed
    temp = partial_path(path)
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o600)
    except OSError as exc:
        raise _message(exc, path, "create") from None
    try:
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(buffer.getbuffer())
                stream.flush()
                os.fsync(stream.fileno())
            _copy_mode(path, temp)
        except OSError as exc:
            raise _message(exc, path, "write") from None
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise _message(exc, path, "replace") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _fsync_folder(path.parent)


def _is_sqlite(path: Path) -> bool:
    """Whether ``path`` is an existing SQLite database (never overwritten by an export)."""
    try:
        with path.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _copy_mode(path: Path, temp: Path) -> None:
    """Give the new file the old one's permissions, or the usual ones for a new file."""
    if path.exists():
        os.chmod(temp, stat.S_IMODE(path.stat().st_mode))
        return
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows it (not on Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
