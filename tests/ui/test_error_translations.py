"""Errors a Japanese user can read: every error template has a Japanese translation."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtWidgets import QMessageBox

from consultdesk.app_context import AppContext
from consultdesk.domain.errors import TRANSLATION_CONTEXT, DefinitionError, NotFoundError
from consultdesk.launcher import Launcher
from consultdesk.services.errors import DamagedDatabaseError, UnreadableResponseError
from consultdesk.ui.errors import error_text, show_error
from consultdesk.ui.library.startup_dialogs import RecoveryDialog

ROOT = Path(__file__).resolve().parents[2]
JA_TS = ROOT / "resources" / "translations" / "consultdesk_ja.ts"
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _templates_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("error_templates",
                                                  ROOT / "scripts" / "error_templates.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _japanese_errors() -> dict[str, str]:
    found: dict[str, str] = {}
    for context in ET.parse(JA_TS).getroot().iter("context"):
        if context.findtext("name") != TRANSLATION_CONTEXT:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") != "unfinished" and translation.text:
                found[message.findtext("source") or ""] = translation.text
    return found


def test_every_error_template_has_a_japanese_translation() -> None:
    templates = _templates_module().all_templates()
    assert len(templates) > 80  # the reader found them (it must be able to fail)
    japanese = _japanese_errors()
    missing = [f"{where}: {t}" for t, where in templates.items() if t not in japanese]
    assert missing == [], "add these to consultdesk_ja.ts, context 'errors' " \
                          "(python scripts/error_templates.py --ts prints the entries)"
    wrong = [t for t in templates
             if sorted(PLACEHOLDER.findall(t)) != sorted(PLACEHOLDER.findall(japanese[t]))]
    assert wrong == [], "the translation must keep the same {placeholders}"


def test_errors_are_raised_with_templates_not_formatted_strings() -> None:
    module = _templates_module()
    formatted = [f"{p.relative_to(ROOT)}:{line}" for p in module.sources()
                 for line, template in module.templates_in(p) if template is None]
    assert formatted == [], "raise Error('... {name} ...', name=value), not an f-string"


def test_a_real_error_reads_in_japanese_and_in_english_for_the_cli(
        japanese, app_context: AppContext) -> None:
    with pytest.raises(NotFoundError) as info:
        app_context.responses.load("R-404")
    assert str(info.value) == "no response with id 'R-404'"
    assert error_text(info.value) == "ID が 'R-404' の回答はありません"


def test_the_recovery_dialog_explains_a_damaged_database_in_japanese(
        qtbot, japanese, data_dir: Path) -> None:
    AppContext.open(data_dir).close()  # a database and its daily backup
    database = data_dir / "consultdesk.sqlite3"
    database.write_bytes(b"garbage" * 1000)
    with pytest.raises(DamagedDatabaseError) as info:
        Launcher(data_dir).open()
    dialog = RecoveryDialog(Launcher(data_dir).maintenance, info.value)
    qtbot.addWidget(dialog)
    text = dialog.details.text()
    assert text.startswith(f"データベース {database} はSQLite データベースではありません")
    assert "から復元できます" in text and "ファイルはそのまま残しています" in text
    assert "the database" in str(info.value)  # the English stays for the terminal


def test_show_error_shows_the_translated_message(qtbot, japanese, modal) -> None:
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.close()

    modal(read)
    show_error(None, "ConsultDesk", NotFoundError("no revision with id {revision_id}",
                                                   revision_id=7))
    assert seen == ["ID が 7 の版はありません"]


_DEFINITION = 'id = "t"\ntitle = "T"\n[[sections]]\nid = "s"\n[[sections.questions]]\nid = "{qid}"\n'


@pytest.mark.parametrize(("qid", "patch", "english", "japanese_text"), [
    ("q1", 'text = "Q"\ncolour = "red"', "sections[0].questions[0].colour: unknown key",
     "sections[0].questions[0].colour：不明なキーです"),
    ("q1", "", "sections[0].questions[0].text: required key is missing",
     "sections[0].questions[0].text：必須のキーがありません"),
    ("q1", "text = 5", "sections[0].questions[0].text: expected a text, got 5",
     "sections[0].questions[0].text：文字列が必要ですが、5 です"),
    ("q" * 81, 'text = "Q"', "sections[0].questions[0].id: longer than 80 characters",
     "sections[0].questions[0].id：80 文字を超えています"),
    ("q1", 'text = "Q"\nlimit = { amount = -5 }',
     "sections[0].questions[0].limit.amount: must be greater than 0, got -5",
     "sections[0].questions[0].limit.amount：0 より大きい値が必要ですが、-5 です"),
    ("q1", 'text = "Q"\nkind = "single_choice"',
     "sections[0].questions[0]: a single_choice question needs at least two options",
     "sections[0].questions[0]：single_choice の設問には少なくとも 2 つの選択肢が必要です"),
    ("q1", 'text = "Q"\n[[sections.questions]]\nid = "q1"\ntext = "Again"',
     "(top level): duplicate question id 'q1'", "(top level)：設問の ID 'q1' が重複しています"),
], ids=["extra", "missing", "wrong-type", "too-long", "too-small", "our-rule", "duplicate"])
def test_a_bad_definition_reads_in_japanese(japanese, app_context: AppContext, tmp_path: Path,
                                            qid: str, patch: str, english: str,
                                            japanese_text: str) -> None:
    """pydantic's checks of a definition file, worded by our templates: Japanese in the UI,
    English for the CLI, the place in the file as a parameter of both."""
    path = tmp_path / "bad.toml"
    path.write_text(_DEFINITION.format(qid=qid) + patch + "\n", encoding="utf-8")
    with pytest.raises(DefinitionError) as info:
        app_context.catalog.add_file(path)
    assert str(info.value) == f"{path}: {english}"
    assert error_text(info.value) == f"{path}：{japanese_text}"


def test_an_unreadable_response_reads_in_japanese(japanese, app_context: AppContext) -> None:
    """A stored value another tool broke: opening the response and the library's note on
    it say what is wrong in Japanese (every part of it), and in English for the CLI."""
    import sqlite3

    rid = app_context.responses.create("sr-expression-call-2026", answers={"laws": "text"})
    with sqlite3.connect(app_context.database.path) as conn:
        conn.execute("UPDATE answer SET done = 7 WHERE response_id = ? AND question_id = "
                     "'laws'", (rid,))
    with pytest.raises(UnreadableResponseError) as info:
        app_context.responses.load(rid)
    assert str(info.value) == (
        f"the response {rid} cannot be read: the stored done flag of the answer to laws is 7, "
        f"not yes or no. Nothing was changed; 'consultdesk repair {rid}' repairs it (from its "
        "revisions, after a backup copy), or restore a backup")
    assert error_text(info.value) == (
        f"回答 {rid} を読み込めません：保存されているlaws の回答の完了フラグは7 で、はい／いいえでは"
        f"ありません。何も変更していません。'consultdesk repair {rid}' で修復する（バックアップを"
        "取ったうえで履歴から）か、バックアップから復元してください")
    with sqlite3.connect(app_context.database.path) as conn:  # now its row too
        conn.execute("UPDATE response SET deadline = 'soon' WHERE id = ?", (rid,))
    [summary] = [s for s in app_context.responses.list() if s.id == rid]
    assert summary.problem is not None
    assert str(summary.problem) == "the stored deadline is 'soon', not a date"
    assert error_text(summary.problem) == "保存されている期限は'soon' で、日付ではありません"


def test_what_a_file_was_meant_to_be_reads_in_japanese(japanese, app_context: AppContext,
                                                       tmp_path: Path) -> None:
    """The 'what' of a file error is a translated Message, not an English fragment."""
    folder = tmp_path / "definition.toml"
    folder.mkdir()
    with pytest.raises(DefinitionError) as info:
        app_context.catalog.add_file(folder)
    assert str(info.value) == f"{folder} is a folder, not a questionnaire definition"
    assert error_text(info.value) == f"{folder} はフォルダーです。質問票の定義ファイルではありません"
    from consultdesk.services.contributions import ReceiveError

    with pytest.raises(ReceiveError) as received:  # the open database, picked by mistake
        app_context.contributions.receive(app_context.database.path)
    assert error_text(received.value) == (
        "consultdesk.sqlite3 は ConsultDesk が開いているデータベースです。Word 文書ではありません")



def test_an_operating_system_reason_reads_in_japanese(japanese, read_only_disk: Path) -> None:
    """The reason the system gives (EROFS here, for real) is worded by our template."""
    from consultdesk.services.errors import ReadOnlyDataDirError

    with pytest.raises(ReadOnlyDataDirError) as info:
        AppContext.open(read_only_disk)
    assert "(the disk is read-only)" in str(info.value)
    text = error_text(info.value)
    assert "は読み取り専用です（ディスクが読み取り専用です）" in text, text
    assert "the disk is read-only" not in text and "Read-only file system" not in text


def test_where_an_answer_is_wrong_reads_in_japanese(japanese, app_context: AppContext) -> None:
    """The place in an answer (question, block entry field, respondent field) and what was
    given are Messages: a Japanese user reads them in Japanese, the CLI in English."""
    from consultdesk.domain.authorship import Author, WriterKind
    from consultdesk.domain.errors import AnswerError

    rid = app_context.responses.create("sr-expression-call-2026")
    with pytest.raises(AnswerError) as info:
        app_context.responses.save_answer(rid, "laws", 5, base_version=None,
                                          author=Author(WriterKind.APP, "tester"))
    assert str(info.value) == "question 'laws': expected text, got a number"
    assert error_text(info.value) == "設問 'laws'：文章が必要ですが、数値 が指定されています"
    with pytest.raises(AnswerError) as respondent:
        app_context.responses.save_respondent(rid, "submitter", ["Japan"])  # type: ignore[arg-type]
    assert error_text(respondent.value) == "回答者情報の項目 'submitter'：文章が必要ですが、リスト が指定されています"


def test_an_unreadable_title_is_listed_in_japanese(qtbot, japanese, data_dir: Path) -> None:
    """The library's placeholder for a title that cannot be read (the CLI keeps the English)."""
    import sqlite3

    from PySide6.QtWidgets import QApplication

    from consultdesk.domain.response import UNREADABLE_TITLE
    from consultdesk.ui.library.bin_dialog import BinDialog
    from consultdesk.ui.library.responses_model import Column
    from consultdesk.ui.library.window import LibraryWindow

    context = AppContext.open(data_dir)
    bad = context.responses.create("ohchr-civic-space-2021", "Damaged")
    binned = context.responses.create("ohchr-civic-space-2021", "Binned")
    context.responses.delete(binned)
    context.close()
    conn = sqlite3.connect(data_dir / "consultdesk.sqlite3")
    conn.execute("UPDATE response SET title = CAST(X'FF00FE' AS TEXT) WHERE id IN (?, ?)",
                 (bad, binned))
    conn.commit()
    conn.close()
    context = AppContext.open(data_dir)
    try:
        assert [s.title for s in context.responses.list()] == [UNREADABLE_TITLE]
        window = LibraryWindow(context)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)

        def titles() -> list[str]:
            return [window.proxy.index(r, Column.TITLE).data()
                    for r in range(window.proxy.rowCount())]

        qtbot.waitUntil(lambda: titles() == ["（件名を読み取れません）"], timeout=10000)
        dialog = BinDialog(context.responses)
        qtbot.addWidget(dialog)
        assert dialog.tree.topLevelItem(0).text(0) == "（件名を読み取れません）"
        # Both closed while the database is open (closing one activates the other).
        dialog.close()
        window.close()
        QApplication.processEvents()
    finally:
        context.close()


def test_a_system_reason_without_our_template_reads_in_japanese(japanese, tmp_path: Path) -> None:
    """An OSError the ui shows as it is (saving a definition...) is worded, not strerror."""
    from consultdesk.ui.errors import os_reason

    with pytest.raises(OSError) as info:
        (tmp_path / "no-folder" / "definition.toml").write_text("x", encoding="utf-8")
    assert error_text(info.value).endswith("：そのファイルまたはフォルダーはありません")
    assert os_reason(info.value) == "そのファイルまたはフォルダーはありません"
    assert "No such file" not in error_text(info.value)


def test_what_the_export_removed_reads_in_japanese(japanese, app_context: AppContext,
                                                   tmp_path: Path) -> None:
    """The export's own notes (control characters it had to remove) are Messages: the
    window words them in Japanese, the CLI's warnings stay English."""
    from consultdesk.ui.response_window.export_done import note_lines

    # What the service lets through to the export (it cleans answers as they are saved).
    rid = app_context.responses.create(
        "sr-expression-call-2026", "Japan\x07",
        answers={"measures": [{"description": "A law\x0b of 2024", "timeframe": "2024"}]})
    result = app_context.export.export(app_context.responses.load(rid), tmp_path / "out.docx")
    assert "Question 3 (Measure 1, Description of the measure): removed 1 control character " \
           "that a Word document cannot hold (pasted from another program?); the exported " \
           "text is 1 character shorter than the draft" in result.warnings
    _, others = note_lines(result)
    removed = [line for line in others if "制御文字" in line]
    said = "：Word 文書に入れられない制御文字を 1 文字削除しました（他のプログラムから" \
           "貼り付けた文章ですか？）。書き出した文章は下書きより 1 文字短くなっています"
    assert sorted(removed) == sorted([
        "問 3（Measure 1、Description of the measure）" + said,
        "回答の件名" + said,
        "件名" + said,
    ]), others
    assert len(removed) == len(result.notes) == 3
    assert not [line for line in others if "removed" in line or "Question" in line]


def test_an_export_refused_over_the_limit_words_each_problem_in_japanese(
        japanese, app_context: AppContext, tmp_path: Path) -> None:
    """OverLimitError lists its problems as the preflight dialog words them (the window's
    own preflight can miss a colleague's longer text saved meanwhile)."""
    from consultdesk.services.export import OverLimitError
    from consultdesk.ui.response_window.problem_text import describe_problem

    rid = app_context.responses.create(
        "sr-expression-call-2026", "Japan",
        answers={"laws": " ".join(["w"] * 501), "authority": "yes",
                 "authority_detail": " ".join(["w"] * 400)})
    out = tmp_path / "out.docx"
    with pytest.raises(OverLimitError) as info:
        app_context.export.export(app_context.responses.load(rid), out)
    assert not out.exists()
    english = str(info.value)
    assert english.startswith("2 answers are over the limit, nothing was exported: ")
    assert "501 / 500 words" in english  # the CLI's English, as before
    text = error_text(info.value)
    worded = [describe_problem(p) for p in info.value.problems]
    assert text.endswith("；".join(worded)), text
    assert "問 1：501 / 500 語（1 超過）" in text, text
    assert "words" not in text and "over the limit" not in text
