"""Race test: several processes write the same answers at once, with random delays, and
are killed (SIGKILL) at random moments.  Every write that was confirmed is the current
text or in the answer's history; every refused (conflicting) write is in the history;
the file passes integrity_check.

Writers are separate processes (race_writer.py, started afresh: SQLite's locks must not
be inherited through fork() from a process that had other databases open), of two
kinds: the real CLI (``consultdesk set``, an explicit overwrite) and a window's
versioned save (read the version, wait a little as a person types, save on that base).
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.storage.database import DB_FILE_NAME

WORKERS = 4
DURATION_S = 25.0
QUESTIONS = ("q1", "q2", "q3")
OHCHR = "ohchr-civic-space-2021"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)"),
]


WRITER = Path(__file__).with_name("race_writer.py")


def _read_available(fds: dict[int, bytearray], timeout: float) -> None:
    ready, _, _ = select.select(list(fds), [], [], timeout)
    for fd in ready:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            chunk = b""
        fds[fd] += chunk


def test_concurrent_writers_with_kills_lose_no_confirmed_write(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    setup = AppContext.open(data)
    rid = setup.responses.create(OHCHR, "Race", answers=dict.fromkeys(QUESTIONS, "start\n"))
    setup.close()
    seed = int(os.environ.get("CONSULTDESK_RACE_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [str(Path(__file__).parents[2] / "src"), os.environ.get("PYTHONPATH", "")])}
    workers: dict[int, subprocess.Popen[bytes]] = {}  # read fd -> process
    roles: dict[int, int] = {}
    buffers: dict[int, bytearray] = {}
    finished: list[bytearray] = []
    kills = spawned = 0

    def spawn(worker: int) -> None:
        nonlocal spawned
        proc = subprocess.Popen([sys.executable, str(WRITER), str(data), rid, str(worker),
                                 str(rng.randrange(2**31))], stdout=subprocess.PIPE, env=env)
        assert proc.stdout is not None
        spawned += 1
        fd = proc.stdout.fileno()
        workers[fd] = proc
        roles[fd] = worker  # 0: the CLI, others: windows (replaced by the same kind)
        buffers[fd] = bytearray()

    def kill(fd: int) -> None:
        proc = workers.pop(fd)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        while True:  # what the writer wrote before it died
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buffers[fd] += chunk
        assert proc.stdout is not None
        proc.stdout.close()
        finished.append(buffers.pop(fd))

    for w in range(WORKERS):
        spawn(w)
    started = time.monotonic()
    while time.monotonic() - started < DURATION_S:
        deadline = time.monotonic() + rng.uniform(0.3, 1.5)
        while time.monotonic() < deadline:
            _read_available(buffers, max(0.0, deadline - time.monotonic()))
        # Kill a writer that is writing (starting one takes a moment on a busy machine).
        ready = [fd for fd in workers if buffers[fd].startswith(b"ready")]
        if not ready:
            continue
        victim = rng.choice(ready)
        victim_role = roles.pop(victim)
        kill(victim)
        kills += 1
        spawn(victim_role)
    for fd in list(workers):
        kill(fd)
        kills += 1

    confirmed: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    for raw in finished:
        text = raw.decode()
        lines = text.splitlines()
        if text and not text.endswith("\n"):
            lines = lines[:-1]  # cut by the kill: not confirmed
        for line in lines:
            if line == "ready":
                continue
            kind, qid, value = line.split(" ", 2)
            (confirmed if kind == "S" else refused).append((qid, json.loads(value)))

    conn = sqlite3.connect(data / DB_FILE_NAME)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        current = dict(conn.execute(
            "SELECT question_id, text FROM answer WHERE response_id = ? AND entry = 0", (rid,)))
        history: dict[str, set[str]] = {}
        for q, v in conn.execute("SELECT question_id, value FROM answer_revision "
                                 "WHERE response_id = ?", (rid,)):
            history.setdefault(q, set()).add(json.loads(v))
        versions = dict(conn.execute("SELECT question_id, version FROM answer "
                                     "WHERE response_id = ? AND entry = 0", (rid,)))
    finally:
        conn.close()
    lost = [(q, v) for q, v in confirmed if current.get(q) != v and v not in history.get(q, ())]
    refused_lost = [(q, v) for q, v in refused if v not in history.get(q, ())]
    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(f"\nrace test (seed {seed}): {spawned} writer processes, {kills} SIGKILLs, "
              f"{len(confirmed)} writes confirmed, {len(refused)} refused as conflicts "
              f"(kept as revisions), lost {len(lost)} confirmed / {len(refused_lost)} refused, "
              f"versions {versions}, revisions {sum(len(h) for h in history.values())}, "
              f"integrity {integrity[0][0]}, {elapsed:.1f} s")
    assert integrity == [("ok",)]
    assert len(confirmed) >= 20 and kills >= 10  # the race did happen
    assert lost == []
    assert refused_lost == []
