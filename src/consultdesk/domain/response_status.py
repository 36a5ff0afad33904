"""A response's status and the title listed when its own cannot be read.

Apart from ``response`` (which re-exports them) because listing responses needs only
these: ``consultdesk responses`` then never loads the answer checks, counting and
reference rendering that ``response`` brings with it.
"""

from __future__ import annotations

from enum import StrEnum

#: The title listed for a response whose stored title cannot be read (English, as the
#: CLI prints it; the ui shows its own words for it).
UNREADABLE_TITLE = "(title unreadable)"


class ResponseStatus(StrEnum):
    """Where a response is in its life."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    FINAL = "final"
    SUBMITTED = "submitted"
