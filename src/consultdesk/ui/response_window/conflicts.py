"""Answers changed elsewhere while this window has them open: reload, or keep both.

A change from elsewhere (the CLI, another window or process, a merged contribution,
a colleague on the team database) to an answer with no unsaved typing here is simply
taken.  When there is unsaved typing, or an autosave was refused because the answer
had moved on, the answer is *in conflict*: both texts are kept (the service stored the
typed one as a "conflict" revision, and every further autosave updates it), and the
user chooses: keep mine, take theirs, or merge by hand.  No choice loses a text: the
one not chosen stays in the answer's history.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.services.records import AnswerChange, Conflict, SaveResult
from consultdesk.ui.errors import error_text
from consultdesk.ui.response_window.session import ResponseSession


class ConflictKeeper(QObject):
    """Takes changes from elsewhere into the session; holds and resolves conflicts."""

    #: question id, the change: an answer not being edited was reloaded
    reloaded = Signal(str, object)
    #: question id: an answer entered, changed or left the conflict state
    conflict_changed = Signal(str)
    #: a message for the user (a resolution that the database refused)
    failed = Signal(str)

    def __init__(self, session: ResponseSession, flush_editor: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        # The editor reports a long answer's typing after a short delay: ask for it
        # before deciding whether an answer has unsaved typing.
        self._flush_editor = flush_editor
        #: question id -> what is stored now, that this window's text conflicts with
        self.conflicts: dict[str, Conflict] = {}
        session.autosave.conflicted.connect(self._refused)

    def in_conflict(self, question_id: str) -> bool:
        """Whether this answer waits for the user to choose between two texts."""
        return question_id in self.conflicts

    # -- changes coming in ---------------------------------------------------------
    def take(self, change: AnswerChange) -> None:
        """A change read from the database (live refresh): reload, or a conflict."""
        s = self._session
        qid = change.question_id
        if change.done != s.done.get(qid, False):
            s.done[qid] = change.done
            s.done_changed.emit(qid)
        if change.version <= s.versions.get(qid, 0):
            return  # our own save, or one we already have
        if qid in self.conflicts:
            self._set_conflict(qid, Conflict(change.value, change.version, change.author,
                                             change.updated_at))
            return
        self._flush_editor()
        if s.autosave.is_pending(qid):
            self._set_conflict(qid, Conflict(change.value, change.version, change.author,
                                             change.updated_at))
            return
        s.replace_answer(qid, change.value, change.version)
        self.reloaded.emit(qid, change)

    def _refused(self, question_id: str, result: SaveResult) -> None:
        """An autosave refused: the answer moved on elsewhere (the typing is kept)."""
        if result.conflict is not None:
            self._set_conflict(question_id, result.conflict)

    def _set_conflict(self, question_id: str, conflict: Conflict) -> None:
        known = self.conflicts.get(question_id)
        if known is not None and known.version >= conflict.version:
            return
        self.conflicts[question_id] = conflict
        self.conflict_changed.emit(question_id)

    # -- the user's choice ----------------------------------------------------------
    def _saved_mine(self, question_id: str) -> bool:
        """Write the latest typing first (it goes to the conflict revision); False if
        the database refused it (then nothing else is done: the typing stays queued)."""
        self._flush_editor()
        if self._session.autosave.flush():
            return True
        self.failed.emit(self.tr("Your text could not be saved yet; nothing was changed. "
                                 "Try again in a moment."))
        return False

    def keep_mine(self, question_id: str, reason: str = "keep mine") -> bool:
        """Make this window's text the answer; theirs stays in the history."""
        if not self._saved_mine(question_id):
            return False
        conflict = self.conflicts.get(question_id)
        if conflict is None:
            return True
        s = self._session
        try:
            result = s.responses.save_answer(
                s.response_id, question_id, s.value(question_id),
                base_version=conflict.version, author=Author(WriterKind.CONFLICT, s.author.name),
                reason=reason)
        except ConsultDeskError as exc:
            self.failed.emit(error_text(exc))
            return False
        if not result.saved:
            # Changed yet again meanwhile: the bar shows the newer text.
            if result.conflict is not None:
                self._set_conflict(question_id, result.conflict)
            return False
        s.versions[question_id] = result.version
        del self.conflicts[question_id]
        self.conflict_changed.emit(question_id)
        return True

    def take_theirs(self, question_id: str) -> None:
        """Show and keep the other text; this window's text stays in the history."""
        if not self._saved_mine(question_id):
            return
        conflict = self.conflicts.pop(question_id, None)
        if conflict is None:
            return
        self._session.replace_answer(question_id, conflict.value, conflict.version)
        self.conflict_changed.emit(question_id)
        self.reloaded.emit(question_id, None)
