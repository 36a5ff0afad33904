"""Reading an exported document's meaning, for tests (as ``numpy.testing`` is for numpy).

Tests compare what a reader sees (paragraph texts, styles, bold and italic runs,
list levels and kinds, table cells) with expectations kept as data, never bytes.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import AnswerValue
from consultdesk.formats.docx_export.export import render_document
from consultdesk.formats.docx_export.options import ExportOptions


def rendered_docx(questionnaire: Questionnaire, title: str, respondent: Mapping[str, str],
                  answers: Mapping[str, AnswerValue],
                  options: ExportOptions = ExportOptions()) -> tuple[Document, tuple[str, ...]]:
    """Render, save to bytes and open again: the document as a reader will see it."""
    rendered = render_document(questionnaire, title, respondent, answers, options)
    buffer = io.BytesIO()
    rendered.document.save(buffer)
    buffer.seek(0)
    return docx.Document(buffer), rendered.warnings


def _list_kinds(document: Document) -> dict[tuple[int, int], str]:
    """(numId, ilvl) -> "bullet" or "ordered", from the numbering part."""
    root = document.part.numbering_part.element
    abstract = {}
    for a in root.findall(qn("w:abstractNum")):
        abstract[a.get(qn("w:abstractNumId"))] = {
            int(lvl.get(qn("w:ilvl"))): (
                "bullet" if lvl.find(qn("w:numFmt")).get(qn("w:val")) == "bullet" else "ordered")
            for lvl in a.findall(qn("w:lvl"))}
    kinds = {}
    for num in root.findall(qn("w:num")):
        levels = abstract[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        for ilvl, kind in levels.items():
            kinds[(int(num.get(qn("w:numId"))), ilvl)] = kind
    return kinds


def describe_paragraph(p: Paragraph,
                       kinds: dict[tuple[int, int], str]) -> dict[str, Any]:
    """A paragraph's meaning: style, text, formatted runs, list level and kind."""
    out: dict[str, Any] = {"style": p.style.name if p.style else None, "text": p.text}
    runs: list[list[str]] = []
    for r in p.runs:
        flags = ("b" if r.bold else "") + ("i" if r.italic else "")
        if runs and runs[-1][1] == flags:
            runs[-1][0] += r.text
        elif r.text:
            runs.append([r.text, flags])
    out["runs"] = runs
    num_pr = p._p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if num_pr is not None:
        num_id = int(num_pr.find(qn("w:numId")).get(qn("w:val")))
        ilvl = int(num_pr.find(qn("w:ilvl")).get(qn("w:val")))
        out["level"] = ilvl + 1
        out["list"] = kinds[(num_id, ilvl)]
        out["num_id"] = num_id
    return out


def describe(document: Document) -> list[dict[str, Any]]:
    """The body in order: paragraphs as :func:`describe_paragraph`, tables as rows of cell texts."""
    kinds = _list_kinds(document)
    out: list[dict[str, Any]] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            described = describe_paragraph(block, kinds)
            if block.paragraph_format.page_break_before:
                described["page_break_before"] = True
            out.append(described)
        elif isinstance(block, Table):
            out.append({"table": [[c.text for c in row.cells] for row in block.rows]})
    return out


def matches(actual: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[str]:
    """Differences between described blocks and expectations (only expected keys compared)."""
    problems = []
    for index, (a, e) in enumerate(zip(actual, expected)):
        for key, value in e.items():
            if a.get(key) != value:
                problems.append(f"#{index} {key}: expected {value!r}, got {a.get(key)!r} "
                                f"(paragraph {a.get('text', a)!r})")
    if len(actual) != len(expected):
        problems.append(f"expected {len(expected)} blocks, got {len(actual)}: "
                        f"extra {actual[len(expected):]!r}")
    return problems
