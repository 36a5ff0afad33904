"""The composition root: opens the database on a data dir and wires every service.

Nothing else creates engines or services; the CLI and the GUI each build one
:class:`AppContext` and pass it (or the services in it) down.  The GUI comes in
through a :class:`consultdesk.launcher.Launcher`, which takes the writer lock and can
recover a damaged database before the context is opened.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.services.catalog import CatalogService
from consultdesk.services.maintenance import MaintenanceService
from consultdesk.services.response_listing import ResponseListing
from consultdesk.services.settings import Settings
from consultdesk.storage.database import Database
from consultdesk.storage.questionnaire_repository import QuestionnaireRepository
from consultdesk.storage.response_repository import ResponseRepository

if TYPE_CHECKING:
    from consultdesk.services.changes import ChangeNotifier
    from consultdesk.services.contributions import ContributionService
    from consultdesk.services.export import ExportService
    from consultdesk.services.imports import ImportService
    from consultdesk.services.outbox import OutboxService
    from consultdesk.services.presence import PresenceService
    from consultdesk.services.response_import import ResponseImportService
    from consultdesk.services.responses import ResponseService
    from consultdesk.services.search import SearchService
    from consultdesk.services.team import TeamService
    from consultdesk.storage.instance_lock import WriterLock


class AppContext:
    """Everything a front end needs, built for one data dir (it owns the writer lock too)."""

    def __init__(self, data_dir: Path, database: Database, *,
                 writer_lock: WriterLock | None = None, settings: Settings | None = None) -> None:
        self.data_dir = data_dir
        #: Injected by the front end (app and CLI: the user's settings file); in memory otherwise.
        self.settings = settings if settings is not None else Settings()
        #: For the composition root and tests only: front ends use the services.
        self.database = database
        self.writer_lock = writer_lock
        self.catalog = CatalogService(QuestionnaireRepository(database))
        #: The responses as the library lists them (what `consultdesk responses` needs);
        #: ``responses`` (everything else done to them) is built on first use.
        self.listing = ResponseListing(ResponseRepository(database), self.catalog)
        self.maintenance = MaintenanceService(data_dir, database)
        #: Edits kept on this computer while the team server is away (None on a file).
        self.outbox: OutboxService | None = None
        if database.dialect == "postgresql":
            from consultdesk.services.outbox import OutboxService
            from consultdesk.storage.outbox import OutboxStore
            from consultdesk.storage.team_cache import TeamCache

            where = getattr(database, "where", "")
            listener = database.change_notifier()  # type: ignore[attr-defined]
            self.outbox = OutboxService(OutboxStore(data_dir), self.responses, where,
                                        cache=TeamCache(data_dir, where, database),
                                        heard=lambda: bool(listener.hears))
        #: Tells open windows at once when answers changed elsewhere; None: they poll
        #: (SQLite's PRAGMA data_version costs microseconds).  A team database plugs a
        #: LISTEN/NOTIFY listener in here.
        self.change_notifier: ChangeNotifier | None = (
            database.change_notifier() if hasattr(database, "change_notifier") else None)

    @property
    def user_name(self) -> str:
        """The name revisions record for this user: Preferences' name, else the login."""
        return self.settings.user_name or _login_name()

    def author(self, kind: WriterKind) -> Author:
        """This user as the author of a write of the given kind."""
        return Author(kind, self.user_name)

    # Built on first use: a command like `responses` needs none of them, and importing
    # them (python-docx for some) costs more than the command's own work.
    @cached_property
    def responses(self) -> ResponseService:
        """Creating, editing (the one versioned save), the bin, revisions and repair."""
        from consultdesk.services.responses import ResponseService

        return ResponseService(self.database, self.catalog)

    @cached_property
    def search(self) -> SearchService:
        """Search across every answer of every response."""
        from consultdesk.services.search import SearchService
        from consultdesk.storage.search_repository import search_backend

        return SearchService(search_backend(self.database), self.catalog)

    @cached_property
    def presence(self) -> PresenceService:
        """Who else has a response open, and on which question."""
        from consultdesk.services.presence import PresenceService

        return PresenceService(self.database)

    @cached_property
    def team(self) -> TeamService:
        """Team database connection tests, push and pull."""
        from consultdesk.services.team import TeamService

        return TeamService(self.data_dir)

    @cached_property
    def export(self) -> ExportService:
        """Preflight, check and Word export."""
        from consultdesk.services.export import ExportService

        return ExportService()

    @cached_property
    def imports(self) -> ImportService:
        """Questionnaires imported from Word."""
        from consultdesk.services.imports import ImportService

        return ImportService(self.catalog)

    @cached_property
    def contributions(self) -> ContributionService:
        """Contributors, assignments, Word requests, receiving and merging."""
        from consultdesk.services.contributions import ContributionService

        return ContributionService(self.database, self.responses, self.catalog)

    @cached_property
    def response_import(self) -> ResponseImportService:
        """Completed responses imported from Word."""
        from consultdesk.services.response_import import ResponseImportService

        return ResponseImportService(self.catalog, self.responses)

    @classmethod
    def open(cls, data_dir: Path, database_url: str | None = None) -> AppContext:
        """Open (creating or upgrading) the database, wire the services and take the
        rolling daily backup when one is due.

        Without ``database_url``: the SQLite file in ``data_dir``.  With one: that team
        database on a PostgreSQL server (``data_dir`` still holds the local outbox and
        backups; the server's own backups are its administrator's, so no daily copy).
        """
        if database_url:
            from consultdesk.storage.pg_database import PgDatabase

            return cls(data_dir, PgDatabase.open_url(data_dir, database_url))
        context = cls(data_dir, Database.open(data_dir))
        context.maintenance.daily_backup()
        return context

    @classmethod
    def open_offline(cls, data_dir: Path, database_url: str) -> AppContext:
        """The local copy of a team database's responses, for working while its server
        cannot be reached: it reads, and every edit goes to the outbox (sent when a later
        start connects).  DatabaseError when there is no copy."""
        from consultdesk.services.outbox import OutboxService
        from consultdesk.storage import pg_connect
        from consultdesk.storage.errors import DatabaseError
        from consultdesk.storage.outbox import OutboxStore
        from consultdesk.storage.team_cache import TeamCache

        where = pg_connect.describe(database_url)
        cache = TeamCache(data_dir, where)
        if not cache.exists():
            raise DatabaseError(
                "there is no copy of the team database {where} on this computer yet (a "
                "response is copied when you open it while connected)",
                where=where)
        context = cls(data_dir, cache.open_offline())
        context.outbox = OutboxService(OutboxStore(data_dir), None, where)
        return context

    @property
    def offline(self) -> bool:
        """Whether this is the local copy of a team database, opened without its server."""
        return self.outbox is not None and not self.outbox.connected

    def close(self) -> None:
        """Take the session's backup if it changed something, close the database and
        release the writer lock (idempotent)."""
        if self.outbox is not None:
            self.outbox.close()
        if getattr(self.database, "changed", False):
            # The safety net: the newest automatic copy is never older than the last
            # change (a team database on a server is its administrator's to back up).
            self.maintenance.session_backup()
            self.database.changed = False
        self.database.close()
        if self.writer_lock is not None:
            self.writer_lock.release()
            self.writer_lock = None


def team_service(data_dir: Path) -> TeamService:
    """Connection tests and push/pull between ``data_dir`` and a team database (they open
    the databases they copy between, so no context is needed)."""
    from consultdesk.services.team import TeamService

    return TeamService(data_dir)


def _login_name() -> str:
    """The login name, or "" where the system cannot say (no user database, a container)."""
    import getpass  # only a write names its author: a listing needs no login name

    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""
