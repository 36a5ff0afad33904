"""Building paragraph and run XML directly: fast, and exactly the text that was counted.

python-docx's object layer costs a lot per run; answers can hold thousands of
paragraphs, so they are written as lxml elements here.  Text is split on line
breaks and tabs into ``w:br``/``w:tab``, as Word stores them, and every string
goes through the :class:`TextCleaner` first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from copy import deepcopy
from functools import lru_cache

from docx.oxml.ns import qn
from lxml import etree

from consultdesk.formats.docx_export.xml_text import TextCleaner, Where

_P, _PPR, _PSTYLE, _R, _RPR, _T = (qn(t) for t in ("w:p", "w:pPr", "w:pStyle", "w:r", "w:rPr",
                                                    "w:t"))
_B, _BCS, _I, _ICS, _BR, _TAB, _VAL = (qn(t) for t in ("w:b", "w:bCs", "w:i", "w:iCs", "w:br",
                                                       "w:tab", "w:val"))
_NUMPR, _ILVL, _NUMID, _OUTLINE, _RFONTS = (qn(t) for t in ("w:numPr", "w:ilvl", "w:numId",
                                                            "w:outlineLvl", "w:rFonts"))
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_SPLIT = re.compile(r"(\n|\t)")

#: One run to write: text, bold, italic.
RunSpec = tuple[str, bool, bool]


def paragraph(
    style_id: str,
    runs: Iterable[RunSpec] = (),
    *,
    num: tuple[int, int] | None = None,
    outline_level: int | None = None,
) -> etree._Element:
    """A ``w:p`` in a style, with runs, optionally a list item (numId, ilvl) or outline level."""
    # One copy of a cached empty paragraph costs a fifth of building its five elements,
    # which matters for answers of thousands of list items.
    p = deepcopy(_empty_paragraph(style_id, num, outline_level))
    for text, bold, italic in runs:
        add_run(p, text, bold=bold, italic=italic)
    return p


@lru_cache(maxsize=256)
def _empty_paragraph(style_id: str, num: tuple[int, int] | None,
                     outline_level: int | None) -> etree._Element:
    """The paragraph and its properties, without runs (a template: copy, never change)."""
    p = etree.Element(_P)
    ppr = etree.SubElement(p, _PPR)
    etree.SubElement(ppr, _PSTYLE).set(_VAL, style_id)
    if num is not None:
        numpr = etree.SubElement(ppr, _NUMPR)
        etree.SubElement(numpr, _ILVL).set(_VAL, str(num[1]))
        etree.SubElement(numpr, _NUMID).set(_VAL, str(num[0]))
    if outline_level is not None:
        etree.SubElement(ppr, _OUTLINE).set(_VAL, str(min(max(outline_level, 0), 8)))
    return p


@lru_cache(maxsize=8)
def _run_properties(bold: bool, italic: bool) -> etree._Element:
    """A run's bold/italic properties (a template: copy, never change)."""
    rpr = etree.Element(_RPR)
    if bold:
        etree.SubElement(rpr, _B)
        etree.SubElement(rpr, _BCS)
    if italic:
        etree.SubElement(rpr, _I)
        etree.SubElement(rpr, _ICS)
    return rpr


def add_run(p: etree._Element, text: str, *, bold: bool = False, italic: bool = False,
            font: str | None = None) -> etree._Element:
    """Append a run; ``\\n`` becomes a line break and ``\\t`` a tab (text already clean)."""
    r = etree.SubElement(p, _R)
    if (bold or italic) and not font:
        r.append(deepcopy(_run_properties(bold, italic)))
    elif font:
        rpr = etree.SubElement(r, _RPR)
        if font:
            fonts = etree.SubElement(rpr, _RFONTS)
            for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                fonts.set(qn(attr), font)
        if bold:
            etree.SubElement(rpr, _B)
            etree.SubElement(rpr, _BCS)
        if italic:
            etree.SubElement(rpr, _I)
            etree.SubElement(rpr, _ICS)
    if "\n" not in text and "\t" not in text:
        t = etree.SubElement(r, _T)
        t.text = text
        if text[:1].isspace() or text[-1:].isspace():
            t.set(_SPACE, "preserve")
        return r
    for piece in _SPLIT.split(text):
        if piece == "\n":
            etree.SubElement(r, _BR)
        elif piece == "\t":
            etree.SubElement(r, _TAB)
        elif piece:
            t = etree.SubElement(r, _T)
            t.text = piece
            t.set(_SPACE, "preserve")
    return r


def clean_runs(cleaner: TextCleaner, runs: Iterable[RunSpec], where: Where) -> list[RunSpec]:
    """Runs with text XML can hold."""
    return [(cleaner.clean(text, where), bold, italic) for text, bold, italic in runs]


def break_page_before(p: etree._Element) -> etree._Element:
    """Start a paragraph on a new page (no empty paragraph left at the page's top)."""
    ppr = p.find(_PPR)
    style = ppr.find(_PSTYLE)
    element = etree.Element(qn("w:pageBreakBefore"))
    if style is not None:
        style.addnext(element)
    else:
        ppr.insert(0, element)
    return p


def bookmark(p_first: etree._Element, p_last: etree._Element, bookmark_id: int,
             name: str) -> None:
    """Span a bookmark from the start of one paragraph to the end of another."""
    start = etree.Element(qn("w:bookmarkStart"))
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    ppr = p_first.find(_PPR)
    if ppr is not None:
        ppr.addnext(start)
    else:
        p_first.insert(0, start)
    end = etree.SubElement(p_last, qn("w:bookmarkEnd"))
    end.set(qn("w:id"), str(bookmark_id))
