"""A linear-time reader of the common shapes of answer Markdown: paragraphs and lists.

markdown-it parses a 2-million-character answer in about 2.5 s, nearly all of it
block structure and per-character Python.  Nearly every stored answer is made
only of paragraphs and (nested) list items written with spaces, the shapes
``rich_text.to_markdown`` writes and people type.  :func:`split_blocks` reads
exactly those, line by line, giving the same block structure markdown-it gives;
for anything outside them (tabs in indentation, empty list items, a line indented
four or more columns past its container, an ordered list not starting at 1
interrupting a paragraph, a list marker right after a list marker, very deep
nesting) it returns ``None`` and the caller parses with markdown-it, so the result
is always markdown-it's.  ``tests/domain/test_markdown_blocks.py`` checks the two
agree on generated documents.

Each block is ``(content, kind, level, list_id, ordinal, continuation)``:
``content`` is the paragraph's raw inline text as markdown-it hands it to its
inline parser (container indentation removed, stripped); ``kind`` is ``"bullet"``,
``"ordered"`` or ``None`` outside lists; the rest mean what they mean on
``rich_text.Paragraph``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

Block = tuple[str, str | None, int, int, int, bool]

#: A list marker line: indentation, marker, the spaces after it, and the content.
_MARKER = re.compile(r"( *)(?:([-+*])|(\d{1,9})([.)]))([ \t]+|$)")
#: Nesting past this is handed to markdown-it (which limits nesting itself).
MAX_DEPTH = 8


@dataclass(slots=True)
class _List:
    kind: str
    marker: str  # the bullet character or the ordered delimiter: a different one is a new list
    next_number: int


@dataclass(slots=True)
class _Container:
    """The root or one list item: what holds paragraphs and lists."""

    content_col: int
    depth: int = 0  # lists open around its content
    list: _List | None = None  # the list this item belongs to (None for the root)
    number: int = 0  # this item's number in an ordered list
    paragraphs: int = 0  # paragraphs seen directly in this item
    child_list: _List | None = None  # the list still open as its last child


@dataclass(slots=True)
class _State:
    blocks: list[Block] = field(default_factory=list)
    stack: list[_Container] = field(default_factory=lambda: [_Container(0)])
    para: list[str] | None = None  # lines of the open paragraph
    para_in: _Container | None = None
    list_count: int = 0

    def close_paragraph(self) -> None:
        if self.para is None or self.para_in is None:
            return
        where = self.para_in
        content = "\n".join(self.para).strip()
        if where.list is None:
            self.blocks.append((content, None, 0, -1, 0, False))
        else:
            self.blocks.append((content, where.list.kind, where.depth, self.list_count - 1,
                                where.number if where.list.kind == "ordered" else 0,
                                where.paragraphs > 0))
            where.paragraphs += 1
        self.para = self.para_in = None

    def container_for(self, indent: int) -> _Container:
        """The deepest open container whose content column the line reaches."""
        for container in reversed(self.stack):
            if indent >= container.content_col:
                return container
        return self.stack[0]

    def close_to(self, container: _Container) -> None:
        """Close every item deeper than ``container``."""
        while self.stack[-1] is not container:
            self.stack.pop()


def _normalise(markdown: str) -> str:
    """What our markdown-it's ``normalize`` rule does: one kind of newline (NUL is kept)."""
    return re.sub(r"\r\n?", "\n", markdown)


def split_blocks(markdown: str) -> list[Block] | None:
    """The paragraphs of ``markdown`` as blocks, or None when it needs the full parser."""
    state = _State()
    for line in _normalise(markdown).split("\n"):
        body = line.lstrip(" \t")
        if not body:
            state.close_paragraph()
            continue
        indent = len(line) - len(body)
        if "\t" in line[:indent]:
            return None
        marker = _MARKER.match(line)
        if marker is not None:
            if not _start_item(state, line, marker):
                return None
            continue
        if state.para is not None:  # a continuation line (lazy or not) of the open paragraph
            state.para.append(line)
            continue
        container = state.container_for(indent)
        if indent - container.content_col >= 4:
            return None
        state.close_to(container)
        container.child_list = None  # a paragraph after a list ends it
        state.para, state.para_in = [line[container.content_col:]], container
    state.close_paragraph()
    return state.blocks


def _start_item(state: _State, line: str, marker: re.Match[str]) -> bool:
    """Open the list item a marker line starts; False when the line is outside our shapes."""
    indent, bullet, digits, delimiter, spaces = marker.groups()
    content = line[marker.end():]
    if "\t" in spaces or not content or len(spaces) > 4 or _MARKER.match(content):
        return False
    container = state.container_for(len(indent))
    if len(indent) - container.content_col >= 4:
        return False
    kind, sign = ("bullet", bullet) if bullet else ("ordered", delimiter)
    number = int(digits) if digits else 0
    current = container.child_list
    sibling = current is not None and current.kind == kind and current.marker == sign
    if not sibling and state.para is not None and kind == "ordered" and number != 1:
        return False  # whether it may interrupt a paragraph: markdown-it's rules decide
    state.close_paragraph()
    state.close_to(container)
    if sibling and current is not None:
        current.next_number += 1
        the_list = current
    else:
        if container.depth >= MAX_DEPTH:
            return False
        if container.list is None:  # a list at the top level: numbering restarts in it
            state.list_count += 1
        the_list = _List(kind, sign, (number or 1) if kind == "ordered" else 1)
        container.child_list = the_list
    item = _Container(marker.end(), container.depth + 1, the_list, the_list.next_number)
    state.stack.append(item)
    state.para, state.para_in = [content], item
    return True
