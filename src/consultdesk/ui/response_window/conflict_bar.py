"""The bar above an answer changed elsewhere while it was being typed: the other text
beside yours, a word diff, and keep mine / take theirs / merge by hand."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.response import AnswerValue
from consultdesk.services.records import Conflict
from consultdesk.ui.notice_panel import make_notice_panel
from consultdesk.ui.response_window.authors import author_words
from consultdesk.ui.response_window.history_dialog import diff_html, value_text
from consultdesk.ui.theme import palette_is_dark

#: The bar never takes more of the window than this: the answer stays in view below.
MAX_HEIGHT = 260


def when_words(moment: datetime | None) -> str:
    """A save time as the user's clock shows it (today: the time only)."""
    if moment is None:
        return ""
    local = moment.astimezone()
    if local.date() == datetime.now().astimezone().date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")


class ConflictBar(QFrame):
    """Shows one conflict and asks what to do; the window acts on its signals."""

    keep_mine = Signal()
    take_theirs = Signal()
    merge_by_hand = Signal()
    merge_done = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: (mine, the conflict) the diff shows, and whether in dark colours
        self._shown: tuple[AnswerValue, Conflict] | None = None
        self._diff_dark = False
        make_notice_panel(self)
        self.setAccessibleName(self.tr("Changed elsewhere"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.theirs = QTextBrowser(self)
        self.theirs.setAccessibleName(self.tr("Their version"))
        self.diff = QTextBrowser(self)
        self.diff.setAccessibleName(self.tr("Differences from their version to yours"))
        theirs_box = self._titled(self.tr("Their version"), self.theirs)
        diff_box = self._titled(self.tr("Differences: struck through only in theirs, "
                                        "highlighted only in yours"), self.diff)
        panes = QSplitter(self)
        panes.addWidget(theirs_box)
        panes.addWidget(diff_box)
        self.keep_button = QPushButton(self.tr("&Keep mine"), self)
        self.keep_button.setToolTip(self.tr("Your text becomes the answer; theirs is kept "
                                            "in History"))
        self.keep_button.clicked.connect(self.keep_mine)
        self.take_button = QPushButton(self.tr("&Take theirs"), self)
        self.take_button.setToolTip(self.tr("Their text becomes the answer; yours is kept "
                                            "in History"))
        self.take_button.clicked.connect(self.take_theirs)
        self.merge_button = QPushButton(self.tr("&Merge by hand"), self)
        self.merge_button.setToolTip(self.tr("Add their paragraphs to yours, edit, then "
                                             "press Done merging"))
        self.merge_button.clicked.connect(self.merge_by_hand)
        self.done_button = QPushButton(self.tr("&Done merging"), self)
        self.done_button.setToolTip(self.tr("Your edited text becomes the answer; both "
                                            "earlier texts are kept in History"))
        self.done_button.clicked.connect(self.merge_done)
        self.done_button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.keep_button, self.take_button, self.merge_button,
                       self.done_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.message)
        layout.addWidget(panes, 1)
        layout.addLayout(buttons)
        self.setMaximumHeight(MAX_HEIGHT)
        self.merging = False
        self.hide()

    def _titled(self, title: str, view: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        label = QLabel(title, box)
        label.setWordWrap(True)
        label.setBuddy(view)
        column.addWidget(label)
        column.addWidget(view, 1)
        return box

    def show_conflict(self, conflict: Conflict, mine: AnswerValue, *, can_merge: bool) -> None:
        """Show what is stored now beside this window's text."""
        self.message.setText(self.tr(
            "{author} changed this answer at {time} while you were editing it. Both texts "
            "are kept: choose which becomes the answer.").format(
                author=author_words(conflict.author), time=when_words(conflict.updated_at)))
        self.theirs.setPlainText(value_text(conflict.value))
        self._show_diff(mine, conflict)
        self.merge_button.setVisible(can_merge and not self.merging)
        self.done_button.setVisible(self.merging)
        self.show()

    def update_mine(self, mine: AnswerValue, conflict: Conflict) -> None:
        """Refresh the diff as the user types on."""
        bar = self.diff.verticalScrollBar()
        position = bar.value()
        self._show_diff(mine, conflict)
        bar.setValue(position)

    def _show_diff(self, mine: AnswerValue, conflict: Conflict) -> None:
        self._shown = (mine, conflict)
        self._diff_dark = palette_is_dark(self.palette())
        self.diff.setHtml(diff_html(value_text(conflict.value), value_text(mine),
                                    dark=self._diff_dark))

    def changeEvent(self, event: QEvent) -> None:
        """After a switch between light and dark, the diff's marks in the new colours (its
        light pink and green made the dark palette's light text unreadable)."""
        super().changeEvent(event)
        if (event.type() == QEvent.Type.PaletteChange and self._shown is not None
                and palette_is_dark(self.palette()) != self._diff_dark):
            self.update_mine(*self._shown)

    def set_merging(self, merging: bool) -> None:
        """Merging by hand: the user edits, then presses Done merging."""
        self.merging = merging
        self.merge_button.setVisible(not merging)
        self.done_button.setVisible(merging)

    def clear(self) -> None:
        """Hide (no conflict on the answer shown)."""
        self.merging = False
        self._shown = None
        self.hide()
