"""The one settings object: typed accessors, defaults for odd values, stores that persist."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.services.settings import (
    RECENT_EXPORTS,
    SYSTEM,
    JsonFileStore,
    MemoryStore,
    Settings,
)


def test_defaults_before_anything_is_stored() -> None:
    s = Settings()
    assert (s.language, s.appearance, s.user_name, s.contributor) == (SYSTEM, SYSTEM, "", "")
    assert (s.export_folder, s.import_folder, s.last_folder, s.team_database_url) == ("",) * 4
    assert s.window_geometry("library") is None and s.splitter_state("response") is None
    assert s.library_sort() is None and s.last_question("R-1") is None
    assert s.recent_exports == [] and s.recent_templates == [] and s.export_annex is False


def test_values_written_are_read_back_after_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    s = Settings(JsonFileStore(path))
    s.language, s.appearance = "ja", "dark"
    s.user_name, s.contributor = "  Hanako Sato ", "Human Rights Division"
    s.team_database_url = "postgresql://db.example/consultdesk"
    s.set_window_geometry("library", b"\x01\x00geometry\xff")
    s.set_splitter_state("response", b"\x00\x01")
    s.set_library_sort(3, 1)
    s.export_annex = True
    s.set_export_choice("unanswered", "omit")
    s.recent_templates = ["/a/letterhead.dotx"]
    s.sync()
    again = Settings(JsonFileStore(path))
    assert (again.language, again.appearance) == ("ja", "dark")
    assert (again.user_name, again.contributor) == ("Hanako Sato", "Human Rights Division")
    assert again.team_database_url == "postgresql://db.example/consultdesk"
    assert again.window_geometry("library") == b"\x01\x00geometry\xff"
    assert again.splitter_state("response") == b"\x00\x01"
    assert again.library_sort() == (3, 1)
    assert again.export_annex is True and again.export_choice("unanswered") == "omit"
    assert again.recent_templates == ["/a/letterhead.dotx"]


@pytest.mark.parametrize(
    "content", [b"", b"not json", b"[1, 2]", b"\xff\xfe", b'{"ui/language": 3}'])
def test_an_unreadable_settings_file_reads_as_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert Settings(JsonFileStore(path)).language == SYSTEM


def test_hand_edited_values_fall_back_to_the_defaults() -> None:
    store = MemoryStore({"ui/appearance": "purple", "library/sort_column": "x",
                         "library/sort_order": "1", "export/annex": "maybe",
                         "library/geometry": "not bytes", "export/recent": 7})
    s = Settings(store)
    assert s.appearance == SYSTEM and s.library_sort() is None
    assert s.export_annex is False and s.window_geometry("library") is None
    assert s.recent_exports == []
    store.set_value("library/sort_column", "2")  # an INI file gives numbers as text
    store.set_value("export/annex", "true")
    assert s.library_sort() == (2, 1) and s.export_annex is True


@pytest.mark.parametrize(("stored", "read"), [
    (True, True), (False, False), ("true", True), ("false", False),  # JSON, and INI text
    (None, None), ("maybe", None), (1, None), ([True], None)])  # never asked, or junk
def test_what_the_desktop_said_last_time_is_true_false_or_unknown(stored: object,
                                                                  read: bool | None) -> None:
    store = MemoryStore({} if stored is None else {"ui/system_dark": stored})  # type: ignore[dict-item]
    assert Settings(store).system_dark is read


def test_recent_exports_newest_first_without_repeats() -> None:
    s = Settings()
    for i in range(RECENT_EXPORTS + 3):
        s.add_recent_export(Path(f"/out/{i}.docx"))
    s.add_recent_export("/out/5.docx")
    assert s.recent_exports[0] == "/out/5.docx"
    assert len(s.recent_exports) == RECENT_EXPORTS
    assert s.recent_exports.count("/out/5.docx") == 1


def test_the_last_question_is_kept_per_response() -> None:
    s = Settings()
    s.set_last_question("R-1", "q3")
    s.set_last_question("R-2", "q1")
    s.set_last_question("R-1", "q4")
    assert (s.last_question("R-1"), s.last_question("R-2"), s.last_question("R-3")) == (
        "q4", "q1", None)


def test_two_programs_on_one_settings_file_keep_each_others_changes(tmp_path: Path) -> None:
    # The app (window sizes, on closing) and a command or a second app window hold the
    # file at once: a sync writes only what that program changed.
    path = tmp_path / "settings.json"
    app, other = Settings(JsonFileStore(path)), Settings(JsonFileStore(path))
    app.user_name = "Hanako Sato"
    app.sync()
    other.set_library_sort(2, 0)
    other.team_database_url = "postgresql://db.example/consultdesk"
    other.sync()
    app.set_window_geometry("library", b"\x01\x02")
    app.sync()
    again = Settings(JsonFileStore(path))
    assert again.user_name == "Hanako Sato" and again.library_sort() == (2, 0)
    assert again.team_database_url == "postgresql://db.example/consultdesk"
    assert again.window_geometry("library") == b"\x01\x02"
    # A key one program forgets is forgotten in the file, and nothing else with it.
    other.recent_templates = []
    app.recent_templates = ["/a/t.dotx"]
    app.sync()
    other.sync()
    assert Settings(JsonFileStore(path)).recent_templates == []
    assert Settings(JsonFileStore(path)).user_name == "Hanako Sato"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no partial left


def test_the_user_settings_are_one_file_in_the_config_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from consultdesk.paths import CONFIG_DIR_ENV
    from consultdesk.services.settings import settings_path, user_settings

    monkeypatch.setenv(CONFIG_DIR_ENV, str(tmp_path / "config"))
    assert settings_path() == tmp_path / "config" / "settings.json"
    s = user_settings()
    s.user_name = "Taro"
    s.sync()
    assert user_settings().user_name == "Taro"
    assert user_settings(tmp_path / "elsewhere").user_name == ""
    # Nothing changed, nothing written: reading settings never creates the file.
    user_settings(tmp_path / "elsewhere").sync()
    assert not (tmp_path / "elsewhere").exists()


def test_saving_on_a_read_only_disk_says_so_and_writes_nothing(read_only_disk: Path) -> None:
    settings = Settings(JsonFileStore(read_only_disk / "settings.json"))
    settings.appearance = "dark"
    assert settings.save() is False
    assert settings.appearance == "dark"  # still there for this session
    assert list(read_only_disk.iterdir()) == []  # no partial file left behind
    with pytest.raises(OSError):
        settings.sync()  # the plain write still tells its caller
