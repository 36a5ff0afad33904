"""Moving a team over: ``team push`` / ``team pull`` between a data folder and a real
PostgreSQL database (counts checked, non-empty destinations refused unless merging), and
``backup`` of a team database as a consistent snapshot that a solo ConsultDesk opens."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext, team_service
from consultdesk.cli.main import main
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.storage.errors import DatabaseError

OHCHR, SR = "ohchr-civic-space-2021", "sr-expression-call-2026"
#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


def fill(ctx: AppContext, n: int, tag: str) -> list[str]:
    """``n`` responses with text, choices, a repeating block, done flags and revisions."""
    rids = []
    for i in range(n):
        rid = ctx.responses.create(SR, f"{tag} {i}", respondent={"submitter": "Japan"},
                                   answers={"authority": "yes",
                                            "measures": [{"description": f"hotline {i}"}]})
        first = ctx.responses.save_answer(rid, "laws", f"The **Act** of 20{i:02d}, first draft.",
                                          base_version=0, author=TESTER)
        ctx.responses.take_revision(rid, "laws", "save")
        ctx.responses.save_answer(rid, "laws", f"The **Act** of 20{i:02d} ({tag}).",
                                  base_version=first.version, author=TESTER)
        ctx.responses.set_done(rid, "laws", True)
        rids.append(rid)
    return rids


def content(ctx: AppContext) -> dict[str, object]:
    """Everything a user sees of every response: answers, flags and history."""
    out: dict[str, object] = {}
    for summary in ctx.responses.list():
        data = ctx.responses.load(summary.id)
        history = {q.id: [(r.value, r.reason) for r in ctx.responses.revisions(summary.id, q.id)]
                   for q in data.questionnaire.questions()}
        out[summary.id] = (data.as_json(), data.done, summary.answered, summary.total, history)
    return out


def test_push_copies_everything_and_refuses_a_non_empty_team_database(
        pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    local = AppContext.open(tmp_path / "local")
    rids = fill(local, 3, "local")
    expected = content(local)
    local.close()

    code = main(["--data-dir", str(tmp_path / "local"), "team", "push", "--database", pg_url])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "3 response" in out and "counts checked" in out
    team = AppContext.open(tmp_path / "sato", pg_url)
    try:
        assert content(team) == expected
        # The copied ids do not block new rows: a new revision gets an id of its own.
        team.responses.save_answer(rids[0], "laws", "After the move.", base_version=None,
                                   author=TESTER)
        assert team.responses.take_revision(rids[0], "laws", "save")
    finally:
        team.close()

    # A second push would mix two data folders: refused, one line, nothing written.
    code = main(["--data-dir", str(tmp_path / "local"), "team", "push", "--database", pg_url])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.count("\n") == 1 and "--merge" in err


def test_merge_adds_only_what_the_team_database_lacks(pg_url: str, tmp_path: Path) -> None:
    first, second = AppContext.open(tmp_path / "a"), AppContext.open(tmp_path / "b")
    a_ids = fill(first, 2, "a")
    b_ids = fill(second, 2, "b")
    first.close()
    second.close()
    service_a, service_b = team_service(tmp_path / "a"), team_service(tmp_path / "b")
    service_a.push(pg_url)
    with pytest.raises(DatabaseError, match="not empty"):
        service_b.push(pg_url)
    summary = service_b.push(pg_url, merge=True)
    assert summary.responses == 2 and summary.skipped_responses == ()
    again = service_b.push(pg_url, merge=True)
    assert again.responses == 0 and sorted(again.skipped_responses) == sorted(b_ids)
    team = AppContext.open(tmp_path / "t", pg_url)
    try:
        assert sorted(s.id for s in team.responses.list()) == sorted(a_ids + b_ids)
        for rid, tag in [(a_ids[0], "a"), (b_ids[1], "b")]:
            i = (a_ids + b_ids).index(rid) % 2
            history = team.responses.revisions(rid, "laws")
            assert [r.value for r in history] == [f"The **Act** of 20{i:02d}, first draft."]
            assert team.responses.load(rid).answers["laws"].endswith(f"({tag}).")
    finally:
        team.close()


def test_pull_makes_a_personal_copy(pg_url: str, tmp_path: Path) -> None:
    team = AppContext.open(tmp_path / "sato", pg_url)
    fill(team, 2, "team")
    expected = content(team)
    team.close()
    summary = team_service(tmp_path / "mine").pull(pg_url)
    assert summary.responses == 2
    mine = AppContext.open(tmp_path / "mine")
    try:
        assert content(mine) == expected
        assert mine.database.integrity_check() == "ok"
    finally:
        mine.close()
    with pytest.raises(DatabaseError, match="not empty"):
        team_service(tmp_path / "mine").pull(pg_url)


def test_backup_of_a_team_database_is_a_file_a_solo_consultdesk_restores(
        pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = AppContext.open(tmp_path / "sato", pg_url)
    fill(team, 2, "team")
    expected = content(team)
    team.close()
    out_file = tmp_path / "team-backup.sqlite3"
    code = main(["--data-dir", str(tmp_path / "sato"), "--database", pg_url,
                 "backup", "--out", str(out_file)])
    assert code == 0, capsys.readouterr().err
    assert capsys.readouterr().out.strip() == str(out_file)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".consultdesk-")] == []
    code = main(["--data-dir", str(tmp_path / "solo"), "restore", str(out_file)])
    assert code == 0, capsys.readouterr().err
    solo = AppContext.open(tmp_path / "solo")
    try:
        assert content(solo) == expected
    finally:
        solo.close()


def test_backup_is_one_snapshot_while_colleagues_save(pg_url: str, tmp_path: Path) -> None:
    team = AppContext.open(tmp_path / "sato", pg_url)
    rid = team.responses.create(OHCHR)
    stop = threading.Event()
    writes = [0]

    def colleague() -> None:
        other = AppContext.open(tmp_path / "tanaka", pg_url)
        try:
            while not stop.is_set():
                writes[0] += 1
                n = writes[0]
                # One transaction writes both answers: a snapshot holds both or neither.
                other.responses.merge(rid, None, {"q1": f"seq {n}", "q2": f"seq {n}"},
                                      author=TESTER)
        finally:
            other.close()

    thread = threading.Thread(target=colleague)
    thread.start()
    try:
        seen = set()
        for i in range(6):
            path = team.maintenance.backup_to(tmp_path / f"b{i}.sqlite3")
            conn = sqlite3.connect(path)
            rows = dict(conn.execute("SELECT question_id, text FROM answer WHERE "
                                     "question_id IN ('q1', 'q2')").fetchall())
            # Across tables too: the response row was read in the same instant as its
            # answers (the save stamps both with one time).
            stamps = conn.execute("SELECT (SELECT updated_at FROM response), "
                                  "(SELECT max(updated_at) FROM answer)").fetchone()
            conn.close()
            assert rows.get("q1") == rows.get("q2"), rows
            assert stamps[1] is None or stamps[0] == stamps[1], stamps
            seen.add(rows.get("q1"))
    finally:
        stop.set()
        thread.join(30)
        team.close()
    assert writes[0] > 6 and len(seen) > 1, (writes, seen)
