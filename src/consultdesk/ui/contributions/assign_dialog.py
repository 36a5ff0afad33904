"""Give the selected questions to a contributor: who, by when, a note, a share of the limit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.contributions import ContributionService
from consultdesk.ui.contributions.contributors_dialog import ContributorsDialog
from consultdesk.ui.errors import show_error


class AssignDialog(QDialog):
    """Assigns items (question ids, or block entries like "t1_done[+]") to a contributor."""

    def __init__(self, service: ContributionService, response_id: str, items: list[str],
                 labels: list[str], share_limit: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign to a contributor"))
        self._service = service
        self._response_id = response_id
        self.items = items
        self.assigned: list[int] = []
        what = QLabel("\n".join(labels), self)
        what.setWordWrap(True)
        self.contributor = QComboBox(self)
        self.contributor.setAccessibleName(self.tr("Contributor"))
        manage = QPushButton(self.tr("&Contributors…"), self)
        manage.clicked.connect(self._manage)
        self.has_due = QCheckBox(self.tr("&Due date:"), self)
        self.due = QDateEdit(self)
        self.due.setCalendarPopup(True)
        self.due.setDate(QDate.currentDate().addDays(14))
        self.due.setEnabled(False)
        self.has_due.toggled.connect(self.due.setEnabled)
        self.has_due.setChecked(True)
        self.share = QSpinBox(self)
        self.share.setRange(0, share_limit or 0)
        self.share.setSpecialValueText(self.tr("no share"))
        self.share.setSingleStep(100)
        self.share.setEnabled(bool(share_limit))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Shown to the contributor in the request"))
        form = QFormLayout()
        form.addRow(self.tr("Contributor:"), self.contributor)
        form.addRow("", manage)
        form.addRow(self.has_due, self.due)
        form.addRow(self.tr("&Share of the limit:"), self.share)
        form.addRow(self.tr("&Note:"), self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Assign"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._fill()

    def _fill(self) -> None:
        current = self.contributor.currentData()
        self.contributor.clear()
        for c in self._service.contributors():
            self.contributor.addItem(c.display, c.tag)
        if current is not None:
            self.contributor.setCurrentIndex(max(0, self.contributor.findData(current)))

    def _manage(self) -> None:
        ContributorsDialog(self._service, self).exec()
        self._fill()

    def due_date(self) -> date | None:
        """The chosen due date (None when unticked)."""
        if not self.has_due.isChecked():
            return None
        d = self.due.date()
        return date(d.year(), d.month(), d.day())

    def accept(self) -> None:
        """Assign, or say why not (the dialog stays open)."""
        tag = self.contributor.currentData()
        if tag is None:
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("Add a contributor first (Contributors…)."))
            return
        try:
            self.assigned = self._service.assign(
                self._response_id, self.items, tag, due=self.due_date(),
                share=self.share.value() or None, note=self.note.text())
        except ConsultDeskError as exc:
            show_error(self, self.windowTitle(), exc)
            return
        super().accept()
