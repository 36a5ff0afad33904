"""Team database use cases: testing a connection, moving a data folder to a team database
(``team push``) and taking a personal copy of one (``team pull``).

Works on databases it opens itself (the local SQLite file of a data folder and a team
database), so it is built by the composition root on a data folder, not on an open
context.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from consultdesk.domain.errors import Message
from consultdesk.storage import transfer
from consultdesk.storage.database import Database, database_path
from consultdesk.storage.pg_database import PgDatabase


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """What a successful connection test found."""

    server: str
    role: str
    schema_version: int
    responses: int
    #: Whether the search has its trigram index (pg_trgm); without it, it scans.
    search_indexed: bool = True


@dataclass(frozen=True, slots=True)
class TransferSummary:
    """What a push or pull copied (rows per table) and what it left alone (merge)."""

    source: str
    destination: str
    copied: dict[str, int]
    skipped_responses: tuple[str, ...]

    @property
    def responses(self) -> int:
        """How many responses were copied."""
        return self.copied.get("response", 0)


class TeamService:
    """Connection tests and copies between a data folder and a team database."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)

    def check_connection(self, url: str) -> ConnectionCheck:
        """Connect (creating or upgrading the schema) and report; raises the same one-line
        errors as opening it (ServerUnreachableError, DatabaseError)."""
        with PgDatabase.open_url(self.data_dir, url) as db:
            counts = transfer.content_counts(db)
            return ConnectionCheck(db.where, db.role(), db.schema_version(),
                                   counts.get("response", 0), db.search_indexed())

    def remember_password(self, url: str, password: str) -> str:
        """Keep the team database's password in the system keyring (used only when libpq's
        own mechanisms supply none); the keyring account.  DatabaseError without a keyring."""
        from consultdesk.storage import pg_connect, pg_keyring

        # A URL with a password in it is refused here too, as everywhere.
        return pg_keyring.set_password(pg_connect.parse_url(url), password)

    def forget_password(self, url: str) -> bool:
        """Remove the kept password (False if none was kept)."""
        from consultdesk.storage import pg_connect, pg_keyring

        return pg_keyring.delete_password(pg_connect.parse_url(url))

    def push(self, url: str, *, merge: bool = False) -> TransferSummary:
        """Copy this data folder's responses into the (empty, unless ``merge``) team database."""
        with Database.open(self.data_dir) as local, \
                PgDatabase.open_url(self.data_dir, url) as team:
            report = transfer.copy_all(local, team, merge=merge,
                                       describe_dest=Message("the team database {where}",
                                                             where=team.where))
            return TransferSummary(str(database_path(self.data_dir)), team.where,
                                   report.copied, tuple(report.skipped_responses))

    def pull(self, url: str, *, merge: bool = False) -> TransferSummary:
        """Copy the team database's responses into this (empty, unless ``merge``) data folder."""
        with PgDatabase.open_url(self.data_dir, url) as team, \
                Database.open(self.data_dir) as local:
            path = database_path(self.data_dir)
            report = transfer.copy_all(team, local, merge=merge,
                                       describe_dest=Message("the data folder's database {path}",
                                                             path=path))
            return TransferSummary(team.where, str(path), report.copied,
                                   tuple(report.skipped_responses))
