"""Starting fast: ``--version`` answers before any command module, the ORM or docx loads."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "sqlmodel", "docx", "lxml", "PySide6", "pydantic")


def _loaded_after(args: list[str]) -> tuple[str, list[str]]:
    code = ("import sys\nfrom consultdesk.cli.main import main\n"
            f"code = main({args!r})\n"
            f"print('loaded:', ','.join(m for m in {HEAVY!r} if m in sys.modules))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env, check=True, timeout=60).stdout
    version, loaded = out.splitlines()
    return version, [m for m in loaded.removeprefix("loaded:").strip().split(",") if m]


@pytest.mark.parametrize("args", [["--version"], ["--data-dir", "/nonexistent", "--version"],
                                  ["--database=postgresql://h/db", "--version"]])
def test_version_loads_nothing_heavy(args: list[str]) -> None:
    version, loaded = _loaded_after(args)
    assert version.startswith("consultdesk ") and loaded == []


def test_a_command_still_gets_its_own_version_option_refused(capsys) -> None:
    from consultdesk.cli.main import main

    # "--version" after a command is that command's (unknown) option: one line, exit 2.
    assert main(["questionnaires", "--version"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
