"""Contributions in the response window: assign from the navigator, the board's states,
receiving by drag and drop, merging each way, and undo."""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from consultdesk.app_context import AppContext
from consultdesk.ui.response_window import ResponseWindow

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
from contribution_filling import Doc, word_fills_control

GACSA = "gacsa-report-2026"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def rid(app_context: AppContext) -> str:
    rid = app_context.responses.create(GACSA, "Japan 2026", respondent={
        "state": "Japan", "institution": "Ministry of Foreign Affairs"},
        answers={"t1_summary": "Our opening.\n\nOur closing.\n"})
    app_context.contributions.add_contributor("NPA", "National Police Agency")
    app_context.contributions.add_contributor("MEXT", "Ministry of Education")
    return rid


def open_window(qtbot, context: AppContext, rid: str) -> ResponseWindow:
    window = ResponseWindow(context, rid)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def click_item(qtbot, window: ResponseWindow, qid: str, modifier=Qt.KeyboardModifier.NoModifier
               ) -> None:
    tree = window.navigator.tree
    rect = tree.visualItemRect(window.navigator.item(qid))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def reply_file(context: AppContext, rid: str, tmp_path: Path, text: list[str]) -> Path:
    request = context.contributions.write_request(rid, "NPA", tmp_path / "request.docx")
    doc = Doc(request)
    word_fills_control(doc, "t1_summary", text)
    doc.save(tmp_path / "reply.docx")
    return tmp_path / "reply.docx"


def drop(window: ResponseWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(window.width() / 2, window.height() / 2)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)


def test_assign_several_questions_from_the_navigator(qtbot, app_context: AppContext,
                                                      rid: str) -> None:
    window = open_window(qtbot, app_context, rid)
    click_item(qtbot, window, "t1_summary")
    click_item(qtbot, window, "t2_summary", CTRL)
    click_item(qtbot, window, "t1_done", CTRL)
    assert window.navigator.selected_keys() == ["t1_summary", "t1_done", "t2_summary"]
    dialog = window.contributions.assign()
    assert dialog is not None and dialog.isVisible()
    dialog.contributor.setCurrentIndex(dialog.contributor.findData("NPA"))
    qtbot.keyClicks(dialog.note, "2026 figures")
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    board = app_context.contributions.board(rid)
    assert [(r.item.key, r.contributor.tag, r.note) for r in board] == [
        ("t1_summary", "NPA", "2026 figures"), ("t1_done[+]", "NPA", "2026 figures"),
        ("t2_summary", "NPA", "2026 figures")]


def test_board_states_and_filters(qtbot, app_context: AppContext, rid: str,
                                  tmp_path: Path) -> None:
    c = app_context.contributions
    c.assign(rid, ["t1_summary"], "NPA", due=date.today() + timedelta(days=10))
    c.assign(rid, ["t2_summary"], "MEXT", due=date.today() - timedelta(days=3))
    c.receive(reply_file(app_context, rid, tmp_path, ["Police data."]))
    window = open_window(qtbot, app_context, rid)
    board = window.contributions.show_board()
    qtbot.waitUntil(board.isVisible)

    def shown() -> list[tuple[str, str, str]]:
        return [(board.table.item(n, 1).text(), board.table.item(n, 2).text(),
                 board.table.item(n, 4).text()) for n in range(board.table.rowCount())]

    assert shown() == [("National Police Agency (NPA)", "Received", "12 / 1,500"),
                       ("Ministry of Education (MEXT)", "Overdue", "")]
    assert board.table.item(1, 2).foreground().color().name() == "#b42318"
    assert board.summary.text() == "2 assigned, 1 overdue, 1 to merge"
    board.status.setCurrentIndex(board.status.findData("overdue"))
    assert shown() == [("Ministry of Education (MEXT)", "Overdue", "")]
    board.status.setCurrentIndex(0)
    board.who.setCurrentIndex(board.who.findData("NPA"))
    assert [s[1] for s in shown()] == ["Received"]
    board.table.selectRow(0)
    board.merge_selected()
    qtbot.waitUntil(window.contributions.panel.isVisible)
    qtbot.mouseClick(window.contributions.panel.append_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: [s[1] for s in shown()] == ["Merged"])


def test_receive_by_drag_and_drop_then_merge_each_way_and_undo(
        qtbot, app_context: AppContext, rid: str, tmp_path: Path) -> None:
    app_context.contributions.assign(rid, ["t1_summary"], "NPA")
    window = open_window(qtbot, app_context, rid)
    drop(window, reply_file(app_context, rid, tmp_path, ["Police data."]))
    panel = window.contributions.panel
    qtbot.waitUntil(panel.isVisible)
    assert window.current_key() == "t1_summary"
    assert "National Police Agency (NPA)" in panel.who.text()
    assert panel.editor.editor.toPlainText() == "Police data."
    assert panel.editor.counter.isVisible()
    editor = window.answers.text_editor.editor

    def stored() -> str:
        return app_context.responses.load(rid).answers["t1_summary"]

    # Append.
    qtbot.mouseClick(panel.append_button, Qt.MouseButton.LeftButton)
    assert stored() == "Our opening.\n\nOur closing.\n\nPolice data.\n"
    assert editor.toPlainText() == "Our opening.\nOur closing.\nPolice data."
    # Undo merge puts it back, in the editor and in the database.
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert stored() == "Our opening.\n\nOur closing.\n"
    assert editor.toPlainText() == "Our opening.\nOur closing."
    # Insert at the cursor (after the first paragraph).
    editor.setFocus()
    cursor = editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    editor.setTextCursor(cursor)
    qtbot.mouseClick(panel.insert_button, Qt.MouseButton.LeftButton)
    assert stored() == "Our opening.\n\nPolice data.\n\nOur closing.\n"
    # Ctrl+Z in the answer takes the merge back like any edit, and autosave keeps that.
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "Our opening.\nOur closing."
    window.answers.flush_pending()
    window.session.autosave.flush()
    assert stored() == "Our opening.\n\nOur closing.\n"
    # Edit first, then replace.
    qtbot.mouseClick(panel.edit_button, Qt.MouseButton.LeftButton)
    contribution = panel.editor.editor
    contribution.setFocus()
    cursor = contribution.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    contribution.setTextCursor(cursor)
    qtbot.keyClicks(contribution, " Checked.")
    qtbot.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    assert stored() == "Police data. Checked.\n"
    assert editor.toPlainText() == "Police data. Checked."
    assert app_context.contributions.paragraph_tags(rid) == {"t1_summary": ["NPA"]}
    assert QPoint  # keep the import used on every Qt version


def test_dropping_what_is_no_request_says_so(qtbot, app_context: AppContext, rid: str,
                                             tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *a, **k: said.append(text))
    memo = tmp_path / "memo.docx"
    memo.write_bytes(b"not a document")
    window = open_window(qtbot, app_context, rid)
    drop(window, memo)
    assert said == ["memo.docx: not a Word document (.docx)"]


def test_a_contributor_answers_the_request_in_consultdesk(qtbot, app_context: AppContext,
                                                          rid: str, tmp_path: Path) -> None:
    from consultdesk.ui.contributions.reply_dialog import open_reply_dialog

    c = app_context.contributions
    c.assign(rid, ["t1_summary", "t1_done[+]"], "NPA")
    request = c.write_request(rid, "NPA", tmp_path / "request.docx")
    dialog = open_reply_dialog(c, None, request)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(dialog.isVisible)
    assert list(dialog.editors) == ["t1_summary", "t1_done[+].description",
                                    "t1_done[+].authority"]
    summary = dialog.editors["t1_summary"]
    summary.editor.setFocus()
    qtbot.keyClicks(summary.editor, "Police identified 312 victims.")
    summary.flush_pending()
    assert summary.count.value == 30 and summary.count.limit.amount == 1500
    assert "30" in summary.counter.text_for(summary.count)
    qtbot.keyClicks(dialog.editors["t1_done[+].description"].editor, "A new unit.")
    reply = dialog.save(tmp_path / "reply.docx")
    assert reply == tmp_path / "reply.docx"
    result = c.receive(reply)
    assert {r.item.key: r.contribution.value for r in result.added} == {
        "t1_summary": "Police identified 312 victims.",
        "t1_done[+]": {"description": "A new unit."}}


def test_export_dialog_asks_for_tags_and_the_annex(qtbot, app_context: AppContext, rid: str,
                                                   tmp_path: Path) -> None:
    import docx

    from consultdesk.ui.response_window.export_flow import export_to
    from consultdesk.ui.response_window.export_options_dialog import ExportOptionsDialog

    c = app_context.contributions
    c.assign(rid, ["t1_summary"], "NPA")
    c.receive(reply_file(app_context, rid, tmp_path, ["Police data."]))
    [row] = [r for r in c.board(rid) if r.contribution]
    c.merge(row.contribution.id)
    dialog = ExportOptionsDialog(app_context.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    for box in (dialog.attribution, dialog.contributors_annex):
        assert box.isVisible()
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    options = dialog.options()
    out = export_to(app_context, rid, tmp_path / "out.docx", allow_over_limit=False,
                    options=options)
    texts = [p.text for p in docx.Document(str(out.path)).paragraphs if p.text.strip()]
    assert "Our opening." in texts and "Police data. (NPA)" in texts
    assert texts[-1] == "Annex: contributors"
