"""Search: a library of 2,000 responses x 50 answers, searched through the FTS5 index.

Goal: under 50 ms per search.  Baseline, measured in the same run on the same file: a
plain ``LIKE '%term%'`` scan of the answer table (what searching would cost without the
index).  ``--json`` prints the figures as JSON.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from common import Figure, median_ms, print_figures

from consultdesk.app_context import AppContext
from consultdesk.domain.definition_file import parse_definition

RESPONSES = 2000
ANSWERS_EACH = 50

_WORDS = ["government", "ministry", "consultation", "civil", "society", "hearings", "online", "participation", "law", "policy", "measures", "freedom", "expression", "assembly", "association", "journalists", "protection", "budget", "report", "committee", "national", "regional", "local", "training", "women", "youth", "persons", "disabilities", "digital", "platform", "access", "information", "transparency", "accountability", "dialogue", "cooperation", "international", "human", "rights", "council", "session", "implementation", "strategy", "plan", "programme", "initiative", "framework"]
_JAPANESE = ("政府は市民社会との対話を重視し、オンライン会議やパブリックコメントを通じて"
             "意見を募集した。地方自治体とも協力し、研修を実施している。")


def _answer(rng: random.Random, japanese: bool) -> str:
    """An answer of 200 to 1,200 characters, in English or Japanese."""
    length = rng.randint(200, 1200)
    if japanese:
        start = rng.randrange(len(_JAPANESE))
        text = (_JAPANESE[start:] + _JAPANESE * (length // len(_JAPANESE) + 1))[:length]
        return text
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(_WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words).capitalize() + "."


def build(data: Path) -> AppContext:
    """The library, written with plain SQL (the index triggers run as for any writer)."""
    ctx = AppContext.open(data)
    ctx.catalog.add(parse_definition({
        "id": "bench-fifty", "version": 1, "title": "Fifty questions",
        "sections": [{"id": "s", "title": "Questions", "questions": [
            {"id": f"q{i}", "number": str(i), "text": f"Question {i}?"}
            for i in range(1, ANSWERS_EACH + 1)]}]}, "benchmark"))
    template = ctx.responses.create("bench-fifty", "template")
    rng = random.Random(13)
    raw = sqlite3.connect(ctx.database.path, isolation_level=None)
    raw.execute("BEGIN")
    for r in range(RESPONSES):
        rid = f"r{r:05d}"
        raw.execute("INSERT INTO response (id, title, questionnaire_id, questionnaire_version, "
                    "status, respondent, created_at, updated_at) SELECT ?, ?, "
                    "questionnaire_id, questionnaire_version, status, respondent, created_at, "
                    "updated_at FROM response WHERE id = ?", (rid, f"Response {r}", template))
        japanese = r % 10 == 0
        raw.executemany(
            "INSERT INTO answer (response_id, question_id, entry, text, updated_at, done) "
            "VALUES (?, ?, 0, ?, '2026-01-01 00:00:00', 0)",
            [(rid, f"q{i}", _answer(rng, japanese)) for i in range(1, ANSWERS_EACH + 1)])
        if r == 1234:
            raw.execute("UPDATE answer SET text = text || ' The Kizuna Fellowship started.' "
                        "WHERE response_id = ? AND question_id = 'q7'", (rid,))
    raw.execute("COMMIT")
    raw.close()
    return ctx


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def bench(data: Path) -> tuple[list[Figure], float]:
    """Search figures (service, top 50 hits with snippets) against a LIKE scan."""
    start = time.perf_counter()
    ctx = build(data)
    built_s = time.perf_counter() - start
    raw = sqlite3.connect(ctx.database.path)
    figures = []
    for label, query, like in (
            ("a rare phrase (1 hit)", '"Kizuna Fellowship"', "Kizuna Fellowship"),
            ("a common word (most answers)", "journalists", "journalists"),
            ("two words, both common", "civil society", "civil"),
            ("Japanese, inside words", "市民社会", "市民社会"),
            ("Japanese, two characters (scan of the index)", "研修", "研修")):
        ctx.search.search(query)  # warm the page cache, as a second search would be
        ours = [_timed(lambda q=query: ctx.search.search(q)) for _ in range(7)]

        def scan(term: str = like) -> None:
            # What finding every hit costs without the index (ranking needs them all).
            raw.execute("SELECT response_id, question_id FROM answer WHERE text LIKE ?",
                        (f"%{term}%",)).fetchall()

        base = [_timed(scan) for _ in range(3)]
        figures.append(Figure(f"search: {label}", median_ms(ours), median_ms(base), "< 50 ms"))
    raw.close()
    ctx.close()
    return figures, built_s


def main() -> None:
    """Print the search figures (JSON with --json)."""
    with tempfile.TemporaryDirectory() as tmp:
        figures, built_s = bench(Path(tmp) / "library")
    if "--json" in sys.argv:
        print(json.dumps([{"figure": f.name, "ms": round(f.value_ms, 3),
                           "baseline_ms": round(f.baseline_ms or 0, 3), "goal": f.goal}
                          for f in figures]))
        return
    print_figures(f"Search ({RESPONSES} responses x {ANSWERS_EACH} answers; built and "
                  f"indexed in {built_s:.1f} s; baseline: a LIKE scan of "
                  "every answer)", figures)


if __name__ == "__main__":
    main()
