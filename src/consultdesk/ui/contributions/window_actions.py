"""Contributions in the response window: the menu, assigning from the navigator or the
question panel, receiving by File ▸ Receive… or by dropping a .docx on the window, the
board, and the merge panel beside the answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QMenu, QMessageBox, QPushButton

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.questionnaire import QuestionKind
from consultdesk.services.contributions import ReceiveResult
from consultdesk.ui.contributions.assign_dialog import AssignDialog
from consultdesk.ui.contributions.board import ContributionsBoard
from consultdesk.ui.contributions.contributors_dialog import ContributorsDialog
from consultdesk.ui.contributions.merge_panel import MergePanel
from consultdesk.ui.contributions.receive_text import receive_lines
from consultdesk.ui.errors import show_error

#: The response window this module extends.  Typed loosely on purpose: the window
#: imports this module, and naming its class here would be an import cycle.
ResponseWindow = Any


def _docx_paths(event: QDropEvent) -> list[Path]:
    """The .docx files a drag carries."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(u.toLocalFile()) for u in mime.urls()
            if u.isLocalFile() and u.toLocalFile().lower().endswith(".docx")]


class ContributionActions(QObject):
    """Adds everything about contributions to one response window."""

    def __init__(self, window: ResponseWindow) -> None:
        super().__init__(window)
        self.window = window
        self.service = window.context.contributions
        self.board: ContributionsBoard | None = None
        self.panel = MergePanel(self.service, window)
        self.panel.questionnaire = window.session.questionnaire
        self.panel.hide()
        self.panel.merged.connect(self._merged)
        self.panel.cursor_paragraph = self._cursor_paragraph  # type: ignore[assignment]
        self.panel.before_write = self._save_pending
        window.splitter.addWidget(self.panel)
        menu = window.menuBar().addMenu(self.tr("&Contributions"))
        self.action_contributors = self._add(menu, self.tr("&Contributors…"), self.contributors)
        self.action_assign = self._add(menu, self.tr("&Assign to a contributor…"), self.assign)
        self.action_board = self._add(menu, self.tr("Contributions &board…"), self.show_board)
        file_menu = window.menuBar().actions()[0].menu()
        self.action_receive = QAction(self.tr("&Receive a contribution…"), window)
        self.action_receive.triggered.connect(self.ask_receive)
        file_menu.insertAction(file_menu.actions()[2], self.action_receive)
        menu.addAction(self.action_receive)
        self.assign_button = QPushButton(self.tr("&Assign…"), window.panel)
        self.assign_button.setToolTip(self.tr("Give this question to a contributor"))
        self.assign_button.clicked.connect(self.assign)
        window.panel.add_button(self.assign_button)
        tree = window.navigator.tree
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._tree_menu)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _add(self, menu: QMenu, text: str, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- assigning -------------------------------------------------------------------
    def _items(self, keys: list[str]) -> tuple[list[str], list[str]]:
        """Assignable items for question ids (a block: a new entry) and their labels."""
        items, labels = [], []
        session = self.window.session
        for key in keys:
            q = session.question(key)
            if not (q.is_text or q.kind is QuestionKind.REPEATING):
                continue
            label = f"{q.display_number}  {q.text}".strip()
            if q.kind is QuestionKind.REPEATING:
                items.append(f"{key}[+]")
                label += " — " + self.tr("a new entry")
            else:
                items.append(key)
            labels.append(label)
        return items, labels

    def assign(self, keys: list[str] | None = None) -> AssignDialog | None:
        """Assign the selected questions (or the current one) to a contributor."""
        if not keys:
            keys = self.window.navigator.selected_keys() or [self.window.current_key()]
        keys = [k for k in keys if k and k in {q.id for q in
                                                self.window.session.questionnaire.questions()}]
        items, labels = self._items(keys)
        if not items:
            QMessageBox.information(self.window, self.tr("Assign to a contributor"), self.tr(
                "Choose text questions or repeating blocks in the list first."))
            return None
        limits = [self.window.session.question(k).limit for k in keys]
        share = min((lim.amount for lim in limits if lim), default=None) \
            if all(limits) and len(items) == len(keys) else None
        dialog = AssignDialog(self.service, self.window.session.response_id, items, labels,
                              share, self.window)
        dialog.open()
        dialog.accepted.connect(self._assigned)
        return dialog

    def _assigned(self) -> None:
        self.window.statusBar().showMessage(self.tr("Assigned."), 4000)
        if self.board is not None:
            self.board.refresh()

    def _tree_menu(self, position: QPoint) -> None:
        menu = QMenu(self.window)
        menu.addAction(self.action_assign)
        menu.exec(self.window.navigator.tree.viewport().mapToGlobal(position))

    def contributors(self) -> None:
        """Manage the contributors."""
        ContributorsDialog(self.service, self.window).exec()

    # -- the board and merging --------------------------------------------------------
    def show_board(self) -> ContributionsBoard:
        """Show the contributions board (one per window)."""
        if self.board is None:
            self.board = ContributionsBoard(self.service, self.window.session.response_id,
                                            self.window)
            self.board.merge_requested.connect(self.show_merge)
        self.board.refresh()
        self.board.show()
        self.board.raise_()
        return self.board

    def show_merge(self, contribution_id: int) -> None:
        """Show a contribution beside its answer, in the merge panel."""
        rows = self.service.board(self.window.session.response_id)
        row = next((r for r in rows if r.contribution and r.contribution.id == contribution_id),
                   None)
        if row is None:
            return
        qid = row.item.question_id
        self.window.navigator.select(qid)
        question = self.window.session.question(qid)
        self.panel.show_row(row, question.limit, self.window.session.questionnaire.convention)
        sizes = self.window.splitter.sizes()
        if len(sizes) == 3 and sizes[2] < 240:
            # Beside the answer: a third of the room the answer had.
            width = max(300, sizes[1] // 3)
            self.window.splitter.setSizes([sizes[0], max(300, sizes[1] - width), width])

    def _cursor_paragraph(self) -> int | None:
        row = self.panel.row
        if row is None or self.window.current_key() != row.item.question_id:
            return None
        return self.window.answers.text_editor.editor.textCursor().blockNumber() + 1

    def _save_pending(self) -> None:
        """Save what the user typed before the service writes the answer."""
        self.window.answers.flush_pending()
        self.window.session.autosave.flush()

    def _merged(self, question_id: str) -> None:
        # The service wrote the answer: show it (one edit block, so Ctrl+Z undoes it).
        window = self.window
        data = window.context.responses.load(window.session.response_id)
        window.session.replace_answer(question_id, data.answers.get(question_id),
                                      data.versions.get(question_id))
        window.answers.reload(question_id)
        window.statusBar().showMessage(self.tr("Contribution merged (Ctrl+Z undoes it)."),
                                       6000)
        if self.board is not None:
            self.board.refresh()

    # -- receiving ---------------------------------------------------------------------
    def ask_receive(self) -> None:
        """File ▸ Receive a contribution…"""
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Receive a contribution"),
                                              "", self.tr("Word documents (*.docx)"))
        if name:
            self.receive(Path(name))

    def receive(self, path: Path) -> ReceiveResult | None:
        """Receive a returned request, say what it held, and show the board."""
        window = self.window
        window.answers.flush_pending()
        window.session.autosave.flush()
        try:
            result = self.service.receive(path)
        except ConsultDeskError as exc:
            show_error(window, self.tr("Receive a contribution"), exc)
            return None
        if result.response_id != window.session.response_id:
            QMessageBox.information(window, self.tr("Receive a contribution"), self.tr(
                "{file} was received for another response; open that response to merge it.")
                .format(file=path.name))
            return result
        lines = receive_lines(result, window.session.questionnaire)
        window.statusBar().showMessage(lines[0], 8000)
        board = self.show_board()
        # What the reader had to do or left out (a table read as paragraphs...) is for the
        # coordinator to check before merging: every line, kept above the board's counts.
        board.show_receipt(lines)
        if len(result.added) == 1 and result.added[0].contribution is not None:
            self.show_merge(result.added[0].contribution.id)
        return result

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept .docx files dragged onto the window, and receive them when dropped."""
        if (watched is self.window
                and event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove)
                and _docx_paths(event)):  # type: ignore[arg-type]
            event.acceptProposedAction()  # type: ignore[attr-defined]
            return True
        if watched is self.window and event.type() == QEvent.Type.Drop:
            paths = _docx_paths(event)  # type: ignore[arg-type]
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                for path in paths:
                    self.receive(path)
                return True
        return super().eventFilter(watched, event)
