"""The answer editor: document model, counter, overflow highlight, shortcuts, paste, input methods."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication

from consultdesk.domain.counting import Status, measure
from consultdesk.domain.questionnaire import Convention, Limit, Unit
from consultdesk.domain.rich_text import ListType, parse_markdown, to_markdown
from consultdesk.ui.editor.answer_editor import AnswerEditor
from consultdesk.ui.editor.document_model import document_paragraphs, fill_document
from consultdesk.ui.editor.paste_filter import paragraphs_from_html

ROUND_TRIPS = [
    "Plain paragraph.\n",
    "First with **bold** and *italic* and ***both***.\n\nSecond paragraph.\n",
    "Line one\\\nline two\n",
    "- a\n- b\n  - nested\n    1. deep\n    2. deeper\n- c\n",
    "1. one\n2. two\n\nBetween.\n\n1. again\n",
    "- item\n\n  continued paragraph\n- next\n",
    "日本語の回答です。**重要**な点。\n",
]


@pytest.mark.parametrize("markdown", ROUND_TRIPS)
def test_document_round_trip_keeps_every_paragraph(qapp: QApplication, markdown: str) -> None:
    doc = QTextDocument()
    fill_document(doc, parse_markdown(markdown))
    back = document_paragraphs(doc).paragraphs
    assert back == parse_markdown(markdown)
    assert parse_markdown(to_markdown(back)) == parse_markdown(markdown)


def overflow_text(widget: AnswerEditor) -> str | None:
    """The highlighted excess (None when nothing is highlighted)."""
    selections = widget.editor.extraSelections()  # keep the list alive while reading
    if not selections:
        return None
    texts = [s.cursor.selectedText() for s in selections]
    # One selection per paragraph, none across a paragraph's end: a selected separator is
    # the pink sliver after each line and in the gap between paragraphs.
    assert not any("\u2029" in t for t in texts)
    return "\u2029".join(texts)


class Reports(list):
    """What the editor reported (key, Markdown, count), in order."""

    def __init__(self, qtbot, widget: AnswerEditor) -> None:
        super().__init__()
        self._qtbot, self._widget = qtbot, widget

    def latest(self) -> tuple:
        """The last report, once the editor has reported its last change (just after it)."""
        self._qtbot.waitUntil(lambda: not self._widget.pending, timeout=3000)
        return self[-1]


def make_editor(qtbot, markdown: str = "", limit: Limit | None = None,
                convention: Convention = Convention.DOCUMENT) -> tuple[AnswerEditor, Reports]:
    widget = AnswerEditor()
    qtbot.addWidget(widget)
    doc = QTextDocument(widget)
    fill_document(doc, parse_markdown(markdown))
    edits = Reports(qtbot, widget)
    widget.edited.connect(lambda key, md, count: edits.append((key, md, count)))
    widget.show_document("q", doc, limit, convention)
    widget.resize(700, 400)
    widget.show()
    # Shortcuts only fire in the active window, for the focused widget, as for a person.
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    widget.editor.setFocus()
    return widget, edits


def test_typing_updates_counter_and_reports_markdown(qtbot) -> None:
    limit = Limit(amount=5000, approximate=True)
    widget, edits = make_editor(qtbot, limit=limit)
    qtbot.keyClicks(widget.editor, "Hello world")
    assert widget.counter.label.text() == "11 / ~5,000 characters (with spaces)"
    key, markdown, count = edits.latest()
    assert (key, markdown, count.value) == ("q", "Hello world\n", 11)
    assert count == measure(markdown, limit)


def test_counter_wording_per_unit_and_portal(qtbot) -> None:
    words = Limit(amount=300, unit=Unit.WORDS)
    widget, _ = make_editor(qtbot, "one two three", limit=words)
    assert widget.counter.label.text() == "3 / 300 words"
    portal = Limit(amount=1000, unit=Unit.CHARACTERS_WITHOUT_SPACES)
    widget, _ = make_editor(qtbot, "a b\n\nc", limit=portal, convention=Convention.WEB_FORM)
    assert widget.counter.label.text() == "3 / 1,000 characters (no spaces) as the portal counts"
    widget, _ = make_editor(qtbot, "abc")
    assert widget.counter.label.text() == "3 characters (with spaces)"
    assert not widget.counter.bar.isVisibleTo(widget)


def test_web_form_count_is_what_the_portal_sees(qtbot) -> None:
    # A line break is 2 (CRLF) and a list marker is typed text in a portal.
    limit = Limit(amount=100)
    widget, _ = make_editor(qtbot, "ab\n\n- c\n", limit=limit, convention=Convention.WEB_FORM)
    assert widget.count is not None and widget.count.value == len("ab") + 2 + len("- c")


def test_passing_the_limit_highlights_exactly_the_excess(qtbot) -> None:
    widget, edits = make_editor(qtbot, limit=Limit(amount=10))
    qtbot.keyClicks(widget.editor, "0123456789")
    assert widget.editor.extraSelections() == []
    assert edits.latest()[2].status is Status.NEAR
    qtbot.keyClicks(widget.editor, "XYZ")
    assert overflow_text(widget) == "XYZ"
    assert edits.latest()[2].status is Status.OVER
    assert widget.counter.label.text() == "13 / 10 characters (with spaces) — 3 over"
    qtbot.keyClick(widget.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(widget.editor, Qt.Key.Key_Backspace)
    qtbot.keyClick(widget.editor, Qt.Key.Key_Backspace)
    assert widget.editor.extraSelections() == []


def test_overflow_across_paragraphs_tints_only_their_text(qtbot) -> None:
    # "abcdefgh" + paragraph break (counted as 2) + "second" + "third": the cut in the first.
    widget, _ = make_editor(qtbot, "abcdefgh\n\nsecond\n\nthird", limit=Limit(amount=5))
    selections = widget.editor.extraSelections()
    assert [s.cursor.selectedText() for s in selections] == ["fgh", "second", "third"]
    document = widget.editor.document()
    for selection in selections:  # none reaches the end of its paragraph's block
        block = document.findBlock(selection.cursor.selectionStart())
        assert selection.cursor.selectionEnd() <= block.position() + block.length() - 1


def test_overflow_position_counts_utf16_for_emoji(qtbot) -> None:
    # Qt positions are UTF-16 units: an emoji before the cut must not shift the highlight.
    widget, _ = make_editor(qtbot, "👍🏽abcdef", limit=Limit(amount=4))
    assert overflow_text(widget) == "def"


def test_bold_and_italic_shortcuts(qtbot) -> None:
    widget, edits = make_editor(qtbot)
    qtbot.keyClicks(widget.editor, "plain ")
    qtbot.keyClick(widget.editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget.editor, "strong")
    qtbot.keyClick(widget.editor, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget.editor, " ")
    qtbot.keyClick(widget.editor, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget.editor, "slanted")
    assert edits.latest()[1] == "plain **strong** *slanted*\n"
    assert widget.editor.action_italic.isChecked()


def test_list_shortcuts_nesting_and_leaving_a_list(qtbot) -> None:
    widget, edits = make_editor(qtbot)
    editor = widget.editor
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(editor, Qt.Key.Key_8, ctrl_shift)
    qtbot.keyClicks(editor, "first")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)  # nest
    qtbot.keyClicks(editor, "inner")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Backtab)  # back out
    qtbot.keyClicks(editor, "second")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Enter on an empty item ends the list
    qtbot.keyClicks(editor, "after")
    assert edits.latest()[1] == "- first\n  - inner\n- second\n\nafter\n"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_7, ctrl_shift)
    qtbot.keyClicks(editor, "numbered")
    last = parse_markdown(edits.latest()[1])[-1]
    assert (last.text, last.list_type, last.ordinal) == ("numbered", ListType.ORDERED, 1)


def test_undo_and_redo(qtbot) -> None:
    widget, edits = make_editor(qtbot, "kept")
    editor = widget.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(editor, " typed")
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert edits.latest()[1] == "kept\n"
    qtbot.keyClick(editor, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edits.latest()[1] == "kept typed\n"


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<style><!-- p.MsoNormal {margin:0cm; font-family:"Calibri",sans-serif;} --></style></head>
<body lang=EN-GB><!--StartFragment-->
<p class=MsoNormal><span style='font-size:14.0pt;color:red;font-family:"Times New Roman"'>Intro
with <b>bold</b> and <i>italic</i> and a <a href="http://example.org">link</a>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;
</span></span><![endif]>First point<o:p></o:p></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span
style='font-family:"Courier New"'>o<span>&nbsp;&nbsp; </span></span><![endif]>Nested
<span style='font-weight:bold'>point</span><o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span
style='font-family:Symbol'>·<span>&nbsp;&nbsp; </span></span><![endif]>Second point<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>1.<span>&nbsp;&nbsp;
</span></span><![endif]>Numbered one<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span>2.<span>&nbsp;
</span></span><![endif]>Numbered two<o:p></o:p></p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>Cell text</p></td></tr></table>
<p class=MsoNormal><img width=20 height=20 src="file:///C:/image001.png">After image,
<u>underlined</u> and <span style='font-size:20pt;background:yellow'>big</span></p>
<!--EndFragment--></body></html>"""

WORD_MARKDOWN = (
    "Intro with **bold** and *italic* and a link.\n\n"
    "- First point\n  - Nested **point**\n- Second point\n\n"
    "1) Numbered one\n2) Numbered two\n\n"
    "Cell text\n\nAfter image, underlined and big\n"
)


def test_paste_from_word_keeps_only_bold_italic_and_lists(qtbot) -> None:
    widget, edits = make_editor(qtbot)
    mime = QMimeData()
    mime.setHtml(WORD_HTML)
    mime.setText("ignored when HTML is there")
    widget.editor.insertFromMimeData(mime)
    assert parse_markdown(edits.latest()[1]) == parse_markdown(WORD_MARKDOWN)
    # Nothing but weight and slant survives in the document itself.
    doc = widget.editor.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.fontUnderline() and not fmt.isAnchor()
            assert not fmt.hasProperty(fmt.Property.ForegroundBrush)
            assert not fmt.hasProperty(fmt.Property.BackgroundBrush)
            assert not fmt.hasProperty(fmt.Property.FontPointSize)
            it += 1
        block = block.next()


def test_paste_from_a_web_page() -> None:
    html = ("<h1>Title</h1><p style='color:#333'>Some <strong>strong</strong> <em>em</em> "
            "<span style='font-weight:600'>semi</span> <code>code</code> "
            "<a href='https://x.org'>link</a></p><ul><li>a<ol><li>b</li></ol></li></ul>"
            "<blockquote>quoted</blockquote><img src='x.png'>")
    paragraphs = paragraphs_from_html(html)
    assert to_markdown(paragraphs) == (
        "**Title**\n\nSome **strong** *em* **semi** code link\n\n- a\n  1. b\n\nquoted\n")


def test_plain_text_paste_keeps_lines_as_paragraphs(qtbot) -> None:
    widget, edits = make_editor(qtbot)
    mime = QMimeData()
    mime.setText("one\r\ntwo *not bold*")
    widget.editor.insertFromMimeData(mime)
    assert parse_markdown(edits.latest()[1])[1].text == "two *not bold*"


def test_japanese_through_an_input_method_counts_committed_text(qtbot) -> None:
    widget, edits = make_editor(qtbot, limit=Limit(amount=10))
    editor = widget.editor
    editor.setFocus()
    # Pre-edit (composition) text is shown but is not in the answer: the count stays 0.
    preedit = QInputMethodEvent("にほんご", [])
    QApplication.sendEvent(editor, preedit)
    assert widget.counter.label.text().startswith("0 / 10")
    qtbot.waitUntil(lambda: not widget.pending)
    assert not edits or edits[-1][1] == ""
    commit = QInputMethodEvent()
    commit.setCommitString("日本語")
    QApplication.sendEvent(editor, commit)
    assert edits.latest()[1] == "日本語\n"
    assert widget.counter.label.text() == "3 / 10 characters (with spaces)"
    # Composition in the middle of an over-limit answer does not disturb the highlight.
    more = QInputMethodEvent()
    more.setCommitString("を入力しています。")
    QApplication.sendEvent(editor, more)
    QApplication.sendEvent(editor, QInputMethodEvent("かんじ", []))
    assert widget.counter.label.text() == "12 / 10 characters (with spaces) — 2 over"
    assert overflow_text(widget) == "す。"


def test_japanese_words_count_one_per_character(qtbot) -> None:
    widget, _ = make_editor(qtbot, "日本語 text", limit=Limit(amount=5, unit=Unit.WORDS))
    assert widget.counter.label.text() == "4 / 5 words"


def test_qt_binding_keeps_none_alive(qapp: QApplication) -> None:
    # PySide6 6.12.0 dropped a reference to None on every call returning nothing; on Python
    # 3.11 the editor (thousands of such calls a minute) then aborted the whole app.
    fmt = QTextCharFormat()
    before = sys.getrefcount(None)
    for _ in range(5000):
        fmt.setFontItalic(True)
    assert sys.getrefcount(None) >= before - 50


def test_the_counter_follows_every_keystroke_at_50000_characters(qtbot) -> None:
    widget, edits = make_editor(qtbot, "word " * 10_000, limit=Limit(amount=60_000))
    editor = widget.editor
    cursor = editor.textCursor()
    cursor.setPosition(25_000)  # typing in the middle, where the count must find its block
    editor.setTextCursor(cursor)
    start = widget.count.value
    assert start == 50_000 - 1  # the trailing space of the last word is not stored
    shown = []
    for i, key in enumerate("abc d"):
        qtbot.keyClicks(editor, key)
        # Counted before the key event returns: no pause, no timer.
        assert widget.count.value == start + i + 1
        shown.append(widget.counter.label.text())
    assert shown == [f"{start + n:,} / 60,000 characters (with spaces)" for n in range(1, 6)]
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert widget.counter.label.text() == f"{start + 4:,} / 60,000 characters (with spaces)"
    # A new paragraph after "abc ": its edge space is not stored, so it no longer counts.
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert widget.count.value == start + 3
    widget.flush_pending()  # switching answers or closing reports the Markdown at once
    assert edits[-1][2].value == start + 3
    assert [p.text[-8:] for p in parse_markdown(edits[-1][1])][0] == "word abc"
    # The count shown is the stored answer's count.
    assert measure(edits[-1][1], Limit(amount=60_000)).value == start + 3


def test_show_the_excess_puts_the_cursor_at_the_cut(qtbot) -> None:
    widget, _ = make_editor(qtbot, "0123456789ABC", limit=Limit(amount=10))
    assert widget.counter.excess_button.isVisible()
    widget.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.mouseClick(widget.counter.excess_button, Qt.MouseButton.LeftButton)
    assert widget.editor.textCursor().position() == 10
    qtbot.keyClick(widget.editor, Qt.Key.Key_End)
    for _ in range(3):
        qtbot.keyClick(widget.editor, Qt.Key.Key_Backspace)
    assert not widget.counter.excess_button.isVisible()


def test_paste_from_google_docs_is_not_all_bold() -> None:
    # Google Docs wraps the whole clipboard in <b style="font-weight:normal">.
    html = ('<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">'
            '<p dir="ltr"><span style="font-size:11pt;font-family:Arial;font-weight:400;">'
            'Plain then </span><span style="font-weight:700;">bold</span>'
            '<span style="font-style:italic;font-weight:400"> and italic</span></p>'
            '<ul><li style="list-style-type:disc;"><p><span>item one</span></p></li>'
            '<li style="list-style-type:disc;"><p><span>item two</span></p></li></ul><br></b>')
    assert to_markdown(paragraphs_from_html(html)) == (
        "Plain then **bold** *and italic*\n\n- item one\n- item two\n")
