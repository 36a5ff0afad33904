"""Where a command writes: never over the live database, its journals or a device.

``backup --out`` and ``export -o`` are tried on the live database and its -wal/-shm
(by name, through a symlink and through a hard link), on folders, devices and FIFOs,
on another database in use; each is refused in one line with nothing changed, or
(a folder given to ``backup --out``) writes its copy inside the folder.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from adversarial.harness import Snapshot, run_cli
from consultdesk.app_context import AppContext

DB = "consultdesk.sqlite3"


def _target(data_dir: Path, tmp_path: Path, kind: str) -> Path:
    db = data_dir / DB
    links = tmp_path / "links"
    links.mkdir(exist_ok=True)
    if kind == "live database":
        return db
    if kind in ("its -wal", "its -shm", "its -journal"):
        return db.with_name(DB + kind.removeprefix("its "))
    if kind == "symlink to the database":
        (links / "innocent.sqlite3").symlink_to(db)
        return links / "innocent.sqlite3"
    if kind == "hard link to the database":
        os.link(db, links / "hard.sqlite3")
        return links / "hard.sqlite3"
    if kind == "symlink to its -wal":
        (links / "w").symlink_to(db.with_name(DB + "-wal"))
        return links / "w"
    if kind == "/dev/null":
        return Path("/dev/null")
    if kind == "a FIFO":
        os.mkfifo(links / "fifo")
        return links / "fifo"
    if kind == "another database in use":
        other = tmp_path / "other"
        ctx = AppContext.open(other)
        ctx.close()
        held = sqlite3.connect(other / DB)
        held.execute("PRAGMA journal_mode=WAL")
        held.execute("BEGIN IMMEDIATE")  # keeps its -wal and -shm in place
        held.execute("CREATE TABLE IF NOT EXISTS t (x)")
        _HELD.append(held)
        return other / DB
    raise AssertionError(kind)


_HELD: list[sqlite3.Connection] = []

KINDS = ["live database", "its -wal", "its -shm", "its -journal", "symlink to the database",
         "hard link to the database", "symlink to its -wal", "/dev/null", "a FIFO",
         "another database in use"]


@pytest.fixture
def open_app(data_dir: Path) -> object:
    """The app holding the data dir open (its -wal and -shm exist), as when it runs."""
    context = AppContext.open(data_dir)
    context.responses.list()
    yield context
    context.close()
    for held in _HELD:
        held.rollback()
        held.close()
    _HELD.clear()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("command", ["backup --out", "export -o", "export --blank -o"])
def test_a_dangerous_target_is_refused_and_nothing_changes(
        capsys: pytest.CaptureFixture[str], data_dir: Path, rid: str, tmp_path: Path,
        open_app: object, command: str, kind: str) -> None:
    target = _target(data_dir, tmp_path, kind)
    before = Snapshot.of(data_dir)
    wal = data_dir / (DB + "-wal")
    wal_before = wal.read_bytes() if wal.exists() else None
    argv = {"backup --out": ["backup", "--out", str(target)],
            "export -o": ["export", rid, "-o", str(target)],
            "export --blank -o": ["export", "ohchr-civic-space-2021", "--blank", "-o",
                                  str(target)]}[command]
    result = run_cli(capsys, data_dir, *argv)
    result.assert_refused()
    before.assert_unchanged(data_dir)
    if wal_before is not None:
        assert wal.read_bytes() == wal_before
    if kind == "/dev/null":
        assert Path("/dev/null").is_char_device()
    assert not list(tmp_path.rglob("*consultdesk-partial"))


def test_backup_onto_a_folder_writes_inside_it(capsys: pytest.CaptureFixture[str],
                                               data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "usb-stick"
    folder.mkdir()
    result = run_cli(capsys, data_dir, "backup", "--out", str(folder))
    assert result.code == 0, result.err
    made = Path(result.out.strip())
    assert made.parent == folder and made.name.endswith("-manual.sqlite3")
    assert [p.name for p in folder.iterdir()] == [made.name]
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM response").fetchone()[0] == 1
    conn.close()


def test_a_partial_file_of_a_killed_writer_is_cleared_by_the_next_one(
        capsys: pytest.CaptureFixture[str], data_dir: Path, rid: str, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    # What a killed export or backup leaves: its pid is gone, its file stays.
    dead = os.fork()
    if dead == 0:
        os._exit(0)
    os.waitpid(dead, 0)
    stale = [out / f".report.docx.{dead}.consultdesk-partial",
             out / f".copy.sqlite3.{dead}.consultdesk-partial"]
    for p in stale:
        p.write_bytes(b"half")
    mine_alive = out / f".other.docx.{os.getppid()}.consultdesk-partial"  # a live writer's
    mine_alive.write_bytes(b"in progress")
    assert run_cli(capsys, data_dir, "export", rid, "-o", str(out / "report.docx")).code == 0
    assert not any(p.exists() for p in stale)
    assert mine_alive.exists()
    assert sorted(p.name for p in out.iterdir()) == sorted([mine_alive.name, "report.docx"])
