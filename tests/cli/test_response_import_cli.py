"""``consultdesk response import``: the new id or the response's JSON; bad files one line,
exit 2, nothing saved."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document
from tests.formats.response_corpus.cases import ANSWERS, CASES, RESPONDENT

from consultdesk.cli.main import main

TYPED = next(c for c in CASES if c.name == "typed-numbers-cover-letter")


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def responses_in(data: Path) -> int:
    if not (data / "consultdesk.sqlite3").exists():
        return 0
    conn = sqlite3.connect(data / "consultdesk.sqlite3")
    try:
        return int(conn.execute("SELECT count(*) FROM response").fetchone()[0])
    finally:
        conn.close()


def test_import_prints_the_id_and_show_has_the_answers(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, out, err = run(capsys, data, "response", "import", str(TYPED.path(tmp_path)),
                         "--title", "Japan 2021")
    assert code == 0 and err == ""
    rid = out.strip()
    code, out, _ = run(capsys, data, "show", rid, "--json")
    shown = json.loads(out)
    assert shown["title"] == "Japan 2021" and shown["questionnaire_id"] == "ohchr-civic-space-2021"
    assert shown["answers"] == ANSWERS and shown["respondent"] == RESPONDENT


def test_json_prints_the_response_as_show_does(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, out, _ = run(capsys, data, "response", "import", str(TYPED.path(tmp_path)),
                       "--questionnaire", "ohchr-civic-space-2021", "--json")
    assert code == 0
    imported = json.loads(out)
    code, shown, _ = run(capsys, data, "show", imported["id"], "--json")
    assert json.loads(shown) == imported


def _not_this_questionnaire(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("1. How is access to safe drinking water guaranteed?")
    doc.add_paragraph("Through the Water Act.")
    doc.save(path)
    return path


@pytest.mark.parametrize(("make", "args", "message"), [
    (lambda p: p.write_bytes(b"not a document") and p, [], "not a Word document"),
    (lambda p: p.write_bytes(b"%PDF-1.7\n") and p, [], "PDF"),
    (lambda p: p, [], "does not exist"),
    (_not_this_questionnaire, ["--questionnaire", "ohchr-civic-space-2021"],
     "none of the questions of 'ohchr-civic-space-2021' was found"),
    (lambda p: TYPED.build(p) or p, ["--questionnaire", "no-such-questionnaire"],
     "no questionnaire with id"),
])
def test_bad_input_is_one_line_exit_2_nothing_saved(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], make, args: list[str],
        message: str) -> None:
    data = tmp_path / "data"
    path = make(tmp_path / "response.docx")
    code, out, err = run(capsys, data, "response", "import", str(path), *args)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err, err
    assert responses_in(data) == 0
    if not args:
        assert not data.exists()  # a bad file is refused before the data folder is opened


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    fifo = tmp_path / "response.docx"
    os.mkfifo(fifo)
    done = subprocess.run([sys.executable, "-m", "consultdesk", "--data-dir",
                           str(tmp_path / "data"), "response", "import", str(fifo)],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=60,
                          check=False)
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert responses_in(tmp_path / "data") == 0


def test_link_references_turns_pointers_into_references(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    code, out, err = run(capsys, data, "response", "import", str(TYPED.path(tmp_path)),
                         "--link-references", "--json")
    assert code == 0 and err == ""
    answers = json.loads(out)["answers"]
    assert answers["q2"] == "See the answer for [question 1](#ref:q1)."
    assert answers["q4"] == "Please refer to the reply to [question 3](#ref:q3)."
    assert {k: v for k, v in answers.items() if k not in ("q2", "q4")} == {
        k: v for k, v in ANSWERS.items() if k not in ("q2", "q4")}
    # Without the option the words are kept as written.
    code, out, _ = run(capsys, data, "response", "import", str(TYPED.path(tmp_path)), "--json")
    assert json.loads(out)["answers"]["q2"] == ANSWERS["q2"]
