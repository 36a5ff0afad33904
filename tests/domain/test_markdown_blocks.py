"""The fast block reader gives exactly markdown-it's paragraphs, or steps aside."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain.markdown_blocks import split_blocks
from consultdesk.domain.rich_text import (
    ListType,
    Paragraph,
    Run,
    parse_markdown,
    parse_with_markdown_it,
    to_markdown,
)

_indent = st.sampled_from(["", "", "", " ", "  ", "   ", "    ", "     ", "      ", "\t"])
_marker = st.sampled_from(["-", "+", "*", "1.", "2.", "1)", "3)", "0.", "10.", "007.", "-", "1."])
_gap = st.sampled_from([" ", " ", "  ", "    ", "     ", "\t", ""])
_word = st.sampled_from(["alpha", "beta", "**bold**", "*it*", "_u_", "a\\*b", "日本", "x  ",
                         "y ", "\u00a0", "\u3000z", "—", "2020.", "- ", "# h", "> q", "`c`",
                         "<b>", "[l](u)", "&amp;", "***", "\\", "e\u0301", "\0", "1.5", "* *",
                         "**a**b", "x**y**", "**a b**", "** a**", "**a **", "*a**", "**€**",
                         "**1.**", "***c***", "**日本**", "*a*", "**", "*", "a*b*c", "**x**y**z**",
                         "****w****", "**a\nb**", "*é*", "**\u00a0a**", "(**a**)", "**a**."])
_text = st.lists(_word, min_size=1, max_size=4).map(" ".join)
_line = st.one_of(
    st.tuples(_indent, _marker, _gap, _text).map("".join),
    st.tuples(_indent, _text).map("".join),
    st.sampled_from(["", "", " ", "\t", "   "]),
)
_document = st.lists(_line, min_size=1, max_size=14).map("\n".join)


@settings(max_examples=3000, deadline=None)
@given(_document)
def test_same_paragraphs_as_markdown_it(markdown: str) -> None:
    assert parse_markdown.__wrapped__(markdown) == parse_with_markdown_it(markdown)


_plain = st.lists(st.sampled_from(["alpha", "beta", "日本", "é", "5 * 3", "a_b", "1.",
                                    "—", "x\ny"]), min_size=1, max_size=4).map(" ".join)


@st.composite
def _paragraphs(draw: st.DrawFn) -> tuple[Paragraph, ...]:
    """Paragraphs as the editor makes them: lists nest one level at a time."""
    out: list[Paragraph] = []
    level, list_id = 0, -1
    kinds: dict[int, ListType] = {}  # one kind per list (Qt lists have one style)
    for _ in range(draw(st.integers(1, 12))):
        previous = level
        level = draw(st.integers(0, min(level + 1, 6)))
        if level and (not out or out[-1].level == 0):
            list_id += 1
            level = 1
            kinds.clear()
        for deeper in [k for k in kinds if k > level or k == level > previous]:
            del kinds[deeper]
        kind = kinds.setdefault(level, draw(st.sampled_from(list(ListType)))) if level else None
        bold = draw(st.booleans())
        out.append(Paragraph((Run(draw(_plain), bold=bold),), kind, level,
                             list_id if level else -1, 1 if kind is ListType.ORDERED else 0))
    return tuple(out)


@settings(max_examples=300, deadline=None)
@given(_paragraphs())
def test_what_the_editor_stores_takes_the_fast_path(paragraphs: tuple[Paragraph, ...]) -> None:
    written = to_markdown(paragraphs)
    assert split_blocks(written) is not None
    assert parse_markdown.__wrapped__(written) == parse_with_markdown_it(written)


@pytest.mark.parametrize("markdown", [
    "- a\n\n\tb",  # a tab in the indentation
    "-\n  a",  # an empty item
    "a\n2. b",  # an ordered list not starting at 1 after a paragraph
    "- - a",  # a marker right after a marker
    "      - deep",  # four columns or more past its container
])
def test_steps_aside_outside_its_shapes(markdown: str) -> None:
    assert split_blocks(markdown) is None
    assert parse_markdown.__wrapped__(markdown) == parse_with_markdown_it(markdown)


def test_a_long_list_is_read_fast_path() -> None:
    markdown = "- item of a long list\n" * 10_000
    blocks = split_blocks(markdown)
    assert blocks is not None and len(blocks) == 10_000
    assert parse_markdown.__wrapped__(markdown) == parse_with_markdown_it(markdown)
