"""After an export: what was written, Open and Show in folder, and the notes worth reading."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QToolButton,
    QWidget,
)

from consultdesk.domain.response import ProblemKind
from consultdesk.services.export import ExportResult
from consultdesk.services.settings import Settings
from consultdesk.ui import desktop
from consultdesk.ui.errors import error_text
from consultdesk.ui.response_window.problem_text import describe_problem

translate = QCoreApplication.translate
_OVER = (ProblemKind.OVER_LIMIT, ProblemKind.OVER_BUDGET)


class ExportNotice(QWidget):
    """In the status bar after an export: the file's name, Open, Show in folder, ×."""

    #: the user asked to dismiss it
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.label = QLabel(self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.open_button.setToolTip(self.tr("Open the exported file"))
        self.folder_button = QPushButton(self.tr("Show in &folder"), self)
        self.folder_button.setToolTip(self.tr("Show the exported file in its folder"))
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addWidget(self.open_button)
        layout.addWidget(self.folder_button)
        layout.addWidget(close)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_in_folder)
        close.clicked.connect(self.hide)
        close.clicked.connect(self.dismissed)
        self.hide()

    def show_for(self, path: Path) -> None:
        """Offer the just written file."""
        self.path = path
        self.label.setText(self.tr("Exported “{name}”").format(name=path.name))
        self.label.setToolTip(str(path))
        self.show()

    def open_file(self) -> None:
        """Open it in Word, the PDF reader... (whatever the desktop uses)."""
        if self.path is not None:
            desktop.open_file(self.path)

    def show_in_folder(self) -> None:
        """Show it in Explorer, Finder or the file manager."""
        if self.path is not None:
            desktop.show_in_folder(self.path)


def note_lines(result: ExportResult) -> tuple[list[str], list[str]]:
    """(over-limit answers exported anyway, other notes), each a line in the ui's language."""
    over = [describe_problem(p) for p in result.problems if p.kind in _OVER]
    others = [describe_problem(p) for p in result.problems if p.kind not in _OVER]
    # What the export itself noticed (characters it had to remove...): its Messages.
    # ``warnings`` holds only the English of these two, so it is not shown.
    others += [error_text(note) for note in result.notes]
    return over, others


def show_notes(parent: QWidget, result: ExportResult) -> None:
    """A message that reads as sentences: what was exported, and each note on its own line."""
    over, others = note_lines(result)
    if not over and not others:
        return
    assert result.path is not None
    box = QMessageBox(QMessageBox.Icon.Information, translate("ExportNotice", "Exported"),
                      "", QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    parts = [translate("ExportNotice", "“{name}” was exported.").format(name=_html(result.path.name))]
    if over:
        parts.append(translate("ExportNotice", "These answers are over their limit and were exported as they "
                               "are, as you chose; the document marks them:"))
        parts.append(_bullets(over))
    if others:
        parts.append(translate("ExportNotice", "Also worth checking:"))
        parts.append(_bullets(others))
    box.setText("".join(f"<p>{p}</p>" if not p.startswith("<ul") else p for p in parts))
    open_button = box.addButton(translate("ExportNotice", "&Open"), QMessageBox.ButtonRole.ActionRole)
    folder_button = box.addButton(translate("ExportNotice", "Show in &folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.setDefaultButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        desktop.open_file(result.path)
    elif box.clickedButton() is folder_button:
        desktop.show_in_folder(result.path)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _bullets(lines: list[str]) -> str:
    return "<ul style='margin-left: -20px'>" + "".join(
        f"<li>{_html(line)}</li>" for line in lines) + "</ul>"


def fill_recent_menu(menu: QMenu, settings: Settings) -> None:
    """File > Recent exports: the last exported files, newest first; choosing one opens it."""
    menu.clear()
    recent = [Path(p) for p in settings.recent_exports]
    for index, path in enumerate(recent, 1):
        # "&1 name": the digit is the menu's keyboard shortcut (ten at most).
        action = menu.addAction(f"&{index % 10} {path.name.replace('&', '&&')}")
        action.setToolTip(str(path))
        action.setStatusTip(str(path))
        action.setEnabled(path.is_file())
        action.triggered.connect(lambda _=False, p=path: desktop.open_file(p))
    if not recent:
        empty = menu.addAction(translate("ExportNotice", "No exports yet"))
        empty.setEnabled(False)
