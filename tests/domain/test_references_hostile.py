"""Hostile cross-references: odd ids, odd labels, thousands in one answer."""

from __future__ import annotations

import pytest

from consultdesk.domain.references import (
    Reference,
    find_references,
    references_as_words,
    render_references,
)

#: Targets that are not question ids: the whole link stays plain text.
NOT_IDS = ['q"2', "q 2", "q<2>", "q&amp;2", "質問2", "q2\u200f", "\u202eq2", "x" * 81, "x" * 200,
           "q2'", ""]


@pytest.mark.parametrize("target", NOT_IDS, ids=range(len(NOT_IDS)))
def test_a_target_that_is_not_an_id_is_text(target: str) -> None:
    markdown = f"See [question 2](#ref:{target}) here."
    assert find_references(markdown) == []
    assert render_references(markdown, {"q2": "question 7"}) == markdown
    assert references_as_words(markdown, {"q2": "question 7"}) == markdown


def test_the_longest_id_is_a_reference() -> None:
    target = "a" + "b" * 79
    assert find_references(f"[x](#ref:{target})") == [Reference(target, "x")]


def test_ids_differing_only_by_case_are_different_targets() -> None:
    markdown = "[a](#ref:Q1) [b](#ref:q1)"
    assert [r.target for r in find_references(markdown)] == ["Q1", "q1"]
    assert references_as_words(markdown, {"q1": "question 1", "Q1": "question 9"}) == \
        "question 9 question 1"


def test_labels_with_markup_characters_and_bidi_marks_are_kept_exactly() -> None:
    label = '\u200f<b>&amp;"quoted"\u202e'
    markdown = f"See [{label}](#ref:gone)."
    assert find_references(markdown) == [Reference("gone", label)]
    # An unknown target keeps its text; as words, without the link syntax.
    assert references_as_words(markdown, {}) == f"See {label}."


def test_a_reference_as_the_only_content_and_in_a_table_line() -> None:
    assert references_as_words("[q](#ref:q2)", {"q2": "question 2"}) == "question 2"
    line = "| [a](#ref:q1) | **[b](#ref:q2)** |"
    assert [r.target for r in find_references(line)] == ["q1", "q2"]
    assert references_as_words(line, {"q1": "question 1"}) == "| question 1 | **b** |"


def test_a_reference_in_a_code_span_stays_code_as_words_too() -> None:
    markdown = "Type `[x](#ref:q2)` to refer to [question 2](#ref:q2)."
    assert references_as_words(markdown, {"q2": "question 2"}) == \
        "Type `[x](#ref:q2)` to refer to question 2."


def test_thousands_of_references_in_one_answer() -> None:
    markdown = " ".join(f"[r{i}](#ref:q{i % 7})" for i in range(5000))
    found = find_references(markdown)
    assert [r.target for r in found] == [f"q{i % 7}" for i in range(5000)]
    words = references_as_words(markdown, {"q0": "question 1"})
    assert "#ref" not in words
    assert words.split()[:3] == ["question", "1", "r1"]
