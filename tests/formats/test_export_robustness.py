"""A failed export never leaves a half-written file nor destroys the previous one."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from pathlib import Path

import docx
import pytest

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_export import (
    ExportError,
    ExportOptions,
    OutputLockedError,
    OutputNotWritableError,
    export_response,
    writer,
)
from consultdesk.formats.docx_export.readback import read_answers

PREVIOUS = b"the previous export, which must survive"


@pytest.fixture
def ohchr(questionnaires: dict[str, Questionnaire]) -> Questionnaire:
    return questionnaires["ohchr-civic-space-2021"]


def _export(q: Questionnaire, path: Path, answers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return export_response(q, "T", {"state": "Japan", "institution": "MOFA"},
                           answers or {"q1": "Answer."}, path)


def _only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_control_characters_are_cleaned_with_a_warning(ohchr: Questionnaire,
                                                       tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    dirty = "Pasted\x00 from a PDF\x0c with\x1b escapes and a lone \ud800 surrogate."
    result = _export(ohchr, out, {"q1": dirty, "q2": "Clean."})
    assert len(result.warnings) == 1
    warning = result.warnings[0]
    assert warning.startswith("Question 1:") and "removed 4 control characters" in warning
    paragraphs = read_answers(out)[0]
    # The NUL is removed and counted like the others (CommonMark would show it as U+FFFD).
    assert paragraphs[0].text == "Pasted from a PDF with escapes and a lone  surrogate."
    assert read_answers(out)[1][0].text == "Clean."


def test_control_characters_in_titles_and_details_are_cleaned(ohchr: Questionnaire,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = export_response(ohchr, "Title\x07", {"institution": "Ministry\x01"}, {}, out)
    document = docx.Document(str(out))
    assert document.core_properties.title == "Title"
    assert document.core_properties.author == "Ministry"
    assert any("control character" in w for w in result.warnings)


def test_previous_file_survives_a_failure_while_writing(ohchr: Questionnaire, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(PREVIOUS)

    def broken_fsync(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "fsync", broken_fsync)
    with pytest.raises(ExportError, match="disk .* is full"):
        _export(ohchr, out)
    assert out.read_bytes() == PREVIOUS
    assert _only(tmp_path) == ["out.docx"]  # no temporary file left behind


def test_interrupted_save_leaves_no_partial_file(ohchr: Questionnaire, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "new.docx"

    def crash(self, stream):  # type: ignore[no-untyped-def]
        stream.write(b"PK\x03\x04 half a zip")
        raise KeyboardInterrupt

    monkeypatch.setattr(docx.document.Document, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        _export(ohchr, out)
    assert _only(tmp_path) == []


def test_file_open_in_libreoffice_or_word_is_refused(ohchr: Questionnaire,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "response.docx"
    out.write_bytes(PREVIOUS)
    for lock in (tmp_path / ".~lock.response.docx#", tmp_path / "~$sponse.docx"):
        lock.write_text("someone,host")
        with pytest.raises(OutputLockedError, match="open in a word processor"):
            _export(ohchr, out)
        assert out.read_bytes() == PREVIOUS
        lock.unlink()
    _export(ohchr, out)
    assert read_answers(out)[0][0].text == "Answer."


def test_locked_target_on_replace_gives_a_clear_message(ohchr: Questionnaire, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file Word holds open: PermissionError on the rename."""
    out = tmp_path / "out.docx"
    out.write_bytes(PREVIOUS)

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Access is denied", dst)

    monkeypatch.setattr(writer.os, "replace", refuse)
    with pytest.raises(OutputLockedError, match="open in another program or locked"):
        _export(ohchr, out)
    assert out.read_bytes() == PREVIOUS
    assert _only(tmp_path) == ["out.docx"]


def test_read_only_file_is_refused(ohchr: Questionnaire, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(PREVIOUS)
    out.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with pytest.raises(OutputNotWritableError, match="read-only"):
            _export(ohchr, out)
        assert out.read_bytes() == PREVIOUS
    finally:
        out.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_read_only_folder_gives_a_clear_message(ohchr: Questionnaire, tmp_path: Path) -> None:
    """A real read-only file system (a tmpfs mounted read-only: root ignores permissions)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(folder)],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs here (needs root): {mounted.stderr}")
    try:
        with pytest.raises(OutputNotWritableError, match="Cannot write in the folder"):
            _export(ohchr, folder / "out.docx")
        assert _only(folder) == []
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_missing_folder_and_folder_as_target(ohchr: Questionnaire, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        _export(ohchr, tmp_path / "nowhere" / "out.docx")
    folder = tmp_path / "looks-like-a-file.docx"
    folder.mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        _export(ohchr, folder)


def test_replacing_keeps_the_previous_files_permissions(ohchr: Questionnaire,
                                                        tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    out.write_bytes(PREVIOUS)
    out.chmod(0o640)
    _export(ohchr, out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert out.read_bytes() != PREVIOUS
    fresh = tmp_path / "fresh.docx"
    _export(ohchr, fresh)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask


def test_export_does_not_change_the_answers_it_was_given(ohchr: Questionnaire,
                                                         tmp_path: Path) -> None:
    answers = {"q1": "Text\x00 with NUL", "q2": "- a\n- b"}
    before = dict(answers)
    export_response(ohchr, "T", {}, answers, tmp_path / "o.docx", ExportOptions(annex=True))
    assert answers == before


def test_output_must_be_a_docx_and_not_the_template(ohchr: Questionnaire,
                                                   tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="must end in .docx"):
        _export(ohchr, tmp_path / "response.pdf")
    template = tmp_path / "letterhead.docx"
    docx.Document().save(str(template))
    before = template.read_bytes()
    with pytest.raises(ExportError, match="is the template itself"):
        export_response(ohchr, "T", {}, {}, template, ExportOptions(template=template))
    assert template.read_bytes() == before
