"""Turning "See the answer for Q2" into a live reference, then the one versioned save."""

from __future__ import annotations

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.references import find_references
from consultdesk.services.reference_offers import link_reference_phrases, reference_offers

OHCHR = "ohchr-civic-space-2021"
TESTER = Author(WriterKind.IMPORT, "tester")


def test_phrases_become_references_and_are_saved(context: AppContext) -> None:
    rid = context.responses.create(OHCHR, "Japan", answers={
        "q1": "See the answer for Q2. Please refer to the reply to question 4.\n"})
    data = context.responses.load(rid)
    questionnaire = data.questionnaire
    markdown = data.answers["q1"]
    offers = reference_offers(markdown, questionnaire, "q1")
    assert [(markdown[o.start:o.end], o.question_id) for o in offers] == [
        ("See the answer for Q2", "q2"), ("Please refer to the reply to question 4", "q4")]
    linked = link_reference_phrases(markdown, questionnaire, "q1")
    assert linked == ("See the answer for [question 2](#ref:q2). Please refer to the reply "
                      "to [question 4](#ref:q4).\n")
    result = context.responses.save_answer(rid, "q1", linked,
                                           base_version=data.versions["q1"], author=TESTER,
                                           reason="references")
    assert result.saved and result.version == data.versions["q1"] + 1
    stored = context.responses.load(rid).answers["q1"]
    assert [(r.target, r.label) for r in find_references(stored)] == [
        ("q2", "question 2"), ("q4", "question 4")]
    # Converting again changes nothing: the references are not phrases any more.
    assert reference_offers(stored, questionnaire, "q1") == []
    assert link_reference_phrases(stored, questionnaire, "q1") == stored


def test_unknown_numbers_and_the_answer_itself_are_left_alone(context: AppContext) -> None:
    rid = context.responses.create(OHCHR, "Japan")
    questionnaire = context.responses.load(rid).questionnaire
    text = "See the answer for Q99. See question 1 above. Voir la réponse à la question 3."
    assert link_reference_phrases(text, questionnaire, "q1") == (
        "See the answer for Q99. See question 1 above. "
        "Voir la réponse à la [question 3](#ref:q3).")
    assert [o.question_id for o in reference_offers(text, questionnaire, "q1")] == ["q3"]


def test_a_one_line_answer_is_left_as_words(context: AppContext) -> None:
    # A short-text answer is edited as plain words: a reference there would not survive.
    rid = context.responses.create("eu-digital-rights-2026", "EU")
    questionnaire = context.responses.load(rid).questionnaire
    long_id = next(q.id for q in questionnaire.questions() if q.kind.value == "long_text"
                   and q.number and q.number != "1")
    text = "See question 1 above."
    assert reference_offers(text, questionnaire, "title_of_contribution") == []
    assert link_reference_phrases(text, questionnaire, "title_of_contribution") == text
    assert link_reference_phrases(text, questionnaire, long_id) != text
