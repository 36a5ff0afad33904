"""Change notification: a way for the database to say "answers may have changed" at once.

An open response window checks :meth:`ResponseService.changes_since` on a short timer
(on SQLite one ``PRAGMA data_version``: microseconds).  A :class:`ChangeNotifier` lets
it check as soon as something happened instead, e.g. PostgreSQL's ``LISTEN``/``NOTIFY``
on a team database.  The context's ``change_notifier`` is None when there is none (the
timer alone then meets the "within two seconds" goal).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol


class ChangeNotifier(Protocol):
    """Calls back when another writer may have changed answers (any thread may call)."""

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` after each change written elsewhere; returns the function
        that stops it (called when the window closes).

        ``callback`` may be called from any thread (a listener thread); it only asks the
        window to check soon, and never raises.
        """
        ...
