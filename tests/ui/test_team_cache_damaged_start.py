"""Starting without the team server while the copy kept on this computer (team-cache/) is
damaged: the start-up dialog still comes, offering no copies, and quitting quits (the
damaged copy once escaped the dialog's handler as a traceback)."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from consultdesk.launcher import Launcher
from consultdesk.services.settings import Settings
from consultdesk.storage import pg_connect
from consultdesk.storage.team_cache import cache_folder
from consultdesk.ui.application import GuiSession
from consultdesk.ui.library.startup_dialogs import UnreachableDialog


def _closed_port() -> int:
    """A local TCP port nothing listens on (connecting is refused at once)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("damage", ["garbage", "directory"])
def test_a_damaged_copy_offers_no_copies_and_quits_cleanly(
        qtbot, modal: Callable[..., None], tmp_path: Path, settings: Settings,
        damage: str) -> None:
    url = f"postgresql://sato@127.0.0.1:{_closed_port()}/team"
    data_dir = tmp_path / "sato"
    copy = cache_folder(data_dir, pg_connect.describe(url)) / "consultdesk.sqlite3"
    copy.parent.mkdir(parents=True)
    if damage == "garbage":
        copy.write_bytes(b"not a database " * 500)
    else:
        copy.mkdir()
    seen: list[UnreachableDialog] = []

    def quit_(widget: QWidget) -> None:
        assert isinstance(widget, UnreachableDialog)
        seen.append(widget)
        assert not widget.offline_button.isVisibleTo(widget)
        widget.quit_button.click()

    modal(quit_)
    session = GuiSession(Launcher(data_dir, url), settings)
    try:
        assert session.start() is not None  # quit: an exit code, not a traceback
        assert len(seen) == 1
        assert "No response of this team database" in seen[0].offer.text()
    finally:
        session.close()
    # Reading the damaged copy left it as it was (it is replaced on the next connect).
    assert copy.is_dir() if damage == "directory" else copy.read_bytes().startswith(b"not a")
    assert QApplication.activeModalWidget() is None
