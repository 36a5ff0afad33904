"""The library's table: responses sorted, filtered and selected, with a progress bar column."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from consultdesk.services.records import ResponseSummary
from consultdesk.ui.library.progress_delegate import ProgressDelegate
from consultdesk.ui.library.responses_model import SORT_ROLE, Column, ResponsesModel

# (column, narrowest, widest) in pixels; the title column stretches over the rest.
_WIDTHS = ((Column.QUESTIONNAIRE, 160, 260), (Column.STATUS, 70, 140),
           (Column.DEADLINE, 120, 240), (Column.PROGRESS, 180, 320), (Column.EDITED, 90, 160))


_TITLE_MIN = 240
_QUESTIONNAIRE_MIN = 140


class ResponsesTable(QTableView):
    """A sortable, filterable table of ResponseSummary rows (most recently edited first)."""

    def __init__(self, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.responses = ResponsesModel(today, self)
        self._natural: dict[Column, int] = {}  # content widths, within bounds
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.responses)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.setModel(self.proxy)
        self.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setSortingEnabled(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(int(self.fontMetrics().height() * 2.2))
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(60)
        # Fitting columns reads this many rows, not all of them (long libraries stay quick).
        header.setResizeContentsPrecision(200)
        self.sortByColumn(Column.EDITED, Qt.SortOrder.DescendingOrder)

    def set_summaries(self, summaries: list[ResponseSummary]) -> None:
        """Show these responses, keeping the selection (or selecting the first row)."""
        if summaries == self.responses.summaries():
            return  # nothing changed (the usual case when the window is activated)
        keep = {s.id for s in self.selected_summaries()}
        current = self.current_summary()
        self.responses.set_summaries(summaries)
        self._fit_columns()
        self._reselect(keep, current.id if current else None)
        if summaries and not self.selectionModel().hasSelection() and not keep:
            # Start on the most recent response, so Enter opens it.
            self.selectRow(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Share the new width out again."""
        super().resizeEvent(event)
        self._allocate()

    def _allocate(self) -> None:
        """The title keeps room to be read; the questionnaire (also in the title's tooltip)
        and then the last-edited time give way on a narrow window."""
        width = self.viewport().width()
        fixed = sum(self._natural.get(c, 0) for c in (Column.STATUS, Column.DEADLINE,
                                                     Column.PROGRESS))
        edited = self._natural.get(Column.EDITED, 0)
        title_room = max(_TITLE_MIN, int(width * 0.28))
        show_edited = width - fixed - edited >= title_room
        spare = width - fixed - (edited if show_edited else 0) - title_room
        questionnaire = min(self._natural.get(Column.QUESTIONNAIRE, 0), spare)
        show_questionnaire = questionnaire >= _QUESTIONNAIRE_MIN
        self.setColumnHidden(Column.EDITED, not show_edited)
        self.setColumnHidden(Column.QUESTIONNAIRE, not show_questionnaire)
        if show_questionnaire:
            self.setColumnWidth(Column.QUESTIONNAIRE, questionnaire)

    def set_filter(self, text: str) -> None:
        """Show only rows containing ``text`` in any column."""
        self.proxy.setFilterFixedString(text)

    def _fit_columns(self) -> None:
        for column, low, high in _WIDTHS:
            hidden = self.isColumnHidden(column)
            self.setColumnHidden(column, False)  # a hidden column measures as 0
            self.resizeColumnToContents(column)
            self._natural[column] = min(max(self.columnWidth(column), low), high)
            self.setColumnWidth(column, self._natural[column])
            self.setColumnHidden(column, hidden)
        self._allocate()

    def _summary_at(self, proxy_row: int) -> ResponseSummary:
        return self.responses.summary(self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row())

    def _reselect(self, ids: set[str], current: str | None) -> None:
        selection = self.selectionModel()
        selection.clear()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            rid = self._summary_at(row).id
            if rid in ids:
                selection.select(index, QItemSelectionModel.SelectionFlag.Select
                                 | QItemSelectionModel.SelectionFlag.Rows)
            if rid == current:
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)

    def select_response(self, response_id: str) -> None:
        """Select (only) the row of ``response_id`` and scroll to it."""
        row = self.responses.row_of(response_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.responses.index(row, 0))
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.scrollTo(index)

    def selected_summaries(self) -> list[ResponseSummary]:
        """The selected responses, in display order."""
        return [self._summary_at(r)
                for r in sorted(i.row() for i in self.selectionModel().selectedRows())]

    def current_summary(self) -> ResponseSummary | None:
        """The response an action on one response applies to."""
        index = self.currentIndex()
        if index.isValid() and self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return self._summary_at(index.row())
        selected = self.selected_summaries()
        return selected[0] if selected else None
