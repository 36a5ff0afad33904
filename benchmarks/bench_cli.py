"""The command line on huge answers: set, check and export a 2-million-character answer of
list items, and check a 100-question response of 500,000 characters.

Each figure is a real ``consultdesk`` process (wall time, and the CPU time it used, which
a busy shared machine does not inflate), against starting ``consultdesk --version`` in the
same run.  Goals: under 2 s each for the 2-million-character answer, under 1 s for the
100-question check.
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

_ITEM = ("- Implementing **awareness-raising** activities for civil society organizations, "
         "including online meetings\n")
_PARAGRAPH = ("We have increased the opportunities for civil society organizations to "
              "participate in the decision-making process—including through "
              "videoconferencing.\n\n- online meetings\n- public comments\n\n")


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall ms, CPU ms (user + system) and exit code of one consultdesk process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "consultdesk", *args], env=env,
                          capture_output=True, text=True)
    wall = (time.perf_counter() - start) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"consultdesk {' '.join(args)} failed: {proc.stderr.strip()}")
    return wall, cpu, proc.returncode


def _questionnaire_toml(count: int) -> str:
    """A questionnaire of ``count`` long-text questions of 5,000 characters each."""
    head = ('id = "bench-100"\nversion = 1\ntitle = "Benchmark"\nissuer = "Bench"\n'
            'language = "en"\nconvention = "document"\n\n[[sections]]\nid = "s"\n'
            'title = "Questions"\n')
    questions = "".join(
        f'\n[[sections.questions]]\nid = "q{i}"\nnumber = "{i}"\ntext = "Question {i}?"\n'
        'limit = { amount = 5000, unit = "characters_with_spaces" }\n'
        for i in range(1, count + 1))
    return head + questions


def figures() -> list[Figure]:
    """Measure the CLI figures in a scratch data folder."""
    out: list[Figure] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        env = {**os.environ, "CONSULTDESK_DATA_DIR": str(root / "data")}
        base_wall, base_cpu, _ = _run(["--version"], env)
        huge = _ITEM * (1_990_000 // len(_ITEM))
        (root / "huge.json").write_text(json.dumps({"answers": {"q2": huge}}), "utf-8")
        rid = subprocess.run([sys.executable, "-m", "consultdesk", "new",
                              "ohchr-civic-space-2021"], env=env, capture_output=True,
                             text=True, check=True).stdout.strip()
        runs = [("set", ["set", rid, "--answers", str(root / "huge.json")]),
                ("check", ["check", rid]),
                ("export", ["export", rid, "-o", str(root / "huge.docx"),
                            "--allow-over-limit"])]
        for name, args in runs:
            wall, cpu, _ = _run(args, env)
            label = f"{len(huge):,}-char answer of list items: {name}"
            out.append(Figure(f"{label} (wall)", wall, base_wall, "< 2,000 ms"))
            out.append(Figure(f"{label} (CPU)", cpu, base_cpu, "< 2,000 ms"))
        (root / "q100.toml").write_text(_questionnaire_toml(100), "utf-8")
        subprocess.run([sys.executable, "-m", "consultdesk", "questionnaire", "add",
                        str(root / "q100.toml")], env=env, capture_output=True, check=True)
        answer = (_PARAGRAPH * (5_000 // len(_PARAGRAPH) + 1))[:4_990]
        answers = {f"q{i}": answer for i in range(1, 101)}
        (root / "q100.json").write_text(json.dumps({"answers": answers}), "utf-8")
        rid = subprocess.run([sys.executable, "-m", "consultdesk", "new", "bench-100",
                              "--answers", str(root / "q100.json")], env=env,
                             capture_output=True, text=True, check=True).stdout.strip()
        wall, cpu, _ = _run(["check", rid], env)
        out.append(Figure("100 questions, 499,000 chars: check (wall)", wall, base_wall,
                          "< 1,000 ms"))
        out.append(Figure("100 questions, 499,000 chars: check (CPU)", cpu, base_cpu,
                          "< 1,000 ms"))
    return out


def main() -> None:
    """Print the CLI figures (baseline: ``consultdesk --version`` in the same run)."""
    print_figures("Command line on huge answers (baseline: consultdesk --version)", figures())


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    main()
