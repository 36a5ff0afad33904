"""The library window, driven through its real widgets on a real data dir."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.ui.i18n import Translations
from consultdesk.ui.library.formatting import duplicate_title
from consultdesk.ui.library.new_response_dialog import NewResponseDialog
from consultdesk.ui.library.responses_model import Column
from consultdesk.ui.library.window import LibraryWindow

TODAY = date(2026, 11, 23)
LONG = "A sentence about civic space that is long enough to count. " * 120  # > 5,000 chars

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Response ids the library asked to open (the response window is tested elsewhere)."""
    calls: list[str] = []
    monkeypatch.setattr(LibraryWindow, "open_response", lambda self, rid: calls.append(rid))
    return calls


@pytest.fixture
def english(qapp) -> Iterator[Translations]:
    """The English catalogue, as the app installs it (it holds the plural forms)."""
    translations = Translations()
    assert translations.install("en")
    yield translations
    translations.remove()


@pytest.fixture
def window(qtbot, english, app_context: AppContext) -> LibraryWindow:
    win = LibraryWindow(app_context, today=lambda: TODAY)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def cell(window: LibraryWindow, row: int, column: Column) -> str:
    return str(window.proxy.index(row, column).data())


def row_titles(window: LibraryWindow) -> list[str]:
    return [cell(window, r, Column.TITLE) for r in range(window.proxy.rowCount())]


def test_title_names_the_window_and_leaves_the_app_name_to_qt(window: LibraryWindow) -> None:
    # Qt appends " — ConsultDesk" (the display name): "ConsultDesk — Library — ConsultDesk"
    # said it twice.
    assert window.windowTitle() == "Library"


def test_empty_library_invites_to_the_ohchr_consultation(
        qtbot, window: LibraryWindow, app_context: AppContext, opened: list[str]) -> None:
    assert window.stack.currentWidget() is window.empty
    assert window.empty.start_button.isVisible()
    assert "Online consultation with Member States" in window.empty.consultation.text()
    assert "OHCHR" in window.empty.issuer.text()

    qtbot.mouseClick(window.empty.start_button, Qt.MouseButton.LeftButton)

    [summary] = app_context.responses.list()
    assert summary.questionnaire_id == "ohchr-civic-space-2021"
    assert opened == [summary.id]
    assert window.stack.currentIndex() == 1 and window.table.isVisible()
    assert row_titles(window) == [summary.title]
    assert "2026" in summary.title
    assert window.current_summary() is not None and window.current_summary().id == summary.id


def test_new_response_dialog_creates_one_and_the_table_shows_progress(
        qtbot, modal, window: LibraryWindow, app_context: AppContext,
        opened: list[str]) -> None:
    def fill(dialog: NewResponseDialog) -> None:
        assert isinstance(dialog, NewResponseDialog)
        titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        row = next(i for i, t in enumerate(titles) if t.startswith("Online consultation"))
        dialog.list.setCurrentRow(row)
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "Japan: civic space")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    modal(fill)
    window.frame.new_action.trigger()

    [summary] = app_context.responses.list()
    assert summary.title == "Japan: civic space"
    assert opened == [summary.id]
    assert row_titles(window) == ["Japan: civic space"]
    assert cell(window, 0, Column.PROGRESS) == f"0 of {summary.total} answered"
    assert cell(window, 0, Column.STATUS) == "Draft"

    app_context.responses.save_answer(summary.id, "q1", "We consulted civil society.",
                                      base_version=None, author=TESTER)
    app_context.responses.save_answer(summary.id, "q2", LONG, base_version=None, author=TESTER)
    window.refresh()
    assert cell(window, 0, Column.PROGRESS) == (
        f"2 of {summary.total} answered, 1 over the limit")


def test_new_response_dialog_needs_a_title(qtbot, app_context: AppContext) -> None:
    dialog = NewResponseDialog(app_context.catalog, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.ok_button.isEnabled()
    dialog.title.clear()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.title, "x")
    assert dialog.ok_button.isEnabled()


def test_deadline_shows_days_left_and_overdue(window: LibraryWindow,
                                              app_context: AppContext) -> None:
    app_context.responses.create("ohchr-civic-space-2021", "soon", deadline=date(2026, 11, 28))
    app_context.responses.create("ohchr-civic-space-2021", "late", deadline=date(2026, 11, 21))
    window.refresh()
    texts = {cell(window, r, Column.TITLE): cell(window, r, Column.DEADLINE) for r in range(2)}
    assert texts["soon"].endswith("5 days left")
    assert "28 Nov 2026" in texts["soon"]
    assert texts["late"].endswith("2 days overdue")


def test_duplicate_copies_the_answers_under_this_years_title(
        qtbot, modal, window: LibraryWindow, app_context: AppContext) -> None:
    rid = app_context.responses.create("ohchr-civic-space-2021", "Annual report 2025",
                                       answers={"q1": "Last year's answer."},
                                       respondent={"state": "Japan"})
    window.refresh()
    window.select_response(rid)
    seen: list[str] = []

    def accept(dialog: QInputDialog) -> None:
        seen.append(dialog.textValue())
        dialog.accept()

    modal(accept)
    window.frame.duplicate_action.trigger()

    assert seen == ["Annual report 2026"]
    copy = next(s for s in app_context.responses.list() if s.id != rid)
    assert copy.title == "Annual report 2026"
    loaded = app_context.responses.load(copy.id)
    assert loaded.answers["q1"] == "Last year's answer."
    assert loaded.respondent.get("state") == "Japan"
    assert window.current_summary().id == copy.id
    assert sorted(row_titles(window)) == ["Annual report 2025", "Annual report 2026"]


def test_duplicate_title_suggestions() -> None:
    assert duplicate_title("Report 2024–2025", TODAY) == "Report 2024–2026"
    assert duplicate_title("Report 2026", TODAY) == "Report 2026 (copy)"
    assert duplicate_title("Report", TODAY) == "Report (copy)"


def test_delete_moves_to_the_bin_and_undo_brings_it_back(
        qtbot, window: LibraryWindow, app_context: AppContext) -> None:
    keep = app_context.responses.create("ohchr-civic-space-2021", "keep")
    gone = app_context.responses.create("ohchr-civic-space-2021", "gone")
    window.refresh()
    window.select_response(gone)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)

    assert [s.id for s in app_context.responses.list()] == [keep]
    assert [s.id for s in app_context.responses.list(deleted=True)] == [gone]
    assert row_titles(window) == ["keep"]
    assert window.frame.undo_button.isVisible()

    qtbot.mouseClick(window.frame.undo_button, Qt.MouseButton.LeftButton)
    assert sorted(s.id for s in app_context.responses.list()) == sorted([keep, gone])
    assert app_context.responses.list(deleted=True) == []
    assert window.current_summary().id == gone


def test_bin_restores_and_deletes_for_good(
        qtbot, modal, window: LibraryWindow, app_context: AppContext) -> None:
    a = app_context.responses.create("ohchr-civic-space-2021", "first")
    b = app_context.responses.create("ohchr-civic-space-2021", "second")
    app_context.responses.delete(a)
    app_context.responses.delete(b)
    window.refresh()
    assert window.stack.currentWidget() is window.empty

    dialog = window.show_bin()
    qtbot.waitExposed(dialog)
    assert dialog.tree.topLevelItemCount() == 2
    item = next(dialog.tree.topLevelItem(i) for i in range(2)
                if dialog.tree.topLevelItem(i).text(0) == "first")
    dialog.tree.setCurrentItem(item)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in app_context.responses.list()] == [a]
    assert row_titles(window) == ["first"]

    def confirm(box) -> None:  # the "Delete for good?" question
        box.button(box.StandardButton.Yes).click()

    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    modal(confirm)
    qtbot.mouseClick(dialog.purge_button, Qt.MouseButton.LeftButton)
    assert app_context.responses.list(deleted=True) == []
    assert dialog.empty_label.isVisible()


def test_filter_narrows_the_table(qtbot, window: LibraryWindow,
                                  app_context: AppContext) -> None:
    app_context.responses.create("ohchr-civic-space-2021", "Civic space 2021")
    app_context.responses.create("eu-digital-rights-2026", "Digital rights")
    window.refresh()
    qtbot.keyClicks(window.frame.filter, "digital")
    assert row_titles(window) == ["Digital rights"]


def test_open_without_a_response_window_module_tells_the_user(
        qtbot, modal, monkeypatch, window: LibraryWindow, app_context: AppContext) -> None:
    from consultdesk.ui.library import opener

    monkeypatch.setattr(opener, "RESPONSE_WINDOW_MODULE", "consultdesk.ui.no_such_window")
    rid = app_context.responses.create("ohchr-civic-space-2021", "x")
    window.refresh()
    window.select_response(rid)
    messages: list[str] = []

    def close(box) -> None:
        messages.append(box.text())
        box.accept()

    modal(close)
    window.frame.open_action.trigger()
    assert messages and "cannot edit responses" in messages[0]
    assert not window.windows.is_open(rid)


def test_import_installs_a_definition_and_offers_a_new_response(
        qtbot, modal, window: LibraryWindow, app_context: AppContext, tmp_path: Path,
        opened: list[str]) -> None:
    from consultdesk.paths import templates_dir

    source = (templates_dir() / "questionnaires" / "ohchr-civic-space-2021.toml").read_text()
    path = tmp_path / "mine.toml"
    path.write_text(source.replace('id = "ohchr-civic-space-2021"', 'id = "my-consultation"', 1)
                    .replace('title = "Online consultation with Member States"',
                             'title = "My own consultation"', 1))
    shown: list[str] = []

    def handle(dialog: NewResponseDialog) -> None:
        # A definition file installs as it is; then the library offers to start a response.
        assert isinstance(dialog, NewResponseDialog)
        shown.append(dialog.selected().id)
        dialog.reject()

    modal(handle)
    window.import_questionnaire(path)
    assert "my-consultation" in [i.id for i in app_context.catalog.list()]
    assert shown == ["my-consultation"]


def test_double_click_opens_the_response_window_once(
        qtbot, window: LibraryWindow, app_context: AppContext) -> None:
    rid = app_context.responses.create("ohchr-civic-space-2021", "Japan 2021")
    window.refresh()
    rect = window.table.visualRect(window.proxy.index(0, Column.TITLE))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    opened = window.windows.window(rid)
    assert opened is not None and opened.isVisible()
    assert "Japan 2021" in opened.windowTitle()
    window.open_response(rid)  # again: the same window comes forward
    assert window.windows.window(rid) is opened

    opened.close()
    qtbot.waitUntil(lambda: not window.windows.is_open(rid))


def test_delete_key_in_the_filter_edits_text_and_deletes_nothing(
        qtbot, window: LibraryWindow, app_context: AppContext) -> None:
    app_context.responses.create("ohchr-civic-space-2021", "Civic space")
    window.refresh()
    window.activateWindow()
    qtbot.keyClicks(window.frame.filter, "civic")
    window.frame.filter.setCursorPosition(0)
    qtbot.keyClick(window.frame.filter, Qt.Key.Key_Delete)
    assert window.frame.filter.text() == "ivic"
    assert len(app_context.responses.list()) == 1


def test_the_toolbar_counts_the_bin(window: LibraryWindow, app_context: AppContext) -> None:
    assert window.frame.bin_action.iconText() == "Bin"
    app_context.responses.delete(app_context.responses.create("ohchr-civic-space-2021", "x"))
    window.refresh()
    assert window.frame.bin_action.iconText() == "Bin (1)"


def test_details_change_title_status_and_deadline(
        qtbot, modal, window: LibraryWindow, app_context: AppContext) -> None:
    from consultdesk.domain.response import ResponseStatus
    from consultdesk.ui.library.details_dialog import DetailsDialog

    rid = app_context.responses.create("ohchr-civic-space-2021", "Draft title",
                                       deadline=date(2026, 12, 1))
    window.refresh()
    window.select_response(rid)

    def edit(dialog: DetailsDialog) -> None:
        assert isinstance(dialog, DetailsDialog)
        dialog.title.selectAll()
        qtbot.keyClicks(dialog.title, "Final title")
        dialog.status.setCurrentIndex(dialog.status.findText("Submitted"))
        qtbot.mouseClick(dialog.has_deadline, Qt.MouseButton.LeftButton)  # no deadline now
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    modal(edit)
    window.table.setFocus()
    qtbot.keyClick(window.table, Qt.Key.Key_F2)
    [summary] = app_context.responses.list()
    assert (summary.title, summary.status, summary.deadline) == (
        "Final title", ResponseStatus.SUBMITTED, None)
    assert row_titles(window) == ["Final title"]
    assert cell(window, 0, Column.STATUS) == "Submitted"


def test_the_sort_order_is_remembered(qtbot, english, app_context: AppContext) -> None:
    first = LibraryWindow(app_context, today=lambda: TODAY)
    qtbot.addWidget(first)
    first.table.sortByColumn(Column.DEADLINE, Qt.SortOrder.AscendingOrder)
    first.close()
    second = LibraryWindow(app_context, today=lambda: TODAY)
    qtbot.addWidget(second)
    header = second.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.DEADLINE, Qt.SortOrder.AscendingOrder)


def test_a_narrow_window_keeps_the_title_readable(qtbot, window: LibraryWindow,
                                                  app_context: AppContext) -> None:
    app_context.responses.create("ohchr-civic-space-2021", "A response with a long title")
    window.refresh()
    window.resize(820, 480)
    qtbot.waitUntil(lambda: window.table.isColumnHidden(Column.QUESTIONNAIRE))
    assert window.table.columnWidth(Column.TITLE) >= 200
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: not window.table.isColumnHidden(Column.QUESTIONNAIRE))
    assert not window.table.isColumnHidden(Column.EDITED)


def test_help_opens_the_data_folder(window: LibraryWindow, app_context: AppContext) -> None:
    from PySide6.QtCore import QObject, QUrl, Slot
    from PySide6.QtGui import QDesktopServices

    class Catcher(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.urls: list[str] = []

        @Slot(QUrl)
        def open(self, url: QUrl) -> None:
            self.urls.append(url.toLocalFile())

    catcher = Catcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        window.frame.data_folder_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert catcher.urls == [str(app_context.data_dir)]


def test_back_up_copies_every_response(window: LibraryWindow, app_context: AppContext,
                                       tmp_path: Path) -> None:
    app_context.responses.create("ohchr-civic-space-2021", "Kept safe", answers={"q1": "Text"})
    made = window.back_up(tmp_path / "usb" / "copy.sqlite3")
    assert made == tmp_path / "usb" / "copy.sqlite3"
    copy_dir = tmp_path / "restored"
    copy_dir.mkdir()
    from consultdesk.storage.database import database_path

    made.rename(database_path(copy_dir))
    restored = AppContext.open(copy_dir)
    try:
        [summary] = restored.responses.list()
        assert summary.title == "Kept safe"
        assert restored.responses.load(summary.id).answers["q1"] == "Text"
    finally:
        restored.close()
