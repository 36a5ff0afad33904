"""Files that cannot be imported: each gets a clear message, none is parsed unsafely."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from msoffcrypto.format.ooxml import OOXMLFile

from consultdesk.domain.errors import ConsultDeskError
from consultdesk.formats.docx_import import (
    EncryptedDocumentError,
    LegacyDocError,
    NoQuestionsError,
    NotADocxError,
    UnsafeDocumentError,
    import_docx,
)
from consultdesk.formats.docx_import import package as package_module


def _questionnaire(path: Path) -> Path:
    doc = Document()
    doc.add_paragraph("Questionnaire on water", style="Title")
    doc.add_paragraph("1. How is access to safe drinking water guaranteed? (max. 500 words)")
    doc.save(path)
    return path


def _rezip(source: Path, target: Path, replace: dict[str, bytes]) -> Path:
    """Copy a .docx, replacing some parts."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info.filename)))
    return target


def test_a_good_file_imports(tmp_path: Path) -> None:
    q = import_docx(_questionnaire(tmp_path / "ok.docx"))
    assert [x.text for x in q.questions()] == ["How is access to safe drinking water guaranteed?"]


@pytest.mark.parametrize(("content", "message"), [
    (b"Just some notes, not a document.\n", "not a Word document (.docx)"),
    (b"", "not a Word document (.docx)"),
    (b"%PDF-1.7\n%...", "this is a PDF"),
    (b"{\\rtf1\\ansi Hello}", "RTF"),
    (b"PK\x03\x04 truncated", "damaged"),
])
def test_not_a_docx(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "questionnaire.docx"
    path.write_bytes(content)
    with pytest.raises(NotADocxError) as info:
        import_docx(path)
    assert message in str(info.value)
    assert str(info.value).startswith("questionnaire.docx: ")


def test_a_spreadsheet_is_named(tmp_path: Path) -> None:
    path = tmp_path / "form.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(NotADocxError, match="Excel workbook"):
        import_docx(path)


def test_password_protected(tmp_path: Path) -> None:
    plain = _questionnaire(tmp_path / "plain.docx")
    protected = tmp_path / "protected.docx"
    with plain.open("rb") as src, protected.open("wb") as dst:
        OOXMLFile(src).encrypt("secret", dst)
    with pytest.raises(EncryptedDocumentError, match="protected with a password"):
        import_docx(protected)


@pytest.mark.slow
def test_old_binary_doc_suggests_saving_as_docx(tmp_path: Path) -> None:
    source = _questionnaire(tmp_path / "questionnaire.docx")
    out = tmp_path / "out"
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "doc", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=120)
    doc = out / "questionnaire.doc"
    with pytest.raises(LegacyDocError, match=r"save it as a Word document \(\.docx\)"):
        import_docx(doc)


def test_zip_bomb_by_declared_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = _questionnaire(tmp_path / "good.docx")
    # A smaller cap keeps the test fast; the logic is the same at 64 MiB.
    monkeypatch.setattr(package_module, "MAX_PART_BYTES", 4 * 1024 * 1024)
    bomb = _rezip(good, tmp_path / "bomb.docx",
                  {"word/document.xml": b"<a>" + b" " * (6 * 1024 * 1024) + b"</a>"})
    assert bomb.stat().st_size < 100_000
    with pytest.raises(UnsafeDocumentError, match="zip bomb"):
        import_docx(bomb)


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    good = _questionnaire(tmp_path / "good.docx")
    # 8 MiB of blanks compress about a thousandfold: no document does that.
    bomb = _rezip(good, tmp_path / "bomb.docx",
                  {"word/document.xml": b"<a>" + b" " * (8 * 1024 * 1024) + b"</a>"})
    with pytest.raises(UnsafeDocumentError, match="zip bomb"):
        import_docx(bomb)


def test_lying_zip_header_is_caught(tmp_path: Path) -> None:
    """A part whose header claims a small size but inflates to more is damaged, not read."""
    good = _questionnaire(tmp_path / "good.docx")
    data = bytearray(_rezip(good, tmp_path / "x.docx",
                            {"word/document.xml": b"<a>" + b"x" * 500_000 + b"</a>"}).read_bytes())
    # Patch the central directory's uncompressed size of the part to 1 KiB.
    name = b"word/document.xml"
    at = data.find(b"PK\x01\x02", 0)
    while at >= 0:
        if data[at + 46: at + 46 + len(name)] == name:
            data[at + 24: at + 28] = (1024).to_bytes(4, "little")
            break
        at = data.find(b"PK\x01\x02", at + 4)
    else:
        raise AssertionError("central directory entry not found")
    assert zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml").file_size == 1024
    path = tmp_path / "liar.docx"
    path.write_bytes(bytes(data))
    with pytest.raises(ConsultDeskError) as info:
        import_docx(path)
    assert isinstance(info.value, (NotADocxError, UnsafeDocumentError))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>1. What? &lol3;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>1. What is &secret;?</w:t></w:r></w:p></w:body></w:document>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "external"])
def test_no_entity_expansion(tmp_path: Path, xml: bytes) -> None:
    good = _questionnaire(tmp_path / "good.docx")
    evil = _rezip(good, tmp_path / "evil.docx", {"word/document.xml": xml})
    with pytest.raises(UnsafeDocumentError, match="DTD"):
        import_docx(evil)


def test_entity_in_a_secondary_part_is_refused_too(tmp_path: Path) -> None:
    good = _questionnaire(tmp_path / "good.docx")
    styles = EXTERNAL_ENTITY.replace(b"w:document", b"w:styles")
    evil = _rezip(good, tmp_path / "evil.docx", {"word/styles.xml": styles})
    with pytest.raises(UnsafeDocumentError):
        import_docx(evil)


def test_a_document_without_questions(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Minutes of the meeting", style="Title")
    doc.add_paragraph("The meeting opened at ten.")
    path = tmp_path / "minutes.docx"
    doc.save(path)
    with pytest.raises(NoQuestionsError, match="no questions were found"):
        import_docx(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(NotADocxError, match="does not exist$"):
        import_docx(tmp_path / "nowhere.docx")
