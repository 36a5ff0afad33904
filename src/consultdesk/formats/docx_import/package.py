"""Opening a .docx safely: what kind of file it is, and its XML parts within caps.

A .docx is a zip of XML parts.  Before anything is parsed the file is checked:
an OLE compound file is either a password-protected document (Office encrypts a
.docx into an OLE container) or an old binary .doc; a zip is read only within
size and compression-ratio caps (a zip bomb stops at the cap, whatever its
headers claim); XML is parsed without DTDs, entities or network access.
"""

from __future__ import annotations

import io
import posixpath
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import olefile
from lxml import etree

from consultdesk.domain.errors import Message
from consultdesk.domain.files import read_capped
from consultdesk.formats.docx_import.errors import (
    EncryptedDocumentError,
    LegacyDocError,
    NotADocxError,
    UnsafeDocumentError,
)

#: A questionnaire is a few hundred KiB; refuse files far beyond any real one.
MAX_FILE_BYTES = 100 * 1024 * 1024
#: The most one XML part may expand to.
MAX_PART_BYTES = 64 * 1024 * 1024
#: The most all parts read may expand to together.
MAX_TOTAL_BYTES = 160 * 1024 * 1024
#: Expansion beyond this ratio (for parts over 1 MiB) is a zip bomb, not a document.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_RTF_MAGIC = b"{\\rtf"
_PDF_MAGIC = b"%PDF"
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
_WORD_PART_TYPES = ("numbering", "styles")
# Word's "Strict Open XML" format names the same elements in another namespace.
_STRICT_W = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_W = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# What a damaged zip can raise while being read: all mean "damaged", none may escape.
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, OSError,
               NotImplementedError, RuntimeError, ValueError, struct.error, UnicodeDecodeError)

# DTDs are refused outright (a .docx never has one); entities are never resolved
# and nothing is ever fetched.
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
    huge_tree=False, remove_comments=True, remove_pis=True,
)


@dataclass
class DocxPackage:
    """The parts of a .docx the importer needs, already parsed."""

    name: str
    document: etree._Element
    styles: etree._Element | None = None
    numbering: etree._Element | None = None
    #: docProps/custom.xml (custom document properties), for a contribution request
    custom: etree._Element | None = None


def parse_xml(data: bytes, where: str) -> etree._Element:
    """Parse one XML part, refusing DTDs and entity declarations."""
    head = data[:4096].lstrip()
    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
        raise UnsafeDocumentError(
            "{where}: the document contains a DTD, which Word never writes; it was not opened",
            where=where)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise NotADocxError(
            "{where}: the document is damaged ({msg})",
            where=where, msg=exc.msg) from None
    if root is None:
        raise NotADocxError(
            "{where}: the document is empty",
            where=where)
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise UnsafeDocumentError(
            "{where}: the document contains a DTD, which Word never writes; it was not opened",
            where=where)
    return root


def _classify_ole(data: bytes, name: str) -> None:
    """Raise the right error for an OLE compound file (.doc, encrypted .docx, other)."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except (OSError, ValueError, TypeError, IndexError) as exc:
        raise NotADocxError(
            "{name}: not a Word document (damaged container: {exc})",
            name=name, exc=exc) from None
    try:
        streams = {"/".join(s).lower() for s in ole.listdir(streams=True, storages=True)}
    finally:
        ole.close()
    if "encryptedpackage" in streams or "encryptioninfo" in streams:
        raise EncryptedDocumentError(
            "{name}: the document is protected with a password. Open it in Word, remove the "
            "password (File > Info > Protect Document), save it, and import it again.",
            name=name)
    if "worddocument" in streams:
        raise LegacyDocError(
            "{name}: this is an old Word 97-2003 document (.doc). Open it in Word or "
            "LibreOffice and save it as a Word document (.docx), then import that file.",
            name=name)
    raise NotADocxError(
        "{name}: not a Word document (.docx)",
        name=name)


def _not_docx(name: str, data: bytes) -> NotADocxError:
    """The error for a file that is neither zip nor OLE, naming what it looks like."""
    if data.startswith(_PDF_MAGIC):
        return NotADocxError(
            "{name}: this is a PDF, not a Word document (.docx)",
            name=name)
    if data.startswith(_RTF_MAGIC):
        return NotADocxError(
            "{name}: this is an RTF file; open it in Word and save it as .docx first",
            name=name)
    return NotADocxError(
        "{name}: not a Word document (.docx)",
        name=name)


class _CappedReader:
    """Reads zip members without ever inflating more than the caps allow."""

    def __init__(self, archive: zipfile.ZipFile, name: str) -> None:
        self._zip = archive
        self._name = name
        self._total = 0

    def read(self, member: str) -> bytes | None:
        """A member's bytes (None when absent), stopping at the caps."""
        try:
            info = self._zip.getinfo(member)
        except KeyError:
            return None
        if info.flag_bits & 0x1:
            raise EncryptedDocumentError(
                "{name}: the document is protected with a password",
                name=self._name)
        budget = min(MAX_PART_BYTES, MAX_TOTAL_BYTES - self._total)
        if info.file_size > budget:
            raise UnsafeDocumentError(
                "{name}: part {member} expands to {file_size:,} bytes, far more than any "
                "questionnaire; the file was not opened (it may be a zip bomb)",
                name=self._name, member=member, file_size=info.file_size)
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as fh:
                # Headers can lie: count what is actually inflated.
                while chunk := fh.read(1024 * 1024):
                    size += len(chunk)
                    if size > budget or (
                        size > _RATIO_FLOOR and size > MAX_RATIO * max(info.compress_size, 1)
                    ):
                        raise UnsafeDocumentError(
                            "{name}: part {member} expands far beyond its compressed size; the "
                            "file was not opened (it may be a zip bomb)",
                            name=self._name, member=member)
                    chunks.append(chunk)
        except _ZIP_ERRORS as exc:
            raise NotADocxError(
                "{name}: the document is damaged ({exc})",
                name=self._name, exc=exc) from None
        self._total += size
        return b"".join(chunks)


def _word_xml(data: bytes, where: str) -> etree._Element:
    """Parse a WordprocessingML part, reading Strict documents as Transitional ones."""
    if _STRICT_W in data[:4096]:
        data = data.replace(_STRICT_W, _TRANSITIONAL_W)
    return parse_xml(data, where)


def _main_document(reader: _CappedReader, name: str) -> str:
    """The path of the main document part (word/document.xml unless the package says else)."""
    rels = reader.read("_rels/.rels")
    if rels is not None:
        root = parse_xml(rels, name)
        for rel in root.iter(f"{{{_REL_NS}}}Relationship"):
            if rel.get("Type") in _OFFICE_DOCUMENT and rel.get("TargetMode") != "External":
                return posixpath.normpath(rel.get("Target", "").lstrip("/"))
    return "word/document.xml"


def _related_parts(reader: _CappedReader, document_path: str, name: str) -> dict[str, str]:
    """The styles and numbering part paths the main document refers to."""
    folder, base = posixpath.split(document_path)
    found = {"styles": posixpath.join(folder, "styles.xml"),
             "numbering": posixpath.join(folder, "numbering.xml")}
    rels = reader.read(posixpath.join(folder, "_rels", base + ".rels"))
    if rels is None:
        return found
    for rel in parse_xml(rels, name).iter(f"{{{_REL_NS}}}Relationship"):
        kind = rel.get("Type", "").rsplit("/", 1)[-1]
        if kind in _WORD_PART_TYPES and rel.get("TargetMode") != "External":
            found[kind] = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
    return found


def open_docx(source: Path | bytes, name: str | None = None) -> DocxPackage:
    """Check and open a .docx, returning its parsed parts (DocxImportError when unfit)."""
    if isinstance(source, Path):
        name = name or source.name
        data = read_capped(source, MAX_FILE_BYTES, NotADocxError, Message("a questionnaire"),
                           name=name, too_large_error=UnsafeDocumentError)
    else:
        data = source
        name = name or "document"
    if len(data) > MAX_FILE_BYTES:
        raise UnsafeDocumentError(
            "{name}: the file is too large for a questionnaire",
            name=name)
    if data.startswith(_OLE_MAGIC):
        _classify_ole(data, name)
    if not data.startswith(_ZIP_MAGIC):
        raise _not_docx(name, data)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS:
        raise NotADocxError(
            "{name}: the file is damaged (not a complete .docx)",
            name=name) from None
    with archive:
        reader = _CappedReader(archive, name)
        document_path = _main_document(reader, name)
        raw = reader.read(document_path)
        if raw is None:
            kind = _office_kind(archive)
            if kind:
                raise NotADocxError("{name}: {kind}, not a Word document (.docx)",
                                    name=name, kind=kind)
            raise NotADocxError("{name}: not a Word document (.docx): it has no document part",
                                name=name)
        document = _word_xml(raw, name)
        parts = _related_parts(reader, document_path, name)
        styles_raw = reader.read(parts["styles"])
        numbering_raw = reader.read(parts["numbering"])
        custom_raw = reader.read("docProps/custom.xml")
    return DocxPackage(
        name=name,
        document=document,
        styles=_word_xml(styles_raw, name) if styles_raw else None,
        numbering=_word_xml(numbering_raw, name) if numbering_raw else None,
        custom=parse_xml(custom_raw, name) if custom_raw else None,
    )


def _office_kind(archive: zipfile.ZipFile) -> Message | None:
    """What other Office file a zip is, to say so ("an Excel workbook")."""
    names = set(archive.namelist())
    if any(n.startswith("xl/") for n in names):
        return Message("this is an Excel workbook")
    if any(n.startswith("ppt/") for n in names):
        return Message("this is a PowerPoint presentation")
    if "mimetype" in names:
        return Message("this is an OpenDocument file (save it as .docx first)")
    return None
