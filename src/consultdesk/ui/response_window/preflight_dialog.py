"""Before export: every problem (over a limit, a required answer or detail empty), clickable."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.response import Problem, ProblemKind
from consultdesk.ui.response_window.problem_text import describe_problem
from consultdesk.ui.status_icons import AnswerState, state_icon


class PreflightDialog(QDialog):
    """Lists the problems; activating one closes the dialog and names it in ``target``."""

    def __init__(self, problems: list[Problem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: the chosen problem's question id or respondent field id (None: no jump)
        self.target: str | None = None
        self.setWindowTitle(self.tr("Before exporting"))
        self.setMinimumSize(560, 320)
        self.resize(680, 360)  # a reference problem reads on one line
        intro = QLabel(self.tr("%n problem(s) found. Double-click one (or press Enter) to go "
                               "to it, or export anyway.", "", len(problems)), self)
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Problems"))
        for problem in problems:
            item = QListWidgetItem(self.describe(problem))
            over = problem.kind in (ProblemKind.OVER_LIMIT, ProblemKind.OVER_BUDGET)
            item.setIcon(state_icon(AnswerState.OVER if over else AnswerState.NEAR))
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self.list.addItem(item)
        # Long problems ("… refers to a question this questionnaire does not have (…)")
        # wrap instead of running under the edge behind a sideways scroll bar.
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.itemActivated.connect(self._go)
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(self)
        self.export_button = buttons.addButton(self.tr("&Export anyway…"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def describe(self, problem: Problem) -> str:
        """The problem in the interface's language (the domain's message is English)."""
        return describe_problem(problem)

    def _go(self, item: QListWidgetItem) -> None:
        problem: Problem = item.data(Qt.ItemDataRole.UserRole)
        self.target = problem.target
        self.reject()
