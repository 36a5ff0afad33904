"""Counting: a table of exact cases, statuses, overflow, and property-based invariants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain.counting import (
    Status,
    count_markdown,
    count_text,
    count_texts,
    measure,
    overflow_offset,
    status_for,
    submitted_text,
)
from consultdesk.domain.questionnaire import Convention, Limit, Unit
from consultdesk.domain.rich_text import escape_markdown, parse_markdown

CASES = json.loads((Path(__file__).parent / "data" / "counting_cases.json").read_text("utf-8"))
WITH = Unit.CHARACTERS_WITH_SPACES
WITHOUT = Unit.CHARACTERS_WITHOUT_SPACES
WORDS = Unit.WORDS
WEB = Convention.WEB_FORM


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_exact_counts(case: dict) -> None:
    md = case["md"]
    assert count_markdown(md, WITH) == case["with"]
    assert count_markdown(md, WITHOUT) == case["without"]
    assert count_markdown(md, WORDS) == case["words"]
    assert count_markdown(md, WITH, WEB) == case["web"]


def test_web_form_submitted_text_shows_list_markers_and_line_breaks() -> None:
    text = submitted_text(parse_markdown("Intro\n\n1. first\n2. second\n   - sub"))
    assert text == "Intro\n1. first\n2. second\n  - sub"


def test_reference_answer_counts_like_word() -> None:
    # Answer 2 of the submitted Japanese response; Word shows 604 characters with spaces.
    answer = (
        "We have increased the opportunities for civil society organizations to participate in "
        "the decision-making process. For example, in the Ministry of Foreign Affairs, when "
        "dealing with resolutions submitted to the Human Rights Council, we increased the number "
        "of consultative sessions we had with international NGOs through videoconferencing The "
        "Government has also introduced online meetings, including with organizations related to "
        "persons with disabilities, who may be more affected by the pandemic. Such online "
        "settings have enabled the Government to further communicate with civil society "
        "organizations and better reflect their voice in government policies."
    )
    assert count_markdown(answer, WITH) == len(answer)
    assert count_markdown(answer, WORDS) == len(answer.split())
    assert count_markdown(answer, WITHOUT) == len(answer.replace(" ", ""))


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, Status.EMPTY), (1, Status.WITHIN), (89, Status.WITHIN), (90, Status.NEAR),
     (100, Status.NEAR), (101, Status.OVER)],
)
def test_status_thresholds(value: int, expected: Status) -> None:
    assert status_for(value, Limit(amount=100)) is expected


def test_status_without_limit() -> None:
    assert status_for(0, None) is Status.EMPTY
    assert status_for(10_000, None) is Status.WITHIN


def test_measure_uses_the_limits_unit() -> None:
    count = measure("one two three", Limit(amount=2, unit=WORDS))
    assert (count.value, count.status, count.excess) == (3, Status.OVER, 1)


def test_overflow_offset_points_at_the_first_character_past_the_limit() -> None:
    paragraphs = parse_markdown("abcde\n\nfghij")
    assert overflow_offset(paragraphs, Limit(amount=10)) is None
    assert overflow_offset(paragraphs, Limit(amount=7)) == (1, 2)
    assert overflow_offset(paragraphs, Limit(amount=3)) == (0, 3)


def test_overflow_offset_in_words() -> None:
    paragraphs = parse_markdown("one two three four")
    para, offset = overflow_offset(paragraphs, Limit(amount=2, unit=WORDS)) or (None, None)
    assert para == 0
    assert paragraphs[0].text[offset:] == "three four"


def test_overflow_offset_web_form_counts_the_separator() -> None:
    paragraphs = parse_markdown("abc\n\ndef")  # submitted as "abc\r\ndef": 8 units
    assert overflow_offset(paragraphs, Limit(amount=8), WEB) is None
    assert overflow_offset(paragraphs, Limit(amount=6), WEB) == (1, 1)


# -- properties ------------------------------------------------------------------

# Text with no Markdown syntax of its own: words of letters, CJK and emoji.
_atoms = st.sampled_from(["a", "Z", "é", "日", "本", "の", "👍🏽", "e\u0301", "1", "-", ",", "."])
_word = st.lists(_atoms, min_size=1, max_size=6).map("".join)
_sentence = st.lists(_word, min_size=1, max_size=8).map(" ".join)
_units = st.sampled_from(list(Unit))


@settings(max_examples=150, deadline=None)
@given(_sentence, _units)
def test_adding_emphasis_never_changes_the_count(text: str, unit: Unit) -> None:
    plain = escape_markdown(text)
    for marker in ("**", "*", "***"):
        assert count_markdown(f"{marker}{plain}{marker}", unit) == count_markdown(plain, unit)


@settings(max_examples=150, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=5), _units)
def test_counts_are_additive_over_paragraphs(paragraphs: list[str], unit: Unit) -> None:
    escaped = [escape_markdown(p) for p in paragraphs]
    whole = count_markdown("\n\n".join(escaped), unit)
    assert whole == sum(count_markdown(p, unit) for p in escaped)


@settings(max_examples=150, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=5), _units)
def test_list_markup_never_counts_in_a_document(items: list[str], unit: Unit) -> None:
    escaped = [escape_markdown(i) for i in items]
    as_list = "\n".join(f"- {i}" for i in escaped)
    assert count_markdown(as_list, unit) == count_markdown("\n\n".join(escaped), unit)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_escaped_text_counts_as_its_visible_characters(text: str) -> None:
    # Whatever the user types, escaped and stored, counts what they see.
    visible = "".join(line.strip() for line in text.replace("\r", "\n").split("\n"))
    md = escape_markdown(text)
    counted = count_markdown(md, WITHOUT)
    assert counted == count_text("".join(visible.split()), WITHOUT)


@settings(max_examples=100, deadline=None)
@given(_sentence)
def test_without_spaces_never_exceeds_with_spaces(text: str) -> None:
    md = escape_markdown(text)
    assert count_markdown(md, WITHOUT) <= count_markdown(md, WITH)


_paragraph_texts = st.lists(
    st.lists(st.sampled_from(["a", "Z", "é", "日", "\u0301", "👍", "🏽", " ", "\n", "\u2014",
                              "\u200b", "\u3000", "한", "\u1161", "-", "\t"]),
             max_size=8).map("".join),
    min_size=8, max_size=30)


@settings(max_examples=300, deadline=None)
@given(_paragraph_texts, _units)
def test_counting_many_paragraphs_at_once_equals_one_by_one(texts: list[str],
                                                           unit: Unit) -> None:
    assert count_texts(texts, unit) == sum(count_text(t, unit) for t in texts)
