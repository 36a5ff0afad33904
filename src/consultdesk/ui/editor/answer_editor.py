"""One long-text answer being edited: toolbar, editor, live counter and overflow highlight."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget

from consultdesk.domain.counting import Count, measure_paragraphs
from consultdesk.domain.questionnaire import Convention, Limit
from consultdesk.domain.rich_text import to_markdown
from consultdesk.ui.editor.counter import CounterWidget
from consultdesk.ui.editor.document_model import document_paragraphs
from consultdesk.ui.editor.overflow import highlight_overflow, overflow_position
from consultdesk.ui.editor.rich_editor import RichEditor

#: Above this length a change is counted after a short pause instead of at once.
DEFER_ABOVE_CHARS = 20_000
DEFER_MS = 150


class AnswerEditor(QWidget):
    """Edits one document at a time; reports each change as Markdown with its count."""

    #: key (question id), Markdown, count — after every change the user makes
    edited = Signal(str, str, object)

    def __init__(self, parent: QWidget | None = None, *, toolbar: bool = True) -> None:
        super().__init__(parent)
        self.editor = RichEditor(self)
        self.counter = CounterWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.toolbar = self.editor.build_toolbar(self) if toolbar else None
        if self.toolbar is not None:
            layout.addWidget(self.toolbar)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.counter)
        self._key = ""
        self._limit: Limit | None = None
        self._convention = Convention.DOCUMENT
        self._loading = False
        self.count: Count | None = None
        # Long answers (a pasted annex) are recounted once typing pauses for a moment;
        # answers of ordinary length are recounted on every keystroke (~4 ms at 5,000).
        self._later = QTimer(self, singleShot=True, interval=DEFER_MS)
        self._later.timeout.connect(self._report)
        self._overflow_at: int | None = None
        self.counter.show_excess.connect(self.go_to_excess)
        self.editor.textChanged.connect(self._changed)

    @property
    def key(self) -> str:
        """Which answer is being edited."""
        return self._key

    def show_document(self, key: str, document: QTextDocument, limit: Limit | None,
                      convention: Convention) -> None:
        """Edit ``document`` (kept by the caller: each answer has its own undo history)."""
        self.flush_pending()
        self._loading = True
        try:
            self._key, self._limit, self._convention = key, limit, convention
            self.counter.set_convention(convention)
            self.editor.setDocument(document)
        finally:
            self._loading = False
        self.refresh()

    def refresh(self) -> tuple[str, Count]:
        """Recount and re-highlight; returns the answer's Markdown and count."""
        document = self.editor.document()
        measured = document_paragraphs(document)
        count = measure_paragraphs(measured.paragraphs, self._limit, self._convention)
        self.count = count
        self.counter.set_count(count)
        position = (overflow_position(document, measured, self._limit, self._convention)
                    if self._limit is not None else None)
        highlight_overflow(self.editor, position)
        self._overflow_at = position
        return to_markdown(measured.paragraphs), count

    def go_to_excess(self) -> None:
        """Put the cursor where the text passes its limit, in view."""
        if self._overflow_at is None:
            return
        cursor = self.editor.textCursor()
        cursor.setPosition(self._overflow_at)
        self.editor.setTextCursor(cursor)
        # The cut a third of the way down, so the highlighted excess below it is in view.
        bar = self.editor.verticalScrollBar()
        bar.setValue(bar.value() + self.editor.cursorRect().top()
                     - self.editor.viewport().height() // 3)
        self.editor.setFocus()

    def _changed(self) -> None:
        if self._loading or not self._key:
            return
        if self.editor.document().characterCount() > DEFER_ABOVE_CHARS:
            self._later.start()
            return
        self._report()

    def _report(self) -> None:
        self._later.stop()
        markdown, count = self.refresh()
        self.edited.emit(self._key, markdown, count)

    def flush_pending(self) -> None:
        """Report a deferred change now (before switching answers, saving or closing)."""
        if self._later.isActive():
            self._report()
