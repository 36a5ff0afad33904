"""The contributors of this data folder: tag, full name, contact person, e-mail."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.contributions import Contributor
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.contributions import ContributionService
from consultdesk.ui.errors import show_error


class ContributorsDialog(QDialog):
    """Lists the contributors; pick one to edit it, or fill the form to add one."""

    def __init__(self, service: ContributionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contributors"))
        self._service = service
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Contributors"))
        self.list.currentItemChanged.connect(self._picked)
        self.tag = QLineEdit(self)
        self.tag.setPlaceholderText(self.tr("e.g. NPA"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("e.g. National Police Agency"))
        self.contact = QLineEdit(self)
        self.email = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("&Tag:"), self.tag)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Contact person:"), self.contact)
        form.addRow(self.tr("&E-mail:"), self.email)
        self.save_button = QPushButton(self.tr("&Save contributor"), self)
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("&New"), self)
        self.new_button.clicked.connect(self._clear)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addStretch(1)
        row.addWidget(self.save_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(520, 460)
        self.refresh()

    def refresh(self) -> None:
        """Reload the list from the service."""
        self.list.clear()
        for c in self._service.contributors():
            item = QListWidgetItem(c.display + (f" — {c.email}" if c.email else ""))
            item.setData(256, c)
            self.list.addItem(item)

    def _picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        c: Contributor = item.data(256)
        self.tag.setText(c.tag)
        self.name.setText(c.name)
        self.contact.setText(c.contact)
        self.email.setText(c.email)

    def _clear(self) -> None:
        self.list.setCurrentRow(-1)  # no current contributor
        for field in (self.tag, self.name, self.contact, self.email):
            field.clear()
        self.tag.setFocus()

    def save(self) -> bool:
        """Add or update the contributor in the form (a message says what is wrong)."""
        try:
            self._service.add_contributor(self.tag.text(), self.name.text(),
                                          self.contact.text(), self.email.text())
        except ConsultDeskError as exc:
            show_error(self, self.tr("Contributors"), exc)
            return False
        self.refresh()
        return True
