"""The importer on a corpus of questionnaire documents: exact questions and limits, and scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus.cases import CASES, Case, Q

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_import import import_docx


def _found(questionnaire: Questionnaire) -> list[Q]:
    """The imported questions in the corpus's terms."""
    out = []
    for q in questionnaire.questions():
        limit = (q.limit.amount, q.limit.unit.value, q.limit.approximate) if q.limit else None
        out.append(Q(q.display_number, q.text, limit, q.kind.value,
                     tuple(o.label for o in q.options)))
    return out


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_case_imports_exactly(case: Case, tmp_path: Path) -> None:
    questionnaire = import_docx(case.write(tmp_path))
    assert _found(questionnaire) == case.questions
    assert [f.label for f in questionnaire.respondent_fields] == case.respondent
    assert questionnaire.title == case.title
    assert questionnaire.language == case.language


def test_precision_and_recall_over_the_corpus(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    """Scores over every document: questions (number + text) and limits of found questions."""
    expected_total = found_total = matched = limits_expected = limits_right = 0
    for case in CASES:
        found = _found(import_docx(case.write(tmp_path)))
        expected_total += len(case.questions)
        found_total += len(found)
        by_key = {(q.number, q.text): q for q in found}
        for q in case.questions:
            hit = by_key.get((q.number, q.text))
            if hit is not None:
                matched += 1
            if q.limit is not None:
                limits_expected += 1
                limits_right += hit is not None and hit.limit == q.limit
    precision = matched / found_total
    recall = matched / expected_total
    limit_recall = limits_right / limits_expected
    with capsys.disabled():
        print(f"\nimport corpus: {len(CASES)} documents, {expected_total} questions, "
              f"{limits_expected} limits")
        print(f"  question precision {precision:.3f}  recall {recall:.3f}  "
              f"limit recall {limit_recall:.3f}")
    assert precision == 1.0 and recall == 1.0 and limit_recall == 1.0


def test_total_limit_becomes_a_budget(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "table-above")
    questionnaire = import_docx(case.write(tmp_path))
    (budget,) = questionnaire.budgets
    assert (budget.limit.amount, budget.limit.unit.value) == (2000, "words")
    assert list(budget.questions) == [q.id for q in questionnaire.questions()]


def test_ids_are_stable_and_unique(tmp_path: Path) -> None:
    german = next(c for c in CASES if c.name == "german")
    ids = [q.id for q in import_docx(german.write(tmp_path)).questions()]
    assert ids == ["q1", "q2", "ii-q1"]
    checkboxes = next(c for c in CASES if c.name == "checkboxes")
    ids = [q.id for q in import_docx(checkboxes.write(tmp_path)).questions()]
    assert ids == ["q1", "q1-comment", "q2", "q3", "q4"]


def test_guidance_in_a_question_cell_stays_with_its_question(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "table-guidance")
    q1 = import_docx(case.write(tmp_path)).question("q1")
    assert q1.guidance == "Please include information on its funding."


def test_follow_ups_of_a_yes_no_question_are_conditional(tmp_path: Path) -> None:
    note = import_docx(next(c for c in CASES if c.name == "note-verbale").write(tmp_path))
    follow_up = note.question("q1-comment")
    assert follow_up.condition is not None
    assert (follow_up.condition.question, follow_up.condition.equals) == ("q1", "yes")
    assert note.question("q2").condition is None
    spanish = import_docx(next(c for c in CASES if c.name == "spanish").write(tmp_path))
    explain = spanish.question("q2-comment")
    assert explain.condition is not None and explain.condition.equals == "yes"
    # A comment that is not "if yes" is always asked.
    typed = import_docx(next(c for c in CASES if c.name == "typed-en").write(tmp_path))
    assert typed.question("q3-comment").condition is None


def test_a_limit_on_the_submission_is_a_budget_not_a_limit_per_question(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "call-for-input")
    questionnaire = import_docx(case.write(tmp_path))
    (budget,) = questionnaire.budgets
    assert (budget.limit.amount, budget.limit.unit.value) == (2500, "words")
    assert questionnaire.question("q2").guidance == (
        "agricultural infrastructure;\nhumanitarian access.")


def test_a_limit_for_all_keeps_its_wording_without_the_line_number(tmp_path: Path) -> None:
    case = next(c for c in CASES if c.name == "numbered-instructions")
    limit = import_docx(case.write(tmp_path)).question("q1").limit
    assert limit is not None and limit.wording == "Please limit each answer to 600 words"
