"""The library window: every response, and the actions that start, copy and remove them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.context import Services
from consultdesk.services.records import QuestionnaireInfo, ResponseSummary
from consultdesk.ui.contributions.reply_dialog import answer_request_action
from consultdesk.ui.errors import error_text, show_error
from consultdesk.ui.library.app_actions import AppActions, Shortcut, make_action
from consultdesk.ui.library.bin_dialog import BinDialog
from consultdesk.ui.library.details_dialog import DetailsDialog
from consultdesk.ui.library.empty_state import WELCOME_QUESTIONNAIRE, EmptyState
from consultdesk.ui.library.formatting import duplicate_title
from consultdesk.ui.library.new_response_dialog import NewResponseDialog, default_title
from consultdesk.ui.library.offline_bar import offline_bar_for, with_bar
from consultdesk.ui.library.opener import ResponseWindows, review_and_install
from consultdesk.ui.library.response_import_dialog import ResponseImportDialog
from consultdesk.ui.library.responses_table import ResponsesTable
from consultdesk.ui.library.search_dialog import SearchDialog
from consultdesk.ui.window_memory import restore_window, save_window


class LibraryWindow(QMainWindow):
    """The first window: the table of responses (or the invitation), toolbar and menus."""

    def __init__(self, context: Services, *,
                 today: Callable[[], date] = date.today, fill_later: bool = False) -> None:
        super().__init__()
        self.context = context
        self.settings = context.settings
        self._today = today
        self.windows = ResponseWindows(context, self)
        self.windows.closed.connect(lambda _rid: self.refresh())
        self._last_deleted: list[str] = []
        # Qt adds " — ConsultDesk" (the application display name) where the platform shows it.
        self.setWindowTitle(self.tr("Library"))
        self.setMinimumSize(820, 480)

        self.table = ResponsesTable(today)
        self.model = self.table.responses
        self.proxy = self.table.proxy
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.empty = EmptyState()
        self.empty.start_requested.connect(self.start_welcome_response)
        self.empty.new_requested.connect(self.new_response)
        self.empty.import_requested.connect(self.import_questionnaire)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        table_page = QWidget()
        page_layout = QVBoxLayout(table_page)
        page_layout.setContentsMargins(10, 8, 10, 4)
        page_layout.addWidget(self.table)
        self.stack.addWidget(table_page)
        # Working on the local copy of a team database: a bar says so above everything.
        self.offline_bar = offline_bar_for(context)
        self.setCentralWidget(with_bar(self.offline_bar, self.stack))

        self._make_actions()
        self._make_toolbar()
        self._make_menus()
        self._make_status_bar()
        self._restore_geometry()
        self.table.setAccessibleName(self.tr("Responses"))
        # At start-up the window is shown first and filled a moment later.
        QTimer.singleShot(0, self._fill) if fill_later else self._fill()

    def _fill(self) -> None:
        """List the responses; the keyboard starts at the table or the invitation's button."""
        self.refresh()
        (self.table if self.stack.currentIndex() == 1 else self.empty.start_button).setFocus()

    # -- building ---------------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut = None,
                tip: str = "") -> QAction:
        return make_action(self, text, slot, shortcut, tip)

    def _make_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&New response…"), self.new_response, QKeySequence.StandardKey.New,
            self.tr("Start a response to an installed questionnaire"))
        self.import_action = self._action(
            self.tr("&Import questionnaire…"), self.import_questionnaire, "Ctrl+I",
            self.tr("Install a questionnaire from a file"))
        self.import_response_action = self._action(
            self.tr("Import a completed &response…"), self.import_response, None,
            self.tr("Start from a response already written in Word (last cycle's submission)"))
        self.open_action = self._action(
            self.tr("&Open"), self.open_selected, QKeySequence.StandardKey.Open,
            self.tr("Open the selected response"))
        self.duplicate_action = self._action(
            self.tr("&Duplicate…"), self.duplicate_selected, "Ctrl+D",
            self.tr("Start a new response from the selected one's answers"))
        self.details_action = self._action(
            self.tr("De&tails…"), self.edit_details, "F2",
            self.tr("Change the title, status or deadline of the selected response"))
        self.delete_action = self._action(
            self.tr("&Delete"), self.delete_selected, QKeySequence.StandardKey.Delete,
            self.tr("Move the selected responses to the bin"))
        self.undo_delete_action = self._action(
            self.tr("&Undo delete"), self.undo_delete, QKeySequence.StandardKey.Undo)
        self.bin_action = self._action(
            self.tr("&Bin…"), self.show_bin, None, self.tr("Restore deleted responses"))
        self.find_action = self._action(
            self.tr("&Filter"), lambda: self.filter.setFocus(), QKeySequence.StandardKey.Find)
        self.search_action = self._action(
            self.tr("&Search all responses…"), self.show_search, "Ctrl+Shift+F",
            self.tr("Find text in every answer of every response"))
        self.quit_action = self._action(self.tr("&Quit"), self.close,
                                        QKeySequence.StandardKey.Quit)
        self.app_actions = AppActions(self, self.context)
        self.preferences_action = self.app_actions.preferences_action
        self.about_action = self.app_actions.about_action
        self.backup_action = self.app_actions.backup_action
        self.data_folder_action = self.app_actions.data_folder_action
        self.back_up = self.app_actions.back_up
        self.undo_delete_action.setEnabled(False)
        # Enter opens, like a double click.
        self.open_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Open),
                                       QKeySequence(Qt.Key.Key_Return)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)

    def _make_toolbar(self) -> None:
        bar = QToolBar(self.tr("Library"))
        bar.setObjectName("libraryToolbar")
        bar.setMovable(False)
        # Words, not pictures: officials read the toolbar; the platform icons say little.
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.import_action):
            bar.addAction(action)
        bar.addSeparator()
        for action in (self.open_action, self.details_action, self.duplicate_action,
                       self.delete_action):
            bar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter responses"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setFixedWidth(240)
        self.filter.textChanged.connect(self.table.set_filter)
        bar.addWidget(self.filter)
        bar.addAction(self.bin_action)
        self.addToolBar(bar)
        self.toolbar = bar

    def _make_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        for action in (self.new_action, self.import_action, self.import_response_action,
                       answer_request_action(self, self.context), self.open_action,
                       self.details_action, self.duplicate_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu(self.tr("&Edit"))
        for action in (self.undo_delete_action, self.delete_action, self.find_action,
                       self.search_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        view_menu = menus.addMenu(self.tr("&View"))
        view_menu.addAction(self.bin_action)
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.data_folder_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _make_status_bar(self) -> None:
        status = self.statusBar()
        self.count_label = QLabel()
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo_delete)
        status.addPermanentWidget(self.undo_button)
        status.addPermanentWidget(self.count_label)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

    # -- state ------------------------------------------------------------------------------
    def detach(self) -> None:
        """Its context closes (the app quits, or connects again): read nothing more."""
        self._detached = True
        self.windows.blockSignals(True)

    def refresh(self) -> None:
        """Read the responses again, keeping the selection."""
        if getattr(self, "_detached", False):
            return
        try:
            summaries = self.context.responses.list()
        except ConsultDeskError as exc:
            self.statusBar().showMessage(error_text(exc))
            return
        self.table.set_summaries(summaries)
        self._update_bin_label()
        self.stack.setCurrentIndex(1 if summaries else 0)
        if not summaries:
            self.empty.set_questionnaire(self._welcome_info())
        self.filter.setEnabled(bool(summaries) or bool(self.filter.text()))
        self.count_label.setText(self.tr("%n response(s)", "", len(summaries)))
        self.count_label.setVisible(bool(summaries))
        self._update_actions()

    def _update_bin_label(self) -> None:
        try:
            in_bin = len(self.context.responses.list(deleted=True))
        except ConsultDeskError:
            in_bin = 0
        # The toolbar says how many wait in the bin: "Bin (2)".
        self.bin_action.setIconText(self.tr("Bin (%1)").replace("%1", str(in_bin)) if in_bin
                                    else self.tr("Bin"))

    def _welcome_info(self) -> QuestionnaireInfo | None:
        for info in self.context.catalog.list():
            if info.id == WELCOME_QUESTIONNAIRE:
                return info
        return None

    def select_response(self, response_id: str) -> None:
        """Select (only) the row of ``response_id`` and scroll to it."""
        self.table.select_response(response_id)

    def selected_summaries(self) -> list[ResponseSummary]:
        """The responses selected in the table, in display order."""
        return self.table.selected_summaries()

    def current_summary(self) -> ResponseSummary | None:
        """The response an action on one response applies to."""
        return self.table.current_summary()

    def _update_actions(self) -> None:
        count = len(self.table.selectionModel().selectedRows())
        self.open_action.setEnabled(count == 1)
        self.details_action.setEnabled(count == 1)
        self.duplicate_action.setEnabled(count == 1)
        self.delete_action.setEnabled(count >= 1)

    def _context_menu(self, pos: QPoint) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        for action in (self.open_action, self.details_action, self.duplicate_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.delete_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # -- actions ----------------------------------------------------------------------------
    def start_welcome_response(self, questionnaire_id: str) -> str | None:
        """Create a response to the bundled consultation and open it."""
        try:
            info = next(i for i in self.context.catalog.list() if i.id == questionnaire_id)
            deadline = self.context.catalog.get(questionnaire_id).deadline
            rid = self.context.responses.create(
                questionnaire_id, default_title(info, self._today()), deadline=deadline)
        except (ConsultDeskError, StopIteration) as exc:
            self._error(self.tr("New response"), exc)
            return None
        self.refresh()
        self.select_response(rid)
        self.open_response(rid)
        return rid

    def new_response(self, preselect: str | None = None) -> str | None:
        """Ask which questionnaire to answer, create the response and open it."""
        dialog = NewResponseDialog(self.context.catalog, self, preselect=preselect,
                                   today=self._today())
        if not dialog.exec():
            return None
        request = dialog.request()
        if request is None:
            return None
        try:
            rid = self.context.responses.create(request.questionnaire_id, request.title,
                                                deadline=request.deadline)
        except ConsultDeskError as exc:
            self._error(self.tr("New response"), exc)
            return None
        self.refresh()
        self.select_response(rid)
        self.open_response(rid)
        return rid

    def import_questionnaire(self, path: Path | None = None) -> None:
        """Pick a questionnaire file, review it and install it."""
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import questionnaire"), self.settings.import_folder,
                self.tr("Questionnaires (*.docx *.toml);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
            self.settings.import_folder = str(path.parent)
        installed = review_and_install(self, self.context, path)
        if installed is None:
            return
        self.statusBar().showMessage(
            self.tr("Installed “%1”.").replace("%1", getattr(installed, "title", "")), 8000)
        self.new_response(preselect=getattr(installed, "id", None))

    def import_response(self, path: Path | None = None) -> str | None:
        """Pick a completed response in Word, review what was found and save it; its id."""
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import a completed response"), self.settings.import_folder,
                self.tr("Word documents (*.docx);;All files (*)"))
            if not chosen:
                return None
            path = Path(chosen)
            self.settings.import_folder = str(path.parent)
        service = self.context.response_import
        try:
            imported = service.read(path)
        except ConsultDeskError as exc:
            self._error(self.tr("Import a completed response"), exc)
            return None
        dialog = ResponseImportDialog(service, imported, self)
        if dialog.exec() != ResponseImportDialog.DialogCode.Accepted or not dialog.saved_id:
            return None
        self.refresh()
        self.select_response(dialog.saved_id)
        self.open_response(dialog.saved_id)
        return dialog.saved_id

    def open_selected(self) -> None:
        """Open the current response."""
        summary = self.current_summary()
        if summary is not None:
            self.open_response(summary.id)

    def open_response(self, response_id: str) -> None:
        """Open a response's window (or bring it to the front)."""
        self.windows.open(response_id, self)

    def edit_details(self) -> None:
        """Change the current response's title, status or deadline."""
        summary = self.current_summary()
        if summary is None:
            return
        dialog = DetailsDialog(summary, self)
        if not dialog.exec():
            return
        change = dialog.change()
        try:
            self.context.responses.update_details(summary.id, title=change.title,
                                                  status=change.status,
                                                  deadline=change.deadline)
        except ConsultDeskError as exc:
            self._error(self.tr("Response details"), exc)
            return
        self.refresh()

    def duplicate_selected(self, title: str | None = None) -> str | None:
        """Copy the current response (answers included) under a new title, and select it."""
        summary = self.current_summary()
        if summary is None:
            return None
        if title is None:
            title, ok = QInputDialog.getText(
                self, self.tr("Duplicate response"),
                self.tr("Title of the new response (the answers are copied):"),
                QLineEdit.EchoMode.Normal, duplicate_title(summary.title, self._today()))
            if not ok or not title.strip():
                return None
        try:
            rid = self.context.responses.duplicate(summary.id, title.strip())
        except ConsultDeskError as exc:
            self._error(self.tr("Duplicate response"), exc)
            return None
        self.refresh()
        self.select_response(rid)
        self.statusBar().showMessage(self.tr("Duplicated as “%1”.").replace("%1", title), 8000)
        return rid

    def delete_selected(self) -> list[str]:
        """Move the selected responses to the bin (Undo brings them back)."""
        deleted: list[str] = []
        for summary in self.selected_summaries():
            self.windows.close(summary.id)
            if self.windows.is_open(summary.id):
                continue  # its window refused to close
            try:
                self.context.responses.delete(summary.id)
            except ConsultDeskError as exc:
                self._error(self.tr("Delete"), exc)
                continue
            deleted.append(summary.id)
        if deleted:
            self._last_deleted = deleted
            self.undo_delete_action.setEnabled(True)
            self.undo_button.show()
            self.statusBar().showMessage(
                self.tr("Moved %n response(s) to the bin.", "", len(deleted)))
        self.refresh()
        return deleted

    def undo_delete(self) -> None:
        """Bring back what the last Delete moved to the bin."""
        for rid in self._last_deleted:
            try:
                self.context.responses.restore(rid)
            except ConsultDeskError as exc:
                self._error(self.tr("Undo delete"), exc)
        restored = self._last_deleted
        self._last_deleted = []
        self.undo_delete_action.setEnabled(False)
        self.undo_button.hide()
        self.statusBar().clearMessage()
        self.refresh()
        if restored:
            self.select_response(restored[0])

    def show_bin(self) -> BinDialog:
        """Show the bin (modeless); restoring refreshes the library."""
        dialog = BinDialog(self.context.responses, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.changed.connect(self.refresh)
        dialog.show()
        return dialog

    def show_search(self) -> SearchDialog:
        """Show the library-wide search (modeless); a hit opens its response there."""
        dialog = SearchDialog(self.context.search, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open_requested.connect(self.open_hit)
        dialog.show()
        dialog.activateWindow()
        dialog.field.setFocus()
        return dialog

    def open_hit(self, response_id: str, question_id: str, text: str) -> None:
        """Open a response at one answer with ``text`` selected in it."""
        self.open_response(response_id)
        window = self.windows.window(response_id)
        show_hit = getattr(window, "show_hit", None)
        if show_hit is not None:
            show_hit(question_id, text)

    def _error(self, title: str, error: BaseException) -> None:
        show_error(self, title, error)

    # -- window life ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        sort = self.settings.library_sort()
        if sort is not None:
            self.table.sortByColumn(sort[0], Qt.SortOrder(sort[1]))
        # Where it was (clamped to today's screens); first start: most of the screen,
        # centred (officials work in it all day).
        restore_window(self, self.settings, "library", 1400, 860)

    def event(self, event: QEvent) -> bool:
        """Refresh when the window comes back to the front (a response may have changed)."""
        if event.type() == QEvent.Type.WindowActivate and getattr(self, "model", None):
            self.refresh()
        return super().event(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the response windows too (they save as they close), and keep the geometry."""
        if not self.windows.close_all():
            event.ignore()
            return
        save_window(self, self.settings, "library")
        header = self.table.horizontalHeader()
        self.settings.set_library_sort(header.sortIndicatorSection(),
                                       header.sortIndicatorOrder().value)
        self.settings.sync()
        super().closeEvent(event)
