#!/usr/bin/env python3
"""Set up a virtual environment and run ConsultDesk or its tests (needs only python3).

    python3 scripts/dev.py run [-- ARGS]   # set up .venv and start the app (ARGS go to it)
    python3 scripts/dev.py test [ARGS]     # set up .venv and run every test, headless
    python3 scripts/dev.py lint            # ruff and mypy, as configured in pyproject.toml
    python3 scripts/dev.py bench [NAMES]   # print the speed figures of benchmarks/
    python3 scripts/dev.py freeze          # build the standalone app in dist/ConsultDesk/
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")

def _stamp(extras: str) -> Path:
    """The file recording what pyproject.toml was installed with these extras."""
    return VENV / f".consultdesk-installed{extras.strip('[]') and '-' + extras.strip('[]')}"

# Debian packages the tests use: Qt's offscreen platform libraries, LibreOffice to
# open exported documents as a real word processor, pdftoppm and CJK fonts, and
# PostgreSQL's server programs (the team-database tests start a throwaway cluster of
# their own, tests/pg_server.py; the package's default cluster is not used).
APT_PACKAGES = [
    "libegl1", "libgl1", "libxkbcommon0", "libfontconfig1", "libdbus-1-3",
    "libreoffice-writer-nogui", "poppler-utils", "fonts-noto-cjk", "postgresql",
]


def _run(cmd: list[str], **kw: object) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)  # type: ignore[arg-type]


def _ensure_ensurepip() -> None:
    """Install Debian's venv support when this python3 lacks ensurepip (a bare Debian)."""
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        if shutil.which("apt-get") is None or (hasattr(os, "geteuid") and os.geteuid() != 0):
            return  # venv creation then fails with Python's own message on what to install
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        version = f"python3.{sys.version_info.minor}-venv"
        _run(["apt-get", "update", "-qq"], env=env)
        _run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", version], env=env)


def ensure_venv(extras: str) -> None:
    """Create .venv and install the project (editable) when pyproject.toml changed."""
    if not PYTHON.exists():
        _ensure_ensurepip()
        venv.EnvBuilder(with_pip=True).create(VENV)
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    # An install with the test extra also serves the app and the freeze (the test extra
    # holds PyInstaller too), so `run` or `freeze` after `test` is instant.
    done = [_stamp(extras)] + ([_stamp("[test]")] if extras in ("", "[freeze]") else [])
    if any(s.exists() and s.read_text() == want for s in done):
        return
    _run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    _run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", f".{extras}"])
    _stamp(extras).write_text(want)


def ensure_system_packages() -> None:
    """Install the Debian packages the tests need, when missing and when we are root."""
    missing = [p for p in APT_PACKAGES
               if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if not missing or shutil.which("apt-get") is None:
        return
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        print(f"note: install these Debian packages for the full test suite: {' '.join(missing)}")
        return
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    _run(["apt-get", "update", "-qq"], env=env)
    _run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def freeze(dist: Path = ROOT / "dist", work: Path = ROOT / "build" / "pyinstaller") -> int:
    """Build the one-folder app with PyInstaller: ``dist/ConsultDesk/ConsultDesk``."""
    return subprocess.call([str(PYTHON), "-m", "PyInstaller", "--noconfirm", "--log-level",
                            "WARN", "--distpath", str(dist), "--workpath", str(work),
                            str(ROOT / "packaging" / "consultdesk.spec")], cwd=ROOT)


def main() -> int:
    """Dispatch ``run``, ``test``, ``lint``, ``bench`` or ``freeze``."""
    what = sys.argv[1] if len(sys.argv) > 1 else "run"
    rest = sys.argv[2:]
    if rest[:1] == ["--"]:  # `dev.py run -- --data-dir X`: everything after -- is the app's
        rest = rest[1:]
    if what == "freeze":
        ensure_venv("[freeze]")
        code = freeze()
        if code == 0:
            exe = "ConsultDesk.exe" if os.name == "nt" else "ConsultDesk"
            print(f"built {ROOT / 'dist' / 'ConsultDesk' / exe}")
        return code
    if what == "run":
        ensure_venv("")
        return subprocess.call([str(BIN / "consultdesk"), *rest], cwd=ROOT)
    if what == "test":
        ensure_system_packages()
        ensure_venv("[test]")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT, env=env)
    if what == "lint":
        # The rule selection and the checked packages are in pyproject.toml.
        ensure_venv("[test]")
        paths = [p for p in ("src", "tests", "scripts", "benchmarks") if (ROOT / p).exists()]
        code = subprocess.call([str(PYTHON), "-m", "ruff", "check", *paths, *rest], cwd=ROOT)
        return code or subprocess.call([str(PYTHON), "-m", "mypy"], cwd=ROOT)
    if what == "bench":
        ensure_venv("[test]")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        return subprocess.call([str(PYTHON), str(ROOT / "benchmarks" / "run.py"), *rest],
                               cwd=ROOT, env=env)
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
