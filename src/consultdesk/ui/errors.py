"""Errors shown to the user: translated from their template, in one kind of message box.

Every ``except ... as exc`` in the ui that tells the user ends here, so an error
reads the same (and in the user's language) wherever it happens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from consultdesk.domain import files
from consultdesk.domain.errors import TRANSLATION_CONTEXT, ConsultDeskError, Message, render


def translate_template(template: str) -> str:
    """An error template in the UI's language (the English one when untranslated)."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, template)


def error_text(error: BaseException | Message) -> str:
    """What to tell the user about an error, in the UI's language."""
    if isinstance(error, ConsultDeskError | Message):
        # Problems are a tuple: only then is the domain's response model (and with it the
        # questionnaire's pydantic models, ~150 ms) imported, not before the first window.
        if any(isinstance(v, tuple) for v in error.params.values()):
            from consultdesk.domain.response import Problems

            if any(isinstance(v, Problems) for v in error.params.values()):
                return _with_problems(error)
        return error.render(translate_template)
    if isinstance(error, OSError):
        if not error.filename:
            return os_reason(error)
        # The file, then why: a full-width colon in Japanese, as every template there.
        return QCoreApplication.translate(TRANSLATION_CONTEXT, "{file}: {reason}").format(
            file=error.filename, reason=os_reason(error))
    return str(error)


def _with_problems(error: ConsultDeskError | Message) -> str:
    """An error listing preflight problems (over the limit...): each problem worded as the
    preflight dialog words it, not the domain's English message."""
    # Imported here: only an export refused for its problems needs the preflight's words.
    from consultdesk.domain.response import Problems
    from consultdesk.ui.response_window.problem_text import describe_problem

    separator = QCoreApplication.translate(TRANSLATION_CONTEXT, "; ")
    params = {k: separator.join(describe_problem(p) for p in v) if isinstance(v, Problems)
              else v for k, v in error.params.items()}
    return render(error.template, params, translate_template)


def os_reason(error: OSError) -> str:
    """Why a file operation failed (no file name), in the UI's language (the system's
    own English strerror only for the rare errno the domain does not word)."""
    return files.os_reason(error).render(translate_template)


def show_error(parent: QWidget | None, title: str, error: BaseException | Message, *,
               critical: bool = False) -> None:
    """Tell the user about an error in a modal message box (a warning, or critical)."""
    from PySide6.QtWidgets import QMessageBox  # not at import: the first paint shows none

    show = QMessageBox.critical if critical else QMessageBox.warning
    show(parent, title, error_text(error))
