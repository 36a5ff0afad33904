"""Notice bars that keep their colours: the conflict bar, the reference offer, offline.

The panel's colours are set on the frame and on everything in it, again after each
polish and palette change: a bar made in the light palette kept its colours after a
switch to dark, and under an application style sheet (tried in round 4 for the dialog
buttons, then dropped) Qt gave each child its own palette, outlining a bar's buttons in
the window's grey.
The offline notices, drawn by a style sheet of their own, choose it again after a switch
(:class:`NoticeSheet`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFrame, QWidget

#: What makes the colours be set again: the frame or a child (re)polished, a new
#: application palette or style.  A bar inside a window hears of a new application
#: palette as its own PaletteChange (only windows get ApplicationPaletteChange).
_AGAIN = {QEvent.Type.Polish, QEvent.Type.ChildPolished, QEvent.Type.StyleChange,
          QEvent.Type.ApplicationPaletteChange, QEvent.Type.PaletteChange}


def notice_palette() -> QPalette:
    """Only the panel's two roles (the rest comes from the application's palette): the
    tooltip colours of the application's palette now."""
    app_palette = QApplication.palette()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window,
                     app_palette.color(QPalette.ColorRole.ToolTipBase))
    palette.setColor(QPalette.ColorRole.WindowText,
                     app_palette.color(QPalette.ColorRole.ToolTipText))
    return palette


class NoticeColours(QObject):
    """Keeps a frame and every widget in it in the tooltip colours (event filter)."""

    def __init__(self, frame: QFrame) -> None:
        super().__init__(frame)
        self._frame = frame
        self._pending = False
        frame.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Set the colours again once Qt has finished (re)polishing (posted, once)."""
        if event.type() in _AGAIN and not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.apply)
        return False

    def apply(self) -> None:
        """Give the frame and its widgets the panel's colours."""
        self._pending = False
        palette = notice_palette()
        for widget in (self._frame, *self._frame.findChildren(QWidget)):
            widget.setPalette(palette)


def make_notice_panel(frame: QFrame) -> NoticeColours:
    """Make ``frame`` a bar in the tooltip colours, kept through polishing and switches."""
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setAutoFillBackground(True)
    return NoticeColours(frame)


class NoticeSheet(QObject):
    """Keeps a widget's own notice style sheet in the colours of the application's palette
    now (``theme.notice_colors``): the offline bar and banner were made once, so after a
    switch to dark they stayed pale, their buttons turned dark on them."""

    def __init__(self, widget: QWidget, sheet: Callable[[str, str, str], str]) -> None:
        super().__init__(widget)
        self._widget, self._sheet = widget, sheet
        self._pending = False
        # A widget with a sheet of its own hears of no new application palette unless it
        # is a window (the library's bar is not): the application says so.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.paletteChanged.connect(self._later)
        widget.installEventFilter(self)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Set the sheet again after a palette change (posted, once)."""
        if event.type() in _PALETTE:
            self._later()
        return False

    def _later(self, *_args: object) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.apply)

    def apply(self) -> None:
        """The sheet for the application's palette (nothing when it is the same)."""
        from consultdesk.ui.theme import notice_colors

        self._pending = False
        sheet = self._sheet(*notice_colors(QApplication.palette()))
        if self._widget.styleSheet() != sheet:
            self._widget.setStyleSheet(sheet)


_PALETTE = {QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange}
