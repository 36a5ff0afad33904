"""Starting the app: one writer per data dir, a damaged database, an unusable data dir."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from consultdesk.app_context import AppContext
from consultdesk.launcher import Launcher
from consultdesk.services.settings import Settings
from consultdesk.storage import backup
from consultdesk.storage.database import database_path
from consultdesk.storage.instance_lock import WriterLock
from consultdesk.ui.application import EXIT_CANNOT_START, GuiSession, make_application
from consultdesk.ui.library.startup_dialogs import RecoveryDialog
from consultdesk.ui.library.window import LibraryWindow

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Response ids the library asked to open (the response window is tested elsewhere)."""
    calls: list[str] = []
    monkeypatch.setattr(LibraryWindow, "open_response", lambda self, rid: calls.append(rid))
    return calls


@pytest.fixture
def session_factory(qapp, settings: Settings) -> Iterator:
    """Sessions on a data dir, closed (windows included) after the test."""
    sessions: list[GuiSession] = []

    def make(data_dir: Path) -> GuiSession:
        session = GuiSession(Launcher(data_dir), settings)
        sessions.append(session)
        return session

    yield make
    for session in sessions:
        if session.window is not None:
            session.window.close()
            session.window.deleteLater()
        session.close()


def run_cli(data_dir: Path, *args: str) -> subprocess.Popen[str]:
    """``python -m consultdesk --data-dir DIR ARGS`` as a separate process (a second start)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "consultdesk", "--data-dir", str(data_dir),
                             *args], env=env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


def test_application_is_named_consultdesk(qapp) -> None:
    app = make_application()
    assert app.applicationName() == "ConsultDesk"
    assert app.organizationName() == "ConsultDesk"
    assert not app.windowIcon().isNull()


def test_start_shows_the_library_and_opens_a_response(
        qtbot, session_factory, data_dir: Path, opened: list[str]) -> None:
    context = AppContext.open(data_dir)
    rid = context.responses.create("ohchr-civic-space-2021", "Japan 2021")
    context.close()

    session = session_factory(data_dir)
    assert session.start(rid) is None
    assert session.window is not None and session.window.isVisible()
    # The app's name once: Qt appends the display name to the window's own title.
    assert session.window.windowTitle() == "Library"
    assert QApplication.applicationDisplayName() == "ConsultDesk"
    assert opened == [rid]
    assert session.window.current_summary().id == rid


def test_a_second_start_on_the_same_data_dir_brings_the_first_forward(
        qtbot, session_factory, data_dir: Path, opened: list[str]) -> None:
    session = session_factory(data_dir)
    assert session.start() is None
    assert session.server is not None

    with qtbot.waitSignal(session.server.requested, timeout=20000) as signal:
        second = run_cli(data_dir, "open", "R-123")
    out, err = second.communicate(timeout=30)
    assert second.returncode == 0, err
    assert "already open" in err
    assert signal.args == ["R-123"]
    assert opened == ["R-123"]

    with qtbot.waitSignal(session.server.requested, timeout=20000) as signal:
        third = run_cli(data_dir)
    third.communicate(timeout=30)
    assert third.returncode == 0
    assert signal.args == [None]


def test_a_second_writer_is_refused_clearly(qtbot, modal, session_factory,
                                            data_dir: Path) -> None:
    lock = WriterLock.acquire(data_dir)  # another app holds the data dir, without a server
    try:
        messages: list[str] = []

        def read(box: QMessageBox) -> None:
            messages.append(box.text())
            box.close()

        modal(read)
        assert session_factory(data_dir).start() == EXIT_CANNOT_START
    finally:
        lock.release()
    assert messages and "already open on this data folder" in messages[0]
    assert str(data_dir) in messages[0]


def test_a_garbage_database_offers_to_start_afresh_and_keeps_the_file(
        qtbot, modal, session_factory, data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    garbage = b"this is not a database at all " * 200
    database_path(data_dir).write_bytes(garbage)
    seen: list[str] = []

    def start_fresh(dialog: RecoveryDialog) -> None:
        assert isinstance(dialog, RecoveryDialog)
        seen.append(dialog.details.text() + "\n" + dialog.file_label.text())
        assert not dialog.restore_button.isVisible()  # no backup exists
        qtbot.mouseClick(dialog.fresh_button, Qt.MouseButton.LeftButton)

    modal(start_fresh)
    session = session_factory(data_dir)
    assert session.start() is None
    assert str(database_path(data_dir)) in seen[0]
    assert session.window is not None and session.window.isVisible()
    assert session.context is not None and session.context.responses.list() == []
    kept = [p for p in data_dir.iterdir() if p.name.startswith(database_path(data_dir).name + ".")]
    assert [p.read_bytes() for p in kept if p.is_file() and not p.name.endswith(
        ("-wal", "-shm"))] == [garbage]


def test_a_damaged_database_is_restored_from_its_backup(
        qtbot, modal, session_factory, data_dir: Path) -> None:
    context = AppContext.open(data_dir)
    rid = context.responses.create("ohchr-civic-space-2021", "Kept in the backup")
    made = backup.backup_to(context.database,
                            backup.backup_dir(data_dir) / "consultdesk-20261120-090000.sqlite3")
    context.close()
    database_path(data_dir).write_bytes(b"garbage" * 1000)
    for suffix in ("-wal", "-shm"):
        Path(str(database_path(data_dir)) + suffix).unlink(missing_ok=True)
    seen: list[str] = []

    def restore(dialog: RecoveryDialog) -> None:
        seen.append(dialog.details.text())
        # The newest is the empty daily copy made when the database was first opened.
        assert dialog.backups.count() == 2
        dialog.backups.setCurrentIndex(dialog.backups.findData(str(made)))
        assert dialog.chosen_backup() == made
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    modal(restore)
    session = session_factory(data_dir)
    assert session.start() is None
    assert "can be restored from the backup" in seen[0]
    assert [s.id for s in session.context.responses.list()] == [rid]


def test_quitting_the_recovery_leaves_the_file_alone(qtbot, modal, session_factory,
                                                     data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    database_path(data_dir).write_bytes(b"garbage" * 1000)
    modal(lambda dialog: qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton))
    assert session_factory(data_dir).start() == EXIT_CANNOT_START
    assert database_path(data_dir).read_bytes() == b"garbage" * 1000
    # The lock was released: the next start can take it.
    WriterLock.acquire(data_dir).release()


def test_an_unusable_data_dir_gets_a_clear_error(qtbot, modal, session_factory,
                                                 tmp_path: Path) -> None:
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("I am a file, not a folder")
    messages: list[str] = []

    def read(box: QMessageBox) -> None:
        messages.append(box.text())
        box.close()

    modal(read)
    assert session_factory(not_a_dir).start() == EXIT_CANNOT_START
    assert messages and "must be able to write to its data folder" in messages[0]
    assert str(not_a_dir) in messages[0]


def test_a_database_from_a_newer_consultdesk_is_refused_untouched(
        qtbot, modal, session_factory, data_dir: Path) -> None:
    import sqlite3

    AppContext.open(data_dir).close()
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("PRAGMA user_version = 999")
    conn.commit()
    conn.close()
    before = database_path(data_dir).read_bytes()
    messages: list[str] = []

    def read(box: QMessageBox) -> None:
        messages.append(box.text())
        box.close()

    modal(read)
    assert session_factory(data_dir).start() == EXIT_CANNOT_START
    assert messages and "newer ConsultDesk" in messages[0]
    assert database_path(data_dir).read_bytes() == before


def test_a_read_only_database_gets_a_clear_error(qtbot, modal, monkeypatch, session_factory,
                                                 data_dir: Path) -> None:
    # Tests run as root, which may write anywhere: the storage's own check is simulated.
    from consultdesk.storage.errors import ReadOnlyDataDirError

    def refuse(_data_dir: Path) -> AppContext:
        raise ReadOnlyDataDirError(f"the database {database_path(data_dir)} is read-only",
                                   path=database_path(data_dir))

    monkeypatch.setattr(AppContext, "open", refuse)
    messages: list[str] = []

    def read(box: QMessageBox) -> None:
        messages.append(box.text())
        box.close()

    modal(read)
    assert session_factory(data_dir).start() == EXIT_CANNOT_START
    assert "must be able to write to its data folder" in messages[0]
    assert str(database_path(data_dir)) in messages[0]


def test_an_unexpected_error_is_logged_and_shown_not_crashing(
        qtbot, modal, monkeypatch, data_dir: Path) -> None:
    import signal
    import sys

    from consultdesk.ui.application import install_error_handlers

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(signal, "signal", lambda *_: None)  # leave pytest's SIGINT alone
    install_error_handlers(make_application(), data_dir)
    messages: list[str] = []
    details: list[str] = []

    def read(box: QMessageBox) -> None:
        messages.append(box.text())
        details.extend([box.informativeText(), box.detailedText()])
        box.close()

    modal(read)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    log = data_dir / "logs" / "consultdesk.log"
    assert "RuntimeError" not in messages[0] and "boom" not in messages[0]
    assert str(log) in details[0] and "RuntimeError: boom" in details[1]
    assert "Traceback" in log.read_text() and "boom" in log.read_text()


@pytest.mark.parametrize("args, expected_rid", [([], None), (["open", "R-7"], "R-7")])
def test_the_command_line_starts_the_gui_on_its_data_dir(
        monkeypatch, tmp_path: Path, args: list[str], expected_rid: str | None) -> None:
    from consultdesk.cli.main import main
    from consultdesk.ui import application

    calls: list[tuple[Path, str | None]] = []
    monkeypatch.setattr(application, "run_gui",
                        lambda launcher, rid=None: calls.append((launcher.data_dir, rid)) or 0)
    assert main(["--data-dir", str(tmp_path / "d"), *args]) == 0
    assert calls == [(tmp_path / "d", expected_rid)]


def test_a_busy_database_is_reported_not_moved(qtbot, modal, monkeypatch, session_factory,
                                               data_dir: Path) -> None:
    from consultdesk.storage.errors import DatabaseError

    AppContext.open(data_dir).close()
    before = database_path(data_dir).read_bytes()

    def busy(_data_dir: Path) -> AppContext:
        raise DatabaseError(f"the database {database_path(data_dir)} is busy; try again",
                            path=database_path(data_dir))

    monkeypatch.setattr(AppContext, "open", busy)
    seen: list[object] = []

    def read(box) -> None:
        seen.append(box)
        box.close()

    modal(read)
    assert session_factory(data_dir).start() == EXIT_CANNOT_START
    assert isinstance(seen[0], QMessageBox) and "is busy" in seen[0].text()
    assert database_path(data_dir).read_bytes() == before
