"""The Preferences dialog (the values are in the one settings object, services.settings)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.services.settings import Settings
from consultdesk.ui.i18n import LANGUAGES, SYSTEM
from consultdesk.ui.team_preferences import TeamDatabaseBox


def documents_folder() -> str:
    """The user's Documents folder, where exports go unless the user chose another."""
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class PreferencesDialog(QDialog):
    """Edits the user's :class:`Settings`; the language applies at the next start."""

    def __init__(self, preferences: Settings, parent: QWidget | None = None, *,
                 team: Any | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(self.tr("Preferences"))
        # Wide enough for the team address and the password hint to be read whole.
        self.setMinimumWidth(620)

        self.language = QComboBox()
        self.language.addItem(self.tr("System default"), SYSTEM)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))

        self.appearance = QComboBox()
        for value, label in (("system", self.tr("System default")),
                             ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.appearance.addItem(label, value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(preferences.appearance)))

        self.user_name = QLineEdit(preferences.user_name)
        self.user_name.setPlaceholderText(self.tr("e.g. Hanako Sato"))
        self.contributor = QLineEdit(preferences.contributor)
        self.contributor.setPlaceholderText(self.tr("e.g. Human Rights Division"))

        # The response window's Export starts in this folder (and remembers the last one).
        self.export_folder = QLineEdit(preferences.export_folder)
        self.export_folder.setPlaceholderText(documents_folder())
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        form.addRow(self.tr("&Language:"), self.language)
        # The hint belongs to the language (appearance applies at once): right under it.
        note = QLabel(self.tr("A new language applies the next time ConsultDesk starts."))
        note.setWordWrap(True)
        note.setEnabled(False)
        form.addRow("", note)
        form.addRow(self.tr("&Appearance:"), self.appearance)

        editing = QGroupBox(self.tr("Answers"))
        form2 = QFormLayout(editing)
        form2.addRow(self.tr("Your &name:"), self.user_name)
        form2.addRow(self.tr("&Contributor tag:"), self.contributor)

        export = QGroupBox(self.tr("Export"))
        box = QFormLayout(export)
        row = QHBoxLayout()
        row.addWidget(self.export_folder, 1)
        row.addWidget(browse)
        # A label with a buddy: its "&g" is an underlined shortcut, not a literal "&go".
        folder_label = QLabel(self.tr("Exported documents &go to:"))
        folder_label.setBuddy(self.export_folder)
        box.addRow(folder_label, row)

        # ``team``: the team service (connection test); None where there is none to ask.
        self.team_database = TeamDatabaseBox(preferences.team_database_url, team)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (general, editing, export, self.team_database):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._open_at_full_height()

    def _open_at_full_height(self) -> None:
        # Qt opens a window at most 2/3 of the screen high: on a 1366x768 laptop the Japanese
        # dialog (540 px) opened at 512 and its wrapped notes lost their last lines.
        layout = self.layout()
        assert layout is not None
        room = self.screen().availableGeometry()
        # The height for the width it opens at (at the hint's narrower width the notes wrap
        # onto more lines, and the spare height then sat under the language note).
        width = min(max(self.sizeHint().width(), self.minimumWidth()), room.width())
        height = max(layout.totalMinimumSize().height(), layout.totalHeightForWidth(width))
        self.resize(width, min(height, room.height()))

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for exported documents"),
            self.export_folder.text() or documents_folder())
        if folder:
            self.export_folder.setText(folder)

    def accept(self) -> None:
        """Store the choices, then close."""
        p = self.preferences
        p.language = str(self.language.currentData())
        p.appearance = str(self.appearance.currentData())
        p.user_name = self.user_name.text()
        p.contributor = self.contributor.text()
        p.export_folder = self.export_folder.text().strip()
        p.team_database_url = self.team_database.url.text().strip()
        try:
            p.sync()
        except OSError as exc:  # a read-only profile, a full disk: say so, keep them for now
            from PySide6.QtWidgets import QMessageBox

            from consultdesk.ui.errors import error_text

            QMessageBox.warning(self, self.tr("Preferences"), self.tr(
                "Your preferences apply until ConsultDesk is closed, but they could not be "
                "saved for the next time.") + "\n\n" + error_text(exc))
        super().accept()
