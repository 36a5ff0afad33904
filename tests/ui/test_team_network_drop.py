"""The network to the team server drops for real (a TCP proxy process killed, then a
listener that accepts and never answers in its place): the window keeps running while
it tries to reconnect, and every word arrives once the network is back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import PgServer, dbname
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from consultdesk.app_context import AppContext
from consultdesk.services.settings import Settings
from consultdesk.storage import pg_connect
from consultdesk.ui.response_window import ResponseWindow
from consultdesk.ui.response_window.autosave import SaveState

OHCHR = "ohchr-civic-space-2021"
PROXY = Path(__file__).resolve().parent.parent / "tcp_proxy.py"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Network:
    """The network between this ConsultDesk and the server: a proxy process on a port."""

    def __init__(self, target_port: int) -> None:
        self.port = _free_port()
        self.target_port = target_port
        self.process: subprocess.Popen[str] | None = None

    def _start(self, *args: str) -> None:
        self.process = subprocess.Popen([sys.executable, str(PROXY), str(self.port), *args],
                                        stdout=subprocess.PIPE, text=True)
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "ready"

    def up(self) -> None:
        """Forward to the server."""
        self._start("127.0.0.1", str(self.target_port))

    def hang(self) -> None:
        """Accept connections and never answer (the server's machine is there, mute)."""
        self._start("--blackhole")

    def cut(self) -> None:
        """Kill the process (SIGKILL): every connection through it is reset."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture
def network(pg_server: PgServer) -> Iterator[Network]:
    """A network that a test can cut (the proxy process is always ended)."""
    net = Network(pg_server.port)
    net.up()
    yield net
    net.cut()


def test_a_dropped_network_never_freezes_the_window(
        qtbot, pg_server: PgServer, pg_url: str, network: Network, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    name = dbname(pg_url)
    role = f"sato_{name}"
    pg_server.add_role(role, "s3cret", name)
    monkeypatch.setenv("PGPASSWORD", "s3cret")  # TCP asks for a password (scram)
    # libpq's shortest connect timeout: each attempt against the mute listener lasts 2 s.
    monkeypatch.setattr(pg_connect, "CONNECT_TIMEOUT_S", 2)
    url = f"postgresql://{role}@127.0.0.1:{network.port}/{name}"
    ctx = AppContext.open(tmp_path / "sato", url)
    ctx.settings = Settings()
    ctx.settings.user_name = "Sato"
    assert ctx.outbox is not None
    attempts: list[float] = []
    send = ctx.outbox.send

    def timed_send(*args: object, **kwargs: object) -> object:
        start = time.monotonic()
        try:
            return send(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            attempts.append(time.monotonic() - start)

    monkeypatch.setattr(ctx.outbox, "send", timed_send)
    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(20)
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    try:
        rid = ctx.responses.create(OHCHR, "Japan 2026")
        window = ResponseWindow(ctx, rid)
        qtbot.addWidget(window)
        window.show()
        window.navigator.select("q1")
        editor = window.answers.text_editor.editor
        editor.setFocus()
        autosave = window.session.autosave
        qtbot.keyClicks(editor, "Before the cut. ")
        qtbot.waitUntil(lambda: autosave.state is SaveState.SAVED and not autosave.pending,
                        timeout=10_000)
        # The network goes, and the server's address then answers nothing (its machine is
        # there but mute): every connection attempt hangs for the whole connect timeout.
        # The event loop must keep running all the while, also for the first edit after.
        network.cut()
        network.hang()
        heartbeat.start()
        qtbot.waitUntil(lambda: not ctx.outbox.server_heard, timeout=15_000)
        qtbot.keyClicks(editor, "Typed as the cable went. ")
        qtbot.waitUntil(lambda: window.offline_banner.isVisible(), timeout=15_000)
        qtbot.waitUntil(lambda: len(attempts) >= 2 and autosave.sending, timeout=30_000)
        qtbot.keyClicks(editor, "Typed while it tried again.")
        qtbot.waitUntil(lambda: len(attempts) >= 3, timeout=30_000)
        heartbeat.stop()
        assert max(attempts) >= 1.5, attempts  # the attempts really hung on the network
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        assert ticks and max(gaps) < 0.5, f"the window froze for {max(gaps):.2f} s"
        typed = "Before the cut. Typed as the cable went. Typed while it tried again."
        qtbot.waitUntil(lambda: (ctx.outbox.pending_values(rid).get("q1") or "").strip()
                        == typed, timeout=10_000)
        assert window.save_label.text() == "Kept on this computer"
        # The network comes back: everything is sent through the versioned save.
        network.cut()
        network.up()
        qtbot.waitUntil(lambda: not window.offline_banner.isVisible(), timeout=30_000)
        qtbot.waitUntil(lambda: autosave.state is SaveState.SAVED, timeout=10_000)
        assert ctx.outbox.pending(rid) == 0
        other = AppContext.open(tmp_path / "tanaka", pg_url)
        try:
            assert other.responses.load(rid).answers["q1"].strip() == typed
        finally:
            other.close()
        assert QApplication.activeModalWidget() is None
        print(f"\nnetwork drop: {len(attempts)} reconnection attempts "
              f"({', '.join(f'{a:.1f}' for a in attempts)} s) off the UI thread; longest "
              f"pause of the event loop {max(gaps) * 1000:.0f} ms")
    finally:
        heartbeat.stop()
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, ResponseWindow):
                widget.close()
        ctx.close()
        os.environ.pop("PGPASSWORD", None)
