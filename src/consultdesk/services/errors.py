"""The errors a front end may need to tell apart, re-exported so the ui never imports storage."""

from __future__ import annotations

import sys

from consultdesk.domain.errors import ConsultDeskError, Message, ServerUnreachableError
from consultdesk.storage.errors import (
    AlreadyRunningError,
    DamagedDatabaseError,
    DatabaseError,
    NewerSchemaError,
    ReadOnlyDataDirError,
    StorageFullError,
    UnreadableResponseError,
)

__all__ = [
    "AlreadyRunningError",
    "ConsultDeskError",
    "DamagedDatabaseError",
    "DatabaseError",
    "Message",
    "NewerSchemaError",
    "ReadOnlyDataDirError",
    "ServerUnreachableError",
    "StorageFullError",
    "UnreadableResponseError",
    "one_line",
    "os_error_text",
    "print_error",
]


def os_error_text(error: OSError) -> str:
    """An OSError as a user reads it: "FILE: reason" (no errno, no traceback)."""
    where = f"{error.filename}: " if error.filename else ""
    return f"{where}{error.strerror or error}"


def one_line(message: str) -> str:
    """A message flattened onto one line (what goes to stderr)."""
    return " ".join(message.split())


def print_error(message: str) -> None:
    """The one stderr line of a failing command or start: ``consultdesk: MESSAGE``."""
    print(f"consultdesk: {one_line(message)}", file=sys.stderr)
