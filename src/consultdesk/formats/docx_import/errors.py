"""What can go wrong when importing a Word questionnaire, in words a user can act on."""

from __future__ import annotations

from consultdesk.domain.errors import ConsultDeskError


class DocxImportError(ConsultDeskError):
    """A Word file could not be imported (nothing has been installed)."""


class NotADocxError(DocxImportError):
    """The file is not a Word document (.docx) at all."""


class LegacyDocError(DocxImportError):
    """The file is an old binary Word document (.doc)."""


class EncryptedDocumentError(DocxImportError):
    """The document is protected with a password."""


class UnsafeDocumentError(DocxImportError):
    """The document is malformed in a way that could harm the computer (zip bomb, DTD)."""


class NoQuestionsError(DocxImportError):
    """The document holds no question the importer could recognise."""
