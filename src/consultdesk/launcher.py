"""The desktop app's way in to a data folder: the writer lock, recovery, then the context.

Part of the composition root with :mod:`consultdesk.app_context`, and kept light on
purpose: the app takes the lock and shows its window before the ORM and the services are
imported (they come with :meth:`Launcher.open`, once the window is on screen).
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.storage.instance_lock import WriterLock

if TYPE_CHECKING:
    from consultdesk.app_context import AppContext
    from consultdesk.services.context import Services
    from consultdesk.services.maintenance import MaintenanceService
    from consultdesk.services.outbox import SendReport
    from consultdesk.services.settings import Settings


class Launcher:
    """Takes the writer lock, recovers a damaged database, then opens the context."""

    def __init__(self, data_dir: Path, database_url: str | None = None) -> None:
        self.data_dir = Path(data_dir)
        #: ``--database`` / $CONSULTDESK_DATABASE; without it, the settings' team database.
        self.database_url = database_url
        self._lock: WriterLock | None = None
        #: What the last open sent from the outbox (edits of an earlier session), if any.
        self.sent_at_start: SendReport | None = None

    @cached_property
    def maintenance(self) -> MaintenanceService:
        """Backups and recovery before the database opens (after it was found damaged)."""
        from consultdesk.services.maintenance import MaintenanceService

        return MaintenanceService(self.data_dir)

    def take_writer_lock(self) -> None:
        """Become the one writer (AlreadyRunningError when another app holds the data dir)."""
        if self._lock is None:
            self._lock = WriterLock.acquire(self.data_dir)

    def _url(self, settings: Settings | None) -> str | None:
        return self.database_url or (settings.team_database_url if settings else "") or None

    def open(self, settings: Settings | None = None) -> AppContext:
        """Open the context with ``settings``; it takes over the writer lock (released when
        it closes).  On a team database, edits left in the outbox by an earlier session
        (one that lost the server, or worked offline) are sent first, through the
        versioned save."""
        from consultdesk.app_context import AppContext

        url = self._url(settings)
        context = AppContext.open(self.data_dir, url) if url else AppContext.open(self.data_dir)
        if settings is not None:
            context.settings = settings
        self._send_waiting(context)
        context.writer_lock, self._lock = self._lock, None
        return context

    def _send_waiting(self, context: AppContext) -> None:
        """Send the edits an earlier session left in the outbox (best effort)."""
        if context.outbox is None:
            return
        try:
            if context.outbox.pending():
                self.sent_at_start = context.outbox.send()
        except ConsultDeskError:
            # The server went again (they wait, as they would in a window), or the outbox
            # file cannot be read: it is left as it is (it may hold the only copy of what
            # was typed) and the start goes on (it stopped with "cannot write the outbox").
            pass

    def team_server(self, settings: Settings | None = None) -> str | None:
        """The team database this start uses, as the user knows it (None: a local file)."""
        from consultdesk.storage import pg_connect

        url = self._url(settings)
        return pg_connect.describe(url) if url else None

    def offline_copies(self, settings: Settings | None = None) -> int:
        """How many responses of the team database are kept on this computer."""
        from consultdesk.storage.team_cache import TeamCache

        server = self.team_server(settings)
        return TeamCache(self.data_dir, server).responses() if server else 0

    def open_offline(self, settings: Settings | None = None) -> AppContext:
        """Open the local copy of the team database (its server is away); it takes over
        the writer lock."""
        from consultdesk.app_context import AppContext

        url = self._url(settings)
        if not url:
            raise ValueError("open_offline is for a team database")
        context = AppContext.open_offline(self.data_dir, url)
        if settings is not None:
            context.settings = settings
        context.writer_lock, self._lock = self._lock, None
        return context

    def reconnect(self, offline: Services, settings: Settings | None = None) -> AppContext:
        """Connect a context opened offline: the team database opened (what the outbox
        holds sent), the offline context closed and its writer lock handed on.
        ServerUnreachableError, with the offline context left open, if the server is
        still away."""
        return self.take_over(offline, self.open_connected(settings))

    def open_connected(self, settings: Settings | None = None) -> AppContext:
        """The first half of :meth:`reconnect`, safe on a worker thread: the team database
        opened and the outbox sent (no writer lock yet; the offline context untouched)."""
        from consultdesk.app_context import AppContext

        url = self._url(settings)
        if not url:
            raise ValueError("open_connected is for a team database")
        context = AppContext.open(self.data_dir, url)
        if settings is not None:
            context.settings = settings
        self._send_waiting(context)
        return context

    @staticmethod
    def take_over(offline: Services, context: Services) -> AppContext:
        """The second half of :meth:`reconnect`: the offline context closed, its writer
        lock handed to ``context``."""
        from consultdesk.app_context import AppContext

        # The front end hands back what this launcher opened.
        if not isinstance(offline, AppContext) or not isinstance(context, AppContext):
            raise TypeError("take_over takes contexts this launcher opened")
        context.writer_lock, offline.writer_lock = offline.writer_lock, None
        offline.close()
        return context

    def release(self) -> None:
        """Release the writer lock if this launcher still holds it."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Launcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
