"""Corpus documents told apart by their numbering: typed, Word lists, headings, none."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from .base import C, Case, Q, W, bold, title
from .wordml import add_list_definition, number_headings, numbered, restart_list


# -- 1. typed numbers, a limit once for all, respondent fields, yes/no with comment ------
def _typed_en(path: Path) -> None:
    doc = Document()
    title(doc, "Questionnaire on the right to privacy in the digital age")
    doc.add_paragraph(
        "The Special Rapporteur invites States to respond to the questions below. "
        "Please limit each answer to 500 words. Responses will be posted online.")
    doc.add_heading("Contact details", level=1)
    doc.add_paragraph("Name of the State:")
    doc.add_paragraph("Contact person: ____________________")
    doc.add_paragraph("E-mail:")
    doc.add_heading("Questions", level=1)
    doc.add_paragraph("1. What legal safeguards protect personal data held by public authorities?")
    doc.add_paragraph("Please include references to the relevant legislation.")
    doc.add_paragraph("2. Describe any oversight mechanism for surveillance measures. "
                      "(Maximum limit: approximately 5,000 characters with spaces)")
    doc.add_paragraph("3. Has your State adopted a national strategy on artificial intelligence? "
                      "☐ Yes ☐ No")
    doc.add_paragraph("Comments:")
    doc.add_paragraph("4. Which challenges remain?")
    doc.save(path)


TYPED_EN = Case(
    "typed-en", _typed_en, "Questionnaire on the right to privacy in the digital age",
    [
        Q("1", "What legal safeguards protect personal data held by public authorities?",
          (500, W, False)),
        Q("2", "Describe any oversight mechanism for surveillance measures.", (5000, C, True)),
        Q("3", "Has your State adopted a national strategy on artificial intelligence?",
          None, "yes_no"),
        Q("", "Comments", (500, W, False)),
        Q("4", "Which challenges remain?", (500, W, False)),
    ],
    ["Name of the State", "Contact person", "E-mail"],
)


# -- 2. Word's automatic numbering, nested (1. / (a) / (i)), limits on their own line ------
def _word_numbering(path: Path) -> None:
    doc = Document()
    title(doc, "Call for input: housing and climate change")
    num = add_list_definition(doc, [("decimal", "%1."), ("lowerLetter", "(%2)"),
                                    ("lowerRoman", "(%3)")])
    numbered(doc.add_paragraph("What measures has your Government taken to protect housing "
                               "from extreme weather events?"), num, 0)
    doc.add_paragraph("1500 character(s) maximum")
    numbered(doc.add_paragraph("With regard to relocation of communities:"), num, 0)
    numbered(doc.add_paragraph("How are affected communities consulted?"), num, 1)
    numbered(doc.add_paragraph("Which remedies are available? Maximum: 500 characters"), num, 1)
    numbered(doc.add_paragraph("Is compensation provided in cash? (max. 500 words)"), num, 2)
    numbered(doc.add_paragraph("Is compensation provided in kind?"), num, 2)
    numbered(doc.add_paragraph("Please share any good practices (no more than 300 words)."),
             num, 0)
    doc.save(path)


WORD_NUMBERING = Case(
    "word-numbering", _word_numbering, "Call for input: housing and climate change",
    [
        Q("1", "What measures has your Government taken to protect housing from extreme "
          "weather events?", (1500, C, False)),
        Q("2(a)", "How are affected communities consulted?"),
        Q("2(b)", "Which remedies are available?", (500, C, False)),
        Q("2(b)(i)", "Is compensation provided in cash?", (500, W, False)),
        Q("2(b)(ii)", "Is compensation provided in kind?"),
        Q("3", "Please share any good practices.", (300, W, False)),
    ],
)


# -- 3. dotted numbers with bold section lines ---------------------------------------------
def _dotted(path: Path) -> None:
    doc = Document()
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Survey on national human rights institutions").bold = True
    bold(doc, "1. Legal framework")
    doc.add_paragraph("1.1 Is the institution established by the Constitution or by law? "
                      "(should not exceed 2,000 words)")
    doc.add_paragraph("1.2 Describe the mandate of the institution. Your answer should not "
                      "exceed 2,000 words.")
    doc.add_paragraph("1.2.1 Does the mandate cover the private sector?")
    bold(doc, "2. Independence")
    doc.add_paragraph("2.1 How are members appointed? Up to 3500 characters.")
    doc.add_paragraph("2.2 How is the budget of the institution decided? (about 400 words)")
    doc.save(path)


DOTTED = Case(
    "dotted", _dotted, "Survey on national human rights institutions",
    [
        Q("1.1", "Is the institution established by the Constitution or by law?",
          (2000, W, False)),
        Q("1.2", "Describe the mandate of the institution.", (2000, W, False)),
        Q("1.2.1", "Does the mandate cover the private sector?"),
        Q("2.1", "How are members appointed?", (3500, C, False)),
        Q("2.2", "How is the budget of the institution decided?", (400, W, True)),
    ],
)


# -- 8. German, Word numbering restarted per part, roman parts -------------------------------
def _german(path: Path) -> None:
    doc = Document()
    title(doc, "Fragebogen zur Barrierefreiheit")
    doc.add_paragraph("Bitte beschränken Sie jede Antwort auf ca. 400 Wörter.")
    num = add_list_definition(doc, [("decimal", "%1."), ("lowerLetter", "%2)")])
    doc.add_heading("I. Rechtsrahmen", level=1)
    numbered(doc.add_paragraph("Welche Gesetze regeln die Barrierefreiheit? (max. 2000 Zeichen)"),
             num, 0)
    numbered(doc.add_paragraph("Gibt es eine unabhängige Überwachungsstelle?"), num, 0)
    doc.add_heading("II. Umsetzung", level=1)
    second = restart_list(doc, num)
    numbered(doc.add_paragraph("Wie wird die Umsetzung finanziert? Höchstens 1.000 Zeichen "
                               "inkl. Leerzeichen."), second, 0)
    doc.save(path)


GERMAN = Case(
    "german", _german, "Fragebogen zur Barrierefreiheit",
    [
        Q("1", "Welche Gesetze regeln die Barrierefreiheit?", (2000, C, False)),
        Q("2", "Gibt es eine unabhängige Überwachungsstelle?", (400, W, True)),
        Q("1", "Wie wird die Umsetzung finanziert?", (1000, C, False)),
    ],
    language="de",
)


# -- 10. no numbers at all: questions are the sentences ending with "?" -----------------------
def _unnumbered(path: Path) -> None:
    doc = Document()
    title(doc, "Call for submissions on the right to education")
    doc.add_paragraph("Submissions should be no more than 300 words per question.")
    doc.add_heading("Background", level=1)
    doc.add_paragraph("The report will be presented to the General Assembly.")
    doc.add_heading("Questions", level=1)
    doc.add_paragraph("How is free primary education guaranteed in law?")
    doc.add_paragraph("What measures ensure the inclusion of children with disabilities?")
    doc.add_paragraph("How are teachers trained on human rights education?")
    doc.save(path)


UNNUMBERED = Case(
    "unnumbered", _unnumbered, "Call for submissions on the right to education",
    [
        Q("", "How is free primary education guaranteed in law?", (300, W, False)),
        Q("", "What measures ensure the inclusion of children with disabilities?",
          (300, W, False)),
        Q("", "How are teachers trained on human rights education?", (300, W, False)),
    ],
)


# -- 15. a Special Rapporteur's call for input: Word list with bullets, a limit for the whole --
def _call_for_input(path: Path) -> None:
    doc = Document()
    doc.add_heading("Call for input", 1)
    doc.add_paragraph("Report of the Special Rapporteur on the right to food to the General "
                      "Assembly")
    doc.add_heading("Key questions", 2)
    doc.add_paragraph("States are invited to respond to the following questions:")
    num = add_list_definition(doc, [("decimal", "%1."), ("bullet", "•")])
    numbered(doc.add_paragraph("What are the main obstacles to access to food in conflict "
                               "settings?"), num, 0)
    numbered(doc.add_paragraph("Please share examples of measures taken to protect food "
                               "systems, including:"), num, 0)
    numbered(doc.add_paragraph("agricultural infrastructure;"), num, 1)
    numbered(doc.add_paragraph("humanitarian access."), num, 1)
    doc.add_heading("How to submit", 2)
    doc.add_paragraph("Submissions should not exceed 2,500 words and be sent by e-mail by "
                      "15 May 2026.")
    doc.save(path)


CALL_FOR_INPUT = Case(
    "call-for-input", _call_for_input, "Call for input",
    [
        Q("1", "What are the main obstacles to access to food in conflict settings?"),
        Q("2", "Please share examples of measures taken to protect food systems, including:"),
    ],
)


# -- 16. "QUESTIONNAIRE" over its subject; a details table with colons; "a)" sub-questions ----
def _generic_title(path: Path) -> None:
    doc = Document()
    for text in ("QUESTIONNAIRE", "Violence against women in politics"):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.add_run(text).bold = True
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Country:"
    table.cell(1, 0).text = "Name and position of the person completing the form:"
    doc.add_paragraph("Answers should be concise (max. 400 words per question).")
    doc.add_paragraph("1. Does the legislation define violence against women in politics?")
    doc.add_paragraph("a) If so, please provide the definition.")
    doc.add_paragraph("b) Which sanctions apply?")
    doc.add_paragraph("2. Any other information you would like to share: ____________")
    doc.save(path)


GENERIC_TITLE = Case(
    "generic-title", _generic_title, "Questionnaire: Violence against women in politics",
    [
        Q("1", "Does the legislation define violence against women in politics?",
          (400, W, False)),
        Q("1(a)", "If so, please provide the definition.", (400, W, False)),
        Q("1(b)", "Which sanctions apply?", (400, W, False)),
        Q("2", "Any other information you would like to share", (400, W, False)),
    ],
    ["Country", "Name and position of the person completing the form"],
)


# -- 20. numbered instructions before numbered questions that start again at 1 ----------------
def _numbered_instructions(path: Path) -> None:
    doc = Document()
    title(doc, "Questionnaire on the rights of persons deprived of liberty")
    doc.add_heading("Instructions", 1)
    doc.add_paragraph("1. Responses should be sent to the secretariat by 1 June 2026.")
    doc.add_paragraph("2. Responses will be published on the website unless otherwise requested.")
    doc.add_paragraph("3. Please limit each answer to 600 words.")
    doc.add_heading("Questions", 1)
    doc.add_paragraph("1. Please describe the oversight of places of detention.")
    doc.add_paragraph("2. What alternatives to detention exist?")
    doc.save(path)


NUMBERED_INSTRUCTIONS = Case(
    "numbered-instructions", _numbered_instructions,
    "Questionnaire on the rights of persons deprived of liberty",
    [
        Q("1", "Please describe the oversight of places of detention.", (600, W, False)),
        Q("2", "What alternatives to detention exist?", (600, W, False)),
    ],
)


# -- 22. Word's heading numbering (Heading 1 is "1.") and questions numbered "1.1" under it ---
def _heading_numbering(path: Path) -> None:
    doc = Document()
    title(doc, "Questionnaire on business and human rights")
    num = add_list_definition(doc, [("decimal", "%1."), ("decimal", "%1.%2")])
    number_headings(doc, num)
    doc.add_heading("National action plan", 1)
    numbered(doc.add_paragraph("Has your State adopted a national action plan?"), num, 1)
    numbered(doc.add_paragraph("How were businesses consulted? (max. 300 words)"), num, 1)
    doc.add_heading("Access to remedy", 1)
    numbered(doc.add_paragraph("Which judicial remedies are available?"), num, 1)
    doc.save(path)


HEADING_NUMBERING = Case(
    "heading-numbering", _heading_numbering, "Questionnaire on business and human rights",
    [
        Q("1.1", "Has your State adopted a national action plan?"),
        Q("1.2", "How were businesses consulted?", (300, W, False)),
        Q("2.1", "Which judicial remedies are available?"),
    ],
)


CASES = [
    TYPED_EN,
    WORD_NUMBERING,
    DOTTED,
    GERMAN,
    UNNUMBERED,
    CALL_FOR_INPUT,
    GENERIC_TITLE,
    NUMBERED_INSTRUCTIONS,
    HEADING_NUMBERING,
]
