"""``consultdesk contributor add|contributors|assign|request|receive|contributions|merge|remind``."""

from __future__ import annotations

import email
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from consultdesk.cli.main import main

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
from contribution_filling import Doc, word_fills_control

KEYS = {"id", "question", "contributor", "status", "due", "text", "count", "received_at"}


def run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out, err = capsys.readouterr()
    return code, out, err


def rows(data: Path, table: str) -> int:
    conn = sqlite3.connect(data / "consultdesk.sqlite3")
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@pytest.fixture
def rid(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    data = tmp_path / "data"
    code, out, _ = run(capsys, data, "new", "gacsa-report-2026", "--title", "Japan 2026")
    assert code == 0
    rid = out.strip()
    assert run(capsys, data, "contributor", "add", "NPA", "--name", "National Police Agency",
               "--email", "sato@npa.example.jp")[0] == 0
    return rid


def test_the_whole_round(tmp_path: Path, capsys: pytest.CaptureFixture[str], rid: str) -> None:
    data = tmp_path / "data"
    code, out, err = run(capsys, data, "contributors", "--json")
    assert json.loads(out) == [{"tag": "NPA", "name": "National Police Agency", "contact": "",
                                "email": "sato@npa.example.jp"}]
    code, out, err = run(capsys, data, "assign", rid, "t1_summary", "t2_summary", "--to",
                         "NPA", "--due", "2027-01-15", "--share", "500", "--note", "Figures")
    assert (code, out, err) == (0, "assigned 2 items to NPA\n", "")
    request = tmp_path / "npa.docx"
    eml = tmp_path / "npa.eml"
    code, out, err = run(capsys, data, "request", rid, "--to", "NPA", "-o", str(request),
                         "--eml", str(eml))
    assert code == 0 and request.exists() and err == ""
    message = email.message_from_bytes(eml.read_bytes())
    assert message["To"] == "sato@npa.example.jp" and message["X-Unsent"] == "1"
    assert message["Subject"].startswith("Request for input: Global Alliance")
    attachments = [p.get_filename() for p in message.walk() if p.get_filename()]
    assert attachments == ["npa.docx"]
    doc = Doc(request)
    word_fills_control(doc, "t1_summary", ["Police: 312 victims."])
    doc.save(tmp_path / "back.docx")
    code, out, err = run(capsys, data, "receive", str(tmp_path / "back.docx"), "--json")
    assert code == 0, err
    got = json.loads(out)
    assert [a["question"] for a in got["added"]] == ["t1_summary"]
    assert got["empty"] == ["t2_summary"] and got["missing"] == []
    code, out, _ = run(capsys, data, "contributions", rid, "--json")
    board = json.loads(out)
    assert all(set(r) >= KEYS for r in board)
    assert [(r["question"], r["status"], r["text"], r["count"], r["due"]) for r in board] == [
        ("t1_summary", "received", "Police: 312 victims.", 20, "2027-01-15"),
        ("t2_summary", "requested", None, None, "2027-01-15")]
    cid = board[0]["id"]
    code, out, err = run(capsys, data, "merge", rid, str(cid))
    assert (code, err) == (0, "") and "merged" in out
    code, out, _ = run(capsys, data, "show", rid, "--json")
    assert json.loads(out)["answers"]["t1_summary"] == "Police: 312 victims.\n"
    code, out, _ = run(capsys, data, "contributions", rid, "--json")
    assert json.loads(out)[0]["status"] == "merged"
    exported = tmp_path / "attributed.docx"
    code, out, err = run(capsys, data, "export", rid, "-o", str(exported), "--attribution",
                         "--contributors-annex")
    assert code == 0, err
    texts = [p.text for p in docx.Document(str(exported)).paragraphs if p.text.strip()]
    assert "Police: 312 victims. (NPA)" in texts and texts[-1] == "Annex: contributors"
    remind_dir = tmp_path / "reminders"
    remind_dir.mkdir()
    code, out, _ = run(capsys, data, "remind", rid, "-o", str(remind_dir), "--today",
                       "2027-02-01")
    assert code == 0 and [p.name for p in remind_dir.iterdir()] == ["reminder-NPA.eml"]
    reminder = email.message_from_bytes((remind_dir / "reminder-NPA.eml").read_bytes())
    assert reminder["Subject"].startswith("Reminder: Request for input")


@pytest.mark.parametrize("args, message", [
    (["assign", "{rid}", "nope", "--to", "NPA"], "unknown question id 'nope'"),
    (["assign", "{rid}", "t1_summary", "--to", "XYZ"], "no contributor 'XYZ'"),
    (["assign", "{rid}", "t1_summary", "--to", "NPA", "--due", "tomorrow"],
     "is not a date (YYYY-MM-DD)"),
    (["assign", "{rid}", "t1_summary", "--to", "NPA", "--share", "-3"], "argument --share"),
    (["contributor", "add", "a:b"], "contributor tag 'a:b'"),
    (["contributor", "add", "NPA", "--email", "nope"], "'nope' is not an e-mail address"),
    (["merge", "{rid}", "99"], "has no contribution 99"),
    (["request", "{rid}", "--to", "NPA", "-o", "x.docx"], "nothing of response"),
    (["contributions", "nosuch"], "no response with id 'nosuch'"),
])
def test_bad_input_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                      rid: str, args: list[str], message: str) -> None:
    data = tmp_path / "data"
    code, out, err = run(capsys, data, *[a.format(rid=rid) for a in args])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err, err
    assert rows(data, "assignment") == 0


def test_receive_refuses_what_is_no_request(tmp_path: Path, rid: str) -> None:
    data = tmp_path / "data"
    junk = tmp_path / "report.docx"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    for target in (junk, fifo, tmp_path / "absent.docx", tmp_path):
        done = subprocess.run([sys.executable, "-m", "consultdesk", "--data-dir", str(data),
                               "receive", str(target)], capture_output=True, text=True,
                              timeout=60, env=os.environ.copy())
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert rows(data, "contribution") == 0
