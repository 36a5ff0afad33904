"""Exporting from the response window: PDF as a file type, then Open / Show in folder, recent
exports, and notes that read as sentences (a real LibreOffice makes the PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton, QWidget
from test_response_window import open_window

from consultdesk.app_context import AppContext
from consultdesk.ui import desktop

OHCHR = "ohchr-civic-space-2021"
RESPONDENT = {"state": "Japan", "institution": "Ministry of Foreign Affairs"}


@pytest.fixture
def handed_over(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Path]]:
    """What the window asked the desktop to open or show (no file manager runs in a test)."""
    seen: list[tuple[str, Path]] = []
    monkeypatch.setattr(desktop, "open_file", lambda p: seen.append(("open", p)) or True)
    monkeypatch.setattr(desktop, "show_in_folder", lambda p: seen.append(("folder", p)) or True)
    return seen


def save_as(monkeypatch: pytest.MonkeyPatch, name: str, chosen_filter: str) -> list[str]:
    """Answer the save dialog with ``name`` (no suffix: the filter decides) and that filter;
    returns the filters the dialog was offered."""
    offered: list[str] = []

    def answer(parent, caption, start, filters, selected="", *a):  # type: ignore[no-untyped-def]
        offered.extend(filters.split(";;"))
        return name, chosen_filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return offered


@pytest.mark.slow
def test_pdf_chosen_in_the_save_dialog_then_open_and_show_in_folder(
        qtbot, app_context: AppContext, modal, monkeypatch, tmp_path: Path,
        handed_over) -> None:
    rid = app_context.responses.create(OHCHR, "Japan 2021", respondent=RESPONDENT,
                                       answers={"q1": "See the answer to question 2."})
    window = open_window(qtbot, app_context, rid)
    offered = save_as(monkeypatch, str(tmp_path / "japan"), "PDF (*.pdf)")
    modal(lambda options: options.accept())
    window.export()
    target = tmp_path / "japan.pdf"
    assert offered == ["Word document (*.docx)", "PDF (*.pdf)"]
    assert target.read_bytes().startswith(b"%PDF")
    notice = window.export_notice
    assert notice.isVisible() and "japan.pdf" in notice.label.text()
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(notice.folder_button, Qt.MouseButton.LeftButton)
    assert handed_over == [("open", target), ("folder", target)]
    # Remembered: the next export starts as a PDF, and the file is in Recent exports.
    assert app_context.settings.export_choice("format") == "pdf"
    assert app_context.settings.recent_exports[0] == str(target)
    window.recent_exports_menu.aboutToShow.emit()
    [entry] = window.recent_exports_menu.actions()
    assert "japan.pdf" in entry.text() and entry.isEnabled()
    entry.trigger()
    assert handed_over[-1] == ("open", target)


def test_over_limit_export_notes_are_sentences_with_open_and_show_in_folder(
        qtbot, app_context: AppContext, modal, monkeypatch, tmp_path: Path,
        handed_over) -> None:
    rid = app_context.responses.create(OHCHR, "Japan 2021", respondent=RESPONDENT,
                                       answers={"q5": "z" * 5210})
    window = open_window(qtbot, app_context, rid)
    save_as(monkeypatch, str(tmp_path / "over.docx"), "Word document (*.docx)")
    seen: list[str] = []

    def read_notes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        [folder] = [b for b in box.findChildren(QPushButton) if "folder" in b.text()]
        folder.click()

    def accept_options(widget: QWidget) -> None:
        modal(read_notes)
        widget.accept()

    def export_anyway(preflight: QWidget) -> None:
        modal(accept_options)
        preflight.accept()

    modal(export_anyway)
    window.export()
    [text] = seen
    assert "over.docx" in text and "over their limit" in text
    assert "Question 5: 5,210 / 5,000 characters with spaces (210 over)" in text
    assert "exported although" not in text  # not the export's log wording
    assert handed_over == [("folder", tmp_path / "over.docx")]
