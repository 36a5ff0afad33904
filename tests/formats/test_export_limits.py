"""Limits: an answer over its limit blocks the export unless explicitly allowed, never silently."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import ProblemKind, counted_items
from consultdesk.formats.docx_export import ExportOptions, OverLimitError, export_response
from consultdesk.formats.docx_export.readback import read_answers
from consultdesk.formats.docx_export.testing import describe, rendered_docx

RESPONDENT = {"state": "Japan", "institution": "MOFA"}


def test_over_limit_blocks_and_writes_nothing(questionnaires: dict[str, Questionnaire],
                                              tmp_path: Path) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    out = tmp_path / "out.docx"
    out.write_bytes(b"previous")
    with pytest.raises(OverLimitError) as caught:
        export_response(q, "T", RESPONDENT, {"q1": "ok", "q2": "x" * 5001, "q4": "y" * 6000},
                        out)
    assert [(p.kind, p.target) for p in caught.value.problems] == [
        (ProblemKind.OVER_LIMIT, "q2"), (ProblemKind.OVER_LIMIT, "q4")]
    assert "Question 2: 5,001 / 5,000" in str(caught.value)
    assert out.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.docx"]


def test_exactly_at_the_limit_is_not_over(questionnaires: dict[str, Questionnaire],
                                          tmp_path: Path) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    export_response(q, "T", RESPONDENT, {"q1": "x" * 5000}, tmp_path / "out.docx")
    assert read_answers(tmp_path / "out.docx")[0][0].text == "x" * 5000


def test_allowed_over_limit_exports_everything_with_a_warning(
        questionnaires: dict[str, Questionnaire], tmp_path: Path) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    out = tmp_path / "out.docx"
    result = export_response(q, "T", RESPONDENT, {"q2": "x" * 5001}, out,
                             ExportOptions(allow_over_limit=True))
    assert result.warnings == (
        "exported although over the limit: Question 2: 5,001 / 5,000 characters with spaces "
        "(1 over)",)
    assert read_answers(out)[1][0].text == "x" * 5001  # nothing cut


def test_shared_budget_over_blocks_too(questionnaires: dict[str, Questionnaire],
                                       tmp_path: Path) -> None:
    q = questionnaires["sr-expression-call-2026"]
    # Two 1,300-word answers: each over its own 1,000, and together over the 2,500 budget.
    words = " ".join(["word"] * 1300)
    answers = {"challenges": words, "good_practice": words}
    with pytest.raises(OverLimitError) as caught:
        export_response(q, "T", {}, answers, tmp_path / "o.docx")
    assert [(p.kind, p.target) for p in caught.value.problems] == [
        (ProblemKind.OVER_LIMIT, "challenges"), (ProblemKind.OVER_LIMIT, "good_practice"),
        (ProblemKind.OVER_BUDGET, "challenges")]
    assert "Part II in total: 2,600 / 2,500 words" in str(caught.value)


def test_word_limits_count_words(questionnaires: dict[str, Questionnaire],
                                 tmp_path: Path) -> None:
    q = questionnaires["sr-expression-call-2026"]
    with pytest.raises(OverLimitError, match="501 / 500 words"):
        export_response(q, "T", {}, {"laws": " ".join(["word"] * 501)}, tmp_path / "o.docx")


def test_blank_export_ignores_answers_and_limits(questionnaires: dict[str, Questionnaire],
                                                 tmp_path: Path) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    out = tmp_path / "blank.docx"
    result = export_response(q, "T", RESPONDENT, {"q1": "x" * 9000}, out,
                             ExportOptions(blank=True))
    assert result.warnings == () and read_answers(out) == {}


def test_annex_counts_are_the_apps_counts(questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    answers = {"q1": "Short **answer**.", "q2": "- a\n- b\n", "q6": "日本語👍🏽"}
    document, _ = rendered_docx(q, "T", RESPONDENT, answers, ExportOptions(annex=True))
    table = describe(document)[-1]["table"]
    expected = [f"{i.count.value:,}" for i in counted_items(q, answers)]
    assert [row[1] for row in table[1:]] == expected == ["13", "2", "0", "0", "0", "4"]
    assert [row[3] for row in table[1:]][:3] == ["within", "within", "not answered"]


def test_an_answer_exported_over_its_limit_is_marked_in_the_body(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    document, _ = rendered_docx(q, "T", RESPONDENT, {"q1": "fine", "q2": "x" * 5210},
                                ExportOptions(allow_over_limit=True))
    blocks = describe(document)
    texts = [b.get("text", "") for b in blocks]
    mark = "Over the limit: 5,210 characters with spaces, 210 more than allowed."
    at = texts.index(mark)
    # Right under question 2's limit line, in the limit style, bold; question 1 has none.
    assert texts[at - 1] == "(Maximum limit: approximately 5,000 characters with spaces)"
    assert texts[at - 2].startswith("2.\tAre there innovative practices")
    assert blocks[at]["style"] == blocks[at - 1]["style"]
    assert blocks[at]["runs"] == [[mark, "b"]]
    assert texts.count(mark) == 1 and not any("Over the limit" in t for t in texts[:at - 2])


def test_the_over_limit_mark_speaks_the_questionnaires_language(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    document, _ = rendered_docx(q, "T", RESPONDENT, {"q2": "x" * 5001},
                                ExportOptions(allow_over_limit=True, language="ja"))
    texts = [b.get("text", "") for b in describe(document)]
    assert "上限を超えています：5,001文字（スペースを含む）（上限より1多い）。" in texts
