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


def _edited(path: Path, out: Path, words: bytes) -> Path:
    """The export with "question " before each field typed over as ``words``."""
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.replace(b">question </w:t>", b">" + words + b"</w:t>")
            dst.writestr(item, data)
    return out


def test_a_field_whose_words_were_edited_in_word_stays_text(tmp_path: Path) -> None:
    path = _export(tmp_path)
    # Words that do not name a question: what the author wrote stays ("point 2").
    read = read_completed_response(_edited(path, tmp_path / "point.docx", b"point "),
                                   [OHCHR]).markdown_answers()
    assert read["q3"] == "point 2" and read["q2"] == "Answer two, as in point 1."
    # Other words naming a question ("Q. ", as Word users type before a cross-reference)
    # are the reference's: it reads the label again.
    read = read_completed_response(_edited(path, tmp_path / "q.docx", b"Q. "),
                                   [OHCHR]).markdown_answers()
    assert read["q3"] == "[question 2](#ref:q2)"
    assert read["q2"] == "Answer two, as in [question 1](#ref:q1)."


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


def test_references_come_back_live_in_the_questionnaires_language(tmp_path: Path) -> None:
    """Exported from a Spanish questionnaire ("pregunta " + REF), read back as references
    reading "pregunta 2"; a reference to a question left out of the export stays words."""
    spanish = OHCHR.model_copy(update={"language": "es"})
    path = tmp_path / "es.docx"
    export_response(spanish, "España", {}, {
        "q1": "Véase la respuesta a la [question 2](#ref:q2) y a la [question 9](#ref:q9).",
        "q2": "Sí.", "q5": "**[question 1](#ref:q1)**, *[question 2](#ref:q2)*."}, path,
        ExportOptions())
    read = read_completed_response(path, [spanish])
    assert read.markdown_answers() == {
        "q1": "Véase la respuesta a la [pregunta 2](#ref:q2) y a la question 9.",
        "q2": "Sí.", "q5": "**[pregunta 1](#ref:q1)**, *[pregunta 2](#ref:q2)*."}
    assert read.answers["q5"].refers_to == ["q1", "q2"]


def test_japanese_references_come_back_reading_their_number(tmp_path: Path) -> None:
    """"問" + REF: the whole of a reference in Japanese (no space), even as a whole answer."""
    japanese = OHCHR.model_copy(update={"language": "ja"})
    path = tmp_path / "ja.docx"
    answers = {"q1": "[question 2](#ref:q2)の回答を参照。", "q2": "はい。",
               "q3": "[question 2](#ref:q2)"}
    export_response(japanese, "日本", {}, answers, path, ExportOptions())
    assert read_completed_response(path, [japanese]).markdown_answers() == {
        "q1": "[問2](#ref:q2)の回答を参照。", "q2": "はい。", "q3": "[問2](#ref:q2)"}
