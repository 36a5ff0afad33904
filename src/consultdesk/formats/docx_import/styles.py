"""Paragraph styles: names, heading levels, linked numbering and bold, through basedOn."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from consultdesk.formats.docx_import.wordml import is_on, w, wval

_HEADING_NAME = re.compile(r"^(?:heading|titre|[üu]berschrift|t[íi]tulo)\s*(\d)$", re.IGNORECASE)
_MAX_CHAIN = 20  # basedOn chains are short; a loop must not hang the import


@dataclass(frozen=True, slots=True)
class StyleInfo:
    """What the importer needs to know about a paragraph style (inheritance resolved)."""

    name: str
    heading: int = 0  # 1..9 for headings, 0 otherwise
    title: bool = False
    num_id: str | None = None
    ilvl: int | None = None
    bold: bool = False


class StyleSheet:
    """The paragraph and character styles of a document."""

    def __init__(self, root: etree._Element | None) -> None:
        self._raw: dict[str, etree._Element] = {}
        self._cache: dict[str, StyleInfo] = {}
        self.default_paragraph = ""
        if root is None:
            return
        for style in root.iter(w("style")):
            sid = style.get(w("styleId"))
            if sid:
                self._raw[sid] = style
                if style.get(w("type")) == "paragraph" and is_on_default(style):
                    self.default_paragraph = sid

    def get(self, style_id: str | None) -> StyleInfo:
        """The resolved style (the default paragraph style when None or unknown)."""
        sid = style_id or self.default_paragraph
        if sid in self._cache:
            return self._cache[sid]
        info = self._resolve(sid)
        self._cache[sid] = info
        return info

    def char_bold(self, style_id: str | None) -> bool:
        """Whether a character style makes its text bold."""
        return style_id is not None and self._bold_chain(style_id)

    def _chain(self, sid: str) -> list[etree._Element]:
        out: list[etree._Element] = []
        seen: set[str] = set()
        while sid and sid in self._raw and sid not in seen and len(out) < _MAX_CHAIN:
            seen.add(sid)
            style = self._raw[sid]
            out.append(style)
            sid = wval(style.find(w("basedOn"))) or ""
        return out

    def _bold_chain(self, sid: str) -> bool:
        for style in self._chain(sid):
            b = style.find(f"{w('rPr')}/{w('b')}")
            if b is not None:
                return is_on(b)
        return False

    def _resolve(self, sid: str) -> StyleInfo:
        chain = self._chain(sid)
        if not chain:
            return StyleInfo(name=sid or "Normal")
        name = wval(chain[0].find(w("name"))) or sid
        heading = 0
        num_id: str | None = None
        ilvl: int | None = None
        for style in chain:
            sname = wval(style.find(w("name"))) or ""
            m = _HEADING_NAME.match(sname)
            if not heading and m:
                heading = int(m.group(1))
            outline = wval(style.find(f"{w('pPr')}/{w('outlineLvl')}"))
            if not heading and outline and outline.isdigit() and int(outline) < 9:
                heading = int(outline) + 1
            num_pr = style.find(f"{w('pPr')}/{w('numPr')}")
            if num_pr is not None and num_id is None:
                num_id = wval(num_pr.find(w("numId")))
                lvl = wval(num_pr.find(w("ilvl")))
                ilvl = int(lvl) if lvl and lvl.isdigit() else None
        title = any((wval(s.find(w("name"))) or "").lower() in ("title", "titre", "título", "titel")
                    for s in chain)
        return StyleInfo(name=name, heading=heading, title=title, num_id=num_id, ilvl=ilvl,
                         bold=self._bold_chain(sid))


def is_on_default(style: etree._Element) -> bool:
    """Whether a style is marked as the default of its type."""
    return (style.get(w("default")) or "").lower() in ("1", "true", "on")
