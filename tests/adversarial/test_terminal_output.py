"""Hostile titles and answers, printed by every text-output command: never raw controls."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adversarial.harness import OHCHR, run_cli
from consultdesk.app_context import AppContext

ESCAPES = ["\x1b[2J", "\x1b[31m", "\x1b]0;pwned\x07", "\x9b7m", "\u202e", "\x1bc", "\x00",
           "\x08\x08\x08", "\r", "\x1b[?1049h"]
RAW = ["\x1b", "\x9b", "\u202e", "\x07", "\x00", "\x08", "\r"]


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, str]:
    """A data dir whose response's title, respondent and answers are all escape sequences."""
    folder = tmp_path / "data"
    evil = "Japan" + "".join(ESCAPES) + "end"
    context = AppContext.open(folder)
    try:
        rid = context.responses.create(OHCHR, evil, respondent={"state": evil},
                                       answers={"q1": evil + "\n\nsecond paragraph"})
    finally:
        context.close()
    return folder, rid


@pytest.mark.parametrize("argv", [["responses"], ["responses", "--json"], ["show", "{rid}"],
                                  ["show", "{rid}", "--json"], ["check", "{rid}"],
                                  ["check", "{rid}", "--json"], ["show", "\x1b[2J{rid}"],
                                  ["questionnaire", "show", "\x1b[2Jx"]])
def test_no_command_prints_a_raw_control(capsys: pytest.CaptureFixture[str],
                                         hostile: tuple[Path, str], argv: list[str]) -> None:
    folder, rid = hostile
    result = run_cli(capsys, folder, *[a.format(rid=rid) for a in argv])
    result.assert_no_traceback()
    for raw in RAW:
        assert raw not in result.out and raw not in result.err, (raw, argv)
    if "--json" in argv:
        json.loads(result.out)  # still valid JSON


def test_json_output_keeps_the_stored_value(capsys: pytest.CaptureFixture[str],
                                            hostile: tuple[Path, str]) -> None:
    folder, rid = hostile
    shown = json.loads(run_cli(capsys, folder, "show", rid, "--json").out)
    assert shown["title"] == "Japan" + "".join(ESCAPES) + "end"


def test_a_table_row_stays_one_line(capsys: pytest.CaptureFixture[str],
                                    tmp_path: Path) -> None:
    folder = tmp_path / "data"
    context = AppContext.open(folder)
    try:
        context.responses.create(OHCHR, "two\nlines\tand a tab")
    finally:
        context.close()
    out = run_cli(capsys, folder, "responses").out
    assert len(out.splitlines()) == 2 and "two\\u000alines" in out


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=40))
def test_any_title_lists_without_raw_controls(capsys: pytest.CaptureFixture[str],
                                              tmp_path_factory: pytest.TempPathFactory,
                                              title: str) -> None:
    folder = tmp_path_factory.mktemp("gen")
    context = AppContext.open(folder)
    try:
        context.responses.create(OHCHR, title)
    finally:
        context.close()
    result = run_cli(capsys, folder, "responses")
    result.assert_no_traceback()
    assert not any(c in result.out for c in RAW)
