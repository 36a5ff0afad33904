"""Every file the CLI reads, named as a FIFO, a device, a folder, a symlink to them...

Each must be refused in one line, exit 2, at once (never blocking on a FIFO,
never reading /dev/zero without end), with nothing written and nothing left.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from adversarial.harness import OHCHR, SPECIAL_KINDS, Snapshot, run_cli, run_command

#: Every command that reads a file the user names: (argv with {f} for the file).
READERS = {
    "new --answers": ["new", OHCHR, "--answers", "{f}"],
    "set --answers": ["set", "{rid}", "--answers", "{f}"],
    "questionnaire add": ["questionnaire", "add", "{f}"],
    "questionnaire import": ["questionnaire", "import", "{f}"],
    "export --template": ["export", "{rid}", "-o", "{out}", "--template", "{f}"],
    "export --blank --template": ["export", OHCHR, "--blank", "-o", "{out}", "--template",
                                  "{f}"],
    "restore": ["restore", "{f}"],
}


def _argv(template: list[str], f: Path, rid: str, out: Path) -> list[str]:
    return [a.format(f=f, rid=rid, out=out) for a in template]


@pytest.mark.parametrize("kind", SPECIAL_KINDS)
@pytest.mark.parametrize("command", list(READERS))
def test_a_special_file_is_refused_at_once(
        capsys: pytest.CaptureFixture[str], data_dir: Path, rid: str, tmp_path: Path,
        special_file: Callable[[str], Path], command: str, kind: str) -> None:
    path = special_file(kind)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before, outputs = Snapshot.of(data_dir), Snapshot.of(out_dir)
    started = time.monotonic()
    result = run_cli(capsys, data_dir, *_argv(READERS[command], path, rid,
                                              out_dir / "x.docx"))
    elapsed = time.monotonic() - started
    result.assert_refused()
    # Not a speed figure (those live in benchmarks/): a bound that a read without end
    # (a FIFO that blocks, /dev/zero filling memory) cannot meet, with room for a busy CI.
    assert elapsed < 5.0, f"{command} on {kind} took {elapsed:.2f} s"
    assert str(path.name) in result.err or str(path) in result.err, result.err
    before.assert_unchanged(data_dir)
    outputs.assert_unchanged(out_dir)


@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "symlink_to_fifo"])
@pytest.mark.parametrize("command", ["set --answers", "questionnaire add",
                                     "questionnaire import", "export --template", "restore"])
def test_the_real_command_never_hangs_on_a_special_file(
        data_dir: Path, rid: str, tmp_path: Path, special_file: Callable[[str], Path],
        command: str, kind: str) -> None:
    path = special_file(kind)
    before = Snapshot.of(data_dir)
    result = run_command(data_dir, *_argv(READERS[command], path, rid, tmp_path / "x.docx"),
                         timeout=20)
    result.assert_refused()
    before.assert_unchanged(data_dir)
