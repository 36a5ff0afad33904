"""Exported documents open in a real word processor: LibreOffice converts them to PDF."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_export import (
    BlockDisplay,
    ChoiceDisplay,
    ExportOptions,
    export_response,
)

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "reference"


def load_reference(name: str) -> dict[str, Any]:
    """A case from tests/reference: input response, options and expected meaning."""
    return json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))


pytestmark = pytest.mark.slow


def _convert(docs: list[Path], out_dir: Path, profile: Path) -> subprocess.CompletedProcess[str]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: .ci/run installs libreoffice-writer-nogui"
    # A private profile, so a running LibreOffice (or a parallel test) cannot interfere.
    return subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, docs)],
        capture_output=True, text=True, timeout=240)


def _pdf_text(pdf: Path, *, layout: bool = False) -> str:
    """The PDF's text: in reading order by default (a table cell's words stay together
    whatever the fonts wrap), or as laid out on the page."""
    tool = shutil.which("pdftotext")
    assert tool, "pdftotext (poppler-utils) is needed"
    return subprocess.run([tool, *(["-layout"] if layout else []), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_exports_convert_to_pdf_with_their_text(questionnaires: dict[str, Questionnaire],
                                                tmp_path: Path) -> None:
    docs: dict[str, tuple[Path, list[str]]] = {}
    ref = load_reference("ohchr_response.json")
    q = questionnaires[ref["questionnaire"]]
    path = tmp_path / "ohchr.docx"
    export_response(q, ref["title"], ref["respondent"], ref["answers"], path,
                    ExportOptions(annex=True))
    docs["ohchr"] = (path, ["Survey response 1", "Information details",
                            "Implementing awareness-raising activities", "better reflect",
                            "Annex: length of each answer"])
    sr = load_reference("sr_response_table.json")
    path = tmp_path / "sr.docx"
    export_response(questionnaires[sr["questionnaire"]], sr["title"], sr["respondent"],
                    sr["answers"], path, ExportOptions(choices=ChoiceDisplay.ALL,
                                                       blocks=BlockDisplay.TABLE, annex=True))
    docs["sr"] = (path, ["Part II. Practice", "Description of the measure", "Ministry of Justice"])
    ja = q.model_copy(update={"language": "ja"})
    path = tmp_path / "ja.docx"
    export_response(ja, "日本の回答", {"state": "日本", "institution": "外務省"},
                    {"q1": "市民社会の参加を**促進**しました。\n\n- オンライン会議\n- 意見募集"},
                    path)
    docs["ja"] = (path, ["日本の回答", "外務省", "オンライン会議"])
    path = tmp_path / "blank.docx"
    export_response(questionnaires["eu-digital-rights-2026"], "", {}, {}, path,
                    ExportOptions(blank=True))
    docs["blank"] = (path, ["Public consultation on the European Declaration",
                            "Solidarity and inclusion"])
    result = _convert([p for p, _ in docs.values()], tmp_path, tmp_path / "lo-profile")
    assert result.returncode == 0, result.stderr
    for name, (_, expected) in docs.items():
        pdf = tmp_path / f"{name}.pdf"
        assert pdf.exists() and pdf.stat().st_size > 1000, (name, result.stdout, result.stderr)
        text = " ".join(_pdf_text(pdf).split())
        for snippet in expected:
            assert snippet in text, (name, snippet)


def test_template_made_by_libreoffice_works(questionnaires: dict[str, Questionnaire],
                                            tmp_path: Path) -> None:
    """A letterhead saved by LibreOffice (its own style ids, no numbering part) is usable."""
    letter = tmp_path / "letterhead.txt"
    letter.write_text("Ministry letterhead\n", encoding="utf-8")
    made = subprocess.run(
        [shutil.which("soffice") or "soffice",
         f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path), str(letter)],
        capture_output=True, text=True, timeout=240)
    assert made.returncode == 0 and (tmp_path / "letterhead.docx").exists(), made.stderr
    out = tmp_path / "response.docx"
    export_response(questionnaires["ohchr-civic-space-2021"], "Survey response 1",
                    {"state": "Japan"}, {"q1": "1. first\n2. second\n   - nested"}, out,
                    ExportOptions(template=tmp_path / "letterhead.docx", annex=True))
    result = _convert([out], tmp_path, tmp_path / "lo-profile")
    assert result.returncode == 0, result.stderr
    text = _pdf_text(tmp_path / "response.pdf", layout=True)
    assert "Ministry letterhead" not in text  # the template's body is not carried over
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert "1. first" in lines and "2. second" in lines  # real numbering, rendered
