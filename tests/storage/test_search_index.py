"""The FTS5 search index follows every write to the answers (triggers), also on upgrade."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.storage import migrations
from consultdesk.storage.database import DB_FILE_NAME

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")

FIXTURE = Path(__file__).parent / "fixtures" / "consultdesk-schema-1.sqlite3"
OHCHR = "ohchr-civic-space-2021"


def indexed(data: Path) -> set[tuple[str, str, int, str]]:
    """(response, question, entry, body) of every row of the index, read with plain sqlite3."""
    conn = sqlite3.connect(data / DB_FILE_NAME)
    try:
        return {(r, q, int(e), b) for r, q, e, b in conn.execute(
            "SELECT response_id, question_id, entry, body FROM answer_search")}
    finally:
        conn.close()


def test_every_kind_of_write_keeps_the_index_right(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with closing(AppContext.open(data)) as ctx:
        rid = ctx.responses.create(OHCHR, answers={"q1": "市民社会の**参加**"})
        assert indexed(data) == {(rid, "q1", 0, "市民社会の参加")}  # emphasis marks left out
        ctx.responses.save_answer(rid, "q1", "Online hearings", base_version=None, author=TESTER)
        ctx.responses.merge(rid, None, {"q2": "Written comments"}, author=TESTER)
        assert indexed(data) == {(rid, "q1", 0, "Online hearings"),
                                 (rid, "q2", 0, "Written comments")}
        copy = ctx.responses.duplicate(rid)
        assert {(r, q) for r, q, _, _ in indexed(data)} == {
            (rid, "q1"), (rid, "q2"), (copy, "q1"), (copy, "q2")}
        ctx.responses.take_revision(rid, "q1")
        ctx.responses.save_answer(rid, "q1", None, base_version=None, author=TESTER)
        assert (rid, "q1", 0, "Online hearings") not in indexed(data)
        ctx.responses.delete(copy)
        ctx.responses.purge(copy)  # the answers go by cascade: so do their index rows
        assert {(r, q) for r, q, _, _ in indexed(data)} == {(rid, "q2")}
        # A restore writes around the autosave: the trigger sees it too.
        [kept] = [r for r in ctx.responses.revisions(rid, "q1") if r.value == "Online hearings"]
        ctx.responses.restore_revision(kept.id, author=TESTER)
        assert (rid, "q1", 0, "Online hearings") in indexed(data)


def test_block_entries_are_indexed_by_their_text_fields_and_choices_are_not(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    with closing(AppContext.open(data)) as ctx:
        rid = ctx.responses.create("sr-expression-call-2026", answers={
            "authority": "yes",
            "measures": [{"description": "A hotline for journalists"},
                         {"description": "A law", "timeframe": "2021"}]})
        rows = indexed(data)
        assert rows == {(rid, "measures", 1, "A hotline for journalists"),
                        (rid, "measures", 2, "A law\n2021")}
        ctx.responses.save_answer(rid, "measures", [{"description": "Only one"}],
                                  base_version=None, author=TESTER)
        assert indexed(data) == {(rid, "measures", 1, "Only one")}


def test_upgrading_a_schema_1_database_indexes_its_answers(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / DB_FILE_NAME)
    with closing(AppContext.open(data)) as ctx:
        assert ctx.database.schema_version() == migrations.LATEST
        found = ctx.search.search("市民社会")
        assert [(r.response_id, r.question_id) for r in found] == [("a1b2c3d4e5f6", "q2")]
        binned = ctx.search.search("hotline", include_bin=True)
        assert [(r.response_id, r.in_bin) for r in binned] == [("0f0e0d0c0b0a", True)]
        assert ctx.search.search("hotline") == []


def test_a_trigger_split_keeps_each_trigger_whole() -> None:
    script = ("CREATE TABLE t (x); CREATE TRIGGER tr AFTER INSERT ON t BEGIN "
              "INSERT INTO t VALUES (1); DELETE FROM t WHERE x = 2; END; SELECT 1")
    assert migrations.sqlite_statements(script) == [
        "CREATE TABLE t (x);",
        "CREATE TRIGGER tr AFTER INSERT ON t BEGIN INSERT INTO t VALUES (1); "
        "DELETE FROM t WHERE x = 2; END;",
        "SELECT 1;"]
