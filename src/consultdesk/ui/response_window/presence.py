"""Team database in the response window: who else is editing ("Sato is editing Q3", under
the navigator) and the banner shown while the server is away.

Only on a team database: every few seconds the window refreshes its own presence row
(the question it is on) and reads the others'.  Presence is a courtesy: when the server
cannot be reached the line simply disappears until it can.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.ui.notice_panel import NoticeSheet

RESPONDENT_KEY = "__respondent__"


class PresenceLine(QLabel):
    """A line naming the colleagues who have this response open, and where; the navigator
    marks each question they are on (:attr:`editors_changed`)."""

    #: question id -> names of the others editing it (empty when nobody, or offline)
    editors_changed = Signal(object)

    def __init__(self, context: Any, session: Any, parent: QWidget | None = None, *,
                 interval_s: float | None = None) -> None:
        super().__init__(parent)
        self._presence = context.presence
        self._settings = context.settings
        self._session = session
        self._question: str | None = None
        self.session_id = self._presence.new_session()
        self.setWordWrap(True)
        self.setObjectName("presenceLine")
        self.setAccessibleName(self.tr("Who else is editing"))
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(int(1000 * (interval_s or self._presence.refresh_interval_s)))
        self.timer.timeout.connect(self.poll)
        if self._presence.shared:
            self.timer.start()
            QTimer.singleShot(0, self.poll)

    def set_question(self, key: str) -> None:
        """The window moved to another question (told to the others at the next refresh)."""
        self._question = None if key == RESPONDENT_KEY else key
        if self._presence.shared:
            QTimer.singleShot(0, self.poll)

    def poll(self) -> None:
        """Refresh this window's row, then show who else is here."""
        rid = self._session.response_id
        if not self.timer.isActive():
            return  # the window left (a refresh queued just before it closed)
        if self._session.autosave.server_away:
            self._show_nobody()  # the banner says so; a server away could hold the window
            return
        try:
            self._presence.refresh(self.session_id, rid, self._question,
                                   self._settings.user_name)
            others = self._presence.others(rid, self.session_id)
        except ConsultDeskError:
            self._show_nobody()  # offline: the banner says so; it comes back with the server
            return
        parts = []
        by_question: dict[str, list[str]] = {}
        for editor in others:
            if editor.question_id:
                by_question.setdefault(editor.question_id, []).append(editor.name)
                try:
                    where = self._session.question(editor.question_id).display_number
                except KeyError:
                    where = editor.question_id
                parts.append(self.tr("%1 is editing Q%2").replace("%1", editor.name)
                             .replace("%2", str(where)))
            else:
                parts.append(self.tr("%1 has this response open").replace("%1", editor.name))
        self.setText(" · ".join(parts))
        self.setVisible(bool(parts))
        self.editors_changed.emit(by_question)

    def _show_nobody(self) -> None:
        self.hide()
        self.editors_changed.emit({})

    def leave(self) -> None:
        """The window closes: take its row away at once (it would age out anyway)."""
        self.timer.stop()
        if not self._presence.shared:
            return
        try:
            self._presence.leave(self.session_id)
        except ConsultDeskError:
            pass


def offline_banner(parent: QWidget) -> QLabel:
    """The banner a window shows while the team server is away (hidden otherwise)."""
    banner = QLabel(parent)
    banner.setObjectName("offlineBanner")
    banner.setText(QCoreApplication.translate(
        "OfflineBanner", "Offline — your changes are kept on this computer and will be sent "
        "when the server is back"))
    banner.setWordWrap(True)
    # Noticeable but calm (the user need not do anything), on light and dark palettes (and
    # after a switch between them).
    NoticeSheet(banner, lambda background, text, border: (
        f"QLabel#offlineBanner {{ background: {background}; color: {text}; "
        f"border: 1px solid {border}; border-radius: 4px; padding: 6px 10px; }}"))
    banner.hide()
    return banner


def take_offline_edits(session: Any, outbox: Any) -> None:
    """A window opens on a team database: connected, copy the response for a later start
    without the server; working on the local copy, show the edits the outbox holds for
    it (typed in an earlier offline session) in place of the copy's older text."""
    if outbox.connected:
        outbox.remember(session.response_id)
        return
    known = {q.id for q in session.questionnaire.questions()}
    for question_id, value in outbox.pending_values(session.response_id).items():
        if question_id in known:
            session.answers[question_id] = value
