"""Windows reopen as they were left: size, position, the navigator's width, the question;
clamped to the screens there are now (the offscreen platform has one, 800 × 800)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from consultdesk.app_context import AppContext
from consultdesk.ui.library.window import LibraryWindow
from consultdesk.ui.response_window.window import ResponseWindow

OHCHR = "ohchr-civic-space-2021"


def show(qtbot, window: QWidget) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def screen_rect() -> QRect:
    return QGuiApplication.primaryScreen().availableGeometry()


def test_response_window_reopens_where_it_was_with_its_navigator_and_question(
        qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = show(qtbot, ResponseWindow(app_context, rid))
    window.resize(720, 560)
    window.move(40, 30)
    window.splitter.setSizes([260, 460])
    qtbot.waitUntil(lambda: window.splitter.sizes()[0] == 260)
    # The user goes to question 3 the way they would: Ctrl+PgDown twice.
    window.navigator.tree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == "q3"
    geometry = window.geometry()
    assert window.close()

    again = show(qtbot, ResponseWindow(app_context, rid))
    assert again.geometry() == geometry
    assert again.splitter.sizes()[0] == 260
    assert again.current_key() == "q3"
    assert again.navigator.current_key() == "q3"
    # Another response starts at its first question, with the same window layout.
    other = app_context.responses.create(OHCHR, "Japan (2)")
    third = show(qtbot, ResponseWindow(app_context, other))
    assert third.current_key() == "q1" and third.size() == geometry.size()


def test_a_window_left_on_a_screen_that_is_gone_opens_on_this_one(
        qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = show(qtbot, ResponseWindow(app_context, rid))
    window.resize(600, 500)
    window.move(3000, 2000)  # where a second monitor was
    assert window.close()
    again = show(qtbot, ResponseWindow(app_context, rid))
    assert screen_rect().contains(again.frameGeometry())
    assert again.size() == QSize(600, 500)  # the size was fine: kept


def test_a_window_larger_than_this_screen_is_shrunk_to_fit(
        qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = show(qtbot, ResponseWindow(app_context, rid))
    window.resize(1900, 1150)  # saved on a 1920 × 1200 monitor
    window.move(0, 0)
    assert window.close()
    again = show(qtbot, ResponseWindow(app_context, rid))
    assert screen_rect().contains(again.frameGeometry())
    assert again.width() > 700 and again.height() > 700  # as large as the screen allows


def test_a_navigator_wider_than_the_window_leaves_room_for_the_answer(
        qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = show(qtbot, ResponseWindow(app_context, rid))
    window.resize(780, 600)
    window.splitter.setSizes([700, 80])
    assert window.close()
    again = show(qtbot, ResponseWindow(app_context, rid))
    nav, answer, *_ = again.splitter.sizes()  # a side panel may follow, hidden
    assert answer >= 390 and nav >= 200


def test_a_question_that_no_longer_exists_falls_back_to_the_first(
        qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    app_context.settings.set_last_question(rid, "q-gone")
    window = show(qtbot, ResponseWindow(app_context, rid))
    assert window.current_key() == "q1"


def test_library_reopens_at_its_size_and_inside_the_screen(
        qtbot, app_context: AppContext) -> None:
    library = show(qtbot, LibraryWindow(app_context))
    library.resize(900, 500)  # its minimum width (820) is more than this 800 px screen
    library.move(-2000, 100)  # on a monitor to the left, unplugged since
    size = library.size()
    assert library.close()
    again = show(qtbot, LibraryWindow(app_context))
    # Shrunk towards the screen's width as far as the window allows; the height kept.
    assert again.height() == size.height() and again.width() < size.width()
    # Still wider than the screen: its title bar at least starts on it.
    assert screen_rect().contains(again.frameGeometry().topLeft())
