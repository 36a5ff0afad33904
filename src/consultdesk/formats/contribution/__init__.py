"""Contribution requests in Word, the replies read back, and e-mail drafts.

``request`` writes the request for input (a cover, then each assigned question with a
content control to answer in); ``reply`` finds each answer in a returned file (in its
control, or under its question when the control was lost); ``email_draft`` writes the
.eml a mail program opens as a draft; ``fill`` writes answers into a request (the
reply a contributor with ConsultDesk saves).
"""

from consultdesk.formats.contribution.model import (
    ReceivedItem,
    Reply,
    RequestIdentity,
    RequestItem,
    RequestSpec,
)
from consultdesk.formats.contribution.reply import NotARequestError, read_identity, read_reply
from consultdesk.formats.contribution.request import render_request, write_request

__all__ = [
    "NotARequestError", "ReceivedItem", "Reply", "RequestIdentity", "RequestItem",
    "RequestSpec", "read_identity", "read_reply", "render_request", "write_request",
]
