"""Writing answers into a request's boxes: the reply a contributor with ConsultDesk saves.

Each answer area (content control) gets the answer's paragraphs and real Word lists, the
placeholder flag removed, as Word itself leaves a filled box; everything else in the
document (its identity, bookmarks, the questions) is kept, so the coordinator receives
it like any reply.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import docx
from docx.oxml.ns import qn
from lxml import etree

from consultdesk.domain.errors import Message
from consultdesk.domain.rich_text import parse_markdown
from consultdesk.formats.contribution.model import TAG_PREFIX
from consultdesk.formats.docx_export.lists import ListTracker, Numbering
from consultdesk.formats.docx_export.paragraphs import paragraph
from consultdesk.formats.docx_export.template import ensure_numbering
from consultdesk.formats.docx_export.writer import ExportError, write_atomically
from consultdesk.formats.docx_export.xml_text import TextCleaner


def _style_id(document: docx.document.Document, name: str, fallback: str) -> str:
    for style in document.styles:
        if style.name == name:
            return str(style.style_id)
    return fallback


def slots_in(path: Path) -> list[str]:
    """The answer areas of a request, in document order ("q1", "t1_done[+].description")."""
    document = docx.Document(str(path))
    out = []
    for sdt in document.element.body.iter(qn("w:sdt")):
        tag = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        value = tag.get(qn("w:val")) if tag is not None else ""
        if value and value.startswith(TAG_PREFIX + ":") and value.count(":") >= 2:
            out.append(value.split(":", 2)[2])
    return out


def fill_request(request: Path, answers: Mapping[str, str], out: Path) -> Path:
    """Write Markdown answers (slot -> text) into a request's boxes, saved as ``out``."""
    if Path(out).suffix.lower() != ".docx":
        raise ExportError("{name}: the file name must end in .docx", name=Path(out).name)
    document = docx.Document(str(request))
    numbering = Numbering(ensure_numbering(document))
    tracker = ListTracker(numbering)
    cleaner = TextCleaner()
    body_style = _style_id(document, "Body Text", "BodyText")
    list_style = _style_id(document, "List Paragraph", "ListParagraph")
    for sdt in document.element.body.iter(qn("w:sdt")):
        pr = sdt.find(qn("w:sdtPr"))
        tag = pr.find(qn("w:tag")) if pr is not None else None
        value = tag.get(qn("w:val")) if tag is not None else ""
        if not value.startswith(TAG_PREFIX + ":") or value.count(":") < 2:
            continue
        slot = value.split(":", 2)[2]
        if slot not in answers:
            continue
        place = Message("the answer box {slot!r}", slot=slot)
        content = sdt.find(qn("w:sdtContent"))
        box_ppr = None
        first = content.find(qn("w:p")) if content is not None else None
        if first is not None and first.find(qn("w:pPr")) is not None:
            box_ppr = first.find(qn("w:pPr"))
        for flag in pr.findall(qn("w:showingPlcHdr")):
            pr.remove(flag)
        for child in list(content):
            content.remove(child)
        tracker.reset()
        for p in parse_markdown(answers[slot]) or ():
            runs = [(cleaner.clean(r.text, place), r.bold, r.italic) for r in p.runs]
            if p.list_type is None:
                tracker.reset()
                element = paragraph(body_style, runs)
                _keep_box(element, box_ppr)
            else:
                num = tracker.num_for(p.list_type, p.level, p.list_id, p.ordinal)
                element = paragraph(list_style, runs, num=(num, p.level - 1))
            content.append(element)
        if not len(content):
            content.append(paragraph(body_style))
    write_atomically(Path(out), lambda stream: document.save(stream))
    return Path(out)


def _keep_box(p: etree._Element, box_ppr: etree._Element | None) -> None:
    """Give a paragraph the box's frame and shading, as Word does for typed paragraphs."""
    if box_ppr is None:
        return
    ppr = p.find(qn("w:pPr"))
    for tag in ("w:pBdr", "w:shd"):
        found = box_ppr.find(qn(tag))
        if found is not None:
            ppr.append(etree.fromstring(etree.tostring(found)))
