"""Preferences ▸ Team database as the user sees it: a real shortcut on its label, the
note whole in Japanese, a failed test worded in the interface's language."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont
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


def test_the_dialog_opens_tall_enough_for_every_note(qtbot, settings: Settings,
                                                     language: str, qapp: QApplication) -> None:
    # A larger font (or a 1366x768 laptop in Japanese) makes the dialog taller than the
    # 2/3 of the screen Qt gives a new window at most; it opens at its full height.
    font = qapp.font()
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 1.4)
    qapp.setFont(bigger)
    try:
        dialog = shown_dialog(qtbot, settings)
        room = dialog.screen().availableGeometry()
        assert dialog.height() > room.height() * 2 // 3  # taller than Qt's first guess
        assert dialog.height() <= room.height()
        for label in dialog.findChildren(QLabel):
            if label.wordWrap() and label.isVisible():
                assert label.height() >= label.heightForWidth(label.width()), label.text()
    finally:
        qapp.setFont(font)


def test_every_field_hint_is_read_whole(qtbot, settings: Settings, language: str) -> None:
    from PySide6.QtWidgets import QLineEdit

    dialog = shown_dialog(qtbot, settings)
    for field in dialog.findChildren(QLineEdit):
        hint = field.placeholderText()
        if not hint or not field.isVisible():
            continue
        # The frame and text margins (and the clear button where there is one) come off.
        room = field.width() - 12 - (24 if field.isClearButtonEnabled() else 0)
        assert field.fontMetrics().horizontalAdvance(hint) <= room, hint
