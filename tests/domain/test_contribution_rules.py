"""Contribution domain rules: tags, items, merging texts and carrying attribution over edits."""

from __future__ import annotations

import pytest

from consultdesk.domain.contributions import (
    NEW_ENTRY,
    AttributedParagraph,
    ItemRef,
    MergeMode,
    compose,
    merged_attribution,
    rematch,
    tags_in,
    validate_email,
    validate_tag,
)
from consultdesk.domain.errors import AnswerError


@pytest.mark.parametrize("text, key, entry", [
    ("q1", "q1", 0), ("t1_done[2]", "t1_done[2]", 2), ("t1_done[+]", "t1_done[+]", NEW_ENTRY),
    (" q1 ", "q1", 0),
])
def test_items_parse_and_print(text: str, key: str, entry: int) -> None:
    item = ItemRef.parse(text)
    assert item.key == key and item.entry == entry


@pytest.mark.parametrize("text", ["", "q1[0]", "q1[x]", "[1]", "q 1", "q1]"])
def test_bad_items_are_refused(text: str) -> None:
    with pytest.raises(AnswerError):
        ItemRef.parse(text)


@pytest.mark.parametrize("tag, ok", [("NPA", True), ("MHLW", True), ("文科省", True),
                                     ("a:b", False), ("", False), ("x" * 21, False),
                                     ("-NPA", False), ("N P A", False)])
def test_tags(tag: str, ok: bool) -> None:
    if ok:
        assert validate_tag(tag) == tag
    else:
        with pytest.raises(AnswerError):
            validate_tag(tag)


def test_email() -> None:
    assert validate_email(" a@b.jp ") == "a@b.jp" and validate_email("") == ""
    with pytest.raises(AnswerError):
        validate_email("not an address")


MERGES = [
    # current, contribution, mode, after, expected Markdown, paragraphs from the contribution
    ("Ours.", "Theirs.", MergeMode.APPEND, None, "Ours.\n\nTheirs.\n", [False, True]),
    ("Ours.", "Theirs.", MergeMode.REPLACE, None, "Theirs.\n", [True]),
    ("One.\n\nTwo.", "Mid.", MergeMode.INSERT, 1, "One.\n\nMid.\n\nTwo.\n", [False, True, False]),
    ("", "Theirs.", MergeMode.APPEND, None, "Theirs.\n", [True]),
    # Two lists stay two lists (numbering restarts in the contribution's).
    ("1. a\n2. b", "1. c", MergeMode.APPEND, None, "1. a\n2. b\n\n1) c\n", [False, False, True]),
]


@pytest.mark.parametrize("current, contribution, mode, after, markdown, flags", MERGES)
def test_compose(current: str, contribution: str, mode: MergeMode, after: int | None,
                 markdown: str, flags: list[bool]) -> None:
    assert compose(current, contribution, mode, after) == (markdown, flags)


A = AttributedParagraph
ATTRIBUTION = [
    # (previous paragraphs with tags, the edited text, the tags expected per paragraph)
    ([A("Police data.", "NPA"), A("Our own.", None)], "Police data.\n\nOur own.",
     ["NPA", None]),
    ([A("Police identified 312 victims in 2026.", "NPA")],
     "The police identified 312 victims in 2026 alone.", ["NPA"]),  # edited, survives
    ([A("Police identified 312 victims in 2026.", "NPA")],
     "Something else entirely was written here.", [None]),  # rewritten: no longer theirs
    ([A("First.", "NPA"), A("School data.", "MEXT")], "New intro.\n\nFirst.\n\nSchool data.",
     [None, "NPA", "MEXT"]),
    ([A("First.", "NPA"), A("School data.", "MEXT")], "School data.\n\nFirst.",
     [None, "NPA"]),  # moved: the aligned order keeps the longest run
    ([A("Alpha beta gamma.", "NPA"), A("Delta.", "MEXT")], "Delta.", ["MEXT"]),
]


@pytest.mark.parametrize("previous, text, tags", ATTRIBUTION)
def test_rematch_keeps_a_paragraph_contributor_while_it_survives(
        previous: list[AttributedParagraph], text: str, tags: list[str | None]) -> None:
    assert [p.tag for p in rematch(previous, text)] == tags


def test_merged_attribution_tags_the_new_paragraphs_only() -> None:
    previous = [A("Ours.", None), A("Schools.", "MEXT")]
    current = "Ours.\n\nSchools."
    merged, flags = compose(current, "Police one.\n\nPolice two.", MergeMode.INSERT, 1)
    result = merged_attribution(previous, current, merged, flags, "NPA")
    assert [(p.text, p.tag) for p in result] == [
        ("Ours.", None), ("Police one.", "NPA"), ("Police two.", "NPA"),
        ("Schools.", "MEXT")]
    assert tags_in(result) == ["NPA", "MEXT"]
