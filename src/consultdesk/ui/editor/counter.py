"""The live counter under an answer: "4,812 / ~5,000 characters (with spaces)" and a bar."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from consultdesk.domain.counting import Count, Status
from consultdesk.domain.questionnaire import Convention, Unit
from consultdesk.ui.status_icons import status_colour


class CountBar(QWidget):
    """A thin bar filled to the share of the limit used, coloured by status."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ratio = 0.0
        self._status = Status.EMPTY
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(160, 8)

    def set_count(self, ratio: float, status: Status) -> None:
        """Show a share of the limit (capped at full) in the status colour."""
        self._ratio, self._status = ratio, status
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = track.height() / 2
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(self.palette().color(QPalette.ColorRole.Mid))
        p.setOpacity(0.35)
        p.drawRoundedRect(track, radius, radius)
        p.setOpacity(1.0)
        if self._ratio > 0:
            fill = QRectF(track)
            fill.setWidth(max(track.height(), track.width() * min(1.0, self._ratio)))
            p.setBrush(status_colour(self._status))
            p.drawRoundedRect(fill, radius, radius)
        p.end()


class CounterWidget(QWidget):
    """The count against the limit, in words a person reads, with the coloured bar."""

    #: the user asked to see the text beyond the limit
    show_excess = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.excess_button = QToolButton(self)
        self.excess_button.setText(self.tr("Show the excess"))
        self.excess_button.setToolTip(self.tr("Put the cursor where the text passes the limit"))
        # A button that looks like one (an auto-raised tool button read as plain text).
        self.excess_button.setAutoRaise(False)
        self.excess_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.excess_button.setArrowType(Qt.ArrowType.DownArrow)
        self.excess_button.clicked.connect(self.show_excess)
        self.excess_button.hide()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bar = CountBar(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.excess_button)
        layout.addWidget(self.bar, 1)
        self.setAccessibleName(self.tr("Length of the answer"))
        self._convention = Convention.DOCUMENT
        self.label.setToolTip(self.rules_text(self._convention))

    def set_convention(self, convention: Convention) -> None:
        """How the questionnaire's channel counts (a portal counts differently from Word)."""
        self._convention = convention
        self.label.setToolTip(self.rules_text(convention))

    def rules_text(self, convention: Convention) -> str:
        """The counting rules in a sentence or two (the label's tooltip)."""
        if convention is Convention.WEB_FORM:
            return self.tr("Counted as the portal counts the text you paste: each line break "
                           "is 2 characters and list markers count as typed.")
        return self.tr("Counted as Word counts: list numbers and bullets are not counted, a "
                       "line break is one character, dashes separate words. LibreOffice's "
                       "word count also counts list numbers and bullets.")

    def unit_words(self, unit: Unit) -> str:
        """The unit as the counter names it."""
        return {
            Unit.CHARACTERS_WITH_SPACES: self.tr("characters (with spaces)"),
            Unit.CHARACTERS_WITHOUT_SPACES: self.tr("characters (no spaces)"),
            Unit.WORDS: self.tr("words"),
        }[unit]

    def text_for(self, count: Count) -> str:
        """The counter's sentence for a count."""
        limit = count.limit
        unit = self.unit_words(limit.unit if limit else Unit.CHARACTERS_WITH_SPACES)
        if limit is None:
            text = self.tr("{value} {unit}").format(value=f"{count.value:,}", unit=unit)
        else:
            amount = ("~" if limit.approximate else "") + f"{limit.amount:,}"
            text = self.tr("{value} / {limit} {unit}").format(
                value=f"{count.value:,}", limit=amount, unit=unit)
        if self._convention is Convention.WEB_FORM:
            text += " " + self.tr("as the portal counts")
        if count.status is Status.OVER:
            text += " — " + self.tr("{excess} over").format(excess=f"{count.excess:,}")
        return text

    def set_count(self, count: Count) -> None:
        """Show a count (the label's colour and the bar follow its status)."""
        self.label.setText(self.text_for(count))
        self.bar.setVisible(count.limit is not None)
        self.excess_button.setVisible(count.status is Status.OVER)
        self.bar.set_count(count.ratio, count.status)
        font = self.label.font()
        font.setBold(count.status is Status.OVER)
        self.label.setFont(font)
        self.setAccessibleDescription(self.label.text())
