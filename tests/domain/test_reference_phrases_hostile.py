"""Reference phrases in hostile amounts: thousands in one answer, and overlapping
phrasings decided exactly as a pairwise check decides them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain import reference_phrases as rp
from consultdesk.domain.reference_phrases import find_reference_phrases, linkable_phrases

NUMBERS = {"q1": "1", "q2": "2", "q3": "3"}
_PIECES = ["See the answer for Q2", " and ", "question 3", " (see Q.1)", "; voir la réponse à "
           "la question 2", " [question 1](#ref:q1) ", "`Q2`", " 問2の回答を参照 ", "answer to 3",
           " ", "x", "\n"]


def _pairwise(text: str) -> list[tuple[int, int]]:
    """The phrases as the first version found them, checking every pair (quadratic)."""
    taken: list[tuple[int, int]] = []
    for pattern in rp._COMPILED:
        for m in pattern.finditer(text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                taken.append((m.start(), m.end()))
    return sorted(taken)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_overlapping_phrasings_are_decided_as_pairwise(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = find_reference_phrases(text, NUMBERS)
    assert [(p.start, p.end) for p in found] == _pairwise(text)
    existing = [(m.start, m.end) for m in rp.reference_syntax.scan(text)]
    assert [(p.start, p.end) for p in linkable_phrases(text, NUMBERS)] == [
        (p.start, p.end) for p in found if p.question_id is not None and p.name_start >= 0
        and not any(s < p.end and p.start < e for s, e in existing)]


def test_thousands_of_phrases_in_one_answer() -> None:
    # 6,000 phrases beside 3,000 references took about 20 s to find and link: every
    # phrase was checked against every one found before it, and every reference.
    text = " ".join(["See the answer for Q2 and [question 1](#ref:q1) (see Q.3)."] * 3000)
    found = find_reference_phrases(text, NUMBERS)
    assert [p.question_id for p in found] == ["q2", "q3"] * 3000
    assert [p.question_id for p in linkable_phrases(text, NUMBERS)] == ["q2", "q3"] * 3000
