"""Live refresh on a team database: a thread LISTENing for the server's change notices.

Every change to an answer or a response fires ``pg_notify('consultdesk_changes',
response_id)`` (a trigger of the team schema step, so every writer is heard, whatever
program it is).  One daemon thread per open database holds a connection that listens,
and counts what it hears; :meth:`ChangeListener.version` is that count, which the change
check compares the way it compares SQLite's ``PRAGMA data_version``: unchanged means
nothing was committed anywhere, without reading a table.  While the listener is not
connected (the server went away) ``version`` is None and callers read the tables.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

CHANNEL = "consultdesk_changes"
#: How often the thread wakes to see whether it should stop, and retries a lost server.
_WAKE_S = 0.5


class ChangeListener:
    """Counts the change notices of one team database (started on first use)."""

    def __init__(self, connect: Any) -> None:
        self._connect = connect
        self._count = 0
        self._connected = threading.Event()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._callbacks: list[Callable[[], None]] = []

    def start(self) -> None:
        """Start listening (idempotent); returns once connected, or after a short wait."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="consultdesk-listen",
                                                daemon=True)
                self._thread.start()
        self._connected.wait(2.0)

    @property
    def hears(self) -> bool:
        """Whether the server is being heard (True before listening starts: nothing
        says otherwise).  False once its connection broke, until it is back: a writer
        on the UI thread can then keep an edit locally instead of waiting on a server
        that may not answer."""
        return self._thread is None or self._connected.is_set()

    def version(self) -> int | None:
        """The number of notices heard so far, or None while not listening."""
        if self._thread is None:
            self.start()
        if not self._connected.is_set():
            return None
        return self._count

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` (from the listening thread) after each change notice; returns
        the function that stops it.  A window uses it to check at once, not at its next
        poll (services.changes.ChangeNotifier)."""
        self.start()
        with self._lock:
            self._callbacks.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._callbacks:
                    self._callbacks.remove(callback)

        return unsubscribe

    def _notify(self) -> None:
        self._count += 1
        with self._lock:
            callbacks = list(self._callbacks)
        for callback in callbacks:
            try:
                callback()
            except Exception:  # a closing window: never let it stop the listener
                pass

    def stop(self) -> None:
        """Stop the thread (it closes its connection)."""
        self._stop.set()
        thread = self._thread
        if thread is not None:
            thread.join(5.0)

    def _run(self) -> None:
        while not self._stop.is_set():
            conn = None
            try:
                conn = self._connect()
                conn.execute(f"LISTEN {CHANNEL}")
                # Anything may have changed while we were not listening: count one.
                self._connected.set()
                self._notify()
                while not self._stop.is_set():
                    for _notice in conn.notifies(timeout=_WAKE_S):
                        self._notify()
            except Exception:  # the server went away: try again shortly
                self._connected.clear()
                self._count += 1
                self._stop.wait(_WAKE_S)
            finally:
                if conn is not None:
                    try:
                        conn.close()
                    except Exception:
                        pass
        self._connected.clear()
