"""Upgrading databases: the committed schema-1 fixture, backups first, atomic steps,
and refusing a database from a newer ConsultDesk without touching it."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.cli.main import main
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.response import ResponseStatus
from consultdesk.storage import migrations
from consultdesk.storage.backup import list_backups
from consultdesk.storage.database import DB_FILE_NAME, Database
from consultdesk.storage.errors import DatabaseError, NewerSchemaError

FIXTURE = Path(__file__).parent / "fixtures" / "consultdesk-schema-1.sqlite3"

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


def data_dir_with_fixture(tmp_path: Path) -> Path:
    """A data dir holding a copy of the schema-1 database (the fixture stays pristine)."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copyfile(FIXTURE, data / DB_FILE_NAME)
    return data


def file_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fixture_is_schema_1() -> None:
    assert file_version(FIXTURE) == 1


def test_schema_1_database_opens_with_everything_in_it(tmp_path: Path) -> None:
    data = data_dir_with_fixture(tmp_path)
    ctx = AppContext.open(data)
    try:
        assert ctx.database.schema_version() == migrations.LATEST
        assert ctx.database.integrity_check() == "ok"
        response = ctx.responses.load("a1b2c3d4e5f6")
        assert response.title == "Japan - civic space"
        assert response.status is ResponseStatus.IN_REVIEW
        assert response.deadline == date(2021, 6, 1)
        assert response.respondent == {"state": "Japan",
                                       "institution": "Ministry of Foreign Affairs"}
        assert response.answers["q2"] == "Japanese text: 市民社会の参加。"
        assert response.done == {"q1": True} and response.contributors == {"q1": "MOFA"}
        assert [r.value for r in ctx.responses.revisions("a1b2c3d4e5f6", "q1")] == [
            "The Government held hearings."]
        # Answers written before versions existed start at version 1, by the app.
        assert response.versions["q1"] == response.versions["q2"] == 1
        [old] = ctx.responses.revisions("a1b2c3d4e5f6", "q1")
        assert old.author == Author(WriterKind.APP) and old.answer_version is None
        [binned] = ctx.responses.list(deleted=True)
        assert binned.id == "0f0e0d0c0b0a"
        assert ctx.responses.load(binned.id).answers["measures"] == [
            {"description": "A hotline"}, {"description": "A law"}]
        # And it can be written to, as any current database.
        ctx.responses.save_answer("a1b2c3d4e5f6", "q3", "New answer",
                                  base_version=None, author=TESTER)
        assert ctx.responses.load("a1b2c3d4e5f6").answers["q3"] == "New answer"
    finally:
        ctx.close()


UPGRADE_STEP = "ALTER TABLE response ADD COLUMN note VARCHAR; " \
               "UPDATE response SET note = 'upgraded'"


def test_upgrade_takes_a_backup_first_then_runs_the_new_steps(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, UPGRADE_STEP))
    monkeypatch.setattr(migrations, "LATEST", migrations.LATEST + 1)
    data = data_dir_with_fixture(tmp_path)
    before = file_version(data / DB_FILE_NAME)
    with Database.open(data) as db:
        assert db.schema_version() == migrations.LATEST
        with db.read() as conn:
            assert set(conn.exec_driver_sql("SELECT note FROM response").scalars()) == {
                "upgraded"}
    [copy] = list_backups(data)
    assert f"before-upgrade-from-schema-{before}" in copy.name
    assert file_version(copy) == before


def test_a_failing_upgrade_leaves_the_file_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "STEPS", (*migrations.STEPS, UPGRADE_STEP,
                                              "ALTER TABLE no_such_table ADD COLUMN x"))
    monkeypatch.setattr(migrations, "LATEST", migrations.LATEST + 2)
    data = data_dir_with_fixture(tmp_path)
    with pytest.raises(DatabaseError, match="left as it was") as info:
        Database.open(data)
    assert info.value.backup is not None and info.value.backup.is_file()
    path = data / DB_FILE_NAME
    assert file_version(path) == 1
    conn = sqlite3.connect(path)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(response)")]
    conn.close()
    assert "note" not in columns  # the first step was rolled back with the failing one


def test_newer_database_is_refused_and_untouched(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    data = data_dir_with_fixture(tmp_path)
    path = data / DB_FILE_NAME
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError, match="newer ConsultDesk") as info:
        Database.open(data)
    assert str(path) in str(info.value)
    assert main(["--data-dir", str(data), "responses"]) == 2
    err = capsys.readouterr().err
    assert "newer ConsultDesk" in err and len(err.strip().splitlines()) == 1
    assert digest(path) == before
    assert sorted(p.name for p in data.iterdir()) == [DB_FILE_NAME]  # no -wal, no backup
