"""The start-up dialog when the team server cannot be reached, as the user sees it (en, ja):
wide enough to read, every line whole, every button's text whole."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from consultdesk.ui.i18n import Translations
from consultdesk.ui.library.startup_dialogs import UnreachableDialog

MESSAGE = ('connection to server at "db.example.org" (192.0.2.4), port 5432 failed: '
           'Connection refused')


@pytest.fixture(params=["en", "ja"])
def language(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    translations = Translations()
    assert translations.install(request.param)
    yield request.param
    translations.remove()


@pytest.mark.parametrize("copies", [3, 0])
def test_the_dialog_reads_whole(qtbot, language: str, copies: int) -> None:
    dialog = UnreachableDialog(MESSAGE, copies)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Not squeezed into narrow lines (it came out 435 px wide, its minimum ignored).
    assert dialog.width() >= 520
    for label in dialog.findChildren(QLabel):
        if label.wordWrap():
            assert label.height() >= label.heightForWidth(label.width()), label.text()
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible()]
    assert len(buttons) == (3 if copies else 2)
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()


def test_the_advice_names_where_the_app_keeps_the_address(qtbot, language: str) -> None:
    from consultdesk.storage.pg_connect import unreachable
    from consultdesk.ui.errors import error_text

    error = unreachable("postgresql://sato@db.example.org:5432/consultdesk",
                        OSError("Connection refused"))
    text = error_text(error)
    # The app's own place first: a desktop user has no --database to check.
    where = "［設定］の［チームデータベース］" if language == "ja" else "Preferences ▸ Team database"
    assert where in text
    assert "db.example.org:5432/consultdesk" in text
