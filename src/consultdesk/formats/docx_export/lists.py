"""Real Word lists: abstract definitions and one numbering instance per list.

Every list in an answer (and every nested list inside it) gets its own ``w:num``
with a ``startOverride``, so numbering restarts in each answer and in each
nested list, whatever the lists before it did.  Two abstract definitions serve
them all: bullets and numbers, nine levels each, indented 0.25" per level to
match the "List Continue" styles that hold a list item's later paragraphs.
"""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

from consultdesk.domain.rich_text import ListType

#: Indentation step per list level (twips); the List Continue styles use the same.
INDENT_STEP = 360
_BULLETS = ("\u2022", "\u25e6", "\u25aa")  # •, ◦, ▪ (all in Arial, Calibri, Times)
_NUMBER_FORMATS = ("decimal", "lowerLetter", "lowerRoman")
_LEVELS = 9


def _level_xml(kind: ListType, ilvl: int) -> str:
    """One ``w:lvl``: its format, text and indentation."""
    left = INDENT_STEP * (ilvl + 1)
    if kind is ListType.BULLET:
        fmt, text = "bullet", _BULLETS[ilvl % len(_BULLETS)]
        rpr = ('<w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"'
               ' w:hint="default"/></w:rPr>')
    else:
        fmt, text = _NUMBER_FORMATS[ilvl % len(_NUMBER_FORMATS)], f"%{ilvl + 1}."
        rpr = ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{INDENT_STEP}"/></w:pPr>{rpr}</w:lvl>'
    )


class Numbering:
    """Adds list definitions to a document's numbering part and hands out instances."""

    def __init__(self, numbering_element: etree._Element) -> None:
        self._root = numbering_element
        abstract_ids = [int(a.get(qn("w:abstractNumId")))
                        for a in self._root.findall(qn("w:abstractNum"))]
        num_ids = [int(n.get(qn("w:numId"))) for n in self._root.findall(qn("w:num"))]
        self._next_abstract = max(abstract_ids, default=0) + 1
        self._next_num = max(num_ids, default=0) + 1
        self._abstract: dict[ListType, int] = {}

    def _abstract_id(self, kind: ListType) -> int:
        """The abstract definition for a kind of list, added on first use."""
        if kind not in self._abstract:
            aid = self._next_abstract
            self._next_abstract += 1
            levels = "".join(_level_xml(kind, i) for i in range(_LEVELS))
            element = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}">'
                f'<w:nsid w:val="{0x2C0D0000 + aid:08X}"/>'
                f'<w:multiLevelType w:val="hybridMultilevel"/>'
                f'<w:name w:val="ConsultDesk {kind.value}"/>{levels}</w:abstractNum>'
            )
            # The schema wants every abstractNum before the first num.
            first_num = self._root.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(element)
            else:
                self._root.append(element)
            self._abstract[kind] = aid
        return self._abstract[kind]

    def new_list(self, kind: ListType, ilvl: int, start: int = 1) -> int:
        """A new numbering instance starting at ``start`` on level ``ilvl``; its numId."""
        aid = self._abstract_id(kind)
        num_id = self._next_num
        self._next_num += 1
        num = parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>'
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{max(start, 0)}"/>'
            "</w:lvlOverride></w:num>"
        )
        # Word for Mac ends the part with numIdMacAtCleanup; nums must stay before it.
        cleanup = self._root.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            self._root.append(num)
        return num_id


class ListTracker:
    """Follows the paragraphs of one answer and says which numbering instance each uses.

    A list instance is a run of items at one level under one parent item; it
    ends when its parent ends, when the level is left upwards, or when the kind
    changes.
    """

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        self._open: list[tuple[ListType, int]] = []  # per level (index = level - 1)
        self._list_id = -1

    def reset(self) -> None:
        """Forget open lists (a new answer, or a plain paragraph between lists)."""
        self._open.clear()
        self._list_id = -1

    def num_for(self, kind: ListType, level: int, list_id: int, ordinal: int) -> int:
        """The numId for an item at ``level`` (1-based) of top-level list ``list_id``."""
        if list_id != self._list_id:
            self._open.clear()
            self._list_id = list_id
        del self._open[level:]  # deeper lists ended with their parent item
        if len(self._open) == level and self._open[-1][0] is kind and self._open[-1][1]:
            return self._open[-1][1]
        del self._open[level - 1:]
        while len(self._open) < level - 1:  # a jump of levels: placeholders, never used
            self._open.append((kind, 0))
        start = ordinal if kind is ListType.ORDERED else 1  # "0." starts a list at 0
        num_id = self._numbering.new_list(kind, level - 1, start)
        self._open.append((kind, num_id))
        return num_id

    def end_item_children(self, level: int) -> None:
        """A later paragraph of an item at ``level``: lists nested deeper have ended."""
        del self._open[level:]
