"""The OHCHR civic-space questionnaire rebuilt as the blank .docx the issuer sent.

Built from the real submitted response (``tests/data/ohchr-civic-space-response-
japan.txt``): its title, respondent details and the six questions with their
limit, without the answers, laid out as the OHCHR Word form was.
"""

from __future__ import annotations

import re
from pathlib import Path

from docx import Document

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "ohchr-civic-space-response-japan.txt"


def reference_questions() -> list[tuple[str, str]]:
    """(number, full question paragraph with its limit) as the response shows them."""
    text = REFERENCE.read_text(encoding="utf-8")
    found = re.findall(r"(?ms)^\s*(\d+)\.\s+(.+?\(Maximum limit:.+?\))", text)
    return [(num, " ".join(body.split())) for num, body in found]


def build_reference_docx(path: Path) -> None:
    """Write the blank questionnaire: title, intro, details to fill in, numbered questions."""
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    doc = Document()
    doc.add_paragraph(lines[0].strip(), style="Title")
    doc.add_paragraph(
        "OHCHR seeks input from Member States on innovative practices that facilitated civil "
        "society's participation during the COVID-19 pandemic.")
    doc.add_heading("Information details", level=1)
    doc.add_paragraph("Name of the State:")
    doc.add_paragraph("The institution responding to the survey:")
    doc.add_heading("Questions", level=1)
    for number, question in reference_questions():
        doc.add_paragraph(f"{number}. {question}")
        doc.add_paragraph("")
    doc.save(path)
