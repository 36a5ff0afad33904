"""The Word export: a response, in the layout of a real submission, within its limits.

Its input is domain data only (a questionnaire, a title, respondent details and
answers); it never touches the database.  Split by responsibility:
``export`` (the entry points and the limit check), ``options`` (what the user
chooses), ``template`` (default or user template, styles, footer), ``language``
(proofing language), ``layout`` (what goes where), ``lists`` (Word numbering),
``paragraphs`` and ``tables`` (XML building), ``annex`` (counts table),
``properties`` (title, author), ``xml_text`` (characters XML cannot hold),
``writer`` (atomic write, clear errors), ``readback`` (answers read back from a
written file, to prove they are what was counted) and ``testing`` (a document's
meaning, for tests).
"""

from consultdesk.formats.docx_export.export import (
    BLOCKING,
    ExportResult,
    OverLimitError,
    Rendered,
    blocking_problems,
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
from consultdesk.formats.docx_export.template import TemplateError, default_template_path
from consultdesk.formats.docx_export.writer import (
    ExportError,
    OutputLockedError,
    OutputNotWritableError,
)

__all__ = [
    "BLOCKING", "BlockDisplay", "ChoiceDisplay", "ExportError", "ExportOptions", "ExportResult",
    "Labels", "OutputLockedError", "OutputNotWritableError", "OverLimitError", "Rendered",
    "TemplateError", "Unanswered", "blocking_problems", "default_template_path", "export_blank",
    "export_response", "render_document",
]
