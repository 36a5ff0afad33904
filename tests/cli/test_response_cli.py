"""``consultdesk new|responses|show|set|backup|restore``, in-process and as a real command."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.cli.main import main
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.storage.instance_lock import WriterLock

SR = "sr-expression-call-2026"

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    """Run the CLI on a data dir; (exit code, stdout, stderr)."""
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def count_responses(data_dir: Path) -> int:
    conn = sqlite3.connect(data_dir / "consultdesk.sqlite3")
    try:
        return int(conn.execute("SELECT count(*) FROM response").fetchone()[0])
    finally:
        conn.close()


def test_new_prints_only_the_id_and_show_round_trips(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    answers = {"respondent": {"submitter": "Japan", "publish": "yes"},
               "answers": {"laws": "The **Act** of 2020.", "authority": "yes",
                           "measures": [{"description": "A hotline"}]}}
    code, out, err = run(capsys, data, "new", SR, "--title", "Japan",
                         "--answers", str(write_json(tmp_path / "a.json", answers)))
    assert code == 0 and err == ""
    rid = out.strip()
    assert out == rid + "\n" and len(rid) == 12
    code, out, _ = run(capsys, data, "show", rid, "--json")
    assert code == 0
    assert json.loads(out) == {"id": rid, "title": "Japan", "questionnaire_id": SR,
                               "status": "draft", **answers}


def test_show_output_feeds_set(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    _, out, _ = run(capsys, data, "new", SR)
    rid = out.strip()
    run(capsys, data, "set", rid, "--answers",
        str(write_json(tmp_path / "a.json", {"answers": {"laws": "first"}})))
    _, shown, _ = run(capsys, data, "show", rid, "--json")
    # `show --json` of one response can be merged into another.
    _, out, _ = run(capsys, data, "new", SR)
    other = out.strip()
    (tmp_path / "shown.json").write_text(shown, encoding="utf-8")
    code, _, _ = run(capsys, data, "set", other, "--answers", str(tmp_path / "shown.json"))
    assert code == 0
    _, out, _ = run(capsys, data, "show", other, "--json")
    assert json.loads(out)["answers"] == {"laws": "first"}


def test_set_merges_and_keeps_a_revision(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    _, out, _ = run(capsys, data, "new", SR, "--answers",
                    str(write_json(tmp_path / "a.json", {"answers": {"laws": "old",
                                                                    "authority": "no"}})))
    rid = out.strip()
    code, out, err = run(capsys, data, "set", rid, "--answers",
                         str(write_json(tmp_path / "b.json", {"answers": {"laws": "new"}})))
    assert (code, err) == (0, "")
    assert out == "changed   laws (now version 2; the previous text is in its history)\n"
    _, out, _ = run(capsys, data, "show", rid, "--json")
    assert json.loads(out)["answers"] == {"laws": "new", "authority": "no"}
    conn = sqlite3.connect(data / "consultdesk.sqlite3")
    assert conn.execute("SELECT value, reason FROM answer_revision").fetchall() == [
        ('"old"', "before set")]
    conn.close()


def test_set_on_a_first_write_does_not_claim_a_history(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Only an answer that had a text says the previous one is in its history."""
    data = tmp_path / "data"
    _, out, _ = run(capsys, data, "new", SR, "--answers",
                    str(write_json(tmp_path / "a.json", {"answers": {"laws": "old"}})))
    rid = out.strip()
    code, out, err = run(capsys, data, "set", rid, "--answers", str(write_json(
        tmp_path / "b.json", {"answers": {"laws": "new", "authority": "no"}})))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "changed   laws (now version 2; the previous text is in its history)",
        "changed   authority (now version 1)"]
    conn = sqlite3.connect(data / "consultdesk.sqlite3")
    assert conn.execute("SELECT question_id, value FROM answer_revision").fetchall() == [
        ("laws", '"old"')]
    conn.close()


@pytest.mark.parametrize(("content", "message"), [
    ({"answers": {"nope": "x"}}, "unknown question id 'nope'"),
    ({"answers": {"authority": "perhaps"}}, "'perhaps' is not one of the options"),
    ({"respondent": {"nope": "x"}}, "unknown respondent field 'nope'"),
    ({"answers": ["laws"]}, "'answers' must be an object"),
    ({"other": 1}, "unknown key 'other'"),
    ("{not json", "not valid JSON"),
])
def test_bad_answers_file_exit_2_nothing_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: object,
        message: str) -> None:
    data = tmp_path / "data"
    path = tmp_path / "bad.json"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        write_json(path, content)
    _, out, _ = run(capsys, data, "new", SR, "--answers",
                    str(write_json(tmp_path / "ok.json", {"answers": {"laws": "kept"}})))
    rid = out.strip()
    code, out, err = run(capsys, data, "new", SR, "--answers", str(path))
    assert (code, out) == (2, "")
    assert message in err and str(path) in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, data, "set", rid, "--answers", str(path))
    assert (code, out) == (2, "") and message in err
    assert count_responses(data) == 1
    _, out, _ = run(capsys, data, "show", rid, "--json")
    assert json.loads(out)["answers"] == {"laws": "kept"}


def test_responses_lists_progress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    _, out, _ = run(capsys, data, "new", SR, "--title", "Listed", "--answers",
                    str(write_json(tmp_path / "a.json", {"answers": {"laws": "text"}})))
    rid = out.strip()
    code, out, _ = run(capsys, data, "responses", "--json")
    [item] = json.loads(out)
    assert code == 0
    assert (item["id"], item["title"], item["answered"], item["over"]) == (rid, "Listed", 1, 0)
    code, out, _ = run(capsys, data, "responses")
    assert code == 0 and rid in out and "1/" in out


def test_show_unknown_response(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, tmp_path, "show", "abcdef123456")
    assert (code, out) == (2, "")
    assert err.strip() == "consultdesk: no response with id 'abcdef123456'"


def test_backup_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    _, out, _ = run(capsys, data, "new", SR, "--title", "Before")
    rid = out.strip()
    copy = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, data, "backup", "--out", str(copy))
    assert code == 0 and out.strip() == str(copy) and copy.is_file()
    run(capsys, data, "new", SR, "--title", "After")
    assert count_responses(data) == 2
    code, out, err = run(capsys, data, "restore", str(copy))
    assert code == 0 and "kept as" in err
    _, out, _ = run(capsys, data, "responses", "--json")
    assert [r["id"] for r in json.loads(out)] == [rid]
    # The replaced database was moved aside, not deleted.
    [aside] = data.glob("consultdesk.sqlite3.replaced-*")
    conn = sqlite3.connect(aside)
    assert conn.execute("SELECT count(*) FROM response").fetchone()[0] == 2
    conn.close()


def test_restore_refused_while_the_app_runs(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, data, "new", SR)
    copy = tmp_path / "copy.sqlite3"
    run(capsys, data, "backup", "--out", str(copy))
    with WriterLock.acquire(data):
        code, _, err = run(capsys, data, "restore", str(copy))
    assert code == 2 and "already running" in err


def test_restore_from_garbage_is_refused(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    run(capsys, data, "new", SR)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 10)
    code, _, err = run(capsys, data, "restore", str(junk))
    assert code == 2 and f"cannot restore from {junk}" in err
    assert count_responses(data) == 1


def test_console_script_end_to_end(tmp_path: Path) -> None:
    """The installed ``consultdesk`` command, in a real subprocess."""
    script = Path(sys.executable).parent / "consultdesk"
    env = {**os.environ, "CONSULTDESK_DATA_DIR": str(tmp_path / "data")}
    answers = write_json(tmp_path / "a.json", {"answers": {"laws": "Text"}})
    new = subprocess.run([str(script), "new", SR, "--answers", str(answers)],
                         capture_output=True, text=True, env=env, timeout=60, check=False)
    assert new.returncode == 0, new.stderr
    rid = new.stdout.strip()
    show = subprocess.run([str(script), "show", rid, "--json"], capture_output=True, text=True,
                          env=env, timeout=60, check=False)
    assert show.returncode == 0 and json.loads(show.stdout)["answers"] == {"laws": "Text"}
    bad = subprocess.run([str(script), "set", rid, "--answers", str(tmp_path / "missing.json")],
                         capture_output=True, text=True, env=env, timeout=60, check=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    assert bad.stderr.count("\n") == 1 and "missing.json" in bad.stderr


def test_cli_reads_while_the_app_is_writing(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    lock = WriterLock.acquire(data)  # the desktop app runs on this data dir
    app = AppContext.open(data)
    try:
        rid = app.responses.create(SR, answers={"laws": "committed"})
        app.responses.save_answer(rid, "authority", "yes",
                                  base_version=None, author=TESTER)  # progress now to be recounted
        with app.database.write() as conn:  # ... and is in the middle of a write
            conn.exec_driver_sql("UPDATE answer SET text = 'uncommitted' "
                                 "WHERE question_id = 'laws'")
            code, out, err = run(capsys, data, "show", rid, "--json")
            assert (code, err) == (0, "")
            assert json.loads(out)["answers"]["laws"] == "committed"
            code, out, err = run(capsys, data, "responses", "--json")
            assert (code, err) == (0, "")
            assert json.loads(out)[0]["answered"] == 2
        # Once the app's write is done, the CLI can write too.
        code, _, _ = run(capsys, data, "set", rid, "--answers",
                         str(write_json(tmp_path / "a.json", {"answers": {"laws": "cli"}})))
        assert code == 0 and app.responses.load(rid).answers["laws"] == "cli"
    finally:
        app.close()
        lock.release()


def test_restore_an_old_schema_backup_upgrades_it(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    fixture = Path(__file__).parents[1] / "storage" / "fixtures" / "consultdesk-schema-1.sqlite3"
    data = tmp_path / "data"
    run(capsys, data, "new", SR)
    code, _, err = run(capsys, data, "restore", str(fixture))
    assert code == 0, err
    code, out, _ = run(capsys, data, "show", "a1b2c3d4e5f6", "--json")
    assert code == 0 and json.loads(out)["title"] == "Japan - civic space"
