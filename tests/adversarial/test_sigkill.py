"""Every writing command SIGKILLed at random moments: the database stays whole and
consistent, and nothing partial is left once the next command has run.

A real ``consultdesk`` process is started and killed after a random delay within its
usual running time (the delays are printed with their seed, to replay a failure).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from adversarial.harness import OHCHR, command, command_env, run_command

pytestmark = pytest.mark.slow

KILLS_PER_COMMAND = 3


def _kill_after(argv: list[str], delay: float) -> int | None:
    """Start the command, SIGKILL it after ``delay`` s; its exit code if it ended first."""
    proc = subprocess.Popen(argv, env=command_env(), stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return proc.returncode
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    return None


def _integrity(db: Path) -> str:
    conn = sqlite3.connect(db)  # a writer: replays a WAL left by the killed process
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _leftovers(*folders: Path) -> list[str]:
    return sorted(str(p) for f in folders if f.exists() for p in f.rglob("*")
                  if "partial" in p.name or p.name.endswith(".restoring"))


@pytest.mark.timeout(900)
def test_writing_commands_killed_at_random_leave_nothing_broken(tmp_path: Path) -> None:
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    data = tmp_path / "data"
    out = tmp_path / "out"
    out.mkdir()
    rid = run_command(data, "new", OHCHR, "--title", "Killed often").out.strip()
    first = tmp_path / "first.json"
    first.write_text(json.dumps({"answers": {"q1": "First value. " * 300}}))
    second = tmp_path / "second.json"
    second.write_text(json.dumps({"answers": {"q1": "Second value. " * 300}}))
    assert run_command(data, "set", rid, "--answers", str(first)).code == 0
    saved = run_command(data, "backup", "--out", str(tmp_path / "saved.sqlite3"))
    assert saved.code == 0, saved.err
    writers = {
        "set": ["set", rid, "--answers", str(second)],
        "new": ["new", OHCHR, "--answers", str(first)],
        "backup": ["backup"],
        "backup --out": ["backup", "--out", str(out / "copy.sqlite3")],
        "export": ["export", rid, "-o", str(out / "report.docx")],
        "restore": ["restore", str(tmp_path / "saved.sqlite3")],
    }
    # How long each takes when left alone: kills are spread over that time.
    durations = {}
    for name, args in writers.items():
        started = time.monotonic()
        result = run_command(data, *args)
        assert result.code == 0, (name, result.err)
        durations[name] = time.monotonic() - started
    tried = []
    for name, args in writers.items():
        for _ in range(KILLS_PER_COMMAND):
            delay = rng.uniform(0.05, durations[name])
            tried.append(f"{name}@{delay:.2f}s")
            _kill_after(command(data, *args), delay)
            assert _integrity(data / "consultdesk.sqlite3") == "ok", (seed, name, delay)
            if name not in ("set", "restore"):
                continue  # the others do not touch the answer
            shown = run_command(data, "show", rid, "--json")
            assert shown.code == 0, (seed, name, delay, shown.err)
            value = json.loads(shown.out)["answers"]["q1"]
            # One value or the other, whole: never a mixture, never nothing.
            assert value in ("First value. " * 300, "Second value. " * 300), (seed, name)
    # The next run of each writer clears what the killed ones left.
    for name, args in writers.items():
        assert run_command(data, *args).code == 0, name
    assert _leftovers(data, out) == [], (seed, tried)
    for copy in [*(data / "backups").iterdir(), out / "copy.sqlite3"]:
        assert _integrity(copy) == "ok", copy
    print(f"sigkill test (seed {seed}): {len(tried)} kills: {', '.join(tried)}")
    assert os.path.getsize(out / "report.docx") > 1000
