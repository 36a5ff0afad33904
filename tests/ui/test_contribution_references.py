"""A contribution saying "Please refer to the reply to question 2.1": offered as a live
reference in the merge panel, merged through the service with the reference."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from tests.ui.test_contributions_ui import drop, open_window, reply_file, rid  # noqa: F401

from consultdesk.app_context import AppContext
from consultdesk.ui.editor.references import reference_at


def test_a_pointer_in_a_contribution_is_merged_as_a_reference(
        qtbot, app_context: AppContext, tmp_path: Path,
        rid: str) -> None:  # noqa: F811 (the fixture imported above)
    app_context.contributions.assign(rid, ["t1_summary"], "NPA")
    window = open_window(qtbot, app_context, rid)
    drop(window, reply_file(app_context, rid, tmp_path,
                            ["Police data. Please refer to the reply to question 2.1."]))
    panel = window.contributions.panel
    qtbot.waitUntil(panel.isVisible)
    box = panel.link_references
    assert box.isVisible() and not box.isChecked()
    assert "(1 found)" in box.text()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    # What will be merged is shown: the words naming the question are now a chip.
    document = panel.editor.editor.document()
    chips = [found for p in range(document.characterCount())
             if (found := reference_at(document, p)) is not None]
    assert chips == [("t2_summary", "question 2.1")]
    qtbot.mouseClick(panel.append_button, Qt.MouseButton.LeftButton)
    assert app_context.responses.load(rid).answers["t1_summary"] == (
        "Our opening.\n\nOur closing.\n\nPolice data. Please refer to the reply to "
        "[question 2.1](#ref:t2_summary).\n")
    editor = window.answers.text_editor.editor
    assert editor.toPlainText().endswith("Please refer to the reply to \ufffc.")


def test_without_ticking_the_words_stay_as_sent(
        qtbot, app_context: AppContext, tmp_path: Path,
        rid: str) -> None:  # noqa: F811 (the fixture imported above)
    app_context.contributions.assign(rid, ["t1_summary"], "NPA")
    window = open_window(qtbot, app_context, rid)
    drop(window, reply_file(app_context, rid, tmp_path, ["See question 3.1 above."]))
    panel = window.contributions.panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.link_references.isVisible()
    qtbot.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    assert app_context.responses.load(rid).answers["t1_summary"] == "See question 3.1 above.\n"
