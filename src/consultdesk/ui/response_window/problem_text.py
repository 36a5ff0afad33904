"""A preflight problem in the interface's language (the domain's message is English).

The preflight dialog lists problems before an export, the export's notes after it; the
strings keep the context they were first translated in ("PreflightDialog").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from consultdesk.domain.questionnaire import Limit, Unit
from consultdesk.domain.response import Problem, ProblemKind

translate = QCoreApplication.translate


def unit_text(unit: Unit | None) -> str:
    """A limit's unit, as the interface says it."""
    if unit is None:
        return ""
    return {
        Unit.CHARACTERS_WITH_SPACES: translate("PreflightDialog", "characters with spaces"),
        Unit.CHARACTERS_WITHOUT_SPACES: translate("PreflightDialog",
                                                  "characters without spaces"),
        Unit.WORDS: translate("PreflightDialog", "words"),
    }[unit]


def limit_text(limit: Limit) -> str:
    """A limit as the questionnaire words it (its own text is content), or our default
    wording in the interface's language (the domain's default is English)."""
    if limit.wording:
        return limit.wording
    amount, unit = f"{limit.amount:,}", unit_text(limit.unit)
    if limit.approximate:
        return translate("PreflightDialog", "Maximum limit: approximately {amount} {unit}"
                         ).format(amount=amount, unit=unit)
    return translate("PreflightDialog", "Maximum limit: {amount} {unit}").format(
        amount=amount, unit=unit)


def describe_problem(problem: Problem) -> str:
    """One line for a problem: which question or field, and what is wrong with it."""
    question = (translate("PreflightDialog", "Question {number}").format(number=problem.subject)
                if problem.subject else translate("PreflightDialog", "A question"))
    unit = unit_text(problem.unit)
    if problem.kind is ProblemKind.RESPONDENT_EMPTY:
        return translate("PreflightDialog", "“{field}” is empty").format(field=problem.subject)
    if problem.kind is ProblemKind.REQUIRED_EMPTY:
        return translate("PreflightDialog", "{question} is required").format(question=question)
    if problem.kind is ProblemKind.CHOICES:
        text = (translate("PreflightDialog", "{question}: choose at least {bound}")
                if problem.value < problem.amount
                else translate("PreflightDialog", "{question}: choose at most {bound}"))
        return text.format(question=question, bound=problem.amount)
    if problem.kind is ProblemKind.REFERENCE_MISSING:
        return translate("PreflightDialog", "{question} refers to a question this questionnaire "
                         "does not have (“{text}”, id {target})").format(
            question=question, text=problem.reference_text, target=problem.reference_target)
    if problem.kind is ProblemKind.REFERENCE_UNANSWERED:
        if problem.reference_number:
            return translate("PreflightDialog", "{question} refers to question {number}, which "
                             "is not answered").format(question=question,
                                                       number=problem.reference_number)
        return translate("PreflightDialog", "{question} refers to “{text}”, which is not "
                         "answered").format(question=question, text=problem.reference_text)
    count, limit = f"{problem.value:,}", f"{problem.amount:,}"
    excess = f"{problem.value - problem.amount:,}"
    if problem.kind is ProblemKind.OVER_BUDGET:
        return translate("PreflightDialog", "{budget}: {count} / {limit} {unit} ({excess} over)"
                         ).format(budget=problem.subject, count=count, limit=limit, unit=unit,
                                  excess=excess)
    where = f"{question} {problem.detail}" if problem.detail else question
    return translate("PreflightDialog", "{question}: {count} / {limit} {unit} ({excess} over)"
                     ).format(question=where, count=count, limit=limit, unit=unit, excess=excess)
