"""Bad input: damaged files, files that are not ours, read-only dirs, a full disk."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import event

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.storage.backup import list_backups, recover
from consultdesk.storage.database import DB_FILE_NAME, Database
from consultdesk.storage.errors import (
    DamagedDatabaseError,
    DatabaseError,
    ReadOnlyDataDirError,
    StorageFullError,
)

SR = "sr-expression-call-2026"

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


def make_database_with_backup(data: Path) -> tuple[str, Path]:
    """A data dir with one response and a daily backup holding it."""
    ctx = AppContext.open(data)
    rid = ctx.responses.create(SR, "Kept in the backup", answers={"laws": "backed up"})
    ctx.close()
    for old in list_backups(data):  # made at open, before the response existed
        old.unlink()
    AppContext.open(data).close()  # makes a new daily copy, now with the response
    [copy] = list_backups(data)
    return rid, copy


@pytest.mark.parametrize("damage", ["garbage", "truncated", "zeroed-page"])
def test_damaged_file_names_file_and_backup_and_can_be_recovered(
        tmp_path: Path, damage: str) -> None:
    data = tmp_path / "data"
    rid, copy = make_database_with_backup(data)
    path = data / DB_FILE_NAME
    raw = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00garbage" * 4096)
    elif damage == "truncated":
        path.write_bytes(raw[: len(raw) // 3])
    else:
        page = int.from_bytes(raw[16:18], "big")
        path.write_bytes(raw[: 2 * page] + b"\xff" * page + raw[3 * page:])
    bad_bytes = path.read_bytes()
    with pytest.raises(DamagedDatabaseError) as info:
        Database.open(data)
    message = str(info.value)
    assert str(path) in message and str(copy) in message
    assert info.value.backup == copy and info.value.path == path
    assert path.read_bytes() == bad_bytes  # refused without writing
    # What the UI offers: move the bad file aside and restore the named backup.
    aside = recover(data, copy)
    assert aside is not None and aside.read_bytes() == bad_bytes  # kept, never deleted
    ctx = AppContext.open(data)
    try:
        assert ctx.responses.load(rid).answers == {"laws": "backed up"}
    finally:
        ctx.close()


def test_damaged_without_backup_can_start_fresh(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILE_NAME).write_bytes(b"SQLite format 3\x00" + b"\x01" * 200)
    with pytest.raises(DamagedDatabaseError, match="there is no backup") as info:
        Database.open(data)
    assert info.value.backup is None
    aside = recover(data, None)
    assert aside is not None and aside.exists()
    ctx = AppContext.open(data)
    try:
        assert ctx.responses.list() == []
    finally:
        ctx.close()


def test_sqlite_file_of_another_program_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    conn = sqlite3.connect(data / DB_FILE_NAME)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(DamagedDatabaseError, match="not a ConsultDesk database"):
        Database.open(data)


def test_damaged_file_in_the_cli_is_one_clear_line(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    from consultdesk.cli.main import main

    data = tmp_path / "data"
    data.mkdir()
    (data / DB_FILE_NAME).write_bytes(b"nonsense" * 100)
    assert main(["--data-dir", str(data), "responses"]) == 2
    err = capsys.readouterr().err
    assert str(data / DB_FILE_NAME) in err and len(err.strip().splitlines()) == 1


def test_read_only_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    data = tmp_path / "data"
    with Database.open(data):
        pass
    command = [str(Path(sys.executable).parent / "consultdesk"), "--data-dir", str(data),
               "responses"]
    if os.geteuid() == 0:
        # Root ignores file modes; drop the capabilities that let it (as CI runners
        # that run as root would need too).
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a directory read-only")
        caps = "-dac_override,-dac_read_search"
        command = [setpriv, "--bounding-set", caps, "--inh-caps", caps, *command]
    os.chmod(data, 0o555)
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=60,
                                check=False)
    finally:
        os.chmod(data, 0o755)
    assert result.returncode == 2, result.stderr
    assert "read-only" in result.stderr and str(data) in result.stderr
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1


def test_a_data_dir_under_a_file_says_so_not_read_only(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(DatabaseError, match="part of its path is a file") as raised:
        Database.open(blocker / "data")
    assert not isinstance(raised.value, ReadOnlyDataDirError)


def test_disk_full_keeps_the_previous_text_and_says_so(tmp_path: Path) -> None:
    ctx = AppContext.open(tmp_path / "data")
    try:
        rid = ctx.responses.create(SR)
        ctx.responses.save_answer(rid, "laws", "the previous text",
                                  base_version=None, author=TESTER)
        engine = ctx.database.engine
        with ctx.database.read() as conn:
            pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
        engine.dispose()
        # Simulate a full disk: no connection may grow the file any further.
        listener = lambda dbapi, _record: dbapi.execute(  # noqa: E731
            f"PRAGMA max_page_count = {pages}")
        event.listen(engine, "connect", listener)
        with pytest.raises(StorageFullError, match="previous text is kept"):
            ctx.responses.save_answer(rid, "laws", "new text " * 20_000,
                                      base_version=None, author=TESTER)
        assert ctx.responses.load(rid).answers["laws"] == "the previous text"
        assert ctx.database.integrity_check() == "ok"
        # Once there is space again, saving works.
        event.remove(engine, "connect", listener)
        engine.dispose()
        ctx.responses.save_answer(rid, "laws", "new text " * 20_000,
                                  base_version=None, author=TESTER)
        assert ctx.responses.load(rid).answers["laws"].startswith("new text")
    finally:
        ctx.close()
