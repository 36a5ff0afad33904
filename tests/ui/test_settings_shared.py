"""One settings store for the app and the command line: what Preferences saves, the CLI
reads (the author of its writes, the team database), from ``settings.json`` in the
config folder (``CONSULTDESK_CONFIG_DIR``, a temporary one in every test)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from consultdesk.services.settings import settings_path
from consultdesk.ui.preferences import PreferencesDialog
from consultdesk.ui.settings_store import app_settings

ROOT = Path(__file__).resolve().parents[2]
SR = "sr-expression-call-2026"


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """``consultdesk --data-dir DIR ARGS`` as its own process (it inherits the config dir)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("CONSULTDESK_DATABASE", None)
    return subprocess.run([sys.executable, "-m", "consultdesk", "--data-dir", str(data_dir),
                           *args], env=env, capture_output=True, text=True, timeout=120)


def answers(path: Path, values: dict[str, str]) -> str:
    path.write_text(json.dumps({"answers": values}), "utf-8")
    return str(path)


def test_the_name_typed_in_preferences_is_the_author_of_cli_writes(
        qtbot, tmp_path: Path, user_config_dir: Path) -> None:
    settings = app_settings(old=QSettings(str(tmp_path / "none.ini"), QSettings.Format.IniFormat))
    dialog = PreferencesDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user_name.clear()
    qtbot.keyClicks(dialog.user_name, "Tanaka Hanako")
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert json.loads(settings_path(user_config_dir).read_text("utf-8"))["user/name"] \
        == "Tanaka Hanako"

    data = tmp_path / "data"
    made = cli(data, "new", SR)
    assert made.returncode == 0, made.stderr
    rid = made.stdout.strip()
    for name, text in (("b.json", "Written by Hanako"), ("c.json", "Written later")):
        done = cli(data, "set", rid, "--answers", answers(tmp_path / name, {"laws": text}))
        assert done.returncode == 0, done.stderr
    history = cli(data, "history", rid, "laws", "--json")
    assert history.returncode == 0, history.stderr
    [entry] = json.loads(history.stdout)
    assert entry["text"] == "Written by Hanako"
    assert entry["author"] == {"kind": "cli", "name": "Tanaka Hanako"}


def test_the_team_database_chosen_in_preferences_is_the_clis(
        tmp_path: Path, user_config_dir: Path) -> None:
    settings = app_settings()
    # Nothing listens on port 9 here: the CLI must try that server, and say so in one line.
    settings.team_database_url = "postgresql://nobody@127.0.0.1:9/consultdesk"
    settings.sync()
    done = cli(tmp_path / "data", "responses")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "127.0.0.1" in done.stderr
    # --database still wins, and no server is needed for the local file.
    local = cli(tmp_path / "data", "--database", "", "responses")
    assert local.returncode == 0, local.stderr


def test_the_apps_old_settings_are_copied_into_the_file_once(
        tmp_path: Path, user_config_dir: Path) -> None:
    old = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    old.setValue("user/name", "Sato")
    old.setValue("ui/language", "ja")
    old.setValue("library/geometry", QByteArray(b"\x01\x00\xff"))
    old.setValue("export/recent", ["/a.docx", "/b.docx"])
    old.sync()
    settings = app_settings(old=old)
    assert (settings.user_name, settings.language) == ("Sato", "ja")
    assert settings.window_geometry("library") == b"\x01\x00\xff"
    assert settings.recent_exports == ["/a.docx", "/b.docx"]
    # Once: what the user changes afterwards is not overwritten by the old store.
    settings.user_name = "Sato Hanako"
    settings.sync()
    assert app_settings(old=old).user_name == "Sato Hanako"


def test_the_app_follows_preferences_team_database_itself(
        monkeypatch, tmp_path: Path, user_config_dir: Path) -> None:
    # Started from the command line, the app is handed only a URL given there: the one in
    # Preferences it reads itself, so a change made there while it runs is followed.
    from consultdesk.cli.main import main
    from consultdesk.ui import application

    settings = app_settings()
    settings.team_database_url = "postgresql://nobody@127.0.0.1:9/consultdesk"
    settings.sync()
    monkeypatch.delenv("CONSULTDESK_DATABASE", raising=False)
    handed: list[str | None] = []
    monkeypatch.setattr(application, "run_gui",
                        lambda launcher, rid=None: handed.append(launcher.database_url) or 0)
    assert main(["--data-dir", str(tmp_path / "d")]) == 0
    assert main(["--data-dir", str(tmp_path / "d"), "--database", "postgresql://h/x"]) == 0
    assert handed == [None, "postgresql://h/x"]
