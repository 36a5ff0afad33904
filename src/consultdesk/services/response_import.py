"""Importing a completed response (last cycle's Word submission): read, review, save.

``consultdesk response import`` and File ▸ Import a completed response… both go
through this service; the reading itself is ``formats.docx_import.completed``.
Reading writes nothing: a bad file never touches the data folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_import import (
    CompletedResponse,
    read_completed_response,
    read_document_blocks,
)
from consultdesk.formats.docx_import.errors import DocxImportError
from consultdesk.formats.docx_import.install import install_imported
from consultdesk.formats.docx_import.reader import Block
from consultdesk.services.catalog import CatalogService
from consultdesk.services.responses import ResponseService

__all__ = ["CompletedResponse", "DocumentBlocks", "NoAnswersFoundError",
           "ResponseImportService"]


@dataclass(frozen=True)
class DocumentBlocks:
    """A Word document read (safely) and not yet matched to a questionnaire."""

    name: str
    blocks: list[Block]


class NoAnswersFoundError(DocxImportError):
    """None of the questionnaire's questions was found in the document."""


class ResponseImportService:
    """Reads completed responses from Word and saves them as new responses."""

    def __init__(self, catalog: CatalogService, responses: ResponseService) -> None:
        self._catalog = catalog
        self._responses = responses

    def candidates(self) -> list[Questionnaire]:
        """Every installed questionnaire (latest versions), to match a document against."""
        return [self._catalog.get(info.id) for info in self._catalog.list()]

    @staticmethod
    def open_file(path: Path) -> DocumentBlocks:
        """Open and read a .docx safely (no database needed: a bad file touches nothing)."""
        path = Path(path)
        return DocumentBlocks(path.name, read_document_blocks(path))

    def read(self, source: Path | DocumentBlocks, questionnaire_id: str | None = None
             ) -> CompletedResponse:
        """Read the answers of a completed response (nothing is saved).

        With ``questionnaire_id``, the answers to that questionnaire; without, to the
        best-matching installed one, or to the questionnaire detected in the same file.
        """
        document = source if isinstance(source, DocumentBlocks) else self.open_file(source)
        if questionnaire_id is not None:
            questionnaire = self._catalog.get(questionnaire_id)
            found = read_completed_response(document.blocks, [questionnaire], fallback=False,
                                            name=document.name)
            if not found.answers:
                raise NoAnswersFoundError(
                    "{name}: none of the questions of {questionnaire_id!r} was found in it (is "
                    "it a response to another questionnaire?)",
                    name=document.name, questionnaire_id=questionnaire_id)
            return found
        found = read_completed_response(document.blocks, self.candidates(), name=document.name)
        if not found.answers:
            raise NoAnswersFoundError(
                "{name}: no question and answer was found in it",
                name=document.name)
        return found

    def save(self, imported: CompletedResponse, title: str | None = None, *,
             answers: Mapping[str, str] | None = None,
             respondent: Mapping[str, str] | None = None) -> str:
        """Save the (reviewed) answers as a new response; its id.

        A questionnaire read from the same file is installed first (as a new version
        when its id is taken by different content).
        """
        questionnaire = imported.questionnaire
        if imported.questionnaire_is_new:
            questionnaire = install_imported(self._catalog, questionnaire)
        chosen = dict(imported.markdown_answers() if answers is None else answers)
        details = dict(imported.respondent if respondent is None else respondent)
        name = (title or "").strip() or Path(imported.source_name).stem or questionnaire.title
        try:
            return self._responses.create(
                questionnaire.id, name, respondent=details, answers=chosen,
                author=Author(WriterKind.IMPORT, imported.source_name))
        except ConsultDeskError as exc:
            raise DocxImportError(
                "{source_name}: {exc}",
                source_name=imported.source_name, exc=exc) from None
