"""Importing a questionnaire from the Word document the issuer sent: read, review, install.

The import review (ui) and ``consultdesk questionnaire import`` both go through
this service; the detection itself is ``consultdesk.formats.docx_import``.
"""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_import import (
    DocxImportError,
    ImportDraft,
    ImportLine,
    Role,
    build_questionnaire,
    import_docx,
    read_docx,
)
from consultdesk.formats.docx_import.install import install_imported
from consultdesk.services.catalog import CatalogService

__all__ = ["DocxImportError", "ImportDraft", "ImportLine", "ImportService", "Role"]


class ImportService:
    """Reads Word questionnaires into drafts, builds them and installs them in the catalog."""

    def __init__(self, catalog: CatalogService) -> None:
        self._catalog = catalog

    # Reading and building need no database: the CLI does them before opening it, so a
    # bad file never touches the data folder.
    @staticmethod
    def read(path: Path) -> ImportDraft:
        """Open a .docx safely and detect its structure, for review."""
        return read_docx(path)

    @staticmethod
    def build(draft: ImportDraft, questionnaire_id: str | None = None) -> Questionnaire:
        """The questionnaire a (reviewed) draft describes (DefinitionError if it is not valid)."""
        return build_questionnaire(draft, questionnaire_id)

    @staticmethod
    def detect(path: Path, questionnaire_id: str | None = None) -> Questionnaire:
        """Read and build without review (nothing is installed)."""
        return import_docx(path, questionnaire_id)

    def install(self, questionnaire: Questionnaire) -> Questionnaire:
        """Install, as the next version when the id is taken by different content."""
        return install_imported(self._catalog, questionnaire)
