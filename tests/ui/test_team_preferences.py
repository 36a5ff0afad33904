"""Preferences ▸ Team database as the user sees it: a real shortcut on its label, the
note whole in Japanese, a failed test worded in the interface's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from consultdesk.app_context import AppContext
from consultdesk.services.settings import Settings
from consultdesk.ui.i18n import Translations
from consultdesk.ui.preferences import PreferencesDialog


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translations = Translations()
    assert translations.install(request.param)
    yield request.param
    translations.remove()


def shown_dialog(qtbot, settings: Settings, team: object = None) -> PreferencesDialog:
    dialog = PreferencesDialog(settings, team=team)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_server_label_is_a_shortcut_not_an_ampersand(qtbot, settings: Settings,
                                                         language: str) -> None:
    dialog = shown_dialog(qtbot, settings)
    box = dialog.team_database
    labels = [label for label in box.findChildren(QLabel) if label.buddy() is box.url]
    assert len(labels) == 1  # Alt+S (Alt+S in Japanese too) goes to the address
    assert "&" in labels[0].text()  # drawn as an underline, because it has a buddy


def test_every_wrapped_line_of_the_box_is_shown_whole(qtbot, settings: Settings,
                                                      language: str) -> None:
    dialog = shown_dialog(qtbot, settings)
    box = dialog.team_database
    wrapped = [label for label in box.findChildren(QLabel)
               if label.wordWrap() and label.isVisible()]
    assert wrapped  # the note about the password
    for label in wrapped:
        assert label.height() >= label.heightForWidth(label.width()), label.text()
    assert not box.result.isVisible()  # no empty line before a test says something


def test_a_failed_test_is_worded_in_the_interface_language(
        qtbot, settings: Settings, app_context: AppContext, language: str) -> None:
    dialog = shown_dialog(qtbot, settings, app_context.team)
    box = dialog.team_database
    qtbot.keyClicks(box.url, "postgresql://sato:secret@db.example.org/consultdesk")
    assert not box.test_connection()
    assert box.result.isVisible()
    text = box.result.text()
    if language == "ja":
        assert text.startswith("接続できません") and "パスワード" in text, text
        assert "plain text" not in text
    else:
        assert text.startswith("Cannot connect: the database address contains a password")
