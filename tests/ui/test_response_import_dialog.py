"""File ▸ Import a completed response…: the review lists what was found; only the ticked
answers are saved; a bad file is one message and nothing saved."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from tests.formats.response_corpus.cases import ANSWERS, CASES, RESPONDENT

from consultdesk.app_context import AppContext
from consultdesk.domain.rich_text import plain_text
from consultdesk.ui.editor.references import document_markdown, reference_at
from consultdesk.ui.i18n import Translations
from consultdesk.ui.library.response_import_dialog import ResponseImportDialog
from consultdesk.ui.library.window import LibraryWindow

TABLE = next(c for c in CASES if c.name == "table-no-question-answer")


@pytest.fixture
def library(qtbot, qapp, app_context: AppContext, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[tuple[LibraryWindow, list[str]]]:
    translations = Translations()
    assert translations.install("en")
    opened: list[str] = []
    monkeypatch.setattr(LibraryWindow, "open_response", lambda self, rid: opened.append(rid))
    win = LibraryWindow(app_context, today=lambda: date(2026, 11, 23))
    qtbot.addWidget(win)
    win.show()
    yield win, opened
    translations.remove()


def test_review_then_import_the_ticked_answers(
        qtbot, library: tuple[LibraryWindow, list[str]], app_context: AppContext,
        tmp_path: Path, modal: Callable[..., None]) -> None:
    win, opened = library
    seen: dict[str, object] = {}

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, ResponseImportDialog)
        tree = dialog.tree
        seen["rows"] = [tree.topLevelItem(i).text(0)[:2] for i in range(tree.topLevelItemCount())]
        seen["summary"] = dialog.summary.text()
        seen["pointers"] = [tree.topLevelItem(i).text(3) for i in range(6)]
        # Untick question 2; the preview shows the answer as it will be saved.
        second = tree.topLevelItem(1)
        tree.setCurrentItem(second)
        seen["preview"] = dialog.preview.toPlainText()
        second.setCheckState(0, Qt.CheckState.Unchecked)
        dialog.title_field.clear()
        qtbot.keyClicks(dialog.title_field, "Japan 2021")
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    modal(review)
    rid = win.import_response(TABLE.path(tmp_path))
    assert rid is not None and opened == [rid]
    assert seen["rows"] == ["1 ", "2 ", "3 ", "4 ", "5 ", "6 "]
    assert "6 of 6 questions found" in str(seen["summary"])
    assert seen["pointers"] == ["", "question 1", "", "question 3", "", ""]
    assert seen["preview"] == ANSWERS["q2"]
    data = app_context.responses.load(rid)
    assert data.title == "Japan 2021"
    assert data.answers == {k: v for k, v in ANSWERS.items() if k != "q2"}
    assert data.respondent == RESPONDENT


def test_a_bad_file_is_one_message_and_nothing_saved(
        qtbot, library: tuple[LibraryWindow, list[str]], app_context: AppContext,
        tmp_path: Path, modal: Callable[..., None]) -> None:
    win, opened = library
    bad = tmp_path / "response.docx"
    bad.write_bytes(b"%PDF-1.7\n")
    said: list[str] = []

    def close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        box.accept()

    modal(close)
    assert win.import_response(bad) is None
    assert len(said) == 1 and "PDF" in said[0]
    assert app_context.responses.list() == [] and opened == []


def test_pointers_to_other_answers_can_become_live_references(
        qtbot, library: tuple[LibraryWindow, list[str]], app_context: AppContext,
        tmp_path: Path, modal: Callable[..., None]) -> None:
    win, _opened = library
    seen: dict[str, object] = {}

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, ResponseImportDialog)
        box = dialog.link_references
        seen["offer"] = (box.isVisible(), box.isChecked(), box.text())
        dialog.tree.setCurrentItem(dialog.tree.topLevelItem(1))
        seen["before"] = dialog.preview.toPlainText()
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        seen["after"] = dialog.preview.toPlainText()
        document = dialog.preview.document()
        seen["chips"] = [found for p in range(document.characterCount())
                         if (found := reference_at(document, p)) is not None]
        seen["shown markdown"] = document_markdown(document)
        seen["first line"] = dialog.tree.topLevelItem(0).text(2)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    modal(review)
    rid = win.import_response(TABLE.path(tmp_path))
    assert rid is not None
    assert seen["offer"] == (True, False, "Turn pointers to other answers (“See the answer "
                                          "for Q2”) into live references (2 found)")
    assert seen["before"] == "See the answer for Q1."
    # The preview reads as the editor will show it: the reference a chip, not Markdown.
    assert seen["after"] == "See the answer for \ufffc."
    assert seen["chips"] == [("q1", "question 1")]
    assert seen["shown markdown"] == "See the answer for [question 1](#ref:q1).\n"
    assert "**" not in str(seen["first line"])  # the list too shows the words, not Markdown
    assert str(seen["first line"]).startswith(" ".join(plain_text(ANSWERS["q1"]).split())[:40])
    answers = app_context.responses.load(rid).answers
    assert answers["q2"] == "See the answer for [question 1](#ref:q1)."
    assert answers["q4"] == "Please refer to the reply to [question 3](#ref:q3)."
    assert answers["q1"] == ANSWERS["q1"]
