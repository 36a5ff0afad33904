"""A corpus of questionnaire documents, built with python-docx, with what each must import to.

Each case writes a .docx the way issuers send them (typed numbers, Word's list
numbering, tables, check boxes, limits in every phrasing and language the
importer supports) and states the exact questions, limits, respondent fields
and title the importer must find.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from .wordml import (
    add_checkbox_control,
    add_dropdown_control,
    add_form_checkbox,
    add_list_definition,
    add_placeholder_control,
    add_wingdings_box,
    number_headings,
    numbered,
    restart_list,
)

C, CNS, W = "characters_with_spaces", "characters_without_spaces", "words"


@dataclass(frozen=True)
class Q:
    """An expected question: number, text, limit (amount, unit, approximate) and kind."""

    number: str
    text: str
    limit: tuple[int, str, bool] | None = None
    kind: str = "long_text"
    options: tuple[str, ...] = ()


@dataclass
class Case:
    """One corpus document and what it must import to."""

    name: str
    build: Callable[[Path], None]
    title: str
    questions: list[Q]
    respondent: list[str] = field(default_factory=list)
    language: str = "en"

    def write(self, folder: Path) -> Path:
        """Write the document into ``folder``; its path."""
        path = folder / f"{self.name}.docx"
        self.build(path)
        return path


def _title(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph(text, style="Title")


def _bold(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph().add_run(text).bold = True


# -- 1. typed numbers, a limit once for all, respondent fields, yes/no with comment ------
def _typed_en(path: Path) -> None:
    doc = Document()
    _title(doc, "Questionnaire on the right to privacy in the digital age")
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
    _title(doc, "Call for input: housing and climate change")
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
    _bold(doc, "1. Legal framework")
    doc.add_paragraph("1.1 Is the institution established by the Constitution or by law? "
                      "(should not exceed 2,000 words)")
    doc.add_paragraph("1.2 Describe the mandate of the institution. Your answer should not "
                      "exceed 2,000 words.")
    doc.add_paragraph("1.2.1 Does the mandate cover the private sector?")
    _bold(doc, "2. Independence")
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


# -- 4. a table: number | question | empty answer cell ---------------------------------------
def _table_beside(path: Path) -> None:
    doc = Document()
    _title(doc, "Questionnaire on access to justice")
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
    _title(doc, "Consultation on the rights of older persons")
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


# -- 6. French -------------------------------------------------------------------------------
def _french(path: Path) -> None:
    doc = Document()
    _title(doc, "Questionnaire sur la liberté de réunion pacifique")
    doc.add_paragraph("Nom de l'État :")
    doc.add_paragraph("Personne de contact :")
    doc.add_heading("Questions", level=1)
    doc.add_paragraph("1. Quelles mesures ont été prises pour faciliter les réunions "
                      "pacifiques ? (5 000 caractères maximum)")
    doc.add_paragraph("2. Veuillez décrire le cadre juridique applicable. La réponse ne doit "
                      "pas dépasser 500 mots.")
    doc.add_paragraph("3. Comment les forces de l'ordre sont-elles formées ? (environ 300 mots)")
    doc.add_paragraph("4. Existe-t-il un recours effectif ? ☐ Oui ☐ Non")
    doc.save(path)


FRENCH = Case(
    "french", _french, "Questionnaire sur la liberté de réunion pacifique",
    [
        Q("1", "Quelles mesures ont été prises pour faciliter les réunions pacifiques ?",
          (5000, C, False)),
        Q("2", "Veuillez décrire le cadre juridique applicable.", (500, W, False)),
        Q("3", "Comment les forces de l'ordre sont-elles formées ?", (300, W, True)),
        Q("4", "Existe-t-il un recours effectif ?", None, "single_choice", ("Oui", "Non")),
    ],
    ["Nom de l'État", "Personne de contact"],
    language="fr",
)


# -- 7. Spanish, check-box content controls ----------------------------------------------------
def _spanish(path: Path) -> None:
    doc = Document()
    _title(doc, "Cuestionario sobre el derecho a la alimentación")
    doc.add_paragraph("Nombre del Estado:")
    doc.add_heading("Preguntas", level=1)
    doc.add_paragraph("1. ¿Qué políticas existen para garantizar el acceso a alimentos "
                      "nutritivos? (máximo 500 palabras)")
    doc.add_paragraph("2. ¿Existe una ley marco sobre el derecho a la alimentación?")
    p = doc.add_paragraph()
    add_checkbox_control(p, "Sí")
    add_checkbox_control(p, "No")
    doc.add_paragraph("En caso afirmativo, sírvase explicar:")
    doc.add_paragraph("3. Describa los programas de alimentación escolar. No más de 1.500 "
                      "caracteres sin espacios.")
    doc.save(path)


SPANISH = Case(
    "spanish", _spanish, "Cuestionario sobre el derecho a la alimentación",
    [
        Q("1", "¿Qué políticas existen para garantizar el acceso a alimentos nutritivos?",
          (500, W, False)),
        Q("2", "¿Existe una ley marco sobre el derecho a la alimentación?", None,
          "single_choice", ("Sí", "No")),
        Q("", "En caso afirmativo, sírvase explicar"),
        Q("3", "Describa los programas de alimentación escolar.", (1500, CNS, False)),
    ],
    ["Nombre del Estado"],
    language="es",
)


# -- 8. German, Word numbering restarted per part, roman parts -------------------------------
def _german(path: Path) -> None:
    doc = Document()
    _title(doc, "Fragebogen zur Barrierefreiheit")
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


# -- 9. multiple choice with content controls, form fields and Wingdings boxes ---------------
def _checkboxes(path: Path) -> None:
    doc = Document()
    _title(doc, "Survey on digital public services")
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


# -- 10. no numbers at all: questions are the sentences ending with "?" -----------------------
def _unnumbered(path: Path) -> None:
    doc = Document()
    _title(doc, "Call for submissions on the right to education")
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

CASES = [TYPED_EN, WORD_NUMBERING, DOTTED, TABLE_BESIDE, TABLE_ABOVE, FRENCH, SPANISH, GERMAN,
         CHECKBOXES, UNNUMBERED]


# -- 11. a note-verbale questionnaire: letterhead, details table, "Question 1:", roman parts ---
def _note_verbale(path: Path) -> None:
    doc = Document()
    doc.add_paragraph("UNITED NATIONS HUMAN RIGHTS")
    doc.add_paragraph("Office of the High Commissioner for Human Rights")
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Questionnaire: human rights and climate-induced displacement").bold = True
    doc.add_paragraph("Deadline for submissions: 30 April 2026")
    _bold(doc, "Background")
    doc.add_paragraph("The Special Rapporteur will present a report to the Human Rights Council.")
    doc.add_paragraph("Please limit your responses to 1,000 words per question and send them "
                      "to the address below.")
    _bold(doc, "Respondent information")
    info = doc.add_table(rows=3, cols=2)
    for r, label in enumerate(("Name of the State", "Ministry/Department", "Contact e-mail")):
        info.cell(r, 0).text = label
    _bold(doc, "I. NATIONAL FRAMEWORK")
    doc.add_paragraph("Question 1: Does national legislation recognise climate-induced "
                      "displacement? ☐ Yes ☐ No")
    doc.add_paragraph("If yes, please provide the relevant references.")
    doc.add_paragraph("Question 2: What data is collected on people displaced by disasters?")
    doc.add_paragraph("(a) By whom is it collected?")
    doc.add_paragraph("(b) Is it disaggregated by sex and age?")
    _bold(doc, "II. PROTECTION IN PRACTICE")
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

CASES.append(NOTE_VERBALE)


# -- 12. table cells holding a question, its guidance and its limit; a line break inside ------
def _table_guidance(path: Path) -> None:
    doc = Document()
    _title(doc, "Questionnaire on trafficking in persons")
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

CASES.append(TABLE_GUIDANCE)


# -- 13. "Question 1" on its own line, a drop-down list, boxes after labels, late details ----
def _forms(path: Path) -> None:
    doc = Document()
    _title(doc, "Survey on national action plans")
    _bold(doc, "Question 1")
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

CASES.append(FORMS)


# -- 14. a table of yes/no questions: question | ☐ Yes | ☐ No, and a comments row ------------
def _table_checkboxes(path: Path) -> None:
    doc = Document()
    _title(doc, "Survey on the ratification of treaties")
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

CASES.append(TABLE_CHECKBOXES)


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

CASES.extend([CALL_FOR_INPUT, GENERIC_TITLE])


# -- 17. French, Word numbering "Question %1 :", "Réponse :" lines to write on ----------------
def _french_numbered(path: Path) -> None:
    doc = Document()
    _title(doc, "Questionnaire relatif au droit à l'eau")
    doc.add_paragraph("Les réponses ne devraient pas dépasser 1 000 mots par question.")
    doc.add_paragraph("État :")
    doc.add_paragraph("Point focal (nom, fonction, courriel) :")
    num = add_list_definition(doc, [("decimal", "Question %1 :")])
    numbered(doc.add_paragraph("Quelles sont les garanties légales du droit à l'eau ?"), num, 0)
    doc.add_paragraph("Réponse :")
    numbered(doc.add_paragraph("Décrivez les mesures prises pour les populations rurales."),
             num, 0)
    doc.add_paragraph("Réponse :")
    doc.save(path)


FRENCH_NUMBERED = Case(
    "french-numbered", _french_numbered, "Questionnaire relatif au droit à l'eau",
    [
        Q("1", "Quelles sont les garanties légales du droit à l'eau ?", (1000, W, False)),
        Q("2", "Décrivez les mesures prises pour les populations rurales.", (1000, W, False)),
    ],
    ["État", "Point focal (nom, fonction, courriel)"],
    language="fr",
)


# -- 18. Spanish, "Pregunta 1." in bold, an empty answer table under each question ------------
def _spanish_tables(path: Path) -> None:
    doc = Document()
    _bold(doc, "Cuestionario sobre pueblos indígenas y consulta previa")
    doc.add_paragraph("Por favor, limite cada respuesta a un máximo de 800 palabras.")
    for i, text in enumerate(["¿Existe un marco legal para la consulta previa?",
                              "Describa un caso reciente de consulta (hasta 2.000 caracteres)."],
                             start=1):
        p = doc.add_paragraph()
        p.add_run(f"Pregunta {i}.").bold = True
        p.add_run(" " + text)
        doc.add_table(rows=1, cols=1).style = "Table Grid"
    doc.add_paragraph("Muchas gracias por su colaboración.")
    doc.save(path)


SPANISH_TABLES = Case(
    "spanish-tables", _spanish_tables, "Cuestionario sobre pueblos indígenas y consulta previa",
    [
        Q("1", "¿Existe un marco legal para la consulta previa?", (800, W, False)),
        Q("2", "Describa un caso reciente de consulta.", (2000, C, False)),
    ],
    language="es",
)


# -- 19. German, "Frage 1:" typed, parts as headings --------------------------------------------
def _german_typed(path: Path) -> None:
    doc = Document()
    doc.add_heading("Fragebogen zur digitalen Verwaltung", 0)
    doc.add_heading("Teil A – Allgemeines", 1)
    doc.add_paragraph("Frage 1: Welche Behörde ist zuständig? (maximal 1.500 Zeichen)")
    doc.add_paragraph("Frage 2: Seit wann gibt es das Online-Portal?")
    doc.add_heading("Teil B – Nutzung", 1)
    doc.add_paragraph("Frage 3: Wie viele Personen nutzen das Portal jährlich? Bitte nicht "
                      "mehr als 300 Wörter.")
    doc.save(path)


GERMAN_TYPED = Case(
    "german-typed", _german_typed, "Fragebogen zur digitalen Verwaltung",
    [
        Q("1", "Welche Behörde ist zuständig?", (1500, C, False)),
        Q("2", "Seit wann gibt es das Online-Portal?"),
        Q("3", "Wie viele Personen nutzen das Portal jährlich?", (300, W, False)),
    ],
    language="de",
)

CASES.extend([FRENCH_NUMBERED, SPANISH_TABLES, GERMAN_TYPED])


# -- 20. numbered instructions before numbered questions that start again at 1 ----------------
def _numbered_instructions(path: Path) -> None:
    doc = Document()
    _title(doc, "Questionnaire on the rights of persons deprived of liberty")
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


# -- 21. a "Q1" column beside the question, an "Answer" row under it --------------------------
def _answer_rows(path: Path) -> None:
    doc = Document()
    _title(doc, "Survey on public procurement")
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

CASES.extend([NUMBERED_INSTRUCTIONS, ANSWER_ROWS])


# -- 22. Word's heading numbering (Heading 1 is "1.") and questions numbered "1.1" under it ---
def _heading_numbering(path: Path) -> None:
    doc = Document()
    _title(doc, "Questionnaire on business and human rights")
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

CASES.append(HEADING_NUMBERING)
