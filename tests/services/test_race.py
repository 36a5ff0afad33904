"""Race test: several processes write the same answers at once, with random delays, and
are killed (SIGKILL) at random moments.  Every write that was confirmed is the current
text or in the answer's history; every refused (conflicting) write is in the history;
the file passes integrity_check.

Writers are forked processes (real processes, each with its own connections and locks),
of two kinds: the real CLI (``consultdesk set``, an explicit overwrite) and a window's
versioned save (read the version, wait a little as a person types, save on that base).
"""

from __future__ import annotations

import io
import json
import os
import random
import select
import signal
import sqlite3
import sys
import time
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.cli.main import main
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.storage.database import DB_FILE_NAME

WORKERS = 4
DURATION_S = 12.0
QUESTIONS = ("q1", "q2", "q3")
OHCHR = "ohchr-civic-space-2021"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL (POSIX)"),
]


def _worker(data: Path, rid: str, worker: int, seed: int, out_fd: int, tmp: Path) -> None:
    """Write forever; report each write after it returned ("S" saved, "C" refused)."""
    try:
        rng = random.Random(seed)
        ctx = AppContext.open(data)
        seq = 0
        while True:
            seq += 1
            qid = rng.choice(QUESTIONS)
            text = f"worker {worker} seed {seed} write {seq}\n"
            if rng.random() < 0.3:
                # The real CLI, as a script would run it (its own context each time).
                answers = tmp / f"w{seed}-{seq}.json"
                answers.write_text(json.dumps({"answers": {qid: text}}), encoding="utf-8")
                buffer = io.StringIO()
                with redirect_stdout(buffer):
                    code = main(["--data-dir", str(data), "set", rid, "--json",
                                 "--answers", str(answers)])
                if code == 0:
                    os.write(out_fd, f"S {qid} {json.dumps(text)}\n".encode())
                continue
            # A window: based on the version it read, saved after a short "typing" pause.
            base = ctx.responses.answer_versions(rid).get(qid, 0)
            time.sleep(rng.uniform(0, 0.02))
            result = ctx.responses.save_answer(
                rid, qid, text, base_version=base,
                author=Author(WriterKind.APP, f"window {worker}.{seed}.{seq}"))
            kind = "S" if result.saved else "C"
            os.write(out_fd, f"{kind} {qid} {json.dumps(text)}\n".encode())
    finally:
        os._exit(1)


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
    rid = setup.responses.create(OHCHR, "Race", answers={q: "start\n" for q in QUESTIONS})
    setup.close()
    seed = int(os.environ.get("CONSULTDESK_RACE_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    workers: dict[int, int] = {}  # pid -> read fd
    buffers: dict[int, bytearray] = {}
    finished: list[bytearray] = []
    kills = spawned = 0

    def spawn(worker: int) -> None:
        nonlocal spawned
        read_fd, write_fd = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _worker(data, rid, worker, rng.randrange(2**31) + spawned, write_fd, tmp_path)
        os.close(write_fd)
        spawned += 1
        workers[pid] = read_fd
        buffers[read_fd] = bytearray()

    def kill(pid: int) -> None:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        fd = workers.pop(pid)
        while True:  # what the worker wrote before it died
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            buffers[fd] += chunk
        os.close(fd)
        finished.append(buffers.pop(fd))

    for w in range(WORKERS):
        spawn(w)
    started = time.monotonic()
    while time.monotonic() - started < DURATION_S:
        deadline = time.monotonic() + rng.uniform(0.1, 0.8)
        while time.monotonic() < deadline:
            _read_available(buffers, max(0.0, deadline - time.monotonic()))
        victim = rng.choice(list(workers))
        kill(victim)
        kills += 1
        spawn(rng.randrange(WORKERS))
    for pid in list(workers):
        kill(pid)
        kills += 1

    confirmed: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    for raw in finished:
        text = raw.decode()
        lines = text.splitlines()
        if text and not text.endswith("\n"):
            lines = lines[:-1]  # cut by the kill: not confirmed
        for line in lines:
            kind, qid, value = line.split(" ", 2)
            (confirmed if kind == "S" else refused).append((qid, json.loads(value)))

    conn = sqlite3.connect(data / DB_FILE_NAME)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        current = {q: t for q, t in conn.execute(
            "SELECT question_id, text FROM answer WHERE response_id = ? AND entry = 0", (rid,))}
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
    assert refused, "no write was ever refused: the writers never raced"
    assert lost == []
    assert refused_lost == []
