"""Attribution in the export: "(NPA)" after each contributed paragraph, and the annex of
contributors; in the response's language conventions."""

from __future__ import annotations

import docx
import pytest

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_export import ExportOptions
from consultdesk.formats.docx_export.testing import rendered_docx

ANSWERS = {
    "t1_summary": "Our opening.\n\nPolice data: **312** victims.\n\n- a hotline\n- a fund\n",
    "t1_done": [{"description": "A unit.\n\nStaffed by 20.", "authority": "NPA"}],
}
ATTRIBUTION = {"t1_summary": (None, "NPA", "NPA", "MEXT"),
               "t1_done[1].description": (None, "NPA")}
EXPECTED = [
    ("Our opening.", []),
    ("Police data: 312 victims. (NPA)", [["Police data: ", ""], ["312", "b"],
                                         [" victims. (NPA)", ""]]),
    ("a hotline (NPA)", None),
    ("a fund (MEXT)", None),
]


def _texts(document: docx.document.Document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def test_tags_follow_contributed_paragraphs_only(questionnaires: dict[str, Questionnaire]
                                                 ) -> None:
    q = questionnaires["gacsa-report-2026"]
    document, _ = rendered_docx(q, "Japan", {}, ANSWERS, ExportOptions(
        attribution=ATTRIBUTION, contributors_annex=True,
        contributors=(("NPA", "National Police Agency", ("1.1", "1.2")),
                      ("MEXT", "Ministry of Education", ("1.1",)))))
    texts = _texts(document)
    at = texts.index("Our opening.")
    assert texts[at:at + 4] == [t for t, _ in EXPECTED]
    paragraph = next(p for p in document.paragraphs if p.text == EXPECTED[1][0])
    runs: list[list[str]] = []
    for r in paragraph.runs:  # neighbouring runs of one format read as one
        flags = "b" if r.bold else ""
        if runs and runs[-1][1] == flags:
            runs[-1][0] += r.text
        else:
            runs.append([r.text, flags])
    assert runs == EXPECTED[1][1]
    assert "A unit." in texts and "Staffed by 20. (NPA)" in texts
    assert texts[-1] == "Annex: contributors"
    table = document.tables[-1]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Contributor", "Questions"], ["National Police Agency (NPA)", "1.1, 1.2"],
        ["Ministry of Education (MEXT)", "1.1"]]


def test_without_the_option_nothing_is_added(questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["gacsa-report-2026"]
    document, _ = rendered_docx(q, "Japan", {}, ANSWERS)
    texts = _texts(document)
    assert not any("(NPA)" in t for t in texts) and "Annex: contributors" not in texts


@pytest.mark.parametrize("language, tagged", [("ja", "警察の統計。（NPA）"),
                                              ("fr", "警察の統計。 (NPA)")])
def test_language_conventions(questionnaires: dict[str, Questionnaire], language: str,
                              tagged: str) -> None:
    q = questionnaires["ohchr-civic-space-2021"].model_copy(update={"language": language})
    document, _ = rendered_docx(q, "日本", {}, {"q1": "警察の統計。"},
                                ExportOptions(attribution={"q1": ("NPA",)}))
    assert tagged in _texts(document)
