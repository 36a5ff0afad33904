"""Paints one questionnaire in the New response list: title in bold, issuer, then details."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

_PAD_X = 10
_PAD_Y = 8
_GAP = 2
_WRAP = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def _parts(index: QModelIndex | QPersistentModelIndex) -> tuple[str, list[str], str]:
    """The item's text is "title\\nissuer…\\ndetails": split it for painting."""
    lines = str(index.data(Qt.ItemDataRole.DisplayRole) or "").split("\n")
    if len(lines) < 2:
        return lines[0], [], ""
    return lines[0], lines[1:-1], lines[-1]


class QuestionnaireDelegate(QStyledItemDelegate):
    """Three kinds of line, each with its own weight, so the list reads at a glance."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        small = QFont(option.font)
        small.setPointSizeF(option.font.pointSizeF() * 0.92)
        return bold, small

    def _blocks(self, option: QStyleOptionViewItem, width: int,
                index: QModelIndex | QPersistentModelIndex) -> list[tuple[QFont, str, int, str]]:
        bold, small = self._fonts(option)
        title, middle, details = _parts(index)
        blocks = [(bold, title, 0, "text")]
        blocks += [(QFont(option.font), line, 0, "muted") for line in middle]
        if details:
            blocks.append((small, details, 0, "muted"))
        sized = []
        for font, text, _h, role in blocks:
            height = QFontMetrics(font).boundingRect(QRect(0, 0, width, 10_000), _WRAP,
                                                     text).height()
            sized.append((font, text, height, role))
        return sized

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Background and focus as usual, then the three kinds of line."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(_PAD_X, _PAD_Y, -_PAD_X, -_PAD_Y)
        painter.save()
        y = rect.top()
        for font, text, height, role in self._blocks(opt, rect.width(), index):
            color = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                      else QPalette.ColorRole.Text)
            if role == "muted" and not selected:
                color = opt.palette.color(QPalette.ColorRole.PlaceholderText)
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(QRect(rect.left(), y, rect.width(), height), _WRAP, text)
            y += height + _GAP
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Tall enough for every wrapped line at the view's width."""
        width = option.rect.width() or (option.widget.width() if option.widget else 400)
        inner = max(100, width - 2 * _PAD_X)
        blocks = self._blocks(option, inner, index)
        height = sum(h for _f, _t, h, _r in blocks) + _GAP * (len(blocks) - 1) + 2 * _PAD_Y
        return QSize(width, height)
