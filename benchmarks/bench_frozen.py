"""Start time of the frozen app (dist/ConsultDesk, `dev.py freeze`) against the installed one.

Baseline, measured in the same run: the same command through the installed `consultdesk`
script of this environment (the Python interpreter importing the package). Figures:
`--version`, `questionnaires --json`, and the desktop app on the offscreen platform from
start until its event loop answers Ctrl+C (library and a response window, then quit).
Goal: the frozen app no slower than 1.5x the installed one. Skipped (with a note) when
there is no bundle: build it first.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, print_figures

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = Path(os.environ.get("CONSULTDESK_BUNDLE", ROOT / "dist" / "ConsultDesk"))
EXE = BUNDLE / ("ConsultDesk.exe" if os.name == "nt" else "ConsultDesk")
INSTALLED = Path(sys.executable).parent / ("consultdesk.exe" if os.name == "nt" else "consultdesk")
REPEAT = 5


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSULTDESK")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), QT_QPA_PLATFORM="offscreen")
    return env


def _best_run(cmd: list[str], env: dict[str, str]) -> float:
    """The fastest of REPEAT runs of a command that exits by itself, in ms."""
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True, timeout=120)
        best = min(best, (time.perf_counter() - start) * 1000)
    return best


def _lock_held(path: Path) -> bool:
    """True when a running app holds the data dir's writer lock."""
    if not path.exists():
        return False
    with path.open("a+b") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
        return False


def _gui_ms(cmd: list[str], env: dict[str, str], lock: Path) -> float:
    """Start the app, Ctrl+C as soon as it holds its lock: start-to-quit in ms.

    The handler is installed before the lock is taken, and it closes the windows from the
    event loop, so the app quits once its windows are up.
    """
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        app = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while app.poll() is None and not _lock_held(lock) and time.monotonic() < deadline:
            time.sleep(0.01)
        app.send_signal(signal.SIGINT)  # handled once the event loop runs
        app.wait(timeout=60)
        if app.returncode == 0:
            best = min(best, (time.perf_counter() - start) * 1000)
    return best


def main() -> None:
    """Print the start-time figures (or how to build the bundle)."""
    if not EXE.exists():
        print(f"\n## Frozen app\nno bundle at {BUNDLE}: run `python3 scripts/dev.py freeze`")
        return
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = _env(home)
        data = ["--data-dir", str(home / "data")]
        made = subprocess.run([str(INSTALLED), *data, "new", "ohchr-civic-space-2021"],
                              env=env, capture_output=True, text=True, check=True)
        rid = made.stdout.strip()
        lock = home / "data" / "consultdesk.lock"
        figures = []
        for name, args in (("--version", ["--version"]),
                           ("questionnaires --json", ["questionnaires", "--json"])):
            figures.append(Figure(f"{name}: frozen (baseline: installed)",
                                  _best_run([str(EXE), *data, *args], env),
                                  _best_run([str(INSTALLED), *data, *args], env), "<= 1.5x"))
        figures.append(Figure("desktop app open RID, start to quit: frozen",
                              _gui_ms([str(EXE), *data, "open", rid], env, lock),
                              _gui_ms([str(INSTALLED), *data, "open", rid], env, lock),
                              "<= 1.5x"))
    # Qt's libraries are symbolic links inside the bundle: count each file once.
    size = sum(p.lstat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    print_figures("Frozen app (dist/ConsultDesk) against the installed app", figures)
    print(f"bundle: {size / 1e6:.0f} MB in {sum(1 for _ in BUNDLE.rglob('*'))} files")
    if "--json" in sys.argv:
        print(json.dumps({"bundle_bytes": size, "figures": [
            {"name": f.name, "ms": f.value_ms, "baseline_ms": f.baseline_ms} for f in figures]}))
