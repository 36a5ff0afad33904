"""History names who wrote each revision: the app's user, the command line, a merge."""

from __future__ import annotations

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.ui.response_window.history_dialog import HistoryDialog


def test_each_revision_says_who_wrote_it(qtbot, app_context: AppContext) -> None:
    responses = app_context.responses
    rid = responses.create("ohchr-civic-space-2021", "Japan", answers={"q1": "Sato's draft."},
                           author=Author(WriterKind.APP, "Sato"))
    responses.save_answer(rid, "q1", "From a script.", base_version=None,
                          author=Author(WriterKind.CLI, "tanaka"), reason="set")
    refused = responses.save_answer(rid, "q1", "Typed meanwhile.", base_version=1,
                                    author=Author(WriterKind.APP, "Sato"))
    assert not refused.saved
    responses.save_answer(rid, "q1", "Police text.", base_version=None,
                          author=Author(WriterKind.MERGE, "NPA"), reason="merge")
    dialog = HistoryDialog(responses, rid, "q1", responses.load(rid).answers["q1"], "Q1")
    qtbot.addWidget(dialog)
    dialog.show()
    first_lines = [dialog.list.item(i).text().split("\n") for i in range(dialog.list.count())]
    assert [lines[0].split(" · ", 1)[1] for lines in first_lines] == [
        "tanaka (the command line)", "Sato", "Sato"]
    assert [lines[1] for lines in first_lines] == [
        "before merging a contribution", "not saved: changed elsewhere meanwhile",
        "before a command-line change"]
    assert [lines[2] for lines in first_lines] == [
        "From a script.", "Typed meanwhile.", "Sato's draft."]
