"""Errors carry an English template and parameters: str() is English, and translatable."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.errors import ConsultDeskError, Message, NotFoundError


def test_str_is_the_english_message_filled_in() -> None:
    error = NotFoundError("no response with id {rid!r} ({count:,} searched)", rid="R-1",
                          count=12000)
    assert str(error) == "no response with id 'R-1' (12,000 searched)"
    assert error.template == "no response with id {rid!r} ({count:,} searched)"
    assert error.params == {"rid": "R-1", "count": 12000}


def test_a_translation_is_filled_with_the_same_parameters() -> None:
    error = ConsultDeskError("the backup {path} does not exist", path=Path("/b/x.sqlite3"))
    japanese = {"the backup {path} does not exist": "バックアップ {path} がありません"}
    assert error.render(lambda t: japanese.get(t, t)) == "バックアップ /b/x.sqlite3 がありません"


def test_nested_messages_are_translated_too() -> None:
    error = ConsultDeskError("the database {path} {what}; {advice}.", path="db",
                             what=Message("is damaged ({reason})", reason="page 3"),
                             advice=Message("there is no backup of it"))
    assert str(error) == "the database db is damaged (page 3); there is no backup of it."
    ja = {"the database {path} {what}; {advice}.": "データベース {path} は{what}。{advice}。",
          "is damaged ({reason})": "破損しています（{reason}）",
          "there is no backup of it": "バックアップはありません"}
    assert error.render(lambda t: ja.get(t, t)) == (
        "データベース db は破損しています（page 3）。バックアップはありません。")


def test_a_translation_that_lost_a_placeholder_falls_back_to_english() -> None:
    error = ConsultDeskError("cannot open {path}", path="x")
    assert error.render(lambda t: "{missing} を開けません") == "cannot open x"


def test_a_message_without_parameters_is_shown_as_written() -> None:
    # Old-style messages (already formatted, perhaps with braces) still read as they are.
    assert str(ConsultDeskError("bad value {not a placeholder}")) == (
        "bad value {not a placeholder}")
