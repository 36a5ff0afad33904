""".eml drafts: a message with the request attached, which mail programs open unsent.

Written with the standard library's ``email`` package.  ``X-Unsent: 1`` makes Outlook
open the file as a draft to edit and send; Thunderbird and Apple Mail open it as a
message whose attachment can be forwarded.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate
from pathlib import Path

from consultdesk.formats.docx_export.writer import ExportError, write_atomically

_DOCX_TYPE = ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")


def build_draft(*, to: str, subject: str, body: str, attachment: Path | None = None,
                sender: str = "") -> EmailMessage:
    """The message: To, Subject, a plain-text body and the .docx attached."""
    message = EmailMessage(policy=SMTP)
    if to:
        message["To"] = to
    if sender:
        message["From"] = sender
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["X-Unsent"] = "1"
    message.set_content(body)
    if attachment is not None:
        data = Path(attachment).read_bytes()
        message.add_attachment(data, maintype=_DOCX_TYPE[0], subtype=_DOCX_TYPE[1],
                               filename=Path(attachment).name)
    return message


def write_draft(path: Path, message: EmailMessage) -> Path:
    """Write the draft to ``path`` (.eml), whole or not at all."""
    path = Path(path)
    if path.suffix.lower() != ".eml":
        raise ExportError(
            "{name}: an e-mail draft's file name must end in .eml",
            name=path.name)
    data = message.as_bytes()
    write_atomically(path, lambda stream: stream.write(data))
    return path
