"""Responses: answer values, relevance, progress and the preflight check.

Checking values against their questions is in ``answer_validation`` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from consultdesk.domain import reference_syntax

# Validation lives in answer_validation; its names are re-exported here (explicitly, so
# that every caller keeps importing them from this module).
from consultdesk.domain.answer_validation import MAX_ANSWER_CHARS as MAX_ANSWER_CHARS
from consultdesk.domain.answer_validation import AnswerValue as AnswerValue
from consultdesk.domain.answer_validation import fits_question as fits_question
from consultdesk.domain.answer_validation import validate_answer as validate_answer
from consultdesk.domain.answer_validation import validate_answers as validate_answers
from consultdesk.domain.answer_validation import validate_respondent as validate_respondent
from consultdesk.domain.counting import Count, Status, count_markdown, measure, status_for
from consultdesk.domain.question_kinds import QuestionKind, Unit
from consultdesk.domain.references import (
    Reference,
    find_references,
    reference_labels,
    render_references,
    short_title,
)

# The status lives in response_status (what a listing needs alone), re-exported here.
from consultdesk.domain.response_status import UNREADABLE_TITLE as UNREADABLE_TITLE
from consultdesk.domain.response_status import ResponseStatus as ResponseStatus

if TYPE_CHECKING:
    # Only annotations: the models' module (pydantic) loads when a definition is parsed.
    from consultdesk.domain.questionnaire import Budget, Question, Questionnaire

def is_relevant(question: Question, answers: Mapping[str, AnswerValue]) -> bool:
    """Whether a conditional question applies, given the answers so far."""
    if question.condition is None:
        return True
    return question.condition.holds(answers.get(question.condition.question))


def is_answered(question: Question, value: AnswerValue) -> bool:
    """Whether a value counts as an answer (blank text and empty lists do not)."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip()) and (
            not question.is_text or count_markdown(value, Unit.CHARACTERS_WITH_SPACES) > 0
        )
    return len(value) > 0


def _has_reference(value: AnswerValue) -> bool:
    """Whether a value (text, or a block's entries) may hold a reference: a cheap test."""
    if isinstance(value, str):
        return reference_syntax.MARK in value
    if isinstance(value, list):
        return any(isinstance(e, dict) and any(
            isinstance(v, str) and reference_syntax.MARK in v for v in e.values())
            for e in value)
    return False


def rendered_text(questionnaire: Questionnaire, text: str) -> str:
    """One text with its references reading their targets' labels in this version."""
    if reference_syntax.MARK not in text:
        return text
    return render_references(text, reference_labels(questionnaire))


def rendered_answers(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue],
    language: str | None = None,
) -> Mapping[str, AnswerValue]:
    """The answers with each reference's label set to its target's current label.

    ``questionnaire`` is the response's own version, so a reference reads (and counts
    as) the number its question has there, in its language (or ``language``, an export
    in another).  Answers without references are returned as they are (the same
    mapping when none has one).
    """
    holding = [qid for qid, v in answers.items() if _has_reference(v)]
    if not holding:
        return answers
    labels = reference_labels(questionnaire, language)
    out = dict(answers)
    for qid in holding:
        value = out[qid]
        if isinstance(value, str):
            out[qid] = render_references(value, labels)
        elif isinstance(value, list):
            entries: list[dict[str, Any]] = [
                {k: render_references(v, labels) if isinstance(v, str) else v
                 for k, v in e.items()} for e in value if isinstance(e, dict)]
            out[qid] = entries
    return out


def _answered(question: Question, value: AnswerValue,
              known: Mapping[str, Count] | None) -> bool:
    """:func:`is_answered`, taking a known count of a text answer where there is one.

    Any count above 0 (words, characters with or without spaces, a portal's) means
    some visible character; a count of 0 in words may still hold one ("—"), so that
    case is counted.
    """
    count = known.get(question.id) if known and question.is_text else None
    if count is not None and isinstance(value, str) and count.value > 0:
        return bool(value.strip())
    return is_answered(question, value)


@dataclass(frozen=True, slots=True)
class CountedItem:
    """One counted text: a question, or a field of one entry of a repeating block."""

    id: str
    number: str
    label: str
    question_id: str
    count: Count


def counted_items(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue],
    known: Mapping[str, Count] | None = None,
) -> list[CountedItem]:
    """Every countable text of a response in document order (relevant questions only).

    References are counted as the labels they render in this questionnaire version.
    ``known`` holds counts already taken of some text answers (the editor's, of the
    answer as it shows it: in the limit's unit, references rendered); those are used
    instead of counting the answer again.
    """
    items: list[CountedItem] = []
    conv = questionnaire.convention
    answers = rendered_answers(questionnaire, answers)
    for q in questionnaire.questions():
        if not is_relevant(q, answers):
            continue
        value = answers.get(q.id)
        if q.is_text:
            count = known.get(q.id) if known else None
            if count is None:
                count = measure(value if isinstance(value, str) else "", q.limit, conv)
            items.append(CountedItem(q.id, q.display_number, q.text, q.id, count))
        elif q.kind is QuestionKind.REPEATING and isinstance(value, list):
            for i, entry in enumerate(value):
                if not isinstance(entry, dict):
                    continue
                for f in q.fields:
                    # Only limited fields: an entry's unlimited "Timeframe" is no count to watch.
                    if f.limit is None:
                        continue
                    text = entry.get(f.id) or ""
                    items.append(
                        CountedItem(
                            f"{q.id}[{i}].{f.id}",
                            f"{q.display_number} ({q.entry_label} {i + 1})".strip(),
                            f"{f.label}",
                            q.id,
                            measure(text if isinstance(text, str) else "", f.limit, conv),
                        )
                    )
    return items


class ProblemKind(StrEnum):
    """What the preflight can find wrong."""

    OVER_LIMIT = "over_limit"
    OVER_BUDGET = "over_budget"
    REQUIRED_EMPTY = "required_empty"
    RESPONDENT_EMPTY = "respondent_empty"
    CHOICES = "choices"
    #: a reference to a question this questionnaire (version) does not have
    REFERENCE_MISSING = "reference_missing"
    #: a reference to a question that is not answered (or does not apply)
    REFERENCE_UNANSWERED = "reference_unanswered"


#: The problems a cross-reference can have.
REFERENCE_PROBLEMS = frozenset({ProblemKind.REFERENCE_MISSING, ProblemKind.REFERENCE_UNANSWERED})


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem the preflight found; ``target`` is a question id or respondent field id.

    ``message`` is English (CLI, export warnings); the structured fields let a user
    interface word the problem in its own language.
    """

    kind: ProblemKind
    target: str
    message: str
    #: the question's number ("" when it has none), or the respondent field's label
    subject: str = ""
    #: the entry and field of a repeating block, e.g. "[0].description" ("" otherwise)
    detail: str = ""
    #: the count, or the number of choices made
    value: int = 0
    #: the limit's amount, or the bound on the number of choices
    amount: int = 0
    unit: Unit | None = None
    #: for a reference problem: the id of the question referred to
    reference_target: str = ""
    #: for a reference problem: its label as written in the answer ("question 9") when the
    #: target is missing; the target's number, or its first words, when it is unanswered
    reference_text: str = ""
    #: for an unanswered reference: the referred question's number ("" when it has none)
    reference_number: str = ""


class Problems(tuple[Problem, ...]):
    """Problems given as one error parameter: the English is their messages joined by
    "; " (what the CLI prints); a user interface words each problem itself."""

    __slots__ = ()

    def __str__(self) -> str:
        return "; ".join(p.message for p in self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


@dataclass(frozen=True, slots=True)
class Progress:
    """How far a response has come: answered of total, and how many are over."""

    answered: int
    total: int
    over: int


def progress(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue],
             known: Mapping[str, Count] | None = None) -> Progress:
    """Answered relevant questions of all relevant ones, and how many are over their limit.

    ``known``: counts already taken of some text answers (see :func:`counted_items`), so
    the response window does not parse a long answer again after each hand-off.
    """
    relevant = [q for q in questionnaire.questions() if is_relevant(q, answers)]
    answered = sum(1 for q in relevant if _answered(q, answers.get(q.id), known))
    over_questions = {i.question_id for i in counted_items(questionnaire, answers, known)
                      if i.count.status is Status.OVER}
    return Progress(answered, len(relevant), len(over_questions))


def budget_usage(
    questionnaire: Questionnaire, answers: Mapping[str, AnswerValue]
) -> list[tuple[Budget, int]]:
    """Each shared budget with the total its questions use (references as their labels)."""
    answers = rendered_answers(questionnaire, answers)
    return [
        (b, sum(count_markdown(v, b.limit.unit, questionnaire.convention)
                for qid in b.questions if isinstance(v := answers.get(qid), str)))
        for b in questionnaire.budgets
    ]


def preflight(
    questionnaire: Questionnaire,
    respondent: Mapping[str, str],
    answers: Mapping[str, AnswerValue],
) -> list[Problem]:
    """Every problem that should stop or warn before export, in document order."""
    problems: list[Problem] = []
    for f in questionnaire.respondent_fields:
        if f.required and not (respondent.get(f.id) or "").strip():
            problems.append(Problem(ProblemKind.RESPONDENT_EMPTY, f.id, f"“{f.label}” is empty",
                                    subject=f.label))
    counts = {i.id: i for i in counted_items(questionnaire, answers)}
    for q in questionnaire.questions():
        if not is_relevant(q, answers):
            continue
        label = f"Question {q.display_number}".strip() if q.number else f"“{q.text[:40]}”"
        value = answers.get(q.id)
        if q.required and not is_answered(q, value):
            problems.append(Problem(ProblemKind.REQUIRED_EMPTY, q.id, f"{label} is required",
                                    subject=q.display_number))
        if q.kind is QuestionKind.MULTIPLE_CHOICE and isinstance(value, list) and value:
            if q.min_choices and len(value) < q.min_choices:
                problems.append(Problem(ProblemKind.CHOICES, q.id,
                                        f"{label}: choose at least {q.min_choices}",
                                        subject=q.display_number, value=len(value),
                                        amount=q.min_choices))
            if q.max_choices and len(value) > q.max_choices:
                problems.append(Problem(ProblemKind.CHOICES, q.id,
                                        f"{label}: choose at most {q.max_choices}",
                                        subject=q.display_number, value=len(value),
                                        amount=q.max_choices))
        for item in counts.values():
            if item.question_id == q.id and item.count.status is Status.OVER:
                limit = item.count.limit
                assert limit is not None
                detail = item.id[len(q.id):]
                problems.append(Problem(
                    ProblemKind.OVER_LIMIT, q.id,
                    f"{label}{' ' + detail if detail else ''}: "
                    f"{item.count.value:,} / {limit.amount:,} {limit.unit.value.replace('_', ' ')} "
                    f"({item.count.excess:,} over)",
                    subject=q.display_number, detail=detail, value=item.count.value,
                    amount=limit.amount, unit=limit.unit,
                ))
        problems.extend(_reference_problems(questionnaire, answers, q, label))
    for b, total in budget_usage(questionnaire, answers):
        if status_for(total, b.limit) is Status.OVER:
            problems.append(Problem(
                ProblemKind.OVER_BUDGET, b.questions[0],
                f"{b.label}: {total:,} / {b.limit.amount:,} "
                f"{b.limit.unit.value.replace('_', ' ')} ({total - b.limit.amount:,} over)",
                subject=b.label, value=total, amount=b.limit.amount, unit=b.limit.unit,
            ))
    return problems


def _texts_of(value: AnswerValue) -> list[str]:
    """The texts of one answer: itself, or every text field of a block's entries."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for e in value if isinstance(e, dict) for v in e.values() if isinstance(v, str)]
    return []


def references_in(value: AnswerValue) -> list[Reference]:
    """Every reference of one answer (a text, or each text field of a block's entries)."""
    if not _has_reference(value):
        return []
    return [ref for text in _texts_of(value) for ref in find_references(text)]


def _reference_problems(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue],
                        question: Question, label: str) -> list[Problem]:
    """One problem per question an answer refers to that is missing or unanswered."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for ref in references_in(answers.get(question.id)):
        if ref.target in seen:
            continue
        seen.add(ref.target)
        try:
            target = questionnaire.question(ref.target)
        except KeyError:
            problems.append(Problem(
                ProblemKind.REFERENCE_MISSING, question.id,
                f"{label} refers to a question this questionnaire does not have "
                f"(“{ref.label}”, id {ref.target})",
                subject=question.display_number, reference_target=ref.target,
                reference_text=ref.label))
            continue
        if is_relevant(target, answers) and is_answered(target, answers.get(target.id)):
            continue
        what = (f"question {target.number}" if target.number
                else f"“{short_title(target)}”")
        problems.append(Problem(
            ProblemKind.REFERENCE_UNANSWERED, question.id,
            f"{label} refers to {what}, which is not answered",
            subject=question.display_number, reference_target=target.id,
            reference_text=target.display_number or short_title(target),
            reference_number=target.display_number))
    return problems
