"""Fixtures of the adversarial suite: a data dir with a response in it, hostile files."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from adversarial.harness import OHCHR
from consultdesk.app_context import AppContext


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data dir holding one response with an answer (closed again: nothing holds it)."""
    folder = tmp_path / "data"
    context = AppContext.open(folder)
    try:
        rid = context.responses.create(OHCHR, "Japan", answers={"q1": "Our answer."})
    finally:
        context.close()
    (folder / "rid").write_text(rid)
    return folder


@pytest.fixture
def rid(data_dir: Path) -> str:
    """The id of the response in ``data_dir``."""
    return (data_dir / "rid").read_text()


@pytest.fixture
def special_file(tmp_path: Path) -> Callable[[str], Path]:
    """Make one of ``SPECIAL_KINDS`` in a folder of its own."""
    folder = tmp_path / "inputs"
    folder.mkdir()

    def make(kind: str) -> Path:
        base = kind.removeprefix("symlink_to_")
        if base == "fifo":
            target = folder / "pipe"
            os.mkfifo(target)
        elif base == "dev_zero":
            target = Path("/dev/zero")
        elif base == "dev_null":
            target = Path("/dev/null")
        elif base == "folder":
            target = folder / "a-folder"
            target.mkdir()
        elif base == "missing":
            target = folder / "absent"
        elif base == "dangling_symlink":
            target = folder / "dangling"
            target.symlink_to(folder / "nowhere")
        else:
            target = folder / "empty"
            target.write_bytes(b"")
        if kind.startswith("symlink_to_"):
            link = folder / f"link-to-{base}"
            link.symlink_to(target)
            return link
        return target

    return make


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 3 MB file system (tmpfs), unmounted afterwards.

    Needs root (CI runs as root); elsewhere the test is skipped and says why.
    """
    mount = tmp_path / "small-disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path) -> Path:
    """Fill ``disk`` to the last byte; the filler file (delete it to free the space)."""
    filler = disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for size in (1 << 20, 65536, 4096, 512, 1):  # big writes, then to the last byte
            try:
                while os.write(fd, b"\0" * size) > 0:
                    pass
            except OSError:
                continue
    finally:
        os.close(fd)
    return filler
