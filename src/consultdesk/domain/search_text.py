"""Search text: reading what the user typed into terms, and the snippet around a hit.

Pure functions shared by every search backend (SQLite FTS5 here, PostgreSQL pg_trgm for
teams): the backends find candidate answers, this decides what is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: The trigram index can only look up terms of at least this many characters; shorter
#: ones (a two-character Japanese word) are matched by a scan of the candidates.
TRIGRAM = 3

_TERM = re.compile(r'"([^"]+)"|(\S+)')


def parse_query(text: str) -> list[str]:
    """The terms of a query: words, or "quoted phrases"; all must occur (case-insensitive)."""
    terms: list[str] = []
    for quoted, word in _TERM.findall(text or ""):
        term = " ".join((quoted or word).split())
        if term and term.casefold() not in (t.casefold() for t in terms):
            terms.append(term)
    return terms


def fts_query(terms: list[str]) -> str:
    """An FTS5 MATCH expression requiring every term of trigram length as a phrase."""
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms if len(t) >= TRIGRAM)


@dataclass(frozen=True, slots=True)
class SearchCandidate:
    """One answer (or block entry) a backend found, before it is presented."""

    response_id: str
    response_title: str
    questionnaire_id: str
    questionnaire_version: int
    question_id: str
    entry: int
    body: str
    in_bin: bool
    score: float


@dataclass(frozen=True, slots=True)
class Snippet:
    """The text around the first hit, and where the hit is in it."""

    text: str
    hit_start: int
    hit_end: int
    #: The hit's position in the whole searched text.
    offset: int
    length: int


def first_hit(body: str, terms: list[str]) -> tuple[int, int] | None:
    """Where the earliest occurrence of any term starts in ``body``, and its length."""
    folded = body.casefold()
    best: tuple[int, int] | None = None
    for term in terms:
        at = folded.find(term.casefold())
        if at >= 0 and (best is None or at < best[0]):
            best = (at, len(term))
    return best


def contains_all(body: str, terms: list[str]) -> bool:
    """Whether every term occurs in ``body`` (case-insensitive)."""
    folded = body.casefold()
    return all(t.casefold() in folded for t in terms)


def relevance(body: str, terms: list[str], average_length: float) -> float:
    """How well an answer matches (higher is better): BM25's saturated term frequency.

    Every listed answer holds every term, so the terms' rarity (BM25's IDF) would not
    reorder them; what matters is how often they occur relative to the answer's length.
    """
    k1, b = 1.2, 0.75
    folded = body.casefold()
    norm = 1 - b + b * (len(body) / max(average_length, 1.0))
    score = 0.0
    for term in terms:
        tf = folded.count(term.casefold())
        score += tf * (k1 + 1) / (tf + k1 * norm)
    return score


def make_snippet(body: str, terms: list[str], width: int = 60) -> Snippet:
    """About ``width`` characters either side of the first hit, on one line, "…" where cut.

    The words typed together, when the answer has them together, are the hit; else the
    earliest of the terms.
    """
    hit = (first_hit(body, [" ".join(terms)]) if len(terms) > 1 else None) \
        or first_hit(body, terms) or (0, 0)
    start, length = hit
    lo, hi = max(0, start - width), min(len(body), start + length + width)
    # Cut at a space when there is one near, so words are not chopped (not for Japanese).
    if lo > 0:
        space = body.find(" ", lo, start)
        if 0 <= space < lo + 15:
            lo = space + 1
    if hi < len(body):
        space = body.rfind(" ", start + length, hi)
        if space > hi - 15:
            hi = space
    head = "…" if lo > 0 else ""
    tail = "…" if hi < len(body) else ""
    before = " ".join(body[lo:start].split("\n"))
    hit_text = " ".join(body[start:start + length].split("\n"))
    after = " ".join(body[start + length:hi].split("\n"))
    text = f"{head}{before}{hit_text}{after}{tail}"
    return Snippet(text, len(head) + len(before), len(head) + len(before) + len(hit_text),
                   start, length)
