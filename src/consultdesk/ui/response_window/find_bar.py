"""Find (Ctrl+F) across every answer of the response, with a list of the places found."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.questionnaire import QuestionKind
from consultdesk.domain.rich_text import plain_text
from consultdesk.ui.response_window.session import ResponseSession

_CONTEXT = 40


@dataclass(frozen=True, slots=True)
class Match:
    """One place a search text occurs: the question, which occurrence, and its context."""

    question_id: str
    occurrence: int
    context: str


def find_matches(session: ResponseSession, needle: str) -> list[Match]:
    """Every occurrence of ``needle`` (case-insensitive) in the relevant answers, in order."""
    if not needle:
        return []
    lowered = needle.casefold()
    matches: list[Match] = []
    for q in session.questionnaire.questions():
        if not session.is_relevant(q.id):
            continue
        value = session.value(q.id)
        texts: list[str] = []
        if q.is_text and isinstance(value, str):
            texts.append(plain_text(value))
        elif q.kind is QuestionKind.REPEATING and isinstance(value, list):
            texts.extend(plain_text(v) for e in value if isinstance(e, dict)
                         for v in e.values() if isinstance(v, str))
        occurrence = 0
        for text in texts:
            haystack = text.casefold()
            start = haystack.find(lowered)
            while start >= 0:
                snippet = text[max(0, start - _CONTEXT): start + len(needle) + _CONTEXT]
                matches.append(Match(q.id, occurrence, " ".join(snippet.split())))
                occurrence += 1
                start = haystack.find(lowered, start + len(lowered))
    return matches


class FindBar(QWidget):
    """A search field and the list of matches; activating one jumps to it."""

    #: question id, the text searched, which occurrence in that answer
    activated = Signal(str, str, int)
    closed = Signal()

    def __init__(self, session: ResponseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in all answers"))
        self.field.setAccessibleName(self.tr("Find in all answers"))
        self.field.setClearButtonEnabled(True)
        self.summary = QLabel(self)
        close = QToolButton(self)
        close.setText("✕")
        close.setAccessibleName(self.tr("Close find"))
        close.setAutoRaise(True)
        close.clicked.connect(self.dismiss)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Places found"))
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.summary)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addLayout(row)
        layout.addWidget(self.results)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self._first)
        self.field.installEventFilter(self)

    def open(self) -> None:
        """Show the bar with the search text selected."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def dismiss(self) -> None:
        """Hide the bar."""
        self.hide()
        self.closed.emit()

    def search(self, text: str) -> None:
        """List the matches of ``text``."""
        self.results.clear()
        matches = find_matches(self._session, text)
        for m in matches:
            q = self._session.question(m.question_id)
            where = (self.tr("Question {number}").format(number=q.display_number)
                     if q.number else q.text[:30])
            item = QListWidgetItem(f"{where}: …{m.context}…")
            item.setData(Qt.ItemDataRole.UserRole, m)
            self.results.addItem(item)
        self.results.setVisible(bool(text))
        # As tall as its rows (up to about six), so the question stays in view.
        rows = max(1, min(6, self.results.count()))
        self.results.setFixedHeight(rows * self.results.sizeHintForRow(0) + 6
                                    if self.results.count() else self.fontMetrics().height() + 8)
        self.summary.setText(self.tr("{n} found").format(n=len(matches)) if text else "")

    def _first(self) -> None:
        if self.results.count():
            self.results.setCurrentRow(0)
            self._activate(self.results.item(0))

    def _activate(self, item: QListWidgetItem) -> None:
        m: Match = item.data(Qt.ItemDataRole.UserRole)
        self.activated.emit(m.question_id, self.field.text(), m.occurrence)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.field and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.dismiss()
                return True
            if event.key() == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus()
                self.results.setCurrentRow(0)
                return True
        return super().eventFilter(obj, event)
