"""Compare with last time: a duplicated response shows the earlier answer beside this one,
with a word diff, and can copy it in (a revision of the current answer kept first)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.ui.i18n import Translations
from consultdesk.ui.response_window import ResponseWindow

OHCHR = "ohchr-civic-space-2021"


@pytest.fixture
def english(qapp) -> Iterator[None]:
    translations = Translations()
    assert translations.install("en")
    yield
    translations.remove()


def open_window(qtbot, ctx: AppContext, rid: str) -> ResponseWindow:  # type: ignore[no-untyped-def]
    window = ResponseWindow(ctx, rid)
    qtbot.addWidget(window)
    window.resize(1300, 800)  # a laptop screen: the comparison beside the answer
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_earlier_answer_shows_beside_with_a_word_diff_and_can_be_copied(
        qtbot, english, app_context: AppContext) -> None:
    ctx = app_context
    last = ctx.responses.create(OHCHR, "Japan 2021", answers={
        "q1": "The Government held online hearings in 2021.",
        "q2": "Subsidies were extended."})
    now = ctx.responses.duplicate(last, "Japan 2023")
    assert ctx.responses.load(now).source_response_id == last
    ctx.responses.save_answer(now, "q1", "The Government held public hearings in 2023.", base_version=None,
        author=Author(WriterKind.CLI, "test"))
    window = open_window(qtbot, ctx, now)
    window.navigator.select("q1")
    button = window.panel.compare_button
    assert button.isVisible() and not window.compare.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.compare.isVisible()
    assert "Japan 2021" in window.compare.title.text()
    html = window.compare.view.toHtml()
    # Gone since last time: struck through; new now: highlighted; the rest as it was.
    assert "line-through" in html
    shown = window.compare.view.toPlainText()
    for word in ("online", "public", "2021", "2023", "The Government held"):
        assert word in shown
    # Moving to another question follows it.
    window.navigator.select("q2")
    assert window.compare.isVisible() and not window.compare.copy_button.isEnabled()
    window.navigator.select("q1")
    copy = window.compare.copy_button
    qtbot.waitUntil(lambda: copy.isVisible() and copy.isEnabled() and copy.width() > 0)
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton, pos=copy.rect().center())
    window.session.autosave.flush()
    stored = ctx.responses.load(now).answers["q1"]
    assert isinstance(stored, str)
    assert stored.rstrip("\n") == "The Government held online hearings in 2021."
    assert window.answers.text_editor.editor.toPlainText() == (
        "The Government held online hearings in 2021.")
    kept = [r.value for r in ctx.responses.revisions(now, "q1")]
    assert "The Government held public hearings in 2023." in kept
    assert not window.compare.copy_button.isEnabled()  # now the same as last time
    window.close()


def test_a_response_not_started_from_another_has_no_comparison(
        qtbot, english, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Fresh", answers={"q1": "Text"})
    window = open_window(qtbot, app_context, rid)
    window.navigator.select("q1")
    assert not window.panel.compare_button.isVisible()
    assert not window.compare.isVisible()
    window.close()


def test_the_comparison_says_when_the_earlier_response_is_gone(
        qtbot, english, app_context: AppContext) -> None:
    ctx = app_context
    last = ctx.responses.create(OHCHR, "Japan 2021", answers={"q1": "Old"})
    now = ctx.responses.duplicate(last)
    ctx.responses.delete(last)
    ctx.responses.purge(last)
    assert ctx.responses.earlier_answer(now, "q1") is None
    window = open_window(qtbot, ctx, now)
    window.navigator.select("q1")
    window.panel.compare_button.setChecked(True)
    assert not window.compare.isVisible()
    window.close()
