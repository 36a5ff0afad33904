"""LibreOffice opens an export with cross-references and renders their text."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from test_export_cross_references import ANSWERS, QUESTIONNAIRE, export
from test_export_libreoffice import _convert, _pdf_text

from consultdesk.services.catalog import load_bundled

pytestmark = pytest.mark.slow


def test_libreoffice_renders_the_referenced_numbers(tmp_path: Path) -> None:
    ohchr = load_bundled()["ohchr-civic-space-2021"]
    simple = export(tmp_path, ohchr, {"q1": "See the answer for [question 2](#ref:q2).",
                                      "q2": "Civil society was consulted online."},
                    name="ohchr.docx")
    full = export(tmp_path, QUESTIONNAIRE, ANSWERS, name="refs.docx")
    # A Spanish questionnaire: "pregunta " before the field, the number as its result.
    spanish = export(tmp_path, QUESTIONNAIRE.model_copy(update={"language": "es"}),
                     {"intro": "Véase la respuesta a la [question 9](#ref:q2).",
                      "q2": "Se consultó a la sociedad civil."}, name="es.docx")
    result = _convert([simple, full, spanish], tmp_path, tmp_path / "lo-profile")
    assert result.returncode == 0, result.stderr
    text = " ".join(_pdf_text(tmp_path / "ohchr.pdf").split())
    assert "See the answer for question 2." in text
    text = " ".join(_pdf_text(tmp_path / "refs.pdf").split())
    for snippet in ["See the answer for question 2.",
                    "As set out in the answer to question 12(b), see also question 4.",
                    "and question 5 in a list item", "Five, see question 8.",
                    "A measure; see question 2.",
                    "Back to question 1; “Any further remarks?”; question 7; question 99."]:
        assert snippet in text, snippet
    assert "Error" not in text  # no "Error! Reference source not found."
    text = " ".join(_pdf_text(tmp_path / "es.pdf").split())
    assert "Véase la respuesta a la pregunta 2." in text
    assert "Error" not in text


def test_libreoffice_reads_a_real_cross_reference(tmp_path: Path) -> None:
    """Converted to its own format, each REF is a bookmark reference to the number's
    bookmark (not dead text), showing the number it cached."""
    ohchr = load_bundled()["ohchr-civic-space-2021"]
    path = export(tmp_path, ohchr, {"q1": "See the answer for [question 2](#ref:q2).",
                                    "q3": "As in [question 1](#ref:q1)."}, name="ohchr.docx")
    made = subprocess.run(
        [shutil.which("soffice") or "soffice",
         f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "odt", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=240)
    assert made.returncode == 0, made.stderr
    content = zipfile.ZipFile(tmp_path / "ohchr.odt").read("content.xml").decode("utf-8")
    refs = re.findall(r'<text:bookmark-ref [^>]*text:ref-name="([^"]+)"[^>]*>([^<]*)<', content)
    assert refs == [("_cd_num_q2", "2"), ("_cd_num_q1", "1")]
    # The bookmark holds just the number (other bookmarks may start at the same place).
    assert re.search(r'<text:bookmark-start text:name="_cd_num_q2"/>'
                     r'(?:<text:bookmark-start [^>]*/>)*2<text:bookmark-end '
                     r'text:name="_cd_num_q2"/>', content)
