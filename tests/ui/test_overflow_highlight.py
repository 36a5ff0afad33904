"""The over-limit highlight is exactly the excess after each edit, though kept across keys.

Typed in the real editor (keyClicks, Enter, Backspace, Ctrl+Z), a Word document and a
portal (web-form) answer: typing at the cut, before it and after it, Enter at the cut,
deleting across it, and undo/redo of each.  After every edit the tinted text must be
what the domain's own overflow search (on the stored answer) says is over, with the
highlight's format, one selection per paragraph.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication
from tests.ui.test_editor import make_editor

from consultdesk.domain.counting import measure, overflow_offset
from consultdesk.domain.questionnaire import Convention, Limit, Unit
from consultdesk.domain.rich_text import parse_markdown, to_markdown
from consultdesk.ui import theme
from consultdesk.ui.editor.answer_editor import AnswerEditor
from consultdesk.ui.editor.document_model import document_paragraphs
from consultdesk.ui.editor.overflow import overflow_format

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def shown(widget: AnswerEditor) -> list[str]:
    """The tinted text, paragraph by paragraph, as the user sees it."""
    selections = widget.editor.extraSelections()
    fmt = overflow_format(widget.editor.palette())
    for s in selections:
        assert s.format.background() == fmt.background()
        assert s.format.underlineStyle() == fmt.underlineStyle()
    return [s.cursor.selectedText().replace("\u2028", "\n") for s in selections]


def expected(widget: AnswerEditor, limit: Limit, convention: Convention) -> list[str]:
    """What is over the limit in the stored answer, paragraph by paragraph (domain's search)."""
    paragraphs = parse_markdown(to_markdown(document_paragraphs(widget.editor.document())
                                            .paragraphs))
    where = overflow_offset(paragraphs, limit, convention)
    if where is None:
        return []
    index, offset = where
    texts = [paragraphs[index].text[offset:]] + [p.text for p in paragraphs[index + 1:]]
    return [t for t in texts if t]


def put_cursor(widget: AnswerEditor, position: int, anchor: int | None = None) -> None:
    cursor = widget.editor.textCursor()
    cursor.setPosition(position if anchor is None else anchor)
    if anchor is not None:
        cursor.setPosition(position, QTextCursor.MoveMode.KeepAnchor)
    widget.editor.setTextCursor(cursor)


class Check:
    """Asserts the highlight after each edit, and keeps what it was for the undo checks."""

    def __init__(self, widget: AnswerEditor, limit: Limit, convention: Convention) -> None:
        self.widget, self.limit, self.convention = widget, limit, convention
        self.history: list[tuple[str, list[str]]] = []

    def __call__(self) -> list[str]:
        highlight = shown(self.widget)
        assert highlight == expected(self.widget, self.limit, self.convention)
        self.history.append((self.widget.editor.toPlainText(), highlight))
        return highlight


@pytest.mark.parametrize("convention", list(Convention))
def test_typing_at_before_and_after_the_cut(qtbot, convention: Convention) -> None:
    limit = Limit(amount=10)
    widget, _ = make_editor(qtbot, "0123456789ABC", limit=limit, convention=convention)
    check = Check(widget, limit, convention)
    assert check() == ["ABC"]
    put_cursor(widget, 10)  # exactly at the cut: what is typed there is over
    qtbot.keyClicks(widget.editor, "x")
    assert check() == ["xABC"]
    qtbot.keyClicks(widget.editor, "y")
    assert check() == ["xyABC"]
    put_cursor(widget, 0)  # before the cut: the cut moves back a character a key
    qtbot.keyClicks(widget.editor, "Q")
    assert check() == ["9xyABC"]
    put_cursor(widget, widget.editor.document().characterCount() - 1)  # after it, at the end
    qtbot.keyClicks(widget.editor, "Z")
    assert check() == ["9xyABCZ"]
    put_cursor(widget, 10)
    qtbot.keyClick(widget.editor, Qt.Key.Key_Backspace)  # the character before the cut
    assert check() == ["xyABCZ"]


@pytest.mark.parametrize("convention", list(Convention))
def test_paragraphs_enter_deleting_across_the_cut_and_undo(qtbot, convention: Convention) -> None:
    limit = Limit(amount=5)
    widget, _ = make_editor(qtbot, "abcdefgh\n\nsecond\n\nthird", limit=limit,
                            convention=convention)
    check = Check(widget, limit, convention)
    assert check() == ["fgh", "second", "third"]
    third = widget.editor.document().findBlockByNumber(2).position()
    put_cursor(widget, third)  # typed at the start of a paragraph after the cut
    qtbot.keyClicks(widget.editor, "X")
    assert check() == ["fgh", "second", "Xthird"]
    put_cursor(widget, 5)  # Enter at the cut: the cut's paragraph ends there
    qtbot.keyClick(widget.editor, Qt.Key.Key_Return)
    check()
    put_cursor(widget, 2)  # before the cut: the next paragraph's text moves into the limit
    qtbot.keyClick(widget.editor, Qt.Key.Key_Return)
    check()
    put_cursor(widget, 1, anchor=widget.editor.document().findBlockByNumber(3).position() + 3)
    qtbot.keyClick(widget.editor, Qt.Key.Key_Delete)  # a selection across the cut, deleted
    check()
    put_cursor(widget, 0, anchor=widget.editor.document().characterCount() - 1)
    qtbot.keyClicks(widget.editor, "ok")  # replaced by a text within the limit
    assert check() == []
    states = list(check.history)
    for text, highlight in reversed(states[:-1]):  # each undo step shows its highlight again
        qtbot.keyClick(widget.editor, Qt.Key.Key_Z, CTRL)
        assert widget.editor.toPlainText() == text
        assert check() == highlight
    assert widget.editor.toPlainText() == states[0][0]
    assert check() == ["fgh", "second", "third"]
    for text, highlight in states[1:]:
        qtbot.keyClick(widget.editor, Qt.Key.Key_Z, CTRL | SHIFT)
        assert widget.editor.toPlainText() == text
        assert check() == highlight


def test_a_portal_list_renumbered_by_enter_moves_the_cut(qtbot) -> None:
    # "9. nine" becomes "10. nine": a character more in what the portal receives.
    markdown = "\n".join(f"{n}. item {n}" for n in range(1, 10)) + "\n"
    limit = Limit(amount=len("\r\n".join(f"{n}. item {n}" for n in range(1, 10))) - 3)
    widget, _ = make_editor(qtbot, markdown, limit=limit, convention=Convention.WEB_FORM)
    check = Check(widget, limit, Convention.WEB_FORM)
    assert check() == ["m 9"]
    put_cursor(widget, widget.editor.document().findBlockByNumber(1).position() - 1)
    qtbot.keyClick(widget.editor, Qt.Key.Key_Return)  # an empty item 2: not submitted
    assert check() == ["m 9"]
    qtbot.keyClicks(widget.editor, "new")  # now it is, and every item after is renumbered
    # 8 units more ("2. new" and its line break) and 1 for "10. ": the last 12 units are
    # the line break, marker and text of item 9.
    assert check() == ["item 9"]
    qtbot.keyClick(widget.editor, Qt.Key.Key_Z, CTRL)
    assert check() == ["m 9"]


@pytest.mark.parametrize("unit", list(Unit))
def test_typing_after_the_cut_at_50000_characters_keeps_the_highlight_exact(
        qtbot, unit: Unit) -> None:
    paragraph = "We have increased the opportunities for civil society to take part."
    markdown = "\n\n".join([paragraph] * 700)
    limit = Limit(amount={Unit.WORDS: 3000}.get(unit, 20_000), unit=unit)
    widget, _ = make_editor(qtbot, markdown, limit=limit)
    check = Check(widget, limit, Convention.DOCUMENT)
    before = check()
    assert len(before) > 300
    middle = widget.editor.document().findBlockByNumber(600)
    put_cursor(widget, middle.position() + len("We have "))
    qtbot.keyClicks(widget.editor, "new words ")
    assert check()[len(before) - 100] == "We have new words increased the opportunities for " \
        "civil society to take part."
    put_cursor(widget, 3)
    qtbot.keyClicks(widget.editor, "more ")
    check()


def tints(widget: AnswerEditor) -> list[object]:
    """Each selection's background colour (the list kept alive while reading it)."""
    selections = widget.editor.extraSelections()
    return [s.format.background().color() for s in selections]


def test_switching_to_dark_retints_the_excess(qtbot) -> None:
    app = QApplication.instance()
    before = app.palette()
    limit = Limit(amount=5)
    widget, _ = make_editor(qtbot, "abcdefgh\n\nsecond", limit=limit)
    light = tints(widget)
    theme.apply(app, "dark")  # as Preferences and the desktop's switch do
    try:
        qtbot.waitUntil(lambda: tints(widget) != light)
        assert widget.editor.palette().color(QPalette.ColorRole.Base).lightness() < 128
        assert shown(widget) == ["fgh", "second"]  # every one in the dark palette's tint
        dark = overflow_format(widget.editor.palette()).background().color()
        assert tints(widget) == [dark, dark]
    finally:
        app.setPalette(before)


def test_a_portal_list_at_50000_characters_counts_every_key_as_the_portal_will(qtbot) -> None:
    # 1,000 numbered items: "1. " up to "1000. " are typed text to a portal.
    markdown = "\n".join(f"{n}. Item about consultations {n:04d} held" for n in range(1, 1001))
    limit = Limit(amount=40_000)
    widget, edits = make_editor(qtbot, markdown, limit=limit, convention=Convention.WEB_FORM)
    check = Check(widget, limit, Convention.WEB_FORM)
    check()
    editor = widget.editor
    put_cursor(widget, editor.document().findBlockByNumber(500).position())
    for key in "new ":  # counted before each key event returns
        qtbot.keyClicks(editor, key)
        assert widget.count.value == measure(
            to_markdown(document_paragraphs(editor.document()).paragraphs), limit,
            Convention.WEB_FORM).value
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a new item 502: every later number moves
    qtbot.keyClicks(editor, "x")
    widget.flush_pending()
    markdown_now = edits[-1][1]
    assert widget.count.value == measure(markdown_now, limit, Convention.WEB_FORM).value
    assert widget.counter.label.text().startswith(f"{widget.count.value:,} / 40,000")
    check()
