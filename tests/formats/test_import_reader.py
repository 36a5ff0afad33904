"""Reading a .docx in body order: list numbering, tables, content controls, tracked changes."""

from __future__ import annotations

import io
import zipfile

from corpus.wordml import add_checkbox_control, add_list_definition, numbered, restart_list
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from consultdesk.formats.docx_import.numbering import format_number
from consultdesk.formats.docx_import.package import open_docx
from consultdesk.formats.docx_import.reader import Block, read_blocks


def _blocks(doc) -> list[Block]:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    doc.save(buffer)
    return read_blocks(open_docx(buffer.getvalue(), "test.docx"))


def _shown(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [b.display for b in _blocks(doc) if b.display]


def test_list_style_numbering_and_bullets() -> None:
    doc = Document()
    doc.add_paragraph("What is A?", style="List Number")
    doc.add_paragraph("What is B?", style="List Number")
    doc.add_paragraph("a point", style="List Bullet")
    blocks = _blocks(doc)
    assert [b.display for b in blocks] == ["1. What is A?", "2. What is B?", "a point"]
    assert blocks[2].list_label is not None and blocks[2].list_label.bullet


def test_multilevel_numbering_resets_deeper_levels() -> None:
    doc = Document()
    num = add_list_definition(doc, [("decimal", "%1."), ("decimal", "%1.%2"),
                                    ("lowerRoman", "(%3)")])
    for text, level in [("One", 0), ("One-one", 1), ("One-one-i", 2), ("One-one-ii", 2),
                        ("One-two", 1), ("One-two-i", 2), ("Two", 0), ("Two-one", 1)]:
        numbered(doc.add_paragraph(text), num, level)
    assert _shown(doc) == ["1. One", "1.1 One-one", "(i) One-one-i", "(ii) One-one-ii",
                           "1.2 One-two", "(i) One-two-i", "2. Two", "2.1 Two-one"]


def test_start_override_restarts_a_list_and_empty_items_count_as_in_word() -> None:
    doc = Document()
    num = add_list_definition(doc, [("upperLetter", "%1)")])
    numbered(doc.add_paragraph("First"), num)
    numbered(doc.add_paragraph(""), num)  # Word shows "B)" on the empty item
    numbered(doc.add_paragraph("Third"), num)
    again = restart_list(doc, num)
    numbered(doc.add_paragraph("Again"), again)
    assert _shown(doc) == ["A) First", "C) Third", "A) Again"]


def test_number_formats() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert [format_number(n, "upperRoman") for n in (4, 9, 14, 40)] == ["IV", "IX", "XIV", "XL"]
    assert format_number(7, "decimalZero") == "07"


def test_tracked_changes_show_the_result() -> None:
    doc = Document()
    p = doc.add_paragraph("What ")
    p._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="A"><w:r>'
                          "<w:delText>old </w:delText></w:r></w:del>"))
    p._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="A"><w:r>'
                          "<w:t>new </w:t></w:r></w:ins>"))
    p.add_run("measures?")
    assert _shown(doc) == ["What new measures?"]


def test_block_content_controls_are_read_in_place() -> None:
    doc = Document()
    doc.add_paragraph("Before")
    body = doc.element.body
    sdt = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent><w:p><w:r>'
                    "<w:t>1. Inside a content control?</w:t></w:r></w:p></w:sdtContent></w:sdt>")
    body.insert(len(body) - 1, sdt)  # before sectPr
    doc.add_paragraph("After")
    assert _shown(doc) == ["Before", "1. Inside a content control?", "After"]


def test_check_box_content_controls_read_as_boxes() -> None:
    doc = Document()
    p = doc.add_paragraph()
    add_checkbox_control(p, "Yes")
    add_checkbox_control(p, "No", checked=True)
    assert _shown(doc)[0].split() == ["☐", "Yes", "☒", "No"]


def test_answer_cells_beside_and_below() -> None:
    doc = Document()
    beside = doc.add_table(rows=2, cols=2)
    beside.cell(0, 0).text = "Question beside?"
    beside.cell(1, 0).text = "Filled"
    beside.cell(1, 1).text = "already answered"
    above = doc.add_table(rows=2, cols=1)
    above.cell(0, 0).text = "Question above?"
    cells = {b.text: b.cell for b in _blocks(doc) if b.cell is not None and b.text}
    assert cells["Question beside?"] is not None and cells["Question beside?"].answer_slot
    assert cells["Filled"] is not None and not cells["Filled"].answer_slot
    assert cells["Question above?"] is not None and cells["Question above?"].answer_slot


def test_vertically_merged_cells_are_not_answer_cells() -> None:
    doc = Document()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(0, 0).text = "Part A"
    table.cell(0, 1).text = "First item"
    table.cell(1, 1).text = "Second item"
    cells = {b.text: b.cell for b in _blocks(doc) if b.cell is not None and b.text}
    assert not any(c.answer_slot for c in cells.values() if c is not None)


def test_nested_table_cells_are_read() -> None:
    doc = Document()
    outer = doc.add_table(rows=1, cols=1)
    inner = outer.cell(0, 0).add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "Nested question?"
    assert "Nested question?" in _shown(doc)


def test_headings_titles_and_bold() -> None:
    doc = Document()
    doc.add_paragraph("The title", style="Title")
    doc.add_heading("Part one", level=2)
    p = doc.add_paragraph()
    p.add_run("All bold").bold = True
    mixed = doc.add_paragraph()
    mixed.add_run("Partly ").bold = True
    mixed.add_run("bold")
    blocks = _blocks(doc)
    assert blocks[0].title and blocks[1].heading == 2
    assert blocks[2].bold and not blocks[3].bold


def test_strict_open_xml_documents_are_read() -> None:
    """Word's "Strict Open XML Document" uses other namespaces for the same elements."""
    doc = Document()
    doc.add_paragraph("Is this read?", style="List Number")
    buffer = io.BytesIO()
    doc.save(buffer)
    strict = io.BytesIO()
    transitional = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(strict, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("word/"):
                data = data.replace(transitional,
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            dst.writestr(info.filename, data)
    blocks = read_blocks(open_docx(strict.getvalue(), "strict.docx"))
    assert [b.display for b in blocks] == ["1. Is this read?"]


def test_a_text_box_is_read_once_not_twice() -> None:
    """Word writes a text box twice (mc:Choice and an mc:Fallback for old readers)."""
    doc = Document()
    p = doc.add_paragraph("Box: ")
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = ('<w:txbxContent><w:p><w:r><w:t>inside</w:t></w:r></w:p></w:txbxContent>')
    p._p.append(parse_xml(
        f'<w:r {nsdecls("w")} xmlns:mc="{mc}"><mc:AlternateContent>'
        f"<mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>"))
    assert _shown(doc) == ["Box: inside"]
