"""Export from the response window: options, where to save (.docx or .pdf), the service call."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.services.export import ExportOptions, ExportResult
from consultdesk.services.settings import Settings
from consultdesk.ui.response_window.export_options_dialog import ExportOptionsDialog

if TYPE_CHECKING:
    from consultdesk.services.context import Services


def file_name(title: str) -> str:
    """A file name from the response title (characters Windows refuses replaced)."""
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", title).strip(" .")
    return cleaned or "response"


def ask_options(parent: QWidget, settings: Settings, *,
                blank: bool = False) -> ExportOptions | None:
    """Show the export options (pre-filled with the last ones); None if cancelled."""
    dialog = ExportOptionsDialog(settings, blank=blank, parent=parent)
    return dialog.options() if dialog.exec() else None


def ask_target(parent: QWidget, settings: Settings, title: str, *,
               blank: bool = False) -> Path | None:
    """Ask where to save the .docx or .pdf (starting in the remembered folder and format);
    None if cancelled."""
    folder = settings.export_folder or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    caption = (QCoreApplication.translate("ResponseWindow", "Export blank questionnaire")
               if blank else QCoreApplication.translate("ResponseWindow", "Export"))
    filters = {
        "docx": QCoreApplication.translate("ResponseWindow", "Word document (*.docx)"),
        "pdf": QCoreApplication.translate("ResponseWindow", "PDF (*.pdf)"),
    }
    remembered = settings.export_choice("format")
    suffix = remembered if remembered in filters else "docx"
    path, chosen = QFileDialog.getSaveFileName(
        parent, caption, str(Path(folder) / f"{file_name(title)}.{suffix}"),
        ";;".join(filters.values()), filters[suffix])
    if not path:
        return None
    typed = Path(path).suffix.lower().lstrip(".")
    if typed in filters:
        suffix = typed  # the name typed wins over the filter shown
    else:
        suffix = next((s for s, f in filters.items() if f == chosen), suffix)
        path = f"{path}.{suffix}"
    target = Path(path)
    settings.export_folder = str(target.parent)
    settings.set_export_choice("format", suffix)
    return target


def export_to(context: Services, response_id: str, target: Path, *,
              allow_over_limit: bool, options: ExportOptions | None = None) -> ExportResult:
    """Export the stored response (ConsultDeskError with a readable message if it fails)."""
    data = context.responses.load(response_id)
    options = options or ExportOptions()
    if options.attribution is not None or options.contributors_annex:
        options = context.contributions.with_attribution(
            response_id, options, tags=options.attribution is not None,
            annex=options.contributors_annex)
    return context.export.export(data, target,
                                 replace(options, allow_over_limit=allow_over_limit))


def export_blank_to(context: Services, questionnaire: Questionnaire, target: Path,
                    options: ExportOptions | None = None) -> ExportResult:
    """Export the questionnaire without answers (the draft is neither read nor touched)."""
    return context.export.export_blank(questionnaire, target, options or ExportOptions())
