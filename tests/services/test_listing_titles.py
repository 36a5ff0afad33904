"""Listing takes each questionnaire's title from its stored definition without parsing it
when the text is intact (it hashes to its ``content_hash``), and parses and validates
any other, as it always did: an edited definition lists its own title, a broken one
marks its responses."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any

import pytest
import raw_sql

from consultdesk.app_context import AppContext
from consultdesk.domain import definition_file
from consultdesk.domain.definition_file import content_hash
from consultdesk.services.catalog import CatalogService
from consultdesk.services.responses import ResponseService
from consultdesk.storage.questionnaire_repository import QuestionnaireRepository

OHCHR = "ohchr-civic-space-2021"
SR = "sr-expression-call-2026"


def _write(ctx: AppContext, sql: str, *params: object) -> None:
    """Change the database behind ConsultDesk's back (``?`` placeholders, both engines)."""
    if ctx.database.dialect == "postgresql":
        import psycopg

        with psycopg.connect(ctx.database.url) as conn:  # type: ignore[attr-defined]
            conn.execute(sql.replace("?", "%s"), params)  # type: ignore[arg-type]
        return
    conn = sqlite3.connect(ctx.database.path)  # type: ignore[attr-defined]
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


def _fresh_service(ctx: AppContext) -> ResponseService:
    """A response service with nothing cached, as a new process has."""
    return ResponseService(ctx.database, CatalogService(QuestionnaireRepository(ctx.database)))


def _stored(ctx: AppContext, qid: str) -> tuple[Any, ...]:
    return raw_sql.raw_rows(ctx.database, "SELECT definition, content_hash FROM questionnaire "
                                          "WHERE id = ?", qid)[0]


def _refuse_parsing(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make parsing a definition fail loudly; the list collects each attempt."""
    attempts: list[object] = []

    def refuse(data: dict[str, Any], source: object) -> None:
        attempts.append(source)
        raise AssertionError("a definition was parsed")

    monkeypatch.setattr(definition_file, "parse_definition", refuse)
    return attempts


def test_the_stored_text_is_the_text_its_content_hash_digests(context: AppContext) -> None:
    # What the listing relies on: a definition is stored as the canonical JSON that
    # content_hash digests, so an intact text hashes to its row's content_hash.
    context.responses.create(OHCHR)
    text, digest = _stored(context, OHCHR)
    assert hashlib.sha256(str(text).encode("utf-8")).hexdigest() == digest
    assert digest == content_hash(context.catalog.get(OHCHR, 1))


def test_an_intact_definition_is_listed_by_its_title_without_being_parsed(
        context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    first = context.responses.create(OHCHR, "One")
    second = context.responses.create(SR, "Two", answers={"laws": "A law."})
    expected = {s.id: (s.questionnaire_title, s.answered, s.total) for s in
                context.responses.list()}
    attempts = _refuse_parsing(monkeypatch)
    listed = _fresh_service(context).list()
    assert {s.id: (s.questionnaire_title, s.answered, s.total) for s in listed} == expected
    assert expected[first][0] == "Online consultation with Member States"
    assert expected[second][1] == 1 and attempts == []
    repo = QuestionnaireRepository(context.database)
    assert repo.intact_title("no-such-questionnaire", 1) is None
    assert repo.intact_title(OHCHR, 2) is None


def test_an_edited_definition_is_parsed_and_lists_its_own_title(
        context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another tool changed the text but not its hash: it is validated again, as before,
    # and (still a valid definition) listed with the title it now holds.
    rid = context.responses.create(OHCHR, "One")
    text, _digest = _stored(context, OHCHR)
    data = json.loads(str(text))
    data["title"] = "Edited elsewhere"
    _write(context, "UPDATE questionnaire SET definition = ? WHERE id = ?",
           json.dumps(data), OHCHR)
    parsed: list[object] = []
    real = definition_file.parse_definition
    monkeypatch.setattr(definition_file, "parse_definition",
                        lambda d, source: parsed.append(source) or real(d, source))
    [summary] = _fresh_service(context).list()
    assert (summary.id, summary.readable, summary.questionnaire_title) == (
        rid, True, "Edited elsewhere")
    assert len(parsed) == 1


@pytest.mark.parametrize("definition", [
    '{"id": "ohchr-civic-space-2021", "title": "No sections"}',  # JSON, not a definition
    '{"truncated',
    "[1, 2]",
])
def test_a_broken_definition_still_marks_its_responses(
        context: AppContext, definition: str) -> None:
    good = context.responses.create(SR, "Good")
    bad = context.responses.create(OHCHR, "Bad")
    _write(context, "UPDATE questionnaire SET definition = ? WHERE id = ?", definition, OHCHR)
    listed = {s.id: s for s in _fresh_service(context).list()}
    assert listed[good].readable and listed[good].questionnaire_title
    assert not listed[bad].readable
    assert str(listed[bad].problem).startswith(f"installed questionnaire {OHCHR!r} version 1")


def test_a_definition_whose_hash_was_forged_is_not_trusted_for_its_progress(
        context: AppContext) -> None:
    # A made-up text with a matching digest lists a title, but a response whose
    # progress must be recounted needs the whole definition: it is marked, not a crash.
    rid = context.responses.create(OHCHR, "One", answers={"q1": "An answer."})
    forged = '{"title": "Forged"}'
    _write(context, "UPDATE questionnaire SET definition = ?, content_hash = ? WHERE id = ?",
           forged, hashlib.sha256(forged.encode()).hexdigest(), OHCHR)
    _write(context, "UPDATE response SET answered = NULL, total = NULL, over = NULL "
                    "WHERE id = ?", rid)
    [summary] = _fresh_service(context).list()
    assert summary.id == rid and not summary.readable
    assert str(summary.problem).startswith(f"installed questionnaire {OHCHR!r} version 1")
