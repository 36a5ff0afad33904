"""What a CLI command needs: the data dir, the user's settings and the services, opened on
first use."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from consultdesk.paths import DATABASE_ENV, default_data_dir

if TYPE_CHECKING:
    from consultdesk.app_context import AppContext
    from consultdesk.services.settings import Settings


class CliEnv:
    """Opens the application context lazily, so ``--version`` never touches the disk."""

    def __init__(self, data_dir: Path | None, database_url: str | None = None,
                 settings: Settings | None = None) -> None:
        # Imported here: `--version` and usage errors need no settings (nor json).
        from consultdesk.services.settings import user_settings

        self.data_dir = data_dir or default_data_dir()
        #: The user's settings: the same file the desktop app's Preferences write.
        self.settings = settings if settings is not None else user_settings()
        #: A team database URL: ``--database``, else $CONSULTDESK_DATABASE, else the one
        #: chosen in Preferences; None: the SQLite file in the data dir (an empty
        #: ``--database ""`` chooses the file whatever Preferences say).
        chosen = database_url if database_url is not None else os.environ.get(DATABASE_ENV)
        #: The URL given on the command line or in the environment (None: neither); the
        #: desktop app takes only this one, and follows Preferences itself while it runs.
        self.explicit_database_url = (chosen.strip() or None) if chosen is not None else None
        if chosen is None:
            chosen = self.settings.team_database_url
        self.database_url = chosen.strip() or None
        self._context: AppContext | None = None

    @property
    def context(self) -> AppContext:
        """The services on this data dir (opened as a reader-writer for the CLI)."""
        if self._context is None:
            # Imported here so that `--help` and `--version` load no database code.
            from consultdesk.app_context import AppContext

            self._context = AppContext.open(self.data_dir, self.database_url)
            self._context.settings = self.settings
        return self._context

    def close(self) -> None:
        """Release the database."""
        if self._context is not None:
            self._context.close()
            self._context = None
