"""Storage: the autosave of one 5,000-character answer, and listing 1,000 responses.

Also the live refresh's change check (goal: under 1 ms when nothing changed).

Goals: autosave median under 2 ms (it runs on the UI thread every second while
someone types); listing 1,000 responses of 50 answers each with their progress under
100 ms.  Baselines, measured in the same run on the same file: a raw sqlite3 UPDATE of
the same row (the floor for a committed write), and a raw SELECT of the same rows.
"""

from __future__ import annotations

import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from common import Figure, median_ms, print_figures

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.definition_file import parse_definition

SAVES = 1000
RESPONSES = 1000
ANSWERS_EACH = 50

_PARAGRAPH = ("The Government held **online hearings** with civil society organisations, "
              "published drafts for comment and answered every submission in writing. ")

#: Who writes in these benchmarks.
TESTER = Author(WriterKind.APP, "tester")


def _text(length: int, seed: int) -> str:
    return (f"Answer {seed}. " + _PARAGRAPH * (length // len(_PARAGRAPH) + 1))[:length]


def _samples(fn: object, n: int) -> list[float]:
    """Time each call on its own (milliseconds), to get a median and a p99."""
    out = []
    for i in range(n):
        start = time.perf_counter()
        fn(i)  # type: ignore[operator]
        out.append((time.perf_counter() - start) * 1000)
    return out


def _p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


def _fifty_questions() -> dict[str, object]:
    return {
        "id": "bench-fifty", "version": 1, "title": "Fifty questions",
        "sections": [{"id": "s", "title": "Questions", "questions": [
            {"id": f"q{i}", "number": str(i), "text": f"Question {i}?",
             "limit": {"amount": 2000, "unit": "characters_with_spaces"}}
            for i in range(1, ANSWERS_EACH + 1)]}],
    }


def bench_autosave(data: Path) -> list[Figure]:
    """The versioned save of a 5,000-character answer (reads the stored version, writes
    the row) against a raw UPDATE of the same row."""
    ctx = AppContext.open(data)
    rid = ctx.responses.create("ohchr-civic-space-2021", "Autosave")
    texts = [_text(5000, i) for i in range(SAVES)]
    version = ctx.responses.save_answer(rid, "q1", texts[0], base_version=0,
                                        author=TESTER).version

    def autosave(i: int) -> None:
        # As the window does: based on the version its previous save made.
        nonlocal version
        version = ctx.responses.save_answer(rid, "q1", texts[i], base_version=version,
                                            author=TESTER).version

    service = _samples(autosave, SAVES)
    raw = sqlite3.connect(ctx.database.path, isolation_level=None)
    raw.execute("PRAGMA synchronous=NORMAL")

    def update(i: int) -> None:
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("UPDATE answer SET text = ? WHERE response_id = ? AND question_id = 'q1' "
                    "AND entry = 0", (texts[i], rid))
        raw.execute("COMMIT")

    baseline = _samples(update, SAVES)

    def check_then_update(i: int) -> None:
        # The floor for a versioned write: the same UPDATE after reading the version.
        raw.execute("BEGIN IMMEDIATE")
        raw.execute("SELECT version FROM answer WHERE response_id = ? AND question_id = 'q1' "
                    "AND entry = 0", (rid,)).fetchone()
        raw.execute("UPDATE answer SET text = ?, version = version + 1 WHERE response_id = ? "
                    "AND question_id = 'q1' AND entry = 0", (texts[i], rid))
        raw.execute("COMMIT")

    checked = _samples(check_then_update, SAVES)
    raw.close()
    version = ctx.responses.answer_versions(rid)["q1"]

    def with_revision(i: int) -> None:
        autosave(i)
        ctx.responses.take_revision(rid, "q1")

    revision = _samples(with_revision, 200)
    ctx.close()
    return [
        Figure("autosave 5,000 chars (versioned save): median", median_ms(service),
               median_ms(baseline), "< 2 ms"),
        Figure("  raw version check + UPDATE (the floor of a versioned write)",
               median_ms(checked), median_ms(baseline), ""),
        Figure("autosave 5,000 chars: p99", _p99(service), _p99(baseline), ""),
        Figure("autosave 5,000 chars: worst (incl. WAL checkpoints)", max(service),
               max(baseline), ""),
        Figure("autosave + durable revision (Ctrl+S): median", median_ms(revision),
               median_ms(baseline), "(fsync)"),
    ]


def bench_changes(data: Path) -> list[Figure]:
    """The live-refresh change check of a 50-question response: nothing changed (the
    usual case, every poll) and one answer changed elsewhere; against a raw SELECT of
    the answers' versions (what the check would cost without PRAGMA data_version)."""
    ctx = AppContext.open(data)
    ctx.catalog.add(parse_definition(_fifty_questions(), "benchmark"))
    rid = ctx.responses.create("bench-fifty", "Changes", answers={
        f"q{i}": _text(2000, i) for i in range(1, ANSWERS_EACH + 1)})
    token, _ = ctx.responses.changes_since(rid, None)
    state = {"token": token}

    def unchanged(_i: int) -> None:
        state["token"], changes = ctx.responses.changes_since(rid, state["token"])
        assert not changes

    idle = _samples(unchanged, SAVES)
    other = AppContext.open(data)  # another process's writes, as far as SQLite can tell
    versions = other.responses.answer_versions(rid)

    def changed(i: int) -> None:
        qid = f"q{i % ANSWERS_EACH + 1}"
        versions[qid] = other.responses.save_answer(
            rid, qid, _text(2000, 1000 + i), base_version=versions[qid],
            author=TESTER).version
        start = time.perf_counter()
        state["token"], changes = ctx.responses.changes_since(rid, state["token"])
        moved.append((time.perf_counter() - start) * 1000)
        assert [c.question_id for c in changes] == [qid]

    moved: list[float] = []
    for i in range(200):
        changed(i)
    other.close()
    raw = sqlite3.connect(ctx.database.path)

    def select_versions(_i: int) -> None:
        raw.execute("SELECT question_id, version, done FROM answer WHERE response_id = ? "
                    "AND entry = 0", (rid,)).fetchall()

    baseline = _samples(select_versions, SAVES)
    raw.close()
    ctx.close()
    return [
        Figure("change check, nothing changed (50 answers): median", median_ms(idle),
               median_ms(baseline), "< 1 ms"),
        Figure("change check, nothing changed: p99", _p99(idle), _p99(baseline), ""),
        Figure("change check, one answer changed elsewhere: median", median_ms(moved),
               median_ms(baseline), "(reads that answer)"),
    ]


def bench_listing(data: Path) -> list[Figure]:
    """list() of 1,000 responses x 50 answers with progress, against raw SELECTs."""
    ctx = AppContext.open(data)
    ctx.catalog.add(parse_definition(_fifty_questions(), "benchmark"))
    ids = []
    for r in range(RESPONSES):
        answers = {f"q{i}": _text(300 + (r * 7 + i * 13) % 1700, r * 100 + i)
                   for i in range(1, ANSWERS_EACH + 1) if (r + i) % 4}
        ids.append(ctx.responses.create("bench-fifty", f"Response {r}", answers=answers))
    cached = [_one(ctx) for _ in range(15)]
    # The usual case: back in the library after editing one response.
    after_edit = []
    for n in range(15):
        ctx.responses.save_answer(ids[n], "q1", _text(900, n), base_version=None, author=TESTER)
        after_edit.append(_one(ctx))
    raw = sqlite3.connect(ctx.database.path)

    def select_rows() -> None:
        raw.execute("SELECT id, title, questionnaire_id, questionnaire_version, status, "
                    "deadline, updated_at, deleted_at, answered, total, over FROM response "
                    "WHERE deleted_at IS NULL ORDER BY updated_at DESC").fetchall()

    def select_answers() -> None:
        raw.execute("SELECT response_id, question_id, entry, text, value FROM answer"
                    ).fetchall()

    baseline = [_timed(select_rows) for _ in range(15)]
    answers_baseline = [_timed(select_answers) for _ in range(5)]
    # Worst case: every cache cleared (e.g. by a future migration); counted once.
    raw.execute("UPDATE response SET answered = NULL")
    raw.commit()
    cold = _timed(ctx.responses.list)
    raw.close()
    ctx.close()
    return [
        Figure(f"list {RESPONSES} responses x {ANSWERS_EACH} answers, progress cached",
               median_ms(cached), median_ms(baseline), "< 100 ms"),
        Figure("  ... after editing one response (one recomputed)", median_ms(after_edit),
               median_ms(baseline), "< 100 ms"),
        Figure("  ... every cache cleared: all 1,000 counted (once)", cold,
               median_ms(answers_baseline), "(baseline: raw SELECT of all answers)"),
    ]


def _timed(fn: object) -> float:
    start = time.perf_counter()
    fn()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def _one(ctx: AppContext) -> float:
    return _timed(ctx.responses.list)


def main() -> None:
    """Print the storage figures."""
    with tempfile.TemporaryDirectory() as tmp:
        figures = bench_autosave(Path(tmp) / "autosave")
        figures += bench_changes(Path(tmp) / "changes")
        figures += bench_listing(Path(tmp) / "listing")
    print_figures("Storage (SQLite, WAL)", figures)


if __name__ == "__main__":
    main()
