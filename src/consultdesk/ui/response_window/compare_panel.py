"""Compare with last time: the earlier response's answer beside this one, with a word diff."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.response import AnswerValue
from consultdesk.services.records import EarlierAnswer
from consultdesk.ui.response_window.history_dialog import diff_html, value_text
from consultdesk.ui.theme import palette_is_dark


class ComparePanel(QWidget):
    """The earlier answer (what changed since in colour), and a button to copy it in."""

    #: the earlier value, to put in place of the current answer
    copy_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.view = QTextBrowser(self)
        self.view.setAccessibleName(self.tr("The earlier answer, compared with this one"))
        self.copy_button = QPushButton(self.tr("&Use the earlier answer"), self)
        self.copy_button.setToolTip(self.tr(
            "Replace this answer with last time's (a revision of it is kept; Ctrl+Z undoes)"))
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(self._earlier))
        self.legend = QLabel(self.tr("Struck through: only last time. Highlighted: only now. "
                                     "Select text to copy part of it."), self)
        self.legend.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend)
        layout.addLayout(buttons)
        self._earlier: AnswerValue = None

    def show_comparison(self, earlier: EarlierAnswer, current: AnswerValue) -> None:
        """Show an earlier answer against the current one."""
        self._earlier = earlier.value
        self.title.setText(self.tr("Last time, in “{title}”:").format(
            title=earlier.response_title))
        if earlier.value is None:
            self.view.setPlainText(self.tr("(no answer last time)"))
        else:
            self.view.setHtml(diff_html(value_text(earlier.value), value_text(current),
                                        dark=palette_is_dark(self.palette()), elide=False))
        # The same words (the editor may end its Markdown with a line break): nothing to copy.
        self.copy_button.setEnabled(earlier.value is not None and
                                    value_text(earlier.value).strip() != value_text(current).strip())
