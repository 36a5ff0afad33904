"""Running the real CLI against hostile input, and checking it left everything as it was.

``run_cli`` runs ``consultdesk`` in-process (fast, for generated cases) and
``run_command`` as a real subprocess (for hangs, signals and special files).
``Snapshot`` records what a data dir holds (the database's content, not its
bytes, and every file name) so a test can say "nothing written, nothing left
behind".
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from consultdesk.cli.main import main

DB_NAME = "consultdesk.sqlite3"
OHCHR = "ohchr-civic-space-2021"
#: Every kind of special or wrong file a user (or an attacker) can name as an input.
SPECIAL_KINDS = ["fifo", "dev_zero", "dev_null", "folder", "missing", "symlink_to_fifo",
                 "symlink_to_dev_zero", "symlink_to_folder", "dangling_symlink", "empty"]


@dataclass(frozen=True)
class Result:
    """What one run of the command printed and returned."""

    code: int
    out: str
    err: str

    def assert_refused(self) -> None:
        """Bad input: exit 2, exactly one line on stderr, no traceback anywhere."""
        assert "Traceback" not in self.err + self.out, self.err
        assert self.code == 2, (self.code, self.err)
        assert self.err.count("\n") == 1 and self.err.endswith("\n"), repr(self.err)
        assert self.err.startswith("consultdesk: "), self.err

    def assert_no_traceback(self) -> None:
        """Whatever happened, it was said in words."""
        assert "Traceback" not in self.err + self.out, self.err


def run_cli(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> Result:
    """Run the CLI in this process on ``data_dir``; an escaping exception fails the test."""
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return Result(code, out, err)


def command_env() -> dict[str, str]:
    """The environment for a real ``consultdesk`` process running this checkout's code."""
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH", "")) if p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def command(data_dir: Path, *args: str) -> list[str]:
    """The argv of a real ``consultdesk`` process on ``data_dir``."""
    return [sys.executable, "-m", "consultdesk", "--data-dir", str(data_dir), *args]


def run_command(data_dir: Path, *args: str, timeout: float = 30.0) -> Result:
    """Run ``consultdesk`` as a real process (a hang fails the test after ``timeout``)."""
    done = subprocess.run(command(data_dir, *args), check=False, capture_output=True,
                          text=True,
                          timeout=timeout, env=command_env(), stdin=subprocess.DEVNULL)
    return Result(done.returncode, done.stdout, done.stderr)


def database_content(path: Path) -> str:
    """The database's logical content (schema and rows), whatever its pages look like.

    On a full disk SQLite cannot make a ``-shm`` file: the file is then read as it is
    (immutable), which is all of it when there is no WAL to replay.
    """
    wal = Path(f"{path}-wal")
    modes = ["mode=ro"] + (["mode=ro&immutable=1"] if not wal.exists()
                           or wal.stat().st_size == 0 else [])
    for n, mode in enumerate(modes):
        conn = sqlite3.connect(f"file:{path}?{mode}", uri=True)
        conn.text_factory = lambda b: b.decode("utf-8", "surrogateescape")  # corrupted rows
        try:
            return "\n".join(conn.iterdump())
        except sqlite3.OperationalError:
            if n == len(modes) - 1:
                raise
        finally:
            conn.close()
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Snapshot:
    """What a folder holds: file names, the database's content, other files' hashes."""

    names: frozenset[str]
    content: dict[str, str]

    @classmethod
    def of(cls, folder: Path) -> Snapshot:
        """Record ``folder`` now (recursively)."""
        names: set[str] = set()
        content: dict[str, str] = {}
        if not folder.exists():
            return cls(frozenset(), {})
        for path in sorted(folder.rglob("*")):
            rel = str(path.relative_to(folder))
            if path.name.endswith(("-wal", "-shm")) or path.name == "consultdesk.lock":
                continue  # SQLite's and the lock's own files come and go
            names.add(rel)
            if path.name == DB_NAME:
                content[rel] = database_content(path)
            elif path.is_file():
                content[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        return cls(frozenset(names), content)

    def assert_unchanged(self, folder: Path) -> None:
        """Nothing written, nothing left behind, nothing lost."""
        now = Snapshot.of(folder)
        assert now.names == self.names, (sorted(now.names - self.names),
                                         sorted(self.names - now.names))
        for name, digest in self.content.items():
            assert now.content[name] == digest, f"{name} changed"
