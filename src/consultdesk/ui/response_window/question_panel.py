"""The question as the questionnaire words it: number, wording, guidance and limit."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.questionnaire import CHOICE_KINDS, Budget, Question, Section
from consultdesk.ui.response_window.problem_text import limit_text


def _muted(label: QLabel) -> None:
    """Secondary text: the palette's placeholder colour keeps contrast in light and dark
    (its role, not a copy of its colour: a copy stayed the light one after a switch)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)


def _wrapping(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class _SectionPath(QLabel):
    """The sections above the question on one line, cut with "…" where the buttons beside
    it leave too little room (wrapped, a long section title stood one word a line beside
    them); the whole path is then its tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Takes the room the buttons leave, and never asks for more.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_path(self, path: str) -> None:
        """Show ``path`` ("Part A › Section 2"), cut to the width."""
        self.path = path
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self.path, Qt.TextElideMode.ElideRight,
                                              max(0, self.width()))
        self.setText(shown)
        self.setToolTip(self.path if shown != self.path else "")


class QuestionPanel(QWidget):
    """Shows the current question, with "Done" and "History…" beside it."""

    done_toggled = Signal(bool)
    history_requested = Signal()
    #: the "Compare with last time" button was switched on or off
    compare_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section_label = _SectionPath(self)
        _muted(self.section_label)
        self.wording = _wrapping(self)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.wording.setFont(font)
        self.wording.setAccessibleName(self.tr("Question"))
        self.guidance = _wrapping(self)
        self.limit_label = _wrapping(self)
        self.limit_label.setAccessibleName(self.tr("Limit"))
        limit_font = QFont(self.font())
        limit_font.setItalic(True)
        self.limit_label.setFont(limit_font)
        self.budget_label = _wrapping(self)
        self.budget_label.setAccessibleName(self.tr("Shared limit"))
        self.budget_label.hide()
        self.done_box = QCheckBox(self.tr("&Done"), self)
        self.done_box.setToolTip(self.tr("Mark this question done (Ctrl+D)"))
        self.done_box.toggled.connect(self.done_toggled)
        self.history_button = QPushButton(self.tr("&History…"), self)
        self.history_button.setToolTip(self.tr("Earlier versions of this answer"))
        self.history_button.clicked.connect(self.history_requested)
        top = QHBoxLayout()
        top.addWidget(self.section_label, 1)
        top.addWidget(self.done_box)
        top.addWidget(self.history_button)
        self.compare_button = QPushButton(self.tr("Compare with &last time"), self)
        self.compare_button.setCheckable(True)
        self.compare_button.setToolTip(self.tr(
            "Show the answer of the response this one was started from, with what changed"))
        self.compare_button.toggled.connect(self.compare_toggled)
        self.compare_button.hide()
        top.addWidget(self.compare_button)
        self._top = top
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.wording)
        layout.addWidget(self.guidance)
        layout.addWidget(self.limit_label)
        layout.addWidget(self.budget_label)

    def add_button(self, button: QPushButton) -> None:
        """Put another button beside "History…" (e.g. "Assign…")."""
        self._top.addWidget(button)

    def show_question(self, question: Question, sections: list[Section], done: bool) -> None:
        """Show a question's place, wording, guidance and limit."""
        self.section_label.set_path(" › ".join(s.title for s in sections if s.title))
        number = question.display_number
        self.wording.setText(f"{number}. {question.text}" if number else question.text)
        guidance = [s.intro for s in sections if s.intro] + (
            [question.guidance] if question.guidance else [])
        self.guidance.setText("\n".join(guidance))
        self.guidance.setVisible(bool(guidance))
        self.limit_label.setText(limit_text(question.limit) if question.limit else "")
        self.limit_label.setVisible(question.limit is not None)
        self.set_done(done)
        # A choice made is done by itself; only written answers need marking.
        self.done_box.setVisible(question.kind not in CHOICE_KINDS)
        self.history_button.setVisible(True)

    def show_budgets(self, budgets: list[tuple[Budget, int]]) -> None:
        """Show the shared limits this question counts towards, with their use so far."""
        lines = []
        over = False
        for b, used in budgets:
            line = self.tr("{limit} — {used} used so far").format(
                limit=limit_text(b.limit), used=f"{used:,}")
            if used > b.limit.amount:
                over = True
                line += " — " + self.tr("{excess} over").format(
                    excess=f"{used - b.limit.amount:,}")
            lines.append(line)
        self.budget_label.setText("\n".join(lines))
        self.budget_label.setVisible(bool(lines))
        font = self.budget_label.font()
        font.setBold(over)  # weight, not only colour, says it is over
        self.budget_label.setFont(font)

    def show_heading(self, title: str, intro: str) -> None:
        """Show a page that is not a question (the respondent details)."""
        self.section_label.set_path("")
        self.wording.setText(title)
        self.guidance.setText(intro)
        self.guidance.setVisible(bool(intro))
        self.limit_label.setVisible(False)
        self.budget_label.setVisible(False)
        self.done_box.setVisible(False)
        self.history_button.setVisible(False)

    def set_done(self, done: bool) -> None:
        """Reflect the done flag without emitting a change."""
        self.done_box.blockSignals(True)
        self.done_box.setChecked(done)
        self.done_box.blockSignals(False)
