"""Work that may wait on the network, run on Qt's thread pool so no window freezes.

``in_background(call, done)`` runs ``call()`` on a pool thread and hands its outcome to
``done(result, error)`` on the UI thread, by a queued signal: ``error`` is the exception
``call`` raised (``result`` is then None).  What ``call`` touches must be safe to use
from another thread (the services' database engines are; Qt widgets are not).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Outcome(QObject):
    """Carries one call's outcome to the UI thread (keep it while the call runs)."""

    #: the call's result (None on error), the exception it raised (None on success)
    done = Signal(object, object)


class _Call(QRunnable):
    def __init__(self, call: Callable[[], Any], outcome: Outcome) -> None:
        super().__init__()
        self._call, self._outcome = call, outcome

    def run(self) -> None:
        """Run the call; report its result or its exception (never raise on the pool)."""
        try:
            result = self._call()
        except Exception as exc:
            self._outcome.done.emit(None, exc)
            return
        self._outcome.done.emit(result, None)


def in_background(call: Callable[[], Any],
                  done: Callable[[Any, BaseException | None], None]) -> Outcome:
    """Start ``call`` on the thread pool; ``done`` gets its outcome on the UI thread.
    Returns the carrier (hold on to it until ``done`` ran)."""
    outcome = Outcome()
    outcome.done.connect(done)
    QThreadPool.globalInstance().start(_Call(call, outcome))
    return outcome
