"""Responses in the domain: validation, relevance, progress and the preflight."""

from __future__ import annotations

import pytest

from consultdesk.domain.counting import Count, Status, measure
from consultdesk.domain.definition_file import load_definition
from consultdesk.domain.errors import AnswerError
from consultdesk.domain.questionnaire import Limit, Questionnaire, Unit
from consultdesk.domain.response import (
    ProblemKind,
    budget_usage,
    counted_items,
    is_relevant,
    preflight,
    progress,
    validate_answers,
    validate_respondent,
)
from consultdesk.paths import templates_dir


def _load(name: str) -> Questionnaire:
    return load_definition(templates_dir() / "questionnaires" / name)


@pytest.fixture(scope="module")
def eu() -> Questionnaire:
    return _load("eu-digital-consultation-2026.toml")


@pytest.fixture(scope="module")
def sr() -> Questionnaire:
    return _load("sr-freedom-of-expression-2026.toml")


def test_choices_are_checked_and_normalised(eu: Questionnaire) -> None:
    clean = validate_answers(eu, {"priorities": ["safety", "solidarity", "safety"],
                                  "level": "local", "strategy": "yes"})
    assert clean["priorities"] == ["solidarity", "safety"]  # questionnaire order, no repeats
    with pytest.raises(AnswerError, match="'regional-ish' is not one of the options"):
        validate_answers(eu, {"level": "regional-ish"})
    with pytest.raises(AnswerError, match="unknown question id 'q99'"):
        validate_answers(eu, {"q99": "x"})
    with pytest.raises(AnswerError, match="expected text"):
        validate_answers(eu, {"remarks": 5})


def test_repeating_block_entries_are_checked(sr: Questionnaire) -> None:
    ok = validate_answers(sr, {"measures": [{"description": "A law", "timeframe": "2023"}]})
    assert ok["measures"] == [{"description": "A law", "timeframe": "2023"}]
    with pytest.raises(AnswerError, match=r"measures'\[0\]: unknown field 'colour'"):
        validate_answers(sr, {"measures": [{"colour": "red"}]})


def test_respondent_fields(sr: Questionnaire) -> None:
    assert validate_respondent(sr, "publish", "yes") == "yes"
    with pytest.raises(AnswerError, match="unknown respondent field"):
        validate_respondent(sr, "shoe_size", "42")


def test_condition_shows_the_follow_up_only_when_it_holds(eu: Questionnaire) -> None:
    detail = eu.question("strategy_detail")
    reason = eu.question("strategy_reason")
    assert not is_relevant(detail, {}) and not is_relevant(reason, {})
    assert is_relevant(detail, {"strategy": "yes"}) and not is_relevant(reason, {"strategy": "yes"})
    assert is_relevant(reason, {"strategy": "no"})


def test_progress_counts_relevant_answered_and_over(eu: Questionnaire) -> None:
    answers = {"level": "national", "strategy": "yes", "strategy_detail": "x" * 1501}
    p = progress(eu, answers)
    # relevant: level, priorities, strategy, strategy_detail, title, remarks
    assert (p.answered, p.total, p.over) == (3, 6, 1)


def test_progress_takes_the_counts_it_is_given_instead_of_counting_again(
        eu: Questionnaire) -> None:
    # The response window hands over the editor's counts of the answers it just took.
    detail = eu.question("strategy_detail")
    answers = {"level": "national", "strategy": "yes", "strategy_detail": "x" * 1501,
               "remarks": "\u2014"}  # a dash alone: no word, but a character
    known = {"strategy_detail": measure(answers["strategy_detail"], detail.limit,
                                        eu.convention),
             "remarks": Count(0, Limit(amount=10, unit=Unit.WORDS), Status.EMPTY)}
    assert progress(eu, answers, known) == progress(eu, answers)
    assert progress(eu, answers).answered == 4  # the dash counts as an answer
    # The given count is the one used: said within its limit, the answer is not over.
    within = Count(1400, detail.limit, Status.WITHIN)
    assert progress(eu, answers, {"strategy_detail": within}).over == 0
    items = {i.id: i for i in counted_items(eu, answers, {"strategy_detail": within})}
    assert items["strategy_detail"].count is within


def test_web_form_counts_line_breaks_as_two(eu: Questionnaire) -> None:
    items = {i.id: i for i in counted_items(eu, {"remarks": "a\n\nb"})}
    assert items["remarks"].count.value == 4


def test_preflight_lists_every_problem_in_order(eu: Questionnaire) -> None:
    answers = {"strategy": "yes", "strategy_detail": "x" * 1600,
               "priorities": ["safety", "solidarity", "sustainability", "freedom_of_choice"]}
    problems = preflight(eu, {"organisation": "Ministry"}, answers)
    assert [(p.kind, p.target) for p in problems] == [
        (ProblemKind.RESPONDENT_EMPTY, "capacity"),
        (ProblemKind.RESPONDENT_EMPTY, "email"),
        (ProblemKind.REQUIRED_EMPTY, "level"),
        (ProblemKind.CHOICES, "priorities"),
        (ProblemKind.OVER_LIMIT, "strategy_detail"),
    ]
    assert "1,600 / 1,500" in problems[-1].message


def test_budget_shared_by_questions(sr: Questionnaire) -> None:
    words = " ".join(["word"] * 1300)
    answers = {"challenges": words, "good_practice": words}
    [(budget, total)] = budget_usage(sr, answers)
    assert total == 2600
    kinds = [p.kind for p in preflight(sr, {}, answers)]
    assert ProblemKind.OVER_BUDGET in kinds


def test_repeating_fields_are_counted_per_entry(sr: Questionnaire) -> None:
    answers = {"measures": [{"description": "word " * 250}, {"description": "short"}]}
    items = [i for i in counted_items(sr, answers) if i.question_id == "measures"]
    assert [(i.id, i.count.value, i.count.status.value) for i in items] == [
        ("measures[0].description", 250, "over"), ("measures[1].description", 1, "within")
    ]
