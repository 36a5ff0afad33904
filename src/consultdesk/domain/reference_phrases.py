"""Finding the usual ways an answer points to another one ("See the answer for Q2").

Pure text: the phrase, where it is, and the question number it names, in English,
French, Spanish and Japanese.  What to do with a find (show it, turn it into a live
reference) is the caller's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass

from consultdesk.domain import reference_syntax
from consultdesk.domain.references import make_reference

_NUMBER = r"(?P<n>\d{1,3}(?:\.\d{1,3})*(?:\s?\(?[a-z]\)|[a-z]\b)?)"
_ANSWER = r"(?:answer|reply|response|information(?:\s+provided)?)"
_PHRASES = [
    # "See the answer for Q2", "see the reply to question 4", "cf. the response under Q. 3"
    rf"\b(?:see|cf\.?)\s+(?:also\s+)?(?:the\s+|our\s+)?{_ANSWER}s?\s+(?:to|for|under|in|of)\s+"
    rf"(?P<q>(?:question|q\.?)\s*(?:no\.?\s*)?{_NUMBER})",
    # "Please refer to the reply to question 4", "refer to our answer to Q1"
    rf"\b(?:please\s+)?refer\s+to\s+(?:the\s+|our\s+)?{_ANSWER}s?\s+(?:to|for|under|in|of)\s+"
    rf"(?P<q>(?:question|q\.?)\s*(?:no\.?\s*)?{_NUMBER})",
    # "See question 2 above", "please refer to question 3"
    rf"\b(?:see|(?:please\s+)?refer\s+to)\s+(?P<q>(?:question|q\.?)\s*(?:no\.?\s*)?{_NUMBER})"
    r"(?:\s+(?:above|below))?",
    # "Voir la réponse à la question 2", "veuillez vous référer à la réponse à la question 3"
    rf"\b(?:voir|veuillez\s+vous\s+r[ée]f[ée]rer\s+[àa])\s+(?:la\s+|notre\s+)?r[ée]ponse\s+"
    rf"(?:[àa]\s+la|de\s+la)\s+(?P<q>question\s*(?:n[°o]\s*)?{_NUMBER})",
    # "Véase la respuesta a la pregunta 2", "ver la respuesta a la pregunta 3"
    rf"\b(?:v[ée]ase|ver|cons[úu]ltese)\s+(?:la\s+|nuestra\s+)?respuesta\s+(?:a|de)\s+la\s+"
    rf"(?P<q>pregunta\s*(?:n[.°º]?\s*)?{_NUMBER})",
    # 「問2の回答を参照」「質問3への回答を参照」
    r"(?P<q>(?:問|質問)\s*(?P<n>\d{1,3}))\s*(?:の|への|に対する)?\s*(?:回答|答え)\s*(?:を)?\s*(?:参照|ご参照)",
]
_PATTERN = re.compile("|".join(f"(?:{p})" for p in _PHRASES).replace("(?P<n>", "(?:")
                      .replace("(?P<q>", "(?:"), re.IGNORECASE)
_COMPILED = [re.compile(p, re.IGNORECASE) for p in _PHRASES]


@dataclass(frozen=True, slots=True)
class ReferencePhrase:
    """A phrase pointing to another question's answer."""

    start: int
    end: int
    number: str  # as written ("2", "2(a)", "4.1")
    question_id: str | None  # the question with that number, when known
    #: where the words naming the question are ("Q2", "question 4", "問2"): what a live
    #: reference replaces, the rest of the phrase staying as written
    name_start: int = -1
    name_end: int = -1


def _normalise(number: str) -> str:
    return re.sub(r"[\s()]", "", number).lower()


def find_reference_phrases(text: str, numbers: Mapping[str, str] | None = None
                           ) -> list[ReferencePhrase]:
    """Every pointer to another answer in ``text``, in order.

    ``numbers`` maps question ids to their displayed numbers ("q2" -> "2"), to name
    the question each phrase points to.
    """
    if not _PATTERN.search(text):
        return []
    by_number = {_normalise(n): qid for qid, n in (numbers or {}).items() if n}
    found: list[ReferencePhrase] = []
    taken = _Spans()
    for pattern in _COMPILED:
        for m in pattern.finditer(text):
            if taken.overlaps(m.start(), m.end()):
                continue  # a longer phrasing already covers it
            number = m.group("n").strip()
            taken.add(m.start(), m.end())
            found.append(ReferencePhrase(m.start(), m.end(), number,
                                         by_number.get(_normalise(number)),
                                         m.start("q"), m.end("q")))
    return sorted(found, key=lambda r: r.start)


def linkable_phrases(text: str, numbers: Mapping[str, str], *, skip: str | None = None
                     ) -> list[ReferencePhrase]:
    """The pointers in ``text`` that can become live references: to a known question
    other than ``skip`` (the answer's own), and not already inside a reference."""
    existing = _Spans()
    for m in reference_syntax.scan(text):
        existing.add(m.start, m.end)
    return [p for p in find_reference_phrases(text, numbers)
            if p.question_id is not None and p.question_id != skip and p.name_start >= 0
            and not existing.overlaps(p.start, p.end)]


class _Spans:
    """Non-overlapping stretches of a text, asked whether a stretch overlaps one of them
    in log time (a pairwise check was quadratic: 9,000 phrases in one answer, about 20 s)."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a stretch held."""
        # The held stretches do not overlap, so sorted by start they are sorted by end:
        # only the last one starting before ``end`` can reach past ``start``.
        i = bisect.bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        """Hold [start, end) (which overlaps none held)."""
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


def link_phrases(text: str, numbers: Mapping[str, str], labels: Mapping[str, str], *,
                 skip: str | None = None) -> str:
    """``text`` with each pointer to a known question turned into a live reference.

    The words naming the question ("Q2", "question 4") become the reference
    (``make_reference``, labelled from ``labels``); the rest of the phrase stays as it
    is ("See the answer for [question 2](#ref:q2)").  Pointers to an unknown number,
    or to ``skip`` (the answer's own question), are left alone.
    """
    out: list[str] = []
    last = 0
    for phrase in linkable_phrases(text, numbers, skip=skip):
        target = phrase.question_id
        if target is None or target not in labels:
            continue
        out.append(text[last:phrase.name_start])
        out.append(make_reference(target, labels[target]))
        last = phrase.name_end
    if not out:
        return text
    out.append(text[last:])
    return "".join(out)
