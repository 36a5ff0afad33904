"""Hostile cross-references in the Word export: ids that collide once made Word-safe,
thousands of references in one paragraph, references in every kind of answer."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_export import ExportOptions, export_response
from consultdesk.formats.docx_export.cross_references import (
    ANSWER_PREFIX,
    MAX_BOOKMARK,
    NUMBER_PREFIX,
    bookmark_keys,
)
from consultdesk.formats.docx_export.readback import read_cross_references

_LONG = "section-two.question-about-the-legal-framework-for-civil-society-"
#: Ids that are different questions but the same, or nearly, as Word bookmark names:
#: a long shared prefix (Word keeps 40 characters), case only, '.'/'-'/'_' only, a
#: numbered key that a shortened one would take, and two 80-character ids.
COLLIDING = [_LONG + "a", _LONG + "b", "Q1", "q1", "a.b", "a-b", "a_b", "a_b_1",
             "x" * 80, "x" * 79 + "y"]


def _questionnaire(ids: list[str]) -> Questionnaire:
    questions = [{"id": qid, "number": str(n), "text": f"Question {n}?"}
                 for n, qid in enumerate(ids, 1)]
    return Questionnaire.model_validate({
        "id": "hostile", "title": "Hostile ids", "respondent_fields": [],
        "sections": [{"id": "s", "title": "Questions", "questions": questions}]})


def _colliding_export(tmp_path: Path) -> Path:
    """Every question refers to every question (itself too), in reverse order."""
    q = _questionnaire(COLLIDING)
    answers = {qid: f"Answer {n}; see " + ", ".join(f"[x](#ref:{t})" for t in reversed(COLLIDING))
               + "." for n, qid in enumerate(COLLIDING, 1)}
    path = tmp_path / "colliding.docx"
    export_response(q, "Hostile", {}, answers, path, ExportOptions())
    return path


def test_colliding_ids_get_distinct_bookmarks_and_each_ref_its_own_number(
        tmp_path: Path) -> None:
    read = read_cross_references(_colliding_export(tmp_path))
    names = [n for n in read.bookmarks if n.startswith((ANSWER_PREFIX, NUMBER_PREFIX))]
    assert len(names) == 2 * len(COLLIDING)
    assert len({n.casefold() for n in names}) == len(names)  # Word compares without case
    assert all(len(n) <= MAX_BOOKMARK and re.fullmatch(r"_[A-Za-z0-9_]+", n) for n in names)
    keys = bookmark_keys(COLLIDING)
    number = {NUMBER_PREFIX + keys[qid]: str(n) for n, qid in enumerate(COLLIDING, 1)}
    refs = [(f.ref_bookmark, f.result) for f in read.fields]
    assert len(refs) == len(COLLIDING) ** 2
    # Each field caches the number of the question it names, and that question's number
    # bookmark holds exactly that number.
    assert all(number[name] == result for name, result in refs), refs
    assert all(read.bookmarks[name].text == n for name, n in number.items())


@pytest.mark.slow
def test_libreoffice_resolves_every_colliding_reference_to_its_own_question(
        tmp_path: Path) -> None:
    """Opened in a real word processor, each reference is a live bookmark reference
    showing the right number (a clash would make two point to one, or one dangle)."""
    from test_export_libreoffice import _convert, _pdf_text

    path = _colliding_export(tmp_path)
    made = subprocess.run(
        [shutil.which("soffice") or "soffice",
         f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--norestore", "--convert-to", "odt", "--outdir", str(tmp_path), str(path)],
        capture_output=True, text=True, timeout=240)
    assert made.returncode == 0, made.stderr
    content = zipfile.ZipFile(tmp_path / "colliding.odt").read("content.xml").decode("utf-8")
    refs = re.findall(r'<text:bookmark-ref [^>]*text:ref-name="([^"]+)"[^>]*>([^<]*)<', content)
    keys = bookmark_keys(COLLIDING)
    expected = [(NUMBER_PREFIX + keys[qid], str(COLLIDING.index(qid) + 1))
                for qid in reversed(COLLIDING)] * len(COLLIDING)
    assert refs == expected
    assert _convert([path], tmp_path, tmp_path / "lo-profile").returncode == 0
    text = " ".join(_pdf_text(tmp_path / "colliding.pdf").split())
    seen = ", ".join(f"question {n}" for n in range(len(COLLIDING), 0, -1))
    assert f"Answer 1; see {seen}." in text
    assert "Error" not in text  # no "Error! Reference source not found."


def test_thousands_of_references_in_one_answer_all_read_back(tmp_path: Path) -> None:
    """3,000 REF fields in one paragraph (the export was quadratic in them: 13 s; see
    benchmarks/bench_export.py), each caching its target's number."""
    ids = [f"q{n}" for n in range(1, 10)]
    q = _questionnaire(ids)
    refs = [f"[question {i % 8 + 2}](#ref:q{i % 8 + 2})" for i in range(3000)]
    answers = {"q1": " and ".join(refs), **dict.fromkeys(ids[1:], "Yes.")}
    path = tmp_path / "many.docx"
    export_response(q, "Many", {}, answers, path, ExportOptions(allow_over_limit=True))
    read = read_cross_references(path)
    assert [(f.ref_bookmark, f.result) for f in read.fields] == [
        (f"{NUMBER_PREFIX}q{i % 8 + 2}", str(i % 8 + 2)) for i in range(3000)]
    first = docx.Document(str(path)).paragraphs
    body = next(p.text for p in first if p.text.startswith("question 2 and "))
    assert body == " and ".join(f"question {i % 8 + 2}" for i in range(3000))
