"""Notice bars that keep their colours through a switch between light and dark: the
conflict bar, the reference offer (the tooltip colours, :class:`NoticeColours`) and the
offline notices (a style sheet of their own, :class:`NoticeSheet`).

Both were given their colours once, from the palette they were made in, so after a
switch to dark they stayed light.  They now choose them again after each palette change:
a bar inside a window hears of a new application palette as its own PaletteChange (only
windows get ApplicationPaletteChange), a widget with its own style sheet from the
application's ``paletteChanged``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QFrame, QWidget

_PALETTE = {QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange}


class _OnPaletteChange(QObject):
    """Calls :meth:`apply` now and once after each palette change of ``widget`` (posted,
    so that several changes in a row cost one)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._pending = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Choose the colours again after a palette change."""
        if event.type() in _PALETTE:
            self._later()
        return False

    def _later(self, *_args: object) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._apply_now)

    def _apply_now(self) -> None:
        self._pending = False
        self.apply()

    def apply(self) -> None:
        """Give the widget its colours for the application's palette now."""
        raise NotImplementedError


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


class NoticeColours(_OnPaletteChange):
    """Keeps a frame, and so everything in it, in the tooltip colours."""

    def __init__(self, frame: QFrame) -> None:
        super().__init__(frame)
        self._frame = frame
        self.apply()

    def apply(self) -> None:
        """Give the frame the panel's colours (its widgets take them from it)."""
        self._frame.setPalette(notice_palette())


def make_notice_panel(frame: QFrame) -> NoticeColours:
    """Make ``frame`` a bar in the tooltip colours, kept through polishing and switches."""
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setAutoFillBackground(True)
    return NoticeColours(frame)


class NoticeSheet(_OnPaletteChange):
    """Keeps a widget's own notice style sheet in the colours of the application's palette
    now (``theme.notice_colors``): the offline bar and banner were made once, so after a
    switch to dark they stayed pale, their buttons turned dark on them."""

    def __init__(self, widget: QWidget, sheet: Callable[[str, str, str], str]) -> None:
        super().__init__(widget)
        self._widget, self._sheet = widget, sheet
        # A widget with a sheet of its own hears of no new application palette unless it
        # is a window (the library's bar is not): the application says so.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.paletteChanged.connect(self._later)
        self.apply()

    def apply(self) -> None:
        """The sheet for the application's palette (nothing when it is the same)."""
        from consultdesk.ui.theme import notice_colors

        sheet = self._sheet(*notice_colors(QApplication.palette()))
        if self._widget.styleSheet() != sheet:
            self._widget.setStyleSheet(sheet)
