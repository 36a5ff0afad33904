"""Paints the library's Progress column: a slim bar, "7 of 12 answered", and any overrun."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from consultdesk.services.records import ResponseSummary
from consultdesk.ui.library.formatting import progress_text
from consultdesk.ui.library.responses_model import SUMMARY_ROLE
from consultdesk.ui.theme import status_colors

_BAR_WIDTH = 64
_BAR_HEIGHT = 6
_GAP = 10


class ProgressDelegate(QStyledItemDelegate):
    """Draws progress as a bar plus text; over-limit answers are named in red."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        """Paint one cell."""
        summary = index.data(SUMMARY_ROLE)
        if not isinstance(summary, ResponseSummary):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        colors = status_colors(palette)
        rect = opt.rect.adjusted(8, 0, -6, 0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(rect.left(), rect.center().y() - _BAR_HEIGHT / 2 + 1,
                     _BAR_WIDTH, _BAR_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        track = palette.color(QPalette.ColorRole.Mid)
        track.setAlpha(110)
        painter.setBrush(track)
        painter.drawRoundedRect(bar, 3, 3)
        fraction = summary.answered / summary.total if summary.total else 0.0
        if fraction > 0:
            fill = QRectF(bar)
            fill.setWidth(max(_BAR_HEIGHT, bar.width() * min(1.0, fraction)))
            done = summary.total and summary.answered >= summary.total
            painter.setBrush(colors["ok"] if done and not summary.over else colors["accent"])
            if selected:
                painter.setBrush(palette.color(QPalette.ColorRole.HighlightedText))
            painter.drawRoundedRect(fill, 3, 3)

        text_rect = QRect(rect)
        text_rect.setLeft(int(bar.right()) + _GAP)
        role = (QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        main = progress_text(summary.answered, summary.total, 0)
        painter.setPen(palette.color(role))
        metrics = opt.fontMetrics
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(text_rect, flags, metrics.elidedText(main, Qt.TextElideMode.ElideRight,
                                                              text_rect.width()))
        if summary.over:
            extra = progress_text(summary.answered, summary.total, summary.over)[len(main):]
            text_rect.setLeft(text_rect.left() + metrics.horizontalAdvance(main))
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(palette.color(role) if selected else colors["over"])
            painter.drawText(text_rect, flags, painter.fontMetrics().elidedText(
                extra, Qt.TextElideMode.ElideRight, text_rect.width()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        """Room for the bar, the gap and the text."""
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + _BAR_WIDTH + _GAP + 24, hint.height())
