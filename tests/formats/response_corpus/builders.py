"""python-docx helpers for writing completed responses as ministries do in Word."""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from tests.formats.corpus.wordml import add_list_definition, numbered

_EMPHASIS = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


def runs(paragraph: Any, text: str) -> Any:
    """Fill a paragraph from text with **bold** and *italic* stretches, as real runs."""
    for part in _EMPHASIS.split(text):
        if not part:
            continue
        if part.startswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*"):
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)
    return paragraph


def para(container: Any, text: str = "", style: str | None = None) -> Any:
    """A paragraph (in the document or a cell) with emphasis runs."""
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    return runs(p, text)


def first_para(cell: Any, text: str) -> Any:
    """Write into a cell's existing first paragraph."""
    return runs(cell.paragraphs[0], text)


def bullets(doc: DocumentObject) -> int:
    """A Word bullet list definition; its numId."""
    return add_list_definition(doc, [("bullet", "•"), ("bullet", "o")])


def numbers(doc: DocumentObject) -> int:
    """A Word numbered list definition (1. / a.); its numId."""
    return add_list_definition(doc, [("decimal", "%1."), ("lowerLetter", "%2.")])


def list_items(container: Any, num_id: int, items: list[str], level: int = 0) -> None:
    """Paragraphs in a Word list."""
    for item in items:
        numbered(para(container, item), num_id, level)


def _w(tag: str) -> str:
    return qn(f"w:{tag}")


def bookmark(paragraph: Any, name: str, bookmark_id: int) -> Any:
    """A bookmark around a paragraph's runs, as Word puts ``_Ref123456`` on a heading
    when a cross-reference to it is inserted."""
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart")
    start.set(_w("id"), str(bookmark_id))
    start.set(_w("name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(_w("id"), str(bookmark_id))
    ppr = p.find(_w("pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)
    return paragraph


def ref_field(paragraph: Any, instruction: str, result: list[str], *, simple: bool = False,
              italic: bool = False) -> Any:
    """Word's cross-reference: a ``REF`` field (complex, or ``w:fldSimple``) showing
    ``result`` (one run per part, as Word may split it)."""
    p = paragraph._p

    def run(parent: Any, child: Any) -> Any:
        r = OxmlElement("w:r")
        if italic:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:i"))
            r.append(rpr)
        r.append(child)
        parent.append(r)
        return r

    def text(value: str) -> Any:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = value
        return t

    if simple:
        field = OxmlElement("w:fldSimple")
        field.set(_w("instr"), f" {instruction} ")
        for part in result:
            run(field, text(part))
        p.append(field)
        return paragraph
    for kind in ("begin", "instr", "separate", *(["part"] * len(result)), "end"):
        if kind == "instr":
            child = OxmlElement("w:instrText")
            child.set(qn("xml:space"), "preserve")
            child.text = f" {instruction} "
        elif kind == "part":
            child = text(result.pop(0))
        else:
            child = OxmlElement("w:fldChar")
            child.set(_w("fldCharType"), kind)
        run(p, child)
    return paragraph
