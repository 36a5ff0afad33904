"""Reading an answer's Markdown (our CommonMark subset) into paragraphs and runs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from consultdesk.domain import reference_syntax
from consultdesk.domain.markdown_blocks import Block, split_blocks
from consultdesk.domain.rich_text_model import LINE_BREAK, ListType, Paragraph, Run


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
