"""Input past the parsers' limits, and answers files of every wrong shape.

Deep nesting, numbers of thousands of digits, versions too large for SQLite, wrong
encodings and wrong types: one line, exit 2, nothing written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from adversarial.harness import OHCHR, Snapshot, run_cli

_DEFINITION = """id = "adv"
title = "T"
version = {version}
[[sections]]
id = "s"
[[sections.questions]]
id = "q1"
number = "1"
text = "Q?"
kind = "long_text"
limit = {{ amount = {amount} }}
"""

ANSWERS_FILES: dict[str, bytes] = {
    "deep array": b'{"answers": {"q1": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
    "deep object": b'{"answers": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_001,
    "huge integer": b'{"answers": {"q1": ' + b"9" * 10_000 + b"}}",
    "huge negative": b'{"answers": {"q1": -' + b"9" * 10_000 + b"}}",
    "huge float": b'{"answers": {"q1": 1e999999}}',
    "NaN": b'{"answers": {"q1": NaN}}',
    "latin-1": '{"answers": {"q1": "caf\u00e9"}}'.encode("latin-1"),
    "utf-16": '{"answers": {"q1": "x"}}'.encode("utf-16"),
    "utf-32": '{"answers": {"q1": "x"}}'.encode("utf-32"),
    "binary": bytes(range(256)) * 4,
    "a list": b"[1, 2, 3]",
    "a string": b'"answers"',
    "null": b"null",
    "answers a list": b'{"answers": [1]}',
    "respondent a string": b'{"respondent": "Japan"}',
    "answer an object": b'{"answers": {"q1": {"text": "x"}}}',
    "answer a number": b'{"answers": {"q1": 5}}',
    "answer true": b'{"answers": {"q1": true}}',
    "unknown question": b'{"answers": {"nope": "x"}}',
    "unknown key": b'{"answerz": {}}',
    "respondent value a list": b'{"respondent": {"state": ["Japan"]}}',
    "respondent unknown field": b'{"respondent": {"nope": "x"}}',
    "lone surrogate": b'{"answers": {"q1": "\\ud800"}}',
    "NUL in key": b'{"answers": {"q\\u00001": "x"}}',
    "duplicate keys": b'{"answers": {"q1": "a"}, "answers": 3}',
    "truncated": b'{"answers": {"q1": "abc',
    "empty": b"",
    "BOM only": b"\xef\xbb\xbf",
}


@pytest.mark.parametrize("case", list(ANSWERS_FILES))
@pytest.mark.parametrize("command", ["set", "new"])
def test_a_bad_answers_file_is_one_line_and_writes_nothing(
        capsys: pytest.CaptureFixture[str], data_dir: Path, rid: str, tmp_path: Path,
        command: str, case: str) -> None:
    path = tmp_path / "answers.json"
    path.write_bytes(ANSWERS_FILES[case])
    before = Snapshot.of(data_dir)
    argv = (["set", rid] if command == "set" else ["new", OHCHR]) + ["--answers", str(path)]
    result = run_cli(capsys, data_dir, *argv)
    result.assert_refused()
    assert str(path) in result.err
    before.assert_unchanged(data_dir)


@pytest.mark.parametrize("version, amount, message", [
    ("9" * 30, "5", "version"),
    (str(2**63), "5", "version"),
    ("9" * 5000, "5", "too long to read"),
    ("-1", "5", "version"),
    ("1", "9" * 40, "amount"),
    ("1", "9" * 6000, "too long to read"),
    ("1.5", "5", "version"),
    ("inf", "5", "version"),
])
def test_a_definition_past_the_limits_is_one_line(
        capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path,
        version: str, amount: str, message: str) -> None:
    path = tmp_path / "def.toml"
    path.write_text(_DEFINITION.format(version=version, amount=amount))
    before = Snapshot.of(data_dir)
    result = run_cli(capsys, data_dir, "questionnaire", "add", str(path))
    result.assert_refused()
    assert message in result.err
    before.assert_unchanged(data_dir)


@pytest.mark.parametrize("text", [
    "a = " + "[" * 5000 + "]" * 5000,
    "a = " + "{b = " * 3000 + "1" + "}" * 3000,
    'id = "x"\ntitle = "t"\n' + "".join(
        f"[[{'.'.join(['sections'] * (i + 1))}]]\nid = \"s{i}\"\n" for i in range(120)),
])
def test_a_deep_definition_is_one_line(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                       tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.toml"
    path.write_text(text)
    result = run_cli(capsys, data_dir, "questionnaire", "add", str(path))
    result.assert_refused()
    assert "nested" in result.err


def test_a_deep_json_definition_is_one_line(capsys: pytest.CaptureFixture[str],
                                            data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"id": "x", "title": "t", "sections": ' + "[" * 50_000 + "]" * 50_000
                    + "}")
    result = run_cli(capsys, data_dir, "questionnaire", "add", str(path))
    result.assert_refused()
    assert "nested too deeply" in result.err


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(), children,
                                                                       max_size=4),
    max_leaves=12)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(answers=st.dictionaries(st.sampled_from(["q1", "q2", "q3", "x", ""]), _json_values,
                               max_size=3),
       respondent=st.one_of(st.none(), st.dictionaries(
           st.sampled_from(["state", "institution", "x"]), _json_values, max_size=2)))
def test_any_json_answers_are_saved_or_refused_in_one_line(
        capsys: pytest.CaptureFixture[str], data_dir: Path, rid: str, tmp_path: Path,
        answers: dict[str, object], respondent: dict[str, object] | None) -> None:
    path = tmp_path / "gen.json"
    body: dict[str, object] = {"answers": answers}
    if respondent is not None:
        body["respondent"] = respondent
    path.write_text(json.dumps(body))
    before = Snapshot.of(data_dir)
    result = run_cli(capsys, data_dir, "set", rid, "--answers", str(path))
    result.assert_no_traceback()
    assert result.code in (0, 2), result.err
    if result.code == 2:
        result.assert_refused()
        before.assert_unchanged(data_dir)


def test_a_definition_older_than_the_installed_one_gets_a_word(
        capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    for version in (3, 2):
        path = tmp_path / f"v{version}.toml"
        path.write_text(_DEFINITION.format(version=version, amount=5))
        result = run_cli(capsys, data_dir, "questionnaire", "add", str(path))
        assert result.code == 0, result.err
    assert result.err.count("\n") == 1
    assert "older than the installed version 3" in result.err
    assert "new responses keep using version 3" in result.err
