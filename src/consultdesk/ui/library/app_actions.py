"""Actions about the app rather than one response: back up, data folder, preferences, about."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.bundle import __version__
from consultdesk.ui import theme
from consultdesk.ui.errors import show_error

if TYPE_CHECKING:
    from consultdesk.services.context import Services

_MNEMONIC = re.compile(r"\(&\w\)")

Shortcut = QKeySequence | QKeySequence.StandardKey | str | None


def make_action(parent: QObject, text: str, slot: Callable[[], object],
                shortcut: Shortcut = None, tip: str = "") -> QAction:
    """A QAction whose toolbar text drops the mnemonic: "新しい回答(&N)…" -> "新しい回答"."""
    action = QAction(text, parent)
    action.setIconText(_MNEMONIC.sub("", text).replace("&", "").rstrip("…").strip())
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


class AppActions(QObject):
    """Back up, show the data folder, Preferences and About, for the library's menus.

    Made before the data folder is open (the start-up window's menus show them); those
    that need the services are enabled once :meth:`attach` hands them over.
    """

    def __init__(self, window: QMainWindow, context: Services | None = None) -> None:
        super().__init__(window)
        self._window = window
        self._context_or_none = context
        self.preferences_action = make_action(window, self.tr("&Preferences…"),
                                              self.show_preferences)
        self.about_action = make_action(window, self.tr("&About ConsultDesk"), self.show_about)
        self.backup_action = make_action(
            window, self.tr("&Back up to…"), self.back_up, None,
            self.tr("Save a copy of every response (for example on a USB stick)"))
        self.data_folder_action = make_action(
            window, self.tr("Show the &data folder"), self.show_data_folder, None,
            self.tr("Open the folder holding the database and its backups"))

    def bind_shortcuts(self) -> None:
        """Give the actions their keyboard shortcuts (after the window's first paint, with
        the library's: see ``LibraryFrame.bind_shortcuts``)."""
        self.preferences_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Preferences))

    def attach(self, context: Services) -> None:
        """The services the actions work on."""
        self._context_or_none = context

    @property
    def _context(self) -> Services:
        if self._context_or_none is None:
            raise RuntimeError("the app's actions have no data folder yet")
        return self._context_or_none

    def show_preferences(self) -> None:
        """Edit the preferences; the appearance applies at once."""
        from consultdesk.ui.preferences import PreferencesDialog

        settings = self._context.settings
        dialog = PreferencesDialog(settings, self._window, team=self._context.team)
        if dialog.exec():
            app = QApplication.instance()
            if isinstance(app, QApplication):
                theme.apply(app, settings.appearance)

    def show_about(self) -> None:
        """Version and data folder."""
        from PySide6.QtWidgets import QMessageBox  # Qt's dialogs: after the first paint

        QMessageBox.about(self._window, self.tr("About ConsultDesk"), self.tr(
            "ConsultDesk %1\n\nAnswer questionnaires from international bodies, within every "
            "limit, and export them to Word.\n\nYour drafts are kept in:\n%2")
            .replace("%1", __version__).replace("%2", str(self._context.data_dir)))

    def back_up(self, path: Path | None = None) -> Path | None:
        """Copy the whole database to a file the user picks (a consistent snapshot)."""
        if path is None:
            from PySide6.QtWidgets import QFileDialog

            default = Path.home() / f"consultdesk-{date.today():%Y%m%d}.sqlite3"
            chosen, _filter = QFileDialog.getSaveFileName(
                self._window, self.tr("Back up"), str(default),
                self.tr("ConsultDesk database (*.sqlite3)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            made = self._context.maintenance.backup_to(path)
        except (ConsultDeskError, OSError) as exc:
            show_error(self._window, self.tr("Back up"), exc)
            return None
        self._window.statusBar().showMessage(
            self.tr("Backed up to %1").replace("%1", str(made)), 10000)
        return made

    def show_data_folder(self) -> None:
        """Open the data dir in the file manager (where the database and backups are)."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._context.data_dir)))
