"""Shared fixtures of the GUI tests: a real AppContext on tmp_path, settings in a file."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from consultdesk.app_context import AppContext
from consultdesk.services.settings import Settings
from consultdesk.ui.i18n import Translations
from consultdesk.ui.settings_store import qt_settings


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh data dir (never the user's)."""
    return tmp_path / "data"


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    """The INI file the test's settings are kept in."""
    return tmp_path / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> Settings:
    """The app's settings object on its QSettings store, in an INI file under tmp_path
    (never the user's settings)."""
    return qt_settings(QSettings(str(settings_path), QSettings.Format.IniFormat))


@pytest.fixture
def app_context(data_dir: Path, settings: Settings) -> Iterator[AppContext]:
    """The real services on a fresh data dir, with the test's settings injected."""
    context = AppContext.open(data_dir)
    context.settings = settings
    yield context
    context.close()


def on_next_modal(handler: Callable[[QWidget], None], timeout_s: float = 10.0) -> None:
    """Run ``handler`` on the next modal dialog once it is shown (for code calling exec())."""
    deadline = time.monotonic() + timeout_s

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if widget is not None and widget.isVisible():
            try:
                handler(widget)
            except BaseException:
                widget.close()  # a failed check must not leave exec() waiting forever
                raise
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


@pytest.fixture
def modal() -> Callable[..., None]:
    """:func:`on_next_modal`, as a fixture."""
    return on_next_modal


@pytest.fixture(autouse=True)
def typing_clock_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Editors made in a test read a stopped clock for their undo steps: a stall of the
    test machine between two typed keys is never a pause in typing (tests of pauses set
    their own clock)."""
    from consultdesk.ui.editor import undo_steps

    monkeypatch.setattr(undo_steps, "CLOCK", lambda: 0.0)


@pytest.fixture
def japanese(qapp) -> Iterator[Translations]:
    """The UI in Japanese (Qt's own strings too), for the length of the test."""
    translations = Translations()
    assert translations.install("ja")
    yield translations
    translations.remove()
