"""Printing for the CLI: JSON and simple aligned tables, safe for a terminal.

Titles, answers and file names are the user's (or an attacker's) text: an ESC or
CSI in them would clear the screen, recolour or retitle the terminal, and a bidi
override would reverse what follows.  ``main`` wraps stdout and stderr in
:class:`TerminalSafeStream`, so whatever any command prints shows such characters
as visible ``\\u001b`` escapes (the same spelling is valid inside JSON and TOML
strings, so ``--json`` and ``--toml`` output stays valid and keeps its value).
"""

from __future__ import annotations

import io
import json
import re
import sys
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

# C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding, override
# and isolate marks (the "Trojan Source" characters), line/paragraph separators.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
                     "\u202a-\u202e\u2066-\u2069]")
_UNSAFE_IN_LINE = re.compile("[\t\n]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """``text`` with every character that drives a terminal shown as an escape.

    Newlines and tabs are kept unless ``one_line`` (table cells, one-line messages).
    """
    safe = _UNSAFE.sub(_escape, text)
    if one_line:
        safe = _UNSAFE_IN_LINE.sub(_escape, safe)
    return safe


class TerminalSafeStream(io.TextIOBase):
    """A text stream that escapes terminal-driving characters before writing them on."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        """Write ``text`` with unsafe characters escaped; returns ``len(text)``."""
        safe = terminal_safe(text)
        try:
            self.inner.write(safe)
        except UnicodeEncodeError:
            # A terminal whose encoding cannot show some characters (LANG=C on an old
            # system): show those as escapes rather than fail halfway through the output.
            encoding = self.encoding or "ascii"
            self.inner.write(safe.encode(encoding, "backslashreplace").decode(encoding))
        return len(text)

    def flush(self) -> None:
        """Flush the wrapped stream."""
        self.inner.flush()

    def isatty(self) -> bool:
        """Whether the wrapped stream is a terminal."""
        return self.inner.isatty()

    def fileno(self) -> int:
        """The wrapped stream's descriptor."""
        return self.inner.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The wrapped stream's encoding."""
        return getattr(self.inner, "encoding", "utf-8")


def print_json(data: Any) -> None:
    """Print JSON, UTF-8, indented, with a trailing newline (control characters escaped)."""
    sys.stdout.write(terminal_safe(json.dumps(data, ensure_ascii=False, indent=2, default=str))
                     + "\n")


def _width(text: str) -> int:
    """Columns a cell takes in a terminal (East Asian wide characters take two)."""
    if text.isascii():  # every ASCII character takes one column: skip the per-character look-up
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in text)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    """Print rows as left-aligned columns under a header line."""
    cells = [[terminal_safe(str(h), one_line=True) for h in headers]]
    cells += [[terminal_safe(str(c), one_line=True) for c in r] for r in rows]
    sizes = [[_width(c) for c in row] for row in cells]
    widths = [max(size[i] for size in sizes) for i in range(len(headers))]
    for row, size in zip(cells, sizes):
        print("  ".join(c + " " * (w - n) for c, n, w in zip(row, size, widths)).rstrip())
