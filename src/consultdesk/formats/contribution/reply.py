"""Reading a returned request: each answer, from its box or from under its question.

The document is opened with the importer's safe reader (size caps, no DTDs).  The body
is walked once in order; every paragraph is classified:

* inside a content control tagged ``consultdesk:<response>:<slot>`` (Word keeps the
  tags): it belongs to that slot, wherever it is;
* inside one of the request's own bookmarks (``_CDH`` a heading, ``_CDS`` the label
  above an answer area, ``_CDF`` other fixed text, ``_CDE`` the end): not an answer,
  but it moves the "current slot" (LibreOffice drops the tags, keeps the bookmarks);
* anything else the contributor typed: it belongs to the current slot, so text typed
  beside a box, or under a question whose box was deleted, is found too.

Paragraphs become the domain's rich text (runs with bold and italic, Word lists of
either kind, "• " typed by hand), then Markdown.  Tables pasted in an answer are kept
as one paragraph per cell; this is said in the reply's notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from consultdesk.domain.contributions import ItemRef
from consultdesk.domain.errors import ConsultDeskError, Message
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.references import reference_labels
from consultdesk.domain.rich_text import ListType, Paragraph, Run, to_markdown
from consultdesk.formats.contribution.model import (
    KIND_REQUEST,
    PROP_CONTRIBUTOR,
    PROP_ITEMS,
    PROP_KIND,
    PROP_PACKET,
    PROP_QUESTIONNAIRE,
    PROP_RESPONSE,
    TAG_PREFIX,
    ReceivedItem,
    Reply,
    RequestIdentity,
    RequestItem,
    slot_key,
)
from consultdesk.formats.contribution.request import (
    _EN,
    _JA,
    END_BOOKMARK,
    FIXED_BOOKMARK,
    HEADING_BOOKMARK,
    SLOT_BOOKMARK,
    ordered_items,
    slots,
)
from consultdesk.formats.docx_import.fields import (
    FieldText,
    bookmark_starts,
    linked_runs,
    ref_results,
)
from consultdesk.formats.docx_import.numbering import Numbering
from consultdesk.formats.docx_import.package import DocxPackage
from consultdesk.formats.docx_import.styles import StyleSheet
from consultdesk.formats.docx_import.wordml import is_on, w, wval

_CUSTOM_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {w("del"), w("moveFrom"), w("instrText"), w("delText"), w("pPr"), w("rPr"),
         w("sdtPr"), w("sdtEndPr"), _MC_FALLBACK}
_PLACEHOLDERS = {" ".join(words.placeholder.split()) for words in (_EN, _JA)}
_TYPED_BULLET = re.compile(r"^[•●○◦▪■・\-–*]\s+")
_TYPED_NUMBER = re.compile(r"^(\d{1,3})[.)]\s+")


class NotARequestError(ConsultDeskError):
    """The file is not a ConsultDesk request (nor a reply to one)."""


def read_identity(package: DocxPackage) -> RequestIdentity:
    """Who the request is for: custom properties, else the answer areas' tags."""
    props: dict[str, str] = {}
    if package.custom is not None:
        for prop in package.custom.iter(f"{_CUSTOM_NS}property"):
            name = prop.get("name") or ""
            props[name] = "".join(prop.itertext()).strip()
    if props.get(PROP_KIND) == KIND_REQUEST and props.get(PROP_RESPONSE):
        return RequestIdentity(props[PROP_RESPONSE], props.get(PROP_CONTRIBUTOR, ""),
                               props.get(PROP_PACKET, ""), props.get(PROP_QUESTIONNAIRE, ""),
                               tuple(props.get(PROP_ITEMS, "").split()))
    tags = [t for t in _tags(package.document) if t.startswith(TAG_PREFIX + ":")]
    if not tags:
        raise NotARequestError(
            "{name} is not a ConsultDesk request for input (it has none of the identity a "
            "request carries)",
            name=package.name)
    response_id = tags[0].split(":")[1]
    slots_found = [t.split(":", 2)[2] for t in tags if t.count(":") >= 2]
    items = []
    for slot in slots_found:
        key = slot.split("].")[0] + "]" if "]." in slot else slot
        if key not in items:
            items.append(key)
    return RequestIdentity(response_id, "", items=tuple(items))


def _tags(root: etree._Element) -> Iterator[str]:
    for tag in root.iter(w("tag")):
        value = wval(tag)
        if value:
            yield value


@dataclass
class _Block:
    """One paragraph of the body with what the walk learnt about it."""

    element: etree._Element
    slot: str | None = None  # from an enclosing tagged content control
    role: str | None = None  # "H<k>", "S<j>", "F", "E" from the request's bookmarks
    in_table: bool = False
    #: bookmarks starting in (or just before) it: what a Word cross-reference points to
    bookmarks: tuple[str, ...] = ()


@dataclass
class _Walk:
    blocks: list[_Block] = field(default_factory=list)
    open_marks: dict[str, str] = field(default_factory=dict)  # bookmark id -> role
    tables: int = 0
    pending: list[str] = field(default_factory=list)  # bookmarks started between paragraphs


def _role(name: str) -> str | None:
    """A request bookmark's role ("H3", "S5", "F", "E"), None for any other bookmark."""
    for prefix, letter in ((HEADING_BOOKMARK, "H"), (SLOT_BOOKMARK, "S")):
        if name.startswith(prefix):
            number = name[len(prefix):].split("_")[0]
            return f"{letter}{number}" if number.isdigit() else None
    if name.startswith(END_BOOKMARK):
        return "E"
    if name.startswith(FIXED_BOOKMARK):
        return "F"
    return None


def _walk(container: etree._Element, walk: _Walk, slot: str | None, response_id: str,
          in_table: bool = False) -> None:
    """Collect paragraphs in order, with their content control slot and bookmark role."""
    for child in container:
        tag = child.tag
        if tag == w("p"):
            _paragraph(child, walk, slot, response_id, in_table)
        elif tag == w("tbl"):
            walk.tables += 1
            for p in child.iter(w("p")):
                _paragraph(p, walk, slot, response_id, True)
        elif tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                _walk(content, walk, _slot_of(child, response_id) or slot, response_id,
                      in_table)
        elif tag in (w("customXml"), w("ins"), w("smartTag")):
            _walk(child, walk, slot, response_id, in_table)
        elif tag == w("bookmarkStart"):
            _open_mark(child, walk)
            walk.pending.append(child.get(w("name")) or "")
        elif tag == w("bookmarkEnd"):
            walk.open_marks.pop(child.get(w("id")) or "", None)


def _open_mark(mark: etree._Element, walk: _Walk) -> None:
    role = _role(mark.get(w("name")) or "")
    if role is not None:
        walk.open_marks[mark.get(w("id")) or ""] = role


def _slot_of(sdt: etree._Element, response_id: str) -> str | None:
    """The slot a content control answers, from its tag (None when not ours)."""
    tag = wval(sdt.find(f"{w('sdtPr')}/{w('tag')}")) or ""
    prefix = f"{TAG_PREFIX}:{response_id}:"
    return tag[len(prefix):] if tag.startswith(prefix) else None


def _paragraph(p: etree._Element, walk: _Walk, slot: str | None, response_id: str,
               in_table: bool) -> None:
    """One paragraph: its role is the strongest bookmark open over it or inside it."""
    roles = list(walk.open_marks.values())
    inline_slot = slot
    for node in p.iter(w("bookmarkStart"), w("bookmarkEnd"), w("sdt")):
        if node.tag == w("bookmarkStart"):
            _open_mark(node, walk)
            role = _role(node.get(w("name")) or "")
            if role is not None:
                roles.append(role)
        elif node.tag == w("bookmarkEnd"):
            walk.open_marks.pop(node.get(w("id")) or "", None)
        elif inline_slot is None:
            inline_slot = _slot_of(node, response_id)  # an inline control (LibreOffice)
    role = next((r for r in roles if r[0] in "HSE"), "F" if roles else None)
    marks = (*walk.pending, *bookmark_starts(p))
    walk.pending.clear()
    walk.blocks.append(_Block(p, inline_slot, role, in_table, marks))


# -- paragraphs to rich text ---------------------------------------------------------


class _ParagraphReader:
    """Turns ``w:p`` elements into domain paragraphs, tracking lists across them."""

    def __init__(self, package: DocxPackage, targets: dict[str, str] | None = None,
                 labels: dict[str, str] | None = None) -> None:
        self.styles = StyleSheet(package.styles)
        self.numbering = Numbering(package.numbering)
        self._list_key: str | None = None
        self._list_id = -1
        #: bookmark (case-folded) -> question id, and each question's current label:
        #: a Word cross-reference to a question's heading becomes a live reference
        self._targets = targets or {}
        self._labels = labels or {}

    def reset(self) -> None:
        """A new answer: lists start again."""
        self._list_key = None
        self._list_id = -1

    def _flags(self, run: etree._Element) -> tuple[bool, bool]:
        rpr = run.find(w("rPr"))
        bold = italic = False
        if rpr is not None:
            b, i = rpr.find(w("b")), rpr.find(w("i"))
            style = wval(rpr.find(w("rStyle")))
            bold = is_on(b) if b is not None else self.styles.char_bold(style)
            name = self.styles.get(style).name.lower() if style else ""
            italic = is_on(i) if i is not None else "emphasis" in name
        return bold, italic

    def runs(self, p: etree._Element) -> tuple[Run, ...]:
        """The paragraph's visible runs (deleted text and field codes left out); a REF
        field to a question's heading as a live reference to it."""
        refs = ref_results(p) if self._targets else {}
        pieces: list[tuple[str, bool, bool]] = []
        fields: dict[int, FieldText] = {}
        for r in _runs(p):
            bold, italic = self._flags(r)
            parts: list[str] = []
            for child in r:
                if child.tag == w("t"):
                    if child in refs:  # a field's result: a piece of its own
                        fields[len(pieces) + 1] = refs[child]
                        pieces += [("".join(parts), bold, italic), (child.text or "", bold,
                                                                    italic)]
                        parts = []
                        continue
                    parts.append(child.text or "")
                elif child.tag in (w("br"), w("cr")) and wval(child, "type") != "page":
                    parts.append("\n")
                elif child.tag in (w("tab"), w("ptab")):
                    parts.append("\t")
                elif child.tag == w("noBreakHyphen"):
                    parts.append("-")
            pieces.append(("".join(parts), bold, italic))
        linked = (linked_runs(pieces, fields, self._targets, self._labels)
                  if fields else [Run(*piece) for piece in pieces])
        out: list[Run] = []
        for run in linked:
            if not run.text:
                continue
            if (out and run.reference is None and out[-1].reference is None
                    and out[-1].bold == run.bold and out[-1].italic == run.italic):
                out[-1] = Run(out[-1].text + run.text, run.bold, run.italic)
            else:
                out.append(run)
        return tuple(out)

    def paragraph(self, p: etree._Element) -> Paragraph | None:
        """A domain paragraph (None for an empty one)."""
        runs = self.runs(p)
        text = "".join(r.text for r in runs)
        if not text.strip():
            return None
        ppr = p.find(w("pPr"))
        style_id = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        style = self.styles.get(style_id)
        num_id, ilvl = style.num_id, style.ilvl
        num_pr = ppr.find(w("numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = wval(num_pr.find(w("numId"))) or num_id
            lvl = wval(num_pr.find(w("ilvl")))
            if lvl is not None and lvl.isdigit():
                ilvl = int(lvl)
        label = self.numbering.label(num_id, ilvl or 0) if num_id and num_id != "0" else None
        if label is not None:
            kind = ListType.BULLET if label.bullet else ListType.ORDERED
            digits = re.search(r"\d+", label.text or "")
            ordinal = int(digits.group()) if kind is ListType.ORDERED and digits else 0
            return self._item(runs, kind, label.level + 1, label.list_key, ordinal)
        typed = _typed_list(runs)
        if typed is not None:
            kind, ordinal, rest = typed
            return self._item(rest, kind, 1, f"typed-{kind.value}", ordinal)
        self._list_key = None
        return Paragraph(_strip(runs))

    def _item(self, runs: tuple[Run, ...], kind: ListType, level: int, key: str,
              ordinal: int) -> Paragraph:
        if level == 1 and key != self._list_key or self._list_key is None:
            self._list_id += 1
            self._list_key = key
        return Paragraph(_strip(runs), kind, level, self._list_id,
                         ordinal if kind is ListType.ORDERED else 0)


def _runs(p: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph in order, through hyperlinks, inserts and inline controls."""
    stack = [iter(p)]
    while stack:
        try:
            node = next(stack[-1])
        except StopIteration:
            stack.pop()
            continue
        if not isinstance(node.tag, str) or node.tag in _SKIP:
            continue
        if node.tag == w("r"):
            yield node
        elif len(node):
            stack.append(iter(node))


def _strip(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """Runs without the whitespace at the paragraph's two ends (Markdown drops it)."""
    items = [r for r in runs if r.text]
    while items and not items[0].text.strip():
        items.pop(0)
    while items and not items[-1].text.strip():
        items.pop()
    # A reference keeps its label as it is (and stays a reference).
    if items and items[0].reference is None:
        items[0] = Run(items[0].text.lstrip(), items[0].bold, items[0].italic)
    if items and items[-1].reference is None:
        items[-1] = Run(items[-1].text.rstrip(), items[-1].bold, items[-1].italic)
    return tuple(items)


def _typed_list(runs: tuple[Run, ...]) -> tuple[ListType, int, tuple[Run, ...]] | None:
    """A list item typed by hand ("• text", "- text", "1. text"): kind, number, runs."""
    if not runs or runs[0].reference is not None:
        return None
    first = runs[0].text.lstrip()
    m = _TYPED_BULLET.match(first)
    kind, ordinal = ListType.BULLET, 0
    if m is None:
        m = _TYPED_NUMBER.match(first)
        if m is None:
            return None
        kind, ordinal = ListType.ORDERED, int(m.group(1))
    rest = (Run(first[m.end():], runs[0].bold, runs[0].italic),) + runs[1:]
    return kind, ordinal, rest


# -- the reply ---------------------------------------------------------------------


def read_reply(package: DocxPackage, identity: RequestIdentity, questionnaire: Questionnaire,
               items: list[RequestItem]) -> Reply:
    """Every item's answer in a returned request (items as the request asked them)."""
    ordered = ordered_items(questionnaire, items)
    slot_list: list[tuple[ItemRef, str | None]] = []
    first_slot: dict[int, int] = {}
    for k, item in enumerate(ordered):
        first_slot[k] = len(slot_list)
        slot_list += [(item.item, f) for f in slots(questionnaire, item.item)]
    keys = [slot_key(item, f) for item, f in slot_list]
    body = package.document.find(w("body"))
    walk = _Walk()
    if body is not None:
        _walk(body, walk, None, identity.response_id)
    found: dict[str, list[_Block]] = {k: [] for k in keys}
    seen: set[str] = set()
    current: str | None = None
    for block in walk.blocks:
        role = block.role
        if role and role[0] == "H" and int(role[1:]) in first_slot:
            index = first_slot[int(role[1:])]
            current = keys[index] if index < len(keys) else None
            if current:
                seen.add(current)
            continue
        if role and role[0] == "S" and int(role[1:]) < len(keys):
            current = keys[int(role[1:])]
            seen.add(current)
            continue
        if role == "E":
            current = None
            continue
        if role == "F" and block.slot is None:
            continue
        target = block.slot if block.slot in found else current
        if block.slot in found:
            seen.add(block.slot)
        if target is None:
            continue
        if " ".join(_plain(block.element).split()) in _PLACEHOLDERS:
            continue
        found[target].append(block)
    reader = _ParagraphReader(package, _heading_targets(walk.blocks, ordered),
                              reference_labels(questionnaire))
    markdown: dict[str, str] = {}
    tables: list[str] = []
    for key, blocks in found.items():
        reader.reset()
        paragraphs = [p for b in blocks if (p := reader.paragraph(b.element)) is not None]
        markdown[key] = to_markdown(paragraphs).strip()
        if any(b.in_table for b in blocks):
            tables.append(key)
    received: list[ReceivedItem] = []
    missing: list[str] = []
    empty: list[str] = []
    for item in ordered:
        item_slots = slots(questionnaire, item.item)
        item_keys = [slot_key(item.item, f) for f in item_slots]
        if not any(k in seen for k in item_keys):
            missing.append(item.item.key)
            continue
        if not any(markdown[k] for k in item_keys):
            empty.append(item.item.key)
            continue
        how = "control" if any(b.slot for k in item_keys for b in found[k]) else "heading"
        if item_slots == [None]:
            value: str | dict[str, str] = markdown[item_keys[0]]
        else:
            value = {f: markdown[k] for f, k in zip(item_slots, item_keys)
                     if f is not None and markdown[k]}
        received.append(ReceivedItem(item.item, value, how))
    # Messages: the CLI prints the English, the ui words them (the key as the question).
    notes = tuple(Message("{key}: a table was read as one paragraph per cell", key=key)
                  for key in tables)
    return Reply(identity, tuple(received), tuple(missing), tuple(empty), notes)


def _heading_targets(blocks: list[_Block], ordered: list[RequestItem]) -> dict[str, str]:
    """Bookmark name (case-folded) -> question id, for the bookmarks on the request's
    headings (its own ``_CDH<k>`` and the ``_Ref…`` Word adds for a cross-reference)."""
    targets: dict[str, str] = {}
    for block in blocks:
        role = block.role
        if role and role[0] == "H" and role[1:].isdigit() and int(role[1:]) < len(ordered):
            qid = ordered[int(role[1:])].item.question_id
            for name in block.bookmarks:
                targets.setdefault(name.casefold(), qid)
    return targets


def _plain(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(w("t")))
