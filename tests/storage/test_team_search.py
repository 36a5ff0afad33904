"""Search on both engines: the same hits in the same order with the same snippets (FTS5
on SQLite, pg_trgm on PostgreSQL), the PostgreSQL index kept by every write, and a
server where pg_trgm cannot be created (the search scans, ``team check`` says so)."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import psycopg
import pytest
from pg_server import PgServer, dbname

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.storage.pg_search_index import TRIGRAM_INDEX

TESTER = Author(WriterKind.APP, "tester")
OHCHR = "ohchr-civic-space-2021"

#: The corpus: (title, answers); the newest response last.
CORPUS = [
    ("Japan 2021", {"q1": "The Government held **online hearings** with civil society.",
                    "q2": "市民社会の参加を促進するため、オンライン公聴会を開催した。"}),
    ("Japan 2022", {"q1": "Online hearings, online hearings and more online hearings.",
                    "q3": "A 100% increase in consultations_held since 2020."}),
    ("Kenya 2022", {"q1": "County assemblies published drafts for comment.",
                    "q4": "Civil society organisations took part in online hearings too, "
                          "in every one of the forty-seven counties of the country."}),
    ("Binned", {"q1": "Online hearings that were later withdrawn."}),
]

#: query -> [(response title, question, snippet)], best first (include_bin=False).
EXPECTED = {
    '"online hearings"': [
        ("Japan 2022", "q1", "Online hearings, online hearings and more online hearings."),
        ("Japan 2021", "q1", "The Government held online hearings with civil society."),
        ("Kenya 2022", "q4", "Civil society organisations took part in online hearings "
                             "too, in every one of the forty-seven counties of the…"),
    ],
    "civil SOCIETY": [
        ("Japan 2021", "q1", "The Government held online hearings with civil society."),
        ("Kenya 2022", "q4", "Civil society organisations took part in online hearings "
                             "too, in every…"),
    ],
    "公聴会": [("Japan 2021", "q2", "市民社会の参加を促進するため、オンライン公聴会を開催した。")],
    "参加 市民": [("Japan 2021", "q2", "市民社会の参加を促進するため、オンライン公聴会を開催した。")],
    "100%": [("Japan 2022", "q3", "A 100% increase in consultations_held since 2020.")],
    "s_h": [("Japan 2022", "q3", "A 100% increase in consultations_held since 2020.")],
    "hotline": [],
    "drafts county": [("Kenya 2022", "q1", "County assemblies published drafts for comment.")],
}


def _fill(ctx: AppContext) -> dict[str, str]:
    ids = {}
    for title, answers in CORPUS:
        ids[title] = ctx.responses.create(OHCHR, title, answers=answers)
    ctx.responses.delete(ids["Binned"])
    return ids


def _seen(ctx: AppContext, query: str, *, include_bin: bool = False
          ) -> list[tuple[str, str, str]]:
    return [(r.response_title, r.question_id, r.snippet)
            for r in ctx.search.search(query, include_bin=include_bin)]


def test_both_engines_list_the_same_hits_in_the_same_order(
        tmp_path: Path, database_url: str | None) -> None:
    with closing(AppContext.open(tmp_path / "data", database_url)) as ctx:
        _fill(ctx)
        for query, expected in EXPECTED.items():
            assert _seen(ctx, query) == expected, query
        binned = _seen(ctx, "withdrawn", include_bin=True)
        assert binned == [("Binned", "q1", "Online hearings that were later withdrawn.")]
        [hit] = ctx.search.search("withdrawn", include_bin=True)
        assert hit.in_bin and hit.hit_text == "withdrawn"


def test_block_entries_are_found_by_their_text_fields_on_both_engines(
        tmp_path: Path, database_url: str | None) -> None:
    with closing(AppContext.open(tmp_path / "data", database_url)) as ctx:
        rid = ctx.responses.create("sr-expression-call-2026", "Blocks", answers={
            "authority": "yes",
            "measures": [{"description": "A hotline for journalists"},
                         {"description": "A law", "timeframe": "2021"}]})
        assert [(r.question_id, r.entry, r.snippet) for r in ctx.search.search("law")] == [
            ("measures", 2, "A law 2021")]
        assert ctx.search.search("yes") == []  # a choice's option id is not searched
        ctx.responses.save_answer(rid, "measures", [{"description": "Only one law"}],
                                  base_version=None, author=TESTER)
        assert [(r.entry, r.snippet) for r in ctx.search.search("law")] == [(1, "Only one law")]


def _pg_rows(url: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]  # type: ignore[arg-type]


def test_every_kind_of_write_keeps_the_team_index_right(pg_url: str, tmp_path: Path) -> None:
    def indexed() -> set[tuple[object, ...]]:
        return set(_pg_rows(pg_url, "SELECT response_id, question_id, entry, body "
                                    "FROM answer_search"))

    with closing(AppContext.open(tmp_path / "data", pg_url)) as ctx:
        rid = ctx.responses.create(OHCHR, answers={"q1": "市民社会の**参加**"})
        assert indexed() == {(rid, "q1", 0, "市民社会の参加")}
        ctx.responses.save_answer(rid, "q1", "Online hearings", base_version=None,
                                  author=TESTER)
        ctx.responses.merge(rid, None, {"q2": "Written comments"}, author=TESTER)
        assert indexed() == {(rid, "q1", 0, "Online hearings"),
                             (rid, "q2", 0, "Written comments")}
        copy = ctx.responses.duplicate(rid)
        ctx.responses.take_revision(rid, "q1")
        ctx.responses.save_answer(rid, "q1", None, base_version=None, author=TESTER)
        assert (rid, "q1", 0, "Online hearings") not in indexed()
        ctx.responses.delete(copy)
        ctx.responses.purge(copy)
        assert {(r, q) for r, q, _, _ in indexed()} == {(rid, "q2")}
        [kept] = [r for r in ctx.responses.revisions(rid, "q1") if r.value == "Online hearings"]
        ctx.responses.restore_revision(kept.id, author=TESTER)
        assert (rid, "q1", 0, "Online hearings") in indexed()


def test_the_team_search_uses_the_trigram_index(pg_url: str, tmp_path: Path) -> None:
    with closing(AppContext.open(tmp_path / "data", pg_url)) as ctx:
        _fill(ctx)
        assert ctx.search._backend.indexed()  # type: ignore[attr-defined]
    with psycopg.connect(pg_url) as conn:
        # Few rows: tell the planner to prefer the index, as it does on a real library.
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.execute(
            "EXPLAIN SELECT answer_id FROM answer_search WHERE body ILIKE '%hearings%'"))
    assert TRIGRAM_INDEX in plan


def _cli(data: Path, url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "consultdesk", "--data-dir", str(data),
                           "--database", url, *args], capture_output=True, text=True,
                          env=dict(os.environ), timeout=120)


def test_without_rights_to_create_pg_trgm_the_search_scans_and_team_check_says_so(
        pg_server: PgServer, empty_pg_url: str, tmp_path: Path) -> None:
    name = dbname(empty_pg_url)
    # A role that may create tables in the schema but not extensions in the database
    # (no CREATE on the database): what a locked-down server gives an application.
    role = f"plain_{name}"
    pg_server.admin(f'CREATE ROLE "{role}" LOGIN')
    pg_server.admin(f'REVOKE CREATE ON DATABASE "{name}" FROM PUBLIC')
    pg_server.admin(f'GRANT ALL ON SCHEMA public TO "{role}"', name)
    url = pg_server.url(name, user=role)
    with closing(AppContext.open(tmp_path / "data", url)) as ctx:
        _fill(ctx)
        assert not ctx.search._backend.indexed()  # type: ignore[attr-defined]
        for query, expected in EXPECTED.items():
            assert _seen(ctx, query) == expected, query
    done = _cli(tmp_path / "data", url, "team", "check")
    assert done.returncode == 0, done.stderr
    assert "search: a scan of every answer" in done.stdout
    assert "CREATE EXTENSION pg_trgm" in done.stdout
    # The administrator creates the extension: the next start makes the index.
    pg_server.admin("CREATE EXTENSION pg_trgm", name)
    done = _cli(tmp_path / "data", url, "team", "check")
    assert done.returncode == 0, done.stderr
    assert "search: indexed (pg_trgm)" in done.stdout
    assert _pg_rows(pg_server.url(name), f"SELECT to_regclass('{TRIGRAM_INDEX}') "
                                         "IS NOT NULL") == [(True,)]
    with closing(AppContext.open(tmp_path / "data", url)) as ctx:
        assert _seen(ctx, '"online hearings"') == EXPECTED['"online hearings"']


@pytest.mark.parametrize("query", ["hotline", "%", "_"])
def test_wildcards_and_misses_find_nothing_on_both_engines(
        tmp_path: Path, database_url: str | None, query: str) -> None:
    with closing(AppContext.open(tmp_path / "data", database_url)) as ctx:
        ctx.responses.create(OHCHR, "Plain", answers={"q1": "Nothing special here"})
        assert ctx.search.search(query) == []
