"""Status colours and icons for answers, painted with QPainter (no image files, works offscreen)."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from consultdesk.domain.counting import Status


class AnswerState(StrEnum):
    """What the navigator shows for one question."""

    EMPTY = "empty"
    IN_PROGRESS = "in_progress"
    NEAR = "near"
    OVER = "over"
    DONE = "done"


#: One colour per state, chosen to read on light and dark backgrounds alike.
STATE_COLOURS: dict[AnswerState, str] = {
    AnswerState.EMPTY: "#8a8f98",
    AnswerState.IN_PROGRESS: "#2f7fd8",
    AnswerState.NEAR: "#e0a100",
    AnswerState.OVER: "#d93636",
    AnswerState.DONE: "#2e9e5b",
}


def answer_state(status: Status, done: bool) -> AnswerState:
    """The state for a count status; over the limit wins over "done" (it still needs work)."""
    if status is Status.OVER:
        return AnswerState.OVER
    if done:
        return AnswerState.DONE
    return {Status.EMPTY: AnswerState.EMPTY, Status.WITHIN: AnswerState.IN_PROGRESS,
            Status.NEAR: AnswerState.NEAR}[status]


def status_colour(status: Status) -> QColor:
    """The bar colour for a count status."""
    return QColor(STATE_COLOURS[answer_state(status, False)])


def _paint(state: AnswerState, size: int, ratio: float, selected: bool = False) -> QPixmap:
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATE_COLOURS[state])
    r = QRectF(1.5, 1.5, size - 3, size - 3)
    c = r.center()
    if selected:
        # On the selection colour a white disc keeps every state readable.
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("white"))
        p.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    if state is AnswerState.EMPTY:
        p.setPen(QPen(colour, 1.6))
        p.drawEllipse(r)
    elif state is AnswerState.IN_PROGRESS:
        # A half-filled circle: begun, not finished.
        p.setPen(QPen(colour, 1.6))
        p.drawEllipse(r)
        path = QPainterPath(c)
        path.arcTo(r, 90, 180)
        path.closeSubpath()
        p.fillPath(path, colour)
    else:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(r)
        pen = QPen(QColor("white"), max(1.6, size / 8), Qt.PenStyle.SolidLine,
                   Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
        p.setPen(pen)
        s = size / 16
        if state is AnswerState.DONE:
            p.drawPolyline([QPointF(4.5 * s, 8.2 * s), QPointF(7 * s, 10.8 * s),
                            QPointF(11.5 * s, 5.4 * s)])
        elif state is AnswerState.OVER:
            p.drawLine(QPointF(c.x(), 4.2 * s), QPointF(c.x(), 9.0 * s))
            p.drawPoint(QPointF(c.x(), 11.6 * s))
        else:  # near: a short bar, "almost full"
            p.drawLine(QPointF(5 * s, c.y()), QPointF(11 * s, c.y()))
    p.end()
    return pixmap


@lru_cache(maxsize=32)
def state_icon(state: AnswerState, size: int = 16) -> QIcon:
    """The icon for a state (crisp at 1x and 2x)."""
    icon = QIcon()
    for ratio in (1.0, 2.0):
        icon.addPixmap(_paint(state, size, ratio))
        icon.addPixmap(_paint(state, size, ratio, selected=True), QIcon.Mode.Selected)
    return icon
