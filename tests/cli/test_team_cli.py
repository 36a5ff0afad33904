"""The command line on a team database: ``--database URL`` and ``$CONSULTDESK_DATABASE``
choose the server; two data dirs (two officials' computers) see the same responses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from consultdesk.cli.main import main
from consultdesk.storage.database import DB_FILE_NAME

SR = "sr-expression-call-2026"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_two_computers_share_one_team_database(
        pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sato, tanaka = tmp_path / "sato", tmp_path / "tanaka"
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"answers": {"laws": "The **Act** of 2020."}}), "utf-8")
    code, out, err = run(capsys, "--data-dir", str(sato), "--database", pg_url,
                         "new", SR, "--title", "Japan", "--answers", str(answers))
    assert code == 0 and err == "", err
    rid = out.strip()
    code, out, _ = run(capsys, "--data-dir", str(tanaka), "--database", pg_url,
                       "show", rid, "--json")
    assert code == 0 and json.loads(out)["answers"] == {"laws": "The **Act** of 2020."}
    # Nothing went to either computer's own SQLite file.
    assert not (sato / DB_FILE_NAME).exists() and not (tanaka / DB_FILE_NAME).exists()
    # Without --database, the local (empty) library.
    code, out, _ = run(capsys, "--data-dir", str(tanaka), "responses", "--json")
    assert code == 0 and json.loads(out) == []


def test_the_environment_variable_chooses_the_server(pg_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "CONSULTDESK_DATABASE": pg_url}
    cmd = [sys.executable, "-m", "consultdesk", "--data-dir", str(tmp_path / "d")]
    made = subprocess.run([*cmd, "new", SR], capture_output=True, text=True, env=env,
                          timeout=60)
    assert made.returncode == 0, made.stderr
    listed = subprocess.run([*cmd, "responses", "--json"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert [r["id"] for r in json.loads(listed.stdout)] == [made.stdout.strip()]


def test_a_password_in_the_url_is_refused_before_connecting(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "--database",
                         "postgresql://sato:hunter2@db.example.org/consultdesk", "responses")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and ".pgpass" in err and "hunter2" not in err
