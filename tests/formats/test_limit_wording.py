"""A limit the questionnaire does not word itself is written in the document's language
(the export and the request for input), never the domain's English default."""

from __future__ import annotations

from pathlib import Path

from consultdesk.domain.definition_file import parse_definition_text
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.contribution.model import RequestItem, RequestSpec
from consultdesk.formats.docx_export.testing import describe, rendered_docx

_DEFINITION = '''
id = "ja-survey"
title = "人権に関する調査"
language = "{language}"
[[sections]]
id = "s"
[[sections.questions]]
id = "q1"
number = "1"
text = "取組を記述してください。"
limit = {{ amount = 400, unit = "characters_with_spaces", approximate = true }}
[[sections.questions]]
id = "q2"
number = "2"
text = "成果を記述してください。"
limit = {{ amount = 300, unit = "words", wording = "300語以内" }}
'''


def _survey(language: str) -> Questionnaire:
    return parse_definition_text(_DEFINITION.format(language=language), "survey.toml")


def _texts(questionnaire: Questionnaire) -> list[str]:
    document, _ = rendered_docx(questionnaire, "回答", {}, {"q1": "回答です。", "q2": "成果。"})
    return [b.get("text", "") for b in describe(document)]


def test_the_export_words_a_limit_in_the_questionnaires_language() -> None:
    texts = _texts(_survey("ja"))
    assert "(上限：約400文字（スペースを含む）)" in texts, texts
    assert "(300語以内)" in texts  # the questionnaire's own wording, as it is
    assert not [t for t in texts if "Maximum limit" in t]
    # English keeps the wording it always had.
    assert "(Maximum limit: approximately 400 characters with spaces)" in _texts(_survey("en"))


def test_the_request_for_input_words_a_limit_in_its_language(tmp_path: Path) -> None:
    from docx import Document

    from consultdesk.domain.contributions import Contributor, ItemRef
    from consultdesk.formats.contribution.request import write_request

    questionnaire = _survey("ja")
    spec = RequestSpec(questionnaire=questionnaire, response_id="R-1", response_title="回答",
                       contributor=Contributor("NPA", "警察庁"),
                       items=(RequestItem(ItemRef("q1")),), packet="P-1", asked_by="外務省")
    out = write_request(spec, tmp_path / "request.docx")
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert "(上限：約400字（空白を含む）)" in texts, texts
    assert not [t for t in texts if "Maximum limit" in t]
