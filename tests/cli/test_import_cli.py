"""``consultdesk questionnaire import FILE.docx``, run in-process on a tmp data dir."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from docx import Document

from consultdesk.cli.main import main
from consultdesk.domain.definition_file import load_definition

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
from corpus.cases import TYPED_EN
from corpus.reference import build_reference_docx


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run the CLI on a data dir; (exit code, stdout, stderr)."""
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _installed_ids(capsys: pytest.CaptureFixture[str], data_dir: Path) -> set[str]:
    code, out, _ = run(capsys, data_dir, "questionnaires", "--json")
    assert code == 0
    return {q["id"] for q in json.loads(out)}


def test_import_installs_and_prints_show_json(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    docx = tmp_path / "ohchr.docx"
    build_reference_docx(docx)
    code, out, err = run(capsys, data, "questionnaire", "import", str(docx), "--id",
                         "ohchr-imported", "--json")
    assert (code, err) == (0, "")
    imported = json.loads(out)
    assert imported["id"] == "ohchr-imported"
    assert [q["number"] for q in imported["questions"]] == ["1", "2", "3", "4", "5", "6"]
    assert {q["limit"]["amount"] for q in imported["questions"]} == {5000}
    code, shown, _ = run(capsys, data, "questionnaire", "show", "ohchr-imported", "--json")
    assert code == 0 and json.loads(shown) == imported
    assert "ohchr-imported" in _installed_ids(capsys, data)


def test_summary_output_and_default_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docx = TYPED_EN.write(tmp_path)
    code, out, _ = run(capsys, tmp_path / "data", "questionnaire", "import", str(docx))
    assert code == 0
    assert out.splitlines()[0] == (
        "Installed: questionnaire-on-the-right-to-privacy-in-the-digital-age (version 1)")
    assert "5 questions, 4 with a limit, 3 respondent fields, language en" in out
    assert ("3 Has your State adopted a national strategy on artificial intelligence?  (yes_no)"
            in out)


def test_reimport_is_idempotent_and_a_changed_document_is_a_new_version(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    docx = tmp_path / "q.docx"
    doc = Document()
    doc.add_paragraph("Water survey", style="Title")
    doc.add_paragraph("1. How is water access guaranteed? (max. 500 words)")
    doc.save(docx)
    args = ("questionnaire", "import", str(docx), "--id", "water", "--json")
    assert json.loads(run(capsys, data, *args)[1])["questions"][0]["limit"]["amount"] == 500
    assert run(capsys, data, *args)[0] == 0
    doc.add_paragraph("2. Who regulates prices?")
    doc.save(docx)
    code, _, err = run(capsys, data, *args)
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, data, "questionnaire", "show", "water", "--toml")
    assert "version = 2" in out and "Who regulates prices?" in out


def test_dry_run_installs_nothing_and_saves_definition(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    docx = TYPED_EN.write(tmp_path)
    toml = tmp_path / "privacy.toml"
    code, out, _ = run(capsys, data, "questionnaire", "import", str(docx), "--dry-run",
                       "--save-definition", str(toml))
    assert code == 0 and out.startswith("Detected (not installed)")
    saved = load_definition(toml)
    assert [q.id for q in saved.questions()] == ["q1", "q2", "q3", "q3-comment", "q4"]
    assert saved.id not in _installed_ids(capsys, data)
    # The saved file installs with the ordinary `questionnaire add`.
    assert run(capsys, data, "questionnaire", "add", str(toml))[0] == 0
    assert saved.id in _installed_ids(capsys, data)


@pytest.mark.parametrize(("content", "message"), [
    (b"plain text", "notes.docx: not a Word document (.docx)"),
    (b"%PDF-1.4", "notes.docx: this is a PDF, not a Word document (.docx)"),
])
def test_bad_file_is_one_line_exit_2_and_installs_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str) -> None:
    data = tmp_path / "data"
    before = _installed_ids(capsys, data)
    bad = tmp_path / "notes.docx"
    bad.write_bytes(content)
    code, out, err = run(capsys, data, "questionnaire", "import", str(bad))
    assert (code, out) == (2, "")
    assert err == f"consultdesk: {message}\n"
    assert _installed_ids(capsys, data) == before


def test_bad_id_is_refused_before_reading(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, tmp_path / "data", "questionnaire", "import",
                       str(tmp_path / "missing.docx"), "--id", "no spaces")
    assert code == 2 and "--id 'no spaces'" in err
