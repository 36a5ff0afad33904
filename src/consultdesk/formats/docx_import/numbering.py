"""Word's automatic list numbering (``numbering.xml``): the label each paragraph shows.

Word keeps counters per abstract list; a ``w:num`` may restart a level with
``w:startOverride``.  Labels are rendered from ``w:lvlText`` ("%1.%2.", "(%2)")
with each level's format (decimal, letters, roman numerals).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from consultdesk.formats.docx_import.wordml import is_on, w, wval

_MAX_LEVELS = 9


@dataclass(frozen=True, slots=True)
class Level:
    """One level of a list definition."""

    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    legal: bool = False
    style: str | None = None


@dataclass(frozen=True, slots=True)
class ListLabel:
    """The label Word shows in front of a numbered or bulleted paragraph."""

    text: str
    level: int
    bullet: bool
    list_key: str


@dataclass
class _Counters:
    values: list[int | None] = field(default_factory=lambda: [None] * _MAX_LEVELS)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"),
                           (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"),
                           (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: aa, bb, ...
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter in a list format."""
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt in ("upperLetter",):
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _levels(el: etree._Element) -> dict[int, Level]:
    out: dict[int, Level] = {}
    for lvl in el.findall(w("lvl")):
        ilvl = lvl.get(w("ilvl"))
        if ilvl is None or not ilvl.isdigit() or int(ilvl) >= _MAX_LEVELS:
            continue
        start = wval(lvl.find(w("start")))
        out[int(ilvl)] = Level(
            fmt=wval(lvl.find(w("numFmt"))) or "decimal",
            text=wval(lvl.find(w("lvlText"))) or "",
            start=int(start) if start and start.lstrip("-").isdigit() else 1,
            legal=is_on(lvl.find(w("isLgl"))),
            style=wval(lvl.find(w("pStyle"))),
        )
    return out


class Numbering:
    """Renders list labels in document order (call :meth:`label` for each paragraph)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._num_abstract: dict[str, str] = {}
        self._overrides: dict[str, dict[int, Level]] = {}
        self._start_overrides: dict[str, dict[int, int]] = {}
        self._counters: dict[str, _Counters] = {}
        self._started: set[str] = set()
        if root is None:
            return
        links: dict[str, str] = {}
        for ab in root.findall(w("abstractNum")):
            aid = ab.get(w("abstractNumId")) or ""
            self._abstract[aid] = _levels(ab)
            link = wval(ab.find(w("numStyleLink")))
            if link:
                links[aid] = link
        style_num: dict[str, str] = {}
        for ab in root.findall(w("abstractNum")):
            sl = wval(ab.find(w("styleLink")))
            if sl:
                style_num[sl] = ab.get(w("abstractNumId")) or ""
        for num in root.findall(w("num")):
            nid = num.get(w("numId")) or ""
            aid = wval(num.find(w("abstractNumId"))) or ""
            # A list that refers to a numbering style takes that style's definition.
            if aid in links and links[aid] in style_num:
                aid = style_num[links[aid]]
            self._num_abstract[nid] = aid
            for ov in num.findall(w("lvlOverride")):
                ilvl = ov.get(w("ilvl"))
                if ilvl is None or not ilvl.isdigit():
                    continue
                so = wval(ov.find(w("startOverride")))
                if so and so.isdigit():
                    self._start_overrides.setdefault(nid, {})[int(ilvl)] = int(so)
                lvl = ov.find(w("lvl"))
                if lvl is not None:
                    lvl.set(w("ilvl"), ilvl)
                    self._overrides.setdefault(nid, {}).update(_levels_of_one(lvl))

    def level_for_style(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose ``w:pStyle`` is this style (for heading numbering)."""
        aid = self._num_abstract.get(num_id)
        for ilvl, lvl in (self._abstract.get(aid or "", {})).items():
            if style_id and lvl.style == style_id:
                return ilvl
        return None

    def _level(self, num_id: str, ilvl: int) -> Level | None:
        over = self._overrides.get(num_id, {}).get(ilvl)
        if over is not None:
            return over
        aid = self._num_abstract.get(num_id)
        if aid is None:
            return None
        return self._abstract.get(aid, {}).get(ilvl)

    def label(self, num_id: str, ilvl: int) -> ListLabel | None:
        """Advance the list's counters for a paragraph and return its label."""
        if num_id in ("", "0") or not 0 <= ilvl < _MAX_LEVELS:
            return None
        level = self._level(num_id, ilvl)
        if level is None:
            return None
        aid = self._num_abstract.get(num_id, num_id)
        counters = self._counters.setdefault(aid, _Counters())
        if num_id not in self._started:
            self._started.add(num_id)
            for lv, start in self._start_overrides.get(num_id, {}).items():
                counters.values[lv] = start - 1
                for deeper in range(lv + 1, _MAX_LEVELS):
                    counters.values[deeper] = None
        current = counters.values[ilvl]
        counters.values[ilvl] = level.start if current is None else current + 1
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            counters.values[deeper] = None
        if level.fmt == "bullet":
            return ListLabel(text=level.text, level=ilvl, bullet=True, list_key=aid)
        text = level.text
        for lv in range(_MAX_LEVELS):
            token = f"%{lv + 1}"
            if token not in text:
                continue
            ref = self._level(num_id, lv) or Level()
            value = counters.values[lv]
            if value is None:
                value = ref.start
            fmt = "decimal" if level.legal and ref.fmt not in ("bullet",) else ref.fmt
            text = text.replace(token, format_number(value, fmt))
        return ListLabel(text=text, level=ilvl, bullet=False, list_key=aid)


def _levels_of_one(lvl: etree._Element) -> dict[int, Level]:
    holder = etree.Element(w("abstractNum"))
    holder.append(lvl)
    return _levels(holder)
