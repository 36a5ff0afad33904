"""Property: whatever valid answer is saved is loaded back exactly."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.errors import AnswerError

SR = "sr-expression-call-2026"

# Any text that can be stored as UTF-8 (no lone surrogates), NUL and controls included.
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, str]]:
    ctx = AppContext.open(Path(tmp_path_factory.mktemp("roundtrip")))
    rid = ctx.responses.create(SR)
    yield ctx, rid
    ctx.close()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts, entries=st.lists(st.fixed_dictionaries({"description": texts}), max_size=5))
def test_saved_answers_load_back_exactly(shared: tuple[AppContext, str], text: str,
                                         entries: list[dict[str, str]]) -> None:
    ctx, rid = shared
    ctx.responses.save_answer(rid, "laws", text, base_version=None, author=TESTER)
    ctx.responses.save_answer(rid, "measures", entries, base_version=None, author=TESTER)
    loaded = ctx.responses.load(rid).answers
    assert loaded.get("laws") == text
    assert loaded.get("measures", []) == entries


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_multiple_choice_loads_back_in_questionnaire_order(
        shared: tuple[AppContext, str], data: st.DataObject) -> None:
    ctx, _ = shared
    questionnaire = ctx.catalog.get("eu-digital-rights-2026")
    options = [o.id for o in questionnaire.question("priorities").choices]
    chosen = data.draw(st.lists(st.sampled_from(options), unique=True))
    rid = ctx.responses.create(questionnaire.id)
    ctx.responses.save_answer(rid, "priorities", chosen, base_version=None, author=TESTER)
    expected = [o for o in options if o in chosen]
    assert ctx.responses.load(rid).answers.get("priorities", []) == expected


def test_unpaired_surrogate_is_a_clear_error_and_keeps_the_previous_text(
        shared: tuple[AppContext, str]) -> None:
    ctx, rid = shared
    ctx.responses.save_answer(rid, "laws", "previous", base_version=None, author=TESTER)
    with pytest.raises(AnswerError, match="cannot be saved"):
        ctx.responses.save_answer(rid, "laws", "broken \ud800 paste",
                                  base_version=None, author=TESTER)
    with pytest.raises(AnswerError, match="cannot be saved"):
        ctx.responses.save_answer(rid, "measures", [{"description": "\udfff"}],
                                  base_version=None, author=TESTER)
    assert ctx.responses.load(rid).answers["laws"] == "previous"
