"""The PyInstaller bundle: built from packaging/consultdesk.spec, then run as a user would.

Builds dist/ConsultDesk/ once for the module (about a minute on two cores), then runs the
frozen executable outside the source tree, without PYTHONPATH, so nothing can come from
the checkout: the CLI (--version, questionnaires --json, new, export) and the desktop
app on the offscreen platform (the library and a response window, closed by Ctrl+C).
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import docx
import pytest

from consultdesk import __version__
from consultdesk.storage.instance_lock import LOCK_FILE_NAME

ROOT = Path(__file__).resolve().parents[2]
EXE_NAME = "ConsultDesk.exe" if os.name == "nt" else "ConsultDesk"

# Building the bundle is part of the first test: minutes on a busy two-core machine.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


def _env(tmp_path: Path) -> dict[str, str]:
    """The environment of a user's session: no PYTHONPATH, no venv, a home of its own."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "CONSULTDESK"))}
    env.update(HOME=str(tmp_path / "home"), XDG_CONFIG_HOME=str(tmp_path / "config"),
               QT_QPA_PLATFORM="offscreen")
    return env


def _run(bundle: Path, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(bundle / EXE_NAME), "--data-dir", str(tmp_path / "data"), *args],
                          cwd=tmp_path, env=_env(tmp_path), capture_output=True, text=True,
                          timeout=120)


def _lock_is_held(path: Path) -> bool:
    """True when another process holds the app's writer lock on ``path``."""
    if not path.exists():
        return False
    with path.open("a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False


def test_bundle_holds_the_app_its_data_and_no_development_tools(bundle: Path) -> None:
    assert (bundle / EXE_NAME).is_file() and os.access(bundle / EXE_NAME, os.X_OK)
    inside = bundle / "_internal"
    assert (inside / "templates" / "questionnaires" / "ohchr-civic-space-2021.toml").is_file()
    assert (inside / "templates" / "default.docx").is_file()
    assert (inside / "resources" / "translations" / "consultdesk_ja.qm").is_file()
    assert (inside / "resources" / "icons" / "consultdesk.svg").is_file()
    assert (inside / "consultdesk" / "formats" / "pdf" / "word_to_pdf.ps1").is_file()
    assert (inside / "consultdesk" / "formats" / "pdf" / "word_to_pdf.applescript").is_file()
    for unwanted in ("hypothesis", "pytest", "_pytest", "PyInstaller", "tkinter"):
        assert not (inside / unwanted).exists(), unwanted
    qt_translations = {p.name for p in inside.rglob("qtbase_*.qm")}
    assert "qtbase_ja.qm" in qt_translations and "qtbase_de.qm" not in qt_translations
    # Only the Qt modules the app imports (PySide6-Essentials' Widgets stack).
    modules = {p.name.split(".")[0] for p in (inside / "PySide6").glob("Qt*.so")} or {
        p.name.split(".")[0] for p in (inside / "PySide6").glob("Qt*.pyd")}
    assert {"QtCore", "QtGui", "QtWidgets", "QtNetwork"} <= modules
    assert not modules & {"QtQml", "QtQuick", "QtWebEngineCore", "QtMultimedia", "QtPdf"}


def test_frozen_cli_reports_its_version_and_the_bundled_questionnaires(
        bundle: Path, tmp_path: Path) -> None:
    version = _run(bundle, tmp_path, "--version")
    assert version.returncode == 0 and version.stdout.strip() == f"consultdesk {__version__}"
    listed = _run(bundle, tmp_path, "questionnaires", "--json")
    assert listed.returncode == 0, listed.stderr
    ids = {q["id"] for q in json.loads(listed.stdout)}
    assert {"ohchr-civic-space-2021", "sr-expression-call-2026"} <= ids


def _new_response(bundle: Path, tmp_path: Path) -> str:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({
        "respondent": {"state": "Japan", "institution": "Ministry of Foreign Affairs"},
        "answers": {"q2": "We have **increased** the opportunities.\n\n- online meetings"}}),
        encoding="utf-8")
    made = _run(bundle, tmp_path, "new", "ohchr-civic-space-2021", "--title", "Frozen test",
                "--answers", str(answers))
    assert made.returncode == 0, made.stderr
    return made.stdout.strip()


def test_frozen_cli_exports_word_and_pdf(bundle: Path, tmp_path: Path) -> None:
    rid = _new_response(bundle, tmp_path)
    out = tmp_path / "out.docx"
    exported = _run(bundle, tmp_path, "export", rid, "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "We have increased the opportunities." in text
    assert "online meetings" in text and "Japan" in text
    # The PDF: the same document through LibreOffice, from the frozen app.
    pdf = tmp_path / "out.pdf"
    exported = _run(bundle, tmp_path, "export", rid, "-o", str(pdf))
    assert exported.returncode == 0, exported.stderr
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "We have increased the opportunities." in text


def test_frozen_app_opens_its_windows_offscreen_and_quits_on_ctrl_c(
        bundle: Path, tmp_path: Path) -> None:
    rid = _new_response(bundle, tmp_path)
    app = subprocess.Popen([str(bundle / EXE_NAME), "--data-dir", str(tmp_path / "data"),
                            "open", rid], cwd=tmp_path, env=_env(tmp_path),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # First the app takes the data dir's writer lock (so a second start cannot)...
        deadline = time.monotonic() + 60
        while not _lock_is_held(tmp_path / "data" / LOCK_FILE_NAME):
            assert app.poll() is None, app.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "the frozen app never took its lock"
            time.sleep(0.2)
        # ...then it is up once a second start finds it and hands over ("already open").
        while True:
            assert app.poll() is None, app.communicate()[1][-3000:]
            second = _run(bundle, tmp_path, "open", rid)
            if second.returncode == 0 and "already open" in second.stderr:
                break
            assert time.monotonic() < deadline, second.stderr
            time.sleep(0.5)
        # Ctrl+C closes every window (each saves as it closes) and the app exits 0.
        app.send_signal(signal.SIGINT)
        app.wait(timeout=60)
        _, err = app.communicate(timeout=10)
        assert app.returncode == 0, err[-3000:]
        assert "Traceback" not in err
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
