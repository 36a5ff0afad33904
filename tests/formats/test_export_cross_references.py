"""Cross-references in Word: REF fields read back point inside their target's answer."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain.counting import measure
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import counted_items, rendered_answers
from consultdesk.domain.rich_text import parse_markdown, to_markdown
from consultdesk.formats.docx_export import ExportOptions, Unanswered, export_response
from consultdesk.formats.docx_export.cross_references import (
    ANSWER_PREFIX,
    MAX_BOOKMARK,
    NUMBER_PREFIX,
    bookmark_keys,
)
from consultdesk.formats.docx_export.readback import (
    CrossReferencesRead,
    read_answers,
    read_cross_references,
)

CASE: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "cross_references.json").read_text(encoding="utf-8"))
QUESTIONNAIRE = Questionnaire.model_validate(CASE["questionnaire"])
ANSWERS: dict[str, Any] = CASE["answers"]


def export(tmp_path: Path, questionnaire: Questionnaire = QUESTIONNAIRE,
           answers: dict[str, Any] = ANSWERS, options: ExportOptions = ExportOptions(),
           name: str = "refs.docx") -> Path:
    path = tmp_path / name
    export_response(questionnaire, "Japan", {"state": "Japan"}, answers, path, options)
    return path


def answer_holding(read: CrossReferencesRead, position: int, keys: dict[str, str]) -> str:
    """The question whose answer bookmark holds a position in the text."""
    by_key = {k: qid for qid, k in keys.items()}
    holding = [b for name, b in read.bookmarks.items()
               if name.startswith(ANSWER_PREFIX) and b.start <= position < b.end]
    assert len(holding) == 1, holding
    return by_key[holding[0].name[len(ANSWER_PREFIX):]]


def test_every_reference_points_inside_its_target_answer(tmp_path: Path) -> None:
    read = read_cross_references(export(tmp_path))
    keys = bookmark_keys(q.id for q in QUESTIONNAIRE.questions())
    by_key = {k: qid for qid, k in keys.items()}
    found = []
    for f in read.fields:
        name = f.ref_bookmark
        assert name is not None and f.instruction == f"REF {name} \\h"
        assert name.startswith(NUMBER_PREFIX) and name in read.bookmarks
        target = by_key[name[len(NUMBER_PREFIX):]]
        number = read.bookmarks[name]
        # The number's bookmark lies inside the target's answer bookmark ...
        assert read.bookmarks[ANSWER_PREFIX + keys[target]].holds(number)
        # ... and the cached result is the target's current number, as its heading shows it.
        assert f.result == number.text == QUESTIONNAIRE.question(target).display_number
        assert f.before.endswith("question ")
        found.append({"in": answer_holding(read, f.start, keys), "target": target,
                      "result": f.result})
    assert found == CASE["expected_fields"]


def test_bookmarks_keep_words_rules(tmp_path: Path) -> None:
    read = read_cross_references(export(tmp_path))
    names = [n for n in read.bookmarks if n.startswith(("_cd_", "_CD_"))]
    assert all(len(n) <= MAX_BOOKMARK and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", n)
               for n in names), names
    assert len({n.casefold() for n in names}) == len(names)
    # Every exported question has both bookmarks (the unnumbered one: its answer only).
    for q in QUESTIONNAIRE.questions():
        key = bookmark_keys(x.id for x in QUESTIONNAIRE.questions())[q.id]
        assert ANSWER_PREFIX + key in read.bookmarks
        assert (NUMBER_PREFIX + key in read.bookmarks) is bool(q.number)


def test_references_without_a_numbered_target_are_their_label(tmp_path: Path) -> None:
    path = export(tmp_path)
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert CASE["expected_text"]["intro"] in texts
    assert CASE["expected_text"]["section-2.question.with.a.very.long.identifier"] in texts


def test_a_reference_to_a_question_left_out_is_text(tmp_path: Path) -> None:
    answers = {k: v for k, v in ANSWERS.items() if k != "measures"}
    path = export(tmp_path, answers=answers, options=ExportOptions(unanswered=Unanswered.OMIT))
    read = read_cross_references(path)
    assert "_cd_num_measures" not in read.bookmarks and "_cd_num_skipped" not in read.bookmarks
    keys = bookmark_keys(q.id for q in QUESTIONNAIRE.questions())
    assert {f.ref_bookmark for f in read.fields} == {NUMBER_PREFIX + keys[t] for t in (
        "q2", "section-2.question.with.a.very.long.identifier", "a-b", "a_b", "intro")}
    assert all(f.ref_bookmark in read.bookmarks for f in read.fields)
    texts = [p.text for p in docx.Document(str(path)).paragraphs]
    assert "Five, see question 8." in texts
    assert CASE["expected_text"]["omitted_skipped"] in texts


def test_the_file_counts_as_check_counts(tmp_path: Path) -> None:
    """What Word shows (labels and field results) counts exactly as the check counts."""
    path = export(tmp_path)
    items = counted_items(QUESTIONNAIRE, ANSWERS)
    back = read_answers(path)
    for index, item in enumerate(items):
        if item.count.value == 0:
            continue
        assert measure(to_markdown(back[index]), item.count.limit).value == item.count.value


def test_a_renumbered_version_exports_the_new_numbers(tmp_path: Path) -> None:
    data = json.loads(json.dumps(CASE["questionnaire"]))
    data["version"] = 4
    data["sections"][0]["questions"][1]["number"] = "3"  # q2 is question 3 now
    renumbered = Questionnaire.model_validate(data)
    read = read_cross_references(export(tmp_path, renumbered))
    results = {f.ref_bookmark: f.result for f in read.fields}
    assert results["_cd_num_q2"] == "3" == read.bookmarks["_cd_num_q2"].text
    texts = [p.text for p in docx.Document(str(tmp_path / "refs.docx")).paragraphs]
    assert "See the answer for question 3." in texts


@pytest.mark.parametrize("qid", ["x" * 80, "9-starts-with-a-digit", "a.b-c_d"])
def test_bookmark_keys_are_always_valid(qid: str) -> None:
    keys = bookmark_keys([qid, qid.upper(), qid + "2"])
    for key in keys.values():
        for prefix in (ANSWER_PREFIX, NUMBER_PREFIX):
            assert len(prefix + key) <= MAX_BOOKMARK
            assert re.fullmatch(r"_[A-Za-z0-9_]*", prefix + key)
    assert len({k.casefold() for k in keys.values()}) == 3


def test_the_annex_lists_every_reference_and_where_its_target_stands(tmp_path: Path) -> None:
    document = docx.Document(str(export(tmp_path, options=ExportOptions(annex=True))))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[-1] == "Cross-references"
    table = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert table == CASE["expected_annex"]
    ja = QUESTIONNAIRE.model_copy(update={"language": "ja"})
    document = docx.Document(str(export(tmp_path, ja, options=ExportOptions(annex=True),
                                        name="ja.docx")))
    table = [[c.text for c in row.cells] for row in document.tables[-1].rows]
    assert table[:2] == CASE["expected_annex_ja_first_rows"]


def test_no_references_no_annex_table(tmp_path: Path) -> None:
    document = docx.Document(str(export(tmp_path, answers={"intro": "No reference here."},
                                        options=ExportOptions(annex=True))))
    assert "Cross-references" not in [p.text for p in document.paragraphs]


_piece = st.sampled_from([
    "See the answer for ", "[question 2](#ref:q2)", "**[question 4](#ref:a-b)**",
    "*[x](#ref:intro)*", "[question 99](#ref:nowhere)", "[self](#ref:unnumbered)",
    "[7](#ref:skipped)", "[8](#ref:measures)", "`[c](#ref:q2)`", "\\[e](#ref:q2)", " and ",
    "\n\n", "\n\n- ", "\n  - ", "\n\n1. ", ". ", "日本", "**bold** ",
    "[long](#ref:section-2.question.with.a.very.long.identifier)",
])


@settings(max_examples=40, deadline=None)
@given(st.lists(_piece, min_size=1, max_size=10).map("".join),
       st.sampled_from(list(Unanswered)))
def test_any_mix_reads_back_pointing_inside_its_target(text: str, unanswered: Unanswered,
                                                       ) -> None:
    import io
    import tempfile

    answers = dict(ANSWERS, intro=text)
    with tempfile.TemporaryDirectory() as tmp:
        path = export(Path(tmp), answers=answers,
                      options=ExportOptions(unanswered=unanswered, annex=True))
        read = read_cross_references(io.BytesIO(path.read_bytes()))
    keys = bookmark_keys(q.id for q in QUESTIONNAIRE.questions())
    by_key = {k: qid for qid, k in keys.items()}
    for f in read.fields:
        name = f.ref_bookmark
        assert name is not None and name in read.bookmarks
        target = by_key[name[len(NUMBER_PREFIX):]]
        assert read.bookmarks[ANSWER_PREFIX + keys[target]].holds(read.bookmarks[name])
        assert f.result == read.bookmarks[name].text == QUESTIONNAIRE.question(target).number
    # What the intro reads is its rendered Markdown's text, fields and all.
    rendered = rendered_answers(QUESTIONNAIRE, answers)["intro"]
    assert isinstance(rendered, str)
    shown = [p.text.strip() for p in parse_markdown(rendered) if p.text.strip()]
    if ANSWER_PREFIX + keys["intro"] not in read.bookmarks:  # an empty answer, left out
        assert unanswered is Unanswered.OMIT and not shown
        return
    intro = read.bookmarks[ANSWER_PREFIX + keys["intro"]].text
    for p in parse_markdown(rendered):
        if p.text.strip():
            assert p.text.strip() in intro


LANGUAGES: dict[str, Any] = CASE["languages"]


@pytest.mark.parametrize("case", LANGUAGES["cases"], ids=[c["language"]
                                                        for c in LANGUAGES["cases"]])
def test_references_read_in_the_questionnaires_language(tmp_path: Path,
                                                        case: dict[str, Any]) -> None:
    """The words around each REF field are the questionnaire's ("pregunta ", "問"), the
    field still caches just the number."""
    questionnaire = QUESTIONNAIRE.model_copy(update={"language": case["language"]})
    read = read_cross_references(export(tmp_path, questionnaire,
                                        {"intro": LANGUAGES["answer"], "q2": "x", "a-b": "y"}))
    assert [(f.result, f.before.endswith(case["before"])) for f in read.fields] == [
        ("2", True), ("4", True)]
    document = docx.Document(str(tmp_path / "refs.docx"))
    assert case["reads"] in [p.text for p in document.paragraphs]


def test_an_export_in_another_language_writes_that_languages_words(tmp_path: Path) -> None:
    """--language es on an English questionnaire: "pregunta " before each field."""
    read = read_cross_references(export(tmp_path, QUESTIONNAIRE, {
        "intro": LANGUAGES["answer"], "q2": "x", "a-b": "y"}, ExportOptions(language="es")))
    assert [(f.result, f.before.endswith("pregunta ")) for f in read.fields] == [
        ("2", True), ("4", True)]
