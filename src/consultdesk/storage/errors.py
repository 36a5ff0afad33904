"""Errors the storage raises; each message names the file and what the user can do."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.errors import ConsultDeskError, Message


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


class UnreadableResponseError(ConsultDeskError):
    """A response's stored data cannot be read (the message names the value and the repair)."""

    def __init__(self, response_id: str, problem: Message | ConsultDeskError, *,
                 advice: Message | None = None) -> None:
        # Both parts are Messages (or errors), so the whole reads in the user's language.
        advice = advice or Message("'consultdesk repair {response_id}' repairs it (from its "
                                   "revisions, after a backup copy), or restore a backup",
                                   response_id=response_id)
        super().__init__("the response {response_id} cannot be read: {problem}. Nothing was "
                         "changed; {advice}", response_id=response_id, problem=problem,
                         advice=advice)
        self.response_id = response_id
        self.problem = problem
