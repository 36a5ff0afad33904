"""Word cross-references read back: ``REF`` fields and the bookmarks they point to.

A cross-reference in Word is a field ``REF <bookmark> \\h`` (complex: ``w:fldChar``
begin / ``w:instrText`` / separate / the result's runs / end; or ``w:fldSimple``) whose
result shows the bookmarked text.  Our own export points to ``_cd_num_<key>`` around a
question's number; Word's Insert ▸ Cross-reference points to a hidden ``_Ref123456``
bookmark it puts on the heading.  This module finds, in one paragraph, which text
nodes show a REF field's result and which bookmarks start there; the readers decide
which question a bookmark belongs to (the one whose heading or answer holds it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from consultdesk.domain.rich_text import Run
from consultdesk.formats.docx_import.wordml import w

_REF = re.compile(r"^\s*REF\s+(\"[^\"]+\"|\S+)", re.IGNORECASE)
#: A field result that is a question's number alone ("2", "4(a)", "12.1", "2."): then
#: the words before it ("question ", "pregunta ", "問") are part of what it names.
_BARE_NUMBER = re.compile(r"^\s*(\d{1,3}(?:\.\d{1,3})*(?:\s?\(?[a-z]\)|[a-z])?)([.)]?)\s*$",
                          re.IGNORECASE)
#: The words naming a question just before its number, in the languages we label in.
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:question|pregunta|frage|q)\.?\s*(?:no\.?\s*|n[°º.]\s*|nr\.\s*)?|(?:問|設問|質問)\s*)$",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FieldText:
    """A text node showing (part of) a REF field's result."""

    field: int  # which field of the paragraph (the parts of one result share it)
    bookmark: str  # the bookmark it points to, as written


def ref_results(p: etree._Element) -> dict[etree._Element, FieldText]:
    """Each ``w:t`` of a paragraph that shows a REF field's result, and its field."""
    out: dict[etree._Element, FieldText] = {}
    # Complex fields nest: each open one is [instruction parts, showing result, number].
    stack: list[tuple[list[str], list[bool], int]] = []
    count = 0
    for node in p.iter(w("fldChar"), w("instrText"), w("t"), w("fldSimple")):
        tag = node.tag
        if tag == w("fldChar"):
            kind = node.get(w("fldCharType"))
            if kind == "begin":
                count += 1
                stack.append(([], [False], count))
            elif kind == "separate" and stack:
                stack[-1][1][0] = True
            elif kind == "end" and stack:
                stack.pop()
        elif tag == w("instrText"):
            if stack and not stack[-1][1][0]:
                stack[-1][0].append(node.text or "")
        elif tag == w("fldSimple"):
            m = _REF.match(node.get(w("instr")) or "")
            if m:
                count += 1
                for t in node.iter(w("t")):
                    out[t] = FieldText(count, m.group(1).strip('"'))
        elif node not in out and stack and stack[-1][1][0]:
            m = _REF.match("".join(stack[-1][0]))
            if m:
                out[node] = FieldText(stack[-1][2], m.group(1).strip('"'))
    return out


def bookmark_starts(p: etree._Element) -> tuple[str, ...]:
    """The names of the bookmarks that start in a paragraph."""
    return tuple(name for b in p.iter(w("bookmarkStart")) if (name := b.get(w("name"))))


def linked_runs(runs: Sequence[tuple[str, bool, bool]], fields: Mapping[int, FieldText],
                targets: Mapping[str, str], labels: Mapping[str, str]) -> list[Run]:
    """A paragraph's runs with each REF field to a known question as a live reference.

    ``fields`` maps a run's index to the field it shows; ``targets`` bookmark names
    (case-folded, as Word compares them) to question ids; ``labels`` each question's
    current label.  When the result is the number alone, the words naming the question
    just before it ("question ", "Q. ", "問") become part of the reference; a number
    format's "." or ")" stays as text.  A bare number without such words stays text (the
    words were edited in Word: "point 2" is what the author wrote, a reference would
    read "point question 2"), as does a field to an unknown bookmark.  A field to the
    answer's own question is kept as a reference too: it was put there on purpose.
    """
    out: list[Run] = []
    i = 0
    while i < len(runs):
        text, bold, italic = runs[i]
        f = fields.get(i)
        target = targets.get(f.bookmark.casefold()) if f is not None else None
        if f is None or target is None or target not in labels:
            out.append(Run(text, bold, italic))
            i += 1
            continue
        shown: list[str] = []
        while i < len(runs) and (g := fields.get(i)) is not None and g.field == f.field:
            shown.append(runs[i][0])
            i += 1
        result = "".join(shown)
        bare = _BARE_NUMBER.match(result)
        if bare and not _drop_label_words(out):
            out.append(Run(result, bold, italic))
            continue
        out.append(Run(labels[target], bold, italic, reference=target))
        if bare and bare.group(2):
            out.append(Run(bare.group(2), bold, italic))
    return out


def _drop_label_words(out: list[Run]) -> bool:
    """Remove "question " (or "pregunta ", "問", "Q. ") from the end of the runs so far;
    whether there were such words."""
    tail: list[int] = []
    for k in range(len(out) - 1, -1, -1):
        if out[k].reference is not None:
            break
        tail.insert(0, k)
    text = "".join(out[k].text for k in tail)
    m = _LABEL_BEFORE.search(text)
    if not m or not m.group(0):
        return False
    remove = len(m.group(0))
    while remove and out and out[-1].reference is None:
        last = out[-1]
        if len(last.text) <= remove:
            remove -= len(last.text)
            out.pop()
        else:
            out[-1] = Run(last.text[:-remove], last.bold, last.italic)
            remove = 0
    return True
