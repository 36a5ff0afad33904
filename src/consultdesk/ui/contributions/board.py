"""The contributions board of a response: who has what, requested / received / merged,
due and overdue, with filters; and the request, e-mail and reminder actions."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.contributions import ContributionStatus
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.contributions import BoardRow, ContributionService
from consultdesk.ui.contributions.receive_text import row_label
from consultdesk.ui.errors import show_error
from consultdesk.ui.library.formatting import format_date, full_timestamp

_OVERDUE = QColor("#b42318")
_COLUMNS = 6


def _file_safe(tag: str) -> str:
    """A contributor's tag as part of a file name (no folder separators)."""
    return tag.replace("/", "-").replace("\\", "-")


class ContributionsBoard(QDialog):
    """Every assignment of one response and where it stands."""

    #: a contribution id to merge beside the answer
    merge_requested = Signal(int)
    #: a returned file was received (the window refreshes what it shows)
    received = Signal()

    def __init__(self, service: ContributionService, response_id: str,
                 parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contributions"))
        self._service = service
        self._response_id = response_id
        self._today = today
        self.rows: list[BoardRow] = []
        self.who = QComboBox(self)
        self.who.setAccessibleName(self.tr("Contributor"))
        self.status = QComboBox(self)
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("All"), None)
        self.status.addItem(self.tr("Requested"), ContributionStatus.REQUESTED)
        self.status.addItem(self.tr("Overdue"), "overdue")
        self.status.addItem(self.tr("Received"), ContributionStatus.RECEIVED)
        self.status.addItem(self.tr("Merged"), ContributionStatus.MERGED)
        self.who.currentIndexChanged.connect(lambda _i: self._show())
        self.status.currentIndexChanged.connect(lambda _i: self._show())
        self.table = QTableWidget(0, _COLUMNS, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Question"), self.tr("Contributor"), self.tr("Status"), self.tr("Due"),
            self.tr("Length"), self.tr("Received")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (3, 4, 5):  # due, length, received: whole, however the locale writes them
            self.table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.merge_selected())
        self.summary = QLabel(self)
        #: what the last file received held and what the reader noted (hidden until then)
        self.receipt = QLabel(self)
        self.receipt.setWordWrap(True)
        self.receipt.setTextFormat(Qt.TextFormat.PlainText)
        self.receipt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receipt.hide()
        self.request_button = QPushButton(self.tr("Write &request…"), self)
        # Not connected directly: clicked(bool) would pass False as the path.
        self.request_button.clicked.connect(lambda: self.write_request())
        self.email_button = QPushButton(self.tr("&E-mail request…"), self)
        self.email_button.clicked.connect(lambda: self.email_request(reminder=False))
        self.remind_button = QPushButton(self.tr("Re&mind…"), self)
        self.remind_button.clicked.connect(lambda: self.email_request(reminder=True))
        self.merge_button = QPushButton(self.tr("&Merge…"), self)
        self.merge_button.clicked.connect(self.merge_selected)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Contributor:"), self))
        filters.addWidget(self.who, 1)
        filters.addWidget(QLabel(self.tr("Status:"), self))
        filters.addWidget(self.status, 1)
        actions = QHBoxLayout()
        for button in (self.request_button, self.email_button, self.remind_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.merge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.receipt)
        layout.addWidget(self.summary)
        layout.addLayout(actions)
        self.resize(860, 480)
        self.refresh()

    # -- showing ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the board from the service (keeping the filters)."""
        self.rows = self._service.board(self._response_id, self._today)
        chosen = self.who.currentData()
        self.who.blockSignals(True)
        self.who.clear()
        self.who.addItem(self.tr("Everyone"), None)
        for tag in sorted({r.contributor.tag for r in self.rows}):
            self.who.addItem(tag, tag)
        self.who.setCurrentIndex(max(0, self.who.findData(chosen)) if chosen else 0)
        self.who.blockSignals(False)
        self._show()

    def status_text(self, row: BoardRow) -> str:
        """The status as the board says it."""
        if row.overdue:
            return self.tr("Overdue")
        return {ContributionStatus.REQUESTED: self.tr("Requested"),
                ContributionStatus.RECEIVED: self.tr("Received"),
                ContributionStatus.MERGED: self.tr("Merged"),
                ContributionStatus.SUPERSEDED: self.tr("Superseded")}[row.status]

    def visible_rows(self) -> list[BoardRow]:
        """The rows the filters let through."""
        who, status = self.who.currentData(), self.status.currentData()
        out = []
        for r in self.rows:
            if who is not None and r.contributor.tag != who:
                continue
            if status == "overdue" and not r.overdue:
                continue
            if isinstance(status, ContributionStatus) and r.status is not status:
                continue
            out.append(r)
        return out

    def _show(self) -> None:
        rows = self.visible_rows()
        self.table.setRowCount(len(rows))
        for n, r in enumerate(rows):
            count = ""
            if r.count is not None:
                count = f"{r.count.value:,}"
                if r.count.limit is not None:
                    count += f" / {r.count.limit.amount:,}"
                if r.share:
                    count += " " + self.tr("(share {n})").format(n=f"{r.share:,}")
            # Dates as the library writes them in the UI's language (2026年12月15日).
            received = full_timestamp(r.contribution.received_at) if r.contribution else ""
            number = r.number or r.item.question_id
            cells = [f"{number}  {row_label(r)}", r.contributor.display, self.status_text(r),
                     format_date(r.due) if r.due else "", count, received]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, n)
                if r.overdue and col in (2, 3):
                    item.setForeground(QBrush(_OVERDUE))
                self.table.setItem(n, col, item)
        late = sum(1 for r in self.rows if r.overdue)
        waiting = sum(1 for r in self.rows if r.status is ContributionStatus.RECEIVED)
        self.summary.setText(self.tr("{total} assigned, {late} overdue, {waiting} to merge")
                             .format(total=len(self.rows), late=late, waiting=waiting))

    def show_receipt(self, lines: list[str]) -> None:
        """Say what a file just received held, one line each (kept until the next one)."""
        self.receipt.setText("\n".join(lines))
        self.receipt.setVisible(bool(lines))

    def selected(self) -> BoardRow | None:
        """The row picked in the table."""
        index = self.table.currentRow()
        rows = self.visible_rows()
        return rows[index] if 0 <= index < len(rows) else None

    # -- acting ------------------------------------------------------------------------
    def _tag(self) -> str | None:
        row = self.selected()
        if row is not None:
            return row.contributor.tag
        if self.who.currentData() is not None:
            return str(self.who.currentData())
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("Choose a contributor (a row, or the filter)."))
        return None

    def write_request(self, path: Path | None = None) -> Path | None:
        """Save the request .docx for the chosen contributor (asks where)."""
        tag = self._tag()
        if tag is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the request"), self.request_file_name(tag),
                self.tr("Word documents (*.docx)"))
            if not name:
                return None
            path = Path(name)
        try:
            return self._service.write_request(self._response_id, tag, path)
        except ConsultDeskError as exc:
            show_error(self, self.windowTitle(), exc)
            return None

    def request_file_name(self, tag: str) -> str:
        """The request's file name (what the contributor sees attached), in the UI's language."""
        return self.tr("Request for input - {tag}.docx").format(tag=_file_safe(tag))

    def email_request(self, reminder: bool, folder: Path | None = None,
                      open_it: bool = True) -> Path | None:
        """Write an e-mail draft with the request attached and open it in the mail program."""
        tag = self._tag()
        if tag is None:
            return None
        folder = folder or Path(tempfile.mkdtemp(prefix="consultdesk-mail-"))
        try:
            docx = self._service.write_request(self._response_id, tag,
                                               folder / self.request_file_name(tag))
            draft = (self.tr("Reminder - {tag}.eml") if reminder
                     else self.tr("Request - {tag}.eml")).format(tag=_file_safe(tag))
            eml = self._service.email_draft(self._response_id, tag, docx, folder / draft,
                                            reminder=reminder)
        except ConsultDeskError as exc:
            show_error(self, self.windowTitle(), exc)
            return None
        if open_it and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(eml))):
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "The e-mail draft is saved as {path}; open it with your mail program.")
                .format(path=eml))
        return eml

    def merge_selected(self) -> None:
        """Ask the window to show the selected reply beside its answer."""
        row = self.selected()
        if row is None or row.contribution is None:
            QMessageBox.information(self, self.windowTitle(),
                                    self.tr("Choose a received contribution to merge."))
            return
        self.merge_requested.emit(row.contribution.id)
