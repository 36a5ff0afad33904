"""Word templates: the committed default, and a user's own letterhead with its styles."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from lxml import etree

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_export import ExportOptions, TemplateError, default_template_path
from consultdesk.formats.docx_export.testing import describe, rendered_docx

ROOT = Path(__file__).resolve().parents[2]


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "make_default_template", ROOT / "packaging" / "make_default_template.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _style_xml(document: docx.document.Document, name: str) -> str:
    element = document.styles[name].element
    parts = [etree.tostring(element.find(qn(t))) for t in ("w:pPr", "w:rPr")
             if element.find(qn(t)) is not None]
    return b"".join(parts).decode()


def test_committed_default_template_is_what_the_script_builds() -> None:
    script = _script()
    built = script.build()
    committed = docx.Document(str(default_template_path()))
    for name, *_ in script.STYLES:
        assert _style_xml(committed, name) == _style_xml(built, name), name
    assert committed.styles["Response Table"].type == WD_STYLE_TYPE.TABLE
    assert committed.styles["Body Text"].font.size is None  # 11 pt from the defaults
    defaults = committed.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:sz')}").get(qn("w:val")) == "22"
    section = committed.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01)


def _letterhead(path: Path, *, footer: str | None = "Confidential draft",
                body_font: str = "Times New Roman") -> Path:
    """A ministry's letterhead: own Body Text and Heading 1, a header, maybe a footer."""
    document = docx.Document()
    document.styles["Normal"].font.name = body_font
    body = document.styles.add_style("Body Text", WD_STYLE_TYPE.PARAGRAPH) \
        if "Body Text" not in [s.name for s in document.styles] else document.styles["Body Text"]
    body.font.name = body_font
    body.font.size = Pt(12)
    document.styles["Heading 1"].font.size = Pt(18)
    section = document.sections[0]
    section.left_margin = Cm(3.3)
    section.header.paragraphs[0].text = "MINISTRY OF FOREIGN AFFAIRS"
    if footer is not None:
        section.footer.paragraphs[0].text = footer
    document.add_paragraph("Sample letter text that must not appear in exports.")
    document.save(str(path))
    return path


def test_user_template_styles_header_and_footer_are_used(
        tmp_path: Path, questionnaires: dict[str, Questionnaire]) -> None:
    template = _letterhead(tmp_path / "letterhead.docx")
    q = questionnaires["ohchr-civic-space-2021"]
    document, _ = rendered_docx(q, "T", {"state": "Japan"}, {"q1": "Answer."},
                                ExportOptions(template=template))
    texts = [p.text for p in document.paragraphs]
    assert "Sample letter text that must not appear in exports." not in texts
    assert "Answer." in texts
    assert document.styles["Body Text"].font.name == "Times New Roman"
    assert document.styles["Body Text"].font.size == Pt(12)
    assert document.styles["Heading 1"].font.size == Pt(18)
    section = document.sections[0]
    assert section.header.paragraphs[0].text == "MINISTRY OF FOREIGN AFFAIRS"
    assert section.footer.paragraphs[0].text == "Confidential draft"  # kept, no number added
    assert abs(section.left_margin - Cm(3.3)) < Cm(0.01)
    # Styles the letterhead lacks come from the default template.
    for name in ("Question", "Limit", "Field Label", "List Continue 2"):
        assert document.styles[name].type == WD_STYLE_TYPE.PARAGRAPH
    answer = next(p for p in document.paragraphs if p.text == "Answer.")
    assert answer.style.name == "Body Text"


def test_template_without_footer_gets_page_numbers(
        tmp_path: Path, questionnaires: dict[str, Questionnaire]) -> None:
    template = _letterhead(tmp_path / "plain.docx", footer=None)
    document, _ = rendered_docx(questionnaires["ohchr-civic-space-2021"], "T", {}, {},
                                ExportOptions(template=template))
    footer = document.sections[0].footer._element
    assert [i.text.strip() for i in footer.iter(qn("w:instrText"))] == ["PAGE"]


def test_dotx_template_is_accepted(tmp_path: Path,
                                   questionnaires: dict[str, Questionnaire]) -> None:
    source = _letterhead(tmp_path / "l.docx")
    dotx = tmp_path / "letterhead.dotx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(dotx, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"wordprocessingml.document.main+xml",
                                    b"wordprocessingml.template.main+xml")
            zout.writestr(item, data)
    document, _ = rendered_docx(questionnaires["ohchr-civic-space-2021"], "T", {},
                                {"q1": "Answer."}, ExportOptions(template=dotx))
    assert document.sections[0].header.paragraphs[0].text == "MINISTRY OF FOREIGN AFFAIRS"


@pytest.mark.parametrize("content, message", [
    (b"this is not a zip", "is not a Word document"),
    (None, "does not exist"),
])
def test_bad_template_gives_a_clear_error(tmp_path: Path, content: bytes | None, message: str,
                                          questionnaires: dict[str, Questionnaire]) -> None:
    template = tmp_path / "bad.docx"
    if content is not None:
        template.write_bytes(content)
    with pytest.raises(TemplateError, match=message):
        rendered_docx(questionnaires["ohchr-civic-space-2021"], "T", {}, {},
                      ExportOptions(template=template))


def test_macro_template_is_refused(tmp_path: Path,
                                   questionnaires: dict[str, Questionnaire]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", '<Types><Override ContentType="application/'
                   'vnd.ms-word.document.macroEnabled.main+xml"/></Types>')
    template = tmp_path / "macros.docm"
    template.write_bytes(buffer.getvalue())
    with pytest.raises(TemplateError, match="macros"):
        rendered_docx(questionnaires["ohchr-civic-space-2021"], "T", {}, {},
                      ExportOptions(template=template))


def test_template_without_numbering_part_gets_real_lists(
        tmp_path: Path, questionnaires: dict[str, Questionnaire]) -> None:
    """Templates saved by other programs may lack numbering.xml (python-docx cannot add one)."""
    source = _letterhead(tmp_path / "l.docx")
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(bare, "w") as zout:
        for item in zin.infolist():
            if item.filename == "word/numbering.xml":
                continue
            data = zin.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb'<Relationship [^>]*relationships/numbering"[^>]*/>', b"", data)
            if item.filename == "[Content_Types].xml":
                data = re.sub(rb'<Override PartName="/word/numbering.xml"[^>]*/>', b"", data)
            zout.writestr(item, data)
    assert b"numbering" not in zipfile.ZipFile(bare).read("word/_rels/document.xml.rels")
    q = questionnaires["ohchr-civic-space-2021"]
    document, _ = rendered_docx(q, "T", {}, {"q1": "1. one\n2. two\n   - three"},
                                ExportOptions(template=bare))
    items = [d for d in describe(document) if "list" in d]
    assert [(d["text"], d["list"], d["level"]) for d in items] == [
        ("one", "ordered", 1), ("two", "ordered", 1), ("three", "bullet", 2)]
