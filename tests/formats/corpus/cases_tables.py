"""Corpus documents laid out in tables and forms: answer cells, check boxes, drop-downs."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from .base import C, Case, Q, W, bold, title
from .wordml import (
    add_checkbox_control,
    add_dropdown_control,
    add_form_checkbox,
    add_placeholder_control,
    add_wingdings_box,
)


# -- 4. a table: number | question | empty answer cell ---------------------------------------
def _table_beside(path: Path) -> None:
    doc = Document()
    title(doc, "Questionnaire on access to justice")
    doc.add_paragraph("Please fill in the table below.")
    rows = [
        ("1.", "What legal aid is available to persons with low income? Up to 3500 "
               "characters"),
        ("2.", "Please describe measures to reduce court delays. Please limit your response "
               "to 1,000 characters (including spaces)."),
        ("3.", "What data do you collect on access to justice?"),
    ]
    table = doc.add_table(rows=1 + len(rows), cols=3)
    table.style = "Table Grid"
    for c, head in enumerate(("No.", "Question", "Response")):
        table.cell(0, c).text = head
    for r, (num, question) in enumerate(rows, start=1):
        table.cell(r, 0).text = num
        table.cell(r, 1).text = question
    add_placeholder_control(table.cell(3, 2))
    doc.save(path)


TABLE_BESIDE = Case(
    "table-beside", _table_beside, "Questionnaire on access to justice",
    [
        Q("1", "What legal aid is available to persons with low income?", (3500, C, False)),
        Q("2", "Please describe measures to reduce court delays.", (1000, C, False)),
        Q("3", "What data do you collect on access to justice?"),
    ],
)


# -- 5. tables: question cell above an empty answer cell; respondent table -------------------
def _table_above(path: Path) -> None:
    doc = Document()
    title(doc, "Consultation on the rights of older persons")
    info = doc.add_table(rows=3, cols=2)
    info.style = "Table Grid"
    for r, label in enumerate(("Country", "Name of the focal point", "Telephone")):
        info.cell(r, 0).text = label
    doc.add_paragraph("Responses should not exceed 2,000 words in total.")
    questions = doc.add_table(rows=6, cols=1)
    questions.style = "Table Grid"
    texts = [
        "Which laws prohibit age discrimination in employment?",
        "How is long-term care financed? (approximately 800 words)",
        "Describe the participation of older persons in policy making",
    ]
    for i, text in enumerate(texts):
        questions.cell(2 * i, 0).text = text
    doc.save(path)


TABLE_ABOVE = Case(
    "table-above", _table_above, "Consultation on the rights of older persons",
    [
        Q("", "Which laws prohibit age discrimination in employment?"),
        Q("", "How is long-term care financed?", (800, W, True)),
        Q("", "Describe the participation of older persons in policy making"),
    ],
    ["Country", "Name of the focal point", "Telephone"],
)


# -- 9. multiple choice with content controls, form fields and Wingdings boxes ---------------
def _checkboxes(path: Path) -> None:
    doc = Document()
    title(doc, "Survey on digital public services")
    doc.add_paragraph("Name of the Ministry:")
    doc.add_paragraph("1. Which channels does your administration use? "
                      "(Select all that apply)")
    p = doc.add_paragraph()
    for label in ("Web portal", "Mobile application", "Call centre"):
        add_checkbox_control(p, label)
    doc.add_paragraph("Other, please specify:")
    p = doc.add_paragraph("2. Is the portal available in minority languages? ")
    add_form_checkbox(p, "Yes")
    add_form_checkbox(p, "No")
    p = doc.add_paragraph("3. Is digital identity mandatory? ")
    add_wingdings_box(p, "Yes")
    add_wingdings_box(p, "No")
    doc.add_paragraph("4. Describe the main obstacles to uptake (max 250 words).")
    doc.save(path)


CHECKBOXES = Case(
    "checkboxes", _checkboxes, "Survey on digital public services",
    [
        Q("1", "Which channels does your administration use? (Select all that apply)", None,
          "multiple_choice", ("Web portal", "Mobile application", "Call centre")),
        Q("", "Other, please specify", None),
        Q("2", "Is the portal available in minority languages?", None, "yes_no"),
        Q("3", "Is digital identity mandatory?", None, "yes_no"),
        Q("4", "Describe the main obstacles to uptake.", (250, W, False)),
    ],
    ["Name of the Ministry"],
)


# -- 11. a note-verbale questionnaire: letterhead, details table, "Question 1:", roman parts ---
def _note_verbale(path: Path) -> None:
    doc = Document()
    doc.add_paragraph("UNITED NATIONS HUMAN RIGHTS")
    doc.add_paragraph("Office of the High Commissioner for Human Rights")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Questionnaire: human rights and climate-induced displacement").bold = True
    doc.add_paragraph("Deadline for submissions: 30 April 2026")
    bold(doc, "Background")
    doc.add_paragraph("The Special Rapporteur will present a report to the Human Rights Council.")
    doc.add_paragraph("Please limit your responses to 1,000 words per question and send them "
                      "to the address below.")
    bold(doc, "Respondent information")
    info = doc.add_table(rows=3, cols=2)
    for r, label in enumerate(("Name of the State", "Ministry/Department", "Contact e-mail")):
        info.cell(r, 0).text = label
    bold(doc, "I. NATIONAL FRAMEWORK")
    doc.add_paragraph("Question 1: Does national legislation recognise climate-induced "
                      "displacement? ☐ Yes ☐ No")
    doc.add_paragraph("If yes, please provide the relevant references.")
    doc.add_paragraph("Question 2: What data is collected on people displaced by disasters?")
    doc.add_paragraph("(a) By whom is it collected?")
    doc.add_paragraph("(b) Is it disaggregated by sex and age?")
    bold(doc, "II. PROTECTION IN PRACTICE")
    doc.add_paragraph("Question 3: Describe planned relocation processes, including the "
                      "consultation of affected communities (max. 750 words).")
    doc.add_paragraph("Question 4: Please share good practices in finding durable solutions.")
    doc.add_paragraph("Thank you for your contribution.")
    doc.save(path)


NOTE_VERBALE = Case(
    "note-verbale", _note_verbale,
    "Questionnaire: human rights and climate-induced displacement",
    [
        Q("1", "Does national legislation recognise climate-induced displacement?", None,
          "yes_no"),
        Q("", "If yes, please provide the relevant references.", (1000, W, False)),
        Q("2", "What data is collected on people displaced by disasters?", (1000, W, False)),
        Q("2(a)", "By whom is it collected?", (1000, W, False)),
        Q("2(b)", "Is it disaggregated by sex and age?", (1000, W, False)),
        Q("3", "Describe planned relocation processes, including the consultation of affected "
          "communities.", (750, W, False)),
        Q("4", "Please share good practices in finding durable solutions.", (1000, W, False)),
    ],
    ["Name of the State", "Ministry/Department", "Contact e-mail"],
)


# -- 12. table cells holding a question, its guidance and its limit; a line break inside ------
def _table_guidance(path: Path) -> None:
    doc = Document()
    title(doc, "Questionnaire on trafficking in persons")
    table = doc.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    cell = table.cell(0, 0)
    cell.text = "1. Describe the national referral mechanism."
    cell.add_paragraph("Please include information on its funding.")
    cell.add_paragraph("(max. 300 words)")
    second = table.cell(1, 0).paragraphs[0]
    second.add_run("2. How are victims")
    second.add_run().add_break()
    second.add_run("identified?")
    doc.save(path)


TABLE_GUIDANCE = Case(
    "table-guidance", _table_guidance, "Questionnaire on trafficking in persons",
    [
        Q("1", "Describe the national referral mechanism.", (300, W, False)),
        Q("2", "How are victims identified?"),
    ],
)


# -- 13. "Question 1" on its own line, a drop-down list, boxes after labels, late details ----
def _forms(path: Path) -> None:
    doc = Document()
    title(doc, "Survey on national action plans")
    bold(doc, "Question 1")
    doc.add_paragraph("What is the status of the national action plan?")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "2. Which ministry leads its implementation?"
    add_dropdown_control(table.cell(0, 1).paragraphs[0],
                         ["Ministry of Justice", "Ministry of the Interior", "Other"])
    doc.add_paragraph("3. Is the plan published? Yes ☐ No ☐")
    doc.add_heading("4. How is civil society involved? (max. 200 words)", level=2)
    doc.add_paragraph("E-mail:")
    doc.add_paragraph("Signature: ________")
    doc.save(path)


FORMS = Case(
    "forms", _forms, "Survey on national action plans",
    [
        Q("1", "What is the status of the national action plan?"),
        Q("2", "Which ministry leads its implementation?", None, "single_choice",
          ("Ministry of Justice", "Ministry of the Interior", "Other")),
        Q("3", "Is the plan published?", None, "yes_no"),
        Q("4", "How is civil society involved?", (200, W, False)),
    ],
    ["E-mail", "Signature"],
)


# -- 14. a table of yes/no questions: question | ☐ Yes | ☐ No, and a comments row ------------
def _table_checkboxes(path: Path) -> None:
    doc = Document()
    title(doc, "Survey on the ratification of treaties")
    table = doc.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for c, head in enumerate(("Question", "Yes", "No")):
        table.cell(0, c).text = head
    for r, question in enumerate(("1. Has your State ratified the Convention?",
                                  "2. Has it accepted the individual complaints procedure?"),
                                 start=1):
        table.cell(r, 0).text = question
        add_checkbox_control(table.cell(r, 1).paragraphs[0], "Yes")
        add_checkbox_control(table.cell(r, 2).paragraphs[0], "No")
    table.cell(3, 0).text = "3. Which reservations were made? (up to 1,000 characters)"
    doc.save(path)


TABLE_CHECKBOXES = Case(
    "table-checkboxes", _table_checkboxes, "Survey on the ratification of treaties",
    [
        Q("1", "Has your State ratified the Convention?", None, "yes_no"),
        Q("2", "Has it accepted the individual complaints procedure?", None, "yes_no"),
        Q("3", "Which reservations were made?", (1000, C, False)),
    ],
)


# -- 21. a "Q1" column beside the question, an "Answer" row under it --------------------------
def _answer_rows(path: Path) -> None:
    doc = Document()
    title(doc, "Survey on public procurement")
    table = doc.add_table(rows=4, cols=2)
    table.style = "Table Grid"
    table.cell(0, 0).text = "Q1"
    table.cell(0, 1).text = "How are tenders published? (max. 200 words)"
    table.cell(1, 0).text = "Answer"
    table.cell(2, 0).text = "Q2"
    table.cell(2, 1).text = "Which body reviews complaints?"
    table.cell(3, 0).text = "Answer"
    doc.save(path)


ANSWER_ROWS = Case(
    "answer-rows", _answer_rows, "Survey on public procurement",
    [
        Q("1", "How are tenders published?", (200, W, False)),
        Q("2", "Which body reviews complaints?"),
    ],
)


CASES = [
    TABLE_BESIDE,
    TABLE_ABOVE,
    CHECKBOXES,
    NOTE_VERBALE,
    TABLE_GUIDANCE,
    FORMS,
    TABLE_CHECKBOXES,
    ANSWER_ROWS,
]
