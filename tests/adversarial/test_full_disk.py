"""A real full file system (tmpfs): named as full, reading works, nothing moved or lost.

SQLite fails differently on a real full disk than with ``max_page_count``: it cannot
make its ``-shm`` file (a "disk I/O error") before it ever reports SQLITE_FULL.  None
of it may be called damage, and no recovery may start without room to finish.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from adversarial.conftest import fill
from adversarial.harness import OHCHR, Snapshot, database_content, run_cli
from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.services.errors import DatabaseError, StorageFullError
from consultdesk.services.maintenance import MaintenanceService

TESTER = Author(WriterKind.CLI, "adversarial test")


def _full_library(disk: Path) -> tuple[Path, str, Path]:
    data = disk / "data"
    context = AppContext.open(data)
    try:
        rid = context.responses.create(OHCHR, "On a full disk", answers={"q1": "Saved text."})
    finally:
        context.close()
    return data, rid, fill(disk)


def _assert_full(result_err: str) -> None:
    assert "is full" in result_err and "free" in result_err, result_err
    assert "damaged" not in result_err.replace("nothing is damaged", ""), result_err


def test_reading_works_on_a_full_disk_and_writing_says_full(
        capsys: pytest.CaptureFixture[str], small_disk: Path, tmp_path: Path) -> None:
    data, rid, _ = _full_library(small_disk)
    before = database_content(data / "consultdesk.sqlite3")
    listed = run_cli(capsys, data, "responses", "--json")
    assert listed.code == 0, listed.err
    assert [r["id"] for r in json.loads(listed.out)] == [rid]
    shown = run_cli(capsys, data, "show", rid, "--json")
    assert shown.code == 0 and json.loads(shown.out)["answers"] == {"q1": "Saved text."}
    assert run_cli(capsys, data, "check", rid).code == 0
    out = tmp_path / "elsewhere.docx"
    assert run_cli(capsys, data, "export", rid, "-o", str(out)).code == 0 and out.exists()

    answers = tmp_path / "a.json"
    answers.write_text('{"answers": {"q1": "New text."}}')
    for argv in (["set", rid, "--answers", str(answers)], ["new", OHCHR], ["backup"],
                 ["repair", rid]):
        result = run_cli(capsys, data, *argv)
        if argv[0] == "repair":
            assert result.code == 0 and "needed no repair" in result.err
            continue
        result.assert_refused()
        _assert_full(result.err)
    assert database_content(data / "consultdesk.sqlite3") == before
    assert not list((data / "backups").glob("*partial*"))


def test_writing_works_again_once_space_is_freed(capsys: pytest.CaptureFixture[str],
                                                 small_disk: Path, tmp_path: Path) -> None:
    data, rid, filler = _full_library(small_disk)
    context = AppContext.open(data)  # an app started while the disk was full
    try:
        with pytest.raises(StorageFullError, match="is full"):
            context.responses.save_answer(rid, "q1", "Typed while full.",
                                               base_version=None, author=TESTER)
        assert context.responses.load(rid).answers["q1"] == "Saved text."
        filler.unlink()
        context.responses.save_answer(rid, "q1", "Typed after freeing space.",
                                           base_version=None, author=TESTER)
    finally:
        context.close()
    shown = json.loads(run_cli(capsys, data, "show", rid, "--json").out)
    assert shown["answers"]["q1"] == "Typed after freeing space."


def test_a_disk_that_fills_while_the_app_writes_says_full_and_keeps_the_last_save(
        small_disk: Path) -> None:
    data = small_disk / "data"
    context = AppContext.open(data)  # open before the disk fills: -wal and -shm exist
    try:
        rid = context.responses.create(OHCHR, "Filling up")
        context.responses.save_answer(rid, "q1", "Before the disk filled.",
                                           base_version=None, author=TESTER)
        fill(small_disk)
        big = "A long answer that will not fit. " * 3000
        with pytest.raises(StorageFullError, match="is full"):
            context.responses.save_answer(rid, "q1", big,
                                               base_version=None, author=TESTER)
        assert context.responses.load(rid).answers["q1"] == "Before the disk filled."
    finally:
        context.close()


def test_restore_on_a_full_disk_moves_nothing(capsys: pytest.CaptureFixture[str],
                                              small_disk: Path, tmp_path: Path) -> None:
    data = small_disk / "data"
    context = AppContext.open(data)
    try:
        rid = context.responses.create(OHCHR, "Current", answers={"q1": "Current text."})
        backup = context.maintenance.backup_to(tmp_path / "elsewhere.sqlite3")
    finally:
        context.close()
    fill(small_disk)
    before = Snapshot.of(data)
    result = run_cli(capsys, data, "restore", str(backup))
    result.assert_refused()
    _assert_full(result.err)
    before.assert_unchanged(data)
    assert json.loads(run_cli(capsys, data, "show", rid, "--json").out)["title"] == "Current"


def test_recovery_never_moves_a_healthy_database_aside(small_disk: Path,
                                                       tmp_path: Path) -> None:
    data, _rid, _ = _full_library(small_disk)
    before = Snapshot.of(data)
    maintenance = MaintenanceService(data)
    with pytest.raises(DatabaseError, match="is not damaged"):
        maintenance.recover(None)
    with pytest.raises(DatabaseError, match="is not damaged"):
        maintenance.recover(data / "backups" / "anything.sqlite3")
    before.assert_unchanged(data)


def test_an_export_onto_a_full_disk_leaves_nothing(capsys: pytest.CaptureFixture[str],
                                                    small_disk: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    context = AppContext.open(data)
    try:
        rid = context.responses.create(OHCHR, "Export me", answers={"q1": "Text " * 900})
    finally:
        context.close()
    fill(small_disk)
    before = Snapshot.of(small_disk)
    result = run_cli(capsys, data, "export", rid, "-o", str(small_disk / "out.docx"))
    result.assert_refused()
    assert "full" in result.err
    before.assert_unchanged(small_disk)
