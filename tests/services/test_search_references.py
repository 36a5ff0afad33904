"""Searching answers that hold cross-references, on both engines (SQLite FTS5 and
PostgreSQL pg_trgm): a hit shows and selects the words as they read ("question 2"),
and the link syntax (``#ref:q2``) is not text anyone wrote."""

from __future__ import annotations

from consultdesk.app_context import AppContext

OHCHR = "ohchr-civic-space-2021"
SR = "sr-expression-call-2026"


def _hits(context: AppContext, text: str) -> list[tuple[str, str, str]]:
    return [(r.question_id, r.snippet, r.hit_text) for r in context.search.search(text)]


def test_a_hit_reads_a_reference_as_its_current_label(context: AppContext) -> None:
    context.responses.create(OHCHR, "Refs", answers={
        # Saved with a stale label: it reads "question 2" everywhere ConsultDesk shows it.
        "q1": "Consultations online; see the answer for [Q. two](#ref:q2) on safety.",
        "q3": "[question 9](#ref:nosuch) stays as written.",
    })
    assert _hits(context, "consultations online") == [
        ("q1", "Consultations online; see the answer for question 2 on safety.",
         "Consultations online")]
    [(qid, snippet, hit)] = _hits(context, "stays")
    assert (qid, snippet) == ("q3", "question 9 stays as written.")


def test_the_link_syntax_is_not_found(context: AppContext) -> None:
    context.responses.create(OHCHR, "Refs", answers={"q1": "See [question 2](#ref:q2).",
                                                     "q2": "Only the word ref:q2 typed."})
    # Only q2 holds these as words; q1 only in its link.
    assert [q for q, _, _ in _hits(context, "ref:q2")] == ["q2"]
    assert _hits(context, "#ref") == []
    assert _hits(context, "](#") == []


def test_block_entries_with_references_read_as_labels(context: AppContext) -> None:
    context.responses.create(SR, "Block", answers={
        "laws": "The media law.",
        "measures": [{"description": "Training, as in [q](#ref:laws).",
                      "timeframe": "[x](#ref:authority)"}]})
    [(qid, snippet, hit)] = _hits(context, "training")
    assert qid == "measures" and snippet.startswith("Training, as in question 1.")
    assert "question 2" in snippet and "#ref" not in snippet


def test_a_hit_reads_the_label_in_the_questionnaires_language(context: AppContext) -> None:
    ohchr = context.catalog.get(OHCHR)
    for language in ("es", "ja"):
        context.catalog.add(ohchr.model_copy(update={"id": f"ohchr-{language}",
                                                     "language": language}))
    context.responses.create("ohchr-es", "España", answers={
        "q3": "Audiencias en línea: véase la respuesta a la [question 2](#ref:q2)."})
    context.responses.create("ohchr-ja", "日本", answers={
        "q3": "オンライン公聴会について[question 2](#ref:q2)の回答を参照。"})
    assert _hits(context, "audiencias") == [
        ("q3", "Audiencias en línea: véase la respuesta a la pregunta 2.", "Audiencias")]
    assert _hits(context, "公聴会") == [
        ("q3", "オンライン公聴会について問2の回答を参照。", "公聴会")]


def test_a_limit_past_64_bit_integers_lists_every_hit(context: AppContext) -> None:
    # It reached the database as it was: OverflowError (SQLite), out of range (PostgreSQL).
    context.responses.create(OHCHR, "Big", answers={"q1": "Online meetings.",
                                                    "q2": "More online meetings."})
    hits = context.search.search("online", limit=99_999_999_999_999_999_999)
    assert sorted(r.question_id for r in hits) == ["q1", "q2"]
