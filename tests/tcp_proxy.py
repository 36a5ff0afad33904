"""A TCP proxy run as its own process, so a test can drop the network for real.

``python tcp_proxy.py PORT HOST TARGET_PORT`` forwards 127.0.0.1:PORT to HOST:TARGET_PORT
(killing it resets every connection through it, as a network cut does);
``python tcp_proxy.py PORT --blackhole`` accepts connections and never answers (a server
that is there but does not reply: a client waits for its connect timeout).  It prints
"ready" once listening.
"""

from __future__ import annotations

import socket
import sys
import threading
import time


def _pipe(src: socket.socket, dst: socket.socket) -> None:
    try:
        while data := src.recv(65536):
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s in (src, dst):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def main(argv: list[str]) -> None:
    """Listen on argv[0]; forward to argv[1]:argv[2], or hold connections (--blackhole)."""
    port = int(argv[0])
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(64)
    print("ready", flush=True)
    held: list[socket.socket] = []
    while True:
        client, _ = server.accept()
        if argv[1] == "--blackhole":
            held.append(client)  # never read, never answered, never closed
            continue
        try:
            upstream = socket.create_connection((argv[1], int(argv[2])), timeout=5)
        except OSError:
            client.close()
            continue
        upstream.settimeout(None)
        for a, b in ((client, upstream), (upstream, client)):
            threading.Thread(target=_pipe, args=(a, b), daemon=True).start()
        time.sleep(0)


if __name__ == "__main__":
    main(sys.argv[1:])
