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


def test_every_reason_the_app_keeps_a_revision_for_reads_in_japanese(
        qtbot, app_context: AppContext) -> None:
    """Reasons given by the window ("before copying from last time"), the outbox ("offline",
    a save "sent after offline") and the conflict bar were shown as stored, in English."""
    from consultdesk.ui.i18n import Translations

    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "one"})
    author = Author(WriterKind.APP, "Hanako")
    responses = app_context.responses
    responses.take_revision(rid, "q1", "before copying from last time")
    responses.save_answer(rid, "q1", "two", base_version=None, author=author)
    responses.save_answer(rid, "q1", "three", base_version=None, author=author,
                          reason="sent after offline")
    responses.take_revision(rid, "q1", "offline")
    responses.save_answer(rid, "q1", "four", base_version=None, author=author)
    responses.save_answer(rid, "q1", "five", base_version=None, author=author,
                          reason="merged by hand")
    translations = Translations()
    assert translations.install("ja")
    try:
        dialog = HistoryDialog(responses, rid, "q1", "five", "Question 1")
        qtbot.addWidget(dialog)
        reasons = {dialog.list.item(i).text().split("\n")[1]
                   for i in range(dialog.list.count())}
    finally:
        translations.remove()
    assert {"前回の回答を使う前", "オフライン中に入力", "オフライン中の入力を送信する前",
            "手作業で統合する前"} <= reasons, reasons
    assert not [r for r in reasons if r.isascii()], reasons
