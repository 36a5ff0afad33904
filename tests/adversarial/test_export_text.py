"""Characters a Word document cannot hold: removed with a warning, NUL included."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from adversarial.harness import OHCHR, run_cli

CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1f", "\ufffe"]


@pytest.mark.parametrize("char", CONTROLS)
def test_every_control_character_gets_the_same_warning(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, char: str) -> None:
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"answers": {"q1": f"before{char}after **bold{char}**"}}))
    data = tmp_path / "data"
    rid = run_cli(capsys, data, "new", OHCHR, "--answers", str(answers)).out.strip()
    out = tmp_path / "x.docx"
    result = run_cli(capsys, data, "export", rid, "-o", str(out))
    assert result.code == 0, result.err
    assert "Question 1: removed 2 control characters" in result.err
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "\ufffd" not in body and "beforeafter" in body
