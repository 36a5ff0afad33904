#!/usr/bin/env python3
"""Build ``templates/default.docx``, the reference document whose styles the Word export uses.

Run from the repository root after changing a style here:

    .venv/bin/python packaging/make_default_template.py

The result is committed, so the app never builds it at run time.  It starts from
python-docx's own template (for its complete set of built-in styles and latent
style table) and replaces the look of every style the export uses: a clean sans
body at 11 pt, navy headings, a discreet grey "Limit" line, list and table
styles, A4 pages and a "page / pages" footer (no words: it suits every
language).  A user's own template replaces all of this; the export then only
adds the styles that template lacks.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates" / "default.docx"

BODY_FONT = "Arial"
NAVY = "1F3864"
INK = "1A1A1A"
GREY = "6B6B6B"

# Each style: (name, type, based on, pPr xml, rPr xml).  Sizes are half-points,
# spacing and indents twentieths of a point (twips).
_P = WD_STYLE_TYPE.PARAGRAPH
_C = WD_STYLE_TYPE.CHARACTER
_KEEP = "<w:keepNext/><w:keepLines/>"
STYLES: list[tuple[str, WD_STYLE_TYPE, str | None, str, str]] = [
    ("Normal", _P, None, '<w:spacing w:after="0" w:line="264" w:lineRule="auto"/>',
     f'<w:color w:val="{INK}"/>'),
    ("Title", _P, "Normal",
     '<w:spacing w:before="0" w:after="80" w:line="240" w:lineRule="auto"/><w:contextualSpacing/>',
     f'<w:b/><w:color w:val="{NAVY}"/><w:sz w:val="40"/><w:szCs w:val="40"/>'),
    ("Subtitle", _P, "Normal",
     f'{_KEEP}<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="8" w:color="{NAVY}"/></w:pBdr>'
     '<w:spacing w:before="0" w:after="360"/>',
     f'<w:color w:val="{GREY}"/><w:sz w:val="26"/><w:szCs w:val="26"/>'),
    ("Heading 1", _P, "Normal",
     f'{_KEEP}<w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>',
     f'<w:b/><w:color w:val="{NAVY}"/><w:sz w:val="30"/><w:szCs w:val="30"/>'),
    ("Heading 2", _P, "Normal",
     f'{_KEEP}<w:spacing w:before="300" w:after="100"/><w:outlineLvl w:val="1"/>',
     f'<w:b/><w:color w:val="{NAVY}"/><w:sz w:val="26"/><w:szCs w:val="26"/>'),
    ("Heading 3", _P, "Normal",
     f'{_KEEP}<w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="2"/>',
     '<w:b/><w:color w:val="2F5496"/><w:sz w:val="23"/><w:szCs w:val="23"/>'),
    ("Heading 4", _P, "Normal",
     f'{_KEEP}<w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="3"/>',
     '<w:b/><w:color w:val="2F5496"/><w:sz w:val="22"/><w:szCs w:val="22"/>'),
    ("Body Text", _P, "Normal",
     '<w:spacing w:before="0" w:after="140" w:line="276" w:lineRule="auto"/>', ""),
    ("Question", _P, "Normal",
     f'{_KEEP}<w:tabs><w:tab w:val="left" w:pos="567"/></w:tabs>'
     '<w:spacing w:before="280" w:after="40" w:line="264" w:lineRule="auto"/>'
     '<w:ind w:left="567" w:hanging="567"/>',
     f'<w:b/><w:color w:val="{INK}"/>'),
    ("Limit", _P, "Normal",
     f'{_KEEP}<w:spacing w:before="0" w:after="140"/><w:ind w:left="567"/>',
     f'<w:i/><w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>'),
    ("Guidance", _P, "Normal",
     f'{_KEEP}<w:spacing w:before="0" w:after="60"/><w:ind w:left="567"/>',
     f'<w:color w:val="{GREY}"/><w:sz w:val="19"/><w:szCs w:val="19"/>'),
    ("Section Intro", _P, "Body Text", '<w:spacing w:after="160"/>',
     '<w:i/><w:color w:val="404040"/>'),
    ("Field Label", _P, "Normal", f'{_KEEP}<w:spacing w:before="160" w:after="20"/>',
     f'<w:b/><w:color w:val="{INK}"/>'),
    ("Entry Heading", _P, "Normal", f'{_KEEP}<w:spacing w:before="200" w:after="60"/>',
     '<w:b/><w:color w:val="2F5496"/>'),
    ("Choice", _P, "Body Text", '<w:spacing w:after="40"/><w:ind w:left="340" w:hanging="340"/>',
     ""),
    ("List Paragraph", _P, "Normal",
     '<w:spacing w:before="0" w:after="80" w:line="276" w:lineRule="auto"/>', ""),
    ("List Continue", _P, "List Paragraph", '<w:ind w:left="360"/>', ""),
    ("List Continue 2", _P, "List Paragraph", '<w:ind w:left="720"/>', ""),
    ("List Continue 3", _P, "List Paragraph", '<w:ind w:left="1080"/>', ""),
    ("List Continue 4", _P, "List Paragraph", '<w:ind w:left="1440"/>', ""),
    ("List Continue 5", _P, "List Paragraph", '<w:ind w:left="1800"/>', ""),
    ("Table Text", _P, "Normal", '<w:spacing w:before="40" w:after="40"/>',
     '<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    ("Header", _P, "Normal", "",
     f'<w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>'),
    ("Footer", _P, "Normal", '<w:jc w:val="center"/>',
     f'<w:color w:val="{GREY}"/><w:sz w:val="18"/><w:szCs w:val="18"/>'),
]

TABLE_STYLE = f"""
<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="ResponseTable">
  <w:name w:val="Response Table"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="59"/>
  <w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>
  <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="100" w:type="dxa"/>
      <w:bottom w:w="40" w:type="dxa"/><w:right w:w="100" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="{NAVY}"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="EAEEF5"/></w:tcPr>
  </w:tblStylePr>
</w:style>
"""

FOOTER = f"""
<w:p {nsdecls('w')}>
  <w:pPr><w:pStyle w:val="Footer"/></w:pPr>
  <w:r><w:fldChar w:fldCharType="begin"/></w:r>
  <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
  <w:r><w:fldChar w:fldCharType="separate"/></w:r>
  <w:r><w:t>1</w:t></w:r>
  <w:r><w:fldChar w:fldCharType="end"/></w:r>
  <w:r><w:t xml:space="preserve"> / </w:t></w:r>
  <w:r><w:fldChar w:fldCharType="begin"/></w:r>
  <w:r><w:instrText xml:space="preserve"> NUMPAGES </w:instrText></w:r>
  <w:r><w:fldChar w:fldCharType="separate"/></w:r>
  <w:r><w:t>1</w:t></w:r>
  <w:r><w:fldChar w:fldCharType="end"/></w:r>
</w:p>
"""


def _set_style(document: docx.document.Document, name: str, kind: WD_STYLE_TYPE,
               based_on: str | None, ppr: str, rpr: str) -> None:
    """Create or reset one style so it holds exactly the given formatting."""
    styles = document.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, kind)
    element = style.element
    for tag in ("w:pPr", "w:rPr", "w:basedOn", "w:link", "w:rsid"):
        for child in element.findall(qn(tag)):
            element.remove(child)
    if based_on is not None:
        style.base_style = styles[based_on]
    style.hidden = False
    style.quick_style = True
    if ppr:
        element.append(parse_xml(f"<w:pPr {nsdecls('w')}>{ppr}</w:pPr>"))
    if rpr:
        element.append(parse_xml(f"<w:rPr {nsdecls('w')}>{rpr}</w:rPr>"))


def _set_defaults(document: docx.document.Document) -> None:
    """Document-wide font, size and language (the export resets the language per response)."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    defaults.getparent().remove(defaults)
    document.styles.element.insert(0, parse_xml(
        f"<w:docDefaults {nsdecls('w')}><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{BODY_FONT}" w:hAnsi="{BODY_FONT}" w:cs="{BODY_FONT}"'
        ' w:eastAsiaTheme="minorEastAsia"/>'
        '<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-GB" w:eastAsia="ja-JP"'
        ' w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="264" w:lineRule="auto"/>'
        "</w:pPr></w:pPrDefault></w:docDefaults>"
    ))


def _clean_package(document: docx.document.Document) -> None:
    """Drop python-docx's thumbnail and authorship so the template carries nothing stale."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
    props = document.core_properties
    props.author = ""
    props.last_modified_by = ""
    props.title = "ConsultDesk default template"
    props.comments = "Styles used by ConsultDesk's Word export."
    props.revision = 1
    settings = document.settings.element
    for tag in ("w:proofState", "w:rsids"):
        for child in settings.findall(qn(tag)):
            settings.remove(child)


def build() -> docx.document.Document:
    """The default template as a python-docx document."""
    document = docx.Document()
    _set_defaults(document)
    for name, kind, based_on, ppr, rpr in STYLES:
        _set_style(document, name, kind, based_on, ppr, rpr)
    document.styles.element.append(parse_xml(TABLE_STYLE))
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.2)
    section.header_distance = section.footer_distance = Cm(1.1)
    footer = section.footer
    footer.is_linked_to_previous = False
    for p in list(footer._element.findall(qn("w:p"))):
        footer._element.remove(p)
    footer._element.append(parse_xml(FOOTER))
    _clean_package(document)
    return document


def main() -> int:
    """Write templates/default.docx."""
    OUT.parent.mkdir(parents=True, exist_ok=True)
    build().save(str(OUT))
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
