"""Reading stored values defensively: one bad value marks its response, never the listing.

SQLite stores whatever it is given in any column (a date that is not a date, a blob
where text belongs, an integer of any size), and a file edited by another tool, a
damaged sector that ``integrity_check`` cannot see, or a newer ConsultDesk can leave
such values.  Repositories select the raw column values (no SQLAlchemy result
processors, which raise on the first bad one and take the whole query with them)
and decode them here; a value that cannot be decoded raises :class:`UnreadableValue`
naming the column and what is wrong, which the repository turns into a marked
response.  PostgreSQL hands over typed values, which pass straight through.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any, Literal, overload

from sqlalchemy import ColumnElement, type_coerce
from sqlalchemy.types import NullType

from consultdesk.domain.errors import ConsultDeskError, Message

#: The largest integer a stored counter or version may hold (SQLite's INTEGER range).
_MAX_INT = 2**63 - 1


class UnreadableValue(ConsultDeskError):
    """A stored value cannot be read as what its column holds (the message says which)."""

    def __init__(self, column: str | Message, problem: Message) -> None:
        # ``column`` says which value in the user's words (a Message, translated with the
        # rest; a bare str only for caches whose errors are never shown).
        super().__init__("the stored {column} {problem}", column=column, problem=problem)
        self.column = column
        self.problem = problem


def raw(column: ColumnElement[Any]) -> ColumnElement[Any]:
    """``column`` selected as the driver returns it (decoded later, defensively)."""
    return type_coerce(column, NullType()).label(column.key or column.name)


def _shown(value: Any) -> str | Message:
    """A short, safe rendering of a bad value for a message."""
    if isinstance(value, bytes | bytearray | memoryview):
        return Message("binary data ({count} bytes)", count=len(bytes(value)))
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


class BadText(str):
    """Text SQLite holds that is not valid UTF-8 (made by the connection's text factory)."""

    __slots__ = ()


def text_factory(data: bytes) -> str:
    """SQLite's text values: UTF-8, or a :class:`BadText` keeping the bytes as escapes.

    The default factory raises ``OperationalError`` on the first bad byte, which fails
    the whole query; this lets the one value be marked instead.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return BadText(data.decode("utf-8", "surrogateescape"))


@overload
def text(value: Any, column: str | Message, *, nullable: Literal[False] = False) -> str: ...
@overload
def text(value: Any, column: str | Message, *, nullable: bool) -> str | None: ...
def text(value: Any, column: str | Message, *, nullable: bool = False) -> str | None:
    """A text value (valid UTF-8 binary data is accepted as the text it holds)."""
    if value is None:
        if nullable:
            return None
        raise UnreadableValue(column, Message("is missing"))
    if isinstance(value, BadText):
        raise UnreadableValue(column, Message("is not valid UTF-8 text"))
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError:
            raise UnreadableValue(column, Message("is {value}, not text",
                                                  value=_shown(value))) from None
    raise UnreadableValue(column, Message("is {value}, not text", value=_shown(value)))


@overload
def integer(value: Any, column: str | Message, *, nullable: Literal[False] = False,
            minimum: int | None = None) -> int: ...
@overload
def integer(value: Any, column: str | Message, *, nullable: bool,
            minimum: int | None = None) -> int | None: ...
def integer(value: Any, column: str | Message, *, nullable: bool = False,
            minimum: int | None = None) -> int | None:
    """An integer value (SQLite may hold text or a real number there)."""
    if value is None:
        if nullable:
            return None
        raise UnreadableValue(column, Message("is missing"))
    if isinstance(value, bool) or not isinstance(value, int):
        raise UnreadableValue(column, Message("is {value}, not a whole number",
                                              value=_shown(value)))
    if abs(value) > _MAX_INT or (minimum is not None and value < minimum):
        raise UnreadableValue(column, Message("is {value}, out of range", value=_shown(value)))
    return value


def flag(value: Any, column: str | Message) -> bool:
    """A boolean stored as 0/1 (NULL is false)."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise UnreadableValue(column, Message("is {value}, not yes or no", value=_shown(value)))


@overload
def moment(value: Any, column: str | Message, *, nullable: Literal[False] = False) -> datetime: ...
@overload
def moment(value: Any, column: str | Message, *, nullable: bool) -> datetime | None: ...
def moment(value: Any, column: str | Message, *, nullable: bool = False) -> datetime | None:
    """A stored time: aware UTC (stored as UTC without an offset)."""
    if value is None:
        if nullable:
            return None
        raise UnreadableValue(column, Message("is missing"))
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str) and not isinstance(value, BadText):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise UnreadableValue(column, Message("is {value}, not a date and time",
                                                  value=_shown(value))) from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise UnreadableValue(column, Message("is {value}, not a date and time", value=_shown(value)))


def day(value: Any, column: str | Message) -> date | None:
    """A stored date (NULL allowed)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and not isinstance(value, BadText):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise UnreadableValue(column, Message("is {value}, not a date",
                                                  value=_shown(value))) from None
    raise UnreadableValue(column, Message("is {value}, not a date", value=_shown(value)))


def json_value(value: Any, column: str | Message, *, nullable: bool = True) -> Any:
    """A stored JSON document, parsed (nesting and number limits included)."""
    source = text(value, column, nullable=nullable)
    if source is None:
        return None
    try:
        return json.loads(source)
    except RecursionError:
        raise UnreadableValue(column, Message("is JSON nested too deeply")) from None
    except ValueError:  # JSONDecodeError, or an integer past Python's digit limit
        raise UnreadableValue(column, Message("is {value}, not valid JSON",
                                              value=_shown(source))) from None


def json_object(value: Any, column: str | Message) -> dict[str, str]:
    """A stored JSON object of text values (respondent details); NULL is empty."""
    data = json_value(value, column)
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise UnreadableValue(column, Message("is not an object of text values"))
    return data
