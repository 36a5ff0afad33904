"""The import review dialog, driven as a user would: correct the detection, then install."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from consultdesk.app_context import AppContext
from consultdesk.domain.definition_file import load_definition
from consultdesk.domain.errors import NotFoundError
from consultdesk.domain.questionnaire import Unit
from consultdesk.formats.docx_import import Role
from consultdesk.ui.import_review import ImportReviewDialog, review_and_install

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
from corpus.cases import TYPED_EN

TYPED_ID = "questionnaire-on-the-right-to-privacy-in-the-digital-age"


def _doc(path: Path, *paragraphs: str) -> Path:
    doc = Document()
    doc.add_paragraph("Survey on water", style="Title")
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(path)
    return path


def _open(qtbot: QtBot, context: AppContext, path: Path) -> ImportReviewDialog:
    dialog = ImportReviewDialog(None, context.imports, path)
    # Closing at teardown must not stop on the "discard corrections?" question.
    qtbot.addWidget(dialog, before_close_func=lambda d: setattr(d, "corrected", False))
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _select(qtbot: QtBot, dialog: ImportReviewDialog, starts_with: str) -> int:
    """Click the row whose text starts with ``starts_with``; its index."""
    for row in range(dialog.lines.topLevelItemCount()):
        item = dialog.lines.topLevelItem(row)
        if item.text(2).strip().startswith(starts_with):
            dialog.lines.scrollToItem(item)
            rect = dialog.lines.visualItemRect(item)
            qtbot.mouseClick(dialog.lines.viewport(), Qt.MouseButton.LeftButton,
                             pos=rect.center())
            assert dialog.lines.current_row() == row
            return row
    raise AssertionError(f"no line starts with {starts_with!r}")


def _rows(dialog: ImportReviewDialog) -> list[tuple[str, str, str]]:
    """What the list shows: (role, number, text) per row."""
    return [(dialog.lines.topLevelItem(r).text(0), dialog.lines.topLevelItem(r).text(1),
             dialog.lines.topLevelItem(r).text(2).strip())
            for r in range(dialog.lines.topLevelItemCount())]


def _install(qtbot: QtBot, dialog: ImportReviewDialog) -> None:
    qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_shows_structure_and_source_then_installs(qtbot: QtBot, app_context: AppContext,
                                                  tmp_path: Path) -> None:
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    rows = _rows(dialog)
    assert rows[0] == ("Title", "", "Questionnaire on the right to privacy in the digital age")
    assert ("Respondent field", "", "Name of the State") in rows
    assert ("Question", "2", "Describe any oversight mechanism for surveillance measures.") in rows
    assert "(Maximum limit: approximately 5,000 characters with spaces)" in (
        dialog.source.toPlainText())
    assert dialog.title_edit.text() == TYPED_EN.title and dialog.id_edit.text() == TYPED_ID
    assert dialog.summary.text().startswith("Questions: 5 (4 with a limit)")
    with pytest.raises(NotFoundError):
        app_context.catalog.get(TYPED_ID)  # nothing is installed before Install
    _install(qtbot, dialog)
    installed = app_context.catalog.get(TYPED_ID)
    assert [q.id for q in installed.questions()] == ["q1", "q2", "q3", "q3-comment", "q4"]
    assert dialog.installed == installed


def test_selecting_a_line_highlights_its_source(qtbot: QtBot, app_context: AppContext,
                                                tmp_path: Path) -> None:
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    _select(qtbot, dialog, "Which challenges remain?")
    (selection,) = dialog.source.extraSelections()
    assert selection.cursor.block().text() == "4. Which challenges remain?"
    assert dialog.wording.toPlainText() == "Which challenges remain?"


def test_turn_an_instruction_into_a_question(qtbot: QtBot, app_context: AppContext,
                                             tmp_path: Path) -> None:
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    row = _select(qtbot, dialog, "Please include references")
    dialog.role_combo.setFocus()
    qtbot.keyClicks(dialog.role_combo, "Question")
    assert dialog.draft.lines[row].role is Role.QUESTION
    assert _rows(dialog)[row][0] == "Question"
    assert dialog.summary.text().startswith("Questions: 6")
    _install(qtbot, dialog)
    texts = [q.text for q in app_context.catalog.get(TYPED_ID).questions()]
    assert "Please include references to the relevant legislation." in texts


def test_turn_a_line_into_a_section_heading(qtbot: QtBot, app_context: AppContext,
                                            tmp_path: Path) -> None:
    path = _doc(tmp_path / "w.docx", "1. Who supplies water?", "Pricing",
                "2. How are prices set?")
    dialog = _open(qtbot, app_context, path)
    _select(qtbot, dialog, "Pricing")
    qtbot.keyClicks(dialog.role_combo, "Section")
    _install(qtbot, dialog)
    sections = [(s.title, [q.number for q in s.questions])
                for s, _ in app_context.catalog.get("survey-on-water").walk_sections()]
    assert sections == [("", ["1"]), ("Pricing", ["2"])]


def test_merge_a_question_broken_over_two_paragraphs(qtbot: QtBot, app_context: AppContext,
                                                     tmp_path: Path) -> None:
    path = _doc(tmp_path / "w.docx", "1. What measures were taken",
                "to protect water sources? (max. 300 words)", "2. Who monitors quality?")
    dialog = _open(qtbot, app_context, path)
    _select(qtbot, dialog, "What measures were taken")
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert ("Question", "1", "What measures were taken to protect water sources?") in _rows(dialog)
    _install(qtbot, dialog)
    q1 = app_context.catalog.get("survey-on-water").question("q1")
    assert q1.text == "What measures were taken to protect water sources?"
    assert q1.limit is not None and (q1.limit.amount, q1.limit.unit) == (300, Unit.WORDS)
    assert q1.guidance == ""


def test_split_two_questions_typed_in_one_paragraph(qtbot: QtBot, app_context: AppContext,
                                                    tmp_path: Path) -> None:
    path = _doc(tmp_path / "w.docx", "1. Who owns the network? 2. Who sets the tariffs?")
    dialog = _open(qtbot, app_context, path)
    _select(qtbot, dialog, "Who owns the network?")
    text = dialog.wording.toPlainText()
    cursor = dialog.wording.textCursor()
    cursor.setPosition(text.index("2."))
    dialog.wording.setTextCursor(cursor)
    qtbot.mouseClick(dialog.split_button, Qt.MouseButton.LeftButton)
    rows = _rows(dialog)
    assert ("Question", "1", "Who owns the network?") in rows
    assert ("Question", "2", "Who sets the tariffs?") in rows
    _install(qtbot, dialog)
    assert [q.id for q in app_context.catalog.get("survey-on-water").questions()] == ["q1", "q2"]


def test_change_a_limit_and_the_limit_for_all(qtbot: QtBot, app_context: AppContext,
                                              tmp_path: Path) -> None:
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    _select(qtbot, dialog, "Which challenges remain?")
    assert not dialog.line_limit.enabled.isChecked()  # it takes the limit for all
    qtbot.mouseClick(dialog.line_limit.enabled, Qt.MouseButton.LeftButton)
    dialog.line_limit.amount.selectAll()
    qtbot.keyClicks(dialog.line_limit.amount, "750")
    qtbot.keyClicks(dialog.line_limit.unit, "w")  # words
    # The limit for all questions goes from 500 to 400 words.
    dialog.default_limit.amount.selectAll()
    qtbot.keyClicks(dialog.default_limit.amount, "400")
    assert dialog.lines.topLevelItem(dialog.lines.current_row()).text(3) == "750 words"
    _install(qtbot, dialog)
    q = app_context.catalog.get(TYPED_ID)
    assert q.question("q4").limit is not None
    assert (q.question("q4").limit.amount, q.question("q4").limit.unit) == (750, Unit.WORDS)
    assert q.question("q1").limit is not None and q.question("q1").limit.amount == 400
    # Unchanged limits keep the document's own wording.
    assert q.question("q2").limit.wording == (
        "Maximum limit: approximately 5,000 characters with spaces")


def test_title_and_id(qtbot: QtBot, app_context: AppContext, tmp_path: Path) -> None:
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    dialog.title_edit.selectAll()
    qtbot.keyClicks(dialog.title_edit, "Privacy call 2026")
    assert dialog.id_edit.text() == "privacy-call-2026"
    _install(qtbot, dialog)
    assert app_context.catalog.get("privacy-call-2026").title == "Privacy call 2026"


def test_nothing_to_install_when_no_question_is_left(qtbot: QtBot, app_context: AppContext,
                                                     tmp_path: Path) -> None:
    path = _doc(tmp_path / "w.docx", "1. Who supplies water?")
    dialog = _open(qtbot, app_context, path)
    _select(qtbot, dialog, "Who supplies water?")
    qtbot.keyClicks(dialog.role_combo, "Instruction")
    assert not dialog.install_button.isEnabled()
    assert "no questions were found" in dialog.summary.text()


def test_save_definition_to_share(qtbot: QtBot, app_context: AppContext, tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "shared" / "privacy.toml"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *args, **kwargs: (str(target), "*.toml"))
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert load_definition(target) == dialog.questionnaire
    assert dialog.isVisible()  # saving is not installing
    with pytest.raises(NotFoundError):
        app_context.catalog.get(TYPED_ID)


def test_review_and_install_from_the_library(qtbot: QtBot, app_context: AppContext,
                                             tmp_path: Path,
                                             modal: Callable[..., None]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    modal(lambda dialog: qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton))
    installed = review_and_install(parent, app_context, TYPED_EN.write(tmp_path))
    assert installed is not None and installed.id == TYPED_ID
    assert app_context.catalog.get(TYPED_ID) == installed


def test_cancel_installs_nothing(qtbot: QtBot, app_context: AppContext, tmp_path: Path,
                                 modal: Callable[..., None]) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    modal(lambda dialog: qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton))
    assert review_and_install(parent, app_context, TYPED_EN.write(tmp_path)) is None
    with pytest.raises(NotFoundError):
        app_context.catalog.get(TYPED_ID)


@pytest.mark.parametrize(("content", "message"), [
    (b"not a document", "notes.docx: not a Word document (.docx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "notes.docx: not a Word document"),
])
def test_bad_file_is_explained_and_installs_nothing(
        qtbot: QtBot, app_context: AppContext, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, content: bytes, message: str) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a, **k: shown.append(text))
    before = [i.id for i in app_context.catalog.list()]
    bad = tmp_path / "notes.docx"
    bad.write_bytes(content)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert review_and_install(parent, app_context, bad) is None
    assert len(shown) == 1 and shown[0].startswith(message)
    assert [i.id for i in app_context.catalog.list()] == before


def test_a_definition_file_installs_directly(qtbot: QtBot, app_context: AppContext,
                                             tmp_path: Path) -> None:
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    toml = dialog.save_definition(tmp_path / "privacy.toml")
    assert toml is not None
    parent = QWidget()
    qtbot.addWidget(parent)
    installed = review_and_install(parent, app_context, toml)
    assert installed is not None and installed.id == TYPED_ID


def _when_modal(kind: type, handler: Callable[[QWidget], None], timeout_s: float = 10.0) -> None:
    """Run ``handler`` on the next modal dialog of class ``kind`` once it is shown."""
    deadline = time.monotonic() + timeout_s

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget.isVisible():
            handler(widget)
        elif time.monotonic() < deadline:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_file_import_questionnaire_in_the_library(qtbot: QtBot, app_context: AppContext,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """File ▸ Import questionnaire… with a .docx: review, install, then a new response."""
    from consultdesk.ui.library.new_response_dialog import NewResponseDialog
    from consultdesk.ui.library.window import LibraryWindow

    docx = TYPED_EN.write(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(docx), "Questionnaires (*.docx *.toml)"))
    window = LibraryWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    offered: list[str] = []

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportReviewDialog)
        _when_modal(NewResponseDialog, offer)
        qtbot.mouseClick(dialog.install_button, Qt.MouseButton.LeftButton)

    def offer(dialog: QWidget) -> None:
        assert isinstance(dialog, NewResponseDialog)
        offered.append(dialog.selected().id)
        dialog.reject()

    _when_modal(ImportReviewDialog, review)
    window.frame.import_action.trigger()
    qtbot.waitUntil(lambda: offered == [TYPED_ID])
    assert TYPED_ID in [i.id for i in app_context.catalog.list()]


def test_the_id_field_accepts_only_what_an_id_may_hold(qtbot: QtBot, app_context: AppContext,
                                                       tmp_path: Path) -> None:
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    dialog.id_edit.clear()
    qtbot.keyClicks(dialog.id_edit, "my call/2026 v2")
    assert dialog.id_edit.text() == "mycall2026v2"
    _install(qtbot, dialog)
    assert app_context.catalog.get("mycall2026v2").title == TYPED_EN.title


def test_cancel_asks_before_throwing_corrections_away(qtbot: QtBot, app_context: AppContext,
                                                      tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and asked == []  # nothing corrected: no question
    dialog = _open(qtbot, app_context, TYPED_EN.write(tmp_path))
    _select(qtbot, dialog, "Please include references")
    qtbot.keyClicks(dialog.role_combo, "Question")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and len(asked) == 1  # kept: the user chose Cancel
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and len(asked) == 2
    with pytest.raises(NotFoundError):
        app_context.catalog.get(TYPED_ID)
