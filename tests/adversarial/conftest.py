"""Fixtures of the adversarial suite: a data dir with a response in it, hostile files."""

from __future__ import annotations

import os
from collections.abc import Callable
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
