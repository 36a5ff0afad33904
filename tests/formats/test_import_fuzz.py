"""Damaged files and odd text never crash the importer: a clear error or a result, nothing else."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultdesk.domain.limit_phrases import find_limits, strip_limit
from consultdesk.formats.docx_import import DocxImportError, build_questionnaire, read_docx
from consultdesk.formats.docx_import.detect import detect
from consultdesk.formats.docx_import.package import open_docx
from consultdesk.formats.docx_import.reader import read_blocks


def _sample() -> bytes:
    doc = Document()
    doc.add_paragraph("Survey", style="Title")
    doc.add_paragraph("Name of the State:")
    doc.add_paragraph("1. What is done? (max. 500 words)")
    doc.add_paragraph("2. Is there a law? ☐ Yes ☐ No")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "3. Which body decides?"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


SAMPLE = _sample()


def _import(data: bytes) -> None:
    try:
        draft = detect(read_blocks(open_docx(data, "fuzz.docx")), "fuzz.docx")
        build_questionnaire(draft)
    except DocxImportError:
        pass


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SAMPLE) - 1), st.integers(0, 255)),
                min_size=1, max_size=12))
def test_flipped_bytes_give_a_clear_error_or_a_result(flips: list[tuple[int, int]]) -> None:
    data = bytearray(SAMPLE)
    for at, value in flips:
        data[at] = value
    _import(bytes(data))


@settings(max_examples=100, deadline=None)
@given(st.integers(0, len(SAMPLE)))
def test_truncated_files_give_a_clear_error(length: int) -> None:
    _import(SAMPLE[:length])


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=200))
def test_any_paragraph_text_imports_or_is_explained(text: str) -> None:
    doc = Document()
    doc.add_paragraph("Survey", style="Title")
    doc.add_paragraph(text)
    doc.add_paragraph("1. " + text)
    buffer = io.BytesIO()
    doc.save(buffer)
    _import(buffer.getvalue())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_limit_phrases_never_fail(text: str) -> None:
    for match in find_limits(text):
        assert 0 <= match.start < match.end <= len(text)
        assert match.limit.amount > 0
        strip_limit(text, match)


def test_xml_that_is_not_wordprocessingml(tmp_path: Path) -> None:
    path = tmp_path / "odd.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<root><child>1. What?</child></root>")
    try:
        build_questionnaire(read_docx(path))
    except DocxImportError as exc:
        assert "no questions were found" in str(exc)
