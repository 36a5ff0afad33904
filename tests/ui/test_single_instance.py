"""A later start hands its request to the app holding the data folder, even one that is
still starting (it listens once its window is painted)."""

from __future__ import annotations

import time
from pathlib import Path

from consultdesk.ui.single_instance import InstanceServer, forward_to_running


def test_a_start_waits_for_the_app_holding_the_lock_to_listen(qtbot, tmp_path: Path) -> None:
    server = InstanceServer(tmp_path)
    waits: list[int] = []

    def wait(ms: int) -> None:
        # The first try found nobody listening: the other app now gets to its first paint.
        waits.append(ms)
        if len(waits) == 1:
            assert server.listen()

    try:
        with qtbot.waitSignal(server.requested, timeout=10000) as signal:
            assert forward_to_running(tmp_path, "R-9", wait=wait)
        assert signal.args == ["R-9"]
        assert len(waits) == 1
    finally:
        server.close()
        server.deleteLater()  # as the app's session does: by Qt, once its events are done


def test_nobody_listening_is_given_up_after_the_patience(tmp_path: Path) -> None:
    waits: list[int] = []
    started = time.monotonic()
    assert not forward_to_running(tmp_path, None, patience_ms=200, wait=waits.append)
    # It kept trying until the patience ran out (waits are the test's: no real sleep).
    assert waits and time.monotonic() - started >= 0.2
