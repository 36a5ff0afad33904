"""How an answer value is laid out in ``answer`` rows, and back.

Entry 0 of a question holds a text answer's Markdown (column ``text``) or a choice's
JSON (column ``value``); a repeating block keeps each entry in its own row (entries
1..n, an object in ``value``) so that editing one entry rewrites one small row.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from consultdesk.domain.errors import Message
from consultdesk.storage.row_values import json_value

if TYPE_CHECKING:
    from consultdesk.domain.response import AnswerValue


class Layout(StrEnum):
    """Which columns a question's value goes to."""

    TEXT = "text"
    CHOICE = "choice"
    ENTRIES = "entries"


def dump_json(value: Any) -> str:
    """Compact JSON as stored (UTF-8 kept readable)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def value_from_rows(rows: Iterable[tuple[int, str | None, str | None]],
                    where: str | Message = Message("answer")) -> AnswerValue:
    """Rebuild one question's value from its (entry, text, value) rows.

    Stored JSON that does not parse is an :class:`UnreadableValue` naming ``where``.
    """
    head: AnswerValue = None
    entries: list[tuple[int, dict[str, Any]]] = []
    for entry, text, value in rows:
        if entry == 0:
            if text is not None:
                head = text
            elif value is not None:
                head = json_value(value, where)
        elif value is not None:
            entries.append((entry, json_value(value, where)))
    if entries:
        return [e for _, e in sorted(entries, key=lambda pair: pair[0])]
    return head
