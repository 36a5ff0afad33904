"""The library's record of open response windows, as windows close in any order."""

from __future__ import annotations

from PySide6.QtCore import QObject

from consultdesk.app_context import AppContext
from consultdesk.ui.library.opener import ResponseWindows


def test_a_closed_window_is_forgotten_and_said(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create("ohchr-civic-space-2021", "Japan 2021")
    windows = ResponseWindows(app_context)
    window = windows.open(rid)
    assert window is not None and windows.is_open(rid)
    with qtbot.waitSignal(windows.closed, timeout=10000) as closed:
        window.close()  # deleted on close, by the event loop
    assert closed.args == [rid] and not windows.is_open(rid)


def test_the_library_going_first_leaves_no_error_behind(qtbot,
                                                        app_context: AppContext) -> None:
    # Ctrl+C closes every window at once: the library (and the record of its response
    # windows with it) may be deleted before a response window is.  pytest-qt fails the
    # test on an exception in a Qt callback, as the app would show it.
    rid = app_context.responses.create("ohchr-civic-space-2021", "Japan 2021")
    library = QObject()
    windows = ResponseWindows(app_context, library)
    window = windows.open(rid)
    assert window is not None
    gone: list[str] = []
    windows.destroyed.connect(lambda *_: gone.append("library"))
    window.destroyed.connect(lambda *_: gone.append("window"))
    library.deleteLater()
    window.close()  # deleted on close, after the library
    qtbot.waitUntil(lambda: len(gone) == 2, timeout=10000)
    assert gone == ["library", "window"]
