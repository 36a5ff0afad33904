"""The export options dialog: template, unanswered, choices, blocks, annex; blank export."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from test_response_window import OHCHR, click_option, open_window

from consultdesk.app_context import AppContext
from consultdesk.ui.response_window.export_options_dialog import ExportOptionsDialog

CTRL = Qt.KeyboardModifier.ControlModifier
ANSWER = "Online meetings with NGOs were held every month."
#: Respondent details complete, so the preflight has nothing to say.
RESPONDENT = {"state": "Japan", "institution": "Ministry of Foreign Affairs"}


@pytest.fixture
def settings_file(settings_path: Path) -> Path:
    """The INI file the app context's settings are kept in (under tmp_path)."""
    return settings_path


@pytest.fixture
def save_as(tmp_path: Path, monkeypatch) -> list[Path]:
    """Answer each save dialog with out1.docx, out2.docx… under tmp_path (the list grows)."""
    made: list[Path] = []

    def answer(*args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(tmp_path / f"out{len(made) + 1}.docx")
        return str(made[-1]), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return made


def letterhead(tmp_path: Path) -> Path:
    """A user's own Word template, with a header a ministry would put on every page."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "MINISTRY LETTERHEAD"
    path = tmp_path / "letterhead.docx"
    document.save(str(path))
    return path


def text_of(path: Path) -> str:
    """Every paragraph of the body and of its tables."""
    document = docx.Document(str(path))
    cells = [p.text for t in document.tables for row in t.rows for c in row.cells
             for p in c.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def press_export(qtbot, window: QWidget) -> None:
    """Ctrl+E, as a user presses it once the window is active again after a dialog."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)


def options_dialog(widget: QWidget) -> ExportOptionsDialog:
    assert isinstance(widget, ExportOptionsDialog), type(widget).__name__
    return widget


def test_options_are_used_and_remembered(qtbot, app_context: AppContext, modal, settings_file,
                                         save_as) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", respondent=RESPONDENT,
                                       answers={"q2": ANSWER})
    window = open_window(qtbot, app_context, rid)

    def omit_with_annex(widget: QWidget) -> None:
        dialog = options_dialog(widget)
        assert dialog.no_response.isChecked() and not dialog.annex.isChecked()  # the defaults
        click_option(qtbot, dialog.omit)
        click_option(qtbot, dialog.annex)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    modal(omit_with_annex)
    press_export(qtbot, window)
    first = docx.Document(str(save_as[0]))
    body = text_of(save_as[0])
    assert ANSWER in body and "No response" not in body
    assert "Annex: length of each answer" in body
    assert any("Length" in (c.text for c in t.rows[0].cells) for t in first.tables)

    def see_remembered_then_no_response(widget: QWidget) -> None:
        dialog = options_dialog(widget)
        assert dialog.omit.isChecked() and dialog.annex.isChecked()  # pre-filled
        click_option(qtbot, dialog.no_response)
        click_option(qtbot, dialog.annex)  # off again
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    modal(see_remembered_then_no_response)
    press_export(qtbot, window)
    body = text_of(save_as[1])
    assert "No response" in body and "Annex: length of each answer" not in body
    assert str(save_as[1]) in window.statusBar().currentMessage()

    seen: list[tuple[bool, bool]] = []

    def look_and_cancel(widget: QWidget) -> None:
        dialog = options_dialog(widget)
        seen.append((dialog.no_response.isChecked(), dialog.annex.isChecked()))
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    modal(look_and_cancel)
    window.export()
    assert seen == [(True, False)] and len(save_as) == 2  # cancelled: no save dialog
    stored = QSettings(str(settings_file), QSettings.Format.IniFormat)
    assert stored.value("export/unanswered") == "no-response"


def test_a_users_template_gives_its_letterhead(qtbot, app_context: AppContext, modal,
                                               settings_file, save_as, tmp_path,
                                               monkeypatch) -> None:
    template = letterhead(tmp_path)
    opened: list[str] = []

    def choose(*args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(args[3] if len(args) > 3 else "")  # the filter offered
        return str(template), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))
    rid = app_context.responses.create(OHCHR, "Japan", respondent=RESPONDENT,
                                       answers={"q1": ANSWER})
    window = open_window(qtbot, app_context, rid)

    def pick_template(widget: QWidget) -> None:
        dialog = options_dialog(widget)
        assert dialog.template.currentText() == "Default layout"
        dialog.template.setFocus()
        qtbot.keyClick(dialog.template, Qt.Key.Key_End)  # “Choose a .docx or .dotx file…”
        assert dialog.template.currentText() == "letterhead.docx"
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    modal(pick_template)
    press_export(qtbot, window)
    assert opened and "*.dotx" in opened[0]
    out = docx.Document(str(save_as[0]))
    assert "MINISTRY LETTERHEAD" in "\n".join(
        p.text for s in out.sections for p in s.header.paragraphs)
    assert ANSWER in text_of(save_as[0])

    listed: list[list[str]] = []

    def remembered(widget: QWidget) -> None:
        dialog = options_dialog(widget)
        listed.append([dialog.template.itemText(i) for i in range(dialog.template.count())])
        assert dialog.template_path() == template
        dialog.reject()

    modal(remembered)
    window.export()
    assert listed == [["Default layout", "letterhead.docx", "Choose a .docx or .dotx file…"]]


def test_a_damaged_template_is_a_clear_message_and_the_draft_is_kept(
        qtbot, app_context: AppContext, modal, settings_file, save_as, tmp_path,
        monkeypatch) -> None:
    broken = tmp_path / "broken.dotx"
    broken.write_bytes(b"this is not a Word file")
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(broken), "")))
    rid = app_context.responses.create(OHCHR, "Japan", respondent=RESPONDENT,
                                       answers={"q1": ANSWER})
    before = app_context.responses.load(rid).answers
    window = open_window(qtbot, app_context, rid)
    messages: list[str] = []

    def read_message(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.accept()

    def pick_broken(widget: QWidget) -> None:
        dialog = options_dialog(widget)
        qtbot.keyClick(dialog.template, Qt.Key.Key_End)
        modal(read_message)
        dialog.accept()

    modal(pick_broken)
    window.export()
    assert len(messages) == 1 and "broken.dotx" in messages[0]
    assert "Traceback" not in messages[0]
    assert not save_as[0].exists()
    assert app_context.responses.load(rid).answers == before


def test_blank_questionnaire_has_the_questions_and_no_answers(
        qtbot, app_context: AppContext, modal, settings_file, save_as) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", respondent=RESPONDENT,
                                       answers={"q1": ANSWER})
    window = open_window(qtbot, app_context, rid)
    shown: list[bool] = []

    def template_only(widget: QWidget) -> None:
        dialog = options_dialog(widget)
        shown.append(dialog.annex.isVisible() or dialog.omit.isVisible())
        assert dialog.template.isVisible()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    modal(template_only)
    menu = window.menuBar().actions()[0].menu()
    assert window.action_export_blank in menu.actions()
    window.action_export_blank.trigger()
    assert shown == [False]
    body = text_of(save_as[0])
    for question in window.session.questionnaire.questions():
        assert question.text.split("\n")[0][:60] in body
    assert ANSWER not in body
    assert app_context.responses.load(rid).answers["q1"].startswith(ANSWER)


def test_an_output_open_in_word_is_a_clear_message(qtbot, app_context: AppContext, modal,
                                                   settings_file, tmp_path,
                                                   monkeypatch) -> None:
    target = tmp_path / "response.docx"
    target.write_bytes(b"the previous export")
    (tmp_path / ".~lock.response.docx#").write_text("lock")  # open in LibreOffice
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    rid = app_context.responses.create(OHCHR, "Japan", respondent=RESPONDENT,
                                       answers={"q1": ANSWER})
    window = open_window(qtbot, app_context, rid)
    messages: list[str] = []

    def read_message(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        messages.append(box.text())
        box.accept()

    def accept_options(widget: QWidget) -> None:
        modal(read_message)
        options_dialog(widget).accept()

    modal(accept_options)
    window.export()
    assert len(messages) == 1 and "open in a word processor" in messages[0]
    assert target.read_bytes() == b"the previous export"
    assert not window.statusBar().currentMessage().startswith("Exported")
    assert app_context.responses.load(rid).answers["q1"].startswith(ANSWER)


def test_all_choices_with_boxes_and_blocks_as_a_table(qtbot, app_context: AppContext, modal,
                                                      settings_file, save_as) -> None:
    from test_response_window import SR

    rid = app_context.responses.create(
        SR, "SR", respondent={"submitter": "Japan", "institution": "MOFA", "publish": "yes"},
        answers={"laws": "The Act on the Protection of Personal Information.",
                 "authority": "yes",
                 "measures": [{"description": "A hotline for journalists.",
                               "timeframe": "2023–2025", "lead": "MIC"}]})
    window = open_window(qtbot, app_context, rid)

    def all_and_table(widget: QWidget) -> None:
        dialog = options_dialog(widget)
        click_option(qtbot, dialog.all_choices)
        click_option(qtbot, dialog.table)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    modal(all_and_table)
    press_export(qtbot, window)
    document = docx.Document(str(save_as[0]))
    body = text_of(save_as[0])
    assert "☒" in body and "☐" in body  # “Yes” chosen, “No” shown unticked
    header_rows = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["Description of the measure", "Timeframe", "Lead ministry"] in [
        [cell.split("\n")[0] for cell in row] for row in header_rows]
    assert "A hotline for journalists." in body
