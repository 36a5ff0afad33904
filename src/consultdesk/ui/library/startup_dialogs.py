"""Dialogs shown before the library can open: a damaged database, an unusable data dir."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMessageBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services.errors import DatabaseError
from consultdesk.services.maintenance import MaintenanceService
from consultdesk.ui.errors import error_text, show_error
from consultdesk.ui.library.formatting import full_timestamp


def _lay_out(dialog: QDialog, icon: QLabel, column: list[QWidget | int], quit_button: QPushButton,
             actions: list[QPushButton]) -> None:
    """A start-up dialog's layout: the icon beside a column of text (an int is spacing),
    Quit on the left and the actions on the right below."""
    text = QVBoxLayout()
    for item in column:
        if isinstance(item, int):
            text.addSpacing(item)
        else:
            text.addWidget(item)
    top = QHBoxLayout()
    top.addWidget(icon)
    top.addLayout(text, 1)
    buttons = QHBoxLayout()
    buttons.addWidget(quit_button)
    buttons.addStretch(1)
    for button in actions:
        buttons.addWidget(button)
    layout = QVBoxLayout(dialog)
    # Grow with the wrapped text rather than cutting the message off.
    layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
    layout.addLayout(top)
    layout.addSpacing(10)
    layout.addLayout(buttons)


class RecoveryDialog(QDialog):
    """A damaged database: restore it from a backup, or move it aside and start afresh.

    Nothing is deleted either way: the bad file is renamed next to the new one.
    """

    RESTORE = 1
    START_FRESH = 2

    def __init__(self, maintenance: MaintenanceService, error: DatabaseError,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.maintenance = maintenance
        self.data_dir = maintenance.data_dir
        self.error = error
        self.moved_to: Path | None = None
        self.setWindowTitle(self.tr("The database cannot be opened"))
        self.setMinimumWidth(620)

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(self.tr("ConsultDesk cannot open your database."))
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        self.details = QLabel(error_text(error))
        self.details.setWordWrap(True)
        self.details.setMinimumWidth(520)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label = QLabel(self.tr("File: %1").replace("%1", str(error.path or "")))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.file_label.setWordWrap(True)

        self.backups = QComboBox()
        for found in maintenance.backups():
            when = full_timestamp(found.made)
            self.backups.addItem(f"{when} — {found.path.name}", str(found.path))
            self.backups.setItemData(self.backups.count() - 1, str(found.path),
                                     Qt.ItemDataRole.ToolTipRole)
        has_backup = self.backups.count() > 0
        if error.backup is not None:
            self.backups.setCurrentIndex(max(0, self.backups.findData(str(error.backup))))
        self.backups.setVisible(has_backup)
        self.no_backup = QLabel(self.tr("There is no backup of this database."))
        self.no_backup.setVisible(not has_backup)
        explain = QLabel(self.tr(
            "Either choice keeps the damaged file: it is renamed next to the new one, so "
            "nothing is lost."))
        explain.setWordWrap(True)
        explain.setEnabled(False)

        self.restore_button = QPushButton(self.tr("&Restore from this backup"))
        self.restore_button.setVisible(has_backup)
        self.restore_button.setDefault(has_backup)
        self.restore_button.clicked.connect(self._restore)
        self.fresh_button = QPushButton(self.tr("&Move it aside and start afresh"))
        self.fresh_button.clicked.connect(self._start_fresh)
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.clicked.connect(self.reject)

        _lay_out(self, icon, [heading, self.details, self.file_label, 8, self.backups,
                              self.no_backup, explain],
                 self.quit_button, [self.fresh_button, self.restore_button])

    def chosen_backup(self) -> Path | None:
        """The backup picked in the list."""
        data = self.backups.currentData()
        return Path(data) if data else None

    def _restore(self) -> None:
        self._recover(self.chosen_backup(), self.RESTORE)

    def _start_fresh(self) -> None:
        self._recover(None, self.START_FRESH)

    def _recover(self, source: Path | None, outcome: int) -> None:
        try:
            self.moved_to = self.maintenance.recover(source)
        except (DatabaseError, OSError) as exc:
            show_error(self, self.windowTitle(), exc, critical=True)
            return
        self.done(outcome)


def show_startup_error(title: str, message: str, parent: QWidget | None = None) -> None:
    """A blocking error before any window exists (the app then quits)."""
    box = QMessageBox(QMessageBox.Icon.Critical, title, message,
                      QMessageBox.StandardButton.Close, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


class UnreachableDialog(QDialog):
    """The team server cannot be reached at start-up: try again, work on the copies kept
    on this computer (the responses last opened), or quit.

    What a user expects from a desktop app that lost its server: it opens, says plainly
    what is wrong, and lets them go on with what they were doing; their typing is kept
    and sent later.  Without a copy (nothing opened on this computer yet) only Retry and
    Quit are offered.
    """

    RETRY = 1
    OFFLINE = 2

    def __init__(self, message: str, copies: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The team database cannot be reached"))
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(self.tr("ConsultDesk cannot reach the team database server."))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.details = QLabel(message)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if copies:
            offer = self.tr(
                "You can work on the %n response(s) last opened on this computer: what you "
                "type is kept here and sent to the server when ConsultDesk connects again.",
                "", copies)
        else:
            offer = self.tr("No response of this team database has been opened on this "
                            "computer yet, so there is nothing to work on without the server.")
        self.offer = QLabel(offer)
        self.offer.setWordWrap(True)
        # The width is the text column's: the layout's SetMinimumSize (so the wrapped
        # lines get their height) overrode a minimum width set on the dialog itself,
        # which came out 435 pixels wide with the message in narrow lines.
        self.offer.setMinimumWidth(460)
        self.retry_button = QPushButton(self.tr("&Try again"))
        self.retry_button.setDefault(True)
        self.retry_button.clicked.connect(lambda: self.done(self.RETRY))
        self.offline_button = QPushButton(self.tr("&Work on the copies on this computer"))
        self.offline_button.setVisible(copies > 0)
        self.offline_button.clicked.connect(lambda: self.done(self.OFFLINE))
        self.quit_button = QPushButton(self.tr("&Quit"))
        self.quit_button.clicked.connect(self.reject)
        _lay_out(self, icon, [heading, self.details, 6, self.offer],
                 self.quit_button, [self.offline_button, self.retry_button])
