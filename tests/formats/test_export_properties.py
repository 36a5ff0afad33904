"""Document properties, language for spell-checking, page numbers and discreet limit lines."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.shared import Pt

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_export import ExportOptions
from consultdesk.formats.docx_export.testing import rendered_docx

RESPONDENT = {"state": "Japan",
              "institution": "Human Rights and Humanitarian Affairs Division, MOFA"}


def test_title_subject_and_author_are_the_response_and_the_institution(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    document, _ = rendered_docx(q, "Survey response 1", RESPONDENT, {})
    props = document.core_properties
    assert props.title == "Survey response 1"
    assert props.subject == "Online consultation with Member States"
    assert props.author == "Human Rights and Humanitarian Affairs Division, MOFA"
    assert props.language == "en-GB"
    document, _ = rendered_docx(q, "Survey response 1", RESPONDENT, {},
                                ExportOptions(author="Someone else"))
    assert document.core_properties.author == "Someone else"


def _lang(document) -> dict[str, str]:  # type: ignore[no-untyped-def]
    element = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    return {k.split("}")[1]: v for k, v in element.attrib.items()}


def test_language_is_set_for_spell_checking(questionnaires: dict[str, Questionnaire]) -> None:
    base = questionnaires["ohchr-civic-space-2021"]
    for language, expected, tag in (
        # Japanese text proofed as Japanese; Latin words in it as English.
        ("ja", {"val": "en-GB", "eastAsia": "ja-JP", "bidi": "ar-SA"}, "ja-JP"),
        ("fr", {"val": "fr-FR", "eastAsia": "fr-FR", "bidi": "ar-SA"}, "fr-FR"),
        ("fr-CA", {"val": "fr-CA", "eastAsia": "fr-CA", "bidi": "ar-SA"}, "fr-CA"),
        ("ar", {"val": "en-GB", "eastAsia": "ja-JP", "bidi": "ar-SA"}, "ar-SA"),
        ("es", {"val": "es-ES", "eastAsia": "es-ES", "bidi": "ar-SA"}, "es-ES"),
    ):
        q = base.model_copy(update={"language": language})
        document, _ = rendered_docx(q, "T", {}, {"q1": "テキスト"})
        assert _lang(document) == expected, language
        # No style may override the language the document is written in.
        assert document.styles.element.findall(f".//{qn('w:style')}//{qn('w:lang')}") == []
        assert document.settings.element.find(qn("w:proofState")) is None
        assert document.core_properties.language == tag


def test_default_template_numbers_pages_in_the_footer(
        questionnaires: dict[str, Questionnaire]) -> None:
    document, _ = rendered_docx(questionnaires["ohchr-civic-space-2021"], "T", {}, {})
    footer = document.sections[0].footer
    assert not footer.is_linked_to_previous
    assert [i.text.strip() for i in footer._element.iter(qn("w:instrText"))] == [
        "PAGE", "NUMPAGES"]


def test_limit_line_is_discreet_and_answers_use_body_styles(
        questionnaires: dict[str, Questionnaire]) -> None:
    document, _ = rendered_docx(questionnaires["ohchr-civic-space-2021"], "T", {},
                                {"q1": "Answer."})
    limit = next(p for p in document.paragraphs if p.style.name == "Limit")
    assert limit.style.font.size == Pt(9) and limit.style.font.italic
    assert limit.style.font.color.rgb is not None
    answer = next(p for p in document.paragraphs if p.text == "Answer.")
    assert answer.style.name == "Body Text"
    assert all(r.font.size is None for r in answer.runs)  # formatting left to the style


def test_arabic_response_is_right_to_left_and_in_schema_order(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"].model_copy(update={"language": "ar"})
    document, _ = rendered_docx(q, "T", {}, {"q1": "نص الإجابة"})
    ppr = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    assert [c.tag.split("}")[1] for c in ppr] == ["bidi", "spacing"]
    theme = document.settings.element.find(qn("w:themeFontLang"))
    assert theme.get(qn("w:bidi")) == "ar-SA" and theme.get(qn("w:val")) == "en-GB"
    fr = questionnaires["ohchr-civic-space-2021"].model_copy(update={"language": "fr"})
    document, _ = rendered_docx(fr, "T", {}, {})
    ppr = document.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:pPrDefault')}/{qn('w:pPr')}")
    assert ppr.find(qn("w:bidi")) is None
