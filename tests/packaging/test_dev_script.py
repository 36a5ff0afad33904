"""scripts/dev.py: `run -- ARGS` hands ARGS to the app, `freeze` runs the spec."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dev(monkeypatch: pytest.MonkeyPatch) -> tuple[ModuleType, list[list[str]]]:
    """scripts/dev.py loaded as a module, with its venv set-up and process start recorded."""
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "scripts" / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls: list[list[str]] = []
    monkeypatch.setattr(module, "ensure_venv", lambda extras: calls.append(["venv", extras]))
    monkeypatch.setattr(module.subprocess, "call",
                        lambda cmd, **kw: calls.append([str(c) for c in cmd]) or 0)
    return module, calls


def test_run_passes_everything_after_the_double_dash_to_the_app(
        dev: tuple[ModuleType, list[list[str]]], monkeypatch: pytest.MonkeyPatch) -> None:
    module, calls = dev
    monkeypatch.setattr(sys, "argv", ["dev.py", "run", "--", "--data-dir", "/tmp/x", "open", "R"])
    assert module.main() == 0
    assert calls[0] == ["venv", ""]
    assert calls[1][0].endswith("consultdesk") and calls[1][1:] == [
        "--data-dir", "/tmp/x", "open", "R"]


def test_freeze_installs_pyinstaller_and_builds_the_spec(
        dev: tuple[ModuleType, list[list[str]]], monkeypatch: pytest.MonkeyPatch) -> None:
    module, calls = dev
    monkeypatch.setattr(sys, "argv", ["dev.py", "freeze"])
    assert module.main() == 0
    assert calls[0] == ["venv", "[freeze]"]
    cmd = calls[1]
    assert cmd[1:3] == ["-m", "PyInstaller"]
    assert cmd[-1] == str(ROOT / "packaging" / "consultdesk.spec")
    assert cmd[cmd.index("--distpath") + 1] == str(ROOT / "dist")
