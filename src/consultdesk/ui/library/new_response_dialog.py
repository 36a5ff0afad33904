"""The New response dialog: pick an installed questionnaire, name the response, set a deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.catalog import CatalogService
from consultdesk.services.records import QuestionnaireInfo
from consultdesk.ui.library.formatting import date_format
from consultdesk.ui.library.questionnaire_delegate import QuestionnaireDelegate


@dataclass(frozen=True)
class NewResponseRequest:
    """What the user asked for."""

    questionnaire_id: str
    title: str
    deadline: date | None


def default_title(info: QuestionnaireInfo, today: date) -> str:
    """A first title for a new response: the questionnaire's title and the year."""
    return f"{info.title} ({today.year})"


class NewResponseDialog(QDialog):
    """Lists the installed questionnaires; OK gives a :class:`NewResponseRequest`."""

    def __init__(self, catalog: CatalogService, parent: QWidget | None = None, *,
                 preselect: str | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._today = today or date.today()
        self._title_edited = False
        self.setWindowTitle(self.tr("New response"))
        self.resize(640, 520)

        intro = QLabel(self.tr("Which questionnaire are you answering?"))
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.setItemDelegate(QuestionnaireDelegate(self.list))
        # Items are as tall as their wrapped text at the list's width.
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setUniformItemSizes(False)
        for info in catalog.list():
            item = QListWidgetItem(self._item_text(info))
            item.setData(Qt.ItemDataRole.UserRole, info)
            item.setToolTip(info.id)
            self.list.addItem(item)

        self.title = QLineEdit()
        self.title.textEdited.connect(self._on_title_edited)
        self.has_deadline = QCheckBox(self.tr("Deadline:"))
        self.deadline = QDateEdit()
        self.deadline.setCalendarPopup(True)
        self.deadline.setDisplayFormat(date_format())
        self.deadline.setDate(QDate.currentDate().addMonths(1))
        self.deadline.setEnabled(False)
        self.has_deadline.toggled.connect(self.deadline.setEnabled)

        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline)
        deadline_row.addStretch(1)
        form.addRow(self.has_deadline, deadline_row)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.list.currentItemChanged.connect(self._on_pick)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        self.title.textChanged.connect(self._update_ok)
        row = 0
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole).id == preselect:
                row = i
        if self.list.count():
            self.list.setCurrentRow(row)
        self._update_ok()

    def _item_text(self, info: QuestionnaireInfo) -> str:
        count = self.tr("%n question(s)", "", info.questions)
        version = self.tr("version %1").replace("%1", str(info.version))
        issuer = f"{info.issuer}\n" if info.issuer else ""
        return f"{info.title}\n{issuer}{count} · {version}"

    def selected(self) -> QuestionnaireInfo | None:
        """The questionnaire picked, if any."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_title_edited(self, _text: str) -> None:
        self._title_edited = True

    def _on_pick(self) -> None:
        info = self.selected()
        if info is None:
            return
        if not self._title_edited:
            self.title.setText(default_title(info, self._today))
        try:
            deadline = self._catalog.get(info.id).deadline
        except ConsultDeskError:
            deadline = None
        self.has_deadline.setChecked(deadline is not None)
        if deadline is not None:
            self.deadline.setDate(QDate(deadline.year, deadline.month, deadline.day))
        self._update_ok()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(self.selected() is not None and bool(self.title.text().strip()))

    def request(self) -> NewResponseRequest | None:
        """The response to create (None if nothing is picked)."""
        info = self.selected()
        if info is None or not self.title.text().strip():
            return None
        deadline = None
        if self.has_deadline.isChecked():
            d = self.deadline.date()
            deadline = date(d.year(), d.month(), d.day())
        return NewResponseRequest(info.id, self.title.text().strip(), deadline)
