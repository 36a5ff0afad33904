"""The plain enumerations of a questionnaire definition: question kinds, units, conventions.

Apart from the pydantic models in ``questionnaire`` (which re-exports them) because
what checks, counts and lists answers compares against these values without needing
the models: a command that only lists responses then never builds the definition
models (~30 ms of import, see ARCHITECTURE.md's start-up section).
"""

from __future__ import annotations

from enum import StrEnum


class Unit(StrEnum):
    """What a limit counts."""

    CHARACTERS_WITH_SPACES = "characters_with_spaces"
    CHARACTERS_WITHOUT_SPACES = "characters_without_spaces"
    WORDS = "words"


class Convention(StrEnum):
    """How the channel the response goes through counts text."""

    DOCUMENT = "document"
    WEB_FORM = "web-form"


class QuestionKind(StrEnum):
    """The kinds of question a questionnaire may ask."""

    LONG_TEXT = "long_text"
    SHORT_TEXT = "short_text"
    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    REPEATING = "repeating"


TEXT_KINDS = frozenset({QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT})
CHOICE_KINDS = frozenset(
    {QuestionKind.SINGLE_CHOICE, QuestionKind.MULTIPLE_CHOICE, QuestionKind.YES_NO}
)
