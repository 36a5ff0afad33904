"""Searching the whole library: every answer of every response (and the bin, on request).

The service reads the query, asks a :class:`SearchBackend` for candidate answers and
makes the results the UI and the CLI show (question number, snippet, rank).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from consultdesk.domain import reference_syntax
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.references import reference_labels, references_as_words
from consultdesk.domain.search_text import (
    SearchCandidate,
    contains_all,
    make_snippet,
    parse_query,
)


class SearchBackend(Protocol):
    """What a database offers to search answers (SQLite FTS5; PostgreSQL pg_trgm)."""

    def search(self, terms: Sequence[str], *, include_bin: bool, limit: int
               ) -> list[SearchCandidate]:
        """Answers holding every term (case-insensitive, inside words too), best first."""


class QuestionLookup(Protocol):
    """What the search needs from the catalog: a question's displayed number."""

    def get(self, questionnaire_id: str, version: int | None = None) -> Questionnaire:
        """The questionnaire (NotFoundError when there is none)."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    """One hit, as listed: which answer, and the text around the hit."""

    response_id: str
    response_title: str
    question_id: str
    question_number: str
    question_text: str
    entry: int
    snippet: str
    hit_start: int  # where the hit is in ``snippet``
    hit_end: int
    hit_text: str  # the matched text as it is in the answer
    rank: int  # 1 for the best hit
    in_bin: bool

    def as_json(self, *, with_bin: bool = False) -> dict[str, object]:
        """The result in ``consultdesk search --json``'s shape."""
        out: dict[str, object] = {"response": self.response_id,
                                  "response_title": self.response_title,
                                  "question": self.question_id, "snippet": self.snippet,
                                  "rank": self.rank}
        if with_bin:
            out["in_bin"] = self.in_bin
        return out


#: The most hits one search lists.
MAX_HITS = 10_000


class SearchError(ConsultDeskError):
    """A query that cannot be searched (empty)."""


class SearchService:
    """Library-wide search."""

    def __init__(self, backend: SearchBackend, catalog: QuestionLookup) -> None:
        self._backend = backend
        self._catalog = catalog

    def search(self, text: str, *, include_bin: bool = False, limit: int = 50
               ) -> list[SearchResult]:
        """Answers containing every word of ``text`` ("quoted" for a phrase), best first."""
        terms = parse_query(text)
        if not terms:
            raise SearchError("search: give some text to look for")
        # Bounded: a limit past SQLite's 64-bit integers (--limit 99999999999999999999)
        # was an OverflowError traceback; no one reads more hits than this.
        found = self._backend.search(terms, include_bin=include_bin,
                                     limit=min(max(1, limit), MAX_HITS))
        results: list[SearchResult] = []
        for hit in found:
            number, wording = self._question(hit)
            body = self._as_it_reads(hit)
            if body is not hit.body and not contains_all(body, terms):
                continue  # found only in a reference's link syntax ("#ref:q2")
            snip = make_snippet(body, terms)
            results.append(SearchResult(
                hit.response_id, hit.response_title, hit.question_id, number, wording,
                hit.entry, snip.text, snip.hit_start, snip.hit_end,
                body[snip.offset:snip.offset + snip.length], len(results) + 1, hit.in_bin))
        return results

    def _as_it_reads(self, hit: SearchCandidate) -> str:
        """The answer's indexed text with each reference as its current label's words (the
        index holds the Markdown: a snippet showed "[question 1](#ref:q1)", and the
        words a hit was opened on could not be found in the answer as it reads)."""
        if reference_syntax.MARK not in hit.body:
            return hit.body
        try:
            labels = reference_labels(self._catalog.get(hit.questionnaire_id,
                                                        hit.questionnaire_version))
        except ConsultDeskError:
            labels = {}
        return references_as_words(hit.body, labels)

    def _question(self, hit: SearchCandidate) -> tuple[str, str]:
        try:
            question = self._catalog.get(hit.questionnaire_id,
                                         hit.questionnaire_version).question(hit.question_id)
        except (ConsultDeskError, KeyError):
            return "", ""  # an answer to a question no longer defined: still found
        return question.display_number, question.text
