"""A profile whose settings folder cannot be written (a locked-down workstation): the app
starts, closes and keeps working; only Preferences, which the user chose to save, says so."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from consultdesk.app_context import AppContext
from consultdesk.services.settings import user_settings
from consultdesk.ui import theme
from consultdesk.ui.application import ask_the_desktop
from consultdesk.ui.library.window import LibraryWindow
from consultdesk.ui.preferences import PreferencesDialog


def test_the_start_asks_the_desktop_without_saving(qapp: QApplication,
                                                   read_only_disk: Path) -> None:
    settings = user_settings(read_only_disk)
    settings.system_dark = True  # as a previous start might have remembered it
    before = qapp.palette()
    try:
        ask_the_desktop(qapp, settings)  # the file cannot be written: no error
        assert settings.system_dark is theme.system_is_dark()  # known for this session
        assert not (read_only_disk / "settings.json").exists()
    finally:
        qapp.setPalette(before)


def test_the_library_closes_without_its_geometry(qtbot, read_only_disk: Path,
                                                 data_dir: Path) -> None:
    context = AppContext.open(data_dir)
    context.settings = user_settings(read_only_disk)
    try:
        window = LibraryWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        assert window.close()  # pytest-qt fails the test on an error raised in closeEvent
        assert not window.isVisible()
        window.detach()  # as the app does before its context closes
    finally:
        context.close()


def test_preferences_say_they_could_not_be_saved_in_japanese(
        qtbot, modal, japanese, read_only_disk: Path) -> None:
    settings = user_settings(read_only_disk)
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.user_name.setText("佐藤")
    told: list[str] = []

    def read(box: QMessageBox) -> None:
        told.append(box.text())
        box.close()

    modal(read)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert told and "次回のために保存できませんでした" in told[0], told
    assert "読み取り専用" in told[0]  # the system's reason, in our words
    assert not dialog.isVisible() and settings.user_name == "佐藤"  # kept for now
