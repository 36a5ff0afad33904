"""Crash test: a process saving the way the autosave does is killed (SIGKILL) at random
moments; after every kill the file is intact and every save that returned is there.

Children are forked from this (already imported) process so that 60 kills fit well
under a minute; each child opens the data dir afresh, as the app does after a crash.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sqlite3
import sys
import time
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.storage.database import DB_FILE_NAME

KILLS = 60
QUESTIONS = ("q1", "q2", "q3", "q4", "q5", "q6")
QID = "ohchr-civic-space-2021"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL (POSIX)"),
]

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


def _text(seq: int) -> str:
    """A ~5,000-character answer carrying its sequence number (spans overflow pages)."""
    return f"seq {seq}\n\n" + ("Lorem ipsum dolor sit amet, consectetur adipiscing. " * 96)


def _seq(value: object) -> int:
    assert isinstance(value, str) and value.startswith("seq "), value
    return int(value.split("\n", 1)[0].removeprefix("seq "))


def _child(data: Path, rid: str, start: int, out_fd: int) -> None:
    """Save answers forever, reporting each save (and revision) after it returned."""
    try:
        ctx = AppContext.open(data)
        seq = start
        while True:
            qid = QUESTIONS[seq % len(QUESTIONS)]
            ctx.responses.save_answer(rid, qid, _text(seq), base_version=None, author=TESTER)
            os.write(out_fd, f"S {qid} {seq}\n".encode())
            # Every fifth save, typing "pauses" and a revision is taken.
            if seq % 5 == 0 and ctx.responses.take_revision(rid, qid, "pause"):
                os.write(out_fd, f"R {qid} {seq}\n".encode())
            seq += 1
    finally:
        os._exit(1)  # never return into pytest in the child


def _read_lines(fd: int, until: float, want_first: bool) -> bytes:
    """Read from the child's pipe until the deadline (or the first full line)."""
    data = b""
    while True:
        remaining = until - time.monotonic()
        if remaining <= 0:
            return data
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                return data
            data += chunk
            if want_first and b"\n" in data:
                return data


def _drain(fd: int) -> bytes:
    data = b""
    while chunk := os.read(fd, 65536):
        data += chunk
    return data


def test_sigkill_never_loses_a_returned_save(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    setup = AppContext.open(data)
    rid = setup.responses.create(QID, "Crash test")
    setup.close()
    seed = int(os.environ.get("CONSULTDESK_CRASH_SEED", time.time_ns() % 2**32))
    rng = random.Random(seed)
    last_saved: dict[str, int] = {}
    revisions: set[tuple[str, int]] = set()
    confirmed_saves = lost_saves = confirmed_revisions = lost_revisions = 0
    kills = kills_among_saves = 0
    next_seq = 0
    started = time.monotonic()
    for run in range(KILLS):
        read_fd, write_fd = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(data, rid, next_seq, write_fd)
        os.close(write_fd)
        # Half the kills land at any moment from the start (opening, checking, backing
        # up); half while saves are under way.
        received = b""
        if run % 2 == 0:
            received += _read_lines(read_fd, time.monotonic() + 10, want_first=True)
        received += _read_lines(read_fd, time.monotonic() + rng.uniform(0.0, 0.08),
                                want_first=False)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, \
            "the child ended before it was killed"
        kills += 1
        received += _drain(read_fd)
        os.close(read_fd)
        lines = received.decode().splitlines()
        kills_among_saves += bool(lines)
        if received and not received.endswith(b"\n"):
            lines = lines[:-1]  # a report cut by the kill: that save is not confirmed
        for line in lines:
            kind, qid, seq = line.split()
            if kind == "S":
                confirmed_saves += 1
                last_saved[qid] = max(last_saved.get(qid, -1), int(seq))
                next_seq = max(next_seq, int(seq) + 1)
            else:
                confirmed_revisions += 1
                revisions.add((qid, int(seq)))

        # After the kill: the file is intact and holds every returned save.
        conn = sqlite3.connect(data / DB_FILE_NAME)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            stored = {qid: _seq(text) for qid, text in conn.execute(
                "SELECT question_id, text FROM answer WHERE response_id = ? AND entry = 0",
                (rid,))}
            kept = {(qid, _seq(json.loads(value))) for qid, value in
                    conn.execute("SELECT question_id, value FROM answer_revision")}
        finally:
            conn.close()
        lost_saves += sum(1 for qid, seq in last_saved.items() if stored.get(qid, -1) < seq)
        lost_revisions += len(revisions - kept)
        # A save that committed without being confirmed is fine; carry on after it.
        next_seq = max([next_seq, *(s + 1 for s in stored.values())])

    elapsed = time.monotonic() - started
    with capsys.disabled():
        print(f"\ncrash test (seed {seed}): kills {kills} ({kills_among_saves} while saving), "
              f"saves confirmed {confirmed_saves}, "
              f"saves lost {lost_saves}, revisions confirmed {confirmed_revisions}, "
              f"revisions lost {lost_revisions}, {elapsed:.1f} s")
    assert kills >= 50
    assert kills_among_saves >= KILLS // 2  # the kills did land among saves
    assert lost_saves == 0 and lost_revisions == 0
    ctx = AppContext.open(data)  # and the app opens it normally afterwards
    try:
        answers = ctx.responses.load(rid).answers
        assert all(_seq(answers[qid]) >= seq for qid, seq in last_saved.items())
    finally:
        ctx.close()


TYPIST = Path(__file__).with_name("typist.py")
TYPING_KILLS = 6
#: At most about a second of typing may be at risk (the autosave's maximum wait is 1 s);
#: the slack covers a save under way at the kill and a loaded machine's timer delays.
MAX_LOST_S = 1.5


def test_sigkill_during_non_stop_typing_loses_at_most_about_a_second(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import subprocess

    data = tmp_path / "data"
    setup = AppContext.open(data)
    rid = setup.responses.create(QID, "Typing crash test")
    setup.close()
    rng = random.Random(int(os.environ.get("CONSULTDESK_CRASH_SEED", time.time_ns() % 2**32)))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join([str(Path(__file__).parents[2] / "src"),
                                          os.environ.get("PYTHONPATH", "")])}
    losses: list[float] = []
    typed_total = 0
    for _ in range(TYPING_KILLS):
        child = subprocess.Popen([sys.executable, str(TYPIST), str(data), rid, "q1"],
                                 stdout=subprocess.PIPE, env=env)
        assert child.stdout is not None
        fd = child.stdout.fileno()
        received = _read_lines(fd, time.monotonic() + 60, want_first=True)
        assert received.startswith(b"ready"), received
        # Typing non-stop (never a pause long enough for the pause-triggered save).
        received += _read_lines(fd, time.monotonic() + rng.uniform(1.5, 4.0), want_first=False)
        child.send_signal(signal.SIGKILL)
        child.wait()
        received += _drain(fd)
        child.stdout.close()
        lines = [line for line in received.decode().splitlines()[1:] if " " in line]
        if received and not received.endswith(b"\n"):
            lines = lines[:-1]
        typed = {int(n): float(t) for n, t in (line.split() for line in lines)}
        assert len(typed) > 20, "the typist did not get going"
        typed_total += len(typed)
        ctx = AppContext.open(data)
        try:
            assert ctx.database.integrity_check() == "ok"
            text = ctx.responses.load(rid).answers.get("q1")
        finally:
            ctx.close()
        saved_up_to = int(text.split()[-1]) if isinstance(text, str) and text else -1
        last = max(typed)
        # Lost: the typing between the last keystroke saved and the last one made.
        first_lost = saved_up_to + 1
        lost_s = typed[last] - typed[first_lost] if first_lost in typed and first_lost <= last \
            else 0.0
        losses.append(lost_s)
    with capsys.disabled():
        print(f"\nnon-stop typing crash test: {TYPING_KILLS} kills, {typed_total} keystrokes "
              f"confirmed typed, typing lost per kill: "
              f"{', '.join(f'{s:.2f}' for s in losses)} s (max {max(losses):.2f} s, "
              f"goal <= about 1 s)")
    assert max(losses) <= MAX_LOST_S
