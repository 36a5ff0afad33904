"""``consultdesk search`` given hostile options and text: one line or an answer, never a
traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.cli.main import main


@pytest.mark.parametrize(("args", "code", "words"), [
    (["--limit", "99999999999999999999", "online"], 0, ""),  # was an OverflowError traceback
    (["--limit", "0", "online"], 2, "must be 1 or more"),
    (["--limit", "1e3", "online"], 2, "not a number"),
    (["\udcff\udcfeabc"], 2, "character"),  # bytes that are not UTF-8 in argv
    (['"'], 0, ""),
    (["ab%_\\" * 3000], 0, ""),
])
def test_hostile_search_arguments(args: list[str], code: int, words: str, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "search", *args]) == code
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    if code:
        [line] = err.splitlines()
        assert words in line
