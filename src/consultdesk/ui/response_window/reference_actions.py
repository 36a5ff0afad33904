"""The response window's cross-reference actions: Insert ▸ Reference…, and the paste offer.

Insert ▸ Reference to another answer… (also in the answer's context menu) asks for a
question and puts a chip at the cursor.  After a paste holding "See the answer for
Q2" and the like, a bar offers to turn those words into live references; accepting
edits the answer in one undo step, and autosave stores it through the versioned save.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from consultdesk.domain.reference_phrases import ReferencePhrase, linkable_phrases
from consultdesk.services.reference_offers import question_numbers
from consultdesk.ui.editor.references import insert_reference
from consultdesk.ui.i18n import listed
from consultdesk.ui.notice_panel import make_notice_panel
from consultdesk.ui.response_window.navigator import RESPONDENT_KEY
from consultdesk.ui.response_window.reference_chooser import ReferenceChooser

#: The response window this module extends.  Typed loosely on purpose: the window
#: imports this module, and importing it back (even for typing) would be a cycle.
ResponseWindow = Any

#: A paste longer than this is not searched for phrases (a whole document pasted).
_OFFER_SCAN_CHARS = 200_000


class ReferenceOfferBar(QFrame):
    """"This text refers to question 2. Turn it into a live reference?" (non-modal)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referenceOfferBar")
        make_notice_panel(self)
        self.setAccessibleName(self.tr("Reference offer"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.accept_button = QPushButton(self)
        layout.addWidget(self.accept_button)
        self.close_button = QToolButton(self)
        self.close_button.setText("×")
        self.close_button.setToolTip(self.tr("Leave the text as it is"))
        self.close_button.setAccessibleName(self.tr("Leave the text as it is"))
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.hide()

    def offer(self, labels: list[str]) -> None:
        """Show the offer for the questions named (their labels, in order)."""
        if len(labels) == 1:
            self.label.setText(self.tr("This text refers to {label}. Turn it into a live "
                                       "reference?").format(label=labels[0]))
            self.accept_button.setText(self.tr("Turn into a reference"))
        else:
            self.label.setText(self.tr("This text refers to {labels}. Turn them into live "
                                       "references?").format(
                labels=listed(labels)))
            self.accept_button.setText(self.tr("Turn into references"))
        self.show()


class ReferenceActions(QObject):
    """Wires the Insert menu, the editor's context menu, Ctrl+click and the paste offer."""

    def __init__(self, window: ResponseWindow, bar: ReferenceOfferBar) -> None:
        super().__init__(window)
        self._window = window
        self.bar = bar
        self._editor = window.answers.text_editor.editor
        self._offered: list[tuple[QTextCursor, ReferencePhrase]] = []
        self.action_insert = QAction(self.tr("&Reference to another answer…"), window)
        self.action_insert.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.action_insert.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.action_insert.triggered.connect(self.insert)
        window.insert_menu.addAction(self.action_insert)
        window.addAction(self.action_insert)
        self._editor.context_actions.append(self.action_insert)
        self._editor.pasted.connect(self._pasted)
        bar.accept_button.clicked.connect(self.accept_offer)
        window.navigator.current_changed.connect(self._question_shown)
        self._question_shown(window.current_key())

    def _question_shown(self, _key: str = "") -> None:
        """Insert works in a long-text answer only; an offer belongs to the answer shown."""
        answers = self._window.answers
        self.action_insert.setEnabled(answers.key != RESPONDENT_KEY
                                      and answers.stack.currentWidget() is answers.text_editor)
        self._forget_offer()

    def insert(self) -> None:
        """Ask for a question and insert a reference to it at the cursor."""
        if not self.action_insert.isEnabled():
            return
        window = self._window
        chooser = ReferenceChooser(window.session.questionnaire, window.current_key(), window)
        if not chooser.exec():
            return
        target = chooser.chosen()
        if target is None:
            return
        insert_reference(self._editor.textCursor(), target, window.answers.labels[target])
        self._editor.setFocus()

    # -- the offer after a paste ---------------------------------------------------------
    def _pasted(self, start: int, end: int) -> None:
        self._forget_offer()
        if end - start > _OFFER_SCAN_CHARS:
            return
        document = self._editor.document()
        numbers = question_numbers(self._window.session.questionnaire)
        current = self._window.current_key()
        block = document.findBlock(start)
        # Phrase by phrase, each found in its own paragraph and held by a cursor on the
        # words naming the question, so typing elsewhere before accepting moves nothing.
        while block.isValid() and block.position() <= end:
            text = block.text()
            for phrase in linkable_phrases(text, numbers, skip=current):
                first = block.position() + len(text[:phrase.name_start].encode("utf-16-le")) // 2
                last = block.position() + len(text[:phrase.name_end].encode("utf-16-le")) // 2
                if first < start or last > end:
                    continue  # only what was pasted
                cursor = QTextCursor(document)
                cursor.setPosition(first)
                cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
                self._offered.append((cursor, phrase))
            block = block.next()
        if self._offered:
            labels = self._window.answers.labels
            named = list(dict.fromkeys(labels[p.question_id] for _, p in self._offered
                                       if p.question_id in labels))
            self.bar.offer(named)

    def _forget_offer(self) -> None:
        self._offered = []
        self.bar.hide()

    def accept_offer(self) -> None:
        """Turn the offered phrases into references (one undo step)."""
        offered, self._offered = self._offered, []
        self.bar.hide()
        labels = self._window.answers.labels
        document = self._editor.document()
        edit = QTextCursor(document)
        edit.beginEditBlock()
        for cursor, phrase in offered:
            target = phrase.question_id
            if target is None or target not in labels or not cursor.hasSelection():
                continue
            if phrase.number not in cursor.selectedText():
                continue  # the words were edited since the paste
            insert_reference(cursor, target, labels[target])
        edit.endEditBlock()
        self._editor.setFocus()
