"""What a user chooses for an export, for front ends that only need to offer the choices.

Light on purpose: the command line builds its parser from these enums on every start,
and importing :mod:`consultdesk.services.export` would load counting and the Markdown
parser too (python-docx only loads when a file is written).
"""

from __future__ import annotations

from consultdesk.formats.docx_export.options import (
    BlockDisplay,
    ChoiceDisplay,
    ExportOptions,
    Unanswered,
)

__all__ = ["BlockDisplay", "ChoiceDisplay", "ExportOptions", "Unanswered"]
