"""Run every benchmark (``benchmarks/bench_*.py``) and print their figures.

Each module has ``main() -> None`` that measures and prints its own table; this
runner only finds and calls them.  Figures are not pass/fail: read them.

    python benchmarks/run.py                  # all of them
    python benchmarks/run.py startup --json   # one, with its figures as JSON too

``--json`` prints one JSON object instead: for each benchmark its tables
(``figures``: name, ms, baseline_ms, ratio, goal) and whatever headline figures the
module returns from ``summary()`` (the editor's ``keystroke_to_counter_p95_ms``).
Asked for one benchmark, the object is that benchmark's own.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run the benchmarks named on the command line, or all of them."""
    sys.path.insert(0, str(HERE))
    as_json = "--json" in sys.argv[1:]
    wanted = {a for a in sys.argv[1:] if not a.startswith("--")}
    results: dict[str, Any] = {}
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if not as_json:
            module.main()
            continue
        import common

        common.PRINTED.clear()
        with contextlib.redirect_stdout(io.StringIO()):
            module.main()
        result: dict[str, Any] = dict(getattr(module, "summary", dict)())
        result["figures"] = [
            {"table": title, "name": f.name, "ms": round(f.value_ms, 3),
             "baseline_ms": None if f.baseline_ms is None else round(f.baseline_ms, 3),
             "ratio": None if f.ratio is None else round(f.ratio, 3), "goal": f.goal}
            for title, figures in common.PRINTED for f in figures]
        results[name] = result
    if as_json:
        only = len(wanted) == 1 and len(results) == 1
        print(json.dumps(next(iter(results.values())) if only else results, indent=2,
                         ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
