"""Cross-references in Word: bookmarks on each question, and ``REF`` fields pointing to them.

Every exported question gets two hidden bookmarks: ``_cd_answer_<key>`` from the start of
its heading to the end of its answer (so whatever points to the question points inside
its answer), and ``_cd_num_<key>`` around the number in its heading.  A reference to a
numbered question exports as the label's words before the number ("question ") and a
complex field ``REF _cd_num_<key> \\h`` whose cached result is the number as the
questionnaire version has it now: it reads right before any field update, updates to
the heading's number, and Ctrl+click goes there.  A reference to a question that is not
in the document (missing, left out, or without a number) is written as its label's text.

``<key>`` is the question id within Word's rules for bookmark names (at most 40
characters, letters, digits and underscores, starting with a letter or an underscore;
names are compared without case): other characters become ``_``, and a key that would
be too long or clash with an earlier one is shortened and numbered (see
:func:`bookmark_keys`, which ``readback`` uses to map names back to question ids).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from docx.oxml.ns import qn
from lxml import etree

from consultdesk.formats.docx_export.paragraphs import add_run

ANSWER_PREFIX = "_cd_answer_"
NUMBER_PREFIX = "_cd_num_"
#: The longest bookmark name Word keeps.
MAX_BOOKMARK = 40
_ROOM = MAX_BOOKMARK - max(len(ANSWER_PREFIX), len(NUMBER_PREFIX))
_NOT_ALLOWED = re.compile(r"[^A-Za-z0-9_]")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def bookmark_keys(question_ids: Iterable[str]) -> dict[str, str]:
    """Each question id's key in bookmark names: within Word's rules, unique without case."""
    keys: dict[str, str] = {}
    used: set[str] = set()
    for qid in question_ids:
        key = _NOT_ALLOWED.sub("_", qid)
        if len(key) > _ROOM or key.casefold() in used:
            n = 1
            while True:
                suffix = f"_{n}"
                candidate = key[:_ROOM - len(suffix)] + suffix
                if candidate.casefold() not in used:
                    key = candidate
                    break
                n += 1
        used.add(key.casefold())
        keys[qid] = key
    return keys


def add_ref_field(p: etree._Element, bookmark: str, result: str, *, bold: bool = False,
                  italic: bool = False) -> list[etree._Element]:
    """Append a complex ``REF <bookmark> \\h`` field whose cached result is ``result``;
    its five runs (begin, instruction, separate, result, end)."""
    runs: list[etree._Element] = []

    def run(child: etree._Element) -> None:
        r = etree.SubElement(p, qn("w:r"))
        runs.append(r)
        if bold or italic:
            rpr = etree.SubElement(r, qn("w:rPr"))
            for on, tags in ((bold, ("w:b", "w:bCs")), (italic, ("w:i", "w:iCs"))):
                for tag in tags if on else ():
                    etree.SubElement(rpr, qn(tag))
        r.append(child)

    def char(kind: str) -> etree._Element:
        element = etree.Element(qn("w:fldChar"))
        element.set(qn("w:fldCharType"), kind)
        return element

    run(char("begin"))
    instruction = etree.Element(qn("w:instrText"))
    instruction.set(_SPACE, "preserve")
    instruction.text = f" REF {bookmark} \\h "
    run(instruction)
    run(char("separate"))
    runs.append(add_run(p, result, bold=bold, italic=italic))
    run(char("end"))
    return runs


def mark(p: etree._Element, name: str, bookmark_id: int, *, before: etree._Element | None = None,
         after: etree._Element | None = None) -> None:
    """A bookmark in one paragraph: around one run (``before`` = ``after`` = the run)."""
    start = etree.Element(qn("w:bookmarkStart"))
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = etree.Element(qn("w:bookmarkEnd"))
    end.set(qn("w:id"), str(bookmark_id))
    if before is not None:
        before.addprevious(start)
    else:
        p.append(start)
    if after is not None:
        after.addnext(end)
    else:
        p.append(end)


def span(first: etree._Element, last: etree._Element, name: str, bookmark_id: int) -> None:
    """A bookmark from the start of ``first`` to the end of ``last`` (paragraphs or tables)."""
    p_first = next(first.iter(qn("w:p")))
    p_last = list(last.iter(qn("w:p")))[-1]
    start = etree.Element(qn("w:bookmarkStart"))
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    ppr = p_first.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p_first.insert(0, start)
    end = etree.SubElement(p_last, qn("w:bookmarkEnd"))
    end.set(qn("w:id"), str(bookmark_id))


@dataclass
class PendingField:
    """A REF field written before its target's heading was (a reference to a later question)."""

    paragraph: etree._Element
    runs: list[etree._Element]  # the field's five runs
    target: str
    text: str  # the number, written as text if the target never gets a heading
    bold: bool
    italic: bool


@dataclass
class CrossReferences:
    """The bookmark keys of one export, and the fields to check once the body is built."""

    keys: dict[str, str]
    numbered: set[str] = field(default_factory=set)  # questions whose number is bookmarked
    fields: list[PendingField] = field(default_factory=list)

    def add_reference(self, p: etree._Element, target: str, prefix: str, number: str,
                      bold: bool, italic: bool) -> None:
        """"question " and a REF field to the target's number."""
        if prefix:
            add_run(p, prefix, bold=bold, italic=italic)
        runs = add_ref_field(p, NUMBER_PREFIX + self.keys[target], number, bold=bold,
                             italic=italic)
        self.fields.append(PendingField(p, runs, target, number, bold, italic))

    def resolve(self) -> None:
        """Fields whose target has no numbered heading in the document become plain text."""
        for f in self.fields:
            if f.target in self.numbered:
                continue
            first = f.runs[0]
            text_run = add_run(etree.Element(qn("w:p")), f.text, bold=f.bold, italic=f.italic)
            first.addprevious(text_run)
            for r in f.runs:
                f.paragraph.remove(r)
