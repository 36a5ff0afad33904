"""The library window's frame: its actions, toolbar, menus and status bar.

Built before the data folder is open: the start-up window shows this frame (the actions
that need the services disabled) around "Opening…", so it must stay light, importing
no dialog and no service.  The strings keep the window's translation context.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QToolBar,
    QWidget,
)

from consultdesk.ui.library.app_actions import AppActions, Shortcut, make_action
from consultdesk.ui.qt_keys import set_enum_property


class LibrarySlots(Protocol):
    """What the frame's actions call: the library window's commands."""

    def new_response(self) -> object:
        """File ▸ New response."""

    def import_questionnaire(self) -> object:
        """File ▸ Import questionnaire."""

    def import_response(self) -> object:
        """File ▸ Import a completed response."""

    def answer_request(self) -> object:
        """File ▸ Answer a request for input."""

    def open_selected(self) -> object:
        """File ▸ Open."""

    def duplicate_selected(self) -> object:
        """File ▸ Duplicate."""

    def edit_details(self) -> object:
        """File ▸ Details."""

    def delete_selected(self) -> object:
        """Edit ▸ Delete."""

    def undo_delete(self) -> object:
        """Edit ▸ Undo delete."""

    def show_bin(self) -> object:
        """View ▸ Bin."""

    def show_search(self) -> object:
        """Edit ▸ Search all responses."""

    def close(self) -> bool:
        """File ▸ Quit."""


class LibraryFrame:
    """The actions of the library window, and the toolbar, menus and status bar showing them."""

    def __init__(self, window: QMainWindow, slots: LibrarySlots) -> None:
        self._window = window
        #: The keyboard shortcuts, bound by :meth:`bind_shortcuts` (once the window is
        #: painted: Qt's overloads for a shortcut make PySide build the ``Qt`` namespace).
        self._shortcuts: list[tuple[QAction, QKeySequence | QKeySequence.StandardKey | str]] = []
        self._make_actions(slots)
        self._make_toolbar()
        self._make_menus()
        self._make_status_bar(slots)

    def needing_services(self) -> list[QAction]:
        """Every action that works on the data folder (disabled until it is open)."""
        return [self.new_action, self.import_action, self.import_response_action,
                self.answer_request_action, self.open_action, self.duplicate_action,
                self.details_action, self.delete_action, self.undo_delete_action,
                self.bin_action, self.find_action, self.search_action,
                self.preferences_action, self.backup_action, self.data_folder_action]

    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut = None,
                tip: str = "") -> QAction:
        action = make_action(self._window, text, slot, None, tip)
        if shortcut is not None:
            self._shortcuts.append((action, shortcut))
        return action

    def bind_shortcuts(self) -> None:
        """Give the actions their keyboard shortcuts (once; again does nothing)."""
        shortcuts, self._shortcuts = self._shortcuts, []
        for action, shortcut in shortcuts:
            action.setShortcut(QKeySequence(shortcut))
        if shortcuts:
            from PySide6.QtCore import Qt

            # Enter opens, like a double click (anywhere in the window: Qt's default).
            self.open_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Open),
                                           QKeySequence(Qt.Key.Key_Return)])
        self.app_actions.bind_shortcuts()

    def _make_actions(self, slots: LibrarySlots) -> None:
        self.new_action = self._action(
            QCoreApplication.translate("LibraryWindow", "&New response…"), slots.new_response,
            QKeySequence.StandardKey.New,
            QCoreApplication.translate("LibraryWindow", "Start a response to an installed questionnaire"))
        self.import_action = self._action(
            QCoreApplication.translate("LibraryWindow", "&Import questionnaire…"), slots.import_questionnaire, "Ctrl+I",
            QCoreApplication.translate("LibraryWindow", "Install a questionnaire from a file"))
        self.import_response_action = self._action(
            QCoreApplication.translate("LibraryWindow", "Import a completed &response…"), slots.import_response, None,
            QCoreApplication.translate("LibraryWindow",
               "Start from a response already written in Word (last cycle's submission)"))
        self.open_action = self._action(
            QCoreApplication.translate("LibraryWindow", "&Open"), slots.open_selected, QKeySequence.StandardKey.Open,
            QCoreApplication.translate("LibraryWindow", "Open the selected response"))
        self.duplicate_action = self._action(
            QCoreApplication.translate("LibraryWindow", "&Duplicate…"), slots.duplicate_selected, "Ctrl+D",
            QCoreApplication.translate("LibraryWindow", "Start a new response from the selected one's answers"))
        self.details_action = self._action(
            QCoreApplication.translate("LibraryWindow", "De&tails…"), slots.edit_details, "F2",
            QCoreApplication.translate("LibraryWindow", "Change the title, status or deadline of the selected response"))
        self.delete_action = self._action(
            QCoreApplication.translate("LibraryWindow", "&Delete"), slots.delete_selected,
            QKeySequence.StandardKey.Delete,
            QCoreApplication.translate("LibraryWindow", "Move the selected responses to the bin"))
        self.undo_delete_action = self._action(
            QCoreApplication.translate("LibraryWindow", "&Undo delete"), slots.undo_delete,
            QKeySequence.StandardKey.Undo)
        self.bin_action = self._action(
            QCoreApplication.translate("LibraryWindow", "&Bin…"), slots.show_bin, None,
            QCoreApplication.translate("LibraryWindow", "Restore deleted responses"))
        self.find_action = self._action(
            QCoreApplication.translate("LibraryWindow", "&Filter"), lambda: self.filter.setFocus(),
            QKeySequence.StandardKey.Find)
        self.search_action = self._action(
            QCoreApplication.translate("LibraryWindow", "&Search all responses…"), slots.show_search, "Ctrl+Shift+F",
            QCoreApplication.translate("LibraryWindow", "Find text in every answer of every response"))
        self.quit_action = self._action(QCoreApplication.translate("LibraryWindow", "&Quit"), slots.close,
                                        QKeySequence.StandardKey.Quit)
        # Its dialog is imported when used (it brings the contributions' Word code).
        self.answer_request_action = self._action(
            QCoreApplication.translate("ReplyDialog", "&Answer a request for input…"), slots.answer_request, None,
            QCoreApplication.translate("ReplyDialog",
               "Open a request .docx sent to you, answer it with the counter, save the reply"))
        self.app_actions = AppActions(self._window)
        self.preferences_action = self.app_actions.preferences_action
        self.about_action = self.app_actions.about_action
        self.backup_action = self.app_actions.backup_action
        self.data_folder_action = self.app_actions.data_folder_action
        self.undo_delete_action.setEnabled(False)

    def _make_toolbar(self) -> None:
        bar = QToolBar(QCoreApplication.translate("LibraryWindow", "Library"))
        bar.setObjectName("libraryToolbar")
        bar.setMovable(False)
        # Words, not pictures: officials read the toolbar; the platform icons say little.
        set_enum_property(bar, "toolButtonStyle", "ToolButtonTextOnly")
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
        self.filter.setPlaceholderText(QCoreApplication.translate("LibraryWindow", "Filter responses"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setFixedWidth(240)
        bar.addWidget(self.filter)
        bar.addAction(self.bin_action)
        self._window.addToolBar(bar)
        self.toolbar = bar

    def _make_menus(self) -> None:
        menus = self._window.menuBar()
        file_menu = menus.addMenu(QCoreApplication.translate("LibraryWindow", "&File"))
        for action in (self.new_action, self.import_action, self.import_response_action,
                       self.answer_request_action, self.open_action,
                       self.details_action, self.duplicate_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.backup_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu(QCoreApplication.translate("LibraryWindow", "&Edit"))
        for action in (self.undo_delete_action, self.delete_action, self.find_action,
                       self.search_action):
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.preferences_action)
        view_menu = menus.addMenu(QCoreApplication.translate("LibraryWindow", "&View"))
        view_menu.addAction(self.bin_action)
        help_menu = menus.addMenu(QCoreApplication.translate("LibraryWindow", "&Help"))
        help_menu.addAction(self.data_folder_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _make_status_bar(self, slots: LibrarySlots) -> None:
        status = self._window.statusBar()
        self.count_label = QLabel()
        self.undo_button = QPushButton(QCoreApplication.translate("LibraryWindow", "Undo"))
        self.undo_button.setFlat(True)
        self.undo_button.hide()
        self.undo_button.clicked.connect(lambda _checked=False: slots.undo_delete())
        status.addPermanentWidget(self.undo_button)
        status.addPermanentWidget(self.count_label)
