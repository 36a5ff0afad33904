"""Writing paragraphs and runs back as Markdown that reads back the same."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import groupby

from consultdesk.domain import reference_syntax
from consultdesk.domain.markdown_reader import parse_markdown
from consultdesk.domain.rich_text_model import LINE_BREAK, ListType, Paragraph, Run

_ESCAPE_INLINE = re.compile(r"([\\*_])")
# In a paragraph that holds references (or text that looks like one), brackets and
# backticks are escaped too, so typed text never becomes a reference and a reference
# never falls inside a code span.
_ESCAPE_NEAR_REFERENCES = re.compile(r"([\\*_\[\]`])")
_LINE_START_LIST = re.compile(r"^(\s*)([-+*])(?=\s|$)")
_LINE_START_ORDERED = re.compile(r"^(\s*\d{1,9})([.)])(?=\s|$)")


def escape_markdown(text: str, near_references: bool = False) -> str:
    """Escape text so that it parses back to exactly itself in our subset.

    ``near_references`` also escapes brackets and backticks (see above); without it,
    text holding ``](#ref:`` gets its brackets escaped all the same.
    """
    near_references = near_references or reference_syntax.MARK in text
    pattern = _ESCAPE_NEAR_REFERENCES if near_references else _ESCAPE_INLINE
    out = pattern.sub(r"\\\1", text)
    lines = out.split(LINE_BREAK)
    lines = [_LINE_START_ORDERED.sub(r"\1\\\2", _LINE_START_LIST.sub(r"\1\\\2", ln))
             for ln in lines]
    return LINE_BREAK.join(lines)


def _run_markdown(runs: Sequence[Run], near_references: bool = False) -> str:
    """Runs of one formatting with their emphasis; surrounding whitespace is kept outside
    the markers.  A reference among them is written as its link, inside the markers."""
    body = "".join(reference_syntax.link(r.reference, r.text or r.reference)
                   if r.reference is not None else escape_markdown(r.text, near_references)
                   for r in runs)
    first = runs[0]
    if not (first.bold or first.italic) or not body.strip():
        return body
    marker = "***" if first.bold and first.italic else "**" if first.bold else "*"
    stripped = body.strip(" \t")
    lead = body[: len(body) - len(body.lstrip(" \t"))]
    trail = body[len(body.rstrip(" \t")):]
    return f"{lead}{marker}{stripped}{marker}{trail}"


def _paragraph_body(p: Paragraph, indent: str) -> str:
    """A paragraph's inline Markdown, falling back to plain text if emphasis would not parse."""
    runs = _trim_edges(_merge_runs(p.runs))
    near = any(r.reference is not None for r in runs) or reference_syntax.MARK in p.text
    # Neighbours of one formatting share their markers (a reference is a run of its own).
    body = "".join(_run_markdown(list(group), near)
                   for _, group in groupby(runs, key=lambda r: (r.bold, r.italic)))
    # Hard breaks as a backslash at line end; continuation lines are indented so
    # they stay inside their list item.
    body = body.replace(LINE_BREAK, "\\" + LINE_BREAK + indent)
    if any(r.bold or r.italic for r in runs):
        check = parse_markdown(body.replace(LINE_BREAK + indent, LINE_BREAK))
        if len(check) != 1 or _normalise(check[0].text) != _normalise(p.text):
            # CommonMark's flanking rules refuse some placements (e.g. bold ending in
            # punctuation right before a letter); keep the text exact, drop the format.
            plain = [Run(r.text, reference=r.reference) for r in runs]
            body = _run_markdown(plain, near).replace(LINE_BREAK, "\\" + LINE_BREAK + indent)
    return body


def _trim_edges(runs: list[Run]) -> list[Run]:
    """Runs without white space (line breaks included) at the paragraph's edges.

    Markdown keeps none there, and a line break written at a paragraph's end would come
    back as a literal backslash.
    """
    while runs and not runs[0].text.strip() and runs[0].reference is None:
        runs = runs[1:]
    while runs and not runs[-1].text.strip() and runs[-1].reference is None:
        runs = runs[:-1]
    if runs and runs[0].reference is None:  # a reference's label is kept as it is
        first = runs[0]
        runs[0] = Run(first.text.lstrip(), first.bold, first.italic)
    if runs and runs[-1].reference is None:
        last = runs[-1]
        runs[-1] = Run(last.text.rstrip(), last.bold, last.italic)
    return runs


def _normalise(text: str) -> str:
    """Text as Markdown keeps it: no whitespace at paragraph or line edges."""
    return re.sub(r"[ \t]*\n[ \t]*", "\n", text).strip()


def _merge_runs(runs: tuple[Run, ...]) -> list[Run]:
    """Merge neighbours with equal formatting and drop empty runs."""
    merged: list[Run] = []
    for r in runs:
        if not r.text and r.reference is None:
            continue
        if (merged and merged[-1].bold == r.bold and merged[-1].italic == r.italic
                and merged[-1].reference is None and r.reference is None):
            merged[-1] = Run(merged[-1].text + r.text, r.bold, r.italic)
        else:
            merged.append(r)
    return merged


def to_markdown(paragraphs: tuple[Paragraph, ...] | list[Paragraph],
                bodies: dict[tuple[tuple[Run, ...], str], str] | None = None) -> str:
    """Serialise paragraphs to Markdown that :func:`parse_markdown` reads back the same.

    Lists are told apart by ``list_id``; consecutive lists alternate their
    delimiter so that CommonMark starts a new list (and numbering restarts).
    ``bodies`` caches each paragraph's inline Markdown (a pure function of its runs
    and its indent) for a caller serialising the same answer again and again (the
    editor, after each key); it is left holding only this call's.
    """
    if bodies is not None:
        previous = dict(bodies)
        bodies.clear()

        def body(p: Paragraph, indent: str) -> str:
            key = (p.runs, indent)
            text = bodies.get(key)  # the same runs twice in this answer
            if text is None:
                text = previous.get(key)
                if text is None:
                    text = _paragraph_body(p, indent)
                bodies[key] = text
            return text
    else:
        body = _paragraph_body
    out: list[str] = []
    indents: list[str] = []  # content indentation per open list level
    prev: Paragraph | None = None
    list_parity = 0
    numbers: dict[int, int] = {}
    for p in paragraphs:
        if not p.text.strip():
            continue
        if p.level == 0:
            out.append(("\n" if out else "") + body(p, ""))
            indents.clear()
            prev = p
            continue
        new_list = prev is None or prev.level == 0 or prev.list_id != p.list_id
        if new_list:
            list_parity ^= 1
            indents.clear()
            numbers.clear()
        del indents[p.level - 1:]
        # A level with no item above it (Tab pressed twice on an item) has no content
        # column of its own: the item goes where its nearest parent's content starts.
        # (Two spaces more per missing level reached 4, which CommonMark reads as text of
        # the parent; the item is now one level below its parent after a save.)
        while len(indents) < p.level - 1:
            indents.append(indents[-1] if indents else "")
        base = indents[-1] if indents else ""
        if p.continuation:
            prefix_width = base + "   "
            out.append("\n" + prefix_width + body(p, prefix_width))
            prev = p
            continue
        if p.list_type is ListType.ORDERED:
            delim = "." if list_parity else ")"
            # A nested list opens right after its parent's text, and CommonMark lets only
            # a list starting at 1 interrupt a paragraph ("2." there would be read as
            # text of the parent): a nested numbered list restarts at 1.
            n = numbers.get(p.level, (p.ordinal or 1) if p.level == 1 else 1)
            marker = f"{n}{delim} "
            numbers[p.level] = n + 1
        else:
            marker = ("- " if list_parity else "+ ")
        # Deeper levels restart their own numbering.
        for lvl in [k for k in numbers if k > p.level]:
            del numbers[lvl]
        indent = base + " " * len(marker)
        sep = "\n" if (new_list and out) else ""
        out.append(sep + base + marker + body(p, indent))
        indents.append(indent)
        prev = p
    return "\n".join(out).strip("\n") + ("\n" if out else "")
