"""The export's layout, read back from the .docx and compared in meaning with tests/reference."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_export import (
    BlockDisplay,
    ChoiceDisplay,
    ExportOptions,
    Unanswered,
)
from consultdesk.formats.docx_export.testing import describe, matches, rendered_docx

REFERENCE_DIR = Path(__file__).resolve().parents[1] / "reference"


def load_reference(name: str) -> dict[str, Any]:
    """A case from tests/reference: input response, options and expected meaning."""
    return json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))


CASES = sorted(p.name for p in REFERENCE_DIR.glob("*.json"))


def _options(raw: dict[str, object]) -> ExportOptions:
    """ExportOptions from a reference case's JSON options."""
    return ExportOptions(
        unanswered=Unanswered(raw.get("unanswered", "no-response")),
        choices=ChoiceDisplay(raw.get("choices", "chosen")),
        blocks=BlockDisplay(raw.get("blocks", "entries")),
        annex=bool(raw.get("annex", False)),
        blank=bool(raw.get("blank", False)),
    )


def test_there_are_reference_cases() -> None:
    assert len(CASES) >= 4


@pytest.mark.parametrize("case", CASES)
def test_layout_matches_reference(case: str, questionnaires: dict[str, Questionnaire]) -> None:
    ref = load_reference(case)
    document, _ = rendered_docx(questionnaires[ref["questionnaire"]], ref["title"],
                                ref["respondent"], ref["answers"], _options(ref["options"]))
    assert matches(describe(document), ref["expected"]) == []


def test_headings_use_heading_styles_with_outline_levels(
        questionnaires: dict[str, Questionnaire]) -> None:
    """The navigation pane lists sections (Heading n) and the questions under them."""
    ref = load_reference("sr_response_entries.json")
    document, _ = rendered_docx(questionnaires[ref["questionnaire"]], ref["title"],
                                ref["respondent"], ref["answers"])
    levels = []
    for p in document.paragraphs:
        own = p._p.pPr.find(qn("w:outlineLvl"))
        style_ppr = p.style.element.pPr
        chosen = own if own is not None else (
            style_ppr.find(qn("w:outlineLvl")) if style_ppr is not None else None)
        if chosen is not None:
            levels.append((int(chosen.get(qn("w:val"))), p.text.split("\t")[-1][:20]))
    assert levels == [
        (0, "Information details"), (0, "Questions"),
        (1, "Part I. Legal framew"), (2, "Which laws regulate "), (2, "Is there an independ"),
        (1, "Part II. Practice"), (2, "A. Measures"), (3, "List the measures ta"),
        (4, "Measure 1"), (4, "Measure 2"), (2, "B. Challenges"), (3, "What challenges rema"),
        (3, "Please share one goo"),
    ]


def test_questions_of_a_single_questions_section_sit_under_the_questions_heading(
        questionnaires: dict[str, Questionnaire]) -> None:
    document, _ = rendered_docx(questionnaires["ohchr-civic-space-2021"], "T", {}, {})
    outline = [(p.style.name, p._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")))
               for p in document.paragraphs if p.style.name == "Question"]
    assert outline == [("Question", "1")] * 6
    assert [p.text for p in document.paragraphs if p.style.name.startswith("Heading")] == [
        "Information details", "Questions"]


def test_unanswered_omit_drops_questions_and_empty_sections(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["sr-expression-call-2026"]
    document, _ = rendered_docx(q, "T", {"submitter": "Japan"}, {"laws": "Text."},
                                ExportOptions(unanswered=Unanswered.OMIT))
    texts = [p.text for p in document.paragraphs]
    assert "Part II. Practice" not in texts and "No response" not in texts
    assert not any(t.startswith("2.\t") for t in texts)
    assert "The institution responding:" not in texts  # an empty respondent field too
    document, _ = rendered_docx(q, "T", {"submitter": "Japan"}, {"laws": "Text."})
    texts = [p.text for p in document.paragraphs]
    assert "Part II. Practice" in texts and texts.count("No response") >= 4


def test_irrelevant_conditional_question_is_left_out_even_if_answered(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["eu-digital-rights-2026"]
    document, _ = rendered_docx(q, "T", {}, {"strategy": "no",
                                             "strategy_detail": "Should not appear.",
                                             "strategy_reason": "Budget."})
    texts = [p.text for p in document.paragraphs]
    assert "Should not appear." not in texts and "Budget." in texts


def test_multiple_choice_shows_chosen_options_as_a_real_list(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["eu-digital-rights-2026"]
    document, _ = rendered_docx(q, "T", {}, {"priorities": ["solidarity", "safety"]})
    described = describe(document)
    chosen = [d for d in described if d.get("text") in (
        "Solidarity and inclusion", "Safety, security and empowerment")]
    assert [(d["style"], d.get("list"), d.get("level")) for d in chosen] == [
        ("List Paragraph", "bullet", 1), ("List Paragraph", "bullet", 1)]


def test_french_questionnaire_gets_french_labels(questionnaires: dict[str, Questionnaire],
                                                 tmp_path: Path) -> None:
    q = questionnaires["ohchr-civic-space-2021"].model_copy(update={"language": "fr"})
    document, _ = rendered_docx(q, "Réponse", {}, {})
    texts = [p.text for p in document.paragraphs]
    assert "Informations" in texts and "Pas de réponse" in texts and "Questions" in texts


def test_japanese_questionnaire_gets_japanese_labels(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"].model_copy(update={"language": "ja"})
    document, _ = rendered_docx(q, "回答", {}, {}, ExportOptions(annex=False))
    texts = [p.text for p in document.paragraphs]
    assert "回答者情報" in texts and "回答なし" in texts and "質問" in texts


def test_blank_repeating_block_is_a_table_to_fill_in(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["sr-expression-call-2026"]
    document, _ = rendered_docx(q, "", {}, {}, ExportOptions(blank=True))
    described = describe(document)
    table = next(d["table"] for d in described if "table" in d)
    assert table == [["Description of the measure\n(No more than 200 words)", "Timeframe",
                      "Lead ministry"]] + [["", "", ""]] * 3
    texts = [d.get("text") for d in described]
    assert "Answer only if the answer to 2 is “Yes”." in texts
    assert texts.count("☐\tYes") == 2  # the consent detail and question 2
