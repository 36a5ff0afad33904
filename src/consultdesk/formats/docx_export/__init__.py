"""The Word export: a response, in the layout of a real submission, within its limits.

Its input is domain data only (a questionnaire, a title, respondent details and
answers); it never touches the database.  Split by responsibility:
``export`` (the entry points and the limit check), ``options`` (what the user
chooses), ``outcome`` (the result and the errors that refuse an export),
``template`` (default or user template, styles, footer), ``language``
(proofing language), ``layout`` (what goes where), ``lists`` (Word numbering),
``paragraphs`` and ``tables`` (XML building), ``annex`` (counts table),
``properties`` (title, author), ``xml_text`` (characters XML cannot hold),
``writer`` (atomic write, clear errors), ``readback`` (answers read back from a
written file, to prove they are what was counted) and ``testing`` (a document's
meaning, for tests).

The names below are loaded on first use (PEP 562): importing this package, or its
light ``options``/``outcome`` modules, does not load python-docx and lxml, so a command
line parser or an options dialog can name the export's choices without paying for them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from consultdesk.formats.docx_export.export import (
        Rendered,
        export_blank,
        export_response,
        render_document,
    )
    from consultdesk.formats.docx_export.options import (
        BlockDisplay,
        ChoiceDisplay,
        ExportOptions,
        Labels,
        Unanswered,
    )
    from consultdesk.formats.docx_export.outcome import (
        BLOCKING,
        ExportResult,
        OverLimitError,
        TemplateError,
        blocking_problems,
    )
    from consultdesk.formats.docx_export.template import default_template_path
    from consultdesk.formats.docx_export.writer import (
        ExportError,
        OutputLockedError,
        OutputNotWritableError,
    )

#: Each public name -> the submodule that defines it.
_WHERE = {
    "Rendered": "export", "export_blank": "export", "export_response": "export",
    "render_document": "export",
    "BlockDisplay": "options", "ChoiceDisplay": "options", "ExportOptions": "options",
    "Labels": "options", "Unanswered": "options",
    "BLOCKING": "outcome", "ExportResult": "outcome", "OverLimitError": "outcome",
    "TemplateError": "outcome", "blocking_problems": "outcome",
    "default_template_path": "template",
    "ExportError": "writer", "OutputLockedError": "writer", "OutputNotWritableError": "writer",
}

__all__ = [
    "BLOCKING", "BlockDisplay", "ChoiceDisplay", "ExportError", "ExportOptions", "ExportResult",
    "Labels", "OutputLockedError", "OutputNotWritableError", "OverLimitError", "Rendered",
    "TemplateError", "Unanswered", "blocking_problems", "default_template_path", "export_blank",
    "export_response", "render_document",
]


def __getattr__(name: str) -> Any:
    """Load the submodule holding ``name`` on first use (PEP 562)."""
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{where}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
