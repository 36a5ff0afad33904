"""Contributions: contributors, assignments, requests in Word, receiving, merging, attribution.

What the UI and the CLI call.  Answers are written only through
:meth:`ContributionService._save` (in ``contribution_merging``), the one function that
calls the response service's save (with a revision first), so the merge follows whatever
that save guarantees.

The service is composed of a module each, named for what it holds:
``contribution_board`` (contributors, assignments, the board), ``contribution_requests``
(requests in Word, replies, receiving), ``contribution_merging`` (merging, attribution);
``contribution_records`` holds the value types, re-exported here.
"""

from __future__ import annotations

from consultdesk.services.contribution_merging import ContributionMerging
from consultdesk.services.contribution_records import (
    BoardRow,
    MergeResult,
    OpenedRequest,
    ReceiveError,
    ReceiveResult,
    ReplySlot,
)
from consultdesk.services.contribution_requests import ContributionRequests

__all__ = ["BoardRow", "ContributionService", "MergeResult", "OpenedRequest", "ReceiveError",
           "ReceiveResult", "ReplySlot"]


class ContributionService(ContributionRequests, ContributionMerging):
    """What the UI and the CLI call for contributions."""
