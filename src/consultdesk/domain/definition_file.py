"""Reading and writing questionnaire definition files (TOML, validated strictly)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from consultdesk.domain.errors import DefinitionError, Message
from consultdesk.domain.files import parse_json, parse_toml, read_text_capped
from consultdesk.domain.questionnaire import Questionnaire

#: Definition files larger than this are refused before parsing (a real one is a few KiB).
MAX_DEFINITION_BYTES = 2 * 1024 * 1024


def _place(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as ``sections[2].questions[3].limit.unit``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


def _shown(value: object) -> str:
    """A value a definition gave, short enough for a one-line message."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _worded(err: Mapping[str, Any]) -> Message:
    """One pydantic error in our words, translatable (the ui's "errors" context).

    The common types get a template each; pydantic's own (English) text is kept only as
    the fallback for the rare rest.  A validator of ours raises ValueError(Message(...)),
    which is used as it is.
    """
    kind = err["type"]
    ctx = err.get("ctx") or {}
    given = _shown(err.get("input"))
    if kind == "value_error" and isinstance(ctx.get("error"), ValueError):
        args = ctx["error"].args
        if args and isinstance(args[0], Message):
            return args[0]
    if kind == "missing":
        return Message("required key is missing")
    if kind == "extra_forbidden":
        return Message("unknown key")
    if kind in ("enum", "literal_error"):
        return Message("expected one of {expected}, got {given}",
                       expected=ctx.get("expected", ""), given=given)
    if kind == "string_type":
        return Message("expected a text, got {given}", given=given)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return Message("expected a whole number, got {given}", given=given)
    if kind in ("float_type", "float_parsing"):
        return Message("expected a number, got {given}", given=given)
    if kind in ("bool_type", "bool_parsing"):
        return Message("expected true or false, got {given}", given=given)
    if kind in ("list_type", "tuple_type"):
        return Message("expected a list, got {given}", given=given)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return Message("expected a table of keys, got {given}", given=given)
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing",
                "date_from_datetime_inexact"):
        return Message("expected a date (YYYY-MM-DD), got {given}", given=given)
    if kind == "string_too_short" and ctx.get("min_length") == 1:
        return Message("must not be empty")
    if kind == "string_too_short":
        return Message("shorter than {min:,} characters", min=ctx.get("min_length", 0))
    if kind == "string_too_long":
        return Message("longer than {max:,} characters", max=ctx.get("max_length", 0))
    if kind == "too_short":
        return Message("needs at least {min:,}", min=ctx.get("min_length", 0))
    if kind == "too_long":
        return Message("has more than {max:,}", max=ctx.get("max_length", 0))
    if kind == "string_pattern_mismatch":
        return Message("{given} is not allowed here (it must match {pattern})",
                       given=given, pattern=ctx.get("pattern", ""))
    if kind == "greater_than":
        return Message("must be greater than {limit}, got {given}", limit=ctx.get("gt"),
                       given=given)
    if kind == "greater_than_equal":
        return Message("must be at least {limit}, got {given}", limit=ctx.get("ge"),
                       given=given)
    if kind == "less_than":
        return Message("must be less than {limit}, got {given}", limit=ctx.get("lt"),
                       given=given)
    if kind == "less_than_equal":
        return Message("must be at most {limit}, got {given}", limit=ctx.get("le"),
                       given=given)
    # Rare: pydantic's English text, as the detail of a template the ui translates.
    return Message("{detail}", detail=str(err["msg"]).removeprefix("Value error, "))


def _first_error(exc: ValidationError) -> tuple[str, Message]:
    """The place and message of the first validation error, in user words."""
    err = exc.errors(include_url=False)[0]
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    return _place(loc), _worded(err)


def parse_definition(data: dict[str, Any], source: str | Message) -> Questionnaire:
    """Validate a definition mapping; errors name the source and the place in it."""
    try:
        return Questionnaire.model_validate(data)
    except ValidationError as exc:
        place, msg = _first_error(exc)
        raise DefinitionError(
            "{source}: {place}: {msg}",
            source=source, place=place, msg=msg) from None
    except RecursionError:
        raise DefinitionError(
            "{source}: sections are nested too deeply",
            source=source) from None


def parse_definition_text(text: str, source: str) -> Questionnaire:
    """Parse TOML text of a definition file."""
    return parse_definition(parse_toml(text, DefinitionError, source), source)


def load_definition(path: Path) -> Questionnaire:
    """Load and validate one definition file (TOML, or JSON from ``questionnaire show``)."""
    text = read_text_capped(path, MAX_DEFINITION_BYTES, DefinitionError,
                            Message("a questionnaire definition"))
    if path.suffix.lower() == ".json":
        data = parse_json(text, DefinitionError, str(path))
        if not isinstance(data, dict):
            raise DefinitionError(
                "{path}: (top level): expected a table of keys",
                path=path)
        return parse_definition(data, str(path))
    return parse_definition_text(text, str(path))


def definition_to_dict(questionnaire: Questionnaire) -> dict[str, Any]:
    """The full definition as plain data (round-trips through :func:`parse_definition`)."""
    return questionnaire.model_dump(mode="json", exclude_defaults=True)


def definition_to_toml(questionnaire: Questionnaire) -> str:
    """Serialise a definition as a human-editable TOML file."""
    return _toml_table(definition_to_dict(questionnaire), [])


def content_hash(questionnaire: Questionnaire) -> str:
    """A stable hash of a definition's content (to tell versions apart)."""
    canonical = json.dumps(definition_to_dict(questionnaire), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# -- a minimal TOML writer for our own data shape (tomllib only reads) ---------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _toml_table(data: dict[str, Any], path: list[str]) -> str:
    lines: list[str] = []
    nested: list[tuple[str, Any]] = []
    for key, value in data.items():
        if _is_table_array(value) or isinstance(value, dict):
            nested.append((key, value))
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    out = "\n".join(lines)
    for key, value in nested:
        sub = [*path, key]
        header = ".".join(sub)
        if isinstance(value, dict):
            out += f"\n\n[{header}]\n" + _toml_table(value, sub)
        else:
            for item in value:
                out += f"\n\n[[{header}]]\n" + _toml_table(item, sub)
    return out.strip("\n") + "\n" if not path else out
