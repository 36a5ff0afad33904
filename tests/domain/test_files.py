"""Reading input files: a size cap before reading, and messages that name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.domain.errors import AnswerError, DefinitionError
from consultdesk.domain.files import read_capped


def test_reads_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"{}")
    assert read_capped(path, 10, AnswerError, "an answers file") == b"{}"


def test_a_file_over_the_cap_is_refused_with_its_own_error(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    path.write_bytes(b"x" * 11)
    with pytest.raises(AnswerError, match=r"big.toml: the file is too large for a thing$"):
        read_capped(path, 10, DefinitionError, "a thing", too_large_error=AnswerError)


def test_an_unreadable_file_names_itself(tmp_path: Path) -> None:
    with pytest.raises(DefinitionError, match=r"^shown.toml: cannot read the file"):
        read_capped(tmp_path / "absent.toml", 10, DefinitionError, "a thing", name="shown.toml")
