"""Errors a Japanese user can read: every error template has a Japanese translation."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QMessageBox

from consultdesk.app_context import AppContext, Launcher
from consultdesk.domain.errors import TRANSLATION_CONTEXT, NotFoundError
from consultdesk.services.errors import DamagedDatabaseError
from consultdesk.ui.errors import error_text, show_error
from consultdesk.ui.i18n import Translations
from consultdesk.ui.library.startup_dialogs import RecoveryDialog

ROOT = Path(__file__).resolve().parents[2]
JA_TS = ROOT / "resources" / "translations" / "consultdesk_ja.ts"
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _templates_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("error_templates",
                                                  ROOT / "scripts" / "error_templates.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _japanese_errors() -> dict[str, str]:
    found: dict[str, str] = {}
    for context in ET.parse(JA_TS).getroot().iter("context"):
        if context.findtext("name") != TRANSLATION_CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") != "unfinished" and translation.text:
                found[message.findtext("source") or ""] = translation.text
    return found


def test_every_error_template_has_a_japanese_translation() -> None:
    templates = _templates_module().all_templates()
    assert len(templates) > 80  # the reader found them (it must be able to fail)
    japanese = _japanese_errors()
    missing = [f"{where}: {t}" for t, where in templates.items() if t not in japanese]
    assert missing == [], "add these to consultdesk_ja.ts, context 'errors' " \
                          "(python scripts/error_templates.py --ts prints the entries)"
    wrong = [t for t in templates
             if sorted(PLACEHOLDER.findall(t)) != sorted(PLACEHOLDER.findall(japanese[t]))]
    assert wrong == [], "the translation must keep the same {placeholders}"


def test_errors_are_raised_with_templates_not_formatted_strings() -> None:
    module = _templates_module()
    formatted = [f"{p.relative_to(ROOT)}:{line}" for p in module.sources()
                 for line, template in module.templates_in(p) if template is None]
    assert formatted == [], "raise Error('... {name} ...', name=value), not an f-string"


@pytest.fixture
def japanese(qapp) -> Iterator[Translations]:
    """The UI in Japanese."""
    translations = Translations()
    assert translations.install("ja")
    yield translations
    translations.remove()


def test_a_real_error_reads_in_japanese_and_in_english_for_the_cli(
        japanese, app_context: AppContext) -> None:
    with pytest.raises(NotFoundError) as info:
        app_context.responses.load("R-404")
    assert str(info.value) == "no response with id 'R-404'"
    assert error_text(info.value) == "ID が 'R-404' の回答はありません"


def test_the_recovery_dialog_explains_a_damaged_database_in_japanese(
        qtbot, japanese, data_dir: Path) -> None:
    AppContext.open(data_dir).close()  # a database and its daily backup
    database = data_dir / "consultdesk.sqlite3"
    database.write_bytes(b"garbage" * 1000)
    with pytest.raises(DamagedDatabaseError) as info:
        Launcher(data_dir).open()
    dialog = RecoveryDialog(Launcher(data_dir).maintenance, info.value)
    qtbot.addWidget(dialog)
    text = dialog.details.text()
    assert text.startswith(f"データベース {database} はSQLite データベースではありません")
    assert "から復元できます" in text and "ファイルはそのまま残しています" in text
    assert "the database" in str(info.value)  # the English stays for the terminal


def test_show_error_shows_the_translated_message(qtbot, japanese, modal) -> None:
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.close()

    modal(read)
    show_error(None, "ConsultDesk", NotFoundError("no revision with id {revision_id}",
                                                   revision_id=7))
    assert seen == ["ID が 7 の版はありません"]
