"""How fast ConsultDesk starts, against baselines measured in the same run.

Each figure is a fresh process, timed from its start to the moment the thing is done
(the command has exited, or the library window is on screen), best of REPEAT runs:

Each figure is also given in CPU time (user + system of the child until that moment),
which a busy shared machine inflates far less than wall time; the goals are on the wall
figures.  ``--repeat=N`` takes the best of N runs instead of 7.

- ``consultdesk --version``, against a bare interpreter (``python -c pass``): goal <= 4x.
- ``consultdesk responses`` (opens the database and lists the responses), against a
  process that only imports the ORM (``import sqlmodel``): goal <= 1.3x.
- the library window on screen with 200 responses, against a bare Qt window (a
  QApplication and a QMainWindow shown): goal <= 1.5x.  The window is shown first (the
  library's frame, "Opening…") and filled once the data folder is open, so a second
  figure says when the 200 rows are in it (no goal: read it).  A first start (no settings
  file yet) asks the desktop whether it is dark before its first paint, which costs PySide
  its ``Qt`` namespace (~20 ms); later starts paint as the desktop was last time and ask
  just after: a figure for the first start too (read it).

The commands run this checkout's sources (``PYTHONPATH`` = src), through the same
interpreter.  ``--json`` also prints the figures as JSON.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, print_figures

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
REPEAT = 7
RESPONSES = 200

# Run in a child: print "shown" when the window is first painted, then quit.  The hook
# filters the events of that one window: a filter on the whole application would call
# Python for every event of every object, and PySide then builds classes for the
# objects it is handed (the more widgets, the more), which no user's start pays.
_SHOWN_HOOK = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class _Shown(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isVisible():
            print("shown", time.process_time() * 1000, flush=True)
            QTimer.singleShot(0, QApplication.instance().quit)
            obj.removeEventFilter(self)
        return False
"""

_BARE_QT = _SHOWN_HOOK + r"""
app = QApplication(sys.argv[:1])
hook = _Shown()
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1200, 800)
window.installEventFilter(hook)
window.show()
app.exec()
"""

# The same with one line of text: the first text drawn loads the fonts (~45 ms of CPU
# here), which the bare window never does and any real window must.
_LABEL_QT = _BARE_QT.replace('window.setWindowTitle("bare")',
                             'window.setWindowTitle("bare")\n'
                             'from PySide6.QtWidgets import QLabel\n'
                             'window.setCentralWidget(QLabel("Opening…"))')

_LIBRARY = _SHOWN_HOOK + r"""
from consultdesk.ui.application import make_application
from consultdesk.ui.library.window import LibraryWindow
app = make_application()
hook = _Shown()
_show = LibraryWindow.show

def _show_watched(window):
    window.installEventFilter(hook)
    _show(window)

LibraryWindow.show = _show_watched
from consultdesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""

# Run in a child: print "shown" once a library window lists ROWS responses, then quit.
_FILLED = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from consultdesk.ui.application import make_application
app = make_application()
ROWS = int(sys.argv.pop(1))

def look():
    for w in app.topLevelWidgets():
        proxy = getattr(w, "proxy", None)
        if type(w).__name__ == "LibraryWindow" and proxy is not None and proxy.rowCount() >= ROWS:
            print("shown", time.process_time() * 1000, flush=True)
            app.quit()
            return
    QTimer.singleShot(5, look)

QTimer.singleShot(0, look)
from consultdesk.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def _env(home: Path) -> dict[str, str]:
    """The children's environment: this checkout's sources, compiled once like an install.

    An installed ConsultDesk runs from bytecode (pip compiles it), as do the baselines'
    libraries in site-packages; so the children may write bytecode (into a scratch
    cache, never next to the sources) even where PYTHONDONTWRITEBYTECODE is set, and the
    first run of each command compiles what the rest reuse.
    """
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CONSULTDESK") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(SRC), HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(home / "pycache"))
    return env


def _exits_ms(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Best wall and CPU time of a process that exits by itself, in ms (after one untimed
    run, which compiles the bytecode)."""
    subprocess.run(cmd, env=env, capture_output=True, check=True, timeout=300)
    best, best_cpu = float("inf"), float("inf")
    for _ in range(REPEAT):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, check=True, timeout=120)
        best = min(best, (time.perf_counter() - start) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best_cpu = min(best_cpu, ((after.ru_utime - before.ru_utime)
                                  + (after.ru_stime - before.ru_stime)) * 1000)
    return best, best_cpu


def _shown_ms(cmd: list[str], env: dict[str, str], *,
              first_start: bool = False) -> tuple[float, float]:
    """Best wall time from starting a process until it prints "shown CPU_MS" (its window is
    up), and the best CPU time it reports then; the first, untimed run compiles, and leaves
    what a first start writes (the settings file remembers the desktop's appearance) as a
    user's own first start does.  ``first_start``: every run on new, empty settings."""
    best, best_cpu = float("inf"), float("inf")
    for run in range(REPEAT + 1):
        if first_start:
            env = {**env, "CONSULTDESK_CONFIG_DIR": tempfile.mkdtemp(dir=env["HOME"])}
        start = time.perf_counter()
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL, text=True)
        assert child.stdout is not None
        line = child.stdout.readline().split()
        elapsed = (time.perf_counter() - start) * 1000
        child.wait(timeout=60)
        if line[:1] == ["shown"] and run > 0:
            best = min(best, elapsed)
            best_cpu = min(best_cpu, float(line[1]))
    return best, best_cpu


def _fill(data: Path, env: dict[str, str]) -> None:
    """A data folder with RESPONSES responses, each with an answer."""
    code = (
        "import sys\nfrom pathlib import Path\nfrom consultdesk.app_context import AppContext\n"
        "ctx = AppContext.open(Path(sys.argv[1]))\n"
        f"for i in range({RESPONSES}):\n"
        "    rid = ctx.responses.create('ohchr-civic-space-2021', f'Response {i}',"
        " answers={'q1': 'An answer. ' * 40})\n"
        "ctx.close()\n")
    subprocess.run([sys.executable, "-c", code, str(data)], env=env, check=True, timeout=600)


def measure() -> list[Figure]:
    """The three start-up figures with their baselines."""
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        env = _env(home)
        data = home / "data"
        _fill(data, env)
        cli = [py, "-c", "from consultdesk.cli.main import entry_point; entry_point()",
               "--data-dir", str(data)]
        bare_qt = _shown_ms([py, "-c", _BARE_QT], env)
        library = _shown_ms([py, "-c", _LIBRARY, "--data-dir", str(data)], env)
        first = _shown_ms([py, "-c", _LIBRARY, "--data-dir", str(data)], env, first_start=True)
        label_qt = _shown_ms([py, "-c", _LABEL_QT], env)
        version, bare_py = _exits_ms([*cli, "--version"], env), _exits_ms([py, "-c", "pass"], env)
        responses = _exits_ms([*cli, "responses"], env)
        orm = _exits_ms([py, "-c", "import sqlmodel"], env)
        filled = _shown_ms([py, "-c", _FILLED, str(RESPONSES), "--data-dir", str(data)], env)
        rows = [
            ("consultdesk --version (baseline: python -c pass)", version, bare_py, "<= 4x"),
            (f"consultdesk responses, {RESPONSES} (baseline: import sqlmodel)", responses, orm,
             "<= 1.3x"),
            (f"library window on screen, {RESPONSES} responses (baseline: bare Qt window)",
             library, bare_qt, "<= 1.5x"),
            ("library window on screen (baseline: bare Qt window with one label)", library,
             label_qt, "read it"),
            ("library window on screen, first start: no settings yet (baseline: bare Qt)",
             first, bare_qt, "read it"),
            (f"library window listing its {RESPONSES} responses (baseline: bare Qt)", filled,
             bare_qt, "read it"),
        ]
        figures = [Figure(name, value[0], base[0], goal) for name, value, base, goal in rows]
        figures += [Figure(f"{name} (CPU)", value[1], base[1], "read it")
                    for name, value, base, _goal in rows]
    return figures


def main() -> None:
    """Print the figures (and JSON with --json; --repeat=N for the best of N runs)."""
    global REPEAT
    for arg in sys.argv[1:]:
        if arg.startswith("--repeat="):
            REPEAT = max(1, int(arg.removeprefix("--repeat=")))
    figures = measure()
    print_figures(f"Start-up (fresh processes, best of {REPEAT})", figures)
    if "--json" in sys.argv:
        print(json.dumps({"startup": [
            {"name": f.name, "ms": round(f.value_ms, 1), "baseline_ms": round(f.baseline_ms or 0, 1),
             "ratio": round(f.ratio or 0, 2), "goal": f.goal} for f in figures]}))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
