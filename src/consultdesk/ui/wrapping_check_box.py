"""A tick box whose text wraps to the width it is given.

Qt's QCheckBox keeps its text on one line and asks for all of it as its minimum width:
a long one ("Turn pointers to other answers (“See the answer for Q2”) into live
references (1 found)") in the contribution merge panel made the panel some 560 pixels
wide at least, squeezing the answer beside it into a column one word wide.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

#: The narrowest text column asked for, in average characters.
_MIN_CHARS = 16
_TEXT_FLAGS = (Qt.AlignmentFlag.AlignLeft.value | Qt.AlignmentFlag.AlignTop.value
               | Qt.TextFlag.TextWordWrap.value | Qt.TextFlag.TextShowMnemonic.value)


class WrappingCheckBox(QCheckBox):
    """A QCheckBox (same signals, text() and shortcut) drawn with its text wrapped."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _option(self) -> QStyleOptionButton:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return option

    def _indicator(self) -> QSize:
        option = self._option()
        style = self.style()
        return QSize(style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, option, self),
                     style.pixelMetric(QStyle.PixelMetric.PM_IndicatorHeight, option, self))

    def _text_left(self) -> int:
        spacing = self.style().pixelMetric(QStyle.PixelMetric.PM_CheckBoxLabelSpacing,
                                           self._option(), self)
        return self._indicator().width() + spacing

    def _text_rect(self, width: int) -> QRect:
        """Where the wrapped text goes in a box ``width`` wide."""
        left = self._text_left()
        room = max(1, width - left)
        bounds = self.fontMetrics().boundingRect(QRect(0, 0, room, 1_000_000), _TEXT_FLAGS,
                                                 self.text())
        return QRect(left, 0, room, bounds.height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self._text_rect(width).height(), self._indicator().height()) + 2

    def sizeHint(self) -> QSize:
        one_line = self.fontMetrics().boundingRect(QRect(0, 0, 1_000_000, 1_000), _TEXT_FLAGS,
                                                   self.text())
        width = self._text_left() + one_line.width() + 2
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        width = self._text_left() + self.fontMetrics().averageCharWidth() * _MIN_CHARS
        return QSize(width, self.heightForWidth(width))

    def hitButton(self, pos: QPoint) -> bool:
        return self.rect().contains(pos)  # the wrapped words toggle it too

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = self._option()
        text = self._text_rect(self.width())
        indicator = self._indicator()
        # The box beside the first line of text.
        line = self.fontMetrics().height()
        option.rect = QRect(0, max(0, (line - indicator.height()) // 2), indicator.width(),
                            indicator.height())
        painter.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, option)
        painter.drawItemText(text, _TEXT_FLAGS, self.palette(), self.isEnabled(),
                             self.text(), QPalette.ColorRole.WindowText)
        if self.hasFocus():
            focus = QStyleOptionButton(option)
            focus.rect = text.adjusted(-1, 0, 1, 1)
            painter.drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, focus)
