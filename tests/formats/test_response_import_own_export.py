"""Our own Word export read back by the completed-response import (last cycle's submission
was exported by ConsultDesk): every answer comes back under its question, a reference
as its words, an unanswered question unanswered."""

from __future__ import annotations

from pathlib import Path

from consultdesk.formats.docx_export import ExportOptions, export_response
from consultdesk.formats.docx_export.options import Labels
from consultdesk.formats.docx_import import read_completed_response
from consultdesk.services.catalog import load_bundled

OHCHR = load_bundled()["ohchr-civic-space-2021"]

#: (answers exported, answers read back): a reference reads as its label's words.
ANSWERS = {
    "q1": "See the answer for [question 2](#ref:q2). Also **[question 3](#ref:q3)** and:\n\n"
          "- an item with [question 6](#ref:q6)\n- second",
    "q2": "Answer two, as in [question 1](#ref:q1).",
    # A reference as the only content: a line reading "question 2" just above "4. …"
    # was taken for question 4's number, and this answer was lost.
    "q3": "[question 2](#ref:q2)",
    # q4 unanswered: the export writes an italic "No response", which came back as the
    # answer "*No response*".
    "q5": "No response",  # typed by the official: kept as written
    "q6": "Question 3",
}
READ_BACK = {
    "q1": "See the answer for question 2. Also **question 3** and:\n\n- an item with "
          "question 6\n- second",
    "q2": "Answer two, as in question 1.",
    "q3": "question 2",
    "q5": "No response",
    "q6": "Question 3",
}


def test_our_export_reads_back_answer_for_answer(tmp_path: Path) -> None:
    path = tmp_path / "ours.docx"
    export_response(OHCHR, "Japan", {"state": "Japan", "institution": "MOFA"}, ANSWERS, path,
                    ExportOptions())
    read = read_completed_response(path, [OHCHR])
    assert read.questionnaire.id == OHCHR.id
    assert read.markdown_answers() == READ_BACK
    assert read.answers["q4"].markdown == "" and read.missing == []  # found, unanswered


def test_in_french_and_japanese_the_unanswered_line_is_not_an_answer(tmp_path: Path) -> None:
    for language in ("fr", "es", "ja"):
        path = tmp_path / f"ours-{language}.docx"
        export_response(OHCHR, "Japan", {}, {"q1": "Oui.", "q3": "[question 2](#ref:q2)"},
                        path, ExportOptions(labels=Labels.for_language(language)))
        read = read_completed_response(path, [OHCHR])
        assert read.markdown_answers() == {"q1": "Oui.", "q3": "question 2"}, language
