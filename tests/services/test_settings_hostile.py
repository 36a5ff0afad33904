"""A hostile settings file (settings.json, read by the app and by every command): a FIFO,
/dev/zero, a huge or deep file, bytes that are not UTF-8, a folder.  It reads as empty
settings, at once, and is left as it is; a command still runs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from consultdesk.services.settings import (
    MAX_SETTINGS_BYTES,
    SETTINGS_FILE,
    JsonFileStore,
    Settings,
)


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _huge(path: Path) -> None:
    # Valid JSON, just past the cap: a user name after 4 MiB of spaces.
    path.write_text(" " * MAX_SETTINGS_BYTES + '{"user/name": "Sato"}', encoding="utf-8")


def _deep(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def _not_utf8(path: Path) -> None:
    path.write_bytes(b'{"user/name": "\xff\xfe"}')


def _folder(path: Path) -> None:
    (path / "inside").mkdir(parents=True)


def _truncated(path: Path) -> None:
    path.write_text('{"user/name": "Sa', encoding="utf-8")


HOSTILE: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo, "dev-zero": _dev_zero, "huge": _huge, "deep": _deep,
    "not-utf8": _not_utf8, "folder": _folder, "truncated": _truncated,
}


def _state(path: Path) -> tuple[str, object]:
    """What is at the path, to check reading left it as it was."""
    if path.is_symlink():
        return "link", os.readlink(path)
    if path.is_dir():
        return "dir", sorted(p.name for p in path.iterdir())
    if not path.is_file():
        return "special", path.stat().st_mode
    return "file", path.stat().st_size


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_settings_file_reads_as_empty_and_is_left_be(kind: str,
                                                                tmp_path: Path) -> None:
    path = tmp_path / SETTINGS_FILE
    HOSTILE[kind](path)
    before = _state(path)
    settings = Settings(JsonFileStore(path))
    assert settings.user_name == ""  # the defaults, not a hang, MemoryError or traceback
    assert _state(path) == before


@pytest.mark.parametrize("kind", ["fifo", "dev-zero"])
def test_a_command_runs_with_a_fifo_or_dev_zero_for_settings(kind: str,
                                                             tmp_path: Path) -> None:
    # Every command reads the settings (the author of its writes): it hung on a FIFO
    # and ran out of memory on /dev/zero.
    config = tmp_path / "config"
    config.mkdir()
    HOSTILE[kind](config / SETTINGS_FILE)
    env = dict(os.environ, CONSULTDESK_CONFIG_DIR=str(config))
    done = subprocess.run([sys.executable, "-m", "consultdesk", "--data-dir",
                           str(tmp_path / "data"), "responses"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ID") and "Traceback" not in done.stderr


@pytest.mark.parametrize("kind", ["huge", "deep", "not-utf8", "truncated"])
def test_saving_over_an_unreadable_settings_file_keeps_it_aside(kind: str,
                                                                tmp_path: Path) -> None:
    # Preferences saved over a damaged file: the new file holds the new value, and the
    # damaged one is kept beside it, byte for byte, instead of being thrown away.
    path = tmp_path / SETTINGS_FILE
    HOSTILE[kind](path)
    held = path.read_bytes()
    settings = Settings(JsonFileStore(path))
    settings.user_name = "Tanaka Hanako"
    settings.sync()
    assert Settings(JsonFileStore(path)).user_name == "Tanaka Hanako"
    aside = [p for p in tmp_path.iterdir() if p.name.startswith(f"{SETTINGS_FILE}.unreadable-")]
    assert len(aside) == 1 and aside[0].read_bytes() == held


def test_saving_over_a_missing_settings_file_keeps_nothing_aside(tmp_path: Path) -> None:
    path = tmp_path / SETTINGS_FILE
    settings = Settings(JsonFileStore(path))
    settings.user_name = "Sato"
    settings.sync()
    settings.user_name = "Suzuki"
    settings.sync()
    assert sorted(p.name for p in tmp_path.iterdir()) == [SETTINGS_FILE]
