"""Completed responses to the OHCHR civic-space questionnaire in the layouts ministries use.

Each case builds a .docx and says, as data, exactly what must be recovered: the
answers' Markdown by question id and the respondent details.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from .builders import bookmark, bullets, first_para, list_items, numbers, para, ref_field

OHCHR = "ohchr-civic-space-2021"
LIMIT = "(Maximum limit: approximately 5,000 characters with spaces)"
Q = {
    "q1": "What innovative practices did authorities in your state adopt to facilitate civil "
          "society’s input to decision-making during the COVID-19 crisis, including through "
          "online channels?",
    "q2": "Are there innovative practices that authorities in your country used to enable safe "
          "and inclusive online participation, which encourages a diversity of participation, "
          "with a particular emphasis on underrepresented parts of civil society?",
    "q3": "Do you have examples of good practice in including civil society in designing and "
          "implementing strategies to respond to the pandemic?",
    "q4": "Do you have examples of innovative steps taken to minimise the impact of measures "
          "imposed during the pandemic, including emergency measures, on the free and safe "
          "functioning of civil society and on public freedoms (of expression, access to "
          "information, assembly, and association) as well as on the protection of personal "
          "data and privacy?",
    "q5": "Did authorities in your state implement any innovative measures to protect and "
          "facilitate civil society access to resources in the COVID-19 context?",
    "q6": "Has your state identified any good practices to identify, and protect civil society "
          "from, online intimidation and attacks (e.g. online threats, harassment, organized "
          "smear campaigns etc.)?",
}
# Next cycle's wording: a few words changed, as between two years of one questionnaire.
Q_REWORDED = {
    **Q,
    "q1": "What innovative practices did the authorities of your State adopt to facilitate "
          "civil society’s input to decision-making during the COVID-19 pandemic, including "
          "through online channels?",
    "q3": "Do you have examples of good practices in including civil society when designing "
          "and implementing strategies to respond to the pandemic?",
}
ORDER = ["q1", "q2", "q3", "q4", "q5", "q6"]


@dataclass
class ResponseCase:
    """A completed response document and what must be read out of it."""

    name: str
    build: Callable[[Path], None]
    answers: dict[str, str]
    respondent: dict[str, str] = field(default_factory=dict)
    questionnaire: str | None = OHCHR  # None: the questionnaire comes from the file
    #: question id -> the questions its answer points to (a phrase or a live reference)
    pointers: dict[str, list[str]] = field(
        default_factory=lambda: {"q2": ["q1"], "q4": ["q3"]})

    def path(self, folder: Path) -> Path:
        """Build the document in ``folder``; its path."""
        target = folder / f"{self.name}.docx"
        self.build(target)
        return target


# The answers, as Markdown, and how each is written into Word (same words every case).
A1 = ("The Government held **online hearings** with civil society organisations and "
      "published draft policies for *public comment*.\n\n"
      "Ministries also used:\n\n- videoconferences\n- online questionnaires")
A2 = "See the answer for Q1."
A3 = ("Yes. Civil society took part in the *Expert Meeting* on the response to the "
      "pandemic:\n\n1. it reviewed the draft strategy;\n2. it monitored its implementation.")
A4 = "Please refer to the reply to question 3."
A5 = "Subsidies were extended to non-profit organisations in **2020** and 2021."
A6 = ("The Ministry of Justice runs a human rights counselling service online.\n\n"
      "Victims can ask for content to be removed.")
ANSWERS = {"q1": A1, "q2": A2, "q3": A3, "q4": A4, "q5": A5, "q6": A6}
RESPONDENT = {"state": "Japan", "institution": "Ministry of Foreign Affairs"}


def _write_answer(container: object, qid: str, doc: Document, *, word_lists: bool) -> None:
    """One answer's paragraphs: typed lists (- / 1.) or Word's automatic lists."""
    if qid == "q1":
        para(container, "The Government held **online hearings** with civil society "
                        "organisations and published draft policies for *public comment*.")
        para(container, "Ministries also used:")
        if word_lists:
            list_items(container, bullets(doc), ["videoconferences", "online questionnaires"])
        else:
            para(container, "• videoconferences")
            para(container, "• online questionnaires")
    elif qid == "q3":
        para(container, "Yes. Civil society took part in the *Expert Meeting* on the response "
                        "to the pandemic:")
        if word_lists:
            list_items(container, numbers(doc), ["it reviewed the draft strategy;",
                                                 "it monitored its implementation."])
        else:
            para(container, "1. it reviewed the draft strategy;")
            para(container, "2. it monitored its implementation.")
    elif qid == "q6":
        para(container, "The Ministry of Justice runs a human rights counselling service online.")
        para(container, "Victims can ask for content to be removed.")
    else:
        para(container, {"q2": A2, "q4": A4, "q5": A5}[qid])


def _cover_letter(doc: Document) -> None:
    p = para(doc, "PERMANENT MISSION OF JAPAN TO THE INTERNATIONAL ORGANIZATIONS IN GENEVA")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    para(doc, "The Permanent Mission of Japan to the International Organizations in Geneva "
              "presents its compliments to the Office of the United Nations High Commissioner "
              "for Human Rights and has the honour to transmit the response of the Government "
              "of Japan to the questionnaire on civic space.")
    para(doc, "Geneva, 1 June 2021")


# -- 1. typed numbers, limit in the question's line, cover letter, details on one line ------
def _typed(path: Path) -> None:
    doc = Document()
    _cover_letter(doc)
    doc.add_page_break()
    para(doc, "**Online consultation with Member States**")
    para(doc, "Name of the State: Japan")
    para(doc, "The institution responding to the survey: Ministry of Foreign Affairs")
    for n, qid in enumerate(ORDER, start=1):
        para(doc, f"**{n}. {Q[qid]} {LIMIT}**")
        _write_answer(doc, qid, doc, word_lists=False)
    para(doc, "Thank you.")
    doc.save(path)


# -- 2. Word's automatic numbering, the limit on its own line, reworded questions ------------
def _word_numbering(path: Path) -> None:
    doc = Document()
    para(doc, "Online consultation with Member States", style="Title")
    para(doc, "Name of the State:")
    para(doc, "Japan")
    para(doc, "The institution responding to the survey:")
    para(doc, "Ministry of Foreign Affairs")
    questions = numbers(doc)
    for qid in ORDER:
        from tests.formats.corpus.wordml import numbered

        numbered(para(doc, f"**{Q_REWORDED[qid]}**"), questions, 0)
        para(doc, "Maximum limit: approximately 5,000 characters with spaces")
        _write_answer(doc, qid, doc, word_lists=True)
    doc.save(path)


# -- 3. a table: No. | Question | Answer, a header row -----------------------------------------
def _table_three_columns(path: Path) -> None:
    doc = Document()
    para(doc, "Online consultation with Member States — response of Japan", style="Title")
    details = doc.add_table(rows=2, cols=2)
    first_para(details.cell(0, 0), "Name of the State")
    first_para(details.cell(0, 1), "Japan")
    first_para(details.cell(1, 0), "The institution responding to the survey")
    first_para(details.cell(1, 1), "Ministry of Foreign Affairs")
    para(doc, "")
    table = doc.add_table(rows=1 + len(ORDER), cols=3)
    for c, label in enumerate(["No.", "Question", "Answer"]):
        first_para(table.cell(0, c), f"**{label}**")
    for r, qid in enumerate(ORDER, start=1):
        first_para(table.cell(r, 0), f"{r}.")
        first_para(table.cell(r, 1), Q[qid])
        para(table.cell(r, 1), LIMIT)
        cell = table.cell(r, 2)
        _write_answer(cell, qid, doc, word_lists=r % 2 == 1)
        cell._tc.remove(cell.paragraphs[0]._p)  # the empty first paragraph python-docx adds
    doc.save(path)


# -- 4. answers in a second column: numbered question | answer -------------------------------------
def _table_two_columns(path: Path) -> None:
    doc = Document()
    para(doc, "Name of the State: Japan")
    para(doc, "The institution responding to the survey: Ministry of Foreign Affairs")
    table = doc.add_table(rows=len(ORDER), cols=2)
    for r, qid in enumerate(ORDER):
        first_para(table.cell(r, 0), f"Question {r + 1}: {Q_REWORDED[qid]}")
        cell = table.cell(r, 1)
        _write_answer(cell, qid, doc, word_lists=False)
        cell._tc.remove(cell.paragraphs[0]._p)
    para(doc, "Tokyo, 1 June 2021")
    doc.save(path)


# -- 5. a heading per question ("Question 1"), the question below it, "Answer:" prompts ---------
def _headings(path: Path) -> None:
    doc = Document()
    _cover_letter(doc)
    doc.add_heading("Respondent", level=1)
    para(doc, "Name of the State: Japan")
    para(doc, "The institution responding to the survey: Ministry of Foreign Affairs")
    for n, qid in enumerate(ORDER, start=1):
        doc.add_heading(f"Question {n}", level=2)
        para(doc, f"*{Q[qid]}*")
        para(doc, "**Answer:**")
        _write_answer(doc, qid, doc, word_lists=True)
    doc.save(path)


# -- 6. one-column table: the question's row, the answer's row below it ------------------------
def _table_rows(path: Path) -> None:
    doc = Document()
    para(doc, "Name of the State:\tJapan")
    para(doc, "The institution responding to the survey:\tMinistry of Foreign Affairs")
    table = doc.add_table(rows=2 * len(ORDER), cols=1)
    for n, qid in enumerate(ORDER):
        first_para(table.cell(2 * n, 0), f"**{n + 1}. {Q[qid]}**")
        cell = table.cell(2 * n + 1, 0)
        _write_answer(cell, qid, doc, word_lists=n % 2 == 0)
        cell._tc.remove(cell.paragraphs[0]._p)
    doc.save(path)


# -- 7. a questionnaire nobody installed: it is read from the same file -------------------------------
OWN = {
    "1": "How many consultations with civil society did your ministry hold last year?",
    "2": "Which online tools were used to reach young people?",
    "3": "What would you change in the next cycle?",
}


def _own_questionnaire(path: Path) -> None:
    doc = Document()
    para(doc, "Survey on youth participation", style="Title")
    para(doc, "Name of the ministry: Cabinet Office")
    for n, text in OWN.items():
        para(doc, f"{n}. {text}")
        if n == "1":
            para(doc, "Twelve, of which **four** were held online.")
        elif n == "2":
            para(doc, "- social media")
            para(doc, "- a mobile application")
        else:
            para(doc, "We would publish the results *earlier*.")
    doc.save(path)


# -- 8. Word's own cross-references: REF fields to the _Ref bookmarks Word puts on headings --
#: What the references in _word_cross_references come back as: live references to the
#: questions whose headings hold the bookmarks; a REF to the cover letter stays its text.
REF_ANSWERS = {
    **ANSWERS,
    "q2": "See the answer for [question 1](#ref:q1).",
    "q4": "Please refer to the reply to [question 3](#ref:q3).",
    "q5": "Subsidies were extended to non-profit organisations in **2020** and 2021 (see "
          "the letter of Geneva, 1 June 2021).",
    "q6": "The Ministry of Justice runs a human rights counselling service online.\n\n"
          "As under “*[question 2](#ref:q2)*”, victims can ask for content to be removed.",
}


def _word_cross_references(path: Path) -> None:
    doc = Document()
    _cover_letter(doc)
    bookmark(doc.paragraphs[-1], "_Ref70000001", 90)  # "Geneva, 1 June 2021"
    doc.add_page_break()
    para(doc, "Name of the State: Japan")
    para(doc, "The institution responding to the survey: Ministry of Foreign Affairs")
    for n, qid in enumerate(ORDER, start=1):
        bookmark(para(doc, f"**{n}. {Q[qid]} {LIMIT}**"), f"_Ref5123456{n}", n)
        if qid == "q2":  # Insert > Cross-reference > Numbered item > Paragraph number
            ref_field(para(doc, "See the answer for question "), "REF _Ref51234561 \\r \\h", ["1"])
            doc.paragraphs[-1].add_run(".")
        elif qid == "q4":  # as an older Word writes it: a simple field, after "Q"
            ref_field(para(doc, "Please refer to the reply to Q"), "REF _Ref51234563 \\n \\h",
                      ["3"], simple=True)
            doc.paragraphs[-1].add_run(".")
        elif qid == "q5":  # a cross-reference to something that is not a question
            p = para(doc, "Subsidies were extended to non-profit organisations in **2020** and "
                          "2021 (see the letter of ")
            ref_field(p, "REF _Ref70000001 \\h", ["Geneva, 1 June 2021"])
            p.add_run(").")
        elif qid == "q6":  # the heading's text as the result, in two runs, in italics
            para(doc, "The Ministry of Justice runs a human rights counselling service online.")
            p = para(doc, "As under “")
            ref_field(p, "REF _Ref51234562 \\h", ["Are there innovative practices ",
                                                    "that authorities…"], italic=True)
            p.add_run("”, victims can ask for content to be removed.")
        else:
            _write_answer(doc, qid, doc, word_lists=False)
    doc.save(path)


CASES = [
    ResponseCase("typed-numbers-cover-letter", _typed, ANSWERS, RESPONDENT),
    ResponseCase("word-numbering-reworded", _word_numbering, ANSWERS, RESPONDENT),
    ResponseCase("table-no-question-answer", _table_three_columns, ANSWERS, RESPONDENT),
    ResponseCase("table-answers-second-column", _table_two_columns, ANSWERS, RESPONDENT),
    ResponseCase("heading-per-question", _headings, ANSWERS, RESPONDENT),
    ResponseCase("table-answer-row-below", _table_rows, ANSWERS, RESPONDENT),
    ResponseCase("word-cross-references", _word_cross_references, REF_ANSWERS, RESPONDENT,
                 pointers={"q2": ["q1"], "q4": ["q3"], "q6": ["q2"]}),
    ResponseCase("questionnaire-from-the-file", _own_questionnaire, {
        "1": "Twelve, of which **four** were held online.",
        "2": "- social media\n- a mobile application",
        "3": "We would publish the results *earlier*.",
    }, {"institution": "Cabinet Office"}, questionnaire=None, pointers={}),
]
