"""The composition root: opens the database on a data dir and wires the services.

Nothing else creates engines or services; the CLI and the GUI each build one
:class:`AppContext` and pass it (or the services in it) down.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from consultdesk.services.catalog import CatalogService
from consultdesk.services.responses import ResponseService
from consultdesk.storage.database import Database
from consultdesk.storage.questionnaire_repository import QuestionnaireRepository


@dataclass
class AppContext:
    """Everything a front end needs, built for one data dir."""

    data_dir: Path
    database: Database
    catalog: CatalogService
    responses: ResponseService

    @classmethod
    def open(cls, data_dir: Path) -> AppContext:
        """Open (creating or upgrading) the database in ``data_dir`` and wire the services."""
        database = Database.open(data_dir)
        catalog = CatalogService(QuestionnaireRepository(database))
        responses = ResponseService(database, catalog)
        return cls(data_dir, database, catalog, responses)

    def close(self) -> None:
        """Close the database."""
        self.database.close()
