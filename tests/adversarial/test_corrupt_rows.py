"""Stored rows corrupted column by column: the library still lists every readable response.

Each case writes one bad value straight into the SQLite file (as another tool, a
newer ConsultDesk or a bad sector could), then runs the real commands: ``responses``
lists all, marking the bad one; ``show``/``check``/``export`` of the bad one say what
is wrong in one line (exit 2); the good one is untouched; ``repair`` makes the bad
one readable again, keeping a backup of the database as it was.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from adversarial.harness import OHCHR, Snapshot, run_cli
from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind

SR = "sr-expression-call-2026"

#: (table, column, bad value, which row): every column a reader decodes.
CORRUPTIONS: list[tuple[str, str, object]] = [
    ("response", "updated_at", "garbage"),
    ("response", "updated_at", 12345),
    ("response", "updated_at", b"\x00\x01"),
    ("response", "created_at", "2026-13-45 99:99:99"),
    ("response", "deleted_at", "yesterday"),
    ("response", "deadline", "soon"),
    ("response", "deadline", 3.5),
    ("response", "status", "archived"),
    ("response", "status", b"draft\xff"),
    ("response", "title", b"\xff\xfe binary title"),
    ("response", "respondent", "{not json"),
    ("response", "respondent", "[1, 2]"),
    ("response", "respondent", '{"state": 5}'),
    ("response", "respondent", "[" * 5000 + "]" * 5000),
    ("response", "questionnaire_version", "one"),
    ("response", "questionnaire_version", 999),
    ("response", "questionnaire_id", "no-such-questionnaire"),
    ("response", "answered", "many"),
    ("response", "total", -5),
    ("response", "over", 2**62),
    ("answer", "text", b"\xff\xfe\xfd not utf-8"),
    ("answer", "value", "{broken json"),
    ("answer", "value", '{"a": ' + "9" * 5000 + "}"),
    # Readable JSON of the wrong form for a text question (the export asserted on it),
    # holding reference syntax; and a reference kept as a JSON text in the value column.
    ("answer", "value", '["[a](#ref:laws)"]'),
    ("answer", "value", '{"description": "[a](#ref:laws)"}'),
    ("answer", "value", '"See [question 1](#ref:laws)."'),
    ("answer", "entry", "first"),
    ("answer", "done", "perhaps"),
    ("answer", "contributor", b"\xff"),
    ("answer", "question_id", b"\xff\xfe"),
    ("answer_revision", "value", "{broken"),
    ("answer_revision", "created_at", "never"),
    ("questionnaire", "definition", "{truncated"),
    ("questionnaire", "installed_at", "garbage"),
]

TESTER = Author(WriterKind.CLI, "adversarial test")


def _corrupt(data_dir: Path, rid: str, table: str, column: str, value: object) -> None:
    conn = sqlite3.connect(data_dir / "consultdesk.sqlite3")
    try:
        if table == "response":
            conn.execute(f"UPDATE response SET {column} = ? WHERE id = ?", (value, rid))
        elif table == "answer":
            if column == "value":  # a choice answer or a block entry holds JSON
                conn.execute("UPDATE answer SET text = NULL, value = ? WHERE response_id = ?",
                             (value, rid))
            else:
                conn.execute(f"UPDATE answer SET {column} = ? WHERE response_id = ?",
                             (value, rid))
        elif table == "answer_revision":
            conn.execute(f"UPDATE answer_revision SET {column} = ? WHERE response_id = ?",
                         (value, rid))
        else:
            conn.execute(f"UPDATE questionnaire SET {column} = ? WHERE id = ?", (value, SR))
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def library(tmp_path: Path) -> tuple[Path, str, str]:
    """A data dir with a good OHCHR response and an SR one (with a revision) to corrupt."""
    folder = tmp_path / "data"
    context = AppContext.open(folder)
    try:
        good = context.responses.create(OHCHR, "Good", answers={"q1": "Kept safe."})
        bad = context.responses.create(SR, "Victim", answers={"laws": "First text."})
        # Keeps a revision of the first text.
        context.responses.merge(bad, None, {"laws": "Second text."}, author=TESTER)
    finally:
        context.close()
    return folder, good, bad


@pytest.mark.parametrize("table, column, value", CORRUPTIONS,
                         ids=[f"{t}.{c}={v!r:.20}" for t, c, v in CORRUPTIONS])
def test_one_bad_value_never_hides_the_library(
        capsys: pytest.CaptureFixture[str], library: tuple[Path, str, str],
        table: str, column: str, value: object) -> None:
    folder, good, bad = library
    _corrupt(folder, bad, table, column, value)
    good_before = run_cli(capsys, folder, "show", good, "--json")
    assert good_before.code == 0, good_before.err

    listed = run_cli(capsys, folder, "responses", "--json")
    listed.assert_no_traceback()
    assert listed.code == 0, listed.err
    rows = {r["id"]: r for r in json.loads(listed.out)}
    assert set(rows) >= {good}
    assert rows[good]["status"] == "draft" and rows[good]["title"] == "Good"
    table_out = run_cli(capsys, folder, "responses")
    table_out.assert_no_traceback()
    assert good in table_out.out
    for argv in (["search", "text"], ["search", "Kept"], ["responses", "--bin"],
                 ["questionnaires"]):
        other = run_cli(capsys, folder, *argv)
        other.assert_no_traceback()
        assert other.code in (0, 1, 2), (argv, other.err)

    bad_readable = bad in rows and rows[bad]["status"] != "unreadable"
    for argv in (["show", bad], ["show", bad, "--json"], ["check", bad],
                 ["export", bad, "-o", str(folder.parent / "x.docx")]):
        result = run_cli(capsys, folder, *argv)
        result.assert_no_traceback()
        if not bad_readable:
            result.assert_refused()
            assert "cannot be read" in result.err or "not installed" in result.err
    assert not (folder.parent / "x.docx").exists() or bad_readable

    before_repair = Snapshot.of(folder)
    repaired = run_cli(capsys, folder, "repair", bad)
    repaired.assert_no_traceback()
    if "is not installed" in repaired.err:
        repaired.assert_refused()  # a questionnaire cannot be made up: install it
        before_repair.assert_unchanged(folder)
    else:
        assert repaired.code == 0, repaired.err
        assert run_cli(capsys, folder, "show", bad).code == 0
        listed = json.loads(run_cli(capsys, folder, "responses", "--json").out)
        assert all(r["status"] != "unreadable" for r in listed)
    # The good response was never touched.
    assert run_cli(capsys, folder, "show", good, "--json").out == good_before.out


def test_a_bad_answer_is_repaired_from_its_newest_readable_revision(
        capsys: pytest.CaptureFixture[str], library: tuple[Path, str, str]) -> None:
    folder, _, bad = library
    _corrupt(folder, bad, "answer", "text", b"\xff\xfe broken")
    result = run_cli(capsys, folder, "repair", bad)
    assert result.code == 0, result.err
    assert "back to its newest readable revision" in result.out
    assert "kept in" in result.err
    shown = json.loads(run_cli(capsys, folder, "show", bad, "--json").out)
    assert shown["answers"]["laws"] == "First text."
    # The database as it was, bad value included, is in the backup the repair made.
    backup = Path(result.err.split("kept in ", 1)[1].strip())
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT text FROM answer WHERE response_id = ?",
                        (bad,)).fetchone()[0] == b"\xff\xfe broken"
    conn.close()


def test_repairing_a_readable_response_changes_nothing(
        capsys: pytest.CaptureFixture[str], library: tuple[Path, str, str]) -> None:
    folder, good, _ = library
    before = Snapshot.of(folder)
    result = run_cli(capsys, folder, "repair", good)
    assert result.code == 0 and "needed no repair" in result.err
    before.assert_unchanged(folder)


def test_repairing_an_unknown_response_is_one_line(
        capsys: pytest.CaptureFixture[str], library: tuple[Path, str, str]) -> None:
    folder, _, _ = library
    before = Snapshot.of(folder)
    run_cli(capsys, folder, "repair", "nope").assert_refused()
    before.assert_unchanged(folder)


_values = st.one_of(st.none(), st.integers(min_value=-2**63, max_value=2**63 - 1),
                    st.floats(allow_nan=False), st.text(max_size=30), st.binary(max_size=30))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(column=st.sampled_from(["title", "status", "deadline", "respondent", "created_at",
                               "updated_at", "deleted_at", "questionnaire_version",
                               "answered", "total", "over"]),
       value=_values)
def test_any_value_in_any_response_column_lists_the_others(
        capsys: pytest.CaptureFixture[str], library: tuple[Path, str, str],
        column: str, value: object) -> None:
    folder, good, bad = library
    try:
        _corrupt(folder, bad, "response", column, value)
    except sqlite3.IntegrityError:
        reject()  # the schema itself forbids this value (NOT NULL): no file can hold it
    listed = run_cli(capsys, folder, "responses", "--json")
    listed.assert_no_traceback()
    assert good in {r["id"] for r in json.loads(listed.out)}
    for argv in (["show", bad], ["check", bad], ["responses", "--bin"]):
        result = run_cli(capsys, folder, *argv)
        result.assert_no_traceback()
        assert result.code in (0, 1, 2)
