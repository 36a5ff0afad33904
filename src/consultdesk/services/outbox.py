"""Working on while the team server is away: edits go to the local outbox, and are sent
through the versioned save once it is back.

Nothing typed is lost to a network drop: the response window keeps what it has open,
:meth:`OutboxService.keep_answer` writes each edit to a small SQLite file in the data
folder (synchronously: it is the only copy), and :meth:`OutboxService.send` replays
them with the version the user was editing from.  A colleague's change meanwhile makes
a send a conflict, which the versioned save keeps as a revision (both texts kept); an
edit that cannot be sent at all (its response was deleted meanwhile) stays in the
outbox and is reported, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from consultdesk.domain.errors import ConsultDeskError, ServerUnreachableError
from consultdesk.storage.outbox import OutboxStore, PendingEdit

if TYPE_CHECKING:
    from consultdesk.domain.authorship import Author
    from consultdesk.storage.team_cache import TeamCache

#: What the window's banner says while edits go to the outbox.
OFFLINE_MESSAGE = ("Offline — your changes are kept on this computer and will be sent "
                   "when the server is back")


@dataclass
class SendReport:
    """What one send did: answers sent (question id -> SaveResult), refused, left."""

    results: dict[tuple[str, str], Any] = field(default_factory=dict)
    respondent_sent: int = 0
    failed: list[tuple[PendingEdit, str]] = field(default_factory=list)

    @property
    def conflicts(self) -> dict[tuple[str, str], Any]:
        """(response id, question id) -> SaveResult of the sends refused as conflicts."""
        return {k: r for k, r in self.results.items() if not r.saved}


class OutboxService:
    """The outbox of one data folder, for one team database."""

    def __init__(self, store: OutboxStore, responses: Any, server: str, *,
                 cache: TeamCache | None = None,
                 heard: Callable[[], bool] | None = None) -> None:
        self._store = store
        #: Where edits are sent: the team database's ResponseService (None: this
        #: ConsultDesk started while the server was away and works on the local copy).
        self._responses = responses
        #: Which server the edits are for (a data folder may be used with several).
        self.server = server
        self._cache = cache
        self._heard = heard

    @property
    def connected(self) -> bool:
        """Whether this ConsultDesk is connected to the server (False: it started offline,
        on the local copy, and every edit goes to the outbox until it connects again)."""
        return self._responses is not None

    @property
    def server_heard(self) -> bool:
        """Whether the server is heard right now (its change notices arrive): False when
        the connection listening to it broke, so an edit should go straight here rather
        than wait on the UI thread for a server that may not answer."""
        return self.connected and (self._heard is None or self._heard())

    def remember(self, response_id: str) -> None:
        """Copy a response into the local copy (a window opened or closed it), so that it
        can be opened if the next start finds the server away.  Best effort: a copy that
        cannot be made leaves the work on the server untouched."""
        if self._cache is None or not self.connected:
            return
        try:
            self._cache.remember(response_id)
        except (ConsultDeskError, OSError):
            pass

    def close(self) -> None:
        """Close the local copy's file."""
        if self._cache is not None:
            self._cache.close()

    @property
    def path(self) -> str:
        """The outbox file (for messages)."""
        return str(self._store.path)

    def keep_answer(self, response_id: str, question_id: str, value: Any,
                    base_version: int | None, author: Author) -> None:
        """Keep an answer edit until the server is back."""
        self._store.put(self.server, response_id, "answer", question_id, value, base_version,
                        author.kind.value, author.name)

    def keep_respondent(self, response_id: str, field_id: str, value: str,
                        author: Author) -> None:
        """Keep a respondent detail until the server is back."""
        self._store.put(self.server, response_id, "respondent", field_id, value, None,
                        author.kind.value, author.name)

    def pending(self, response_id: str | None = None) -> int:
        """How many edits wait to be sent (for one response, or all)."""
        return len(self._store.pending(self.server, response_id))

    def pending_values(self, response_id: str) -> dict[str, Any]:
        """The answers waiting for one response (question id -> value), for a window
        opened while offline or after a restart: what the user typed comes first."""
        return {e.key: e.value for e in self._store.pending(self.server, response_id)
                if e.kind == "answer"}

    def send(self, response_id: str | None = None) -> SendReport:
        """Send what waits (oldest first) through the versioned save.

        Raises ServerUnreachableError if the server is still away (what was sent before
        that is done and forgotten; the rest waits), or if this ConsultDesk works on the
        local copy (it sends once it has connected again).
        """
        from consultdesk.domain.authorship import Author

        if self._responses is None:
            raise ServerUnreachableError(
                "the team database server {where} cannot be reached: the changes are kept on "
                "this computer until ConsultDesk connects again",
                where=self.server)
        report = SendReport()
        for edit in self._store.pending(self.server, response_id):
            author = Author.stored(edit.author_kind, edit.author_name)
            try:
                if edit.kind == "answer":
                    result = self._responses.save_answer(
                        edit.response_id, edit.key, edit.value, base_version=edit.base_version,
                        author=author, reason="sent after offline")
                    report.results[(edit.response_id, edit.key)] = result
                    if result.saved and result.changed:
                        # The history shows the text typed offline by its author at the
                        # time it was typed (a refused one is a conflict revision already).
                        self._responses.take_revision(edit.response_id, edit.key, "offline",
                                                      at=edit.queued_at)
                else:
                    self._responses.save_respondent(edit.response_id, edit.key, edit.value)
                    report.respondent_sent += 1
            except ServerUnreachableError:
                raise
            except ConsultDeskError as exc:
                report.failed.append((edit, str(exc)))
                continue
            # Saved, or refused as a conflict (then kept as a revision): either way the
            # text is on the server now.
            self._store.sent(edit)
        return report
