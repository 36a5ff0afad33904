"""The question panel's section path: one line beside Done / History… / Assign…, cut with
"…" when they leave too little room (a long section title stood one word a line)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from consultdesk.app_context import AppContext
from consultdesk.ui.response_window import ResponseWindow

GACSA = "gacsa-report-2026"
TITLE = ("Policy target 1: Enhancing efforts to identify victims and ensuring that they "
         "receive the necessary assistance, support and protection")


def test_a_long_section_path_is_one_line_cut_with_its_whole_text_in_the_tooltip(
        qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(GACSA, "Japan 2026")
    window = ResponseWindow(app_context, rid)
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.navigator.select("t1_summary")
    label = window.panel.section_label
    QApplication.processEvents()
    assert label.path == TITLE
    assert label.height() < 2 * label.fontMetrics().height()  # one line
    assert label.text().endswith("…") and TITLE.startswith(label.text()[:-1])
    assert label.toolTip() == TITLE
    # Given the room, the whole path and no tooltip.
    window.resize(2400, 700)
    qtbot.waitUntil(lambda: label.text() == TITLE)
    assert label.toolTip() == ""
