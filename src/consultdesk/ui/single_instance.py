"""One app per data folder: a later start hands its request to the running one.

The running app listens on a local socket named after its data folder; a later start
that finds the writer lock held connects to it, sends ``{"open": RID}`` and exits, so the
running window comes to the front.  The WriterLock stays the real guard against two
writers.  Imported only when needed: QtNetwork is not part of the first paint.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

_CONNECT_TIMEOUT_MS = 1500
_MAX_REQUEST_BYTES = 4096
#: How long a start waits for the app holding the lock to listen: the app listens once
#: its window is painted, a moment after it took the lock.
_PATIENCE_MS = 2000
_RETRY_MS = 50


def server_name(data_dir: Path) -> str:
    """The local socket name of the app running on ``data_dir`` (one per user and dir)."""
    key = str(data_dir.expanduser().resolve())
    return "consultdesk-" + hashlib.sha256(key.encode()).hexdigest()[:20]


def forward_to_running(data_dir: Path, response_id: str | None,
                       patience_ms: int = _PATIENCE_MS,
                       wait: Callable[[int], None] = QThread.msleep) -> bool:
    """Hand the request to the app running on ``data_dir``; False if none answers.

    Called when the writer lock is held: by an app (which may be just starting, and
    listens once its window is painted) or by a command writing; so a missing server is
    tried again for ``patience_ms``, with ``wait`` (ms) between the tries.
    """
    deadline = time.monotonic() + patience_ms / 1000
    socket = QLocalSocket()
    while True:
        socket.connectToServer(server_name(data_dir))
        if socket.waitForConnected(_CONNECT_TIMEOUT_MS):
            break
        if time.monotonic() >= deadline:
            return False
        socket.abort()
        wait(_RETRY_MS)
    message = json.dumps({"open": response_id}).encode() + b"\n"
    socket.write(QByteArray(message))
    ok = socket.waitForBytesWritten(_CONNECT_TIMEOUT_MS)
    socket.disconnectFromServer()
    if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
        socket.waitForDisconnected(_CONNECT_TIMEOUT_MS)
    return ok


class InstanceServer(QObject):
    """Listens for later starts on the same data dir; ``requested`` carries a response id."""

    requested = Signal(object)  # str | None

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening (clearing a socket file left by a crashed run: we hold the lock)."""
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        """Stop listening."""
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._finish(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        self._buffers[socket] = self._buffers.get(socket, b"") + bytes(socket.readAll().data())
        # A request is one short line; anything longer is not one of ours (and must not
        # grow memory without end).
        if b"\n" in self._buffers[socket] or len(self._buffers[socket]) > _MAX_REQUEST_BYTES:
            self._finish(socket)

    def _finish(self, socket: QLocalSocket) -> None:
        data = self._buffers.pop(socket, None)
        socket.deleteLater()
        if not data:
            return
        try:
            request: Any = json.loads(data.split(b"\n", 1)[0])
            rid = request.get("open") if isinstance(request, dict) else None
        except (ValueError, RecursionError):
            return  # not one of ours: ignore
        self.requested.emit(rid if isinstance(rid, str) else None)
