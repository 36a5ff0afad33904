"""The response window's actions: done, find, history, preflight, respondent details, keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QWidget
from test_response_window import EU, OHCHR, click_option, open_window, stored

from consultdesk.app_context import AppContext
from consultdesk.ui.response_window.history_dialog import HistoryDialog, diff_html
from consultdesk.ui.response_window.navigator import RESPONDENT_KEY
from consultdesk.ui.response_window.preflight_dialog import PreflightDialog
from consultdesk.ui.status_icons import AnswerState

CTRL = Qt.KeyboardModifier.ControlModifier


def test_mark_done_with_ctrl_d(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "See the answer for Q2"})
    window = open_window(qtbot, app_context, rid)
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    assert window.session.state("q1") is AnswerState.DONE
    assert window.panel.done_box.isChecked()
    assert app_context.responses.load(rid).done.get("q1") is True
    window.navigator.filter.setCurrentIndex(1)  # "Not done"
    assert "q1" not in window.navigator.visible_keys()
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    assert not app_context.responses.load(rid).done.get("q1")
    assert window.session.state("q1") is AnswerState.IN_PROGRESS


def test_find_across_answers_jumps_and_selects(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={
        "q2": "Online meetings with NGOs.", "q5": "Leaflets in many languages; more NGOs."})
    window = open_window(qtbot, app_context, rid)
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible() and window.find_bar.field.hasFocus()
    qtbot.keyClicks(window.find_bar.field, "ngos")
    assert window.find_bar.results.count() == 2
    assert window.find_bar.summary.text() == "2 found"
    window.find_bar.results.setCurrentRow(1)
    qtbot.keyClick(window.find_bar.results, Qt.Key.Key_Return)
    assert window.current_key() == "q5"
    assert window.answers.text_editor.editor.textCursor().selectedText() == "NGOs"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()


def test_revision_history_diff_and_restore(qtbot, app_context: AppContext, modal) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "First draft.")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)  # keep a revision
    assert [r.value for r in app_context.responses.revisions(rid, "q1")] == ["First draft.\n"]
    editor.selectAll()
    qtbot.keyClicks(editor, "Rewritten completely.")
    window.session.autosave.flush()

    def restore(dialog: QWidget) -> None:
        assert isinstance(dialog, HistoryDialog)
        assert "First" in dialog.diff.toPlainText() and "Rewritten" in dialog.diff.toPlainText()
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        dialog.restore_button.click()

    modal(restore)
    window.show_history()
    assert editor.toPlainText() == "First draft."
    assert stored(app_context, rid, "q1") == "First draft.\n"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the restore itself can be undone
    assert editor.toPlainText() == "Rewritten completely."


def test_diff_marks_removed_and_added_words() -> None:
    html = diff_html("the old text", "the new text")
    assert "line-through\">old</span>" in html and ">new</span>" in html


def test_export_preflight_lists_problems_and_jumps(qtbot, app_context: AppContext,
                                                   modal) -> None:
    rid = app_context.responses.create(EU, "EU", respondent={"organisation": "Ministry"},
                                       answers={"title_of_contribution": "x" * 151})
    window = open_window(qtbot, app_context, rid)
    seen: list[str] = []

    def jump(dialog: QWidget) -> None:
        assert isinstance(dialog, PreflightDialog)
        items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        seen.extend(items)
        row = next(i for i, t in enumerate(items) if t.startswith("“E-mail”"))
        dialog.list.setCurrentRow(row)
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    modal(jump)
    window.export()
    assert "Question 4: 151 / 150 characters with spaces (1 over)" in seen
    assert "Question 1 is required" in seen and "“E-mail” is empty" in seen
    assert window.current_key() == RESPONDENT_KEY
    email = window.answers.respondent_form.fields["email"]
    assert window.focusWidget() is email  # focused as soon as the window is active again
    window.activateWindow()
    qtbot.waitUntil(email.hasFocus)


def test_respondent_details_form_saves(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(EU, "EU")
    window = open_window(qtbot, app_context, rid)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL | Qt.KeyboardModifier.ShiftModifier)
    form = window.answers.respondent_form
    qtbot.keyClicks(form.fields["organisation"], "Ministry of Foreign Affairs")
    form.fields["capacity"].setCurrentIndex(form.fields["capacity"].findData("ngo"))
    window.session.autosave.flush()
    details = app_context.responses.load(rid).respondent
    assert details["organisation"] == "Ministry of Foreign Affairs"
    assert details["capacity"] == "ngo"


def test_short_text_and_multiple_choice(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(EU, "EU")
    window = open_window(qtbot, app_context, rid)
    window.navigator.select("priorities")
    choice = window.answers.other
    click_option(qtbot, choice.buttons["solidarity"])
    click_option(qtbot, choice.buttons["people_centred"])
    assert choice.hint.text() == "Choose between 1 and 3."
    window.navigator.select("title_of_contribution")
    line = window.answers.other.findChild(QLineEdit)
    qtbot.keyClicks(line, "A *title*")
    assert window.answers.other.counter.label.text() == (
        "9 / 150 characters (with spaces) as the portal counts")
    window.session.autosave.flush()
    assert stored(app_context, rid, "priorities") == ["people_centred", "solidarity"]
    assert stored(app_context, rid, "title_of_contribution") == "A \\*title\\*"


def test_show_the_excess_selects_it_in_a_one_line_answer(qtbot, app_context: AppContext
                                                         ) -> None:
    title = "Digital rights in practice: " * 6  # 168 characters, 150 allowed
    rid = app_context.responses.create(EU, "EU", answers={"title_of_contribution": title})
    window = open_window(qtbot, app_context, rid)
    window.navigator.select("title_of_contribution")
    short = window.answers.other
    assert short.counter.excess_button.isVisible()
    qtbot.mouseClick(short.counter.excess_button, Qt.MouseButton.LeftButton)
    line = short.findChild(QLineEdit)
    assert line.hasFocus()
    assert line.selectedText() == title.rstrip()[150:]  # the words past the limit
    # An emoji before the cut: the portal counts it as 4 (UTF-16 units), the line edit's
    # positions are units too, so the selection starts right after the 150th unit.
    line.setText("👍🏽" + "x" * 160)
    line.textEdited.emit(line.text())
    qtbot.mouseClick(short.counter.excess_button, Qt.MouseButton.LeftButton)
    assert line.selectedText() == "x" * 14


def test_undo_is_per_answer(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClicks(editor, "one")
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    assert window.current_key() == "q2"
    editor.setFocus()
    qtbot.keyClicks(editor, "two")
    qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == ""
    window.session.autosave.flush()
    assert stored(app_context, rid, "q1") == "" and stored(app_context, rid, "q2") == "two\n"


def test_every_control_has_an_accessible_name(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(EU, "EU")
    window = open_window(qtbot, app_context, rid)
    for key in [RESPONDENT_KEY, "level", "priorities", "title_of_contribution", "remarks"]:
        window.navigator.select(key)
        for widget in window.findChildren(QWidget):
            if not widget.isVisible() or not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                continue
            if isinstance(widget.parent(), QListWidget | QLineEdit) or widget.inherits(
                    "QAbstractScrollArea") and widget.accessibleName() == "":
                name = widget.accessibleName()
            else:
                name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert name, f"{type(widget).__name__} on {key} has no accessible name"
    assert QApplication.activeWindow() is window


def _export_to(monkeypatch, tmp_path, name: str = "out.docx"):
    """Answer the save dialog with a file under tmp_path; settings go to tmp_path too."""
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / name
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    return target


def test_export_to_word_writes_the_answers(qtbot, app_context: AppContext, monkeypatch,
                                           tmp_path, modal) -> None:
    import docx

    rid = app_context.responses.create(OHCHR, "Japan", respondent={
        "state": "Japan", "institution": "Ministry of Foreign Affairs"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    # Typed words, not a reference: the preflight checks references, never phrases, so
    # an empty Q2 is no problem here (a phrase-based check once opened the preflight
    # dialog, which took the handler meant for the options and left exec() waiting).
    qtbot.keyClicks(editor, "See the answer for Q2")
    target = _export_to(monkeypatch, tmp_path)

    def keep_options(dialog: QWidget) -> None:
        assert not isinstance(dialog, PreflightDialog), describe(dialog)  # fails, never hangs
        dialog.accept()  # the export options, as they are

    modal(keep_options)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)  # no problems: options, then the file
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "See the answer for Q2" in text and "Ministry of Foreign Affairs" in text
    assert str(target) in window.statusBar().currentMessage()


def describe(dialog: QWidget) -> str:
    """What an unexpected dialog says, for a failing assertion."""
    if isinstance(dialog, PreflightDialog):
        return "; ".join(dialog.list.item(i).text() for i in range(dialog.list.count()))
    return type(dialog).__name__


def test_a_reference_to_an_unanswered_question_is_in_the_preflight(
        qtbot, app_context: AppContext, monkeypatch, tmp_path, modal) -> None:
    import docx

    rid = app_context.responses.create(OHCHR, "Japan", respondent={
        "state": "Japan", "institution": "MOFA"},
        answers={"q1": "See the answer for [question 2](#ref:q2)."})
    window = open_window(qtbot, app_context, rid)
    target = _export_to(monkeypatch, tmp_path)
    seen: list[str] = []

    def keep_options(dialog: QWidget) -> None:
        assert not isinstance(dialog, PreflightDialog)
        modal(lambda box: box.accept())  # the export's notes
        dialog.accept()

    def export_anyway(dialog: QWidget) -> None:
        assert isinstance(dialog, PreflightDialog), type(dialog).__name__
        seen.extend(dialog.list.item(i).text() for i in range(dialog.list.count()))
        modal(keep_options)
        dialog.export_button.click()

    modal(export_anyway)
    window.export()
    assert seen == ["Question 1 refers to question 2, which is not answered"]
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "See the answer for question 2." in text


def test_export_anyway_after_the_preflight(qtbot, app_context: AppContext, monkeypatch,
                                           tmp_path, modal) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "x" * 5001})
    window = open_window(qtbot, app_context, rid)
    target = _export_to(monkeypatch, tmp_path)
    notes: list[str] = []

    def read_notes(box: QWidget) -> None:
        notes.append(box.text())
        box.accept()

    def keep_options(dialog: QWidget) -> None:
        assert not isinstance(dialog, PreflightDialog)  # the options dialog comes next
        modal(read_notes)  # the export then tells what it noticed
        dialog.accept()

    def export_anyway(dialog: QWidget) -> None:
        assert isinstance(dialog, PreflightDialog)
        modal(keep_options)
        dialog.export_button.click()

    modal(export_anyway)
    window.export()
    assert target.exists()
    assert notes and "Question 1: 5,001 / 5,000" in notes[0]


def test_window_shortcuts_work_while_typing(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan", answers={"q1": "Draft"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_D, CTRL)
    assert window.session.done.get("q1") is True
    qtbot.keyClick(editor, Qt.Key.Key_PageDown, CTRL)
    assert window.current_key() == "q2"
    qtbot.keyClick(editor, Qt.Key.Key_PageUp, CTRL)
    assert window.current_key() == "q1"
    qtbot.keyClick(editor, Qt.Key.Key_L, CTRL)
    assert window.navigator.tree.hasFocus()
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_Down)
    assert window.current_key() == "q2"
    qtbot.keyClick(window.navigator.tree, Qt.Key.Key_J, CTRL)
    assert editor.hasFocus()


def test_diff_of_a_long_answer_shows_the_change_with_little_context() -> None:
    old = " ".join(f"w{i}" for i in range(300))
    html = diff_html(old, old + " appended")
    assert "> appended</span>" in html and "w299" in html and "w5 " not in html


def test_copy_for_a_web_form_puts_what_the_portal_counts(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(EU, "EU", answers={"remarks": "**ab**\n\n- c\n  - d\n"})
    window = open_window(qtbot, app_context, rid)
    window.navigator.select("remarks")
    qtbot.keyClick(window, Qt.Key.Key_C, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.clipboard().text() == "ab\n- c\n  - d"
    # The counter said what the portal will count for exactly that text.
    assert window.answers.text_editor.count.value == len("ab\n- c\n  - d") + 2
    assert window.statusBar().currentMessage().startswith("Copied: 14 / 5,000")


def test_paste_as_plain_text_drops_formatting(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(OHCHR, "Japan")
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    editor.setFocus()
    QApplication.clipboard().setText("plain *stars*")
    qtbot.keyClick(editor, Qt.Key.Key_B, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL | Qt.KeyboardModifier.ShiftModifier)
    window.answers.flush_pending()
    assert window.session.text("q1") == "plain \\*stars\\*\n"


def test_short_text_counts_japanese_from_an_input_method(qtbot, app_context: AppContext) -> None:
    from PySide6.QtGui import QInputMethodEvent

    rid = app_context.responses.create(EU, "EU")
    window = open_window(qtbot, app_context, rid)
    window.navigator.select("title_of_contribution")
    line = window.answers.other.findChild(QLineEdit)
    line.setFocus()
    QApplication.sendEvent(line, QInputMethodEvent("でじたる", []))  # composing: not counted
    assert window.answers.other.counter.label.text().startswith("0 / 150")
    commit = QInputMethodEvent()
    commit.setCommitString("デジタル権利")
    QApplication.sendEvent(line, commit)
    assert window.answers.other.counter.label.text().startswith("6 / 150")
    window.session.autosave.flush()
    assert stored(app_context, rid, "title_of_contribution") == "デジタル権利"


def test_shared_budget_shows_its_use(qtbot, app_context: AppContext) -> None:
    from test_response_window import SR

    rid = app_context.responses.create(SR, "SR", answers={"good_practice": "word " * 2400})
    window = open_window(qtbot, app_context, rid)
    window.navigator.select("challenges")
    assert window.panel.budget_label.text() == (
        "Part II must not exceed 2,500 words — 2,400 used so far")
    editor = window.answers.text_editor.editor
    editor.setFocus()
    editor.insertPlainText("many words " * 60)
    qtbot.waitUntil(lambda: window.panel.budget_label.text().endswith(
        "2,520 used so far — 20 over"), timeout=2000)
    assert window.panel.budget_label.font().bold()


def test_formatting_menu_only_acts_on_a_shown_editor(qtbot, app_context: AppContext) -> None:
    rid = app_context.responses.create(EU, "EU", answers={"remarks": "Some text"})
    window = open_window(qtbot, app_context, rid)
    editor = window.answers.text_editor.editor
    window.navigator.select("remarks")
    assert editor.action_bold.isEnabled()
    window.navigator.select("level")
    assert not editor.action_bold.isEnabled() and not editor.action_undo.isEnabled()
    editor.action_bold.trigger()  # from the menu: nothing happens to the hidden answer
    assert window.session.text("remarks") == "Some text"
