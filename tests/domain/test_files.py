"""Reading input files: regular files only, capped by bytes read, parsers within limits."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consultdesk.domain import files
from consultdesk.domain.errors import AnswerError, DefinitionError
from consultdesk.domain.files import (
    parse_json,
    parse_toml,
    read_capped,
    read_text_capped,
    require_regular_file,
)


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
    with pytest.raises(DefinitionError, match=r"^shown.toml does not exist$"):
        read_capped(tmp_path / "absent.toml", 10, DefinitionError, "a thing", name="shown.toml")


# -- special files: refused at once, never read without end, never waited on ----------



def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("kind", ["fifo", "dev_zero", "folder", "symlink_to_fifo",
                                  "symlink_to_dev_zero", "symlink_to_folder"])
def test_special_files_are_refused_within_a_second(tmp_path: Path, kind: str) -> None:
    targets = {"fifo": lambda: _fifo(tmp_path), "dev_zero": lambda: Path("/dev/zero"),
               "folder": lambda: tmp_path}
    base = kind.removeprefix("symlink_to_")
    path = targets[base]()
    if kind.startswith("symlink_to_"):
        link = tmp_path / "link.json"
        link.symlink_to(path)
        path = link
    started = time.monotonic()
    with pytest.raises(AnswerError, match=r"is (a pipe \(FIFO\)|a device|a folder), not "
                                          r"an answers file$"):
        read_capped(path, 10**9, AnswerError, "an answers file")
    assert time.monotonic() - started < 1.0
    with pytest.raises(AnswerError, match="not an answers file$"):
        require_regular_file(path, AnswerError, "an answers file")


def test_a_file_that_grows_past_its_stat_size_is_capped_by_what_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files say they are 0 bytes long: the cap must count the bytes actually read.
    real_fstat = os.fstat
    path = tmp_path / "liar.json"
    path.write_bytes(b"x" * 5000)

    def lying_fstat(fd: int) -> os.stat_result:
        st = real_fstat(fd)
        fields = list(st)
        fields[6] = 0  # st_size
        return os.stat_result(fields)

    monkeypatch.setattr(os, "fstat", lying_fstat)
    with pytest.raises(AnswerError, match="too large"):
        read_capped(path, 100, AnswerError, "an answers file")


def test_a_proc_file_is_capped_by_bytes_read() -> None:
    proc = Path("/proc/self/maps")
    if not proc.exists():
        pytest.skip("no /proc on this platform")
    assert proc.stat().st_size == 0  # the premise: stat says nothing
    with pytest.raises(AnswerError, match="too large"):
        read_capped(proc, 10, AnswerError, "an answers file")


def test_an_unreadable_file_says_permission_not_read_only(tmp_path: Path) -> None:
    path = tmp_path / "secret.json"
    path.write_text("{}")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: test the message through EACCES
        import errno
        from unittest import mock

        with mock.patch("os.open", side_effect=PermissionError(errno.EACCES, "denied")), \
                pytest.raises(AnswerError, match=r"cannot be read \(permission denied\)$"):
            read_capped(path, 10, AnswerError, "an answers file")
        return
    with pytest.raises(AnswerError, match=r"cannot be read \(permission denied\)$"):
        read_capped(path, 10, AnswerError, "an answers file")


def test_a_nul_in_the_name_is_an_error_not_a_crash() -> None:
    with pytest.raises(AnswerError, match="not a valid file name"):
        read_capped(Path("a\x00b"), 10, AnswerError, "an answers file")


def test_text_that_is_not_utf8_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"a": "café"}'.encode("latin-1"))
    with pytest.raises(AnswerError, match=r"not a UTF-8 text file \(byte 11 is not UTF-8\)"):
        read_text_capped(path, 100, AnswerError, "an answers file")


# -- parser limits -------------------------------------------------------------------

@pytest.mark.parametrize("text, message", [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"a":' * 50_000 + "1" + "}" * 50_000, "nested too deeply"),
    ("9" * 5000, "a number too long to read"),
    ('{"a": -' + "1" * 10_000 + "}", "a number too long to read"),
    ("{'a': 1}", "not valid JSON"),
    ("NaN-ish", "not valid JSON"),
])
def test_json_past_the_parser_limits_is_one_error(text: str, message: str) -> None:
    with pytest.raises(AnswerError, match=message):
        parse_json(text, AnswerError, "x.json")


@pytest.mark.parametrize("text, message", [
    ("a = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
    ("a = " + "{b = " * 3000 + "1" + "}" * 3000, "nested too deeply"),
    ("a = " + "9" * 5000, "a number too long to read"),
    ("a = = 1", "not valid TOML"),
])
def test_toml_past_the_parser_limits_is_one_error(text: str, message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        parse_toml(text, DefinitionError, "x.toml")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_parses_or_fails_with_our_error(text: str) -> None:
    for parse, error in ((parse_json, AnswerError), (parse_toml, DefinitionError)):
        try:
            parse(text, error, "x")
        except error:
            pass


def test_a_killed_copys_journal_is_cleared_with_its_partial_file(tmp_path: Path) -> None:
    """A copy killed mid-write leaves its partial file and its rollback journal; both go."""
    # A real process that exited: its pid names the partial files it left.
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    pid = int(dead.stdout)
    partial = tmp_path / f".consultdesk.sqlite3.restoring.{pid}{files.PARTIAL_SUFFIX}"
    journal = tmp_path / f"{partial.name}-journal"
    orphan = tmp_path / f".other.{pid}{files.PARTIAL_SUFFIX}-wal"  # its partial already gone
    mine = tmp_path / f".ours.{os.getpid()}{files.PARTIAL_SUFFIX}-journal"
    keep = tmp_path / "consultdesk.sqlite3-journal"  # a real database's journal: never touched
    for p in (partial, journal, orphan, mine, keep):
        p.write_bytes(b"x")
    removed = files.clean_stale_partials(tmp_path)
    assert sorted(removed) == sorted([partial, journal, orphan])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([mine.name, keep.name])


def test_os_reason_words_common_errnos_and_keeps_the_rest_as_a_detail() -> None:
    """Our words for a common errno; for the rest a sentence that keeps the system's text
    (and its number) for support, never the bare English strerror."""
    import errno

    from consultdesk.domain.files import os_reason

    assert str(os_reason(FileExistsError(errno.EEXIST, "File exists"))) == \
        "a file or folder of that name already exists"
    assert str(os_reason(OSError(errno.ETIMEDOUT, "Connection timed out"))) == \
        "the connection timed out"
    unworded = os_reason(OSError(errno.ESPIPE, "Illegal seek"))
    assert unworded.template == "error {number} from the system: {detail}"
    assert str(unworded) == f"error {errno.ESPIPE} from the system: Illegal seek"
    assert str(os_reason(OSError("no errno"))) == "an error from the system: no errno"
