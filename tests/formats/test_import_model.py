"""Editing the detected lines (what the review dialog does) and rebuilding the questionnaire."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from consultdesk.domain.questionnaire import Limit, QuestionKind, Unit
from consultdesk.formats.docx_import import (
    ImportDraft,
    ImportLine,
    Role,
    build_questionnaire,
    import_docx,
)
from consultdesk.formats.docx_import.detect import interpret, renumber


def _draft(*lines: tuple[str, Role], default: Limit | None = None) -> ImportDraft:
    out = []
    for source, role in lines:
        line = ImportLine(source=source, role=role)
        interpret(line, role)
        out.append(line)
    renumber(out)
    return ImportDraft(source_name="test.docx", lines=out, default_limit=default)


def _questions(draft: ImportDraft) -> list[tuple[str, str]]:
    return [(q.display_number, q.text) for q in build_questionnaire(draft).questions()]


def test_set_role_rereads_number_and_limit() -> None:
    draft = _draft(("Survey", Role.TITLE),
                   ("1. Who decides? (max. 200 words)", Role.INSTRUCTION),
                   ("2. Who pays?", Role.QUESTION))
    assert _questions(draft) == [("2", "Who pays?")]
    draft.set_role(1, Role.QUESTION)
    q = build_questionnaire(draft).question("q1")
    assert (q.number, q.text) == ("1", "Who decides?")
    assert q.limit == Limit(amount=200, unit=Unit.WORDS, wording="max. 200 words")


def test_a_second_title_demotes_the_first() -> None:
    draft = _draft(("Letterhead", Role.TITLE), ("Real title", Role.INSTRUCTION),
                   ("1. Who?", Role.QUESTION))
    draft.set_role(1, Role.TITLE)
    assert draft.title == "Real title"
    assert [ln.role for ln in draft.lines] == [Role.SECTION, Role.TITLE, Role.QUESTION]


def test_merge_keeps_the_first_role_and_joins_the_text() -> None:
    draft = _draft(("T", Role.TITLE), ("1. What measures were taken", Role.QUESTION),
                   ("to protect rivers? (up to 900 characters)", Role.INSTRUCTION))
    draft.merge_with_next(1)
    assert len(draft.lines) == 2
    q = build_questionnaire(draft).question("q1")
    assert q.text == "What measures were taken to protect rivers?"
    assert q.limit is not None and q.limit.amount == 900
    with pytest.raises(IndexError):
        draft.merge_with_next(1)


def test_split_renumbers_and_guesses_the_second_role() -> None:
    draft = _draft(("T", Role.TITLE), ("1. Who owns it? 2. Who runs it?", Role.QUESTION))
    source = draft.lines[1].source
    draft.split(1, source.index("2."))
    assert _questions(draft) == [("1", "Who owns it?"), ("2", "Who runs it?")]
    with pytest.raises(ValueError):
        draft.split(1, 0)


def test_sub_questions_are_numbered_under_their_parent() -> None:
    draft = _draft(("T", Role.TITLE), ("3. Regarding courts:", Role.SECTION),
                   ("(a) How many judges?", Role.QUESTION), ("(b) How many cases?", Role.QUESTION),
                   ("(i) Civil?", Role.QUESTION), ("(ii) Criminal?", Role.QUESTION),
                   ("(c) Any backlog?", Role.QUESTION))
    assert [n for n, _ in _questions(draft)] == ["3(a)", "3(b)", "3(b)(i)", "3(b)(ii)", "3(c)"]


def test_letter_i_after_h_is_a_letter() -> None:
    draft = _draft(("T", Role.TITLE), ("1. Areas:", Role.SECTION),
                   *[(f"({c}) Area {c}?", Role.QUESTION) for c in "abcdefghij"])
    numbers = [n for n, _ in _questions(draft)]
    assert numbers[-2:] == ["1(i)", "1(j)"]


def test_limits_own_default_and_cleared() -> None:
    default = Limit(amount=500, unit=Unit.WORDS)
    draft = _draft(("T", Role.TITLE), ("1. A?", Role.QUESTION), ("2. B? (max. 100 words)",
                                                                  Role.QUESTION),
                   default=default)
    q = build_questionnaire(draft)
    assert q.question("q1").limit == default
    assert q.question("q2").limit is not None and q.question("q2").limit.amount == 100
    draft.set_limit(2, None)
    draft.default_limit = None
    q = build_questionnaire(draft)
    assert q.question("q1").limit is None and q.question("q2").limit is None


def test_choices_make_a_choice_question_and_move_its_limit_to_the_comment() -> None:
    draft = _draft(("T", Role.TITLE),
                   ("1. Is there a plan? (max. 200 words)", Role.QUESTION),
                   ("☐ Yes ☐ No ☐ In preparation", Role.CHOICE),
                   ("Comments:", Role.QUESTION))
    draft.lines[3].comment = True
    q = build_questionnaire(draft)
    plan = q.question("q1")
    assert plan.kind is QuestionKind.SINGLE_CHOICE
    assert [o.label for o in plan.options] == ["Yes", "No", "In preparation"]
    assert plan.limit is None
    comment = q.question("q1-comment")
    assert comment.text == "Comments" and comment.limit is not None
    assert comment.limit.amount == 200


def test_instructions_go_to_the_questionnaire_the_section_or_the_question() -> None:
    draft = _draft(("T", Role.TITLE), ("Read this first.", Role.INSTRUCTION),
                   ("Part A", Role.SECTION), ("About part A.", Role.INSTRUCTION),
                   ("1. Who?", Role.QUESTION), ("Name the body.", Role.INSTRUCTION))
    q = build_questionnaire(draft)
    assert q.instructions == "Read this first."
    (section,) = q.sections
    assert (section.title, section.intro) == ("Part A", "About part A.")
    assert q.question("q1").guidance == "Name the body."


def test_respondent_fields_get_the_usual_ids() -> None:
    draft = _draft(("T", Role.TITLE), ("Name of the State:", Role.RESPONDENT),
                   ("Contact person:", Role.RESPONDENT), ("E-mail:", Role.RESPONDENT),
                   ("Gender: ☐ Female ☐ Male", Role.RESPONDENT), ("1. Who?", Role.QUESTION))
    fields = build_questionnaire(draft).respondent_fields
    assert [(f.id, f.label, f.kind.value) for f in fields] == [
        ("state", "Name of the State", "short_text"), ("contact", "Contact person", "short_text"),
        ("email", "E-mail", "short_text"), ("gender", "Gender", "single_choice")]


def test_a_limit_in_the_guidance_goes_to_its_question(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Survey", style="Title")
    doc.add_paragraph("1. Which laws apply?")
    doc.add_paragraph("Please give references (max. 300 words).")
    doc.add_paragraph("2. Who enforces them?")
    doc.add_paragraph("Maximum: 800 characters")
    path = tmp_path / "s.docx"
    doc.save(path)
    q = import_docx(path)
    first, second = q.question("q1"), q.question("q2")
    assert first.limit is not None and (first.limit.amount, first.limit.unit) == (300, Unit.WORDS)
    assert first.guidance == "Please give references."
    assert second.limit is not None and second.limit.amount == 800 and second.guidance == ""


def test_choice_lines_add_up_and_bounds_are_read() -> None:
    draft = _draft(("T", Role.TITLE),
                   ("1. Which apply? (select up to 2 answers)", Role.QUESTION),
                   ("☐ Laws", Role.CHOICE), ("☐ Policies", Role.CHOICE),
                   ("☐ Practice", Role.CHOICE),
                   ("2. Which channels? (choose between 1 and 2)", Role.QUESTION),
                   ("☐ Web ☐ Phone ☐ Post", Role.CHOICE))
    q = build_questionnaire(draft)
    first, second = q.question("q1"), q.question("q2")
    assert first.kind is QuestionKind.MULTIPLE_CHOICE
    assert [o.label for o in first.options] == ["Laws", "Policies", "Practice"]
    assert (first.min_choices, first.max_choices) == (None, 2)
    assert (second.min_choices, second.max_choices) == (1, 2)


def test_a_short_character_limit_makes_a_short_answer() -> None:
    draft = _draft(("T", Role.TITLE), ("1. Name of the law (max. 150 characters)", Role.QUESTION),
                   ("2. Describe it (max. 150 words)", Role.QUESTION))
    q = build_questionnaire(draft)
    assert q.question("q1").kind is QuestionKind.SHORT_TEXT
    assert q.question("q2").kind is QuestionKind.LONG_TEXT


def test_if_not_follow_up_and_a_plain_question_in_between() -> None:
    draft = _draft(("T", Role.TITLE), ("1. Is there a plan? ☐ Yes ☐ No", Role.QUESTION),
                   ("1.1 If yes, describe it.", Role.QUESTION),
                   ("1.2 If not, why not?", Role.QUESTION),
                   ("2. Who decides?", Role.QUESTION),
                   ("2.1 If yes, how?", Role.QUESTION))
    q = build_questionnaire(draft)
    assert q.question("q1-1").condition is not None
    assert q.question("q1-2").condition is not None
    assert q.question("q1-2").condition.equals == "no"
    # "2." is not a yes/no question: its "If yes" cannot be conditioned on anything.
    assert q.question("q2-1").condition is None


def test_lettered_numbers_typed_in_one_label() -> None:
    draft = _draft(("T", Role.TITLE), ("Q.1 Who decides?", Role.QUESTION),
                   ("1a) At national level?", Role.QUESTION),
                   ("1b) At local level?", Role.QUESTION))
    assert [(n, t) for n, t in _questions(draft)] == [
        ("1", "Who decides?"), ("1a", "At national level?"), ("1b", "At local level?")]
    assert [line.level for line in draft.lines[1:]] == [1, 2, 2]
