"""One long-text answer being edited: toolbar, editor, live counter and overflow highlight.

The counter follows every keystroke at any length: the answer is counted
incrementally (``block_counts``: only the paragraphs an edit touched are counted
again, a Word document's or a portal's alike), the overflow highlight is redrawn
only where the cut or the text after it changed (``overflow.OverflowHighlight``),
all before the key event returns.  The Markdown for the session and autosave is
made incrementally too (``block_markdown``) and reported just after: ``REPORT_MS``
later for an ordinary answer (once the counter is painted), at most every
``REPORT_LONG_MS`` while typing in a long one, and at once by
:meth:`AnswerEditor.flush_pending` (switching answers, saving, exporting, closing).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QVBoxLayout, QWidget

from consultdesk.domain.counting import Count, status_for
from consultdesk.domain.questionnaire import Convention, Limit, Unit
from consultdesk.ui.editor.block_counts import BlockCounts, WebFormCounts, counts_for
from consultdesk.ui.editor.block_markdown import BlockMarkdown
from consultdesk.ui.editor.counter import CounterWidget
from consultdesk.ui.editor.overflow import OverflowHighlight
from consultdesk.ui.editor.rich_editor import RichEditor

#: The Markdown is reported this long after a change (after the counter has been painted:
#: a zero timer can run before the repaint), and for long answers at most this often.
REPORT_MS = 40
LONG_ANSWER_CHARS = 20_000
REPORT_LONG_MS = 1000


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
        self._counts: BlockCounts | WebFormCounts | None = None
        self._markdown: BlockMarkdown | None = None
        self._highlight = OverflowHighlight(self.editor)
        self._loading = False
        self.count: Count | None = None
        self._report_timer = QTimer(self, singleShot=True)
        self._report_timer.timeout.connect(self._report)
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
            unit = limit.unit if limit else Unit.CHARACTERS_WITH_SPACES
            self._counts = counts_for(document, unit, convention)
            self._markdown = BlockMarkdown.of(document)
            self.editor.setDocument(document)
            self._highlight.attach(document)
        finally:
            self._loading = False
        self.recount()

    def recount(self) -> Count:
        """Count and re-highlight now (incrementally: only what the last edits touched)."""
        limit = self._limit
        value = self._counts.total() if self._counts is not None else 0
        count = Count(value, limit, status_for(value, limit))
        position = (self._counts.overflow_position(limit.amount)
                    if self._counts is not None and limit is not None and value > limit.amount
                    else None)
        self.count = count
        self.counter.set_count(count)
        self._highlight.show(position)
        self._overflow_at = position
        return count

    def refresh(self) -> tuple[str, Count]:
        """Recount and re-highlight; returns the answer's Markdown and count."""
        count = self.recount()
        markdown = self._markdown.markdown() if self._markdown is not None else ""
        return markdown, count

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

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            # The tint is chosen for a light or a dark background.  (This widget's palette:
            # the editor inside learns of the change only after this.)
            self._highlight.restyle(self.palette())
            if self._key:
                self.recount()

    def _changed(self) -> None:
        if self._loading or not self._key:
            return
        self.recount()
        if not self._report_timer.isActive():
            long = self.editor.document().characterCount() > LONG_ANSWER_CHARS
            self._report_timer.start(REPORT_LONG_MS if long else REPORT_MS)

    def _report(self) -> None:
        self._report_timer.stop()
        markdown, count = self.refresh()
        self.edited.emit(self._key, markdown, count)

    @property
    def pending(self) -> bool:
        """Whether a change has not been reported yet."""
        return self._report_timer.isActive()

    def flush_pending(self) -> None:
        """Report a pending change now (before switching answers, saving or closing)."""
        if self._report_timer.isActive():
            self._report()
