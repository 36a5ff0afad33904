"""The bin: deleted responses, which can be restored or deleted for good."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.responses import ResponseService
from consultdesk.ui.errors import show_error
from consultdesk.ui.library.formatting import edited_text, full_timestamp, title_text


class BinDialog(QDialog):
    """Lists the bin; Restore puts a response back in the library."""

    changed = Signal()

    def __init__(self, responses: ResponseService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._responses = responses
        self.setWindowTitle(self.tr("Bin"))
        self.resize(720, 420)

        self.explanation = QLabel(self.tr(
            "Deleted responses stay here until you delete them for good."))
        self.explanation.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setHeaderLabels([self.tr("Title"), self.tr("Questionnaire"),
                                   self.tr("Deleted")])
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel(self.tr("The bin is empty."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)

        self.restore_button = QPushButton(self.tr("&Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(self.tr("Delete for &good…"))
        self.purge_button.clicked.connect(self.purge_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.purge_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)

        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemDoubleClicked.connect(lambda *_: self.restore_selected())
        self.reload()

    def reload(self) -> None:
        """Read the bin again."""
        self.tree.clear()
        for s in self._responses.list(deleted=True):
            when = s.deleted_at or s.updated_at
            item = QTreeWidgetItem([title_text(s), s.questionnaire_title, edited_text(when)])
            item.setData(0, Qt.ItemDataRole.UserRole, s.id)
            item.setToolTip(2, full_timestamp(when))
            self.tree.addTopLevelItem(item)
        empty = self.tree.topLevelItemCount() == 0
        self.tree.setVisible(not empty)
        self.empty_label.setVisible(empty)
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def _selected_ids(self) -> list[str]:
        return [str(i.data(0, Qt.ItemDataRole.UserRole)) for i in self.tree.selectedItems()]

    def _update_buttons(self) -> None:
        any_selected = bool(self.tree.selectedItems())
        self.restore_button.setEnabled(any_selected)
        self.purge_button.setEnabled(any_selected)

    def restore_selected(self) -> None:
        """Put the selected responses back in the library."""
        for rid in self._selected_ids():
            self._run(self._responses.restore, rid)
        self.reload()
        self.changed.emit()

    def purge_selected(self) -> None:
        """Delete the selected responses for good, after asking."""
        ids = self._selected_ids()
        if not ids:
            return
        answer = QMessageBox.warning(
            self, self.tr("Delete for good"),
            self.tr("Delete %n response(s) for good? This cannot be undone.", "", len(ids)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        for rid in ids:
            self._run(self._responses.purge, rid)
        self.reload()
        self.changed.emit()

    def _run(self, action: Callable[[str], None], rid: str) -> None:
        try:
            action(rid)
        except ConsultDeskError as exc:
            show_error(self, self.tr("Bin"), exc)
