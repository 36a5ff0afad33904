"""At start-up the library window is on screen first and filled a moment later."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from consultdesk.app_context import AppContext
from consultdesk.launcher import Launcher
from consultdesk.services.settings import Settings
from consultdesk.ui.application import GuiSession


def test_the_window_shows_before_the_list_is_filled(qtbot, settings: Settings,
                                                    data_dir: Path) -> None:
    context = AppContext.open(data_dir)
    for title in ("First", "Second", "Third"):
        context.responses.create("ohchr-civic-space-2021", title)
    context.close()
    session = GuiSession(Launcher(data_dir), settings)
    try:
        assert session.start() is None
        window = session.window
        assert window is not None
        qtbot.addWidget(window)
        # start() returns with the window shown and the list still to come (no event has
        # been processed yet), so the user sees a window at once.
        assert window.isVisible() and window.proxy.rowCount() == 0
        # Still saying so, not showing the invitation to start a first response.
        assert window.stack.currentWidget() is window.opening
        assert window.opening.text() == "Opening…"
        qtbot.waitUntil(lambda: window.proxy.rowCount() == 3, timeout=10000)
        assert window.stack.currentIndex() == 1 and window.table.hasFocus()
    finally:
        session.close()


# A real app process: it reports its library window's first paint (with what was loaded and
# shown then), and the moment the list holds the responses, then closes the window.
_WATCH = r"""
import sys
import PySide6.QtCore
from PySide6.QtCore import QEvent, QObject, QTimer
from consultdesk.ui.application import make_application
from consultdesk.ui.library.window import LibraryWindow

app = make_application()
ROWS = int(sys.argv.pop(1))
painted = []

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not painted:
            painted.append(obj)
            page = obj.centralWidget()
            print("painted", "sqlalchemy" in sys.modules, "pydantic" in sys.modules,
                  "Qt" in vars(PySide6.QtCore), obj.context is None,
                  page.text() if hasattr(page, "text") else type(page).__name__, flush=True)
        return False

# The library window's own events only: a filter on the application would hand Python
# every object of the app, which makes PySide build classes the app itself never names.
watch = Watch()
_show = LibraryWindow.show

def show_watched(window):
    window.installEventFilter(watch)
    _show(window)

LibraryWindow.show = show_watched

def look():
    window = painted[0] if painted else None
    if window is not None and getattr(window, "proxy", None) is not None \
            and window.proxy.rowCount() == ROWS:
        print("filled", window.proxy.rowCount(), type(app.style()).__name__, flush=True)
        window.close()
        return
    QTimer.singleShot(10, look)

QTimer.singleShot(0, look)
from consultdesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_app_paints_its_window_before_it_loads_the_database_code(
        tmp_path: Path, data_dir: Path) -> None:
    context = AppContext.open(data_dir)
    for title in ("First", "Second", "Third"):
        context.responses.create("ohchr-civic-space-2021", title)
    context.close()
    config = tmp_path / "settings"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "CONSULTDESK_CONFIG_DIR": str(config),
           "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}

    def start() -> list[str]:
        done = subprocess.run([sys.executable, "-c", _WATCH, "3", "--data-dir", str(data_dir)],
                              env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.splitlines()

    # On screen first, saying so, before the ORM or the questionnaire's pydantic models
    # were even imported (an error helper that imported the domain's response model at
    # start cost ~150 ms before the first paint); then filled.  A first start asks the
    # desktop whether it is dark before painting (PySide builds its Qt namespace for the
    # answer) and remembers the answer ...
    assert start() == ["painted False False True True Opening…", "filled 3 ConsultDeskStyle"]
    assert json.loads((config / "settings.json").read_text())["ui/system_dark"] is False
    # ... so that the next start paints without it (the desktop is asked just after).
    # Either way the app's own style (text-only dialog buttons) is there once it is
    # filled, before any dialog: it was installed just after the first paint.
    assert start() == ["painted False False False True Opening…", "filled 3 ConsultDeskStyle"]


def test_a_damaged_database_found_once_the_window_is_up_can_be_quit(
        qtbot, modal, monkeypatch: pytest.MonkeyPatch, settings: Settings,
        data_dir: Path) -> None:
    from consultdesk.storage.database import database_path
    from consultdesk.storage.instance_lock import WriterLock
    from consultdesk.ui import application
    from consultdesk.ui.library.window import LibraryWindow

    data_dir.mkdir(parents=True)
    database_path(data_dir).write_bytes(b"garbage" * 1000)
    monkeypatch.setattr(application, "app_settings", lambda: settings)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # leave pytest's SIGINT alone
    seen: list[tuple[str, list[bool]]] = []

    def quit_recovery(dialog) -> None:
        shells = [w.context is None for w in QApplication.topLevelWidgets()
                  if isinstance(w, LibraryWindow) and w.isVisible()]
        seen.append((type(dialog).__name__, shells))
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)

    modal(quit_recovery)
    assert application.run_gui(Launcher(data_dir)) == application.EXIT_CANNOT_START
    # The recovery was offered over the window's shell, which then went away.
    assert seen == [("RecoveryDialog", [True])]
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, LibraryWindow) and w.isVisible()]
    assert database_path(data_dir).read_bytes() == b"garbage" * 1000
    WriterLock.acquire(data_dir).release()  # the lock was given back
