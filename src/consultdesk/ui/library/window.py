"""The library window: every response, and the actions that start, copy and remove them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.settings import Settings
from consultdesk.ui.errors import error_text, show_error
from consultdesk.ui.library.frame import LibraryFrame
from consultdesk.ui.qt_keys import set_enum_property
from consultdesk.ui.window_memory import restore_window, save_window

if TYPE_CHECKING:
    from consultdesk.services.context import Services
    from consultdesk.services.records import QuestionnaireInfo, ResponseSummary
    from consultdesk.ui.library.bin_dialog import BinDialog
    from consultdesk.ui.library.offline_bar import OfflineBar
    from consultdesk.ui.library.search_dialog import SearchDialog

# The lazy imports rule, here: this module holds what the window's shell needs (it is on
# screen before the data folder opens); the table, the dialogs and the services' record
# types, which bring the domain, counting and Markdown with them, are imported where they
# are first used, after the shell is painted.  So are Qt's dialog classes and the ``Qt``
# namespace: PySide builds each Qt class (and its enums) when a module first names it, a
# millisecond apiece, ~20 ms for ``Qt`` (the shell sets its enums by name: ``qt_keys``).


class LibraryWindow(QMainWindow):
    """The first window: the table of responses (or the invitation), toolbar and menus.

    Built without services it is the shell shown at start-up, before the data folder is
    open: the same frame, toolbar and menus (disabled) around an "Opening…" page;
    :meth:`attach` fills it once the services are there.
    """

    #: Emitted once, just after the window was first painted (the start-up opens the
    #: data folder then, so the user sees the window at once).
    first_painted = Signal()

    def __init__(self, context: Services | None, *, settings: Settings | None = None,
                 today: Callable[[], date] = date.today, fill_later: bool = False) -> None:
        super().__init__()
        self.context: Services | None = None
        chosen = context.settings if context is not None else settings
        if chosen is None:
            raise ValueError("a library window needs its services or, as a shell, settings")
        self.settings: Settings = chosen
        self._today = today
        self._last_deleted: list[str] = []
        self._painted = False
        #: The bar saying the window works on the local copy of a team database (if so).
        self.offline_bar: OfflineBar | None = None
        # Qt adds " — ConsultDesk" (the application display name) where the platform shows it.
        self.setWindowTitle(self.tr("Library"))
        self.setMinimumSize(820, 480)
        self.opening = QLabel(self.tr("Opening…"))
        set_enum_property(self.opening, "alignment", "AlignCenter")
        self.opening.setEnabled(False)  # drawn in the palette's quieter text colour
        self.setCentralWidget(self.opening)

        self.frame = LibraryFrame(self, self)
        for action in self.frame.needing_services():
            action.setEnabled(False)
        self.frame.filter.setEnabled(False)
        # Where it was (clamped to today's screens); first start: most of the screen,
        # centred (officials work in it all day).
        restore_window(self, self.settings, "library", 1400, 860)
        if context is not None:
            self.attach(context, fill_later=fill_later)

    def attach(self, context: Services, *, fill_later: bool = False) -> None:
        """Fill the shell with the library of ``context`` (the list now, or just after)."""
        from PySide6.QtCore import Qt

        from consultdesk.ui.library.empty_state import EmptyState
        from consultdesk.ui.library.opener import ResponseWindows
        from consultdesk.ui.library.responses_table import ResponsesTable

        self.frame.bind_shortcuts()  # if the first paint has not done it yet
        self.context = context
        self.settings = context.settings
        self.frame.app_actions.attach(context)
        self.windows = ResponseWindows(context, self)
        self.windows.closed.connect(lambda _rid: self.refresh())
        self.table = ResponsesTable(self._today)
        self.model = self.table.responses
        self.proxy = self.table.proxy
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.frame.filter.textChanged.connect(self.table.set_filter)
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
        # "Opening…" stays up until the list is read (not the invitation, for a moment).
        self.takeCentralWidget()
        self.stack.addWidget(self.opening)
        self.stack.setCurrentWidget(self.opening)
        # Working on the local copy of a team database: a bar says so above everything.
        from consultdesk.ui.library.offline_bar import offline_bar_for, with_bar

        self.offline_bar = offline_bar_for(context)
        self.setCentralWidget(with_bar(self.offline_bar, self.stack))
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        for action in self.frame.needing_services():
            action.setEnabled(action is not self.frame.undo_delete_action)
        self._update_actions()  # the actions on a selected response wait for a selection
        sort = self.settings.library_sort()
        if sort is not None:
            self.table.sortByColumn(sort[0], Qt.SortOrder(sort[1]))
        self.table.setAccessibleName(self.tr("Responses"))
        # At start-up the window is shown first and filled a moment later.
        QTimer.singleShot(0, self._fill) if fill_later else self._fill()

    @property
    def services(self) -> Services:
        """The services (only once attached: every action needing them is disabled before)."""
        if self.context is None:
            raise RuntimeError("the library window is not attached to a data folder yet")
        return self.context

    def _fill(self) -> None:
        """List the responses; the keyboard starts at the table or the invitation's button."""
        self.refresh()
        (self.table if self.stack.currentIndex() == 1 else self.empty.start_button).setFocus()

    # -- state ------------------------------------------------------------------------------
    def detach(self) -> None:
        """Its context closes (the app quits, or connects again): read nothing more."""
        self._detached = True
        if self.context is not None:  # the shell has no response windows yet
            self.windows.blockSignals(True)

    def refresh(self) -> None:
        """Read the responses again, keeping the selection."""
        if getattr(self, "_detached", False):
            return
        try:
            summaries = self.services.listing.list()
        except ConsultDeskError as exc:
            self.statusBar().showMessage(error_text(exc))
            if self.stack.currentWidget() is self.opening:
                self.stack.setCurrentIndex(1)  # the (empty) table, the reason beneath it
            return
        self.table.set_summaries(summaries)
        self._update_bin_label()
        self.stack.setCurrentIndex(1 if summaries else 0)
        if not summaries:
            self.empty.set_questionnaire(self._welcome_info())
        self.frame.filter.setEnabled(bool(summaries) or bool(self.frame.filter.text()))
        self.frame.count_label.setText(self.tr("%n response(s)", "", len(summaries)))
        self.frame.count_label.setVisible(bool(summaries))
        self._update_actions()

    def _update_bin_label(self) -> None:
        try:
            in_bin = len(self.services.listing.list(deleted=True))
        except ConsultDeskError:
            in_bin = 0
        # The toolbar says how many wait in the bin: "Bin (2)".
        self.frame.bin_action.setIconText(self.tr("Bin (%1)").replace("%1", str(in_bin)) if in_bin
                                    else self.tr("Bin"))

    def _welcome_info(self) -> QuestionnaireInfo | None:
        from consultdesk.ui.library.empty_state import WELCOME_QUESTIONNAIRE

        for info in self.services.catalog.list():
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
        self.frame.open_action.setEnabled(count == 1)
        self.frame.details_action.setEnabled(count == 1)
        self.frame.duplicate_action.setEnabled(count == 1)
        self.frame.delete_action.setEnabled(count >= 1)

    def _context_menu(self, pos: QPoint) -> None:
        if not self.table.indexAt(pos).isValid():
            return
        from PySide6.QtWidgets import QMenu

        menu = QMenu(self)
        frame = self.frame
        for action in (frame.open_action, frame.details_action, frame.duplicate_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.frame.delete_action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    # -- actions ----------------------------------------------------------------------------
    def back_up(self, path: Path | None = None) -> Path | None:
        """File ▸ Back up to… (a copy of the whole database, e.g. on a USB stick)."""
        return self.frame.app_actions.back_up(path)

    def answer_request(self) -> None:
        """File ▸ Answer a request for input… (a contributor's way in)."""
        from consultdesk.ui.contributions.reply_dialog import open_reply_dialog

        open_reply_dialog(self.services.contributions, self)

    def start_welcome_response(self, questionnaire_id: str) -> str | None:
        """Create a response to the bundled consultation and open it."""
        from consultdesk.ui.library.new_response_dialog import default_title

        try:
            info = next(i for i in self.services.catalog.list() if i.id == questionnaire_id)
            deadline = self.services.catalog.get(questionnaire_id).deadline
            rid = self.services.responses.create(
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
        from consultdesk.ui.library.new_response_dialog import NewResponseDialog

        dialog = NewResponseDialog(self.services.catalog, self, preselect=preselect,
                                   today=self._today())
        if not dialog.exec():
            return None
        request = dialog.request()
        if request is None:
            return None
        try:
            rid = self.services.responses.create(request.questionnaire_id, request.title,
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
        from PySide6.QtWidgets import QFileDialog

        from consultdesk.ui.library.opener import review_and_install

        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import questionnaire"), self.settings.import_folder,
                self.tr("Questionnaires (*.docx *.toml);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
            self.settings.import_folder = str(path.parent)
        installed = review_and_install(self, self.services, path)
        if installed is None:
            return
        self.statusBar().showMessage(
            self.tr("Installed “%1”.").replace("%1", getattr(installed, "title", "")), 8000)
        self.new_response(preselect=getattr(installed, "id", None))

    def import_response(self, path: Path | None = None) -> str | None:
        """Pick a completed response in Word, review what was found and save it; its id."""
        from PySide6.QtWidgets import QFileDialog

        from consultdesk.ui.library.response_import_dialog import ResponseImportDialog

        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import a completed response"), self.settings.import_folder,
                self.tr("Word documents (*.docx);;All files (*)"))
            if not chosen:
                return None
            path = Path(chosen)
            self.settings.import_folder = str(path.parent)
        service = self.services.response_import
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
        from consultdesk.ui.library.details_dialog import DetailsDialog

        summary = self.current_summary()
        if summary is None:
            return
        dialog = DetailsDialog(summary, self)
        if not dialog.exec():
            return
        change = dialog.change()
        try:
            self.services.responses.update_details(summary.id, title=change.title,
                                                  status=change.status,
                                                  deadline=change.deadline)
        except ConsultDeskError as exc:
            self._error(self.tr("Response details"), exc)
            return
        self.refresh()

    def duplicate_selected(self, title: str | None = None) -> str | None:
        """Copy the current response (answers included) under a new title, and select it."""
        from PySide6.QtWidgets import QInputDialog

        from consultdesk.ui.library.formatting import duplicate_title

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
        # Never the service's English default ("Copy of ..."): a blank title is this year's.
        title = title.strip() or duplicate_title(summary.title, self._today())
        try:
            rid = self.services.responses.duplicate(summary.id, title)
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
                self.services.responses.delete(summary.id)
            except ConsultDeskError as exc:
                self._error(self.tr("Delete"), exc)
                continue
            deleted.append(summary.id)
        if deleted:
            self._last_deleted = deleted
            self.frame.undo_delete_action.setEnabled(True)
            self.frame.undo_button.show()
            self.statusBar().showMessage(
                self.tr("Moved %n response(s) to the bin.", "", len(deleted)))
        self.refresh()
        return deleted

    def undo_delete(self) -> None:
        """Bring back what the last Delete moved to the bin."""
        for rid in self._last_deleted:
            try:
                self.services.responses.restore(rid)
            except ConsultDeskError as exc:
                self._error(self.tr("Undo delete"), exc)
        restored = self._last_deleted
        self._last_deleted = []
        self.frame.undo_delete_action.setEnabled(False)
        self.frame.undo_button.hide()
        self.statusBar().clearMessage()
        self.refresh()
        if restored:
            self.select_response(restored[0])

    def show_bin(self) -> BinDialog:
        """Show the bin (modeless); restoring refreshes the library."""
        from PySide6.QtCore import Qt

        from consultdesk.ui.library.bin_dialog import BinDialog

        dialog = BinDialog(self.services.responses, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.changed.connect(self.refresh)
        dialog.show()
        return dialog

    def show_search(self) -> SearchDialog:
        """Show the library-wide search (modeless); a hit opens its response there."""
        from PySide6.QtCore import Qt

        from consultdesk.ui.library.search_dialog import SearchDialog

        dialog = SearchDialog(self.services.search, self)
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
    def event(self, event: QEvent) -> bool:
        """Refresh when the window comes back to the front (a response may have changed);
        say when the window was first painted."""
        if event.type() == QEvent.Type.WindowActivate and getattr(self, "model", None):
            self.refresh()
        handled = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            # After this paint reaches the screen, not during it.
            QTimer.singleShot(0, self._after_first_paint)
        return handled

    def _after_first_paint(self) -> None:
        self.frame.bind_shortcuts()
        self.first_painted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the response windows too (they save as they close), and keep the geometry."""
        if self.context is None:  # the shell (start-up failed or was quit): nothing to keep
            super().closeEvent(event)
            return
        if not self.windows.close_all():
            event.ignore()
            return
        save_window(self, self.settings, "library")
        header = self.table.horizontalHeader()
        self.settings.set_library_sort(header.sortIndicatorSection(),
                                       header.sortIndicatorOrder().value)
        self.settings.save()  # geometry and sort: a read-only profile must not stop closing
        super().closeEvent(event)
