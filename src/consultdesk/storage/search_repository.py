"""Searching every answer: SQLite's FTS5 index, or a team database's pg_trgm index.

On SQLite the index (``answer_search``, FTS5 trigram) is kept by triggers on the
``answer`` table (migrations.py, step 3); on PostgreSQL a plain ``answer_search`` table
is kept the same way and carries a GIN trigram index (pg_search_index.py, step 6).  Both
repositories rank with the same BM25 formula in SQL, so both engines list the same hits
in the same order.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from consultdesk.domain.errors import Message
from consultdesk.domain.search_text import TRIGRAM, SearchCandidate, contains_all, fts_query
from consultdesk.storage import row_values as rv
from consultdesk.storage.database import Database
from consultdesk.storage.pg_search_index import trigram_index_present
from consultdesk.storage.row_values import UnreadableValue

#: How many matching answers (the newest) are ranked.  FTS5's own bm25() first counts
#: every match of every phrase (~100 ms for a word found in most answers of a large
#: library); ranking the newest 400 matches in SQL costs a few milliseconds.
RANK_WINDOW = 400
#: The same for a query of terms below trigram length, found by a scan of the answers.
SCAN_WINDOW = 500
# BM25's term-frequency saturation and length normalisation.  Every listed answer holds
# every term, so the terms' rarity (BM25's IDF) would not reorder them.
_K1, _B = 1.2, 0.75


def _like(term: str) -> str:
    """A LIKE pattern finding ``term`` anywhere (its own wildcards escaped)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(column: str, term: str) -> tuple[str, str]:
    """A SQL test that ``column`` holds ``term`` (approximately; re-checked exactly)."""
    if term.isascii():
        return f"{column} LIKE ? ESCAPE '\\'", _like(term)
    return f"instr({column}, ?) > 0", term  # several times faster than LIKE on CJK text


class SqliteSearchRepository:
    """Full-text search over the answers of an SQLite database."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def search(self, terms: Sequence[str], *, include_bin: bool, limit: int
               ) -> list[SearchCandidate]:
        """Answers holding every term, best first, at most ``limit``."""
        terms = [t for t in terms if t]
        if not terms:
            return []
        match = fts_query(terms)
        short = [t for t in terms if len(t) < TRIGRAM]
        params: list[object] = []
        if match:
            # The index finds the answers holding the long terms.
            candidates = ("SELECT rowid AS id, response_id, question_id, entry, body "
                          "FROM answer_search WHERE answer_search MATCH ? "
                          "ORDER BY rowid DESC LIMIT ?")
            params += [match, RANK_WINDOW]
            tests = [_contains("body", t) for t in short]
        else:
            # Only terms too short for the index (a two-character Japanese word): a scan
            # of the answers, newest first, stopping at the window.
            tests = [_contains("coalesce(text, value)", t) for t in short]
            candidates = (
                "SELECT id, response_id, question_id, entry, "
                "CASE WHEN text IS NOT NULL THEN replace(text, '*', '') ELSE value END AS body "
                "FROM answer WHERE (text IS NOT NULL OR entry > 0) AND "
                f"{' AND '.join(t for t, _ in tests)} ORDER BY id DESC LIMIT ?")
            params += [p for _, p in tests] + [SCAN_WINDOW]
            tests = []
        where = [t for t, _ in tests] + ([] if include_bin else ["r.deleted_at IS NULL"])
        params += [p for _, p in tests]
        # Term frequency by the length the term's removal takes away (ASCII case folded).
        tfs = []
        for term in terms:
            tfs.append(f"((length(c.body) - length(replace(lower(c.body), ?, ''))) * 1.0 / "
                       f"{max(len(term), 1)})")
        score = " + ".join(
            f"({tf} * {_K1 + 1} / ({tf} + {_K1} * (1 - {_B} + {_B} * length(c.body) / "
            "max(avg(length(c.body)) OVER (), 1))))" for tf in tfs)
        sql = (
            "SELECT r.id, r.title, r.questionnaire_id, r.questionnaire_version, "
            f"r.deleted_at IS NOT NULL, c.question_id, c.entry, c.body, {score} AS score "
            f"FROM ({candidates}) AS c JOIN response r ON r.id = c.response_id "
            f"{'WHERE ' + ' AND '.join(where) if where else ''} "
            "ORDER BY score DESC, c.id DESC LIMIT ?")
        # The score's parameters come first in the statement's text: place them there.
        score_params = [t.lower() for t in terms for _ in range(2)]
        ordered = score_params + params + [limit * 2 if short else limit]
        with self._db.read() as conn:
            rows = conn.exec_driver_sql(sql, tuple(ordered)).all()
        out = []
        for row in rows:
            hit = _candidate(row)
            if hit is None:
                continue
            if hit.entry and not match:
                hit = replace(hit, body=_entry_text(hit.body))
            if short and not contains_all(hit.body, terms):
                continue  # LIKE folds ASCII case only, instr none: this check is exact
            out.append(hit)
        return out[:limit]


def _candidate(row: Sequence[Any]) -> SearchCandidate | None:
    """A found row (response id, title, questionnaire id, version, binned, question id,
    entry, body, score) as a candidate; None when a stored value cannot be read: it is
    checked as the library checks stored values, and such a row is left out of the
    results (the library marks its response)."""
    rid, title, qid, version, binned, question, entry, body, value = row
    try:
        version = rv.integer(version, Message("version"))
        entry = rv.integer(entry, Message("entry"))
        body = rv.text(body, Message("answer"), nullable=True) or ""
        rid, title, question = (rv.text(v, Message("id")) for v in (rid, title, question))
    except UnreadableValue:
        return None
    return SearchCandidate(rid, title, qid, int(version), question, int(entry), body,
                           bool(binned), float(value or 0))


def _entry_text(value: str) -> str:
    """A block entry's text fields, as the index holds them (one per line)."""
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        return value
    if isinstance(data, dict):
        return "\n".join(v for v in data.values() if isinstance(v, str))
    return value


class PgSearchRepository:
    """Full-text search over the answers of a team database (pg_trgm when indexed)."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def indexed(self) -> bool:
        """Whether the trigram index serves the search (else a scan of ``answer_search``)."""
        with self._db.read() as conn:
            return trigram_index_present(conn)

    def search(self, terms: Sequence[str], *, include_bin: bool, limit: int
               ) -> list[SearchCandidate]:
        """Answers holding every term (case-insensitive, inside words), best first."""
        terms = [t for t in terms if t]
        if not terms:
            return []
        # Every term through the index (a term under three characters only narrows the
        # candidates the others found; alone, it is a scan), the newest RANK_WINDOW ranked.
        tests = " AND ".join("s.body ILIKE %s ESCAPE '\\'" for _ in terms)
        candidates = ("SELECT s.answer_id AS id, s.response_id, s.question_id, s.entry, "
                      f"s.body FROM answer_search s WHERE {tests} "
                      "ORDER BY s.answer_id DESC LIMIT %s")
        tfs = [f"((length(c.body) - length(replace(lower(c.body), %s, '')))::float8 / "
               f"{max(len(term), 1)})" for term in terms]
        score = " + ".join(
            f"({tf} * {_K1 + 1} / ({tf} + {_K1} * (1 - {_B} + {_B} * length(c.body) / "
            "greatest(avg(length(c.body)) OVER (), 1)::float8)))" for tf in tfs)
        sql = (
            "SELECT r.id, r.title, r.questionnaire_id, r.questionnaire_version, "
            f"r.deleted_at IS NOT NULL, c.question_id, c.entry, c.body, {score} AS score "
            f"FROM ({candidates}) AS c JOIN response r ON r.id = c.response_id "
            f"{'' if include_bin else 'WHERE r.deleted_at IS NULL'} "
            "ORDER BY score DESC, c.id DESC LIMIT %s")
        window = RANK_WINDOW if any(len(t) >= TRIGRAM for t in terms) else SCAN_WINDOW
        params = ([t.lower() for t in terms for _ in range(2)]
                  + [_like(t) for t in terms] + [window, limit * 2])
        with self._db.read() as conn:
            rows = conn.exec_driver_sql(sql, tuple(params)).all()
        out = []
        for row in rows:
            hit = _candidate(row)
            if hit is None:
                continue
            if not contains_all(hit.body, terms):
                continue  # ILIKE folds case by the server's locale: this check is exact
            out.append(hit)
        return out[:limit]


def search_backend(database: Database) -> SqliteSearchRepository | PgSearchRepository:
    """The search of a database: FTS5 on SQLite, pg_trgm on a team database."""
    if getattr(database, "dialect", "sqlite") == "sqlite":
        return SqliteSearchRepository(database)
    return PgSearchRepository(database)
