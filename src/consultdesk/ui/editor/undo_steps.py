"""Undo in steps a person expects (as Word does): a word at a time while typing.

Qt merges every contiguous insertion into one undo command, so one Ctrl+Z took back
a whole answer typed in one go.  Here each typed character is its own edit block
(Qt never merges two edit blocks) and is joined to the previous one only while the
same word goes on: the cursor has not moved, nothing else changed the document, and
it is not a space right after a word (a step is " word," with its space before).  A
run of Backspace or Delete is one step; a paste, a format or list change, Enter and
an input-method commit are steps of their own.  A pause in typing (``PAUSE_S`` or
longer between two keys) also starts a new step, as in Word; the clock is injected
(:attr:`TypingSteps.clock`) so tests set the time instead of sleeping.

Undo and Redo are enabled exactly when the shown document can undo or redo.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QTextCursor, QTextDocument

#: Seconds between two keys from which the second starts a new undo step.
PAUSE_S = 1.0
#: The clock new typing steps read (seconds; the GUI tests stop it, so a busy machine's
#: stall between two typed keys is not taken for a pause).
CLOCK: Callable[[], float] = time.monotonic


@dataclass(frozen=True, slots=True)
class _Typed:
    """Where the last typed character left the document."""

    document: QTextDocument
    revision: int
    position: int
    last_char: str  # "" for a deletion
    at: float  # when, on the steps' clock


class TypingSteps:
    """Groups typed characters into word-sized undo steps for one editor."""

    def __init__(self, clock: Callable[[], float] | None = None) -> None:
        #: seconds, monotonic; tests replace it to control the pauses between keys
        self.clock = clock or CLOCK
        self._typed: _Typed | None = None

    def _continues(self, cursor: QTextCursor) -> bool:
        """Whether nothing happened since the last typed key (no click, no other edit, no pause)."""
        last = self._typed
        document = cursor.document()
        return (last is not None and not cursor.hasSelection() and last.document is document
                and last.revision == document.revision() and last.position == cursor.position()
                and self.clock() - last.at < PAUSE_S)

    def _joins(self, cursor: QTextCursor, text: str) -> bool:
        last = self._typed
        if last is None or not self._continues(cursor) or not last.last_char:
            return False
        # A space after a word starts the next step (" word"): a step is a word with the
        # space before it and the punctuation after it.
        return not (text[:1].isspace() and not last.last_char.isspace())

    def type(self, cursor: QTextCursor, text: str, insert: Callable[[], None]) -> None:
        """Run ``insert`` (the editor's own handling of a typed key) as part of a step."""
        if self._joins(cursor, text):
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        try:
            insert()
        finally:
            cursor.endEditBlock()
        document = cursor.document()
        self._typed = _Typed(document, document.revision(), cursor.position(), text[-1:],
                             self.clock())

    def delete(self, cursor: QTextCursor, remove: Callable[[], None]) -> None:
        """Run ``remove`` (Backspace, Delete); a run of them is one step, as in Word."""
        join = self._continues(cursor) and self._typed is not None and not self._typed.last_char
        if join:
            cursor.joinPreviousEditBlock()
        else:
            cursor.beginEditBlock()
        try:
            remove()
        finally:
            cursor.endEditBlock()
        document = cursor.document()
        self._typed = _Typed(document, document.revision(), cursor.position(), "", self.clock())

    def step(self, cursor: QTextCursor, change: Callable[[], None]) -> None:
        """Run ``change`` as one undo step of its own (an input method's commit)."""
        self._typed = None
        cursor.beginEditBlock()
        try:
            change()
        finally:
            cursor.endEditBlock()


class HistoryActions(QObject):
    """Keeps Undo and Redo enabled exactly when the shown document can undo or redo."""

    def __init__(self, undo: QAction, redo: QAction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._undo, self._redo = undo, redo
        self._document: QTextDocument | None = None
        self.allowed = True  # False while the editor is not shown (another kind of answer)

    def track(self, document: QTextDocument) -> None:
        """Follow ``document``'s undo history from now on."""
        if self._document is not None and self._document is not document:
            try:
                for signal in (self._document.undoAvailable, self._document.redoAvailable,
                               self._document.undoCommandAdded):
                    signal.disconnect(self.sync)
            except (RuntimeError, TypeError):  # the editor's own first document is gone
                pass
        if self._document is not document:
            document.undoAvailable.connect(self.sync)
            document.redoAvailable.connect(self.sync)
            document.undoCommandAdded.connect(self.sync)
        self._document = document
        self.sync()

    def set_allowed(self, allowed: bool) -> None:
        """Enable the actions only while the editor is the one shown."""
        self.allowed = allowed
        self.sync()

    def sync(self, *_: object) -> None:
        """Set both actions from the document's state now."""
        document = self._document
        self._undo.setEnabled(self.allowed and document is not None
                              and document.isUndoAvailable())
        self._redo.setEnabled(self.allowed and document is not None
                              and document.isRedoAvailable())
