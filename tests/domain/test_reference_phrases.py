"""The usual ways an answer points to another, in English, French, Spanish, Japanese."""

from __future__ import annotations

import pytest

from consultdesk.domain.reference_phrases import (
    find_reference_phrases,
    link_phrases,
    linkable_phrases,
)

NUMBERS = {"q1": "1", "q2": "2", "q3": "3", "q4": "4", "q2a": "2(a)"}


@pytest.mark.parametrize(("text", "phrase", "target"), [
    ("See the answer for Q2.", "See the answer for Q2", "q2"),
    ("Please refer to the reply to question 4.", "Please refer to the reply to question 4",
     "q4"),
    ("See question 2 above.", "See question 2 above", "q2"),
    ("Voir la réponse à la question 2.", "Voir la réponse à la question 2", "q2"),
    ("Véase la respuesta a la pregunta 2.", "Véase la respuesta a la pregunta 2", "q2"),
    ("Yes. See also the response to Question 3 for the details.",
     "See also the response to Question 3", "q3"),
    ("cf. the answer under Q. 1", "cf. the answer under Q. 1", "q1"),
    ("問2の回答を参照。", "問2の回答を参照", "q2"),
    ("See the answer to question 2(a).", "See the answer to question 2(a)", "q2a"),
])
def test_each_phrasing_is_found_with_its_target(text: str, phrase: str, target: str) -> None:
    [found] = find_reference_phrases(text, NUMBERS)
    assert text[found.start:found.end] == phrase
    assert found.question_id == target


@pytest.mark.parametrize("text", [
    "The questions of civil society were answered in writing.",
    "See the report of 2021 for the figures.",
    "Question 2 was discussed at the meeting.",
    "We refer to the reply given by the Ministry.",
])
def test_ordinary_sentences_point_nowhere(text: str) -> None:
    assert find_reference_phrases(text, NUMBERS) == []


def test_an_unknown_number_is_found_without_a_target() -> None:
    [found] = find_reference_phrases("See the answer for Q9.", NUMBERS)
    assert (found.number, found.question_id) == ("9", None)


def test_several_pointers_in_one_answer_in_order() -> None:
    found = find_reference_phrases(
        "See the answer for Q1. For training, please refer to the reply to question 3.",
        NUMBERS)
    assert [f.question_id for f in found] == ["q1", "q3"]


@pytest.mark.parametrize(("text", "linked"), [
    ("See the answer for Q2.", "See the answer for [question 2](#ref:q2)."),
    ("Please refer to the reply to question 4.",
     "Please refer to the reply to [question 4](#ref:q4)."),
    ("See question 2 above.", "See [question 2](#ref:q2) above."),
    ("Voir la réponse à la question 2.", "Voir la réponse à la [question 2](#ref:q2)."),
    ("Véase la respuesta a la pregunta 2.", "Véase la respuesta a la [question 2](#ref:q2)."),
    ("問2の回答を参照。", "[question 2](#ref:q2)の回答を参照。"),
    ("See the answer for Q9.", "See the answer for Q9."),  # no such question
    ("See [question 2](#ref:q2) above.", "See [question 2](#ref:q2) above."),  # already
])
def test_the_words_naming_the_question_become_the_reference(text: str, linked: str) -> None:
    labels = {qid: f"question {n}" for qid, n in NUMBERS.items()}
    assert link_phrases(text, NUMBERS, labels) == linked


def test_a_phrase_inside_a_reference_label_is_not_linked_again() -> None:
    text = "[See question 2 above](#ref:q2)"
    assert linkable_phrases(text, NUMBERS) == []
    assert link_phrases(text, NUMBERS, {"q2": "question 2"}) == text


def test_the_answer_does_not_point_to_itself() -> None:
    assert link_phrases("See question 2 above.", NUMBERS, {"q2": "question 2"},
                        skip="q2") == "See question 2 above."
