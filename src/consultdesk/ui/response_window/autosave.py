"""Autosave: nobody presses Save.  Changes are written ~0.8 s after typing stops, and at
least once a second during non-stop typing; a revision is kept when typing pauses for
~3 s; both are flushed on question switch and close.

Every save is the versioned save: it states the answer version this window last saw, so
a change written elsewhere meanwhile is a conflict (both texts kept), never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.errors import ConsultDeskError, ServerUnreachableError
from consultdesk.services.records import SaveResult
from consultdesk.ui.background import Outcome, in_background
from consultdesk.ui.errors import error_text

SAVE_DELAY_MS = 800
#: The longest a change waits during non-stop typing: at most this much is at risk in a
#: crash.
MAX_WAIT_MS = 1000
REVISION_DELAY_MS = 3000
#: How often a window that lost the team server tries to send its outbox.
RECONNECT_MS = 2000


class ResponseWriter(Protocol):
    """The part of ResponseService autosave calls."""

    def save_answer(self, response_id: str, question_id: str, value: Any, *,
                    base_version: int | None, author: Author,
                    reason: str = "autosave") -> SaveResult: ...
    def save_respondent(self, response_id: str, field_id: str, value: str) -> None: ...
    def take_revision(self, response_id: str, question_id: str,
                      reason: str = "save") -> bool: ...


class SaveState(StrEnum):
    """What the status line says."""

    SAVED = "saved"
    PENDING = "pending"
    ERROR = "error"
    #: The team server cannot be reached: edits go to the local outbox (kept on disk).
    OFFLINE = "offline"


class Autosaver(QObject):
    """Queues changes and writes them after a short pause (one row per answer)."""

    #: the new state and, for an error, the message to show
    state_changed = Signal(object, str)
    #: question id, SaveResult: a save was refused because the answer changed elsewhere
    #: (the value is kept as a "conflict" revision; the result says what is stored)
    conflicted = Signal(str, object)

    def __init__(self, writer: ResponseWriter, response_id: str, parent: QObject | None = None,
                 *, save_delay: int = SAVE_DELAY_MS, revision_delay: int = REVISION_DELAY_MS,
                 max_wait: int = MAX_WAIT_MS, versions: dict[str, int] | None = None,
                 author: Author | None = None) -> None:
        super().__init__(parent)
        self._writer, self._rid = writer, response_id
        #: question id -> the version this window's text is based on (shared with the
        #: session, which updates it when it takes a change from elsewhere)
        self.versions: dict[str, int] = versions if versions is not None else {}
        self.author = author or Author(WriterKind.APP)
        self._answers: dict[str, Any] = {}
        self._respondent: dict[str, str] = {}
        self._unrevised: set[str] = set()
        self.state = SaveState.SAVED
        self._save_timer = QTimer(self, singleShot=True, interval=save_delay)
        self._save_timer.timeout.connect(self.flush)
        # Not restarted by each keystroke, unlike the pause timer: non-stop typing is
        # still saved at least this often.
        self._max_timer = QTimer(self, singleShot=True, interval=max_wait)
        self._max_timer.timeout.connect(self.flush)
        self._revision_timer = QTimer(self, singleShot=True, interval=revision_delay)
        self._revision_timer.timeout.connect(self.take_revisions)
        # Team database: where edits go while the server is away, and the retry.
        self._outbox: Any = None
        self.offline = False
        self._reconnect_timer = QTimer(self, interval=RECONNECT_MS)
        self._reconnect_timer.timeout.connect(self.reconnect)
        #: The send in flight on the thread pool (one at a time), and its signals.
        self._sending: Outcome | None = None
        self._sources: list[Callable[[], None]] = []

    def add_source(self, collect: Callable[[], None]) -> None:
        """Something that holds changes not queued yet (the editor reports its Markdown
        just after a keystroke): asked to queue them before every write."""
        self._sources.append(collect)

    @property
    def pending(self) -> bool:
        """Whether anything is waiting to be written."""
        return bool(self._answers or self._respondent)

    def queue_answer(self, question_id: str, value: Any) -> None:
        """Write this answer soon (a newer value replaces a queued one)."""
        self._answers[question_id] = value
        self._unrevised.add(question_id)
        self._schedule()
        self._revision_timer.start()

    def queue_respondent(self, field_id: str, value: str) -> None:
        """Write this respondent detail soon."""
        self._respondent[field_id] = value
        self._schedule()

    def is_pending(self, question_id: str) -> bool:
        """Whether this answer has changes not written yet (unsaved typing)."""
        return question_id in self._answers

    def discard(self, question_id: str) -> None:
        """Forget a queued value that is already stored (the echo of a reloaded text)."""
        self._answers.pop(question_id, None)
        if not self.pending and self.state is SaveState.PENDING:
            self._set_state(SaveState.SAVED)

    def _schedule(self) -> None:
        self._set_state(SaveState.PENDING)
        self._save_timer.start()
        if not self._max_timer.isActive():
            self._max_timer.start()

    def _set_state(self, state: SaveState, message: str = "") -> None:
        if state is not self.state or message:
            self.state = state
            self.state_changed.emit(state, message)

    def flush(self) -> bool:
        """Write everything queued now; False (and kept queued) if the database refused.

        On a team database whose server went away, what is queued goes to the local
        outbox instead (True: it is kept on this computer) until :meth:`reconnect`.
        """
        for collect in self._sources:
            collect()
        self._save_timer.stop()
        self._max_timer.stop()
        if not self.offline and self._outbox is not None and self.pending \
                and not self._outbox.server_heard:
            # The connection listening to the server broke: trying to save here could
            # hold the window for the connect timeout; keep it locally and let the
            # background attempts send it.
            self.offline = True
            self._reconnect_timer.start()
        if self.offline:
            return self._to_outbox()
        try:
            while self._answers:
                qid, value = next(iter(self._answers.items()))
                result = self._writer.save_answer(
                    self._rid, qid, value, base_version=self.versions.get(qid, 0),
                    author=self.author)
                # Only drop it if no newer value arrived meanwhile.
                if self._answers.get(qid) is value:
                    del self._answers[qid]
                if result.saved:
                    self.versions[qid] = result.version
                else:
                    # Kept as a revision by the service; the window shows the conflict.
                    self.conflicted.emit(qid, result)
            while self._respondent:
                fid, text = next(iter(self._respondent.items()))
                self._writer.save_respondent(self._rid, fid, text)
                if self._respondent.get(fid) is text:
                    del self._respondent[fid]
        except ServerUnreachableError as exc:
            if self._outbox is not None:
                self.offline = True  # before the state change, so the banner shows
                if self._to_outbox():
                    self._reconnect_timer.start()
                    return True
                self.offline = False
            self._set_state(SaveState.ERROR, error_text(exc))
            self._save_timer.start(max(self._save_timer.interval(), 3000))
            return False
        except ConsultDeskError as exc:
            # Keep the queue and try again shortly: nothing typed is dropped.
            self._set_state(SaveState.ERROR, error_text(exc))
            self._save_timer.start(max(self._save_timer.interval(), 3000))
            return False
        self._set_state(SaveState.SAVED)
        return True

    def take_revision(self, question_id: str, reason: str = "save") -> bool:
        """Flush, then keep a revision of one answer (True if a new one was kept)."""
        if not self.flush() or self.offline:
            return False  # offline: the revision is taken once the edits are sent
        self._unrevised.discard(question_id)
        try:
            return self._writer.take_revision(self._rid, question_id, reason)
        except ConsultDeskError as exc:
            self._set_state(SaveState.ERROR, error_text(exc))
            return False

    def take_revisions(self, reason: str = "pause") -> None:
        """Keep a revision of every answer edited since the last one."""
        self._revision_timer.stop()
        for qid in sorted(self._unrevised):
            self.take_revision(qid, reason)

    def close(self) -> bool:
        """Flush and keep revisions (on window close); False if something could not be written."""
        ok = self.flush()
        if ok:
            self.take_revisions("close")
        return ok and not self.pending

    # -- offline (team database) ------------------------------------------------------
    def use_outbox(self, outbox: Any) -> None:
        """Keep edits in ``outbox`` (an OutboxService) whenever the team server is away.

        A ConsultDesk that started without its server (working on the local copy) is
        offline from the start: every edit goes to the outbox, sent by a later start.
        """
        self._outbox = outbox
        if not outbox.connected:
            self.offline = True
            self._set_state(SaveState.OFFLINE)

    @property
    def server_away(self) -> bool:
        """Offline, or the server not heard right now (what may ask it on the UI thread -
        live refresh, presence - waits until it is back)."""
        return self.offline or (self._outbox is not None and not self._outbox.server_heard)

    @property
    def sending(self) -> bool:
        """Whether an attempt to send the outbox is running (on a pool thread)."""
        return self._sending is not None

    def _to_outbox(self) -> bool:
        """Move what is queued into the outbox; False if even that failed (kept queued)."""
        try:
            while self._answers:
                qid, value = next(iter(self._answers.items()))
                self._outbox.keep_answer(self._rid, qid, value, self.versions.get(qid, 0),
                                         self.author)
                if self._answers.get(qid) is value:
                    del self._answers[qid]
            while self._respondent:
                fid, text = next(iter(self._respondent.items()))
                self._outbox.keep_respondent(self._rid, fid, text, self.author)
                if self._respondent.get(fid) is text:
                    del self._respondent[fid]
        except ConsultDeskError as exc:
            self._set_state(SaveState.ERROR, error_text(exc))
            self._save_timer.start(3000)
            return False
        self._set_state(SaveState.OFFLINE)
        return True

    def reconnect(self) -> bool:
        """Try to send the outbox, on a pool thread (True if an attempt was started).

        The attempt may take the whole connect timeout when the network is gone: it runs
        off the UI thread, and the outcome comes back by a queued signal
        (:meth:`_sent`); the retry timer starts no second attempt meanwhile.
        """
        if self._outbox is None or self._sending is not None or not self._outbox.connected:
            return False
        rid, outbox = self._rid, self._outbox
        # A server that does not answer costs the connect timeout there, not here.
        self._sending = in_background(lambda: outbox.send(rid), self._sent)
        return True

    def _sent(self, report: Any, error: BaseException | None) -> None:
        """An attempt to send the outbox ended (on the UI thread)."""
        self._sending = None
        if report is None:
            return  # still away (or busy): the timer tries again
        for (_rid, qid), result in report.results.items():
            if result.saved:
                self.versions[qid] = result.version
            else:
                # A colleague changed it meanwhile: ours is kept as a revision; show it.
                self.conflicted.emit(qid, result)
        try:
            waiting = self._outbox.pending(self._rid)
        except ConsultDeskError:
            waiting = 0
        if waiting:
            self.reconnect()  # typed during the send: those go the same way first
            return
        self.offline = False
        self._reconnect_timer.stop()
        if self._answers or self._respondent:
            self.flush()
            return
        self._set_state(SaveState.SAVED)
