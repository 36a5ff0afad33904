"""Errors the domain raises; every one carries a message fit for a user.

An error is raised with an English message *template* and its parameters::

    raise AnswerError("{where}: text is longer than {limit:,} characters",
                      where=where, limit=MAX_ANSWER_CHARS)

``str(error)`` is the English message (what the CLI prints).  The ui translates the
template (Qt translation context ``errors``, in ``resources/translations``) and fills
in the same parameters: one placeholder style everywhere, ``{name}`` with an optional
``str.format`` spec.  A parameter that is itself a ConsultDeskError is rendered (and
translated) the same way.  Literal braces in a template with parameters are doubled.
"""

from __future__ import annotations

from collections.abc import Callable

#: The Qt translation context of error templates.
TRANSLATION_CONTEXT = "errors"

#: Turns an English template into the user's language (the identity for the CLI).
Translate = Callable[[str], str]


def _same(template: str) -> str:
    return template


def render(template: str, params: dict[str, object], translate: Translate = _same) -> str:
    """Fill a (translated) template with its parameters; nested messages rendered too."""
    text = translate(template) or template
    if not params:
        return text  # no placeholders: the text as written, braces and all
    values = {k: v.render(translate) if isinstance(v, Message | ConsultDeskError) else v
              for k, v in params.items()}
    try:
        return text.format_map(values)
    except (KeyError, IndexError, ValueError):
        # A translation that lost or mistyped a placeholder: the English never does.
        return template.format_map(values) if text != template else text


class Message:
    """A translatable piece of text (part of an error's message): template and parameters."""

    __slots__ = ("params", "template")

    def __init__(self, template: str, /, **params: object) -> None:
        self.template = template
        self.params = params

    def render(self, translate: Translate = _same) -> str:
        """The text in the language ``translate`` gives (English by default)."""
        return render(self.template, self.params, translate)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({self.template!r}, **{self.params!r})"


class ConsultDeskError(Exception):
    """Base for errors whose message can be shown to the user: a template and parameters."""

    def __init__(self, template: str = "", /, **params: object) -> None:
        #: The English message template ("the backup {path} does not exist").
        self.template = template
        #: The values of its placeholders.
        self.params = params
        super().__init__(template)

    def render(self, translate: Translate = _same) -> str:
        """The message in the language ``translate`` gives (English by default)."""
        return render(self.template, self.params, translate)

    def message(self) -> Message:
        """The error's text as a Message (to pass on as another error's parameter)."""
        return Message(self.template, **self.params)

    def __str__(self) -> str:
        return self.render()


class DefinitionError(ConsultDeskError):
    """A questionnaire definition is malformed (the message names file and place)."""


class AnswerError(ConsultDeskError):
    """An answer does not fit its question (unknown id, unknown option, wrong shape)."""


class NotFoundError(ConsultDeskError):
    """A questionnaire or response that was asked for does not exist."""


class ServerUnreachableError(ConsultDeskError):
    """The team database server cannot be reached (down, network, address or login)."""

    def __init__(self, template: str, /, *, where: str = "", **params: object) -> None:
        super().__init__(template, where=where, **params)
        #: The server as the user named it ("db.example.org:5432/consultdesk").
        self.where = where
