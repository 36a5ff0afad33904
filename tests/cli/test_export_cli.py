"""``consultdesk check`` and ``consultdesk export`` on a real data dir."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from consultdesk.cli.main import main
from consultdesk.domain.counting import measure
from consultdesk.formats.docx_export.readback import read_answers
from consultdesk.services.catalog import load_bundled

OHCHR = "ohchr-civic-space-2021"
SR = "sr-expression-call-2026"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run the CLI on a data dir; (exit code, stdout, stderr)."""
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def new_response(capsys: pytest.CaptureFixture[str], tmp_path: Path, qid: str,
                 content: dict[str, object]) -> str:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(content), encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "data", "new", qid, "--title", "Survey response 1",
                         "--answers", str(answers))
    assert code == 0, err
    return out.strip()


@pytest.fixture
def within(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    return new_response(capsys, tmp_path, OHCHR, {
        "respondent": {"state": "Japan", "institution": "MOFA"},
        "answers": {"q1": "See the answer for **Q2**", "q2": "x" * 4600}})


@pytest.fixture
def over(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    return new_response(capsys, tmp_path, OHCHR, {
        "respondent": {"state": "Japan", "institution": "MOFA"},
        "answers": {"q1": "fine", "q3": "y" * 5001, "q5": "z" * 7000}})


def test_check_json_lists_every_question_and_exits_0(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, within: str) -> None:
    code, out, err = run(capsys, tmp_path / "data", "check", within, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert data == {"response": within, "ok": True, "questions": [
        {"id": "q1", "number": "1", "count": 21, "limit": 5000, "status": "within"},
        {"id": "q2", "number": "2", "count": 4600, "limit": 5000, "status": "near"},
        *({"id": f"q{n}", "number": str(n), "count": 0, "limit": 5000, "status": "empty"}
          for n in range(3, 7))]}
    assert data["questions"][0]["count"] == measure(
        "See the answer for **Q2**", load_bundled()[OHCHR].question("q1").limit).value


def test_check_exits_1_when_over(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                 over: str) -> None:
    code, out, _ = run(capsys, tmp_path / "data", "check", over, "--json")
    data = json.loads(out)
    assert code == 1 and data["ok"] is False
    assert [(q["id"], q["status"]) for q in data["questions"] if q["status"] == "over"] == [
        ("q3", "over"), ("q5", "over")]
    code, out, _ = run(capsys, tmp_path / "data", "check", over)
    assert code == 1
    assert [line.split() for line in out.splitlines()][3] == [
        "3", "5,001", "5,000", "characters", "with", "spaces", "over"]


def test_check_reports_shared_budgets(capsys: pytest.CaptureFixture[str],
                                      tmp_path: Path) -> None:
    words = " ".join(["word"] * 900)
    rid = new_response(capsys, tmp_path, SR, {"answers": {
        "challenges": words, "good_practice": words,
        "measures": [{"description": "A hotline.", "lead": "MoJ"}]}})
    code, out, _ = run(capsys, tmp_path / "data", "check", rid, "--json")
    data = json.loads(out)
    assert code == 0
    assert data["budgets"] == [{"id": "part-2-total", "label": "Part II in total",
                                "count": 1800, "limit": 2500, "status": "within"}]
    assert {"id": "measures[0].description", "number": "3 (Measure 1)", "count": 2,
            "limit": 200, "status": "within"} in data["questions"]


def test_export_over_limit_exits_1_and_writes_nothing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, over: str) -> None:
    out_file = tmp_path / "out.docx"
    code, out, err = run(capsys, tmp_path / "data", "export", over, "-o", str(out_file))
    assert code == 1 and out == ""
    lines = err.splitlines()
    assert lines[0] == "over the limit: Question 3: 5,001 / 5,000 characters with spaces (1 over)"
    assert lines[1].startswith("over the limit: Question 5: 7,000 / 5,000")
    assert "--allow-over-limit" in lines[-1]
    assert not out_file.exists() and sorted(p.name for p in tmp_path.iterdir()) == [
        "answers.json", "data"]


def test_export_allowed_over_limit_writes_with_warnings(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, over: str) -> None:
    out_file = tmp_path / "out.docx"
    code, out, err = run(capsys, tmp_path / "data", "export", over, "-o", str(out_file),
                         "--allow-over-limit")
    assert code == 0 and out == f"exported {out_file}\n"
    assert err.count("warning: exported although over the limit") == 2
    assert read_answers(out_file)[2][0].text == "y" * 5001


def test_export_writes_the_response_with_options(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, within: str) -> None:
    data = tmp_path / "data"
    out_file = tmp_path / "response.docx"
    code, _, err = run(capsys, data, "export", within, "-o", str(out_file), "--annex",
                       "--unanswered", "omit")
    assert code == 0 and err == ""
    document = docx.Document(str(out_file))
    texts = [p.text for p in document.paragraphs]
    assert texts[:2] == ["Online consultation with Member States", "Survey response 1"]
    assert "No response" not in texts and not any(t.startswith("3.\t") for t in texts)
    assert "Annex: length of each answer" in texts
    assert document.core_properties.author == "MOFA"
    # What the file holds counts exactly as `check` says.
    code, out, _ = run(capsys, data, "check", within, "--json")
    counts = [q["count"] for q in json.loads(out)["questions"]]
    back = read_answers(out_file)
    assert [len(back[0][0].text), len(back[1][0].text)] == counts[:2]
    code, _, _ = run(capsys, data, "export", within, "-o", str(out_file))
    assert "No response" in [p.text for p in docx.Document(str(out_file)).paragraphs]


def test_export_blank_by_response_or_questionnaire_id(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, over: str) -> None:
    data = tmp_path / "data"
    for source in (over, OHCHR):
        out_file = tmp_path / f"blank-{source}.docx"
        code, _, err = run(capsys, data, "export", source, "--blank", "-o", str(out_file))
        assert code == 0, err  # answers over the limit do not matter for a blank form
        assert read_answers(out_file) == {}
        texts = [p.text for p in docx.Document(str(out_file)).paragraphs]
        assert "Online consultation with Member States" in texts
        assert "y" * 5001 not in texts
    code, _, err = run(capsys, data, "export", "nothing-here", "--blank", "-o",
                       str(tmp_path / "x.docx"))
    assert code == 2 and "no response or questionnaire with id 'nothing-here'" in err


def test_export_with_template_and_bad_template(capsys: pytest.CaptureFixture[str],
                                               tmp_path: Path, within: str) -> None:
    data = tmp_path / "data"
    template = tmp_path / "letterhead.docx"
    letterhead = docx.Document()
    letterhead.sections[0].header.paragraphs[0].text = "MINISTRY LETTERHEAD"
    letterhead.save(str(template))
    out_file = tmp_path / "out.docx"
    code, _, err = run(capsys, data, "export", within, "-o", str(out_file), "--template",
                       str(template))
    assert code == 0, err
    assert docx.Document(str(out_file)).sections[0].header.paragraphs[0].text == \
        "MINISTRY LETTERHEAD"
    bad = tmp_path / "bad.docx"
    bad.write_text("not a document")
    code, _, err = run(capsys, data, "export", within, "-o", str(tmp_path / "o2.docx"),
                       "--template", str(bad))
    assert code == 2 and err.startswith("consultdesk: The Word template bad.docx is not a Word")
    assert len(err.splitlines()) == 1 and not (tmp_path / "o2.docx").exists()


def test_export_to_a_locked_file_keeps_the_previous_one(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, within: str) -> None:
    out_file = tmp_path / "out.docx"
    out_file.write_bytes(b"previous")
    (tmp_path / ".~lock.out.docx#").write_text("x")
    code, _, err = run(capsys, tmp_path / "data", "export", within, "-o", str(out_file))
    assert code == 2 and "open in a word processor" in err
    assert out_file.read_bytes() == b"previous"


def test_unknown_response_is_a_one_line_error(capsys: pytest.CaptureFixture[str],
                                              tmp_path: Path) -> None:
    code, _, err = run(capsys, tmp_path / "data", "check", "nope")
    assert code == 2 and len(err.splitlines()) == 1


def test_console_script_exports(tmp_path: Path, within: str) -> None:
    exe = shutil.which("consultdesk", path=str(Path(sys.executable).parent))
    assert exe, "the consultdesk console script is installed with the package"
    out_file = tmp_path / "script.docx"
    result = subprocess.run([exe, "--data-dir", str(tmp_path / "data"), "export", within,
                             "-o", str(out_file)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert read_answers(out_file)[0][0].text == "See the answer for Q2"


def test_export_choices_and_blocks_options(capsys: pytest.CaptureFixture[str],
                                           tmp_path: Path) -> None:
    rid = new_response(capsys, tmp_path, SR, {"answers": {
        "authority": "yes", "measures": [{"description": "A hotline.", "lead": "MoJ"}]}})
    out_file = tmp_path / "o.docx"
    code, _, err = run(capsys, tmp_path / "data", "export", rid, "-o", str(out_file),
                       "--choices", "all", "--blocks", "table")
    assert code == 0, err
    document = docx.Document(str(out_file))
    texts = [p.text for p in document.paragraphs]
    assert "☒\tYes" in texts and "☐\tNo" in texts
    assert [c.text for c in document.tables[0].rows[1].cells] == ["A hotline.", "", "MoJ"]
