"""Errors the domain raises; every one carries a message fit for a user."""

from __future__ import annotations


class ConsultDeskError(Exception):
    """Base for errors whose message can be shown to the user as it is."""


class DefinitionError(ConsultDeskError):
    """A questionnaire definition is malformed (the message names file and place)."""


class AnswerError(ConsultDeskError):
    """An answer does not fit its question (unknown id, unknown option, wrong shape)."""


class NotFoundError(ConsultDeskError):
    """A questionnaire or response that was asked for does not exist."""
