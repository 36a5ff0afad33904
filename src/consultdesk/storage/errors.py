"""Errors the storage raises; each message names the file and what the user can do."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.errors import ConsultDeskError


class DatabaseError(ConsultDeskError):
    """The database file cannot be used (damaged, not ours, unreadable, unwritable)."""

    def __init__(self, template: str, /, *, path: Path | None = None,
                 backup: Path | None = None, **params: object) -> None:
        super().__init__(template, path=path, backup=backup, **params)
        #: The database file concerned.
        self.path = path
        #: The newest backup it can be restored from, if there is one.
        self.backup = backup


class DamagedDatabaseError(DatabaseError):
    """The file is not a ConsultDesk database, or it is truncated or corrupt."""


class NewerSchemaError(DatabaseError):
    """The database was written by a newer ConsultDesk; it is left untouched."""


class ReadOnlyDataDirError(DatabaseError):
    """The data dir (or the database file) cannot be written."""


class StorageFullError(ConsultDeskError):
    """The disk (or the database's size limit) is full; nothing was changed."""


class AlreadyRunningError(ConsultDeskError):
    """Another ConsultDesk window already writes to this data dir."""
