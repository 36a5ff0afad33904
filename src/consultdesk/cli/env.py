"""What a CLI command needs: the data dir and the services, opened on first use."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from consultdesk.paths import DATABASE_ENV, default_data_dir

if TYPE_CHECKING:
    from consultdesk.app_context import AppContext


class CliEnv:
    """Opens the application context lazily, so ``--version`` never touches the disk."""

    def __init__(self, data_dir: Path | None, database_url: str | None = None) -> None:
        self.data_dir = data_dir or default_data_dir()
        #: A team database URL (``--database`` or $CONSULTDESK_DATABASE); None: SQLite.
        self.database_url = (database_url or os.environ.get(DATABASE_ENV, "")).strip() or None
        self._context: AppContext | None = None

    @property
    def context(self) -> AppContext:
        """The services on this data dir (opened as a reader-writer for the CLI)."""
        if self._context is None:
            # Imported here so that `--help` and `--version` load no database code.
            from consultdesk.app_context import AppContext

            self._context = AppContext.open(self.data_dir, self.database_url)
        return self._context

    def close(self) -> None:
        """Release the database."""
        if self._context is not None:
            self._context.close()
            self._context = None
