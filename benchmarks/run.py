"""Run every benchmark (``benchmarks/bench_*.py``) and print their figures.

Each module has ``main() -> None`` that measures and prints its own table; this
runner only finds and calls them.  Figures are not pass/fail: read them.

    python benchmarks/run.py                  # all of them
    python benchmarks/run.py startup --json   # one, with its figures as JSON too
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run the benchmarks named on the command line, or all of them."""
    sys.path.insert(0, str(HERE))
    # Options (--json) are for the benchmarks themselves; the other words name benchmarks.
    wanted = {a for a in sys.argv[1:] if not a.startswith("-")}
    for path in sorted(HERE.glob("bench_*.py")):
        if wanted and path.stem.removeprefix("bench_") not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
