"""The XML is what Word accepts: schema element order, and every reference resolves.

Word refuses a document whose property elements are out of schema order, or whose
paragraphs name a style or numbering that does not exist; LibreOffice forgives
both, so the conversion test alone would not catch them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from docx.document import Document
from docx.oxml.ns import qn

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_export import BlockDisplay, ChoiceDisplay, ExportOptions
from consultdesk.formats.docx_export.testing import rendered_docx

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "reference"


def load_reference(name: str) -> dict[str, Any]:
    """A case from tests/reference: input response, options and expected meaning."""
    return json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))


# Sequence order of the children we may write, from the WordprocessingML schema.
_ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
            "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
            "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
            "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
            "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
            "lang", "eastAsianLayout", "specVanish", "oMath"],
    "tblPr": ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook"],
    "lvl": ["start", "numFmt", "lvlRestart", "pStyle", "isLgl", "suff", "lvlText",
            "lvlPicBulletId", "legacy", "lvlJc", "pPr", "rPr"],
    "style": ["name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden",
              "uiPriority", "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal",
              "personalCompose", "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr",
              "tcPr", "tblStylePr"],
    "numbering": ["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"],
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _order_problems(root) -> list[str]:  # type: ignore[no-untyped-def]
    problems = []
    for parent_name, order in _ORDER.items():
        rank = {name: i for i, name in enumerate(order)}
        for parent in root.iter(W + parent_name):
            names = [c.tag.removeprefix(W) for c in parent if c.tag.startswith(W)]
            unknown = [n for n in names if n not in rank]
            if unknown:
                problems.append(f"{parent_name}: unexpected {unknown}")
                continue
            ranks = [rank[n] for n in names]
            if ranks != sorted(ranks):
                problems.append(f"{parent_name}: out of order {names}")
    return problems


def _documents(questionnaires: dict[str, Questionnaire]) -> list[Document]:
    docs = []
    for case in sorted(REFERENCE_DIR.glob("*.json")):
        ref = load_reference(case.name)
        for options in (ExportOptions(annex=True, blank=bool(ref["options"].get("blank"))),
                        ExportOptions(choices=ChoiceDisplay.ALL, blocks=BlockDisplay.TABLE,
                                      annex=True, allow_over_limit=True)):
            docs.append(rendered_docx(questionnaires[ref["questionnaire"]], ref["title"],
                                      ref["respondent"], ref["answers"], options)[0])
    return docs


@pytest.fixture(scope="module")
def documents(questionnaires: dict[str, Questionnaire]) -> list[Document]:
    return _documents(questionnaires)


def test_property_elements_are_in_schema_order(documents: list[Document]) -> None:
    for document in documents:
        parts = [document.element, document.styles.element,
                 document.part.numbering_part.element,
                 *(s.footer._element for s in document.sections)]
        for part in parts:
            assert _order_problems(part) == []


def test_every_style_numbering_and_bookmark_reference_resolves(
        documents: list[Document]) -> None:
    for document in documents:
        body = document.element.body
        style_ids = {s.get(qn("w:styleId")) for s in
                     document.styles.element.findall(qn("w:style"))}
        used = {e.get(qn("w:val")) for tag in ("w:pStyle", "w:tblStyle")
                for e in body.iter(qn(tag))}
        assert used <= style_ids, used - style_ids
        num_ids = {n.get(qn("w:numId")) for n in
                   document.part.numbering_part.element.findall(qn("w:num"))}
        assert {e.get(qn("w:val")) for e in body.iter(qn("w:numId"))} <= num_ids
        starts = [e.get(qn("w:id")) for e in body.iter(qn("w:bookmarkStart"))]
        ends = [e.get(qn("w:id")) for e in body.iter(qn("w:bookmarkEnd"))]
        assert len(starts) == len(set(starts)) and sorted(starts) == sorted(ends)
        names = [e.get(qn("w:name")) for e in body.iter(qn("w:bookmarkStart"))]
        assert all(len(n) <= 40 for n in names)


def test_user_template_styles_copied_in_keep_schema_order(
        tmp_path: Path, questionnaires: dict[str, Questionnaire]) -> None:
    import docx

    template = tmp_path / "t.docx"
    docx.Document().save(str(template))
    document, _ = rendered_docx(questionnaires["sr-expression-call-2026"], "T", {},
                                {"laws": "- a\n- b"}, ExportOptions(template=template))
    assert _order_problems(document.styles.element) == []
