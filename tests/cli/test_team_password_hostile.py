"""``consultdesk team password`` fed hostile standard input: closed, /dev/zero, a FIFO, a
huge line, bytes that are not UTF-8, a NUL.  Each refusal is exit 2, one line on
stderr, no traceback, and nothing kept in the keyring.

A real ``consultdesk`` process, with a real keyring backend class that keeps its
passwords in a JSON file (CI machines have no desktop keyring), so a test can see
exactly what was kept.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

URL = "postgresql://alice@db.example.org:5432/consultdesk"
ACCOUNT = "alice@db.example.org:5432/consultdesk"

_BACKEND = '''
import json, os
from keyring.backend import KeyringBackend


class FileKeyring(KeyringBackend):
    priority = 1

    def _load(self):
        path = os.environ["TEST_KEYRING_FILE"]
        return json.load(open(path)) if os.path.exists(path) else {}

    def get_password(self, service, username):
        return self._load().get(service + "|" + username)

    def set_password(self, service, username, password):
        kept = self._load()
        kept[service + "|" + username] = password
        json.dump(kept, open(os.environ["TEST_KEYRING_FILE"], "w"))

    def delete_password(self, service, username):
        from keyring.errors import PasswordDeleteError
        kept = self._load()
        if kept.pop(service + "|" + username, None) is None:
            raise PasswordDeleteError("not kept")
        json.dump(kept, open(os.environ["TEST_KEYRING_FILE"], "w"))
'''


@pytest.fixture
def ring(tmp_path: Path) -> Path:
    """Where the test keyring keeps its passwords (not there until one is kept)."""
    (tmp_path / "mods").mkdir()
    (tmp_path / "mods" / "test_file_keyring.py").write_text(_BACKEND, encoding="utf-8")
    return tmp_path / "keyring.json"


def _password(tmp_path: Path, ring: Path, **kw: Any) -> subprocess.CompletedProcess[bytes]:
    """Run ``team password``; ``input=`` bytes or ``stdin=`` a file (else /dev/null)."""
    if "input" not in kw:
        kw.setdefault("stdin", subprocess.DEVNULL)
    env = dict(os.environ, TEST_KEYRING_FILE=str(ring),
               PYTHON_KEYRING_BACKEND="test_file_keyring.FileKeyring",
               PYTHONPATH=os.pathsep.join([str(tmp_path / "mods"),
                                           os.environ.get("PYTHONPATH", "")]))
    return subprocess.run([sys.executable, "-m", "consultdesk", "--data-dir",
                           str(tmp_path / "data"), "--database", URL, "team", "password"],
                          capture_output=True, env=env, timeout=120, **kw)


def _kept(ring: Path) -> dict[str, str]:
    return json.loads(ring.read_text()) if ring.exists() else {}


def _refused(done: subprocess.CompletedProcess[bytes], ring: Path, words: str) -> None:
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, err
    [line] = err.splitlines()
    assert words in line and "nothing was kept" in line, line
    assert "Traceback" not in err and done.stdout == b""
    assert _kept(ring) == {}


def test_a_line_of_stdin_is_kept(tmp_path: Path, ring: Path) -> None:
    done = _password(tmp_path, ring, input="pässwörd with spaces \n".encode())
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().strip() == f"kept in the system keyring for {ACCOUNT}"
    assert _kept(ring) == {f"ConsultDesk team database|{ACCOUNT}": "pässwörd with spaces "}


def test_the_longest_password_is_kept_and_a_longer_line_refused(tmp_path: Path,
                                                                 ring: Path) -> None:
    _refused(_password(tmp_path, ring, input=b"a" * 4097 + b"\n"), ring, "longer than 4,096")
    _refused(_password(tmp_path, ring, input=b"b" * 2_000_000), ring, "longer than 4,096")
    assert _password(tmp_path, ring, input=b"c" * 4096 + b"\n").returncode == 0
    assert list(_kept(ring).values()) == ["c" * 4096]


def test_dev_zero_is_refused_without_reading_it_all(tmp_path: Path, ring: Path) -> None:
    # It has no line end: reading "a line" of it once filled the memory (MemoryError).
    with open("/dev/zero", "rb") as zero:
        _refused(_password(tmp_path, ring, stdin=zero), ring, "longer than 4,096")


def test_closed_stdin_is_no_password(tmp_path: Path, ring: Path) -> None:
    # Started with fd 0 closed (`<&-`): sys.stdin is None (was an AttributeError traceback).
    _refused(_password(tmp_path, ring, stdin=None, preexec_fn=lambda: os.close(0)), ring,
             "no password given")


def test_empty_stdin_is_no_password(tmp_path: Path, ring: Path) -> None:
    _refused(_password(tmp_path, ring, input=b""), ring, "no password given")
    _refused(_password(tmp_path, ring, input=b"\n"), ring, "no password given")


def test_bytes_that_are_not_utf8_are_refused(tmp_path: Path, ring: Path) -> None:
    # Once kept as surrogate escapes: a password no server would ever match.
    _refused(_password(tmp_path, ring, input=b"\xff\xfe\x80secret\n"), ring, "not UTF-8")


def test_a_nul_is_refused(tmp_path: Path, ring: Path) -> None:
    # libpq ends a C string there: the server would be sent "ab".
    _refused(_password(tmp_path, ring, input=b"ab\0cd\n"), ring, "NUL character")


def test_a_fifo_is_read_like_a_pipe(tmp_path: Path, ring: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def write(text: bytes) -> threading.Thread:
        def run() -> None:
            with open(fifo, "wb") as f:  # blocks until the command opens it
                f.write(text)
        thread = threading.Thread(target=run)
        thread.start()
        return thread

    writer = write(b"")  # a writer that goes away without a word
    with open(fifo, "rb") as reader:
        done = _password(tmp_path, ring, stdin=reader)
    writer.join(10)
    _refused(done, ring, "no password given")
    writer = write(b"from-a-fifo\n")
    with open(fifo, "rb") as reader:
        done = _password(tmp_path, ring, stdin=reader)
    writer.join(10)
    assert done.returncode == 0, done.stderr
    assert list(_kept(ring).values()) == ["from-a-fifo"]


def _on_a_terminal(tmp_path: Path, ring: Path, keys: bytes) -> tuple[int, str]:
    """Run ``team password`` on a real pseudo-terminal, type ``keys`` at its prompt."""
    import pty
    import select
    import time

    env = dict(os.environ, TEST_KEYRING_FILE=str(ring),
               PYTHON_KEYRING_BACKEND="test_file_keyring.FileKeyring",
               PYTHONPATH=os.pathsep.join([str(tmp_path / "mods"),
                                           os.environ.get("PYTHONPATH", "")]))
    argv = [sys.executable, "-m", "consultdesk", "--data-dir", str(tmp_path / "data"),
            "--database", URL, "team", "password"]
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, its terminal the pty
        os.execve(sys.executable, argv, env)
    out, typed = b"", False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if select.select([fd], [], [], 0.2)[0]:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            out += chunk
        if b"password:" in out and not typed:
            os.write(fd, keys)
            typed = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), out.decode("utf-8", "replace")


@pytest.mark.parametrize(("keys", "code", "words"), [
    (b"\x04", 2, "no password given"),  # Ctrl+D at the prompt
    (b"\x03", 2, "interrupted"),  # Ctrl+C
    (b"\xff\xfe\r", 2, "not UTF-8"),  # was a UnicodeDecodeError traceback from getpass
    ("pässwörd\r".encode(), 0, "kept in the system keyring"),
])
def test_typed_at_a_terminal(tmp_path: Path, ring: Path, keys: bytes, code: int,
                             words: str) -> None:
    got, out = _on_a_terminal(tmp_path, ring, keys)
    assert got == code and words in out and "Traceback" not in out, out
    assert "pässwörd" not in out  # never echoed
    assert list(_kept(ring).values()) == (["pässwörd"] if code == 0 else [])
