"""The preflight dialog words every problem itself (so it can be translated)."""

from __future__ import annotations

from consultdesk.domain.definition_file import load_definition
from consultdesk.domain.response import ProblemKind, preflight
from consultdesk.paths import templates_dir
from consultdesk.ui.response_window.preflight_dialog import PreflightDialog


def test_every_kind_of_problem_reads_as_the_domain_words_it(qtbot) -> None:
    folder = templates_dir() / "questionnaires"
    eu = load_definition(folder / "eu-digital-consultation-2026.toml")
    sr = load_definition(folder / "sr-freedom-of-expression-2026.toml")
    problems = preflight(eu, {}, {"strategy": "yes", "strategy_detail": "x" * 1600,
                                  "priorities": ["safety", "solidarity", "sustainability",
                                                 "freedom_of_choice"],
                                  # references: to a missing and to an unanswered question
                                  "remarks": "See [question 9](#ref:q9) and "
                                             "[question 1](#ref:level)."})
    words = " ".join(["word"] * 1300)
    problems += preflight(sr, {}, {"challenges": words, "good_practice": words,
                                   "measures": [{"description": "w " * 201}]})
    assert {p.kind for p in problems} == set(ProblemKind)
    dialog = PreflightDialog(problems)
    qtbot.addWidget(dialog)
    shown = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    # Untranslated, the dialog's wording is the domain's English message, item by item.
    assert shown == [p.message for p in problems]


def test_a_long_problem_wraps_instead_of_running_past_the_edge(qtbot) -> None:
    folder = templates_dir() / "questionnaires"
    eu = load_definition(folder / "eu-digital-consultation-2026.toml")
    problems = preflight(eu, {}, {"remarks": "See [question 9](#ref:a_question_id_of_last_year) "
                                             "and [question 1](#ref:level)."})
    dialog = PreflightDialog(problems)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(dialog.minimumSize())  # at its narrowest
    qtbot.waitUntil(lambda: dialog.list.viewport().width() < 560)
    view = dialog.list
    assert view.horizontalScrollBar().maximum() == 0  # nothing hidden sideways
    heights = []
    for row in range(view.count()):
        rect = view.visualItemRect(view.item(row))
        assert rect.right() <= view.viewport().width()
        heights.append(rect.height())
    missing = next(r for r in range(view.count())
                   if problems[r].kind is ProblemKind.REFERENCE_MISSING)
    assert heights[missing] > min(heights)  # the long one takes two lines, whole
