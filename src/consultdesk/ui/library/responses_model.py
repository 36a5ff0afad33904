"""The table model of the library: one row per response (a ResponseSummary)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from consultdesk.services.records import ResponseSummary
from consultdesk.ui.errors import error_text
from consultdesk.ui.library.formatting import (
    days_left,
    deadline_text,
    edited_text,
    full_timestamp,
    progress_text,
    status_label,
    title_text,
)
from consultdesk.ui.theme import status_colors

#: Role carrying the value the column sorts by.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: Role carrying the ResponseSummary of the row (any column).
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The library's columns, in display order."""

    TITLE = 0
    QUESTIONNAIRE = 1
    STATUS = 2
    DEADLINE = 3
    PROGRESS = 4
    EDITED = 5


class ResponsesModel(QAbstractTableModel):
    """Responses as rows; ``today`` is injectable so tests can fix the date."""

    def __init__(self, today: Callable[[], date] = date.today, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ResponseSummary] = []
        self._today = today

    def headers(self) -> list[str]:
        """The column titles (translated at call time)."""
        return [self.tr("Title"), self.tr("Questionnaire"), self.tr("Status"),
                self.tr("Deadline"), self.tr("Progress"), self.tr("Last edited")]

    # -- data -------------------------------------------------------------------------------
    def set_summaries(self, summaries: Sequence[ResponseSummary]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(summaries)
        self.endResetModel()

    def summaries(self) -> list[ResponseSummary]:
        """Every row's response, in model order."""
        return list(self._rows)

    def summary(self, row: int) -> ResponseSummary:
        """The response shown in ``row``."""
        return self._rows[row]

    def row_of(self, response_id: str) -> int:
        """The row showing ``response_id`` (-1 if none)."""
        for i, s in enumerate(self._rows):
            if s.id == response_id:
                return i
        return -1

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        """Number of responses."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        """Number of columns."""
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What each cell shows, sorts by, and tells in its tooltip."""
        if not index.isValid():
            return None
        s = self._rows[index.row()]
        col = Column(index.column())
        if role == SUMMARY_ROLE:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, col)
        if role == SORT_ROLE:
            return self._sort_key(s, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(s, col)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(s, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col is Column.EDITED:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, s: ResponseSummary, col: Column) -> str:
        if s.problem is not None and col in (Column.STATUS, Column.PROGRESS, Column.EDITED):
            # Listed so nothing is hidden, but its stored data cannot be read.
            return self.tr("Cannot be read") if col is Column.STATUS else "\u2014"
        if col is Column.TITLE:
            return title_text(s)
        if col is Column.QUESTIONNAIRE:
            return s.questionnaire_title
        if col is Column.STATUS:
            return status_label(s.status)
        if col is Column.DEADLINE:
            return deadline_text(s.deadline, self._today())
        if col is Column.PROGRESS:
            return progress_text(s.answered, s.total, s.over)
        return edited_text(s.updated_at)

    def _sort_key(self, s: ResponseSummary, col: Column) -> Any:
        if col is Column.TITLE:
            return title_text(s).casefold()
        if col is Column.QUESTIONNAIRE:
            return s.questionnaire_title.casefold()
        if col is Column.STATUS:
            return list(type(s.status)).index(s.status)
        if col is Column.DEADLINE:
            # Responses without a deadline sort after every dated one.
            return s.deadline.toordinal() if s.deadline else 10**7
        if col is Column.PROGRESS:
            return s.answered / s.total if s.total else 0.0
        return _timestamp(s.updated_at)

    def _tooltip(self, s: ResponseSummary, col: Column) -> str | None:
        if s.problem is not None:
            return self.tr("This response cannot be read: %1").replace("%1", error_text(s.problem))
        if col is Column.EDITED:
            return full_timestamp(s.updated_at)
        if col is Column.PROGRESS and s.over:
            return self.tr("Some answers are over their limit: open the response to shorten them.")
        if col in (Column.TITLE, Column.QUESTIONNAIRE):
            return f"{title_text(s)}\n{s.questionnaire_title}"
        return None

    def _foreground(self, s: ResponseSummary, col: Column) -> Any:
        palette = QApplication.palette()
        colors = status_colors(palette)
        if col is Column.DEADLINE and s.deadline is not None and not _finished(s):
            n = days_left(s.deadline, self._today())
            if n < 0:
                return colors["over"]
            if n <= 7:
                return colors["warn"]
        if col is Column.STATUS and s.status.value in ("final", "submitted"):
            return colors["ok"]
        if col in (Column.QUESTIONNAIRE, Column.EDITED):
            return colors["muted"]
        if col is Column.DEADLINE and s.deadline is None:
            return palette.color(QPalette.ColorRole.PlaceholderText)
        return None


def _finished(s: ResponseSummary) -> bool:
    return s.status.value in ("submitted",)


def _timestamp(when: datetime) -> float:
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()
