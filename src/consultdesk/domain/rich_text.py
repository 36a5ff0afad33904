"""Answers as rich text: a CommonMark subset parsed into paragraphs and runs.

Answers are stored as Markdown limited to what officials use and Word can hold:
paragraphs, bullet and numbered lists (nested), bold, italic, line breaks, and
cross-references to other answers (a link to ``#ref:<question id>``, see
``reference_syntax``; a reference is one run whose text is its label).
Everything else (headings, other links, code, HTML, entities) is switched off in
the parser, so such characters are plain text and count as typed.  This module is
the one bridge between the stored Markdown and the structure that counting, the
editor and the Word export all work on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from itertools import groupby

from markdown_it import MarkdownIt
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from consultdesk.domain import reference_syntax
from consultdesk.domain.markdown_blocks import Block, split_blocks

LINE_BREAK = "\n"


class ListType(StrEnum):
    """The two kinds of list an answer may hold."""

    BULLET = "bullet"
    ORDERED = "ordered"


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one formatting; ``\\n`` inside is a line break.

    A run with a ``reference`` (a question id) is one cross-reference: its text is
    the label it reads as, and it is never merged with its neighbours.
    """

    text: str
    bold: bool = False
    italic: bool = False
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of an answer, possibly an item (or part of one) of a list.

    ``level`` is 0 outside lists and 1.. for list nesting depth.  ``list_id``
    numbers the top-level lists of an answer, so numbering restarts in each.
    ``ordinal`` is the item's number in an ordered list (its first paragraph).
    ``continuation`` marks a second or later paragraph of the same list item.
    """

    runs: tuple[Run, ...] = ()
    list_type: ListType | None = None
    level: int = 0
    list_id: int = -1
    ordinal: int = 0
    continuation: bool = False

    @property
    def text(self) -> str:
        """The paragraph's visible text (line breaks as ``\\n``)."""
        return "".join(r.text for r in self.runs)


@dataclass(slots=True)
class _ListState:
    type: ListType
    next_number: int
    item_paragraphs: int = 0


@dataclass(slots=True)
class _Walker:
    paragraphs: list[Paragraph] = field(default_factory=list)
    lists: list[_ListState] = field(default_factory=list)
    list_count: int = 0


_NEWLINES = re.compile(r"\r\n?")


def _normalize_newlines(state: StateCore) -> None:
    """markdown-it's input normalisation without the NUL replacement."""
    state.src = _NEWLINES.sub("\n", state.src)


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """The Markdown parser restricted to our subset (built once, then reused)."""
    md = MarkdownIt("commonmark", {"html": False})
    # CommonMark turns a NUL into U+FFFD, which would hide it from the export's warning
    # about control characters (and count it as a visible character): keep it as typed.
    md.core.ruler.at("normalize", _normalize_newlines)
    md.disable(
        [
            "code", "fence", "blockquote", "hr", "reference", "html_block", "heading",
            "lheading", "backticks", "link", "image", "autolink", "html_inline", "entity",
        ]
    )
    return md


def _inline_runs(token: Token) -> tuple[Run, ...]:
    """Turn an inline token's children into runs, merging equal neighbours."""
    if reference_syntax.MARK in token.content:
        with_references = _reference_runs(token.content)
        if with_references is not None:
            return with_references
    return _runs_of(token.children or ())


def _reference_runs(content: str) -> tuple[Run, ...] | None:
    """Inline text holding references as runs (None when it holds none after all).

    Each reference is replaced by one private-use character that is not in the text
    (a letter to CommonMark's emphasis rules, so ``**[question 2](#ref:q2)**`` is
    bold), the text is parsed as usual, and each of those characters becomes the
    reference's run with the formatting around it.
    """
    matches = reference_syntax.scan(content)
    if not matches:
        return None
    placeholder = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in content)
    parts: list[str] = []
    last = 0
    for m in matches:
        parts.append(content[last:m.start])
        parts.append(placeholder)
        last = m.end
    parts.append(content[last:])
    runs = _inline_text_runs("".join(parts))
    pending = iter(matches)
    out: list[Run] = []
    for run in runs:
        pieces = run.text.split(placeholder)
        for i, piece in enumerate(pieces):
            if i:
                ref = next(pending)
                out.append(Run(ref.label, run.bold, run.italic, ref.target))
            if piece:
                out.append(Run(piece, run.bold, run.italic))
    return tuple(out)


def _runs_of(children: Sequence[Token]) -> tuple[Run, ...]:
    """Inline tokens as runs, merging equal neighbours."""
    runs: list[Run] = []
    bold = italic = 0
    for child in children:
        kind = child.type
        if kind in ("text", "text_special"):
            text = child.content
        elif kind in ("softbreak", "hardbreak"):
            text = LINE_BREAK
        elif kind == "strong_open":
            bold += 1
            continue
        elif kind == "strong_close":
            bold -= 1
            continue
        elif kind == "em_open":
            italic += 1
            continue
        elif kind == "em_close":
            italic -= 1
            continue
        else:  # any token of a disabled feature: keep its literal text
            text = child.content
        if not text:
            continue
        run = Run(text, bold > 0, italic > 0)
        if runs and runs[-1].bold == run.bold and runs[-1].italic == run.italic and (
                runs[-1].reference is None):
            runs[-1] = Run(runs[-1].text + text, run.bold, run.italic)
        else:
            runs.append(run)
    return tuple(runs)


# A line holding nothing but a list marker would be an empty list item in
# CommonMark and silently vanish; a person who typed a lone "*" means the star.
_BARE_MARKER = re.compile(r"^([ \t]*)([-+*]|\d{1,9}[.)])[ \t]*$", re.MULTILINE)


def _keep_bare_markers(markdown: str) -> str:
    """Escape lines that are only a list marker so they stay visible text."""
    return _BARE_MARKER.sub(lambda m: m.group(1) + "\\" + m.group(2)
                            if not m.group(2)[0].isdigit()
                            else m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1],
                            markdown)


#: The characters that start inline syntax in our subset (emphasis, escapes).  Inline text
#: without any of them is literal, so it skips markdown-it; new inline syntax must add
#: its first character here.
_INLINE_SYNTAX = re.compile(r"[*_\\]")


def _plain_runs(content: str) -> tuple[Run, ...]:
    """Inline text without syntax: line ends as markdown-it's ``newline`` rule leaves them."""
    if LINE_BREAK not in content:
        return (Run(content),) if content else ()
    lines = content.split(LINE_BREAK)
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if i:
            line = line.lstrip(" \t")
        if i < last and line.endswith(" "):
            line = line.rstrip(" ") if line.endswith("  ") else line[:-1]
        lines[i] = line
    return (Run(LINE_BREAK.join(lines)),)


_STARS = re.compile(r"(\*+)")


def _simple_emphasis_runs(content: str) -> tuple[Run, ...] | None:
    """Runs of text whose only syntax is ``*``/``**``/``***`` pairs around words; else None.

    A pair counts only when it is unambiguous under CommonMark's flanking rules: equal
    runs of one to three stars, nothing between them but text on one line that starts
    and ends with a letter or digit (so the opening run can only open and the closing
    run can close).  Anything else is for markdown-it.
    """
    if "_" in content or "\\" in content:
        return None
    parts = _STARS.split(content)
    if len(parts) % 4 != 1:  # text, (run, inside, run, text)*
        return None
    runs: list[Run] = []
    for i in range(0, len(parts), 4):
        outside = parts[i]
        if outside:
            runs.extend(_plain_runs(outside))
        if i + 1 == len(parts):
            break
        opening, inside, closing = parts[i + 1], parts[i + 2], parts[i + 3]
        if (opening != closing or len(opening) > 3 or not inside or LINE_BREAK in inside
                or not inside[0].isalnum() or not inside[-1].isalnum()):
            return None
        runs.append(Run(inside, bold=len(opening) >= 2, italic=len(opening) != 2))
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic) == (run.bold, run.italic):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        elif run.text:
            merged.append(run)
    return tuple(merged)


def _inline_text_runs(content: str) -> tuple[Run, ...]:
    """A paragraph's inline text (no references) as runs: the fast paths, or markdown-it."""
    fast = (_plain_runs(content) if _INLINE_SYNTAX.search(content) is None
            else _simple_emphasis_runs(content))
    if fast is not None:
        return fast
    md = _parser()
    tokens: list[Token] = []
    md.inline.parse(content, md, {}, tokens)
    return _runs_of(tokens)


def _block_paragraph(block: Block) -> Paragraph:
    """One block of :func:`split_blocks` as a paragraph, its inline text parsed."""
    content, kind, level, list_id, ordinal, continuation = block
    runs = None
    if reference_syntax.MARK in content:
        runs = _reference_runs(content)
    if runs is None:
        runs = _inline_text_runs(content)
    return Paragraph(runs, ListType(kind) if kind else None, level, list_id, ordinal,
                     continuation)


@lru_cache(maxsize=512)
def parse_markdown(markdown: str) -> tuple[Paragraph, ...]:
    """Parse stored Markdown into paragraphs (empty tuple for blank text).

    Linear: the usual shapes (paragraphs, lists) are read by ``markdown_blocks``
    and only inline text with emphasis or escapes goes to markdown-it; anything
    else is parsed whole by markdown-it.  Cached: the result is immutable, and the
    same answer is parsed by the progress, the preflight and the export within
    moments of each other.
    """
    if not markdown or markdown.isspace():
        return ()
    source = _keep_bare_markers(markdown)
    blocks = split_blocks(source)
    if blocks is None:
        return _parse_with_markdown_it(source)
    return tuple(_block_paragraph(b) for b in blocks)


def parse_with_markdown_it(markdown: str) -> tuple[Paragraph, ...]:
    """Parse with markdown-it alone (the reference the fast path is tested against)."""
    if not markdown or markdown.isspace():
        return ()
    return _parse_with_markdown_it(_keep_bare_markers(markdown))


def _parse_with_markdown_it(source: str) -> tuple[Paragraph, ...]:
    w = _Walker()
    for tok in _parser().parse(source):
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            if not w.lists:
                w.list_count += 1
            start = int(tok.attrs.get("start", 1) or 1) if t == "ordered_list_open" else 1
            kind = ListType.ORDERED if t == "ordered_list_open" else ListType.BULLET
            w.lists.append(_ListState(kind, start))
        elif t in ("bullet_list_close", "ordered_list_close"):
            w.lists.pop()
        elif t == "list_item_open":
            w.lists[-1].item_paragraphs = 0
        elif t == "list_item_close":
            w.lists[-1].next_number += 1
        elif t == "inline":
            runs = _inline_runs(tok)
            if not w.lists:
                w.paragraphs.append(Paragraph(runs))
                continue
            state = w.lists[-1]
            w.paragraphs.append(
                Paragraph(
                    runs,
                    list_type=state.type,
                    level=len(w.lists),
                    list_id=w.list_count - 1,
                    ordinal=state.next_number if state.type is ListType.ORDERED else 0,
                    continuation=state.item_paragraphs > 0,
                )
            )
            state.item_paragraphs += 1
    return tuple(w.paragraphs)


def stored_text(text: str) -> str:
    """What the stored Markdown keeps of a paragraph's text: no white space (nor line
    breaks) at its edges, none at the start of a line (so what counting sees after a save)."""
    if LINE_BREAK in text:
        text = LINE_BREAK.join(line.lstrip(" \t") for line in text.split(LINE_BREAK))
    return text.strip()


def plain_text(markdown: str) -> str:
    """The visible text, paragraphs separated by a blank line (for previews and search)."""
    return "\n\n".join(p.text for p in parse_markdown(markdown))


# -- writing Markdown ---------------------------------------------------------

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
