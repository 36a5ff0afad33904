"""SQLite file vs team database on PostgreSQL, side by side: the same service calls.

Figures per engine: the autosave of a 5,000-character answer (median, p99), listing
1,000 responses x 50 answers with progress, a search, and four processes autosaving
one response at once (the team case).  The SQLite figure is the baseline of each
PostgreSQL figure (ratio = PostgreSQL / SQLite), both measured in this run; the
PostgreSQL server is a throwaway cluster on this machine (tests/pg_server.py), reached
over TCP on 127.0.0.1, so network latency to a real server comes on top.
``--json`` prints the figures as JSON.
"""

from __future__ import annotations

import inspect
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, median_ms, print_figures

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from consultdesk.app_context import AppContext
from consultdesk.domain.definition_file import parse_definition

SAVES = 500
RESPONSES = 1000
#: The search runs on this many responses (the listing's and as many again).
SEARCH_RESPONSES = 2000
ANSWERS_EACH = 50
WRITERS = 4
WRITER_SAVES = 150

_PARAGRAPH = ("The Government held **online hearings** with civil society organisations, "
              "published drafts for comment and answered every submission in writing. ")


def _text(length: int, seed: int) -> str:
    return (f"Answer {seed}. " + _PARAGRAPH * (length // len(_PARAGRAPH) + 1))[:length]


def _p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


class _Saver:
    """save_answer through the versioned save when it exists (issue 11), else plainly."""

    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx
        params = inspect.signature(ctx.responses.save_answer).parameters
        self.versioned = "base_version" in params
        self.version: dict[tuple[str, str], int] = {}
        if self.versioned:
            from consultdesk.domain.authorship import Author, WriterKind

            self.author = Author(WriterKind.APP, "bench")

    def save(self, rid: str, qid: str, text: str) -> None:
        if not self.versioned:
            self.ctx.responses.save_answer(rid, qid, text)
            return
        result = self.ctx.responses.save_answer(
            rid, qid, text, base_version=self.version.get((rid, qid), 0), author=self.author)
        self.version[(rid, qid)] = result.version


def _open(data: Path, url: str | None) -> AppContext:
    return AppContext.open(data, url)


def autosave(data: Path, url: str | None) -> tuple[list[float], float | None]:
    """Per-save times of SAVES autosaves of one answer; the no-change check (if any)."""
    ctx = _open(data, url)
    saver = _Saver(ctx)
    rid = ctx.responses.create("ohchr-civic-space-2021", "Autosave")
    texts = [_text(5000, i) for i in range(SAVES)]
    saver.save(rid, "q1", texts[0])
    samples = []
    for i in range(SAVES):
        start = time.perf_counter()
        saver.save(rid, "q1", texts[i])
        samples.append((time.perf_counter() - start) * 1000)
    check = None
    changes = getattr(ctx.responses, "changes_since", None)
    if changes is not None:
        token, _ = changes(rid, None)
        time.sleep(0.2)  # let our own notifications arrive (PostgreSQL)
        token, _ = changes(rid, token)
        times = []
        for _ in range(200):
            start = time.perf_counter()
            token, _ = changes(rid, token)
            times.append((time.perf_counter() - start) * 1000)
        check = median_ms(times)
    ctx.close()
    return samples, check


def _median_search(ctx: AppContext, query: str) -> float:
    ctx.search.search(query)
    times = []
    for _ in range(7):
        start = time.perf_counter()
        ctx.search.search(query)
        times.append((time.perf_counter() - start) * 1000)
    return median_ms(times)


def listing(data: Path, url: str | None) -> tuple[float, float, float, float]:
    """list() of RESPONSES x ANSWERS_EACH (cached progress, after one edit); then a rare
    phrase and a word found in every answer, searched in SEARCH_RESPONSES x ANSWERS_EACH."""
    ctx = _open(data, url)
    try:
        ctx.catalog.add(parse_definition({
            "id": "bench-fifty", "version": 1, "title": "Fifty questions",
            "sections": [{"id": "s", "title": "Questions", "questions": [
                {"id": f"q{i}", "number": str(i), "text": f"Question {i}?",
                 "limit": {"amount": 2000, "unit": "characters_with_spaces"}}
                for i in range(1, ANSWERS_EACH + 1)]}]}, "benchmark"))
        ids = []
        for r in range(RESPONSES):
            if r == 777:
                ids.append(_add(ctx, r, " The Kizuna Fellowship started."))
                continue
            ids.append(_add(ctx, r))
        ctx.responses.list()
        cached = []
        for _ in range(9):
            start = time.perf_counter()
            ctx.responses.list()
            cached.append((time.perf_counter() - start) * 1000)
        saver = _Saver(ctx)
        after = []
        for n in range(9):
            saver.save(ids[n], "q1", _text(900, n))
            start = time.perf_counter()
            ctx.responses.list()
            after.append((time.perf_counter() - start) * 1000)
        for r in range(RESPONSES, SEARCH_RESPONSES):
            _add(ctx, r)
        return (median_ms(cached), median_ms(after), _median_search(ctx, '"Kizuna Fellowship"'),
                _median_search(ctx, "Government"))
    finally:
        ctx.close()


def _add(ctx: AppContext, r: int, extra: str = "") -> str:
    """Response ``r`` of the library: about 3/4 of its 50 questions answered."""
    answers = {f"q{i}": _text(300 + (r * 7 + i * 13) % 1700, r * 100 + i)
               for i in range(1, ANSWERS_EACH + 1) if (r + i) % 4}
    if extra:
        answers["q7"] = answers.get("q7", "") + extra
    return ctx.responses.create("bench-fifty", f"Response {r}", answers=answers)


_WRITER = """
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[6])
from bench_team import _Saver, _text
from consultdesk.app_context import AppContext
data, url, rid, qid, seed = sys.argv[1:6]
ctx = AppContext.open(Path(data), url or None)
saver = _Saver(ctx)
out = []
for i in range(int(sys.argv[7])):
    text = _text(5000, int(seed) * 10000 + i)
    start = time.perf_counter()
    saver.save(rid, qid, text)
    out.append((time.perf_counter() - start) * 1000)
ctx.close()
print(json.dumps(out))
"""


def contention(data: Path, url: str | None) -> tuple[list[float], float]:
    """WRITERS processes autosaving one response at once: per-save times, saves/s.

    Real processes (as several officials' ConsultDesks would be), each on its own answer
    of the same response.  The rate counts the time spent saving (the longest of the
    writers' totals), not Python's start-up.
    """
    ctx = _open(data, url)
    rid = ctx.responses.create("ohchr-civic-space-2021", "Four writers")
    ctx.close()
    here = str(Path(__file__).resolve().parent)
    procs = [subprocess.Popen([sys.executable, "-c", _WRITER, str(data), url or "",
                               rid, f"q{i + 1}", str(i), here, str(WRITER_SAVES)],
                              stdout=subprocess.PIPE, text=True) for i in range(WRITERS)]
    results = [json.loads(p.communicate(timeout=600)[0]) for p in procs]
    samples = [s for r in results for s in r]
    return samples, len(samples) / (max(sum(r) for r in results) / 1000)


def measure(tmp: Path, url: str | None, tag: str) -> dict[str, float | None]:
    """Every figure on one engine."""
    saves, check = autosave(tmp / f"{tag}-autosave", url)
    cached, after, search, common = listing(tmp / f"{tag}-listing", url)
    contended, rate = contention(tmp / f"{tag}-writers", url)
    return {"autosave_median": median_ms(saves), "autosave_p99": _p99(saves),
            "change_check": check, "list_cached": cached, "list_after_edit": after,
            "search": search, "search_common": common, "writers_median": median_ms(contended),
            "writers_p99": _p99(contended), "writers_rate": rate}


def main() -> None:
    """Print SQLite and PostgreSQL figures side by side (JSON with --json)."""
    import pg_server

    if not pg_server.available():
        print("\n## Team database: PostgreSQL is not installed here; skipped "
              "(scripts/dev.py test installs it)")
        return
    server = pg_server.PgServer()
    try:
        server.start()
        with tempfile.TemporaryDirectory() as tmp:
            solo = measure(Path(tmp), None, "sqlite")
            team = measure(Path(tmp), server.new_database(), "pg")
    finally:
        server.destroy()
    rows: list[tuple[str, str, str]] = [
        ("autosave 5,000 chars: median", "autosave_median", "< 2 ms"),
        ("autosave 5,000 chars: p99", "autosave_p99", ""),
        ("change check, nothing changed: median", "change_check", "< 1 ms"),
        (f"list {RESPONSES} responses x {ANSWERS_EACH} answers, cached", "list_cached",
         "< 100 ms"),
        ("  ... after editing one response", "list_after_edit", "< 100 ms"),
        (f"search a rare phrase, {SEARCH_RESPONSES} x {ANSWERS_EACH} answers", "search",
         "< 50 ms"),
        ("search a word in every answer (best 50 of the newest 400)", "search_common",
         "< 50 ms"),
        (f"{WRITERS} processes autosaving one response: median", "writers_median", "< 2 ms"),
        (f"{WRITERS} processes autosaving one response: p99", "writers_p99", ""),
    ]
    figures = [Figure(name, float(team[key]), float(solo[key]), goal)  # type: ignore[arg-type]
               for name, key, goal in rows if team[key] is not None and solo[key] is not None]
    if "--json" in sys.argv:
        print(json.dumps({"sqlite": solo, "postgresql": team}))
        return
    print_figures("Team database: PostgreSQL (ms) against the SQLite file (baseline ms), "
                  "same service calls", figures)
    print(f"{WRITERS} writers, saves per second: PostgreSQL {team['writers_rate']:.0f}, "
          f"SQLite {solo['writers_rate']:.0f}")


if __name__ == "__main__":
    main()
