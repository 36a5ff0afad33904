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


def build_eu_consultation_docx(path: Path) -> None:
    """The bundled EU consultation as a Word questionnaire: choices, follow-ups, bounds."""
    doc = Document()
    doc.add_paragraph("Public consultation on the European Declaration on Digital Rights: "
                      "implementation review", style="Title")
    doc.add_paragraph("Answers are entered in the online questionnaire.")
    doc.add_heading("About you", level=1)
    doc.add_paragraph("Organisation name:")
    doc.add_paragraph("I am giving my contribution as: ☐ Public authority ☐ Non-governmental "
                      "organisation (NGO) ☐ Academic/research institution")
    doc.add_paragraph("E-mail:")
    doc.add_heading("General questions", level=1)
    doc.add_paragraph("1. At which level of government does your authority operate?")
    doc.add_paragraph("☐ National ☐ Regional ☐ Local")
    doc.add_paragraph("2. Which principles of the Declaration are priorities for your "
                      "authority? (choose between 1 and 3)")
    for option in ("Putting people at the centre of the digital transformation",
                   "Solidarity and inclusion", "Freedom of choice",
                   "Participation in the digital public space",
                   "Safety, security and empowerment", "Sustainability"):
        doc.add_paragraph(f"☐ {option}")
    doc.add_paragraph("3. Has your authority adopted a strategy implementing the Declaration? "
                      "☐ Yes ☐ No")
    doc.add_paragraph("3.1 If yes, please describe the strategy and how civil society took "
                      "part in it. (1500 character(s) maximum)")
    doc.add_paragraph("3.2 If not, what has prevented its adoption? (Maximum 1000 characters, "
                      "spaces not counted)")
    doc.add_heading("Final remarks", level=1)
    doc.add_paragraph("4. Title of your contribution (150 character(s) maximum)")
    doc.add_paragraph("5. Do you have any other comments? (5000 character(s) maximum)")
    doc.save(path)
