"""What a front end is handed by the composition root: the services, never the database.

The ui types against these protocols rather than ``consultdesk.app_context`` (which
imports storage), so that it can import services and domain only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from consultdesk.domain.authorship import Author, WriterKind
    from consultdesk.services.catalog import CatalogService
    from consultdesk.services.changes import ChangeNotifier
    from consultdesk.services.contributions import ContributionService
    from consultdesk.services.export import ExportService
    from consultdesk.services.imports import ImportService
    from consultdesk.services.maintenance import MaintenanceService
    from consultdesk.services.outbox import OutboxService
    from consultdesk.services.presence import PresenceService
    from consultdesk.services.response_import import ResponseImportService
    from consultdesk.services.response_listing import ResponseListing
    from consultdesk.services.responses import ResponseService
    from consultdesk.services.search import SearchService
    from consultdesk.services.settings import Settings
    from consultdesk.services.team import TeamService


class Services(Protocol):
    """Every service on one opened data folder (``AppContext`` is the implementation)."""

    @property
    def data_dir(self) -> Path:
        """The data folder."""

    @property
    def catalog(self) -> CatalogService:
        """Questionnaire definitions."""

    @property
    def listing(self) -> ResponseListing:
        """The responses (or the bin's) as a list shows them; lighter than ``responses``,
        which a list does not need."""

    @property
    def responses(self) -> ResponseService:
        """Responses, answers, revisions and the bin."""

    @property
    def contributions(self) -> ContributionService:
        """Contributors, assignments, requests, receiving and merging."""

    @property
    def export(self) -> ExportService:
        """Preflight, check and Word export."""

    @property
    def imports(self) -> ImportService:
        """Questionnaires imported from Word."""

    @property
    def maintenance(self) -> MaintenanceService:
        """Backups, restore and recovery."""

    @property
    def response_import(self) -> ResponseImportService:
        """Completed responses imported from Word."""

    @property
    def search(self) -> SearchService:
        """Search across every answer of every response."""

    @property
    def outbox(self) -> OutboxService | None:
        """Edits kept on this computer while the team server is away (None: a file)."""

    @property
    def presence(self) -> PresenceService:
        """Who else has a response open, and on which question."""

    @property
    def team(self) -> TeamService:
        """Team database connection tests, push and pull."""

    @property
    def settings(self) -> Settings:
        """The user's settings (the one file the app and the CLI share; in memory in tests)."""

    @property
    def change_notifier(self) -> ChangeNotifier | None:
        """Tells open windows at once when answers changed elsewhere (None: they poll)."""

    @property
    def offline(self) -> bool:
        """Whether this is the local copy of a team database, opened without its server."""

    def author(self, kind: WriterKind) -> Author:
        """This user as the author of a write of the given kind."""

    def close(self) -> None:
        """Close the database and release the writer lock."""


class Launcher(Protocol):
    """The way in to a data folder for the desktop app: lock it, recover it, open it."""

    @property
    def data_dir(self) -> Path:
        """The data folder."""

    @property
    def maintenance(self) -> MaintenanceService:
        """Recovery before the database opens (after it was found damaged)."""

    def take_writer_lock(self) -> None:
        """Become the one writer (AlreadyRunningError, or OSError if the folder is unusable)."""

    def open(self, settings: Settings | None = None) -> Services:
        """Open the database and every service (with these settings); the writer lock
        passes to them."""

    def offline_copies(self, settings: Settings | None = None) -> int:
        """How many responses of the team database are kept on this computer."""

    def open_offline(self, settings: Settings | None = None) -> Services:
        """Open the local copy of the team database (its server is away)."""

    def open_connected(self, settings: Settings | None = None) -> Services:
        """Open the team database and send the outbox (safe on a worker thread; the
        offline context is left as it is): ServerUnreachableError if still away."""

    def take_over(self, offline: Services, context: Services) -> Services:
        """Close the offline context and hand its writer lock to ``context``."""

    def release(self) -> None:
        """Release the writer lock if it was taken and not handed on (idempotent)."""
