"""``restore-answer`` given revision ids no row can have: one line, exit 2, nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.cli.main import main


@pytest.mark.parametrize("revision", ["99999999999999999999", "-5", "0", str(2**63 - 1)])
def test_an_impossible_revision_id_is_one_line(revision: str, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "new", "ohchr-civic-space-2021"]) == 0
    rid = capsys.readouterr().out.strip()
    database = tmp_path / "data" / "consultdesk.sqlite3"
    before = database.read_bytes()
    # Past 64 bits it reached SQLite: an OverflowError traceback.
    assert main([*data, "restore-answer", rid, "q1", "--", revision]) == 2
    out, err = capsys.readouterr()
    [line] = err.splitlines()
    assert line == f"consultdesk: no revision with id {revision}" and out == ""
    assert database.read_bytes() == before
