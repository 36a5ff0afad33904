"""Checking answers and respondent details against their questions (all or nothing)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from consultdesk.domain.errors import AnswerError, Message
from consultdesk.domain.question_kinds import QuestionKind

if TYPE_CHECKING:
    # Only annotations: the models' module (pydantic) loads when a definition is parsed.
    from consultdesk.domain.questionnaire import Field_, Question, Questionnaire, RespondentField

#: A stored answer: Markdown text, an option id, option ids, or a repeating block's entries.
AnswerValue = str | list[str] | list[dict[str, Any]] | None

#: Longest text accepted for one answer; far beyond any limit, it stops runaway pastes.
MAX_ANSWER_CHARS = 2_000_000


_SURROGATE = re.compile("[\ud800-\udfff]")


def _kind_of(value: Any) -> Message:
    """What a value given where text belongs is, in a user's words (from a JSON file)."""
    if value is None:
        return Message("nothing (null)")
    if isinstance(value, bool):
        return Message("true or false")
    if isinstance(value, int | float):
        return Message("a number")
    if isinstance(value, list | tuple):
        return Message("a list")
    if isinstance(value, dict):
        return Message("an object")
    return Message("{kind}", kind=type(value).__name__)


def _validate_text(value: Any, where: str | Message) -> str:
    if not isinstance(value, str):
        raise AnswerError(
            "{where}: expected text, got {kind}",
            where=where, kind=_kind_of(value))
    if len(value) > MAX_ANSWER_CHARS:
        raise AnswerError(
            "{where}: text is longer than {limit:,} characters",
            where=where, limit=MAX_ANSWER_CHARS)
    # A lone UTF-16 surrogate (a broken paste, a "\ud800" in a JSON file) cannot be
    # stored as UTF-8: refuse it here, before anything (a revision, say) is written.
    bad = _SURROGATE.search(value)
    if bad is not None:
        raise AnswerError(
            "{where}: the text contains a character that cannot be saved (an unpaired surrogate "
            "at character {value}); nothing was saved. Delete it and type the character again.",
            where=where, value=bad.start() + 1)
    return value


def _validate_choice(
    kind: QuestionKind, options: tuple[Any, ...], value: Any, where: str | Message
) -> str | list[str]:
    ids = [o.id for o in options]
    if kind is QuestionKind.MULTIPLE_CHOICE:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise AnswerError(
                "{where}: expected a list of option ids",
                where=where)
        for v in value:
            if v not in ids:
                raise AnswerError(
                    "{where}: {value!r} is not one of the options ({options})",
                    where=where, value=v, options=', '.join(ids))
        # Keep the questionnaire's order and drop repeats.
        return [i for i in ids if i in value]
    if not isinstance(value, str):
        raise AnswerError(
            "{where}: expected one option id",
            where=where)
    if value not in ids:
        raise AnswerError(
            "{where}: {value!r} is not one of the options ({options})",
            where=where, value=value, options=', '.join(ids))
    return value


def _validate_field(field: Field_ | RespondentField, value: Any, where: str | Message
                    ) -> str | list[str]:
    if value is None or value == "":
        return ""
    if field.kind in (QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT):
        return _validate_text(value, where)
    return _validate_choice(field.kind, field.choices, value, where)


def validate_answer(question: Question, value: Any) -> AnswerValue:
    """Check a value against its question and return it normalised (AnswerError if wrong)."""
    # Where the problem is, as part of the message (translated with it).
    where = Message("question {id!r}", id=question.id)
    if value is None:
        return None
    if question.is_text:
        return _validate_text(value, where)
    if question.kind is QuestionKind.REPEATING:
        if not isinstance(value, list) or not all(isinstance(e, dict) for e in value):
            raise AnswerError(
                "{where}: expected a list of entries (objects)",
                where=where)
        if question.max_entries is not None and len(value) > question.max_entries:
            raise AnswerError(
                "{where}: at most {max_entries} entries",
                where=where, max_entries=question.max_entries)
        fields = {f.id: f for f in question.fields}
        entries: list[dict[str, Any]] = []
        for i, entry in enumerate(value):
            clean: dict[str, Any] = {}
            for key, item in entry.items():
                if key not in fields:
                    raise AnswerError(
                        "{where}[{i}]: unknown field {key!r}",
                        where=where, i=i, key=key)
                clean[key] = _validate_field(fields[key], item, Message(
                    "{where}[{i}].{key}", where=where, i=i, key=key))
            entries.append(clean)
        return entries
    return _validate_choice(question.kind, question.choices, value, where)


def fits_question(question: Question, value: Any) -> bool:
    """Whether a stored value has the form its question's kind takes (text, one option
    id, a list of them, a list of entries of those): what every reader relies on.  Not
    a validation of its content (a stored answer is kept as it was written)."""
    if value is None:
        return True
    if question.kind is QuestionKind.REPEATING:
        fields = {f.id: f.kind for f in question.fields}
        return isinstance(value, list) and all(
            isinstance(e, dict) and all(_fits_kind(fields.get(k), v) for k, v in e.items())
            for e in value)
    return _fits_kind(question.kind, value)


def _fits_kind(kind: QuestionKind | None, value: Any) -> bool:
    if kind is None:
        return True  # a field this version does not have: ignored by every reader
    if kind is QuestionKind.MULTIPLE_CHOICE:
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, str)


def validate_respondent(questionnaire: Questionnaire, field_id: str, value: Any) -> str:
    """Check one respondent detail; returns the normalised value."""
    try:
        field = questionnaire.respondent_field(field_id)
    except KeyError:
        raise AnswerError(
            "unknown respondent field {field_id!r}",
            field_id=field_id) from None
    result = _validate_field(field, value,
                             Message("respondent field {id!r}", id=field_id))
    assert isinstance(result, str)  # respondent fields are never multiple choice
    return result


def validate_answers(
    questionnaire: Questionnaire, answers: Mapping[str, Any]
) -> dict[str, AnswerValue]:
    """Validate a mapping of question id to value (all or nothing)."""
    out: dict[str, AnswerValue] = {}
    for qid, value in answers.items():
        try:
            question = questionnaire.question(qid)
        except KeyError:
            raise AnswerError(
                "unknown question id {qid!r}",
                qid=qid) from None
        out[qid] = validate_answer(question, value)
    return out
