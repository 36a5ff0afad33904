"""The desktop app's settings store: every kind of value survives a QSettings INI file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from consultdesk.ui.settings_store import qt_settings


def _open(path: Path):  # type: ignore[no-untyped-def]
    return qt_settings(QSettings(str(path), QSettings.Format.IniFormat))


def test_values_survive_the_ini_file(qapp, tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    s = _open(path)
    s.language, s.user_name, s.contributor = "ja", "佐藤 花子", "人権人道課"
    s.set_window_geometry("library", b"\x00\x01\xfe\xff")
    s.set_library_sort(2, 0)
    s.export_annex = True
    s.recent_templates = ["/t/one.dotx"]  # a list of one: INI gives it back as a plain str
    s.add_recent_export("/o/a.docx")
    s.add_recent_export("/o/b.docx")
    s.sync()
    again = _open(path)
    assert (again.language, again.user_name, again.contributor) == ("ja", "佐藤 花子", "人権人道課")
    assert again.window_geometry("library") == b"\x00\x01\xfe\xff"
    assert again.library_sort() == (2, 0)
    assert again.export_annex is True
    assert again.recent_templates == ["/t/one.dotx"]
    assert again.recent_exports == ["/o/b.docx", "/o/a.docx"]


def test_settings_written_by_the_first_version_are_still_read(qapp, tmp_path: Path) -> None:
    # Round 1 wrote these keys straight into QSettings: users keep them.
    path = tmp_path / "old.ini"
    old = QSettings(str(path), QSettings.Format.IniFormat)
    old.setValue("ui/language", "ja")
    old.setValue("editing/contributor", "Division")
    old.setValue("library/sort_column", 1)
    old.setValue("library/sort_order", 1)
    old.setValue("export/choices", "all")
    old.sync()
    s = _open(path)
    assert (s.language, s.contributor, s.library_sort()) == ("ja", "Division", (1, 1))
    assert s.export_choice("choices") == "all"
