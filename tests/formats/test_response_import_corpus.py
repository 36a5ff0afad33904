"""Completed responses in every layout: the exact answers and respondent details recovered.

Prints precision and recall over all (document, question) pairs: a recovered answer
counts as right only when its Markdown is exactly the expected one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from tests.formats.response_corpus.cases import CASES, ResponseCase

from consultdesk.app_context import AppContext

_TALLY = {"right": 0, "wrong": 0, "missed": 0}


@pytest.fixture(scope="module")
def context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppContext]:
    with closing(AppContext.open(tmp_path_factory.mktemp("data"))) as ctx:
        yield ctx


def _by_key(case: ResponseCase, found: dict[str, str], numbers: dict[str, str]
            ) -> dict[str, str]:
    """Recovered answers keyed as the case keys them (question ids, or numbers)."""
    if case.questionnaire is not None:
        return found
    return {numbers[qid]: text for qid, text in found.items()}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_answers_and_respondent_are_recovered_exactly(
        case: ResponseCase, context: AppContext, tmp_path: Path) -> None:
    path = case.path(tmp_path)
    imported = context.response_import.read(path)  # no --questionnaire: the best match
    if case.questionnaire is None:
        assert imported.questionnaire_is_new
    else:
        assert imported.questionnaire.id == case.questionnaire
        assert not imported.questionnaire_is_new
    numbers = {q.id: q.display_number for q in imported.questionnaire.questions()}
    found = _by_key(case, imported.markdown_answers(), numbers)
    for key, expected in case.answers.items():
        got = found.get(key)
        _TALLY["right" if got == expected else "missed"] += 1
        if got is not None and got != expected:
            _TALLY["wrong"] += 1
    _TALLY["wrong"] += len(set(found) - set(case.answers))
    assert found == case.answers
    assert imported.respondent == case.respondent
    # "See the answer for Q1" and "Please refer to the reply to question 3" are pointers
    # (and so are Word's cross-references, read as live references).
    pointers = {qid: a.refers_to for qid, a in imported.answers.items() if a.refers_to}
    assert pointers == case.pointers
    # Saved, it is a response like any other (show --json's shape).
    rid = context.response_import.save(imported)
    data = context.responses.load(rid)
    assert _by_key(case, data.as_json()["answers"], numbers) == case.answers  # type: ignore[arg-type]
    assert data.respondent == case.respondent
    assert data.title == case.name


def test_zz_precision_and_recall_over_the_corpus() -> None:
    """Printed for the report (runs after the cases, by name)."""
    right, wrong, missed = _TALLY["right"], _TALLY["wrong"], _TALLY["missed"]
    if right + wrong + missed == 0:
        pytest.skip("run with the corpus cases")
    precision = right / (right + wrong) if right + wrong else 0.0
    recall = right / (right + missed) if right + missed else 0.0
    print(f"\n  completed responses: {len(CASES)} documents, answer precision "
          f"{precision:.3f} recall {recall:.3f} ({right} exact, {wrong} wrong, {missed} missed)")
    assert precision == 1.0 and recall == 1.0
