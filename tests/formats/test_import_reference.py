"""The OHCHR questionnaire, rebuilt as the blank .docx the issuer sent, imports to the bundle."""

from __future__ import annotations

from pathlib import Path

from corpus.reference import (
    build_eu_consultation_docx,
    build_reference_docx,
    reference_questions,
)

from consultdesk.domain.definition_file import definition_to_toml, load_definition
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_import import import_docx, read_docx
from consultdesk.paths import templates_dir

BUNDLED = templates_dir() / "questionnaires" / "ohchr-civic-space-2021.toml"


def test_reference_has_six_questions() -> None:
    # Guards the builder: it must find every question of the real response.
    assert [n for n, _ in reference_questions()] == ["1", "2", "3", "4", "5", "6"]


def test_reference_docx_imports_to_the_bundled_definition(tmp_path: Path) -> None:
    path = tmp_path / "ohchr-questionnaire.docx"
    build_reference_docx(path)
    imported = import_docx(path, "ohchr-civic-space-2021")
    bundled = load_definition(BUNDLED)
    assert imported.title == bundled.title
    assert [(q.id, q.number, q.text, q.kind, q.limit) for q in imported.questions()] == [
        (q.id, q.number, q.text, q.kind, q.limit) for q in bundled.questions()]
    assert [(s.id, s.title) for s, _ in imported.walk_sections()] == [
        (s.id, s.title) for s, _ in bundled.walk_sections()]
    assert [(f.id, f.label) for f in imported.respondent_fields] == [
        (f.id, f.label) for f in bundled.respondent_fields]


def test_reference_definition_round_trips_through_toml(tmp_path: Path) -> None:
    path = tmp_path / "ohchr-questionnaire.docx"
    build_reference_docx(path)
    imported = import_docx(path)
    saved = tmp_path / "imported.toml"
    saved.write_text(definition_to_toml(imported), encoding="utf-8")
    assert load_definition(saved) == imported


def test_reference_lines_have_the_expected_roles(tmp_path: Path) -> None:
    path = tmp_path / "ohchr-questionnaire.docx"
    build_reference_docx(path)
    roles = [line.role.value for line in read_docx(path).lines]
    assert roles == ["title", "instruction", "section", "respondent", "respondent", "section",
                     *["question"] * 6]


EU = templates_dir() / "questionnaires" / "eu-digital-consultation-2026.toml"


def _shape(q: Questionnaire) -> list[tuple[object, ...]]:
    """Each question as the form shows it (ids aside: the bundle chose its own)."""
    numbers = {x.id: x.number for x in q.questions()}
    return [(x.number, x.text, x.kind,
             (x.limit.amount, x.limit.unit) if x.limit else None,
             [o.label for o in x.options], x.min_choices, x.max_choices,
             (numbers[x.condition.question], x.condition.equals) if x.condition else None)
            for x in q.questions()]


def test_eu_consultation_docx_imports_to_the_bundled_form(tmp_path: Path) -> None:
    path = tmp_path / "eu.docx"
    build_eu_consultation_docx(path)
    imported = import_docx(path)
    bundled = load_definition(EU)
    assert imported.title == bundled.title
    assert _shape(imported) == _shape(bundled)
    assert [s.title for s, _ in imported.walk_sections()] == [
        s.title for s, _ in bundled.walk_sections()]
    assert [(f.label, f.kind, [o.label for o in f.options])
            for f in imported.respondent_fields] == [
        (f.label, f.kind, [o.label for o in f.options]) for f in bundled.respondent_fields]
