"""Reading a document's blocks in body order: paragraphs, table cells, content controls.

Each block carries what structure detection needs: its text (list labels from
Word's automatic numbering rendered in front, check boxes as ☐/☒), its style's
heading level, whether it is bold, and, for table cells, whether an empty answer
cell sits beside or below it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from consultdesk.formats.docx_import.fields import FieldText, bookmark_starts, ref_results
from consultdesk.formats.docx_import.numbering import ListLabel, Numbering
from consultdesk.formats.docx_import.package import DocxPackage
from consultdesk.formats.docx_import.styles import StyleSheet
from consultdesk.formats.docx_import.wordml import W14, is_on, w, wval

UNCHECKED = "☐"
CHECKED = "☒"
# Wingdings / Webdings / Symbol code points that Word documents use for boxes.
_BOX_SYMBOLS = {"F0A8": UNCHECKED, "F06F": UNCHECKED, "F071": UNCHECKED, "F072": UNCHECKED,
                "F0FE": CHECKED, "F078": CHECKED, "F0FD": CHECKED, "F063": UNCHECKED,
                "00A8": UNCHECKED, "006F": UNCHECKED}
# mc:Fallback repeats, for old readers, what mc:Choice already holds (text boxes).
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIP = {w("del"), w("delText"), w("instrText"), w("moveFrom"), w("rPr"), w("pPr"), w("sdtPr"),
         w("sdtEndPr"), w("footnoteReference"), w("endnoteReference"), w("commentReference"),
         _MC_FALLBACK}


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a block sits in a table."""

    table: int
    row: int
    col: int
    answer_slot: bool  # an empty cell beside it (to the right) or below it
    header: bool  # in a header row ("No. | Question | Answer")


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the document, in body order."""

    index: int
    text: str
    list_label: ListLabel | None = None
    style: str = ""
    heading: int = 0
    title: bool = False
    bold: bool = False
    centered: bool = False
    cell: Cell | None = None
    #: The text in stretches of one direct formatting: (text, bold, italic).  What a
    #: completed response's answers keep as Markdown; the questionnaire import ignores it.
    runs: tuple[tuple[str, bool, bool], ...] = ()
    #: Which of ``runs`` show a REF field's result (a cross-reference), by run index.
    fields: tuple[tuple[int, FieldText], ...] = ()
    #: The bookmarks that start in this paragraph (what cross-references point to).
    bookmarks: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        """The text as the reader sees it, list label in front."""
        if not self.text:
            return ""
        if self.list_label and not self.list_label.bullet and self.list_label.text:
            return f"{self.list_label.text} {self.text}"
        return self.text


class _Reader:
    """Walks the body once, keeping list counters in document order."""

    def __init__(self, package: DocxPackage) -> None:
        self.styles = StyleSheet(package.styles)
        self.numbering = Numbering(package.numbering)
        self.blocks: list[Block] = []
        self._tables = 0

    # -- text of one paragraph ----------------------------------------------------
    def _text(self, p: etree._Element) -> tuple[str, bool, list[tuple[str, bool, bool]],
                                                 dict[int, FieldText]]:
        """The visible text of a paragraph, whether all of it is bold, its runs, and
        which runs show a REF field's result."""
        parts: list[str] = []
        runs: list[tuple[str, bool, bool]] = []
        refs = ref_results(p) if p.find(f".//{w('fldChar')}") is not None or \
            p.find(f".//{w('fldSimple')}") is not None else {}
        fields: dict[int, FieldText] = {}
        bold_all = True
        any_text = False
        for node in _visible_nodes(p):
            tag = node.tag
            if tag == w("t"):
                t = node.text or ""
                parts.append(t)
                if node in refs:
                    fields[len(runs)] = refs[node]
                run = node.getparent()
                runs.append((t, *self._run_emphasis(run)) if run is not None
                            else (t, False, False))
                if t.strip():
                    any_text = True
                    if run is not None and not self._run_bold(run):
                        bold_all = False
            elif tag in (w("tab"), w("ptab")):
                parts.append("\t")
                runs.append(("\t", False, False))
            elif tag in (w("br"), w("cr")):
                if wval(node, "type") != "page":
                    parts.append("\n")
                    runs.append(("\n", False, False))
            elif tag == w("noBreakHyphen"):
                parts.append("-")
            elif tag == w("sym"):
                code = (wval(node, "char") or "").upper()
                parts.append(_BOX_SYMBOLS.get(code, ""))
            elif tag == W14 + "checkbox":
                checked = node.find(W14 + "checked")
                on = checked is not None and checked.get(W14 + "val", "1") in ("1", "true", "on")
                parts.append(CHECKED if on else UNCHECKED)
            elif tag in (w("dropDownList"), w("comboBox")):
                # A drop-down list content control: its items are the choices.
                parts.append(" ".join(f"{UNCHECKED} {item}" for item in _list_items(node)))
            elif tag == w("checkBox"):
                checked = node.find(w("checked"))
                default = node.find(w("default"))
                on = is_on(checked) if checked is not None else is_on(default)
                parts.append(CHECKED if on else UNCHECKED)
        return "".join(parts), bold_all and any_text, runs, fields

    def _run_emphasis(self, run: etree._Element) -> tuple[bool, bool]:
        """(bold, italic) set on a run itself or by its character style (not its paragraph's)."""
        rpr = run.find(w("rPr"))
        if rpr is None:
            return False, False
        b, i = rpr.find(w("b")), rpr.find(w("i"))
        bold = is_on(b) if b is not None else self.styles.char_bold(wval(rpr.find(w("rStyle"))))
        return bold, i is not None and is_on(i)

    def _run_bold(self, run: etree._Element) -> bool:
        rpr = run.find(w("rPr"))
        if rpr is not None:
            b = rpr.find(w("b"))
            if b is not None:
                return is_on(b)
            if self.styles.char_bold(wval(rpr.find(w("rStyle")))):
                return True
        para = run.getparent()
        while para is not None and para.tag != w("p"):
            para = para.getparent()
        if para is None:
            return False
        return self.styles.get(wval(para.find(f"{w('pPr')}/{w('pStyle')}"))).bold

    # -- blocks ---------------------------------------------------------------------
    def paragraph(self, p: etree._Element, cell: Cell | None) -> Block:
        """Read one paragraph into a block (advancing list counters)."""
        ppr = p.find(w("pPr"))
        style_id = wval(ppr.find(w("pStyle"))) if ppr is not None else None
        style = self.styles.get(style_id)
        num_id, ilvl = style.num_id, style.ilvl
        num_pr = ppr.find(w("numPr")) if ppr is not None else None
        if num_pr is not None:
            direct_id = wval(num_pr.find(w("numId")))
            direct_lvl = wval(num_pr.find(w("ilvl")))
            if direct_id is not None:
                num_id = direct_id
            if direct_lvl is not None and direct_lvl.isdigit():
                ilvl = int(direct_lvl)
        heading = style.heading
        if ppr is not None:
            outline = wval(ppr.find(w("outlineLvl")))
            if outline and outline.isdigit() and int(outline) < 9:
                heading = int(outline) + 1
        text, bold, runs, fields = self._text(p)
        label = None
        # Word numbers an empty list paragraph too (its number shows): count it alike.
        if num_id and num_id != "0":
            if ilvl is None:
                ilvl = self.numbering.level_for_style(num_id, style_id) or 0
            label = self.numbering.label(num_id, ilvl)
        centered = ppr is not None and wval(ppr.find(w("jc"))) == "center"
        return Block(index=len(self.blocks), text=text.strip(), list_label=label,
                     style=style.name, heading=heading, title=style.title, bold=bold,
                     centered=centered, cell=cell, runs=tuple(runs),
                     fields=tuple(fields.items()), bookmarks=bookmark_starts(p))

    def body(self, container: etree._Element) -> None:
        """Read every block of a container (body, cell, content control) in order."""
        for child in container:
            tag = child.tag
            if tag == w("p"):
                self.blocks.append(self.paragraph(child, None))
            elif tag == w("tbl"):
                self.table(child)
            elif tag in (w("sdt"), w("customXml"), w("ins"), w("smartTag")):
                content = child.find(w("sdtContent")) if tag == w("sdt") else child
                if content is not None:
                    self.body(content)

    def table(self, tbl: etree._Element) -> None:
        """Read a table row by row, marking cells that have an empty answer cell by them."""
        number = self._tables
        self._tables += 1
        rows = [_cells(tr) for tr in _children(tbl, "tr")]
        texts = [[_cell_text(c) for c in row] for row in rows]
        for r, row in enumerate(rows):
            header = _is_header(rows, texts, r)
            for c, tc in enumerate(row):
                if tc is None:
                    continue  # continuation of a vertically merged cell
                beside = any(tc2 is not None and not texts[r][k]
                             for k, tc2 in enumerate(row) if k > c)
                below = (
                    r + 1 < len(rows) and bool(texts[r][c])
                    and all(not t for t in texts[r + 1]) and len(rows[r + 1]) > 0
                    and all(x is not None for x in rows[r + 1])
                )
                cell = Cell(number, r, c, answer_slot=bool(texts[r][c]) and (beside or below),
                            header=header)
                for child in tc:
                    if child.tag == w("p"):
                        self.blocks.append(self.paragraph(child, cell))
                    elif child.tag == w("tbl"):
                        self.table(child)
                    elif child.tag == w("sdt"):
                        content = child.find(w("sdtContent"))
                        if content is not None:
                            for p in content.iter(w("p")):
                                self.blocks.append(self.paragraph(p, cell))


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    """Direct children named ``w:name``, looking through content controls around them."""
    out: list[etree._Element] = []
    for child in el:
        if child.tag == w(name):
            out.append(child)
        elif child.tag in (w("sdt"), w("customXml")):
            content = child.find(w("sdtContent")) if child.tag == w("sdt") else child
            if content is not None:
                out.extend(_children(content, name))
    return out


def _cells(tr: etree._Element) -> list[etree._Element | None]:
    """The cells of a row; None for the continuation of a vertical merge."""
    out: list[etree._Element | None] = []
    for tc in _children(tr, "tc"):
        vmerge = tc.find(f"{w('tcPr')}/{w('vMerge')}")
        continued = vmerge is not None and (wval(vmerge) or "continue") == "continue"
        out.append(None if continued else tc)
    return out


def _list_items(control: etree._Element) -> list[str]:
    """The items of a drop-down list control, without Word's "Choose an item." prompt."""
    items = []
    for item in control.findall(w("listItem")):
        text = (item.get(w("displayText")) or item.get(w("value")) or "").strip()
        if text and item.get(w("value"), "x") != "":
            items.append(text)
    return items


def _cell_text(tc: etree._Element | None) -> str:
    """Whether-empty test text of a cell (placeholder text of content controls ignored)."""
    if tc is None:
        return ""
    parts: list[str] = []
    for node in _visible_nodes(tc):
        if node.tag == w("t"):
            parts.append(node.text or "")
        elif node.tag in (W14 + "checkbox", w("checkBox")) or node.tag == w("sym") and (wval(node, "char") or "").upper() in _BOX_SYMBOLS:
            parts.append(UNCHECKED)
    text = "".join(parts).strip()
    # Underscores or dots are a line to write on: the cell is empty for our purpose.
    return "" if not text.strip("_.… \t") else text


def _is_header(rows: list[list[etree._Element | None]], texts: list[list[str]], r: int) -> bool:
    """A header row: marked as such, or a first row of short labels over answer columns."""
    row = rows[r]
    if any(tc is not None and tc.getparent() is not None
           and tc.getparent().find(f"{w('trPr')}/{w('tblHeader')}") is not None for tc in row):
        return True
    if r != 0 or len(row) < 2 or len(rows) < 2:
        return False
    words = [len(t.split()) for t in texts[0]]
    labels = {t.strip(" :").lower() for t in texts[0]}
    known = {"question", "questions", "answer", "answers", "response", "responses", "reply",
             "no.", "no", "#", "n°", "réponse", "réponses", "respuesta", "pregunta", "frage",
             "antwort", "nr.", "comments", "remarks"}
    return all(0 < n <= 3 for n in words) and bool(labels & known)


def _visible_nodes(el: etree._Element) -> Iterator[etree._Element]:
    """Descendants in document order, skipping deleted text, field codes and placeholders."""
    stack = [iter(el)]
    while stack:
        try:
            node = next(stack[-1])
        except StopIteration:
            stack.pop()
            continue
        tag = node.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == w("fldChar"):
            # A legacy form check box is defined in its field's ffData.
            box = node.find(f"{w('ffData')}/{w('checkBox')}")
            if box is not None:
                yield box
            continue
        if tag == w("sdt"):
            props = node.find(w("sdtPr"))
            control = None
            if props is not None:
                control = next((c for c in (props.find(W14 + "checkbox"),
                                            props.find(w("dropDownList")),
                                            props.find(w("comboBox"))) if c is not None), None)
            if control is not None:
                yield control
                continue  # the glyph or current item inside is not more text
            if props is not None and props.find(w("showingPlcHdr")) is not None:
                continue  # "Click or tap here to enter text." is not content
        yield node
        if len(node):
            stack.append(iter(node))


def read_blocks(package: DocxPackage) -> list[Block]:
    """Every paragraph of the document body in order (tables and content controls included)."""
    reader = _Reader(package)
    body = package.document.find(w("body"))
    if body is not None:
        reader.body(body)
    return reader.blocks
