"""File ▸ Import questionnaire…: review what was found in a Word questionnaire, then install.

The library window calls :func:`review_and_install`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.services.context import Services
from consultdesk.ui.errors import show_error
from consultdesk.ui.import_review.dialog import ImportReviewDialog

__all__ = ["ImportReviewDialog", "review_and_install"]

_DEFINITION_SUFFIXES = (".toml", ".json")


def review_and_install(parent: QWidget, context: Services,
                       path: Path) -> Questionnaire | None:
    """Review a .docx questionnaire and install it (a .toml definition installs as it is).

    Returns the installed questionnaire, or None when the user cancelled or the file
    could not be imported (the user has then been told why; nothing was installed).
    """
    title = QCoreApplication.translate("ImportReview", "Import questionnaire")
    try:
        if path.suffix.lower() in _DEFINITION_SUFFIXES:
            return context.catalog.add_file(path)
        dialog = ImportReviewDialog(parent, context.imports, path)
    except ConsultDeskError as exc:
        show_error(parent, title, exc)
        return None
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.installed
