"""The CLI never lets stored text drive the terminal, and JSON stays valid."""

from __future__ import annotations

import io
import json

import pytest

from consultdesk.cli.output import TerminalSafeStream, terminal_safe

HOSTILE = ("clear\x1b[2J\x1b[31mred\x1b]0;title\x07 \x9b31m reversed\u202eesrever "
           "isolate\u2066x\u2069 nul\x00 bs\x08 cr\r del\x7f ls\u2028")


def test_every_terminal_control_is_shown_as_an_escape() -> None:
    safe = terminal_safe(HOSTILE)
    for bad in "\x1b\x07\x9b\u202e\u2066\u2069\x00\x08\r\x7f\u2028":
        assert bad not in safe
    assert "\\u001b[2J" in safe and "\\u202e" in safe and "\\u0000" in safe


def test_text_keeps_its_lines_and_tabs_unless_one_line() -> None:
    assert terminal_safe("a\n\tb") == "a\n\tb"
    assert terminal_safe("a\n\tb", one_line=True) == "a\\u000a\\u0009b"


def test_ordinary_text_of_every_script_is_untouched() -> None:
    text = "Ministère — 外務省 — وزارة — שלום — 👍🏽 e\u0301"
    assert terminal_safe(text) == text


def test_the_stream_escapes_and_json_stays_valid_with_the_same_value() -> None:
    buffer = io.StringIO()
    stream = TerminalSafeStream(buffer)
    stream.write(json.dumps({"t": HOSTILE}, ensure_ascii=False))
    assert "\x1b" not in buffer.getvalue() and "\x9b" not in buffer.getvalue()
    assert json.loads(buffer.getvalue()) == {"t": HOSTILE}


def test_a_terminal_that_cannot_encode_gets_escapes_not_an_error() -> None:
    raw = io.BytesIO()
    ascii_out = io.TextIOWrapper(raw, encoding="ascii")
    stream = TerminalSafeStream(ascii_out)
    stream.write("外務省\n")
    stream.flush()
    assert raw.getvalue() == b"\\u5916\\u52d9\\u7701\n"


@pytest.mark.parametrize("text", ["plain", "", "\x1b" * 3])
def test_write_reports_the_length_it_was_given(text: str) -> None:
    assert TerminalSafeStream(io.StringIO()).write(text) == len(text)
