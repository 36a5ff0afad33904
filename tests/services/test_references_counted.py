"""References count as the label they render in the response's own questionnaire version."""

from __future__ import annotations

from typing import Any

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.counting import Status
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import ProblemKind

ANSWER = "See [question 2](#ref:q2)."  # rendered "See question 2." (15) or "… 12(b)." (19)


def _definition(version: int, q2_number: str) -> Questionnaire:
    data: dict[str, Any] = {
        "id": "renumbered", "version": version, "title": "Renumbered",
        "sections": [{"id": "s", "questions": [
            {"id": "q1", "number": "1", "text": "First?",
             "limit": {"amount": 17, "unit": "characters_with_spaces"}},
            {"id": "q2", "number": q2_number, "text": "Second?"},
            {"id": "q3", "number": "3", "text": "Third?"},
        ]}],
    }
    return Questionnaire.model_validate(data)


def test_a_renumbered_target_counts_its_new_label(context: AppContext) -> None:
    context.catalog.add(_definition(1, "2"))
    old = context.responses.create("renumbered", answers={"q1": ANSWER, "q2": "Yes."})
    context.catalog.add(_definition(2, "12(b)"))
    new = context.responses.create("renumbered", answers={"q1": ANSWER, "q2": "Yes."})

    old_data, new_data = context.responses.load(old), context.responses.load(new)
    assert (old_data.questionnaire.version, new_data.questionnaire.version) == (1, 2)
    # check: the count of the rendered label, in each response's own version
    counts = {rid: {i.id: i.count for i in context.export.check(data).items}
              for rid, data in ((old, old_data), (new, new_data))}
    assert counts[old]["q1"].value == len("See question 2.") == 15
    assert counts[old]["q1"].status is Status.WITHIN
    assert counts[new]["q1"].value == len("See question 12(b).") == 19
    assert counts[new]["q1"].status is Status.OVER
    assert context.export.check(old_data).ok and not context.export.check(new_data).ok
    # over-limit in the preflight, with the rendered count
    [over] = [p for p in context.export.preflight(new_data) if p.kind is ProblemKind.OVER_LIMIT]
    assert (over.target, over.value, over.amount) == ("q1", 19, 17)
    assert not [p for p in context.export.preflight(old_data)
                if p.kind is ProblemKind.OVER_LIMIT]
    # the library's progress: one over in the new response only
    summaries = {s.id: s for s in context.responses.list()}
    assert (summaries[old].over, summaries[new].over) == (0, 1)


def test_references_to_missing_and_unanswered_questions_are_problems(
        context: AppContext) -> None:
    context.catalog.add(_definition(1, "2"))
    rid = context.responses.create("renumbered", answers={
        "q1": "See [question 3](#ref:q3) and [question 9](#ref:q9); [again](#ref:q3).",
        "q2": "As in [question 1](#ref:q1)."})
    problems = [p for p in context.export.preflight(context.responses.load(rid))
                if p.kind in (ProblemKind.REFERENCE_MISSING, ProblemKind.REFERENCE_UNANSWERED)]
    assert [(p.kind, p.target, p.subject, p.reference_target, p.reference_text,
             p.reference_number) for p in problems] == [
        (ProblemKind.REFERENCE_UNANSWERED, "q1", "1", "q3", "3", "3"),
        (ProblemKind.REFERENCE_MISSING, "q1", "1", "q9", "question 9", ""),
    ]
    assert [p.message for p in problems] == [
        "Question 1 refers to question 3, which is not answered",
        "Question 1 refers to a question this questionnaire does not have "
        "(“question 9”, id q9)",
    ]
    report = context.export.check(context.responses.load(rid))
    assert not report.ok
    assert [(p.kind, p.reference_target) for p in report.references] == [
        (ProblemKind.REFERENCE_UNANSWERED, "q3"), (ProblemKind.REFERENCE_MISSING, "q9")]
    # Answering the target clears its problem; the missing one stays.
    context.responses.save_answer(rid, "q3", "Done.", base_version=None,
                                  author=Author(WriterKind.CLI, "test"))
    left = [p.kind for p in context.export.preflight(context.responses.load(rid))
            if p.kind in (ProblemKind.REFERENCE_MISSING, ProblemKind.REFERENCE_UNANSWERED)]
    assert left == [ProblemKind.REFERENCE_MISSING]


def test_a_contribution_counts_the_label_of_its_version() -> None:
    """A reply with a reference counts, against its question's limit, as the label reads."""
    from consultdesk.domain.contributions import ItemRef
    from consultdesk.services.contribution_board import ContributionBoard

    for version, number, expected in ((1, "2", "See question 2."),
                                      (2, "12(b)", "See question 12(b).")):
        count = ContributionBoard.count(_definition(version, number), ItemRef("q1"), ANSWER)
        assert count.value == len(expected)
