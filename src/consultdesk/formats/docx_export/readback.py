"""Reading answers (and cross-references) back from a written .docx, to prove they are
exactly what was counted and point where they should.

Each counted answer is wrapped in a hidden bookmark (``_CD_A<index>``, the index
in ``counted_items`` order).  Reading gives back the answer as the domain's
:class:`Paragraph` objects (text, bold and italic runs, list kind, level and
number), so the shared counting can be run on what Word will show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import docx
from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from consultdesk.domain.rich_text import ListType, Paragraph, Run
from consultdesk.formats.docx_export.layout import BOOKMARK_PREFIX

_W_VAL = qn("w:val")


@dataclass
class _NumberingInfo:
    """numId -> (kind per level, start per level) from the numbering part."""

    kinds: dict[int, dict[int, ListType]] = field(default_factory=dict)
    starts: dict[int, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def read(cls, document: Document) -> _NumberingInfo:
        """Parse the document's numbering definitions."""
        info = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):
            return info
        abstract: dict[str, dict[int, tuple[ListType, int]]] = {}
        for a in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in a.findall(qn("w:lvl")):
                fmt = lvl.find(qn("w:numFmt"))
                start = lvl.find(qn("w:start"))
                kind = (ListType.BULLET if fmt is not None and fmt.get(_W_VAL) == "bullet"
                        else ListType.ORDERED)
                levels[int(lvl.get(qn("w:ilvl")))] = (
                    kind, int(start.get(_W_VAL)) if start is not None else 1)
            abstract[a.get(qn("w:abstractNumId"))] = levels
        for num in root.findall(qn("w:num")):
            num_id = int(num.get(qn("w:numId")))
            ref = num.find(qn("w:abstractNumId"))
            levels = abstract.get(ref.get(_W_VAL) if ref is not None else "", {})
            info.kinds[num_id] = {i: k for i, (k, _) in levels.items()}
            starts = {i: s for i, (_, s) in levels.items()}
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    starts[int(override.get(qn("w:ilvl")))] = int(start.get(_W_VAL))
            info.starts[num_id] = starts
        return info


def _is_on(rpr: etree._Element | None, tag: str) -> bool:
    """Whether a toggle property (w:b, w:i) is on in a run's properties."""
    if rpr is None:
        return False
    element = rpr.find(qn(tag))
    return element is not None and element.get(_W_VAL, "true") not in ("0", "false", "off")


def paragraph_runs(p: etree._Element) -> tuple[Run, ...]:
    """A paragraph's runs as the domain sees them (``\\n`` for a break, ``\\t`` for a tab)."""
    runs: list[Run] = []
    for r in p.iter(qn("w:r")):
        rpr = r.find(qn("w:rPr"))
        bold, italic = _is_on(rpr, "w:b"), _is_on(rpr, "w:i")
        parts = []
        for child in r:
            if child.tag == qn("w:t"):
                parts.append(child.text or "")
            elif child.tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
            elif child.tag == qn("w:tab"):
                parts.append("\t")
        text = "".join(parts)
        if not text:
            continue
        if runs and runs[-1].bold == bold and runs[-1].italic == italic:
            runs[-1] = Run(runs[-1].text + text, bold, italic)
        else:
            runs.append(Run(text, bold, italic))
    return tuple(runs)


class _AnswerReader:
    """Turns the paragraphs of one answer back into domain paragraphs."""

    def __init__(self, numbering: _NumberingInfo, continue_levels: dict[str, int]) -> None:
        self._numbering = numbering
        self._continue_levels = continue_levels
        self.paragraphs: list[Paragraph] = []
        self._counters: dict[tuple[int, int], int] = {}
        self._kind_at: dict[int, ListType] = {}
        self._ordinal_at: dict[int, int] = {}
        self._list_id = -1
        self._top_num: int | None = None

    def add(self, p: etree._Element) -> None:
        """Read one ``w:p``."""
        runs = paragraph_runs(p)
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        style_id = style.get(_W_VAL) if style is not None else ""
        if num_pr is not None and num_pr.find(qn("w:numId")) is not None:
            num_id = int(num_pr.find(qn("w:numId")).get(_W_VAL))
            ilvl_el = num_pr.find(qn("w:ilvl"))
            ilvl = int(ilvl_el.get(_W_VAL)) if ilvl_el is not None else 0
            kind = self._numbering.kinds.get(num_id, {}).get(ilvl, ListType.BULLET)
            if ilvl == 0 and num_id != self._top_num:
                self._list_id += 1
                self._top_num = num_id
            key = (num_id, ilvl)
            if key not in self._counters:
                self._counters[key] = self._numbering.starts.get(num_id, {}).get(ilvl, 1)
            else:
                self._counters[key] += 1
            self._kind_at[ilvl + 1] = kind
            ordinal = self._counters[key] if kind is ListType.ORDERED else 0
            self._ordinal_at[ilvl + 1] = ordinal
            self.paragraphs.append(Paragraph(runs, kind, ilvl + 1, self._list_id, ordinal))
        elif style_id in self._continue_levels:
            level = self._continue_levels[style_id]
            self.paragraphs.append(Paragraph(runs, self._kind_at.get(level, ListType.BULLET),
                                             level, self._list_id,
                                             self._ordinal_at.get(level, 0), continuation=True))
        else:
            self._top_num = None
            self.paragraphs.append(Paragraph(runs))


def read_answers(source: str | Path | IO[bytes] | Document) -> dict[int, tuple[Paragraph, ...]]:
    """Every bookmarked answer in a written document: counted-item index -> paragraphs."""
    document = source if isinstance(source, Document) else docx.Document(
        str(source) if isinstance(source, Path) else source)
    numbering = _NumberingInfo.read(document)
    continue_levels = {}
    for style in document.styles:
        name = style.name or ""
        if name.startswith("List Continue"):
            suffix = name.removeprefix("List Continue").strip()
            continue_levels[style.style_id] = int(suffix) if suffix.isdigit() else 1
    found: dict[int, tuple[Paragraph, ...]] = {}
    open_ids: dict[str, tuple[int, _AnswerReader]] = {}
    for p in document.element.body.iter(qn("w:p")):
        for start in p.findall(qn("w:bookmarkStart")):
            name = start.get(qn("w:name")) or ""
            if name.startswith(BOOKMARK_PREFIX):
                index = int(name[len(BOOKMARK_PREFIX):])
                open_ids[start.get(qn("w:id"))] = (index, _AnswerReader(numbering,
                                                                        continue_levels))
        for _, reader in open_ids.values():
            reader.add(p)
        for end in p.findall(qn("w:bookmarkEnd")):
            closed = open_ids.pop(end.get(qn("w:id")), None)
            if closed is not None:
                found[closed[0]] = tuple(closed[1].paragraphs)
    return found


@dataclass(frozen=True)
class BookmarkSpan:
    """A bookmark as read back: where it starts and ends in the document's text, and its text."""

    name: str
    start: int
    end: int
    text: str

    def holds(self, other: BookmarkSpan) -> bool:
        """Whether ``other`` lies inside this bookmark."""
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class FieldRead:
    """A complex field as read back: its instruction, its cached result, where it starts,
    and the text just before it in its paragraph."""

    instruction: str
    result: str
    start: int
    before: str

    @property
    def ref_bookmark(self) -> str | None:
        """The bookmark a ``REF`` field points to (None for any other field)."""
        words = self.instruction.split()
        return words[1] if len(words) > 1 and words[0].upper() == "REF" else None


@dataclass
class CrossReferencesRead:
    """Every bookmark and complex field of a document, in document order."""

    bookmarks: dict[str, BookmarkSpan] = field(default_factory=dict)
    fields: list[FieldRead] = field(default_factory=list)
    text: str = ""


def read_cross_references(source: str | Path | IO[bytes] | Document) -> CrossReferencesRead:
    """The document's bookmarks and fields, positioned in its text (paragraphs end in ``\\n``)."""
    document = source if isinstance(source, Document) else docx.Document(
        str(source) if isinstance(source, Path) else source)
    text: list[str] = []
    offset = 0
    line_start = 0
    starts: dict[str, tuple[str, int]] = {}  # bookmark id -> (name, start)
    spans: dict[str, tuple[str, int, int]] = {}
    open_fields: list[dict[str, Any]] = []
    fields: list[FieldRead] = []
    tag_t, tag_p, tag_tab, tag_br = qn("w:t"), qn("w:p"), qn("w:tab"), qn("w:br")
    for event, element in etree.iterwalk(document.element.body, events=("start", "end")):
        tag = element.tag
        if event == "end":
            if tag == tag_p:
                text.append("\n")
                offset += 1
                line_start = offset
            continue
        piece = ""
        if tag == tag_t:
            in_instruction = open_fields and open_fields[-1]["result"] is None
            piece = "" if in_instruction else (element.text or "")
        elif tag in (tag_tab,):
            piece = "\t"
        elif tag == tag_br:
            piece = "\n"
        elif tag == qn("w:bookmarkStart"):
            starts[element.get(qn("w:id"))] = (element.get(qn("w:name")) or "", offset)
        elif tag == qn("w:bookmarkEnd"):
            begun = starts.pop(element.get(qn("w:id")), None)
            if begun is not None:
                spans[begun[0]] = (begun[0], begun[1], offset)
        elif tag == qn("w:instrText") and open_fields:
            open_fields[-1]["instruction"] += element.text or ""
        elif tag == qn("w:fldChar"):
            kind = element.get(qn("w:fldCharType"))
            if kind == "begin":
                joined = "".join(text)
                open_fields.append({"instruction": "", "result": None, "start": offset,
                                    "before": joined[line_start:]})
            elif kind == "separate" and open_fields:
                open_fields[-1]["result"] = offset
            elif kind == "end" and open_fields:
                f = open_fields.pop()
                begin = f["result"] if f["result"] is not None else offset
                fields.append(FieldRead(f["instruction"].strip(),
                                        "".join(text)[begin:offset], f["start"], f["before"]))
        if piece:
            text.append(piece)
            offset += len(piece)
    whole = "".join(text)
    return CrossReferencesRead(
        {name: BookmarkSpan(name, start, end, whole[start:end])
         for name, start, end in spans.values()},
        sorted(fields, key=lambda f: f.start), whole)
