"""At start-up the library window is on screen first and filled a moment later."""

from __future__ import annotations

from pathlib import Path

from consultdesk.app_context import AppContext, Launcher
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
        qtbot.waitUntil(lambda: window.proxy.rowCount() == 3, timeout=10000)
        assert window.stack.currentIndex() == 1 and window.table.hasFocus()
    finally:
        session.close()
