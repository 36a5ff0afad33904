"""The exported text is exactly what was counted: read back, each answer counts the same."""

from __future__ import annotations

import io
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultdesk.domain.counting import count_paragraphs
from consultdesk.domain.questionnaire import Convention, Questionnaire, Unit
from consultdesk.domain.response import counted_items
from consultdesk.domain.rich_text import parse_markdown
from consultdesk.formats.docx_export import BlockDisplay, ExportOptions, render_document
from consultdesk.formats.docx_export.readback import read_answers
from consultdesk.services.catalog import load_bundled

RICH = (
    "Intro with **bold**, *italic* and ***both***, a tab\there and a line  \nbreak.\n\n"
    "1. first\n2. second\n   - nested *bullet*\n     1. deeper number\n   - more\n\n"
    "   a second paragraph of item two\n3. third\n\n"
    "Between lists.\n\n"
    "5. a list starting at five\n6. six\n\n"
    "- 日本語の回答です。絵文字👍🏽とé\n- Français : « guillemets » et espaces insécables\n"
)


@cache
def _ohchr() -> Questionnaire:
    """The OHCHR questionnaire, loaded once for the property tests."""
    return load_bundled()["ohchr-civic-space-2021"]


def _read_back(questionnaire: Questionnaire, answers: dict[str, object],
               options: ExportOptions = ExportOptions()) -> dict[int, tuple]:
    rendered = render_document(questionnaire, "T", {}, answers, options)  # type: ignore[arg-type]
    buffer = io.BytesIO()
    rendered.document.save(buffer)
    buffer.seek(0)
    return read_answers(buffer)


def _assert_same_counts(questionnaire: Questionnaire, answers: dict[str, object],
                        options: ExportOptions = ExportOptions()) -> int:
    """Every counted answer: read back equals parsed, and counts equal in every unit."""
    back = _read_back(questionnaire, answers, options)
    items = counted_items(questionnaire, answers)  # type: ignore[arg-type]
    checked = 0
    for index, item in enumerate(items):
        paragraphs = back.get(index, ())
        qid, _, rest = item.id.partition("[")
        if rest:
            entry, field = rest.split("].")
            text = answers[qid][int(entry)].get(field, "")  # type: ignore[index]
        else:
            text = answers.get(qid, "") or ""
        assert paragraphs == parse_markdown(text), item.id
        # The count the app shows, and the same count on what the .docx holds.
        assert count_paragraphs(paragraphs, item.count.limit.unit if item.count.limit
                                else Unit.CHARACTERS_WITH_SPACES,
                                questionnaire.convention) == item.count.value, item.id
        checked += 1
    return checked


@pytest.mark.parametrize("convention", list(Convention))
def test_rich_answer_reads_back_with_identical_counts(
        questionnaires: dict[str, Questionnaire], convention: Convention) -> None:
    q = questionnaires["ohchr-civic-space-2021"].model_copy(update={"convention": convention})
    answers = {"q1": RICH, "q2": "Plain.", "q3": RICH.replace("1.", "2.")}
    assert _assert_same_counts(q, answers) == 6


def test_every_unit_counts_the_same_on_the_docx(questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    back = _read_back(q, {"q1": RICH})[0]
    for convention in Convention:
        for unit in Unit:
            assert count_paragraphs(back, unit, convention) == \
                count_paragraphs(parse_markdown(RICH), unit, convention)


def test_repeating_block_fields_read_back_in_entries_and_table(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["sr-expression-call-2026"]
    answers = {"laws": RICH, "measures": [
        {"description": "A **hotline**.\n\n- one\n- two", "lead": "MoJ"},
        {"description": RICH}]}
    for blocks in BlockDisplay:
        assert _assert_same_counts(q, answers, ExportOptions(blocks=blocks)) == 5


def test_numbering_restarts_in_each_answer(questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    back = _read_back(q, {"q1": "1. a\n2. b\n", "q2": "1. c\n2. d\n"})
    assert [p.ordinal for p in back[0]] == [1, 2] and [p.ordinal for p in back[1]] == [1, 2]


_WORD = st.text(alphabet=st.sampled_from(list("abcXYZ éü日本👍\t.,;")), min_size=1, max_size=8)
_INLINE = st.lists(
    st.tuples(_WORD, st.sampled_from(["", "**", "*", "***"])), min_size=1, max_size=5
).map(lambda parts: " ".join(f"{m}{w.strip() or 'x'}{m}" if m else w for w, m in parts))
_BLOCK = st.one_of(
    _INLINE,
    st.lists(st.tuples(st.sampled_from(["- ", "1. ", "  - ", "   1. "]), _INLINE),
             min_size=1, max_size=4).map(
        lambda items: "\n".join(marker + text for marker, text in items)),
)
_MARKDOWN = st.lists(_BLOCK, min_size=1, max_size=5).map("\n\n".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MARKDOWN, st.sampled_from(list(Convention)))
def test_any_answer_reads_back_as_parsed_and_counted(markdown: str,
                                                     convention: Convention) -> None:
    q = _ohchr().model_copy(update={"convention": convention})
    back = _read_back(q, {"q1": markdown}).get(0, ())
    assert back == parse_markdown(markdown)
    for unit in Unit:
        assert count_paragraphs(back, unit, convention) == \
            count_paragraphs(parse_markdown(markdown), unit, convention)


_ANY_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"),
                           blacklist_characters="\ufffe\uffff") | st.sampled_from(
        list("\n\t *_-+1.)\\<&#>`[]!")),
    max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ANY_TEXT)
def test_arbitrary_typed_text_reads_back_as_parsed(text: str) -> None:
    """Whatever a person types (markup characters, any script), the .docx holds what is counted."""
    back = _read_back(_ohchr(), {"q1": text}).get(0, ())
    assert back == parse_markdown(text)
