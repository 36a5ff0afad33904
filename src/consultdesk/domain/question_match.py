"""How alike two wordings of a question are (last cycle's document against this one's).

Tolerant of small changes between years: punctuation, case, a word added or dropped,
"2021" become "2023".  Used to find a questionnaire's questions in a completed
response, whatever tool it was written in.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+", re.UNICODE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def words(text: str) -> list[str]:
    """The words of a text, folded; text without spaces (Japanese) one character each."""
    folded = _YEAR.sub("year", text.casefold())
    found = _WORD.findall(folded)
    if len(found) <= 2 and len(folded) > 12:
        # No spaces between words: compare characters.
        return [c for c in folded if c.isalnum()]
    return found


def quick_overlap(a: set[str], b: set[str]) -> float:
    """Share of words in common (Jaccard): a cheap filter before :func:`similarity`."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def similarity(a: list[str], b: list[str]) -> float:
    """0..1, how alike two word sequences are (1: the same words in the same order)."""
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def same_number(label: str | None, number: str) -> bool:
    """Whether a label read in a document ("2.", "Q2", "2(a)") is a question's number."""
    if not label or not number:
        return False
    def norm(text: str) -> str:
        return re.sub(r"[\s.()]+", "", text.casefold()).removeprefix("q")

    return norm(label) == norm(number)
