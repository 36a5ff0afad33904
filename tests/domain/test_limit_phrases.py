"""Finding limits in prose: a table of the phrasings questionnaires use, in four languages."""

from __future__ import annotations

import pytest

from consultdesk.domain.limit_phrases import find_limit, find_limits, strip_limit
from consultdesk.domain.questionnaire import Unit

C, CNS, W = (Unit.CHARACTERS_WITH_SPACES, Unit.CHARACTERS_WITHOUT_SPACES, Unit.WORDS)

# (sentence, amount, unit, approximate)
PHRASINGS = [
    ("(Maximum limit: approximately 5,000 characters with spaces)", 5000, C, True),
    ("1500 character(s) maximum", 1500, C, False),
    ("Maximum: 500 characters", 500, C, False),
    ("Please answer briefly (max. 500 words).", 500, W, False),
    ("Answers should be no more than 300 words.", 300, W, False),
    ("The answer should not exceed 2,000 words.", 2000, W, False),
    ("You may write up to 3500 characters", 3500, C, False),
    ("Please limit your response to 1,000 characters (including spaces).", 1000, C, False),
    ("Please limit each answer to 500 words.", 500, W, False),
    ("Responses must not exceed 750 words", 750, W, False),
    ("Word limit: 250", 250, W, False),
    ("Character limit: 1,200", 1200, C, False),
    ("a 2000-character limit applies", 2000, C, False),
    ("(approximately 800 words)", 800, W, True),
    ("about 600 words or less", 600, W, True),
    ("maximum 3000 characters without spaces", 3000, CNS, False),
    ("max. 1,500 characters excluding spaces", 1500, CNS, False),
    ("Maximum 1000 characters (spaces not counted)", 1000, CNS, False),
    ("1,200 characters (including spaces) at most", 1200, C, False),
    ("Describe the law (500 words max.)", 500, W, False),
    ("Describe (≤ 500 words)", 500, W, False),
    ("Please respond in a maximum of 500 words.", 500, W, False),
    ("Answer (max 1 page / 500 words)", 500, W, False),
    ("Explain in brief (300–500 words).", 500, W, False),
    ("(between 300 and 500 words)", 500, W, False),
    ("entre 1 000 et 2 000 caractères", 2000, C, False),
    # French
    ("(5 000 caractères maximum)", 5000, C, False),
    ("5\u00a0000 caractères maximum", 5000, C, False),
    ("5\u202f000 caractères, espaces compris, maximum", 5000, C, False),
    ("La réponse ne doit pas dépasser 500 mots.", 500, W, False),
    ("Chaque réponse ne doit pas dépasser environ 400 mots.", 400, W, True),
    ("pas plus de 2 000 caractères sans espaces", 2000, CNS, False),
    ("(environ 300 mots)", 300, W, True),
    ("Limite de caractères : 1 500", 1500, C, False),
    # Spanish
    ("(máximo 500 palabras)", 500, W, False),
    ("No más de 1.500 caracteres sin espacios.", 1500, CNS, False),
    ("hasta 2.000 caracteres", 2000, C, False),
    ("La respuesta no debe superar aproximadamente 700 palabras.", 700, W, True),
    # German
    ("(max. 2000 Zeichen)", 2000, C, False),
    ("höchstens 1.000 Zeichen inkl. Leerzeichen", 1000, C, False),
    ("max. ca. 2.000 Zeichen ohne Leerzeichen", 2000, CNS, True),
    ("Bitte beschränken Sie jede Antwort auf ca. 400 Wörter.", 400, W, True),
    ("nicht mehr als 300 Wörter", 300, W, False),
]


@pytest.mark.parametrize(("sentence", "amount", "unit", "approximate"), PHRASINGS)
def test_phrasing(sentence: str, amount: int, unit: Unit, approximate: bool) -> None:
    match = find_limit(sentence)
    assert match is not None, sentence
    assert (match.limit.amount, match.limit.unit, match.limit.approximate) == (
        amount, unit, approximate)


@pytest.mark.parametrize("sentence", [
    "Please refer to Act No. 500 of 2020.",
    "The 2,000 words report was published in 2019.",
    "Describe measures taken since 2015 in 12 regions.",
    "Over 300 characters in the novel are women.",
    "The ministry has 1,500 staff.",
    "What did the 500 participants say?",
    "Describe (1 page maximum)",
    "(limit: 2 pages)",
])
def test_no_limit_in_ordinary_sentences(sentence: str) -> None:
    assert find_limit(sentence) is None


def test_wording_is_the_phrase_without_parentheses() -> None:
    text = ("What innovative practices did authorities adopt? "
            "(Maximum limit: approximately 5,000 characters with spaces)")
    match = find_limit(text)
    assert match is not None
    assert match.limit.wording == "Maximum limit: approximately 5,000 characters with spaces"
    assert strip_limit(text, match) == "What innovative practices did authorities adopt?"


@pytest.mark.parametrize(("text", "stripped"), [
    ("Describe the law (max. 500 words).", "Describe the law."),
    ("Describe the measures. Maximum 300 words.", "Describe the measures."),
    ("Quelles mesures ? (5 000 caractères maximum)", "Quelles mesures ?"),
    ("Which remedies exist? Maximum: 500 characters", "Which remedies exist?"),
    # Woven into the question's own sentence: nothing can be cut without breaking it.
    ("Describe, in no more than 300 words, the law.",
     "Describe, in no more than 300 words, the law."),
    ("1500 character(s) maximum", ""),
])
def test_strip_limit(text: str, stripped: str) -> None:
    match = find_limit(text)
    assert match is not None
    assert strip_limit(text, match) == stripped


def test_scope_each_answer_or_total() -> None:
    each = find_limit("Please limit each answer to 500 words.")
    per_q = find_limit("Submissions should be no more than 300 words per question.")
    total = find_limit("Responses should not exceed 2,000 words in total.")
    plain = find_limit("Your answer should not exceed 2,000 words.")
    assert each is not None and each.per_answer and not each.total
    assert per_q is not None and per_q.per_answer
    assert total is not None and total.total and not total.per_answer
    assert plain is not None and not plain.per_answer and not plain.total


def test_several_limits_in_order() -> None:
    found = find_limits("Part A: max. 500 words. Part B: up to 2,000 characters.")
    assert [(m.limit.amount, m.limit.unit) for m in found] == [(500, W), (2000, C)]


@pytest.mark.parametrize(("sentence", "wording"), [
    ("Please limit your responses to 1,000 words per question and send them to us.",
     "Please limit your responses to 1,000 words per question"),
    ("Responses should not exceed 2,000 words in total.",
     "Responses should not exceed 2,000 words in total"),
    ("Submissions should not exceed 2,500 words and be sent by e-mail.",
     "Submissions should not exceed 2,500 words"),
    ("Describe the law (max. 500 words).", "max. 500 words"),
])
def test_wording_is_the_limit_as_written_and_no_more(sentence: str, wording: str) -> None:
    match = find_limit(sentence)
    assert match is not None and match.limit.wording == wording
