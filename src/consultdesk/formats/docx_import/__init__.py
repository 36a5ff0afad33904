"""Importing a questionnaire from the Word document the issuer sent.

``read_docx`` opens the file safely and detects its structure as an editable
:class:`ImportDraft` (lines with roles); ``build_questionnaire`` turns a
(reviewed) draft into a :class:`Questionnaire`; ``import_docx`` does both.
"""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_import.build import build_questionnaire
from consultdesk.formats.docx_import.completed import CompletedResponse, read_completed
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
from consultdesk.formats.docx_import.reader import Block, read_blocks

__all__ = [
    "CompletedResponse", "DocxImportError", "EncryptedDocumentError", "ImportDraft", "ImportLine", "LegacyDocError",
    "NoQuestionsError", "NotADocxError", "Role", "UnsafeDocumentError", "build_questionnaire",
    "import_docx", "read_completed_response", "read_document_blocks", "read_docx",
]


def read_docx(path: Path) -> ImportDraft:
    """Open a .docx safely and detect its questionnaire structure."""
    package = open_docx(path)
    return detect(read_blocks(package), path.name)


def import_docx(path: Path, questionnaire_id: str | None = None) -> Questionnaire:
    """Detect and build the questionnaire of a .docx, without review."""
    return build_questionnaire(read_docx(path), questionnaire_id)


def read_document_blocks(path: Path) -> list[Block]:
    """Open a .docx safely and read its blocks (DocxImportError naming the problem)."""
    import stat

    try:
        mode = path.stat().st_mode
    except OSError:
        mode = None  # open_docx says what is wrong with a missing or unreadable file
    if mode is not None and not stat.S_ISREG(mode):
        raise NotADocxError(
            "{name}: not a regular file (a Word document is expected)",
            name=path.name)
    return read_blocks(open_docx(path))


def read_completed_response(path: Path | list[Block], candidates: list[Questionnaire], *,
                            fallback: bool = True, name: str = "") -> CompletedResponse:
    """Read a completed response's answers to the best-matching of ``candidates``; with
    none matching half its questions, to the questionnaire detected in the same file
    (``questionnaire_is_new``: not installed yet).  ``path`` may be blocks already read."""
    if isinstance(path, Path):
        name = name or path.name
        blocks = read_document_blocks(path)
    else:
        blocks = path
    best: CompletedResponse | None = None
    for questionnaire in candidates:
        found = read_completed(blocks, questionnaire, name)
        if best is None or found.found_share > best.found_share:
            best = found
    if best is not None and (best.found_share >= 0.5 or not fallback):
        return best
    draft = detect(blocks, name)
    _filled_in_details_are_fields(draft)
    detected = build_questionnaire(draft)
    return read_completed(blocks, detected, name, questionnaire_is_new=True)


def _filled_in_details_are_fields(draft: ImportDraft) -> None:
    """In a completed document "Name of the ministry: Cabinet Office" asks for a detail
    (filled in): before the first question, such a line is a respondent field."""
    import re

    from consultdesk.formats.docx_import import cues
    from consultdesk.formats.docx_import.detect import interpret

    for line in draft.lines:
        if line.role is Role.QUESTION:
            break
        m = re.match(r"^(?P<label>[^:：?]{2,60}?)\s*[:：]\s*\S", line.source)
        if m and line.role is Role.INSTRUCTION and cues.RESPONDENT_WORDS.search(m["label"]):
            interpret(line, Role.RESPONDENT)
            line.text = m["label"].strip()
