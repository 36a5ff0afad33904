"""What you see is what you saved: an answer is spaced the same while typing and reopened."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from consultdesk.app_context import AppContext
from consultdesk.domain.rich_text import parse_markdown
from consultdesk.ui.editor.document_model import fill_document
from consultdesk.ui.response_window import ResponseWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def layout(document: QTextDocument) -> list[tuple]:
    """Each non-blank paragraph's text, spacing, line height, indentation and list level."""
    out = []
    block = document.begin()
    while block.isValid():
        if block.text().strip():
            fmt, text_list = block.blockFormat(), block.textList()
            out.append((block.text(), fmt.topMargin(), fmt.bottomMargin(), fmt.lineHeight(),
                        fmt.lineHeightType(), fmt.indent(),
                        text_list.format().indent() if text_list else None))
        block = block.next()
    return out


def test_typed_answer_is_spaced_as_after_reopening(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create("ohchr-civic-space-2021", "Japan")
    window = ResponseWindow(app_context, rid)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "Intro paragraph.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_8, CTRL | SHIFT)  # a bulleted list
    qtbot.keyClicks(editor, "first")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "second")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # nested
    qtbot.keyClicks(editor, "nested")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # out to the first level
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter on an empty item ends the list
    qtbot.keyClicks(editor, "Between.")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    data = QMimeData()
    data.setHtml("<p>Pasted one</p><ol><li>pasted item</li><li>another</li></ol><p>Last</p>")
    editor.insertFromMimeData(data)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Joined")
    qtbot.keyClick(editor, Qt.Key.Key_Home)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)  # joins "Last" and "Joined"
    window.answers.flush_pending()
    window.session.autosave.flush()
    typed = layout(editor.document())
    markdown = app_context.responses.load(rid).answers["q1"]
    reopened = QTextDocument()
    fill_document(reopened, parse_markdown(markdown))
    assert [row[0] for row in typed] == ["Intro paragraph.", "first", "second", "nested",
                                         "Between.", "Pasted one", "pasted item", "another",
                                         "LastJoined"]
    assert typed == layout(reopened)
    # And the spacing is the intended one: air after paragraphs, items close together.
    assert [row[2] for row in typed] == [8, 3, 3, 8, 8, 8, 3, 8, 8]
