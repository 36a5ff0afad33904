"""Rich text: parsing the Markdown subset and writing it back without loss."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain.rich_text import (
    ListType,
    Paragraph,
    Run,
    escape_markdown,
    parse_markdown,
    plain_text,
    to_markdown,
)


def test_paragraphs_runs_and_lists() -> None:
    paragraphs = parse_markdown(
        "The **Package** includes *four* policies:\n\n"
        "1. awareness\n2. platforms\n   - transparency\n\nClosing."
    )
    assert [p.text for p in paragraphs] == [
        "The Package includes four policies:", "awareness", "platforms", "transparency", "Closing."
    ]
    assert paragraphs[0].runs == (
        Run("The "), Run("Package", bold=True), Run(" includes "), Run("four", italic=True),
        Run(" policies:"),
    )
    assert [(p.list_type, p.level, p.ordinal) for p in paragraphs[1:4]] == [
        (ListType.ORDERED, 1, 1), (ListType.ORDERED, 1, 2), (ListType.BULLET, 2, 0)
    ]
    assert paragraphs[4].level == 0


def test_separate_lists_get_separate_ids_so_numbering_restarts() -> None:
    paragraphs = parse_markdown("1. a\n2. b\n\nText\n\n1. c")
    assert [p.list_id for p in paragraphs] == [0, 0, -1, 1]


def test_ordered_list_start_is_kept() -> None:
    assert [p.ordinal for p in parse_markdown("3. c\n4. d")] == [3, 4]


def test_disabled_syntax_stays_text() -> None:
    assert plain_text("# not a heading\n\n`code` <i>x</i> &amp; [l](u)") == (
        "# not a heading\n\n`code` <i>x</i> &amp; [l](u)"
    )


def test_escape_round_trips_tricky_text() -> None:
    for text in ["1. not a list", "- not a bullet", "a * b _c_ \\d", "2) x", "+", "**x**"]:
        assert plain_text(escape_markdown(text)) == text


def test_to_markdown_round_trip_of_a_structured_answer() -> None:
    md = "Intro with **bold** and *italic*.\n\n- one\n- two\n  1. sub\n  2. sub2\n\nEnd.\n"
    assert parse_markdown(to_markdown(parse_markdown(md))) == parse_markdown(md)


def test_consecutive_lists_stay_separate() -> None:
    paragraphs = (
        Paragraph((Run("a"),), ListType.ORDERED, 1, 0, 1),
        Paragraph((Run("b"),), ListType.ORDERED, 1, 1, 1),
    )
    back = parse_markdown(to_markdown(paragraphs))
    assert [(p.text, p.list_id, p.ordinal) for p in back] == [("a", 0, 1), ("b", 1, 1)]


def test_a_nested_numbered_list_numbered_from_2_stays_a_list() -> None:
    # The editor gives "2" to an item left nested after its first sibling was outdented;
    # written as "2." right after its parent's text, CommonMark read it as that text.
    paragraphs = (
        Paragraph((Run("nested"),), ListType.ORDERED, 1, 0, 1),
        Paragraph((Run("deeper"),), ListType.ORDERED, 2, 0, 2),
        Paragraph((Run("deepest"),), ListType.ORDERED, 2, 0, 3),
    )
    back = parse_markdown(to_markdown(paragraphs))
    assert [(p.text, p.level, p.ordinal) for p in back] == [
        ("nested", 1, 1), ("deeper", 2, 1), ("deepest", 2, 2)]


def test_an_item_two_levels_below_its_parent_stays_an_item() -> None:
    # Tab pressed three times on a sub-item: level 4 right under a level-1 item.  Written
    # six spaces in, CommonMark read "1. nested" as text of "second".
    paragraphs = (
        Paragraph((Run("second"),), ListType.BULLET, 1, 0, 0),
        Paragraph((Run("nested"),), ListType.ORDERED, 4, 0, 1),
        Paragraph((Run("deeper"),), ListType.ORDERED, 4, 0, 2),
        Paragraph((Run("back"),), ListType.BULLET, 1, 0, 0),
    )
    back = parse_markdown(to_markdown(paragraphs))
    assert [(p.text, p.level, p.list_type, p.ordinal) for p in back] == [
        ("second", 1, ListType.BULLET, 0), ("nested", 2, ListType.ORDERED, 1),
        ("deeper", 2, ListType.ORDERED, 2), ("back", 1, ListType.BULLET, 0)]


def test_emphasis_that_commonmark_cannot_express_keeps_the_text() -> None:
    # Bold ending in punctuation right before a letter does not parse as bold.
    paragraphs = (Paragraph((Run('"quoted"', bold=True), Run("word"))),)
    back = parse_markdown(to_markdown(paragraphs))
    assert back[0].text == '"quoted"word'


def test_line_breaks_inside_list_items_survive() -> None:
    paragraphs = (Paragraph((Run("line one\nline two"),), ListType.BULLET, 1, 0, 0),)
    back = parse_markdown(to_markdown(paragraphs))
    assert [(p.text, p.level) for p in back] == [("line one\nline two", 1)]


_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\r\n"),
    min_size=1, max_size=30,
).filter(lambda s: s.strip() == s and s.strip())
_run = st.builds(Run, _text, st.booleans(), st.booleans())
_list_type = st.sampled_from([None, ListType.BULLET, ListType.ORDERED])


@st.composite
def _paragraphs(draw: st.DrawFn) -> tuple[Paragraph, ...]:
    out: list[Paragraph] = []
    list_id = -1
    level = 0
    for _ in range(draw(st.integers(1, 6))):
        runs = tuple(draw(st.lists(_run, min_size=1, max_size=4)))
        kind = draw(_list_type)
        if kind is None:
            out.append(Paragraph(runs))
            level = 0
            continue
        if level == 0:
            list_id += 1
            level = 1
        else:
            level = draw(st.integers(1, min(level + 1, 3)))
        out.append(Paragraph(runs, kind, level, list_id, 1))
    return tuple(out)


@settings(max_examples=200, deadline=None)
@given(_paragraphs())
def test_text_always_survives_a_round_trip(paragraphs: tuple[Paragraph, ...]) -> None:
    back = parse_markdown(to_markdown(paragraphs))
    assert [" ".join(p.text.split()) for p in back] == [
        " ".join(p.text.split()) for p in paragraphs
    ]
    assert [p.level for p in back] == [p.level for p in paragraphs]


_word_text = st.text(alphabet="abcXYZ日本é ", min_size=1, max_size=12).filter(
    lambda s: s.strip() == s and s
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.builds(Run, _word_text, st.booleans(), st.booleans()), min_size=1,
                max_size=5))
def test_formatting_survives_for_ordinary_words(runs: list[Run]) -> None:
    # Formatting changes at word boundaries, as officials' answers have them.  (A change
    # inside a word can be beyond CommonMark; then the text is kept and the format dropped.)
    spaced: list[Run] = []
    for r in runs:
        spaced.extend([r, Run(" ")])
    paragraph = Paragraph(tuple(spaced[:-1]))
    back = parse_markdown(to_markdown((paragraph,)))
    assert len(back) == 1

    def per_char(p: Paragraph) -> list[tuple[str, bool, bool]]:
        return [(ch, r.bold, r.italic) for r in p.runs for ch in r.text if not ch.isspace()]

    assert per_char(back[0]) == per_char(paragraph)
