"""Edits a response's title, status and deadline (what the library lists it by)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.response import ResponseStatus
from consultdesk.services.records import ResponseSummary
from consultdesk.ui.library.formatting import date_format, status_label


@dataclass(frozen=True)
class DetailsChange:
    """The details as the user left them."""

    title: str
    status: ResponseStatus
    deadline: date | None


class DetailsDialog(QDialog):
    """Title, status and deadline of one response."""

    def __init__(self, summary: ResponseSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Response details"))
        self.setMinimumWidth(520)
        self.title = QLineEdit(summary.title)
        self.status = QComboBox()
        for status in ResponseStatus:
            self.status.addItem(status_label(status), status)
        self.status.setCurrentIndex(self.status.findData(summary.status))
        self.has_deadline = QCheckBox(self.tr("Deadline:"))
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat(date_format())
        when = summary.deadline
        self.deadline.setDate(QDate(when.year, when.month, when.day) if when
                              else QDate.currentDate().addMonths(1))
        self.has_deadline.setChecked(when is not None)
        self.deadline.setEnabled(when is not None)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)

        questionnaire = QLabel(summary.questionnaire_title)
        questionnaire.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Questionnaire:"), questionnaire)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Status:"), self.status)
        row = QHBoxLayout()
        row.addWidget(self.deadline)
        row.addStretch(1)
        form.addRow(self.has_deadline, row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.title.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title.text().strip()))

    def change(self) -> DetailsChange:
        """The details entered."""
        deadline = None
        if self.has_deadline.isChecked():
            d = self.deadline.date()
            deadline = date(d.year(), d.month(), d.day())
        return DetailsChange(self.title.text().strip(), ResponseStatus(self.status.currentData()),
                             deadline)
