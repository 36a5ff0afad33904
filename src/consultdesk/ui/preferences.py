"""User preferences (QSettings) and the Preferences dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
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

from consultdesk.ui.i18n import LANGUAGES, SYSTEM
from consultdesk.ui.theme import APPEARANCES


class Preferences:
    """Typed access to the user's settings; pass a QSettings on a file in tests."""

    def __init__(self, settings: QSettings | None = None) -> None:
        # The default QSettings uses the organisation/application names set on the app.
        self.settings = settings if settings is not None else QSettings()

    def _str(self, key: str, default: str) -> str:
        value = self.settings.value(key, default)
        return str(value) if value is not None else default

    @property
    def language(self) -> str:
        """``system`` or a shipped language code."""
        value = self._str("ui/language", SYSTEM)
        return value if value == SYSTEM or value in LANGUAGES else SYSTEM

    @language.setter
    def language(self, value: str) -> None:
        self.settings.setValue("ui/language", value)

    @property
    def appearance(self) -> str:
        """``system``, ``light`` or ``dark``."""
        value = self._str("ui/appearance", "system")
        return value if value in APPEARANCES else "system"

    @appearance.setter
    def appearance(self, value: str) -> None:
        self.settings.setValue("ui/appearance", value)

    @property
    def contributor(self) -> str:
        """The tag put on answers this user writes (e.g. a division's name); may be empty."""
        return self._str("editing/contributor", "").strip()

    @contributor.setter
    def contributor(self, value: str) -> None:
        self.settings.setValue("editing/contributor", value.strip())

    @property
    def export_folder(self) -> str:
        """Where export dialogs start (empty: the user's documents folder)."""
        return self._str("export/folder", "")

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self.settings.setValue("export/folder", value)

    @property
    def import_folder(self) -> str:
        """Where the Import questionnaire dialog starts (the last folder used)."""
        return self._str("library/import_folder", "")

    @import_folder.setter
    def import_folder(self, value: str) -> None:
        self.settings.setValue("library/import_folder", value)

    def sync(self) -> None:
        """Write the settings to disk now."""
        self.settings.sync()


class PreferencesDialog(QDialog):
    """Edits :class:`Preferences`; the language applies at the next start."""

    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(460)

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

        self.contributor = QLineEdit(preferences.contributor)
        self.contributor.setPlaceholderText(self.tr("e.g. Human Rights Division"))

        # The response window's Export starts in this folder (and remembers the last one).
        self.export_folder = QLineEdit(preferences.export_folder)
        self.export_folder.setPlaceholderText(str(Path.home()))
        browse = QPushButton(self.tr("&Browse…"))
        browse.clicked.connect(self._browse)

        general = QGroupBox(self.tr("General"))
        form = QFormLayout(general)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("&Appearance:"), self.appearance)
        note = QLabel(self.tr("A new language applies the next time ConsultDesk starts."))
        note.setWordWrap(True)
        note.setEnabled(False)
        form.addRow("", note)

        editing = QGroupBox(self.tr("Answers"))
        form2 = QFormLayout(editing)
        form2.addRow(self.tr("&Contributor tag:"), self.contributor)

        export = QGroupBox(self.tr("Export"))
        box = QFormLayout(export)
        row = QHBoxLayout()
        row.addWidget(self.export_folder, 1)
        row.addWidget(browse)
        box.addRow(self.tr("Word documents &go to:"), row)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (general, editing, export):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for exported documents"),
            self.export_folder.text() or str(Path.home()))
        if folder:
            self.export_folder.setText(folder)

    def accept(self) -> None:
        """Store the choices, then close."""
        p = self.preferences
        p.language = str(self.language.currentData())
        p.appearance = str(self.appearance.currentData())
        p.contributor = self.contributor.text()
        p.export_folder = self.export_folder.text().strip()
        p.sync()
        super().accept()
