"""The errors a front end may need to tell apart, re-exported so the ui never imports storage."""

from __future__ import annotations

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.storage.errors import (
    AlreadyRunningError,
    DamagedDatabaseError,
    DatabaseError,
    NewerSchemaError,
    ReadOnlyDataDirError,
    StorageFullError,
)

__all__ = [
    "AlreadyRunningError", "ConsultDeskError", "DamagedDatabaseError", "DatabaseError",
    "NewerSchemaError", "ReadOnlyDataDirError", "StorageFullError",
]
