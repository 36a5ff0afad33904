"""Questionnaire definition files: bundled ones load, bad ones are named precisely."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.definition_file import (
    content_hash,
    definition_to_toml,
    load_definition,
    parse_definition_text,
)
from consultdesk.domain.errors import DefinitionError
from consultdesk.domain.questionnaire import Convention, QuestionKind, Unit
from consultdesk.paths import templates_dir

BUNDLED = sorted((templates_dir() / "questionnaires").glob("*.toml"))
# A copy of shared/reference, so the tests run from any clone.
REFERENCE = Path(__file__).resolve().parents[1] / "data"


def test_the_bundled_ohchr_questionnaire_matches_the_real_consultation() -> None:
    q = load_definition(templates_dir() / "questionnaires" / "ohchr-civic-space-2021.toml")
    assert q.title == "Online consultation with Member States"
    assert [f.label for f in q.respondent_fields] == [
        "Name of the State", "The institution responding to the survey"
    ]
    questions = list(q.questions())
    assert [x.number for x in questions] == ["1", "2", "3", "4", "5", "6"]
    for x in questions:
        assert x.limit is not None
        assert x.limit.as_json() == {"amount": 5000, "unit": "characters_with_spaces",
                                     "approximate": True}
        assert x.limit.describe() == "Maximum limit: approximately 5,000 characters with spaces"
    reference = (REFERENCE / "ohchr-civic-space-response-japan.txt").read_text("utf-8")
    flat = " ".join(reference.split())
    for x in questions:
        assert f"{x.number}. {x.text} (Maximum limit:" in flat


def test_bundled_examples_use_every_feature_together() -> None:
    loaded = [load_definition(p) for p in BUNDLED]
    kinds = {q.kind for d in loaded for q in d.questions()}
    assert kinds == set(QuestionKind)
    units = {q.limit.unit for d in loaded for q in d.questions() if q.limit}
    units |= {f.limit.unit for d in loaded for q in d.questions() for f in q.fields if f.limit}
    assert units == set(Unit)
    assert {d.convention for d in loaded} == set(Convention)
    assert any(d.budgets for d in loaded)
    assert any(q.condition for d in loaded for q in d.questions())
    assert any(s.sections for d in loaded for s in d.sections)
    assert any(q.min_choices and q.max_choices for d in loaded for q in d.questions())


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_toml_writer_round_trips(path: Path) -> None:
    q = load_definition(path)
    again = parse_definition_text(definition_to_toml(q), "round-trip")
    assert again == q
    assert content_hash(again) == content_hash(q)


MINIMAL = """
id = "t"
title = "T"
[[sections]]
id = "s"
[[sections.questions]]
id = "q1"
text = "Question one"
"""


@pytest.mark.parametrize(
    ("patch", "place", "words"),
    [
        ('limit = { amount = 5, unit = "lines" }', "sections[0].questions[0].limit.unit",
         "expected one of"),
        ('limit = { amount = -5 }', "sections[0].questions[0].limit.amount", "greater than 0"),
        ('colour = "red"', "sections[0].questions[0].colour", "unknown key"),
        ('kind = "single_choice"', "sections[0].questions[0]", "at least two options"),
        ('kind = "yes_no"\nlimit = { amount = 5 }', "sections[0].questions[0]",
         "cannot have a limit"),
        ('condition = { question = "nope", equals = "yes" }', "(top level)",
         "not an earlier question"),
        ('kind = "repeating"', "sections[0].questions[0]", "at least one field"),
    ],
)
def test_errors_name_the_file_and_the_place(
    tmp_path: Path, patch: str, place: str, words: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(MINIMAL + patch + "\n", encoding="utf-8")
    with pytest.raises(DefinitionError) as info:
        load_definition(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {place}: ")
    assert words in message
    assert "\n" not in message


def test_nested_place_is_reported_with_indices(tmp_path: Path) -> None:
    text = (templates_dir() / "questionnaires" / "sr-freedom-of-expression-2026.toml").read_text(
        "utf-8")
    text = text.replace('kind = "short_text"\n\n[[sections.sections.questions.fields]]\nid = "lead"',
                        'kind = "short"\n\n[[sections.sections.questions.fields]]\nid = "lead"')
    path = tmp_path / "sr.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DefinitionError, match=r"sections\[1\]\.sections\[0\]\.questions\[0\]"
                                              r"\.fields\[1\]\.kind: expected one of"):
        load_definition(path)


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"id = \n", "not valid TOML"), (b"\xff\xfe\x00junk", "not a UTF-8 text file")],
)
def test_unreadable_files(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "x.toml"
    path.write_bytes(content)
    with pytest.raises(DefinitionError, match=words):
        load_definition(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DefinitionError, match="does not exist$"):
        load_definition(tmp_path / "absent.toml")


def test_duplicate_question_ids_are_refused() -> None:
    text = MINIMAL + '\n[[sections.questions]]\nid = "q1"\ntext = "again"\n'
    with pytest.raises(DefinitionError, match="duplicate question id 'q1'"):
        parse_definition_text(text, "dup.toml")
