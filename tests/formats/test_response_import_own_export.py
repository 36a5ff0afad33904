"""Our own Word export read back by the completed-response import (last cycle's submission
was exported by ConsultDesk): every answer comes back under its question, a reference as a
reference (its REF field points to the number bookmark in its target's heading), an
unanswered question unanswered; also after LibreOffice saved the file again."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from test_cross_references_hostile import COLLIDING, _questionnaire

from consultdesk.formats.docx_export import ExportOptions, export_response
from consultdesk.formats.docx_export.options import Labels
from consultdesk.formats.docx_import import read_completed_response
from consultdesk.services.catalog import load_bundled

OHCHR = load_bundled()["ohchr-civic-space-2021"]

#: (answers exported, answers read back).
ANSWERS = {
    "q1": "See the answer for [question 2](#ref:q2). Also **[question 3](#ref:q3)** and:\n\n"
          "- an item with [question 6](#ref:q6)\n- second",
    "q2": "Answer two, as in [Q. one](#ref:q1).",  # a stale label: exported as it reads now
    # A reference as the only content: a line reading "question 2" just above "4. …"
    # was taken for question 4's number, and this answer was lost.
    "q3": "[question 2](#ref:q2)",
    # q4 unanswered: the export writes an italic "No response", which came back as the
    # answer "*No response*".
    "q5": "No response",  # typed by the official: kept as written
    "q6": "Question 3 [question 9](#ref:q9)",  # typed words; a reference to no question
}
READ_BACK = {
    "q1": ANSWERS["q1"],
    "q2": "Answer two, as in [question 1](#ref:q1).",
    "q3": "[question 2](#ref:q2)",
    "q5": "No response",
    "q6": "Question 3 question 9",  # exported as its words: no field to read back
}


def _export(tmp_path: Path, name: str = "ours.docx") -> Path:
    path = tmp_path / name
    export_response(OHCHR, "Japan", {"state": "Japan", "institution": "MOFA"}, ANSWERS, path,
                    ExportOptions())
    return path


def test_our_export_reads_back_answer_for_answer(tmp_path: Path) -> None:
    read = read_completed_response(_export(tmp_path), [OHCHR])
    assert read.questionnaire.id == OHCHR.id
    assert read.markdown_answers() == READ_BACK
    assert read.answers["q4"].markdown == "" and read.missing == []  # found, unanswered


def test_in_french_and_japanese_the_unanswered_line_is_not_an_answer(tmp_path: Path) -> None:
    for language in ("fr", "es", "ja"):
        path = tmp_path / f"ours-{language}.docx"
        export_response(OHCHR, "Japan", {}, {"q1": "Oui.", "q3": "[question 2](#ref:q2)"},
                        path, ExportOptions(labels=Labels.for_language(language)))
        read = read_completed_response(path, [OHCHR])
        assert read.markdown_answers() == {"q1": "Oui.", "q3": "[question 2](#ref:q2)"}, \
            language


def test_colliding_ids_read_back_each_reference_to_its_own_question(tmp_path: Path) -> None:
    q = _questionnaire(COLLIDING)
    answers = {qid: f"Answer {n}; see " + ", ".join(
        f"[question {COLLIDING.index(t) + 1}](#ref:{t})" for t in reversed(COLLIDING)) + "."
        for n, qid in enumerate(COLLIDING, 1)}
    path = tmp_path / "colliding.docx"
    export_response(q, "Hostile", {}, answers, path, ExportOptions())
    assert read_completed_response(path, [q]).markdown_answers() == answers


def test_a_field_whose_words_were_edited_in_word_stays_text(tmp_path: Path) -> None:
    path = _export(tmp_path)
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(edited, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                # "question " before each field typed over as "Q. " (the field kept).
                data = data.replace(b">question </w:t>", b">Q. </w:t>")
            dst.writestr(item, data)
    read = read_completed_response(edited, [OHCHR]).markdown_answers()
    assert read["q3"] == "Q. 2" and read["q2"] == "Answer two, as in Q. 1."


@pytest.mark.slow
def test_saved_again_by_libreoffice_the_references_still_read_back(tmp_path: Path) -> None:
    path = _export(tmp_path)
    out = tmp_path / "lo"
    made = subprocess.run(
        [shutil.which("soffice") or "soffice",
         f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
         str(path)], capture_output=True, text=True, timeout=240)
    assert made.returncode == 0, made.stderr
    assert read_completed_response(out / path.name, [OHCHR]).markdown_answers() == READ_BACK
