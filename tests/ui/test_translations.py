"""Translations: complete, compiled, up to date with the UI sources, and used."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt

from consultdesk.app_context import AppContext
from consultdesk.services.settings import Settings
from consultdesk.ui.i18n import SYSTEM, Translations, resolve_language
from consultdesk.ui.library.window import LibraryWindow
from consultdesk.ui.preferences import PreferencesDialog
from consultdesk.ui.settings_store import qt_settings

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
JA_TS = TRANSLATIONS / "consultdesk_ja.ts"


def _build_module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_translations",
                                                  ROOT / "scripts" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <translation> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message.find("translation")
    return found


def test_every_japanese_string_is_translated() -> None:
    found = messages(JA_TS)
    assert len(found) > 100
    unfinished = [key for key, tr in found.items()
                  if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete")
                  or not ("".join(tr.itertext()).strip())]
    assert unfinished == []


def test_placeholders_survive_translation() -> None:
    for (context, source), tr in messages(JA_TS).items():
        text = "".join(tr.itertext())
        for placeholder in set(re.findall(r"%\d|%n|\{\w+\}", source)):
            assert placeholder in text, (context, source, text)


def test_the_ts_files_cover_every_string_of_the_ui(tmp_path: Path) -> None:
    # Extract afresh from the sources; every (context, source) must be in the shipped .ts.
    build = _build_module()
    fresh = tmp_path / "fresh_ja.ts"
    sources = [str(p) for p in build.ui_sources()]
    subprocess.run([build.tool("pyside6-lupdate"), "-locations", "none", *sources,
                    "-ts", str(fresh)], check=True, capture_output=True)
    missing = sorted(set(messages(fresh)) - set(messages(JA_TS)))
    assert missing == [], (
        f"not in consultdesk_ja.ts: {missing}; run scripts/build_translations.py --update and "
        "translate them")


def test_committed_qm_files_match_their_ts(tmp_path: Path) -> None:
    build = _build_module()
    made = build.build(tmp_path)
    assert {p.name for p in made} == {"consultdesk_ja.qm", "consultdesk_en.qm"}
    for qm in made:
        assert (TRANSLATIONS / qm.name).read_bytes() == qm.read_bytes(), (
            f"{qm.name} is stale: run python scripts/build_translations.py")


def test_language_follows_the_system_unless_overridden() -> None:
    assert resolve_language(SYSTEM, QLocale("ja_JP")) == "ja"
    assert resolve_language(SYSTEM, QLocale("fr_FR")) == "en"
    assert resolve_language("en", QLocale(QLocale.Language.Japanese)) == "en"
    assert resolve_language("ja", QLocale(QLocale.Language.English)) == "ja"
    assert resolve_language("xx", QLocale(QLocale.Language.English)) == "en"


@pytest.fixture
def japanese(qapp, settings: Settings) -> Iterator[Translations]:
    """The UI in Japanese, chosen the way a user does: the Preferences override."""
    settings.language = "ja"
    translations = Translations()
    assert translations.install(resolve_language(settings.language,
                                                 QLocale(QLocale.Language.English)))
    yield translations
    translations.remove()


def test_japanese_ui_shows_translated_strings(qtbot, japanese, app_context: AppContext) -> None:
    window = LibraryWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == "回答一覧"
    assert window.frame.new_action.text() == "新しい回答(&N)…"
    assert window.empty.heading.text() == "ConsultDesk へようこそ"
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "件名"
    app_context.responses.create("ohchr-civic-space-2021", "回答案", answers={"q1": "本文"})
    window.refresh()
    assert window.proxy.index(0, 2).data() == "作成中"
    assert window.proxy.index(0, 4).data() == "6 問中 1 問回答"
    assert window.frame.count_label.text() == "回答 1 件"


def test_preferences_dialog_stores_the_language(qtbot, tmp_path: Path) -> None:
    prefs = qt_settings(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    dialog = PreferencesDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(dialog.language.findText("日本語"))
    dialog.contributor.setText("Human Rights Division")
    qtbot.keyClicks(dialog.user_name, "Hanako Sato ")
    dialog.accept()
    again = qt_settings(QSettings(str(tmp_path / "p.ini"), QSettings.Format.IniFormat))
    assert again.language == "ja"
    assert again.contributor == "Human Rights Division"
    assert again.user_name == "Hanako Sato"
    assert resolve_language(again.language, QLocale(QLocale.Language.English)) == "ja"


def test_every_count_has_plural_forms_in_english() -> None:
    # "%n day(s)" must be a plural message, or English shows "1 day(s)" (lupdate only
    # records plurals from tr() calls).
    english = messages(TRANSLATIONS / "consultdesk_en.ts")
    for context in ET.parse(JA_TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if "%n" in source:
                assert message.get("numerus") == "yes", source
                forms = english[(context.findtext("name") or "", source)].findall("numerusform")
                assert len(forms) == 2 and "(s)" not in "".join(f.text or "" for f in forms)
