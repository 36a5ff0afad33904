"""Windows reopen where they were: size, position and splitters, kept on screens that exist.

A window saved on a second monitor that is gone today, or on a larger screen than this
laptop's, must still open whole and reachable: Qt's ``restoreGeometry`` only partly sees
to that, so every restored frame is clamped to the screens there are now.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QSplitter, QWidget

from consultdesk.services.settings import Settings

#: How much of a window's frame must show on a screen for it to count as on that screen.
_VISIBLE = QSize(160, 60)


def default_size(window: QWidget, width: int, height: int, share: float = 0.92) -> None:
    """Most of the screen (``share`` of it, at most ``width`` × ``height``), centred."""
    free = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    window.resize(min(width, int(free.width() * share)), min(height, int(free.height() * share)))
    frame = window.frameGeometry()
    frame.moveCenter(free.center())
    window.move(frame.topLeft())


def _best_screen(frame: QRect) -> QScreen | None:
    """The screen showing most of ``frame``, or None when none shows enough of it."""
    best, area = None, 0
    for screen in QGuiApplication.screens():
        shown = screen.availableGeometry().intersected(frame)
        enough = shown.width() >= _VISIBLE.width() and shown.height() >= _VISIBLE.height()
        if enough and shown.width() * shown.height() > area:
            best, area = screen, shown.width() * shown.height()
    return best


def clamp_to_screens(window: QWidget) -> None:
    """Move and shrink a window so that it lies wholly on one of today's screens
    (centred on the main screen when it was on none of them)."""
    frame = window.frameGeometry()
    screen = _best_screen(frame)
    lost = screen is None
    screen = screen or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    # The frame adds a title bar and borders around the client area.
    extra = QSize(frame.width() - window.width(), frame.height() - window.height())
    size = QSize(min(window.width(), free.width() - extra.width()),
                 min(window.height(), free.height() - extra.height()))
    if size != window.size():
        window.resize(size)
        frame = window.frameGeometry()
    if lost:
        frame.moveCenter(free.center())
    # The title bar matters most: when the window cannot fit (its minimum size is larger
    # than the screen), keep its top-left corner on the screen.
    x = max(min(frame.x(), free.right() + 1 - frame.width()), free.left())
    y = max(min(frame.y(), free.bottom() + 1 - frame.height()), free.top())
    if QPoint(x, y) != frame.topLeft():
        window.move(x, y)


class _ClampOnShow(QObject):
    """Clamps its window to the screens when it is first shown, then goes away."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            watched.removeEventFilter(self)
            clamp_to_screens(watched)
            self.deleteLater()
        return False


def restore_window(window: QWidget, settings: Settings, name: str, width: int,
                   height: int) -> bool:
    """The window's saved geometry, clamped to the screens; else the default size.

    True when a saved geometry was used.
    """
    saved = settings.window_geometry(name)
    if saved is not None and window.restoreGeometry(saved):
        clamp_to_screens(window)
        # Again once shown: only then are the frame's title bar and borders known.
        window.installEventFilter(_ClampOnShow(window))
        return True
    default_size(window, width, height)
    return False


def save_window(window: QWidget, settings: Settings, name: str) -> None:
    """Remember the window's geometry (normal size and position, maximized or not)."""
    settings.set_window_geometry(name, bytes(window.saveGeometry().data()))


def restore_splitter(splitter: QSplitter, settings: Settings, window: str,
                     minimum_first: int, minimum_rest: int) -> bool:
    """The splitter's saved sizes, with each side kept usable in today's window width.

    True when saved sizes were used.
    """
    saved = settings.splitter_state(window)
    if saved is None or not splitter.restoreState(saved):
        return False
    sizes = splitter.sizes()
    total = sum(sizes)
    if len(sizes) >= 2 and total > 0:
        # The first pane (the navigator) within bounds; what it gives up or takes comes
        # from the second (the answer); any further pane (a side panel) keeps its width.
        first = max(minimum_first, min(sizes[0], total - sum(sizes[2:]) - minimum_rest))
        second = max(0, sizes[1] + sizes[0] - first)
        splitter.setSizes([first, second, *sizes[2:]])
    return True


def save_splitter(splitter: QSplitter, settings: Settings, window: str) -> None:
    """Remember the splitter's sizes."""
    settings.set_splitter_state(window, bytes(splitter.saveState().data()))
