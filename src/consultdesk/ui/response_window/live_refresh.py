"""Live refresh: an open response notices answers written elsewhere within a second.

:class:`LiveRefresh` asks the service for changes on a short timer (on SQLite one
``PRAGMA data_version`` when nothing changed: microseconds) and at once when the
context's change notifier (a team database's LISTEN/NOTIFY) says something happened.
:class:`LiveRefreshController` wires it into the response window: a reloaded answer
with a discreet note "changed by …", the conflict bar for an answer with unsaved
typing, and the navigator's icons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyle

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.questionnaire import QuestionKind
from consultdesk.services.records import AnswerChange, ChangeToken
from consultdesk.ui.editor.references import insert_markdown
from consultdesk.ui.response_window.authors import author_words
from consultdesk.ui.response_window.conflict_bar import ConflictBar, when_words
from consultdesk.ui.response_window.conflicts import ConflictKeeper
from consultdesk.ui.response_window.navigator import RESPONDENT_KEY

if TYPE_CHECKING:
    from consultdesk.services.changes import ChangeNotifier

#: How often the database is asked (well within the two seconds a change may take).
POLL_MS = 500


class LiveRefresh(QObject):
    """Reports the answers of one response that changed in the database."""

    #: one AnswerChange (emitted for every change, ours included: the keeper filters)
    changed = Signal(object)
    _poked = Signal()

    def __init__(self, responses: Any, response_id: str,
                 notifier: ChangeNotifier | None = None, parent: QObject | None = None,
                 *, interval: int = POLL_MS) -> None:
        super().__init__(parent)
        self._responses, self._rid = responses, response_id
        self._token: ChangeToken | None = None
        #: While this says so (the window works offline), the database is not asked: a
        #: server that does not answer would hold the UI thread for the connect timeout.
        self.paused: Callable[[], bool] = lambda: False
        self._timer = QTimer(self, interval=interval)
        self._timer.timeout.connect(self.check)
        # A notifier may call from its own thread: a queued signal brings it here.
        self._poked.connect(self.check, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = notifier.subscribe(self._poked.emit) if notifier else None

    def start(self) -> None:
        """Take the current state as the starting point, then watch."""
        try:
            self._token, _ = self._responses.changes_since(self._rid, None)
        except ConsultDeskError:
            self._token = None  # unreadable now: the first check reads everything
        self._timer.start()

    def stop(self) -> None:
        """Stop watching (the window closes)."""
        self._timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def check(self) -> None:
        """Ask for changes now; emit each."""
        if not self._timer.isActive() or self.paused():
            return
        if QApplication.activeModalWidget() is not None:
            # A dialog is open (History restoring, an export...): what it writes is taken
            # by the window when it closes; anything else is picked up right after.
            return
        try:
            self._token, changes = self._responses.changes_since(self._rid, self._token)
        except (ConsultDeskError, ValueError):
            return  # busy, or closing: the next tick tries again
        for change in changes:
            self.changed.emit(change)


def merged_markdown(mine: str, theirs: str) -> str:
    """Merge by hand starts from my text followed by their paragraphs that mine lacks."""
    mine_paragraphs = [p for p in mine.split("\n\n") if p.strip()]
    have = {p.strip() for p in mine_paragraphs}
    extra = [p for p in theirs.split("\n\n") if p.strip() and p.strip() not in have]
    return "\n\n".join(mine_paragraphs + extra) + "\n"


class LiveRefreshController(QObject):
    """Connects live refresh, the conflict keeper, the bar and the note to one window."""

    def __init__(self, window: Any, notifier: ChangeNotifier | None = None) -> None:
        # ``window`` is the ResponseWindow (not imported: it imports this module).
        super().__init__(window)
        self._window = window
        session = window.session
        self.keeper = ConflictKeeper(session, window.answers.flush_pending, self)
        self.bar = ConflictBar(window)
        self.note = QLabel(window)
        self.note.setAccessibleName(self.tr("Changed elsewhere"))
        self.note.setWordWrap(True)
        # Discreet: the secondary text colour (its role: a copy stayed light after a switch).
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note.hide()
        # Both go just above the answer, in the window's right-hand column.
        # (The answer may sit inside a splitter, beside the earlier answer: go up to the
        # widget the column holds.)
        above = window.answers
        while above.parentWidget().layout() is None:
            above = above.parentWidget()
        column = above.parentWidget().layout()
        index = column.indexOf(above)
        column.insertWidget(index, self.note)
        column.insertWidget(index, self.bar)
        self.refresh = LiveRefresh(session.responses, session.response_id, notifier, self)
        self.refresh.paused = lambda: session.autosave.server_away
        self.refresh.changed.connect(self.keeper.take)
        self.keeper.reloaded.connect(self._reloaded)
        self.keeper.conflict_changed.connect(self._conflict_changed)
        self.keeper.failed.connect(
            lambda message: window.statusBar().showMessage(message, 8000))
        self.bar.keep_mine.connect(lambda: self._resolve("keep mine"))
        self.bar.merge_done.connect(lambda: self._resolve("merged by hand"))
        self.bar.take_theirs.connect(self._take_theirs)
        self.bar.merge_by_hand.connect(self._merge_by_hand)
        window.navigator.current_changed.connect(lambda _key: self._show_current())
        # After the navigator's own refresh (connected first), mark conflicted answers.
        session.answer_changed.connect(self._answer_changed)
        session.relevance_changed.connect(self._decorate_all)
        session.done_changed.connect(self._decorate)
        # After the window's own status slot: while an answer waits for a choice, its
        # typing is kept aside, not saved into the answer; the status line says so.
        session.autosave.state_changed.connect(lambda _state, _message: self._save_status())
        window.installEventFilter(self)
        self.refresh.start()

    def _save_status(self) -> None:
        if self.keeper.conflicts:
            self._window.save_label.setText(
                self.tr("Changed elsewhere: your text is kept aside until you choose"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop watching once the window has closed."""
        if watched is self._window and event.type() == QEvent.Type.Close:
            QTimer.singleShot(0, self._stop_if_closed)
        return False

    def _stop_if_closed(self) -> None:
        if not self._window.isVisible():
            self.refresh.stop()

    # -- what the window shows ---------------------------------------------------------
    def _current(self) -> str:
        return self._window.current_key()

    def _reloaded(self, question_id: str, change: AnswerChange | None) -> None:
        """An answer's stored text was taken: show it (one undoable edit in its editor)."""
        window = self._window
        window.answers.reload(question_id)
        # The editor reports the reloaded text back as an edit: it is stored already.
        window.session.autosave.discard(question_id)
        self._decorate(question_id)
        if change is None:
            return
        who = author_words(change.author)
        text = self.tr("Changed by {author} at {time}.").format(
            author=who, time=when_words(change.updated_at))
        q = window.session.question(question_id)
        name = (self.tr("Question {n}").format(n=q.display_number) if q.number
                else q.text[:40])
        window.statusBar().showMessage(self.tr("{question} was changed by {author}.").format(
            question=name, author=who), 8000)
        if question_id == self._current():
            self.note.setText(text)
            self.note.show()

    def _conflict_changed(self, question_id: str) -> None:
        self._decorate(question_id)
        self._save_status()
        if not self.keeper.conflicts:
            self._window.save_label.setText(self.tr("Saved"))
        if question_id == self._current():
            self._show_current()

    def _show_current(self) -> None:
        """The bar (or nothing) for the answer now shown; the note belongs to the last."""
        self.note.hide()
        key = self._current()
        conflict = self.keeper.conflicts.get(key) if key != RESPONDENT_KEY else None
        if conflict is None:
            self.bar.clear()
            return
        q = self._window.session.question(key)
        self.bar.show_conflict(conflict, self._window.session.value(key),
                               can_merge=q.kind is QuestionKind.LONG_TEXT)

    def _answer_changed(self, question_id: str) -> None:
        conflict = self.keeper.conflicts.get(question_id)
        if conflict is not None and question_id == self._current() and self.bar.isVisible():
            self.bar.update_mine(self._window.session.value(question_id), conflict)
        self._decorate(question_id)

    def _decorate(self, question_id: str) -> None:
        """A conflicted answer's navigator icon says so (its count stays as it is)."""
        if not self.keeper.in_conflict(question_id):
            return
        item = self._window.navigator.item(question_id)
        if item is None:
            return
        style = self._window.style()
        item.setIcon(0, style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning))
        item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole,
                     self.tr("Changed elsewhere while you were editing"))

    def _decorate_all(self) -> None:
        for qid in list(self.keeper.conflicts):
            self._decorate(qid)

    # -- the user's choice ---------------------------------------------------------------
    def _resolve(self, reason: str) -> None:
        key = self._current()
        if self.keeper.keep_mine(key, reason):
            self.bar.clear()
            self._window.navigator.refresh_question(key)
            self._window.statusBar().showMessage(
                self.tr("Your text is the answer; the other is kept in History."), 8000)

    def _take_theirs(self) -> None:
        key = self._current()
        self.keeper.take_theirs(key)
        if not self.keeper.in_conflict(key):
            self.bar.clear()
            self._window.navigator.refresh_question(key)
            self._window.statusBar().showMessage(
                self.tr("Their text is the answer; yours is kept in History (Ctrl+Z "
                        "brings it back here)."), 8000)

    def _merge_by_hand(self) -> None:
        """Put their missing paragraphs after mine in the editor (one undoable edit)."""
        key = self._current()
        conflict = self.keeper.conflicts.get(key)
        window = self._window
        if conflict is None or not isinstance(conflict.value, str):
            return
        window.answers.flush_pending()  # the last keystrokes, not yet reported
        merged = merged_markdown(window.session.text(key), conflict.value)
        doc = window.answers.document(key)
        cursor = window.answers.text_editor.editor.textCursor()
        cursor.select(cursor.SelectionType.Document)
        insert_markdown(cursor, merged, window.answers.labels)  # one edit block
        assert cursor.document() is doc
        self.bar.set_merging(True)
        window.answers.focus_answer()
