"""Insert ▸ Reference to another answer…: pick the question an answer points to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.references import reference_labels

#: Longer question texts are cut in the list (the whole text is the item's tooltip).
_TEXT_CHARS = 110
#: Where an item keeps the label the reference will read ("pregunta 2", "問2").
_LABEL_ROLE = Qt.ItemDataRole.UserRole + 1


class ReferenceChooser(QDialog):
    """The questionnaire's questions (number and wording), filtered as one types."""

    def __init__(self, questionnaire: Questionnaire, current: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reference to another answer"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The reference always shows the question's current number."),
                       self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter by number or words"))
        self.filter.setAccessibleName(self.tr("Filter"))
        self.filter.textChanged.connect(self._filter)
        layout.addWidget(self.filter)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Questions"))
        # One line per question, cut with "…" at the edge (the whole text is the tooltip).
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.setSpacing(2)
        labels = reference_labels(questionnaire)
        for q in questionnaire.questions():
            if q.id == current:
                continue  # an answer does not point to itself
            text = " ".join(q.text.split())
            short = text if len(text) <= _TEXT_CHARS else text[:_TEXT_CHARS - 1] + "…"
            item = QListWidgetItem(f"{q.display_number}  {short}" if q.number else short)
            item.setData(Qt.ItemDataRole.UserRole, q.id)
            # Typing what the reference will read ("問3", "pregunta 3") finds it too.
            item.setData(_LABEL_ROLE, labels[q.id])
            item.setToolTip(text)
            self.list.addItem(item)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list, 1)
        # A filter that hides every question says so (an empty list looked broken).
        self.no_match = QLabel(self)
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        layout.addWidget(self.no_match)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Insert"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(lambda *_: self._sync())
        if self.list.count():
            self.list.setCurrentRow(0)
        self._sync()
        self.resize(620, 420)
        self.filter.setFocus()

    def keyPressEvent(self, event: object) -> None:
        # Up and Down in the filter move through the list, as in a search box.
        key = event.key()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.filter.hasFocus():
            row, step = self.list.currentRow(), (1 if key == Qt.Key.Key_Down else -1)
            while 0 <= row + step < self.list.count():
                row += step
                if not self.list.item(row).isHidden():
                    self.list.setCurrentRow(row)
                    break
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first_shown = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = f"{item.text()} {item.data(_LABEL_ROLE)}".casefold()
            shown = all(w in haystack for w in words)
            item.setHidden(not shown)
            if shown and first_shown is None:
                first_shown = row
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self.list.setCurrentRow(first_shown if first_shown is not None else -1)
        self.no_match.setText(self.tr("No question matches “{text}”.").format(
            text=text.strip()))
        self.no_match.setVisible(first_shown is None)
        self._sync()

    def _sync(self) -> None:
        current = self.list.currentItem()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            current is not None and not current.isHidden())

    def chosen(self) -> str | None:
        """The chosen question's id (None when nothing is chosen)."""
        current = self.list.currentItem()
        if current is None or current.isHidden():
            return None
        return str(current.data(Qt.ItemDataRole.UserRole))
