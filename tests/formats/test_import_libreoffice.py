"""A questionnaire written by another word processor (LibreOffice) imports the same way.

LibreOffice writes its own numbering.xml (one list per outline, its own level
texts) and table markup; the importer must not depend on how python-docx or Word
happen to write them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from consultdesk.formats.docx_import import import_docx

HTML = """<html><body>
<h1>Questionnaire on the right to adequate housing</h1>
<p>Please limit each answer to 700 words.</p>
<h2>Respondent</h2>
<p>Name of the State:</p>
<p>E-mail:</p>
<h2>Questions</h2>
<ol>
<li>What is the legal status of the right to housing?
  <ol type="a"><li>Is it justiciable?</li><li>Which courts hear claims? (max. 300 words)</li></ol>
</li>
<li>How many people are homeless? (Maximum limit: approximately 2,000 characters with
spaces)</li>
</ol>
<table border="1"><tr><td>3. Describe eviction safeguards.</td><td></td></tr>
<tr><td>4. Are there social housing quotas? &#9744; Yes &#9744; No</td><td></td></tr></table>
</body></html>"""


@pytest.mark.slow
def test_a_libreoffice_docx_imports(tmp_path: Path) -> None:
    source = tmp_path / "housing.html"
    source.write_text(HTML, encoding="utf-8")
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=180)
    q = import_docx(tmp_path / "housing.docx")
    assert q.title == "Questionnaire on the right to adequate housing"
    assert [f.label for f in q.respondent_fields] == ["Name of the State", "E-mail"]
    found = [(x.display_number, x.text, x.kind.value,
              (x.limit.amount, x.limit.unit.value, x.limit.approximate) if x.limit else None)
             for x in q.questions()]
    words_700 = (700, "words", False)
    assert found == [
        ("1", "What is the legal status of the right to housing?", "long_text", words_700),
        ("1(a)", "Is it justiciable?", "long_text", words_700),
        ("1(b)", "Which courts hear claims?", "long_text", (300, "words", False)),
        ("2", "How many people are homeless?", "long_text",
         (2000, "characters_with_spaces", True)),
        ("3", "Describe eviction safeguards.", "long_text", words_700),
        ("4", "Are there social housing quotas?", "yes_no", None),
    ]
