"""Importing a questionnaire from the Word document the issuer sent.

``read_docx`` opens the file safely and detects its structure as an editable
:class:`ImportDraft` (lines with roles); ``build_questionnaire`` turns a
(reviewed) draft into a :class:`Questionnaire`; ``import_docx`` does both.
"""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_import.build import build_questionnaire
from consultdesk.formats.docx_import.detect import detect
from consultdesk.formats.docx_import.errors import (
    DocxImportError,
    EncryptedDocumentError,
    LegacyDocError,
    NoQuestionsError,
    NotADocxError,
    UnsafeDocumentError,
)
from consultdesk.formats.docx_import.model import ImportDraft, ImportLine, Role
from consultdesk.formats.docx_import.package import open_docx
from consultdesk.formats.docx_import.reader import read_blocks

__all__ = [
    "DocxImportError", "EncryptedDocumentError", "ImportDraft", "ImportLine", "LegacyDocError",
    "NoQuestionsError", "NotADocxError", "Role", "UnsafeDocumentError", "build_questionnaire",
    "import_docx", "read_docx",
]


def read_docx(path: Path) -> ImportDraft:
    """Open a .docx safely and detect its questionnaire structure."""
    package = open_docx(path)
    return detect(read_blocks(package), path.name)


def import_docx(path: Path, questionnaire_id: str | None = None) -> Questionnaire:
    """Detect and build the questionnaire of a .docx, without review."""
    return build_questionnaire(read_docx(path), questionnaire_id)
