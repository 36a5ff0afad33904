"""Starting on the team database while the outbox file (outbox.sqlite3, edits kept while
the server was away) is damaged: ConsultDesk still starts on the server and leaves the
file as it is (it may hold the only copy of what was typed)."""

from __future__ import annotations

from pathlib import Path

from consultdesk.launcher import Launcher
from consultdesk.services.settings import Settings
from consultdesk.storage.outbox import OUTBOX_FILE_NAME
from consultdesk.ui.application import GuiSession


def test_a_damaged_outbox_does_not_stop_the_start(qtbot, pg_url: str, tmp_path: Path,
                                                  settings: Settings) -> None:
    data_dir = tmp_path / "sato"
    data_dir.mkdir()
    outbox = data_dir / OUTBOX_FILE_NAME
    outbox.write_bytes(b"not a database " * 1000)
    session = GuiSession(Launcher(data_dir, pg_url), settings)
    try:
        assert session.start() is None  # the library is up
        assert session.context is not None and not session.context.offline
        assert session.window is not None
        qtbot.addWidget(session.window)
    finally:
        session.close()
    assert outbox.read_bytes() == b"not a database " * 1000
