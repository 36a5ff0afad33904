"""Filling a request .docx the way people do, with lxml only (no ConsultDesk code).

Word: the text goes inside the content control, its placeholder flag removed.  A
careless contributor: deletes the control and types under the question, types beside
the control, pastes a Word list, deletes the question.  Each way is one function; the
cases in ``tests/reference/contributions/replies.json`` say which to apply.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSMAP = {"w": W}


def q(tag: str) -> str:
    """Clark name of a w: element."""
    return f"{{{W}}}{tag}"


class Doc:
    """A .docx opened for editing its document and numbering parts."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path)
        self.document = etree.fromstring(self.zip.read("word/document.xml"))
        self.numbering = etree.fromstring(self.zip.read("word/numbering.xml"))
        self.body = self.document.find(q("body"))
        self._nums: dict[str, str] = {}

    def save(self, path: Path) -> None:
        """Write the edited package."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for info in self.zip.infolist():
                data = self.zip.read(info.filename)
                if info.filename == "word/document.xml":
                    data = etree.tostring(self.document, xml_declaration=True,
                                          encoding="UTF-8", standalone=True)
                elif info.filename == "word/numbering.xml":
                    data = etree.tostring(self.numbering, xml_declaration=True,
                                          encoding="UTF-8", standalone=True)
                z.writestr(info, data)
        Path(path).write_bytes(out.getvalue())

    # -- finding things ---------------------------------------------------------------
    def control(self, slot: str) -> etree._Element:
        """The content control whose tag ends with ':<slot>'."""
        for sdt in self.body.iter(q("sdt")):
            tag = sdt.find(f"{q('sdtPr')}/{q('tag')}")
            if tag is not None and tag.get(q("val"), "").endswith(":" + slot):
                return sdt
        raise KeyError(slot)

    def paragraph_with(self, text: str) -> etree._Element:
        """The first body paragraph whose text starts with ``text``."""
        for p in self.body.iter(q("p")):
            if "".join(t.text or "" for t in p.iter(q("t"))).startswith(text):
                return p
        raise KeyError(text)

    # -- building paragraphs like Word --------------------------------------------------
    def list_num(self, kind: str) -> str:
        """A numbering instance for pasted lists ("bullet" or "ordered"), made once."""
        if kind in self._nums:
            return self._nums[kind]
        aid = str(900 + len(self._nums))
        nid = str(900 + len(self._nums))
        fmt, text = ("bullet", "\u2022") if kind == "bullet" else ("decimal", "%1.")
        abstract = etree.fromstring(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="{aid}">'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
            f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text if kind == "bullet" else "%2."}"/></w:lvl>'
            '</w:abstractNum>')
        first_num = self.numbering.find(q("num"))
        if first_num is not None:
            first_num.addprevious(abstract)
        else:
            self.numbering.append(abstract)
        num = etree.SubElement(self.numbering, q("num"))
        num.set(q("numId"), nid)
        etree.SubElement(num, q("abstractNumId")).set(q("val"), aid)
        self._nums[kind] = nid
        return nid

    def paragraph(self, spec: dict[str, Any] | str) -> etree._Element:
        """A w:p from a spec: "text", or {"runs": [[text, "b"/"i"/"bi"/""]...],
        "list": "bullet"|"ordered", "level": 1}."""
        if isinstance(spec, str):
            spec = {"runs": [[spec, ""]]}
        p = etree.Element(q("p"))
        ppr = etree.SubElement(p, q("pPr"))
        etree.SubElement(ppr, q("pStyle")).set(q("val"), spec.get("style", "BodyText"))
        if spec.get("list"):
            numpr = etree.SubElement(ppr, q("numPr"))
            etree.SubElement(numpr, q("ilvl")).set(q("val"), str(spec.get("level", 1) - 1))
            etree.SubElement(numpr, q("numId")).set(q("val"), self.list_num(spec["list"]))
        for text, flags in spec["runs"]:
            r = etree.SubElement(p, q("r"))
            if flags:
                rpr = etree.SubElement(r, q("rPr"))
                if "b" in flags:
                    etree.SubElement(rpr, q("b"))
                if "i" in flags:
                    etree.SubElement(rpr, q("i"))
            t = etree.SubElement(r, q("t"))
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return p


# -- the ways of filling ------------------------------------------------------------------


def word_fills_control(doc: Doc, slot: str, paragraphs: list[Any]) -> None:
    """As Word does: the placeholder goes, the paragraphs are inside the control."""
    sdt = doc.control(slot)
    pr = sdt.find(q("sdtPr"))
    for flag in pr.findall(q("showingPlcHdr")):
        pr.remove(flag)
    content = sdt.find(q("sdtContent"))
    for child in list(content):
        content.remove(child)
    for spec in paragraphs:
        content.append(doc.paragraph(spec))


def delete_control_type_under(doc: Doc, slot: str, paragraphs: list[Any]) -> None:
    """The control deleted (its placeholder too), the answer typed where it was."""
    sdt = doc.control(slot)
    anchor = sdt
    for spec in paragraphs:
        p = doc.paragraph(spec)
        anchor.addnext(p)
        anchor = p
    sdt.getparent().remove(sdt)


def type_beside_control(doc: Doc, slot: str, paragraphs: list[Any]) -> None:
    """The control left with its placeholder; the answer typed after it, outside."""
    anchor = doc.control(slot)
    for spec in paragraphs:
        p = doc.paragraph(spec)
        anchor.addnext(p)
        anchor = p


def type_under_question(doc: Doc, heading: str, paragraphs: list[Any]) -> None:
    """Typed right under the question's wording (above its limit line), control deleted."""
    anchor = doc.paragraph_with(heading)
    for spec in paragraphs:
        p = doc.paragraph(spec)
        anchor.addnext(p)
        anchor = p


def delete_control(doc: Doc, slot: str) -> None:
    """The control removed, nothing typed."""
    sdt = doc.control(slot)
    sdt.getparent().remove(sdt)


def delete_paragraph(doc: Doc, text: str) -> None:
    """A paragraph of the request (its question, its label) deleted."""
    p = doc.paragraph_with(text)
    p.getparent().remove(p)


WAYS = {
    "word": word_fills_control,
    "delete_control_type_under": delete_control_type_under,
    "type_beside_control": type_beside_control,
    "type_under_question": type_under_question,
}


def apply_case(request: Path, out: Path, steps: list[dict[str, Any]]) -> Path:
    """Apply a case's steps to a copy of the request."""
    doc = Doc(request)
    for step in steps:
        way = step["way"]
        if way == "delete_control":
            delete_control(doc, step["slot"])
        elif way == "delete_paragraph":
            delete_paragraph(doc, step["text"])
        elif way == "type_under_question":
            type_under_question(doc, step["heading"], step["paragraphs"])
        else:
            WAYS[way](doc, step["slot"], step["paragraphs"])
    doc.save(out)
    return out
