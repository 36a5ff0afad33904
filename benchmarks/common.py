"""Shared helpers for the benchmarks: timing and the printed table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measured figure, optionally against a baseline measured in the same run."""

    name: str
    value_ms: float
    baseline_ms: float | None = None
    goal: str = ""

    @property
    def ratio(self) -> float | None:
        """The figure as a multiple of its baseline."""
        if self.baseline_ms is None or self.baseline_ms <= 0:
            return None
        return self.value_ms / self.baseline_ms


def time_ms(fn: Callable[[], object], repeat: int = 5, number: int = 1) -> list[float]:
    """Run ``fn`` ``number`` times per sample, ``repeat`` samples; milliseconds per call."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) * 1000 / number)
    return samples


def best_ms(fn: Callable[[], object], repeat: int = 5, number: int = 1) -> float:
    """The fastest sample (least disturbed by the rest of the machine)."""
    return min(time_ms(fn, repeat, number))


def median_ms(samples: Sequence[float]) -> float:
    """The median of samples."""
    return statistics.median(samples)


#: Every table printed in this run, for ``run.py --json``.
PRINTED: list[tuple[str, list[Figure]]] = []


def print_figures(title: str, figures: Sequence[Figure]) -> None:
    """Print a table: figure, time, baseline, ratio, goal."""
    PRINTED.append((title, list(figures)))
    print(f"\n## {title}")
    header = f"{'figure':<58} {'ms':>10} {'baseline ms':>12} {'ratio':>8}  goal"
    print(header)
    print("-" * len(header))
    for f in figures:
        base = f"{f.baseline_ms:12.3f}" if f.baseline_ms is not None else f"{'':>12}"
        ratio = f"{f.ratio:7.2f}x" if f.ratio is not None else f"{'':>8}"
        print(f"{f.name:<58} {f.value_ms:10.3f} {base} {ratio}  {f.goal}")
