"""The History list: each revision on three lines (when · who, why, what), an empty one said
as such, the Japanese reason whole (not elided to nothing)."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.ui.response_window.history_dialog import HistoryDialog

OHCHR = "ohchr-civic-space-2021"


def test_entries_are_apart_and_an_empty_revision_says_so(qtbot,
                                                         app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "first text"})
    author = Author(WriterKind.APP, "Hanako")
    app_context.responses.save_answer(rid, "q1", "", base_version=None, author=author)
    app_context.responses.save_answer(rid, "q1", "final", base_version=None, author=author)
    dialog = HistoryDialog(app_context.responses, rid, "q1", "final", "Question 1")
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(texts) == 2 and all(len(t.split("\n")) == 3 for t in texts)
    assert texts[0].split("\n")[2] == "(empty answer)"  # the newest kept: the empty one
    assert texts[1].split("\n")[2] == "first text"
    assert "Hanako" in texts[0].split("\n")[0]
    assert dialog.list.alternatingRowColors() and dialog.list.spacing() > 0
    # The longest reason line fits the list (nothing elided to "…").
    metrics = QFontMetrics(dialog.list.font())
    widest = max(metrics.horizontalAdvance(t.split("\n")[1]) for t in texts)
    assert widest < dialog.list.viewport().width()
