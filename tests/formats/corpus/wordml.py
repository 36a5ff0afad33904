"""python-docx helpers for building questionnaire documents the way Word writes them.

Word's automatic list numbering (an abstract list in numbering.xml, referenced by
``w:numPr``), check-box content controls (``w14:checkbox``), legacy form-field
check boxes and table cells: python-docx has no API for these, so they are
written here as the XML Word itself produces.
"""

from __future__ import annotations

from docx.document import Document as DocumentObject
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.table import _Cell
from docx.text.paragraph import Paragraph

W14 = 'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"'


def add_list_definition(doc: DocumentObject, levels: list[tuple[str, str]]) -> int:
    """Add an abstract list with ``(numFmt, lvlText)`` per level; returns a new numId."""
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId")))
                    for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    aid = max(abstract_ids, default=0) + 1
    nid = max(num_ids, default=0) + 1
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{360 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                         f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    # abstractNum elements must come before num elements.
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/></w:num>'))
    return nid


def restart_list(doc: DocumentObject, num_id: int) -> int:
    """A new numId on the same abstract list that starts level 0 again at 1."""
    numbering = doc.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(num_id):
            aid = num.find(qn("w:abstractNumId")).get(qn("w:val"))
            break
    else:
        raise KeyError(num_id)
    nid = max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1
    numbering.append(parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>'
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'))
    return nid


def numbered(paragraph: Paragraph, num_id: int, level: int = 0) -> Paragraph:
    """Put a paragraph in a Word list at a level (the number is not typed)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return paragraph


def add_checkbox_control(paragraph: Paragraph, label: str, checked: bool = False) -> None:
    """A Word check-box content control (Developer > Check Box) followed by its label."""
    glyph = "☒" if checked else "☐"
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w")} {W14}><w:sdtPr><w14:checkbox>'
        f'<w14:checked w14:val="{1 if checked else 0}"/>'
        f'<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        f'<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr>'
        f'<w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>'
    )
    paragraph._p.append(sdt)
    paragraph.add_run(f" {label}   ")


def add_form_checkbox(paragraph: Paragraph, label: str) -> None:
    """A legacy form-field check box (Word 97 style: a FORMCHECKBOX field)."""
    for xml in (
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val=""/>'
        '<w:enabled/><w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>'
        '</w:checkBox></w:ffData></w:fldChar></w:r>',
        f'<w:r {nsdecls("w")}><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>',
        f'<w:r {nsdecls("w")}><w:fldChar w:fldCharType="end"/></w:r>',
    ):
        paragraph._p.append(parse_xml(xml))
    paragraph.add_run(f" {label}  ")


def add_wingdings_box(paragraph: Paragraph, label: str) -> None:
    """A box typed as a Wingdings symbol (Insert > Symbol), followed by its label."""
    paragraph._p.append(parse_xml(
        f'<w:r {nsdecls("w")}><w:sym w:font="Wingdings" w:char="F0A8"/></w:r>'))
    paragraph.add_run(f" {label}  ")


def add_placeholder_control(cell: _Cell) -> None:
    """A plain-text content control showing Word's placeholder (an empty answer field)."""
    p = cell.paragraphs[0]
    p._p.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent>'
        '<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
        '<w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>'))


def add_dropdown_control(paragraph: Paragraph, items: list[str]) -> None:
    """A drop-down list content control showing Word's "Choose an item." prompt."""
    entries = '<w:listItem w:displayText="Choose an item." w:value=""/>' + "".join(
        f'<w:listItem w:displayText="{item}" w:value="{item}"/>' for item in items)
    paragraph._p.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:showingPlcHdr/><w:dropDownList>{entries}'
        '</w:dropDownList></w:sdtPr><w:sdtContent><w:r><w:t>Choose an item.</w:t></w:r>'
        '</w:sdtContent></w:sdt>'))


def number_headings(doc: DocumentObject, num_id: int) -> None:
    """Word's multilevel heading numbering: Heading 1 takes level 0 of the list."""
    numbering = doc.part.numbering_part.element
    for num in numbering.findall(qn("w:num")):
        if num.get(qn("w:numId")) == str(num_id):
            aid = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    for abstract in numbering.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == aid:
            abstract.find(qn("w:lvl")).append(
                parse_xml(f'<w:pStyle {nsdecls("w")} w:val="Heading1"/>'))
    doc.styles["Heading 1"].element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:numId w:val="{num_id}"/></w:numPr>'))
