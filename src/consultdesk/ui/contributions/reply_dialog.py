"""Answering a request for input in ConsultDesk: each box with the live counter, then the
reply .docx saved, the same file a contributor using Word would send back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.questionnaire import Convention
from consultdesk.services.contributions import ContributionService, OpenedRequest
from consultdesk.ui.editor.answer_editor import AnswerEditor
from consultdesk.ui.errors import show_error


class ReplyDialog(QDialog):
    """One editor per answer area of the request, each counting against its limit."""

    def __init__(self, service: ContributionService, request: OpenedRequest,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answer a request for input"))
        self._service = service
        self._request = request
        self.saved_to: Path | None = None
        self.answers: dict[str, str] = {}
        self.editors: dict[str, AnswerEditor] = {}
        self._documents: list[QTextDocument] = []
        inner = QWidget(self)
        column = QVBoxLayout(inner)
        heading = QLabel(request.title, inner)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        heading.setFont(font)
        heading.setWordWrap(True)
        column.addWidget(heading)
        convention = request.convention or Convention.DOCUMENT
        for slot in request.slots:
            label = QLabel(slot.label, inner)
            label.setWordWrap(True)
            bold = QFont(self.font())
            bold.setBold(True)
            label.setFont(bold)
            column.addWidget(label)
            editor = AnswerEditor(inner)
            editor.setMinimumHeight(160)
            document = QTextDocument(self)
            self._documents.append(document)
            editor.show_document(slot.key, document, slot.limit, convention)
            editor.edited.connect(self._edited)
            column.addWidget(editor)
            self.editors[slot.key] = editor
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("&Save the reply…"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(760, 720)

    def _edited(self, key: str, markdown: str, _count: object) -> None:
        self.answers[key] = markdown

    def save(self, path: Path | None = None) -> Path | None:
        """Save the reply (asks where; the request's name with " - reply" by default)."""
        for editor in self.editors.values():
            editor.flush_pending()
        if path is None:
            suggested = self._request.path.with_name(
                self.tr("{name} - reply.docx").format(name=self._request.path.stem))
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the reply"),
                                                  str(suggested),
                                                  self.tr("Word documents (*.docx)"))
            if not name:
                return None
            path = Path(name)
        try:
            self.saved_to = self._service.save_reply(self._request, self.answers, path)
        except ConsultDeskError as exc:
            show_error(self, self.windowTitle(), exc)
            return None
        self.accept()
        return self.saved_to


def open_reply_dialog(service: ContributionService, parent: QWidget,
                      path: Path | None = None) -> ReplyDialog | None:
    """Ask for a request .docx and open it to answer (None when cancelled or refused)."""
    if path is None:
        name, _ = QFileDialog.getOpenFileName(
            parent, QCoreApplication.translate("ReplyDialog", "Answer a request for input"), "",
            QCoreApplication.translate("ReplyDialog", "Word documents (*.docx)"))
        if not name:
            return None
        path = Path(name)
    try:
        request = service.open_request(path)
    except ConsultDeskError as exc:
        show_error(parent, QCoreApplication.translate("ReplyDialog", "Answer a request for input"), exc)
        return None
    dialog = ReplyDialog(service, request, parent)
    dialog.open()
    return dialog
