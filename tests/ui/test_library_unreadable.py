"""The library with a response whose stored data cannot be read: listed, marked, explained."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from consultdesk.app_context import AppContext
from consultdesk.ui.library.responses_model import Column
from consultdesk.ui.library.window import LibraryWindow


def test_an_unreadable_response_is_listed_marked_and_opens_to_a_clear_message(
        qtbot, modal, data_dir: Path) -> None:
    context = AppContext.open(data_dir)
    good = context.responses.create("ohchr-civic-space-2021", "Readable")
    bad = context.responses.create("ohchr-civic-space-2021", "Damaged one")
    context.close()
    conn = sqlite3.connect(data_dir / "consultdesk.sqlite3")
    conn.execute("UPDATE response SET updated_at = 'not a date' WHERE id = ?", (bad,))
    conn.commit()
    conn.close()

    context = AppContext.open(data_dir)  # the app's start: must not fail
    try:
        window = LibraryWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        rows = {str(window.proxy.index(r, Column.TITLE).data()): r
                for r in range(window.proxy.rowCount())}
        assert set(rows) == {"Readable", "Damaged one"}
        row = rows["Damaged one"]
        assert window.proxy.index(row, Column.STATUS).data() == "Cannot be read"
        tip = window.proxy.index(row, Column.TITLE).data(Qt.ItemDataRole.ToolTipRole)
        assert "not a date" in tip

        messages: list[str] = []

        def read(box: QMessageBox) -> None:
            messages.append(box.text())
            box.close()

        modal(read)
        rect = window.table.visualRect(window.proxy.index(row, Column.TITLE))
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton,
                          pos=rect.center())
        qtbot.waitUntil(lambda: bool(messages), timeout=10000)
        assert "cannot be read" in messages[0] and "consultdesk repair" in messages[0]
        assert "not a date" in messages[0]
        assert context.responses.load(good).title == "Readable"
    finally:
        context.close()
