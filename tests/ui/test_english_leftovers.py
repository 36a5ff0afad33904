"""The last English that reached a Japanese user: system error texts, the crash dialog,
contribution receive notes, mail attachment names, list separators, a duplicate's title.

Each test drives the real widgets with the Japanese translation installed and reads what
the user sees; the CLI's English is checked beside it where it has one."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from consultdesk.launcher import Launcher
from consultdesk.services.settings import Settings
from consultdesk.ui.application import EXIT_CANNOT_START, GuiSession
from consultdesk.ui.errors import error_text, show_error
from consultdesk.ui.i18n import Translations


def _read_next_box(modal) -> list[QMessageBox]:
    """The text (and details) of the next message box, which is then closed."""
    seen: list[dict[str, str]] = []

    def read(box: QMessageBox) -> None:
        seen.append({"text": box.text(), "details": box.detailedText(),
                     "informative": box.informativeText()})
        box.close()

    modal(read)
    return seen  # type: ignore[return-value]


# -- 4. an operating-system error without our own wording ---------------------------------

def test_a_system_error_we_do_not_word_keeps_its_text_as_a_detail(qtbot, japanese,
                                                                  modal) -> None:
    """ESPIPE (a seek on a pipe, for real) has no template of ours: the box says in
    Japanese that the system reported an error, with the system's text kept as a detail."""
    import errno

    read, write = os.pipe()
    try:
        with pytest.raises(OSError) as info:
            os.lseek(read, 0, os.SEEK_SET)
    finally:
        os.close(read)
        os.close(write)
    assert info.value.errno == errno.ESPIPE
    seen = _read_next_box(modal)
    show_error(None, "ConsultDesk", info.value)
    detail = info.value.strerror
    assert seen[0]["text"] == f"システムのエラー {errno.ESPIPE}：{detail}"
    from consultdesk.domain.files import os_reason

    assert str(os_reason(info.value)) == f"error {errno.ESPIPE} from the system: {detail}"


@pytest.mark.parametrize(("make", "japanese_reason", "english_strerror"), [
    (lambda p: (p.mkdir(), p.mkdir()), "同じ名前のファイルまたはフォルダーが既にあります",
     "File exists"),
    (lambda p: (p.mkdir(), (p / "x").write_text("x"), p.rmdir()), "フォルダーが空ではありません",
     "Directory not empty"),
], ids=["EEXIST", "ENOTEMPTY"])
def test_common_system_errors_have_our_wording(qtbot, japanese, modal, tmp_path: Path,
                                               make, japanese_reason: str,
                                               english_strerror: str) -> None:
    """Real OSErrors with a common errno: our sentence, never the system's English."""
    target = tmp_path / "folder"
    with pytest.raises(OSError) as info:
        make(target)
    seen = _read_next_box(modal)
    show_error(None, "ConsultDesk", info.value)
    assert seen[0]["text"] == f"{target}：{japanese_reason}"  # full-width, as the house style
    assert english_strerror not in seen[0]["text"]


def test_a_data_folder_that_is_a_file_is_explained_in_japanese(
        qtbot, japanese, modal, tmp_path: Path, settings: Settings) -> None:
    """Starting on a data folder that is a file: the start-up box gave the system's
    'File exists'; now our words for it."""
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("I am a file, not a folder")
    seen = _read_next_box(modal)
    session = GuiSession(Launcher(not_a_dir), settings)
    try:
        assert session.start() == EXIT_CANNOT_START
    finally:
        session.close()
    text = seen[0]["text"]
    assert str(not_a_dir) in text
    assert "同じ名前のファイルまたはフォルダーが既にあります" in text, text
    assert "File exists" not in text


def test_error_text_of_a_library_error_without_errno(japanese) -> None:
    """An OSError without an errno (raised by a library) is said as the system's error."""
    assert error_text(OSError("socket gone")) == "システムのエラー：socket gone"


# -- 1. the crash dialog --------------------------------------------------------------------

SHOTS = Path(os.environ.get("CONSULTDESK_SHOTS", "/tmp/consultdesk-shots"))


def test_the_crash_dialog_reads_in_japanese_with_the_details_for_support(
        qtbot, japanese, modal, monkeypatch, data_dir: Path, capsys) -> None:
    """An error nothing handled: the box's text is Japanese only (no exception type, no
    English), the log file is named, and the exception with its traceback is in Details."""
    import signal
    import sys

    from consultdesk.ui.application import install_error_handlers, make_application

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # leave pytest's SIGINT alone
    install_error_handlers(make_application(), data_dir)
    seen: list[dict[str, str]] = []

    def read(box: QMessageBox) -> None:
        seen.append({"text": box.text(), "informative": box.informativeText(),
                     "details": box.detailedText(),
                     "buttons": " ".join(b.text() for b in box.buttons())})
        SHOTS.mkdir(parents=True, exist_ok=True)
        box.grab().save(str(SHOTS / "crash-dialog-ja.png"))
        [details] = [b for b in box.buttons()
                     if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]
        details.click()  # what support asks for: the traceback, selectable
        box.grab().save(str(SHOTS / "crash-dialog-ja-details.png"))
        box.close()

    modal(read)
    try:
        {}["missing key"]  # a programming error: KeyError
    except KeyError:
        sys.excepthook(*sys.exc_info())
    log = data_dir / "logs" / "consultdesk.log"
    [box] = seen
    assert box["text"] == ("問題が発生したため、ConsultDesk は実行中の操作を完了できませんでした。"
                           "回答は入力のたびに保存されています。")
    assert box["informative"] == (f"再び起こる場合は、「詳細を表示」で表示される詳細、またはファイル "
                                  f"{log} をサポート担当者に送ってください。")
    assert "詳細を表示" in box["buttons"]
    assert box["details"].startswith("Traceback (most recent call last):")
    assert box["details"].endswith("KeyError: 'missing key'")
    assert "KeyError: 'missing key'" in log.read_text(encoding="utf-8")
    # The terminal gets one English line, for whoever started the app from one.
    assert capsys.readouterr().err.strip() == (
        f"consultdesk: unexpected error: KeyError: 'missing key'; the details are in {log}")


def test_a_consultdesk_error_nothing_caught_shows_its_own_translated_message(
        qtbot, japanese, modal, monkeypatch, data_dir: Path) -> None:
    import signal
    import sys

    from consultdesk.domain.errors import NotFoundError
    from consultdesk.ui.application import install_error_handlers, make_application

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(signal, "signal", lambda *_: None)
    install_error_handlers(make_application(), data_dir)
    seen = _read_next_box(modal)
    try:
        raise NotFoundError("no response with id {response_id!r}", response_id="R-404")
    except NotFoundError:
        sys.excepthook(*sys.exc_info())
    assert seen[0]["text"] == "ID が 'R-404' の回答はありません"
    assert "NotFoundError: no response with id 'R-404'" in seen[0]["details"]


# -- 2. and 5. what a received reply held, in Japanese ----------------------------------------

GACSA = "gacsa-report-2026"


def _table(doc, rows: list[list[str]]):
    """A w:tbl of plain paragraphs, as a contributor pastes a table into the box."""
    from lxml import etree

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
    from contribution_filling import q

    table = etree.Element(q("tbl"))
    for cells in rows:
        row = etree.SubElement(table, q("tr"))
        for text in cells:
            etree.SubElement(row, q("tc")).append(doc.paragraph(text))
    return table


def test_a_received_reply_says_what_it_held_in_japanese(
        qtbot, japanese, app_context, tmp_path: Path) -> None:
    """Receiving in the window: the board says who sent how many answers, what was left
    empty or was already there (items named 問 N, listed with 、), and the reader's notes
    (a table read as paragraphs, an item no longer assigned) in Japanese; the CLI's
    English notes are unchanged."""
    from PySide6.QtWidgets import QApplication

    from consultdesk.ui.response_window import ResponseWindow

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
    from contribution_filling import Doc, word_fills_control

    c = app_context.contributions
    rid = app_context.responses.create(GACSA, "Japan 2026", respondent={
        "state": "Japan", "institution": "Ministry of Foreign Affairs"})
    c.add_contributor("NPA", "National Police Agency")
    ids = c.assign(rid, ["t1_summary", "t2_summary", "t3_summary", "t1_done[+]"], "NPA")
    request = c.write_request(rid, "NPA", tmp_path / "request.docx")
    c.unassign(ids[2])  # t3_summary taken back after the request went out
    doc = Doc(request)
    word_fills_control(doc, "t1_summary", ["Police data:"])
    doc.control("t1_summary").find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sdtContent").append(
        _table(doc, [["Year", "Cases"], ["2025", "312"]]))
    doc.save(tmp_path / "reply.docx")
    questionnaire = app_context.responses.load(rid).questionnaire
    number = {k: questionnaire.question(k).display_number
              for k in ("t1_summary", "t2_summary", "t3_summary", "t1_done")}
    entry = questionnaire.question("t1_done").entry_label

    window = ResponseWindow(app_context, rid)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    result = window.contributions.receive(tmp_path / "reply.docx")
    assert result is not None
    board = window.contributions.board
    assert board is not None and board.receipt.isVisible()
    lines = board.receipt.text().split("\n")
    assert lines == [
        "National Police Agency (NPA) から 1 件の回答を受領しました。",
        f"未記入：問 {number['t1_done']}（新しい{entry}）、問 {number['t2_summary']}",
        f"問 {number['t1_summary']}：表は 1 セルを 1 段落として読み込みました",
        f"問 {number['t3_summary']}：NPA への割り当てがなくなっているため、受領していません",
    ], lines
    assert board.summary.text().startswith("割り当て ")  # the board's counts stay below
    labels = [board.table.item(r, 0).text() for r in range(board.table.rowCount())]
    block = questionnaire.question("t1_done").text
    assert f"{number['t1_done']}  {block}（新しい{entry}）" in labels, labels
    assert not [label for label in labels if "(new " in label]
    import re

    received = board.table.item(labels.index(next(
        x for x in labels if x.startswith(number["t1_summary"]))), 5).text()
    assert re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d", received), received
    SHOTS.mkdir(parents=True, exist_ok=True)
    board.grab().save(str(SHOTS / "receive-board-ja.png"))
    # The CLI's English, as before (the notes are Messages, str() is their English).
    assert [str(n) for n in result.notes] == [
        "t1_summary: a table was read as one paragraph per cell",
        "t3_summary: no longer assigned to NPA, not received"]
    assert result.as_json()["notes"] == [str(n) for n in result.notes]
    # The area of the item taken back is recognised, not read as the answer above it.
    assert [r.item.key for r in result.added] == ["t1_summary"]
    assert result.empty == ("t1_done[+]", "t2_summary")
    # Received again: already there, said with the locale's list.
    again = window.contributions.receive(tmp_path / "reply.docx")
    assert again is not None
    assert f"受領済み：問 {number['t1_summary']}" in board.receipt.text().split("\n")
    board.close()
    window.close()
    QApplication.processEvents()


# -- 3. the names of the files a contributor receives ------------------------------------------

def _file_dialog_name(modal) -> list[str]:
    """The file name the next save dialog suggests (the dialog is then cancelled)."""
    from PySide6.QtWidgets import QFileDialog

    seen: list[str] = []

    def read(dialog: QFileDialog) -> None:
        if not isinstance(dialog, QFileDialog):  # the dialog it is asked from: wait on
            modal(read)
            return
        seen.append(Path(dialog.selectedFiles()[0]).name)
        dialog.reject()

    modal(read)
    return seen


def test_the_request_and_its_e_mail_are_named_in_japanese(
        qtbot, japanese, modal, app_context, tmp_path: Path) -> None:
    """The request's suggested name, the mail draft and the attachment the contributor
    gets: Japanese names, not "Request for input - NPA.docx"."""
    import email
    import email.policy

    from PySide6.QtCore import Qt

    from consultdesk.ui.contributions.board import ContributionsBoard

    c = app_context.contributions
    rid = app_context.responses.create(GACSA, "Japan 2026")
    c.add_contributor("NPA", "National Police Agency", email="npa@example.go.jp")
    from datetime import date

    c.assign(rid, ["t1_summary"], "NPA", due=date(2026, 12, 15))
    board = ContributionsBoard(c, rid, today=date(2026, 12, 1))
    qtbot.addWidget(board)
    board.show()
    qtbot.waitExposed(board)
    assert board.table.item(0, 3).text() == "2026年12月15日"  # the due date, as the library
    board.table.selectRow(0)
    seen = _file_dialog_name(modal)
    qtbot.mouseClick(board.request_button, Qt.MouseButton.LeftButton)
    assert seen == ["回答作成依頼 - NPA.docx"]
    for reminder, name in ((False, "回答作成依頼 - NPA.eml"), (True, "督促 - NPA.eml")):
        folder = tmp_path / str(reminder)
        folder.mkdir()
        eml = board.email_request(reminder=reminder, folder=folder, open_it=False)
        assert eml is not None and eml.name == name
        message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
        [attachment] = list(message.iter_attachments())  # type: ignore[attr-defined]
        assert attachment.get_filename() == "回答作成依頼 - NPA.docx"


def test_the_reply_is_suggested_under_a_japanese_name(
        qtbot, japanese, modal, app_context, tmp_path: Path) -> None:
    from consultdesk.ui.contributions.reply_dialog import open_reply_dialog

    c = app_context.contributions
    rid = app_context.responses.create(GACSA, "Japan 2026")
    c.add_contributor("NPA", "National Police Agency")
    c.assign(rid, ["t1_summary"], "NPA")
    request = c.write_request(rid, "NPA", tmp_path / "依頼.docx")
    dialog = open_reply_dialog(c, None, request)  # type: ignore[arg-type]
    assert dialog is not None
    qtbot.addWidget(dialog)
    seen = _file_dialog_name(modal)
    assert dialog.save() is None  # cancelled
    assert seen == ["依頼 - 回答.docx"]


# -- 6. a duplicate's title, and a limit without the questionnaire's wording ------------------

def test_a_duplicate_with_a_blank_title_gets_a_japanese_one(
        qtbot, japanese, app_context) -> None:
    from consultdesk.ui.library.window import LibraryWindow

    rid = app_context.responses.create("ohchr-civic-space-2021", "年次報告")
    window = LibraryWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    window.select_response(rid)
    copy = window.duplicate_selected("  ")
    assert copy is not None
    assert app_context.responses.load(copy).title == "年次報告（コピー）"
    assert "Copy of" not in window.statusBar().currentMessage()


def test_a_limit_without_the_questionnaires_wording_reads_in_japanese(
        qtbot, japanese, app_context, tmp_path: Path) -> None:
    from consultdesk.ui.response_window import ResponseWindow

    definition = tmp_path / "survey.toml"
    definition.write_text(
        'id = "ja-survey"\ntitle = "調査"\nlanguage = "ja"\n[[sections]]\nid = "s"\n'
        '[[sections.questions]]\nid = "q1"\ntext = "取組を記述してください。"\n'
        'limit = { amount = 400, unit = "characters_with_spaces", approximate = true }\n',
        encoding="utf-8")
    app_context.catalog.add_file(definition)
    rid = app_context.responses.create("ja-survey", "回答")
    window = ResponseWindow(app_context, rid)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.panel.limit_label.text() == "上限：約 400 文字（スペースを含む）"
    window.close()


def test_an_unknown_contributor_is_said_in_japanese(japanese, app_context) -> None:
    """No contributor yet: 「まだありません」, not the English "none yet" in the sentence."""
    from consultdesk.domain.errors import NotFoundError

    with pytest.raises(NotFoundError) as info:
        app_context.contributions.contributor("NPA")
    assert "(known: none yet)" in str(info.value)
    assert "まだありません" in error_text(info.value) and "none yet" not in error_text(info.value)


def test_what_a_file_is_called_in_an_error_reads_in_japanese(
        japanese, app_context, data_dir: Path, tmp_path: Path) -> None:
    """The backup to restore and the Word template are named in Japanese in their errors
    (were the English fragments "the backup …", "The Word template …")."""
    from consultdesk.services.errors import ConsultDeskError
    from consultdesk.services.export_options import ExportOptions

    folder = tmp_path / "chosen"
    folder.mkdir()
    with pytest.raises(ConsultDeskError) as restored:
        Launcher(data_dir).maintenance.restore(folder)
    assert str(restored.value) == f"the backup {folder} is a folder, not a ConsultDesk backup"
    assert error_text(restored.value) == (
        f"バックアップ {folder} はフォルダーです。ConsultDesk のバックアップではありません")
    rid = app_context.responses.create("ohchr-civic-space-2021", "Japan")
    with pytest.raises(ConsultDeskError) as exported:
        app_context.export.export(app_context.responses.load(rid), tmp_path / "out.docx",
                                  ExportOptions(template=folder))
    assert str(exported.value).startswith(f"The Word template {folder} is a folder")
    assert error_text(exported.value).startswith(f"Word テンプレート {folder} はフォルダーです")


def test_the_crash_dialog_without_a_log_still_offers_the_details(
        qtbot, japanese, modal, monkeypatch, tmp_path: Path, capsys) -> None:
    """The log cannot be written (the data folder is a file): the box says so by pointing
    at Details only, and the details are all there."""
    import signal

    from consultdesk.ui.application import install_error_handlers, make_application

    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("a file")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(signal, "signal", lambda *_: None)
    install_error_handlers(make_application(), not_a_folder)
    seen = _read_next_box(modal)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError:
        sys.excepthook(*sys.exc_info())
    assert seen[0]["informative"] == "再び起こる場合は、「詳細を表示」で表示される詳細をサポート担当者に送ってください。"
    assert seen[0]["details"].endswith("ZeroDivisionError: division by zero")
    assert capsys.readouterr().err.strip() == (
        "consultdesk: unexpected error: ZeroDivisionError: division by zero")


def test_the_crash_dialog_shows_after_its_window_closed(
        qtbot, japanese, modal, monkeypatch, app_context, data_dir: Path) -> None:
    """An error while the active window is one that has just closed (Qt activates a
    window that closed before its activation arrived; found when a crash test ran after
    a window test): the box used to be that hidden window's child and went with it
    (exec returned at once, the user saw nothing)."""
    import signal

    from PySide6.QtWidgets import QApplication

    from consultdesk.ui.application import install_error_handlers, make_application
    from consultdesk.ui.response_window import ResponseWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(signal, "signal", lambda *_: None)
    install_error_handlers(make_application(), data_dir)
    window = ResponseWindow(app_context, app_context.responses.create(GACSA, "Japan 2026"))
    window.show()
    qtbot.waitExposed(window)
    window.close()  # before its activation arrived: Qt then makes the hidden window active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert not window.isVisible()
    # What WA_DeleteOnClose (the app's response windows) does on close: a deletion that
    # the next event loop carries out, here the box's own.
    window.deleteLater()
    seen = _read_next_box(modal)
    try:
        raise RuntimeError("after close")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert len(seen) == 1 and seen[0]["details"].endswith("RuntimeError: after close")


def test_a_received_reply_counts_its_answers_in_english_too(qtbot, app_context,
                                                            tmp_path: Path) -> None:
    """The English interface says "1 answer received" (a plural message, was "answer(s)")."""
    from consultdesk.ui.response_window import ResponseWindow

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
    from contribution_filling import Doc, word_fills_control

    english = Translations()
    assert english.install("en")
    try:
        c = app_context.contributions
        rid = app_context.responses.create(GACSA, "Japan 2026")
        c.add_contributor("NPA", "National Police Agency")
        c.assign(rid, ["t1_summary"], "NPA")
        doc = Doc(c.write_request(rid, "NPA", tmp_path / "request.docx"))
        word_fills_control(doc, "t1_summary", ["Police data."])
        doc.save(tmp_path / "reply.docx")
        window = ResponseWindow(app_context, rid)
        qtbot.addWidget(window)
        window.show()
        assert window.contributions.receive(tmp_path / "reply.docx") is not None
        board = window.contributions.board
        assert board is not None
        assert board.receipt.text() == "From National Police Agency (NPA): 1 answer received."
    finally:
        english.remove()
