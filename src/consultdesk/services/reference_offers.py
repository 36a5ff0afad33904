"""Offers to turn "See the answer for Q2" into a live reference (import, merge, paste).

The recognising is ``domain.reference_phrases``; this names each phrase's question
in a questionnaire and rewrites an answer's Markdown, which the caller then saves
through the one versioned save (the import, the merge, the editor's autosave).
"""

from __future__ import annotations

from consultdesk.domain.questionnaire import QuestionKind, Questionnaire
from consultdesk.domain.reference_phrases import (
    ReferencePhrase,
    link_phrases,
    linkable_phrases,
)
from consultdesk.domain.references import reference_labels


def question_numbers(questionnaire: Questionnaire) -> dict[str, str]:
    """Every numbered question's displayed number, by id ("q2" -> "2")."""
    return {q.id: q.display_number for q in questionnaire.questions() if q.number}


def _holds_references(questionnaire: Questionnaire, question_id: str | None) -> bool:
    """Whether that question's answer can hold references: long text (shown as rich
    text, chips and all); a one-line answer is edited as plain words."""
    if question_id is None:
        return True
    try:
        return questionnaire.question(question_id).kind is QuestionKind.LONG_TEXT
    except KeyError:
        return False


def reference_offers(markdown: str, questionnaire: Questionnaire,
                     question_id: str | None = None) -> list[ReferencePhrase]:
    """The phrases of an answer that could become references (known questions, not itself;
    none in an answer that is not long text)."""
    if not _holds_references(questionnaire, question_id):
        return []
    return linkable_phrases(markdown, question_numbers(questionnaire), skip=question_id)


def link_reference_phrases(markdown: str, questionnaire: Questionnaire,
                           question_id: str | None = None) -> str:
    """An answer's Markdown with its recognised phrases turned into references.

    "See the answer for Q2" becomes "See the answer for [question 2](#ref:q2)" when the
    questionnaire has a question numbered 2 (other than ``question_id``, the answer's
    own) and the answer is long text; everything else is left exactly as it is.
    """
    if not _holds_references(questionnaire, question_id):
        return markdown
    return link_phrases(markdown, question_numbers(questionnaire),
                        reference_labels(questionnaire), skip=question_id)
