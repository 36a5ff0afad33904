"""Library-wide search: typing lists ranked hits; opening one opens the response there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt

from consultdesk.app_context import AppContext
from consultdesk.ui.i18n import Translations
from consultdesk.ui.library.search_dialog import SearchDialog
from consultdesk.ui.library.window import LibraryWindow

OHCHR = "ohchr-civic-space-2021"


@pytest.fixture
def english(qapp) -> Iterator[Translations]:
    translations = Translations()
    assert translations.install("en")
    yield translations
    translations.remove()


@pytest.fixture
def library(qtbot, english, app_context: AppContext) -> Iterator[LibraryWindow]:
    ctx = app_context
    ctx.responses.create(OHCHR, "Japan 2021", answers={
        "q1": "政府は市民社会の参加を促進するため、オンライン会議を開催した。"})
    ctx.responses.create(OHCHR, "Japan 2023", answers={
        "q2": "We held **online** hearings and answered in writing.",
        "q5": "More online hearings: online hearings everywhere."})
    binned = ctx.responses.create(OHCHR, "Old draft", answers={"q3": "online hearings"})
    ctx.responses.delete(binned)
    win = LibraryWindow(ctx, today=lambda: date(2026, 11, 23))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.windows.close_all()


def listed(dialog) -> list[str]:  # type: ignore[no-untyped-def]
    return [dialog.results.item(i).data(Qt.ItemDataRole.AccessibleTextRole)
            for i in range(dialog.results.count())]


def test_typing_lists_ranked_hits_and_enter_opens_the_best_one_selected(
        qtbot, library: LibraryWindow) -> None:
    library.frame.search_action.trigger()
    [dialog] = library.findChildren(SearchDialog)
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.field.hasFocus, timeout=3000)
    qtbot.keyClicks(dialog.field, "online hearings")
    qtbot.waitUntil(lambda: dialog.results.count() == 2, timeout=3000)
    assert listed(dialog) == [
        "Japan 2023 — question 5: More online hearings: online hearings everywhere.",
        "Japan 2023 — question 2: We held online hearings and answered in writing."]
    assert dialog.summary.text() == "2 answers found"
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    rid = dialog.found[0].response_id
    qtbot.waitUntil(lambda: library.windows.is_open(rid), timeout=5000)
    window = library.windows.window(rid)
    assert window.current_key() == "q5"
    assert window.answers.text_editor.editor.textCursor().selectedText() == "online hearings"


def test_a_hit_inside_japanese_words_and_the_bin_on_request(
        qtbot, library: LibraryWindow) -> None:
    dialog = library.show_search()
    # Japanese arrives through the input method, committed as a whole (keyClicks sends
    # key codes, which Japanese characters have none of).
    dialog.field.insert("社会の参加")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=3000)
    assert listed(dialog)[0].startswith("Japan 2021 — question 1: ")
    dialog.field.clear()
    qtbot.keyClicks(dialog.field, "hearings")
    qtbot.waitUntil(lambda: dialog.results.count() == 2, timeout=3000)
    qtbot.mouseClick(dialog.bin_box, Qt.MouseButton.LeftButton)
    assert dialog.results.count() == 3
    [binned] = [i for i in range(3) if dialog.found[i].in_bin]
    assert "(in the bin)" in listed(dialog)[binned]
    dialog.results.setCurrentRow(binned)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert "restore it first" in dialog.summary.text()
    assert not library.windows.is_open(dialog.found[binned].response_id)


def test_nothing_found_says_so(qtbot, library: LibraryWindow) -> None:
    dialog = library.show_search()
    qtbot.keyClicks(dialog.field, "zebra crossing")
    qtbot.waitUntil(lambda: dialog.summary.text() == "Nothing found.", timeout=3000)
    assert dialog.results.count() == 0
