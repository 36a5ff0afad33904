"""Questionnaire definitions: sections, questions, limits, respondent fields.

Pure data validated with pydantic; no Qt, no SQL.  A definition is immutable once
loaded so that a response can always be rendered against the exact version it
was started with.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from consultdesk.domain.errors import Message

# The enumerations live in question_kinds (no pydantic), re-exported here explicitly so
# that callers may keep importing them from this module.
from consultdesk.domain.question_kinds import CHOICE_KINDS as CHOICE_KINDS
from consultdesk.domain.question_kinds import TEXT_KINDS as TEXT_KINDS
from consultdesk.domain.question_kinds import Convention as Convention
from consultdesk.domain.question_kinds import QuestionKind as QuestionKind
from consultdesk.domain.question_kinds import Unit as Unit

#: The largest version number: it must fit the INTEGER column of every database we store in.
MAX_VERSION = 2**31 - 1
#: The largest limit or count a definition may state (far beyond any real questionnaire).
MAX_COUNT = 10**9
#: How deep sections may nest (real questionnaires use two or three levels).
MAX_SECTION_DEPTH = 20
_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$"
Identifier = Annotated[str, Field(pattern=_ID_PATTERN, max_length=80)]


class _Frozen(BaseModel):
    """Base for definition models: strict, immutable, unknown keys rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)


_UNIT_WORDS = {
    Unit.CHARACTERS_WITH_SPACES: "characters with spaces",
    Unit.CHARACTERS_WITHOUT_SPACES: "characters without spaces",
    Unit.WORDS: "words",
}


class Limit(_Frozen):
    """A length limit on one text answer, or a budget shared by several."""

    amount: int = Field(gt=0, le=MAX_COUNT)
    unit: Unit = Unit.CHARACTERS_WITH_SPACES
    approximate: bool = False
    wording: str | None = None

    def describe(self) -> str:
        """The limit as the questionnaire words it, or a faithful default wording."""
        if self.wording:
            return self.wording
        approx = "approximately " if self.approximate else ""
        return f"Maximum limit: {approx}{self.amount:,} {_UNIT_WORDS[self.unit]}"

    def as_json(self) -> dict[str, Any]:
        """The limit in the CLI's JSON shape."""
        return {"amount": self.amount, "unit": self.unit.value, "approximate": self.approximate}


class Option(_Frozen):
    """One option of a choice question."""

    id: Identifier
    label: str = Field(min_length=1)


YES_NO_OPTIONS = (Option(id="yes", label="Yes"), Option(id="no", label="No"))


class Condition(_Frozen):
    """Makes a question relevant only when an earlier choice answer has a value."""

    question: Identifier
    equals: str | None = None
    any_of: tuple[str, ...] | None = None

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        if (self.equals is None) == (self.any_of is None):
            raise ValueError(Message("a condition needs exactly one of 'equals' or 'any_of'"))
        return self

    @property
    def values(self) -> frozenset[str]:
        """The option ids that make the condition hold."""
        return frozenset((self.equals,) if self.equals is not None else self.any_of or ())

    def holds(self, value: Any) -> bool:
        """Whether the controlling answer's value satisfies the condition."""
        if isinstance(value, (list, tuple)):
            return any(v in self.values for v in value)
        return value in self.values


class Field_(_Frozen):  # noqa: N801 (the trailing _ keeps it apart from pydantic.Field)
    """A field of a repeating block's entry (text, short text or choice)."""

    id: Identifier
    label: str = Field(min_length=1)
    kind: QuestionKind = QuestionKind.LONG_TEXT
    limit: Limit | None = None
    options: tuple[Option, ...] = ()
    required: bool = False

    @model_validator(mode="after")
    def _check(self) -> Field_:
        _check_kind(self.kind, self.options, self.limit, allow_repeating=False)
        return self

    @property
    def choices(self) -> tuple[Option, ...]:
        """The options, with yes/no filled in for yes/no fields."""
        return YES_NO_OPTIONS if self.kind is QuestionKind.YES_NO else self.options


class Question(_Frozen):
    """One question: its wording, kind, limit, options and condition."""

    id: Identifier
    number: str | None = None
    text: str = Field(min_length=1)
    kind: QuestionKind = QuestionKind.LONG_TEXT
    guidance: str = ""
    required: bool = False
    limit: Limit | None = None
    options: tuple[Option, ...] = ()
    min_choices: int | None = Field(default=None, ge=0, le=MAX_COUNT)
    max_choices: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    condition: Condition | None = None
    fields: tuple[Field_, ...] = ()
    min_entries: int = Field(default=0, ge=0, le=MAX_COUNT)
    max_entries: int | None = Field(default=None, ge=1, le=MAX_COUNT)
    entry_label: str = "Entry"

    @model_validator(mode="after")
    def _check(self) -> Question:
        _check_kind(self.kind, self.options, self.limit, allow_repeating=True)
        if self.kind is QuestionKind.REPEATING and not self.fields:
            raise ValueError(Message("a repeating block needs at least one field"))
        if self.kind is not QuestionKind.REPEATING and self.fields:
            raise ValueError(Message("only a repeating block has 'fields'"))
        if (self.min_choices is not None or self.max_choices is not None) and (
            self.kind is not QuestionKind.MULTIPLE_CHOICE
        ):
            raise ValueError(Message("min_choices/max_choices apply to multiple_choice only"))
        if (
            self.min_choices is not None
            and self.max_choices is not None
            and self.min_choices > self.max_choices
        ):
            raise ValueError(Message("min_choices is greater than max_choices"))
        _unique([f.id for f in self.fields], _IdKind.FIELD)
        return self

    @property
    def choices(self) -> tuple[Option, ...]:
        """The options, with yes/no filled in for yes/no questions."""
        return YES_NO_OPTIONS if self.kind is QuestionKind.YES_NO else self.options

    @property
    def is_text(self) -> bool:
        """Whether the answer is rich text (long or short)."""
        return self.kind in TEXT_KINDS

    @property
    def display_number(self) -> str:
        """The number shown to the user ("" when the question has none)."""
        return self.number or ""


class RespondentField(_Frozen):
    """A detail about who is responding (e.g. "Name of the State")."""

    id: Identifier
    label: str = Field(min_length=1)
    required: bool = False
    kind: QuestionKind = QuestionKind.SHORT_TEXT
    options: tuple[Option, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> RespondentField:
        if self.kind not in (QuestionKind.SHORT_TEXT, QuestionKind.YES_NO,
                             QuestionKind.SINGLE_CHOICE):
            raise ValueError(Message("a respondent field is short_text, yes_no or single_choice"))
        _check_kind(self.kind, self.options, None, allow_repeating=False)
        return self

    @property
    def choices(self) -> tuple[Option, ...]:
        """The options, with yes/no filled in for yes/no fields."""
        return YES_NO_OPTIONS if self.kind is QuestionKind.YES_NO else self.options


class Section(_Frozen):
    """A titled group of questions, possibly with nested sections."""

    id: Identifier
    title: str = ""
    intro: str = ""
    questions: tuple[Question, ...] = ()
    sections: tuple[Section, ...] = ()


class Budget(_Frozen):
    """One limit shared by several questions ("the main body must not exceed ...")."""

    id: Identifier
    label: str = Field(min_length=1)
    limit: Limit
    questions: tuple[Identifier, ...] = Field(min_length=1)


class Questionnaire(_Frozen):
    """A whole questionnaire definition."""

    id: Identifier
    # Stored in an SQL INTEGER column (64 bits in SQLite, 32 in a PostgreSQL integer).
    version: int = Field(default=1, ge=1, le=MAX_VERSION)
    title: str = Field(min_length=1)
    issuer: str = ""
    reference: str = ""
    language: str = Field(default="en", pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
    convention: Convention = Convention.DOCUMENT
    deadline: date | None = None
    instructions: str = ""
    respondent_fields: tuple[RespondentField, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1)
    budgets: tuple[Budget, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> Questionnaire:
        questions = list(self.questions())
        _unique([q.id for q in questions], _IdKind.QUESTION)
        _unique([f.id for f in self.respondent_fields], _IdKind.RESPONDENT_FIELD)
        sections = list(self.walk_sections())
        if any(depth >= MAX_SECTION_DEPTH for _, depth in sections):
            raise ValueError(Message("sections are nested more than {depth} deep",
                                     depth=MAX_SECTION_DEPTH))
        _unique([s.id for s, _ in sections], _IdKind.SECTION)
        if not questions:
            raise ValueError(Message("a questionnaire needs at least one question"))
        seen: dict[str, Question] = {}
        for q in questions:
            if q.condition is not None:
                ctrl = seen.get(q.condition.question)
                if ctrl is None:
                    raise ValueError(Message(
                        "question {question!r}: condition refers to {target!r}, which is "
                        "not an earlier question", question=q.id, target=q.condition.question))
                if ctrl.kind not in CHOICE_KINDS:
                    raise ValueError(Message(
                        "question {question!r}: condition refers to {target!r}, which is "
                        "not a choice question", question=q.id, target=ctrl.id))
                known = {o.id for o in ctrl.choices}
                unknown = sorted(q.condition.values - known)
                if unknown:
                    raise ValueError(Message(
                        "question {question!r}: condition value {value!r} is not an option "
                        "of {target!r}", question=q.id, value=unknown[0], target=ctrl.id))
            seen[q.id] = q
        for b in self.budgets:
            for qid in b.questions:
                if qid not in seen or not seen[qid].is_text:
                    raise ValueError(Message(
                        "budget {budget!r}: {question!r} is not a text question",
                        budget=b.id, question=qid))
        return self

    # -- navigation ---------------------------------------------------------
    def walk_sections(self) -> Iterator[tuple[Section, int]]:
        """Every section in document order with its depth (0 for top level)."""

        def walk(sections: tuple[Section, ...], depth: int) -> Iterator[tuple[Section, int]]:
            for s in sections:
                yield s, depth
                yield from walk(s.sections, depth + 1)

        return walk(self.sections, 0)

    def questions(self) -> Iterator[Question]:
        """Every question in document order, flattened across sections."""
        for section, _ in self.walk_sections():
            yield from section.questions

    def question(self, question_id: str) -> Question:
        """The question with this id (KeyError when there is none)."""
        for q in self.questions():
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def section_of(self, question_id: str) -> Section:
        """The section that directly holds a question."""
        for section, _ in self.walk_sections():
            if any(q.id == question_id for q in section.questions):
                return section
        raise KeyError(question_id)

    def respondent_field(self, field_id: str) -> RespondentField:
        """The respondent field with this id (KeyError when there is none)."""
        for f in self.respondent_fields:
            if f.id == field_id:
                return f
        raise KeyError(field_id)

    def as_json(self) -> dict[str, Any]:
        """The questionnaire in the CLI's JSON shape (questions flattened in order)."""
        questions = []
        for section, _ in self.walk_sections():
            for q in section.questions:
                questions.append(
                    {
                        "id": q.id,
                        "number": q.display_number,
                        "section": section.id,
                        "text": q.text,
                        "kind": q.kind.value,
                        "limit": q.limit.as_json() if q.limit else None,
                    }
                )
        return {
            "id": self.id,
            "title": self.title,
            "issuer": self.issuer,
            "language": self.language,
            "convention": self.convention.value,
            "respondent_fields": [
                {"id": f.id, "label": f.label, "required": f.required}
                for f in self.respondent_fields
            ],
            "questions": questions,
        }


def _check_kind(
    kind: QuestionKind, options: tuple[Option, ...], limit: Limit | None, *, allow_repeating: bool
) -> None:
    """Shared consistency rules for questions, block fields and respondent fields."""
    if kind is QuestionKind.REPEATING and not allow_repeating:
        raise ValueError(Message("a repeating block cannot be nested here"))
    if kind in (QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE):
        if len(options) < 2:
            raise ValueError(Message("a {kind} question needs at least two options",
                                     kind=kind.value))
        _unique([o.id for o in options], _IdKind.OPTION)
    elif options:
        raise ValueError(Message("a {kind} question has no 'options'", kind=kind.value))
    if limit is not None and kind not in TEXT_KINDS:
        raise ValueError(Message("a {kind} question cannot have a limit", kind=kind.value))


class _IdKind(StrEnum):
    """What kind of id repeats (each worded by its own template)."""

    QUESTION = "question"
    FIELD = "field"
    RESPONDENT_FIELD = "respondent field"
    SECTION = "section"
    OPTION = "option"


def _duplicate(kind: _IdKind, value: str) -> Message:
    """The message for a repeated id of one kind."""
    if kind is _IdKind.QUESTION:
        return Message("duplicate question id {id!r}", id=value)
    if kind is _IdKind.FIELD:
        return Message("duplicate field id {id!r}", id=value)
    if kind is _IdKind.RESPONDENT_FIELD:
        return Message("duplicate respondent field id {id!r}", id=value)
    if kind is _IdKind.SECTION:
        return Message("duplicate section id {id!r}", id=value)
    return Message("duplicate option id {id!r}", id=value)


def _unique(ids: list[str], kind: _IdKind) -> None:
    """Raise when an id repeats (a ValueError carrying a translatable Message)."""
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            raise ValueError(_duplicate(kind, i))
        seen.add(i)


def slugify(text: str, fallback: str = "item") -> str:
    """An identifier made from free text (for importers and duplicated ids)."""
    slug = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()[:60].strip("-")
    return slug or fallback
