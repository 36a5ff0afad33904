"""Tables for repeating blocks and the annex: full width, header row repeated on each page."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from docx.oxml.ns import qn
from lxml import etree

Elements = list[etree._Element]

#: Usable width of an A4 page with 2.5 cm margins, in fiftieths of a percent (100 %).
_FULL_WIDTH_PCT = "5000"


def add_table(style_id: str, rows: Sequence[Sequence[Callable[[], Elements]]],
              widths: Sequence[int] | None = None) -> etree._Element:
    """A ``w:tbl`` whose first row is a repeated header; each cell's content is built lazily.

    ``widths`` are relative column widths (equal when omitted).
    """
    columns = len(rows[0]) if rows else 1
    weights = list(widths or [1] * columns)
    total = sum(weights)
    tbl = etree.Element(qn("w:tbl"))
    tbl_pr = etree.SubElement(tbl, qn("w:tblPr"))
    etree.SubElement(tbl_pr, qn("w:tblStyle")).set(qn("w:val"), style_id)
    width = etree.SubElement(tbl_pr, qn("w:tblW"))
    width.set(qn("w:w"), _FULL_WIDTH_PCT)
    width.set(qn("w:type"), "pct")
    look = etree.SubElement(tbl_pr, qn("w:tblLook"))
    for attr, val in (("w:val", "04A0"), ("w:firstRow", "1"), ("w:lastRow", "0"),
                      ("w:firstColumn", "0"), ("w:lastColumn", "0"), ("w:noHBand", "1"),
                      ("w:noVBand", "1")):
        look.set(qn(attr), val)
    grid = etree.SubElement(tbl, qn("w:tblGrid"))
    # Grid widths in twips for a 16 cm text width; Word and LibreOffice use them as hints.
    for w in weights:
        etree.SubElement(grid, qn("w:gridCol")).set(qn("w:w"), str(round(9070 * w / total)))
    for index, row in enumerate(rows):
        tr = etree.SubElement(tbl, qn("w:tr"))
        if index == 0:  # the header row: never split, repeated on every page
            tr_pr = etree.SubElement(tr, qn("w:trPr"))
            etree.SubElement(tr_pr, qn("w:cantSplit"))
            etree.SubElement(tr_pr, qn("w:tblHeader"))
        for col, make in enumerate(row):
            tc = etree.SubElement(tr, qn("w:tc"))
            tc_pr = etree.SubElement(tc, qn("w:tcPr"))
            tc_w = etree.SubElement(tc_pr, qn("w:tcW"))
            tc_w.set(qn("w:w"), str(round(5000 * weights[col] / total)))
            tc_w.set(qn("w:type"), "pct")
            content = make()
            if not content:  # a cell must end with a paragraph
                content = [etree.Element(qn("w:p"))]
            for element in content:
                tc.append(element)
    return tbl
