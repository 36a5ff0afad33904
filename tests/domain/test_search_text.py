"""Reading a search query and cutting the snippet around a hit."""

from __future__ import annotations

from consultdesk.domain.search_text import (
    contains_all,
    fts_query,
    make_snippet,
    parse_query,
)


def test_words_and_quoted_phrases_are_terms_once_each() -> None:
    assert parse_query('online  "civil   society" Online 社会') == [
        "online", "civil society", "社会"]
    assert parse_query("   ") == []


def test_fts_query_quotes_phrases_and_leaves_short_terms_to_the_scan() -> None:
    assert fts_query(["hearings", 'say "hi"', "社会"]) == '"hearings" AND "say ""hi"""'


def test_snippet_marks_the_first_hit_and_cuts_with_ellipses() -> None:
    body = ("word " * 40) + "The Government held online HEARINGS with civil society. " + (
        "tail " * 40)
    snip = make_snippet(body, ["hearings", "civil"], width=30)
    assert snip.text.startswith("…") and snip.text.endswith("…")
    assert snip.text[snip.hit_start:snip.hit_end] == "HEARINGS"  # the earliest hit
    assert body[snip.offset:snip.offset + snip.length] == "HEARINGS"
    assert len(snip.text) <= 30 * 2 + len("HEARINGS") + 2


def test_snippet_of_japanese_keeps_the_hit_inside_a_word() -> None:
    body = "我が国は市民社会の参加を促進するため、オンライン会議を開催した。"
    snip = make_snippet(body, ["社会の参加"], width=5)
    assert snip.text == "…が国は市民社会の参加を促進する…"
    assert snip.text[snip.hit_start:snip.hit_end] == "社会の参加"


def test_line_breaks_become_spaces_in_a_snippet() -> None:
    snip = make_snippet("First paragraph.\n\n- item one\n- item two", ["item two"])
    assert "\n" not in snip.text and snip.text[snip.hit_start:snip.hit_end] == "item two"


def test_contains_all_is_case_insensitive() -> None:
    assert contains_all("Civil Society", ["civil", "SOCIETY"])
    assert not contains_all("Civil Society", ["civil", "state"])


def test_words_typed_together_are_one_hit_when_the_answer_has_them_together() -> None:
    snip = make_snippet("Hearings were held, then more online hearings.", ["online", "hearings"])
    assert snip.text[snip.hit_start:snip.hit_end] == "online hearings"
