"""Every wrong data folder: one line saying what is wrong with it, exit 2, nothing made."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from adversarial.harness import run_cli
from consultdesk.cli.main import main


def _make(tmp_path: Path, kind: str) -> tuple[Path, str]:
    if kind == "a file":
        (tmp_path / "file").write_text("x")
        return tmp_path / "file", "is a file, not a folder"
    if kind == "under a file":
        (tmp_path / "file").write_text("x")
        return tmp_path / "file" / "data", "part of its path is a file"
    if kind == "/dev/null":
        return Path("/dev/null"), "is a file, not a folder"
    if kind in ("database is a FIFO", "database is a folder"):
        folder = tmp_path / "data"
        folder.mkdir()
        db = folder / "consultdesk.sqlite3"
        os.mkfifo(db) if kind.endswith("FIFO") else db.mkdir()
        return folder, "is not a regular file"
    raise AssertionError(kind)


@pytest.mark.parametrize("kind", ["a file", "under a file", "/dev/null", "database is a FIFO",
                                  "database is a folder"])
def test_a_wrong_data_dir_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                      kind: str) -> None:
    folder, message = _make(tmp_path, kind)
    before = sorted(tmp_path.rglob("*"))
    started = time.monotonic()
    result = run_cli(capsys, folder, "responses")
    assert time.monotonic() - started < 2
    result.assert_refused()
    assert message in result.err
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("value", ["", "   "])
def test_an_empty_data_dir_is_refused_not_the_current_folder(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        value: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--data-dir", value, "responses"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "empty path" in err
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_file_system_says_read_only(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    mount = tmp_path / "ro"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs here (needs root): {done.stderr}")
    try:
        result = run_cli(capsys, mount, "responses")
        result.assert_refused()
        assert "read-only" in result.err
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
