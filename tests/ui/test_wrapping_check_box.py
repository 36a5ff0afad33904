"""A tick box with a long text wraps in a narrow place instead of widening it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget
from tests.ui.test_contributions_ui import drop, open_window, reply_file, rid  # noqa: F401

from consultdesk.app_context import AppContext
from consultdesk.ui.wrapping_check_box import WrappingCheckBox

TEXT = ("Turn pointers to other answers (“See the answer for Q2”) into live references "
        "(12 found)")


def test_the_text_wraps_and_clicking_any_line_ticks(qtbot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    box = WrappingCheckBox(TEXT)
    QVBoxLayout(holder).addWidget(box)
    holder.resize(260, 200)
    holder.show()
    qtbot.waitExposed(holder)
    assert box.minimumSizeHint().width() < 260 < box.sizeHint().width()
    assert box.width() <= 260
    line = box.fontMetrics().height()
    assert box.height() >= 3 * line  # three lines or more, none cut
    assert box.text() == TEXT
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() // 2,
                                                               box.height() - line // 2))
    assert box.isChecked()  # a click on the last line's words ticks it, as on one line


def test_the_merge_panel_no_longer_widens_the_window(
        qtbot, app_context: AppContext, tmp_path: Path,
        rid: str) -> None:  # noqa: F811 (the fixture imported above)
    app_context.contributions.assign(rid, ["t1_summary"], "NPA")
    window = open_window(qtbot, app_context, rid)
    drop(window, reply_file(app_context, rid, tmp_path,
                            ["Police data. Please refer to the reply to question 2.1."]))
    panel = window.contributions.panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.link_references.isVisible()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    # The tick box asked for its whole text on one line (~560 px at least); the panel
    # now leaves the answer beside it room to read.
    assert panel.link_references.minimumSizeHint().width() < 300
    box = panel.link_references
    assert box.height() >= box.heightForWidth(box.width())
