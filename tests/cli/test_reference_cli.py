"""References on the command line: ``show`` reads current labels, ``check`` reports bad ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consultdesk.cli.main import main

OHCHR = "ohchr-civic-space-2021"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run the CLI on a data dir; (exit code, stdout, stderr)."""
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _new(capsys: pytest.CaptureFixture[str], tmp_path: Path, answers: dict[str, str]) -> str:
    file = tmp_path / "answers.json"
    file.write_text(json.dumps({"respondent": {"state": "Japan", "institution": "MOFA"},
                                "answers": answers}), encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "data", "new", OHCHR, "--answers", str(file))
    assert code == 0, err
    return out.strip()


def test_show_renders_the_current_label(capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    # Saved with a stale label: ConsultDesk shows what question 2 is called now.
    rid = _new(capsys, tmp_path, {"q1": "See the answer for [Q. two](#ref:q2).",
                                  "q2": "The answer."})
    code, out, _ = run(capsys, tmp_path / "data", "show", rid)
    assert code == 0
    assert "See the answer for [question 2](#ref:q2)." in out.splitlines()
    assert "Q. two" not in out
    code, out, _ = run(capsys, tmp_path / "data", "show", rid, "--json")
    data = json.loads(out)
    assert data["answers"]["q1"] == "See the answer for [question 2](#ref:q2)."
    assert data["references"] == [{"question": "q1", "target": "q2", "label": "question 2",
                                   "target_exists": True}]
    # show --json can be fed back to new (its references key is accepted and ignored).
    again = tmp_path / "again.json"
    again.write_text(out, encoding="utf-8")
    code, _, err = run(capsys, tmp_path / "data", "new", OHCHR, "--answers", str(again))
    assert code == 0, err


def test_check_reports_a_missing_and_an_unanswered_target(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rid = _new(capsys, tmp_path, {"q1": "See [question 3](#ref:q3) and [question 9](#ref:q9)."})
    code, out, _ = run(capsys, tmp_path / "data", "check", rid)
    assert code == 1
    assert "Question 1 refers to question 3, which is not answered" in out
    assert ("Question 1 refers to a question this questionnaire does not have "
            "(“question 9”, id q9)") in out
    code, out, _ = run(capsys, tmp_path / "data", "check", rid, "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert [(r["question"], r["kind"], r["target"]) for r in data["references"]] == [
        ("q1", "reference_unanswered", "q3"), ("q1", "reference_missing", "q9")]


def test_check_is_clean_when_every_target_is_answered(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rid = _new(capsys, tmp_path, {"q1": "See [question 2](#ref:q2).", "q2": "Yes."})
    code, out, _ = run(capsys, tmp_path / "data", "check", rid, "--json")
    assert code == 0 and "references" not in json.loads(out)


@pytest.mark.parametrize(("language", "label"), [("es", "pregunta 2"), ("ja", "問2")])
def test_show_labels_in_the_questionnaires_language(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, language: str, label: str) -> None:
    toml = tmp_path / "q.toml"
    toml.write_text(f'id = "local"\ntitle = "T"\nlanguage = "{language}"\n'
                    '[[sections]]\nid = "s"\ntitle = "S"\n'
                    '[[sections.questions]]\nid = "q1"\nnumber = "1"\ntext = "Uno"\n'
                    '[[sections.questions]]\nid = "q2"\nnumber = "2"\ntext = "Dos"\n',
                    encoding="utf-8")
    data = tmp_path / "data"
    assert run(capsys, data, "questionnaire", "add", str(toml))[0] == 0
    file = tmp_path / "answers.json"
    file.write_text(json.dumps({"answers": {"q1": "Véase [question 2](#ref:q2).",
                                            "q2": "Sí."}}), encoding="utf-8")
    code, out, err = run(capsys, data, "new", "local", "--answers", str(file))
    assert code == 0, err
    code, out, _ = run(capsys, data, "show", out.strip(), "--json")
    shown = json.loads(out)
    assert shown["answers"]["q1"] == f"Véase [{label}](#ref:q2)."
    assert shown["references"][0]["label"] == label
