"""``consultdesk export RID -o FILE.pdf``: the .docx's document, converted by a real LibreOffice.

The PDF's text (pdftotext) must hold every paragraph of the .docx, in order, and nothing
else but the page numbers; the preflight and the over-limit rule apply as for .docx;
without Word or LibreOffice the message says what to install and nothing is written.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

from consultdesk.cli.main import main

OHCHR = "ohchr-civic-space-2021"
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

ANSWER_Q2 = (
    "We have **increased** the opportunities for civil society organizations to participate "
    "in the *decision-making* process, including through videoconferencing.\n\n"
    "- online meetings with NGOs\n- public comment procedures\n  1. on the portal\n"
    "  2. by mail\n\nIn 2021, 1,234 comments were received.")


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def new_response(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                 answers: dict[str, str]) -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"respondent": {"state": "Japan",
                                               "institution": "Ministry of Foreign Affairs"},
                                "answers": answers}), encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "data", "new", OHCHR, "--title", "Japan 2021",
                         "--answers", str(path))
    assert code == 0, err
    return out.strip()


def squeezed(text: str) -> str:
    """A text without spaces, hyphens and bullets: a PDF breaks lines (and words at their
    hyphens: "COVID-\n19"), pdftotext joins them again its own way."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[\s\-\u2010\u2011\u00ad•◦▪]", "", text)


def docx_paragraphs(path: Path) -> list[str]:
    """Every non-empty paragraph of the body, tables included, in document order."""
    document = docx.Document(str(path))
    texts = []
    for node in document.element.body.iter():
        if node.tag.endswith("}p"):
            text = "".join(t.text or "" for t in node.iter() if t.tag.endswith("}t"))
            if text.strip():
                texts.append(text)
    return texts


def pdf_text(path: Path) -> str:
    """The PDF's text in the order it was written (-raw: table cells row by row)."""
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def assert_same_document(docx_path: Path, pdf_path: Path) -> None:
    """Each .docx paragraph appears in the PDF, in order; between them only list numbers
    (Word numbering, not text in the XML) and the footer's page numbers ("1 / 3")."""
    pdf = squeezed(pdf_text(pdf_path))
    at = 0
    leftover = []
    for paragraph in docx_paragraphs(docx_path):
        want = squeezed(paragraph)
        found = pdf.find(want, at)
        assert found >= 0, f"not in the PDF, in order: {paragraph!r}"
        leftover.append(pdf[at:found])
        at = found + len(want)
    leftover.append(pdf[at:])
    for gap in leftover:
        assert re.fullmatch(r"(\d+\.?|[a-z]\.|/)*", gap), gap


def test_pdf_is_the_docx_document(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rid = new_response(capsys, tmp_path, {"q1": "See the answer to question 2.",
                                          "q2": ANSWER_Q2})
    code, _, err = run(capsys, tmp_path / "data", "export", rid, "-o", str(tmp_path / "a.docx"),
                       "--annex")
    assert code == 0, err
    code, out, err = run(capsys, tmp_path / "data", "export", rid, "-o", str(tmp_path / "a.pdf"),
                         "--annex")
    assert code == 0, err
    assert out.strip() == f"exported {tmp_path / 'a.pdf'}"
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")
    assert_same_document(tmp_path / "a.docx", tmp_path / "a.pdf")
    # Only the PDF is left where it was asked for: no .docx or profile beside it.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.docx", "a.pdf", "answers.json",
                                                         "data"]


def test_over_limit_pdf_is_refused_like_docx_unless_allowed(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    rid = new_response(capsys, tmp_path, {"q3": "y" * 5001})
    target = tmp_path / "over.pdf"
    code, out, err = run(capsys, tmp_path / "data", "export", rid, "-o", str(target))
    assert code == 1 and out == ""
    assert "over the limit" in err and "nothing exported" in err
    assert not target.exists()
    code, _, err = run(capsys, tmp_path / "data", "export", rid, "-o", str(target),
                       "--allow-over-limit")
    assert code == 0, err
    assert "y" * 200 in squeezed(pdf_text(target))


def test_blank_questionnaire_as_pdf(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, tmp_path / "data", "export", OHCHR, "--blank", "-o",
                       str(tmp_path / "blank.pdf"))
    assert code == 0, err
    assert "innovative practices" in pdf_text(tmp_path / "blank.pdf")


def test_without_word_or_libreoffice_the_message_says_what_to_install(tmp_path: Path) -> None:
    """A real process whose PATH has no soffice (and no Word: this is not Windows/macOS)."""
    env = {**os.environ, "PATH": str(tmp_path / "empty"), "CONSULTDESK_DATA_DIR":
           str(tmp_path / "data")}
    made = subprocess.run([sys.executable, "-m", "consultdesk", "new", OHCHR], env=env,
                          capture_output=True, text=True, check=True)
    target = tmp_path / "out.pdf"
    done = subprocess.run([sys.executable, "-m", "consultdesk", "export", made.stdout.strip(),
                           "-o", str(target)], env=env, capture_output=True, text=True)
    assert done.returncode == 2 and done.stdout == ""
    [line] = done.stderr.splitlines()
    assert "needs Microsoft Word or LibreOffice" in line and "Install LibreOffice" in line
    assert "Traceback" not in done.stderr
    assert not target.exists() and list(tmp_path.glob("*.docx")) == []


def test_converts_while_the_users_libreoffice_is_open(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's own LibreOffice (their profile under HOME) is running the whole time."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    soffice = shutil.which("soffice")
    assert soffice, "LibreOffice is installed by scripts/dev.py (APT_PACKAGES)"
    users = subprocess.Popen([soffice, "--headless", "--norestore",
                              "--accept=pipe,name=consultdesk-test-user;urp;"],
                             env={**os.environ, "HOME": str(home)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        profile = home / ".config" / "libreoffice"
        while not profile.exists():  # it is up once it has made the user's profile
            assert users.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
        rid = new_response(capsys, tmp_path, {"q2": ANSWER_Q2})
        code, _, err = run(capsys, tmp_path / "data", "export", rid, "-o",
                           str(tmp_path / "open.pdf"))
        assert code == 0, err
        assert "increased the opportunities" in pdf_text(tmp_path / "open.pdf")
        assert users.poll() is None, "the user's LibreOffice was closed"
    finally:
        users.terminate()
        try:
            users.wait(timeout=20)
        except subprocess.TimeoutExpired:
            users.kill()
            users.wait()
