"""Document properties: title, subject, author (the responding institution), language."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from docx.document import Document

from consultdesk.domain.questionnaire import QuestionKind, Questionnaire

# Respondent fields that name who is responding, best first.
_AUTHOR_HINTS = ("institution", "organisation", "organization", "ministry", "submitter",
                 "author", "name", "state")


def responding_institution(questionnaire: Questionnaire, respondent: Mapping[str, str]) -> str:
    """The respondent value that best names the responding institution ("" if none)."""
    texts = [f for f in questionnaire.respondent_fields if f.kind is QuestionKind.SHORT_TEXT]
    for hint in _AUTHOR_HINTS:
        for f in texts:
            value = (respondent.get(f.id) or "").strip()
            if value and (hint in f.id.lower() or hint in f.label.lower()) and "@" not in value:
                return value
    return ""


def set_properties(document: Document, *, title: str, subject: str, author: str,
                   language: str, keywords: str) -> None:
    """Fill the core properties Word shows under File > Info."""
    props = document.core_properties
    now = datetime.now(UTC).replace(microsecond=0)
    props.title = title[:255]
    props.subject = subject[:255]
    props.author = author[:255]
    props.last_modified_by = author[:255]
    props.language = language
    props.keywords = keywords[:255]
    props.comments = "Exported with ConsultDesk"
    props.category = ""
    props.created = now
    props.modified = now
    props.revision = 1
