"""The detected structure as a list: one row per line of the document, with its role."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from consultdesk.domain.questionnaire import Limit, Unit
from consultdesk.services.imports import ImportDraft, ImportLine, Role

# Literal contexts and texts on every call: pyside6-lupdate only extracts those.


def role_names() -> dict[Role, str]:
    """The roles as the user reads them, translated."""
    return {
        Role.TITLE: QCoreApplication.translate("ImportReview", "Title"),
        Role.SECTION: QCoreApplication.translate("ImportReview", "Section heading"),
        Role.QUESTION: QCoreApplication.translate("ImportReview", "Question"),
        Role.INSTRUCTION: QCoreApplication.translate("ImportReview", "Instruction"),
        Role.RESPONDENT: QCoreApplication.translate("ImportReview", "Respondent field"),
        Role.CHOICE: QCoreApplication.translate("ImportReview", "Choices"),
        Role.IGNORE: QCoreApplication.translate("ImportReview", "Ignored"),
    }


def short_limit(limit: Limit) -> str:
    """A limit in a few characters for the list ("≈5,000 chars", "500 words")."""
    unit = {
        Unit.CHARACTERS_WITH_SPACES: QCoreApplication.translate("ImportReview", "chars"),
        Unit.CHARACTERS_WITHOUT_SPACES: QCoreApplication.translate("ImportReview",
                                                                   "chars w/o spaces"),
        Unit.WORDS: QCoreApplication.translate("ImportReview", "words"),
    }[limit.unit]
    return f"{'≈' if limit.approximate else ''}{limit.amount:,} {unit}"


class LineList(QTreeWidget):
    """Shows an :class:`ImportDraft`'s lines; the row index is the line index."""

    COLUMNS = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(self.COLUMNS)
        self.setHeaderLabels([self.tr("Role"), self.tr("No."), self.tr("Text"),
                              self.tr("Limit")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

    def show_draft(self, draft: ImportDraft, select: int | None = None) -> None:
        """Fill the list from the draft and select a row.

        Rows are refilled in place, and only the difference in count is added or taken:
        clearing a long list costs seconds in Qt, refilling it milliseconds.
        """
        self.blockSignals(True)
        try:
            while self.topLevelItemCount() > len(draft.lines):
                self.takeTopLevelItem(self.topLevelItemCount() - 1)
            missing = len(draft.lines) - self.topLevelItemCount()
            if missing > 0:
                self.addTopLevelItems([QTreeWidgetItem() for _ in range(missing)])
            for row, line in enumerate(draft.lines):
                item = self.topLevelItem(row)
                if item is not None:
                    self._fill(item, line, draft)
        finally:
            self.blockSignals(False)
        if select is not None and self.topLevelItemCount():
            row = max(0, min(select, self.topLevelItemCount() - 1))
            chosen = self.topLevelItem(row)
            if chosen is not None:
                self.setCurrentItem(chosen)

    def update_row(self, row: int, draft: ImportDraft) -> None:
        """Refresh one row after its line changed."""
        item = self.topLevelItem(row)
        if item is not None:
            self._fill(item, draft.lines[row], draft)

    def update_limits(self, draft: ImportDraft) -> None:
        """Refresh the limit column (the default limit changed)."""
        for row, line in enumerate(draft.lines):
            item = self.topLevelItem(row)
            if item is not None:
                item.setText(3, self._limit_text(line, draft))

    def current_row(self) -> int:
        """The selected line's index (-1 when none)."""
        item = self.currentItem()
        return self.indexOfTopLevelItem(item) if item is not None else -1

    def _limit_text(self, line: ImportLine, draft: ImportDraft) -> str:
        if line.role is not Role.QUESTION or line.options:
            return ""
        if line.limit is not None:
            return short_limit(line.limit)
        if draft.default_limit is not None:
            return self.tr("%1 (for all)").replace("%1", short_limit(draft.default_limit))
        return ""

    def _fill(self, item: QTreeWidgetItem, line: ImportLine, draft: ImportDraft) -> None:
        names = role_names()
        indent = "    " * max(0, line.level - 1) if line.role in (Role.QUESTION,
                                                               Role.SECTION) else ""
        text = line.text or line.source
        if line.options and line.role is not Role.CHOICE:  # a choice line shows its boxes
            text += "   [" + " | ".join(line.options) + "]"
        item.setText(0, names[line.role])
        item.setText(1, line.number or "")
        item.setText(2, indent + text)
        item.setText(3, self._limit_text(line, draft))
        item.setToolTip(2, line.source)
        font = QFont(self.font())
        font.setBold(line.role in (Role.TITLE, Role.SECTION))
        for column in range(self.COLUMNS):
            item.setFont(column, font)
        item.setData(0, Qt.ItemDataRole.UserRole, line.role.value)
        self._colour(item)

    def _colour(self, item: QTreeWidgetItem) -> None:
        """An ignored line or an instruction in the secondary colour, the rest as text."""
        muted = item.data(0, Qt.ItemDataRole.UserRole) in (Role.IGNORE.value,
                                                           Role.INSTRUCTION.value)
        role = QPalette.ColorRole.PlaceholderText if muted else QPalette.ColorRole.Text
        item.setForeground(0, QBrush(self.palette().color(role)))
        item.setForeground(2, QBrush(self.palette().color(role)))

    def changeEvent(self, event: QEvent) -> None:
        """After a switch between light and dark, the lines in the new palette's colours
        (each kept the light one: dark text on the dark list)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            for row in range(self.topLevelItemCount()):
                item = self.topLevelItem(row)
                if item is not None:
                    self._colour(item)
