"""``consultdesk set`` says what it changed; ``history`` and ``restore-answer``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consultdesk.cli.main import main

SR = "sr-expression-call-2026"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run the CLI on a data dir; (exit code, stdout, stderr)."""
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def answers_file(path: Path, answers: dict[str, object]) -> str:
    path.write_text(json.dumps({"answers": answers}), encoding="utf-8")
    return str(path)


@pytest.fixture
def response(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    """A data dir with one response whose 'laws' answer was set twice by the CLI."""
    data = tmp_path / "data"
    code, out, _ = run(capsys, data, "new", SR, "--answers",
                       answers_file(tmp_path / "a.json", {"laws": "first", "authority": "no"}))
    assert code == 0
    rid = out.strip()
    code, _, _ = run(capsys, data, "set", rid, "--answers",
                     answers_file(tmp_path / "b.json", {"laws": "second"}))
    assert code == 0
    return data, rid


def test_set_json_lists_changed_and_unchanged(tmp_path: Path, response: tuple[Path, str],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data, rid = response
    code, out, err = run(capsys, data, "set", rid, "--json", "--answers",
                         answers_file(tmp_path / "c.json", {"laws": "third",
                                                            "authority": "no"}))
    assert (code, err) == (0, "")
    assert json.loads(out) == {"changed": {"laws": 3}, "unchanged": ["authority"],
                               "respondent_changed": False}


def test_history_json_newest_first_with_authors(response: tuple[Path, str],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    data, rid = response
    code, out, err = run(capsys, data, "history", rid, "laws", "--json")
    assert (code, err) == (0, "")
    [entry] = json.loads(out)
    assert set(entry) == {"id", "created_at", "reason", "author", "text"}
    assert (entry["text"], entry["reason"]) == ("first", "before set")
    # "first" was written by `new`, which the CLI ran (the app is the default writer).
    assert entry["author"]["kind"] == "app"
    code, out, _ = run(capsys, data, "history", rid, "laws")
    assert code == 0 and "before set" in out and "first" in out


def test_restore_answer_keeps_the_current_text_first(response: tuple[Path, str],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    data, rid = response
    _, out, _ = run(capsys, data, "history", rid, "laws", "--json")
    first = json.loads(out)[0]["id"]
    code, out, err = run(capsys, data, "restore-answer", rid, "laws", str(first))
    assert (code, err) == (0, "")
    assert f"restored revision {first} of laws (now version 3)" in out
    _, out, _ = run(capsys, data, "show", rid, "--json")
    assert json.loads(out)["answers"]["laws"] == "first"
    _, out, _ = run(capsys, data, "history", rid, "laws", "--json")
    history = json.loads(out)
    assert [(h["text"], h["reason"], h["author"]["kind"]) for h in history] == [
        ("second", "before restore", "cli"), ("first", "before set", "app")]


@pytest.mark.parametrize(("args", "message"), [
    (["history", "000000000000", "laws"], "no response with id"),
    (["history", "{rid}", "nope"], "unknown question id 'nope'"),
    (["restore-answer", "{rid}", "laws", "x"], "invalid int value"),
    (["restore-answer", "{rid}", "laws", "99999"], "no revision with id 99999"),
    (["restore-answer", "{rid}", "authority", "{rev}"], "is not a revision of authority"),
])
def test_bad_input_is_one_line_and_changes_nothing(
        response: tuple[Path, str], capsys: pytest.CaptureFixture[str], args: list[str],
        message: str) -> None:
    data, rid = response
    _, out, _ = run(capsys, data, "history", rid, "laws", "--json")
    rev = str(json.loads(out)[0]["id"])
    _, before, _ = run(capsys, data, "show", rid, "--json")
    code, out, err = run(capsys, data, *[a.format(rid=rid, rev=rev) for a in args])
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert run(capsys, data, "show", rid, "--json")[1] == before
