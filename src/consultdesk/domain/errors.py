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


class ServerUnreachableError(ConsultDeskError):
    """The team database server cannot be reached (down, network, address or login)."""

    def __init__(self, message: str, *, where: str = "") -> None:
        super().__init__(message)
        #: The server as the user named it ("db.example.org:5432/consultdesk").
        self.where = where
