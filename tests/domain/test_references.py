"""Cross-references in answer Markdown: found, labelled, rendered, written and counted."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain.counting import count_markdown
from consultdesk.domain.questionnaire import Question, Questionnaire, Unit
from consultdesk.domain.references import (
    Reference,
    find_references,
    label_words,
    make_reference,
    reference_label,
    reference_labels,
    render_references,
)
from consultdesk.domain.rich_text import (
    Paragraph,
    Run,
    parse_markdown,
    parse_with_markdown_it,
    plain_text,
    stored_text,
    to_markdown,
)

_DATA = json.loads((Path(__file__).parent / "data" / "reference_cases.json")
                   .read_text(encoding="utf-8"))
LABELS: dict[str, str] = _DATA["labels"]
CASES: list[dict[str, Any]] = _DATA["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["why"] for c in CASES])
def test_each_case_finds_renders_and_reads(case: dict[str, Any]) -> None:
    markdown = case["markdown"]
    assert find_references(markdown) == [Reference(t, label) for t, label in case["references"]]
    rendered = render_references(markdown, LABELS)
    assert rendered == case["rendered"]
    assert plain_text(rendered) == case["text"]
    # Both parsers agree, and what the parser reads writes back to the same reading.
    assert parse_markdown.__wrapped__(markdown) == parse_with_markdown_it(markdown)
    written = to_markdown(parse_markdown(markdown))
    assert parse_markdown(written) == parse_markdown(markdown)


def test_the_contract_example() -> None:
    assert make_reference("q2", "question 2") == "[question 2](#ref:q2)"
    assert find_references("See the answer for [question 2](#ref:q2).") == [
        Reference("q2", "question 2")]


def test_make_reference_escapes_the_label_so_it_reads_back() -> None:
    markdown = make_reference("art-19.2", "Article [19] *draft* `x` \\ _y_")
    assert find_references(markdown) == [Reference("art-19.2", "Article [19] *draft* `x` \\ _y_")]
    with pytest.raises(ValueError):
        make_reference("not an id", "question 2")


def test_label_is_the_number_or_a_short_title() -> None:
    assert reference_label(Question(id="q2", number="2", text="Anything")) == "question 2"
    assert reference_label(Question(id="q", number="4(a)", text="x")) == "question 4(a)"
    long = Question(id="q", text="Please describe the measures taken to protect civic space online")
    assert reference_label(long) == "“Please describe the measures taken to protect civic…”"
    assert reference_label(Question(id="q", text="Remarks")) == "“Remarks”"


def test_a_reference_counts_as_its_rendered_label() -> None:
    markdown = "See the answer for [question 2](#ref:q2)."
    assert count_markdown(markdown, Unit.WORDS) == 6
    assert count_markdown("[question 2](#ref:q2)", Unit.CHARACTERS_WITH_SPACES) == 10
    assert count_markdown("[question 2](#ref:q2)", Unit.WORDS) == 2
    # Renumbered: the count follows the label it renders now.
    rendered = render_references(markdown, {"q2": "question 12(b)"})
    assert count_markdown(rendered, Unit.CHARACTERS_WITH_SPACES) == len(
        "See the answer for question 12(b).")


def test_many_references_in_one_answer() -> None:
    markdown = " ".join(make_reference(f"q{i}", f"question {i}") for i in range(2000))
    refs = find_references(markdown)
    assert [r.target for r in refs] == [f"q{i}" for i in range(2000)]
    labels = {f"q{i}": f"question {i + 1}" for i in range(2000)}
    rendered = render_references(markdown, labels)
    assert [r.label for r in find_references(rendered)] == [f"question {i + 1}"
                                                           for i in range(2000)]


def test_a_reference_run_is_never_merged_with_its_neighbours() -> None:
    [p] = parse_markdown("a [question 2](#ref:q2)[question 1](#ref:q1) b")
    assert p.runs == (Run("a "), Run("question 2", reference="q2"),
                      Run("question 1", reference="q1"), Run(" b"))


def test_typed_text_that_looks_like_a_reference_stays_text() -> None:
    typed = Paragraph((Run("[question 2](#ref:q2) "), Run("and `code", bold=True),
                       Run("question 1", reference="q1"), Run(" end`")))
    written = to_markdown((typed,))
    assert parse_markdown(written) == (typed,)
    assert find_references(written) == [Reference("q1", "question 1")]


_pieces = st.sampled_from([
    "[question 2](#ref:q2)", "[q](#ref:q1)", "\\[x](#ref:q3)", "`[c](#ref:q2)`", "`", "``",
    "[a [b] c](#ref:q4)", "[see [question 2](#ref:q2)](#ref:q3)", "**", "*", "_", "\\",
    "word", " ", "  ", "\n", "\n\n", "- ", "1. ", "[", "]", "(#ref:q2)", "](#ref:q1)",
    "日本", "**[question 1](#ref:q1)**", "\\\n",
])


@settings(max_examples=1500, deadline=None)
@given(st.lists(_pieces, min_size=1, max_size=12).map("".join))
def test_parser_renderer_and_writer_agree(markdown: str) -> None:
    """Any mix: both parsers agree; the text-level renderer finds what the parser finds;
    rendering changes labels only; writing back keeps every reference."""
    parsed = parse_markdown.__wrapped__(markdown)
    assert parsed == parse_with_markdown_it(markdown)
    found = find_references(markdown)
    labels = {"q1": "question 1", "q2": "question 3", "q3": "“T”", "q4": "question [4]"}
    rendered = render_references(markdown, labels)
    assert [r.target for r in find_references(rendered)] == [r.target for r in found]
    assert [r.label for r in find_references(rendered)] == [labels[r.target] for r in found]
    written = to_markdown(parsed)
    assert [stored_text(p.text) for p in parse_markdown(written)] == [
        stored_text(p.text) for p in parsed if p.text.strip()]
    # Every reference survives, except in a paragraph with no visible text (never stored).
    assert find_references(written) == [Reference(r.reference, r.text) for p in parsed
                                        if p.text.strip() for r in p.runs if r.reference]


def test_rendered_text_uses_the_questionnaires_current_labels() -> None:
    from consultdesk.domain.questionnaire import Questionnaire
    from consultdesk.domain.response import rendered_text

    q = Questionnaire.model_validate({"id": "x", "title": "X", "sections": [{"id": "s", "questions": [
        {"id": "q1", "number": "1", "text": "One?"}, {"id": "q2", "number": "7", "text": "Two?"},
        {"id": "q3", "text": "Remarks"}]}]})
    assert rendered_text(q, "See [question 2](#ref:q2), [x](#ref:q3), [y](#ref:q9).") == (
        "See [question 7](#ref:q2), [“Remarks”](#ref:q3), [y](#ref:q9).")
    assert rendered_text(q, "plain") == "plain"


_LANGUAGES = json.loads((Path(__file__).parent / "data" / "reference_labels.json")
                        .read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", _LANGUAGES["cases"],
                         ids=[f"{c['language']}-{c['number']}" for c in _LANGUAGES["cases"]])
def test_label_in_the_questionnaires_language(case: dict[str, Any]) -> None:
    question = Question(id="q2", number=case["number"], text="Anything")
    label = reference_label(question, case["language"])
    assert label == case["label"]
    assert label_words(case["language"]) == (case["before"], case["after"])
    assert label == case["before"] + case["number"] + case["after"]
    # A questionnaire in that language renders (and so counts) its references so.
    questionnaire = _questionnaire(case["language"], question)
    markdown = "[question 9](#ref:q2)"
    rendered = render_references(markdown, reference_labels(questionnaire))
    assert find_references(rendered) == [Reference("q2", case["label"])]
    assert count_markdown(rendered, Unit.CHARACTERS_WITH_SPACES) == case["characters"]
    if "words" in case:
        assert count_markdown(rendered, Unit.WORDS) == case["words"]


@pytest.mark.parametrize("case", _LANGUAGES["unnumbered"],
                         ids=[c["language"] for c in _LANGUAGES["unnumbered"]])
def test_unnumbered_label_is_quoted_as_the_language_quotes(case: dict[str, Any]) -> None:
    assert reference_label(Question(id="q", text=case["text"]), case["language"]) == case["label"]


def test_an_export_in_another_language_labels_in_that_one() -> None:
    questionnaire = _questionnaire("fr", Question(id="q2", number="2", text="x"))
    assert reference_labels(questionnaire) == {"q2": "question 2"}
    assert reference_labels(questionnaire, "ja") == {"q2": "問2"}
    assert reference_labels(questionnaire, "es") == {"q2": "pregunta 2"}


def _questionnaire(language: str, question: Question) -> Questionnaire:
    """A one-question questionnaire in ``language``."""
    return Questionnaire.model_validate({
        "id": "t", "title": "T", "language": language,
        "sections": [{"id": "s", "title": "S", "questions": [question.model_dump()]}]})
