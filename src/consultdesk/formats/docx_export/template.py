"""The Word template: loading the default or the user's, and preparing it for an export.

The export writes into a copy of the template, so the user's styles, headers,
footers, page size and margins are kept.  Whatever styles the export needs and
the template lacks are copied from the bundled default; the body is emptied;
the language is set for spell-checking; and a page number is added to an empty
footer.
"""

from __future__ import annotations

import copy
import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.parts.numbering import NumberingPart
from lxml import etree

from consultdesk.domain.errors import Message
from consultdesk.domain.files import read_capped, require_regular_file
from consultdesk.formats.docx_export.outcome import TemplateError
from consultdesk.paths import templates_dir

DEFAULT_TEMPLATE_NAME = "default.docx"
#: A template is styles, headers and perhaps a logo: real ones are well under a few MiB.
MAX_TEMPLATE_BYTES = 50 * 1024 * 1024
MAX_TEMPLATE_UNPACKED_BYTES = 200 * 1024 * 1024

_MAIN_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MAIN_DOTX = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"


@dataclass(frozen=True, slots=True)
class StyleIds:
    """The style ids, in the template at hand, of every style the export uses."""

    title: str
    subtitle: str
    headings: tuple[str, ...]  # Heading 1 .. Heading 9
    body: str
    question: str
    limit: str
    guidance: str
    section_intro: str
    field_label: str
    entry_heading: str
    choice: str
    list_item: str
    list_continue: tuple[str, ...]  # List Continue, List Continue 2 .. 5
    table_text: str
    table: str
    footer: str

    def heading(self, level: int) -> str:
        """The style id of Heading ``level`` (1-based, clamped to 1..9)."""
        return self.headings[min(max(level, 1), len(self.headings)) - 1]

    def continuation(self, level: int) -> str:
        """The List Continue style for a later paragraph of an item at ``level``."""
        return self.list_continue[min(max(level, 1), len(self.list_continue)) - 1]


_CONTINUE_NAMES = ("List Continue",) + tuple(f"List Continue {n}" for n in range(2, 6))
_HEADING_NAMES = tuple(f"Heading {n}" for n in range(1, 10))
_PARAGRAPH_STYLES = {
    "title": "Title", "subtitle": "Subtitle", "body": "Body Text", "question": "Question",
    "limit": "Limit", "guidance": "Guidance", "section_intro": "Section Intro",
    "field_label": "Field Label", "entry_heading": "Entry Heading", "choice": "Choice",
    "list_item": "List Paragraph", "table_text": "Table Text", "footer": "Footer",
}
TABLE_STYLE_NAME = "Response Table"


def default_template_path() -> Path:
    """The bundled ``templates/default.docx``."""
    return templates_dir() / DEFAULT_TEMPLATE_NAME


def _read_package(path: Path) -> bytes:
    """The template's bytes, a .dotx turned into a .docx (same parts, other content type)."""
    data = read_capped(path, MAX_TEMPLATE_BYTES, TemplateError, Message("a .docx or .dotx file"),
                       name=Message("The Word template {path}", path=path))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            # zipfile never inflates a member past its declared size, so this caps memory
            # (a zip bomb declares its real size or fails its CRC check).
            if sum(i.file_size for i in z.infolist()) > MAX_TEMPLATE_UNPACKED_BYTES:
                raise TemplateError(
                    "The Word template {name} is too large when unpacked to be a Word document.",
                    name=path.name)
            types = z.read("[Content_Types].xml").decode("utf-8")
            if "macroEnabled" in types:
                raise TemplateError(
                    "The Word template {name} contains macros; save it as a .docx or .dotx "
                    "without macros and choose that file.",
                    name=path.name)
            if _MAIN_DOTX not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z2:
                for item in z.infolist():
                    content = z.read(item.filename)
                    if item.filename == "[Content_Types].xml":
                        content = types.replace(_MAIN_DOTX, _MAIN_DOCX).encode("utf-8")
                    z2.writestr(item, content)
            return out.getvalue()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, UnicodeDecodeError,
            NotImplementedError, ValueError, EOFError, OSError):
        # Damaged or exotic archives fail in many ways (an unsupported compression method
        # is NotImplementedError, a bad CRC is BadZipFile, a truncated member EOFError).
        raise TemplateError(
            "The Word template {name} is not a Word document (.docx or .dotx).",
            name=path.name) from None


@lru_cache(maxsize=8)
def _template_bytes(path: str, mtime_ns: int, size: int) -> bytes:
    """The template's bytes, cached while the file is unchanged."""
    return _read_package(Path(path))


def open_template(path: Path | None) -> Document:
    """A fresh document from the template (the bundled default when ``path`` is None)."""
    path = path or default_template_path()
    stat = require_regular_file(path, TemplateError, Message("a .docx or .dotx file"),
                                name=Message("The Word template {path}", path=path))
    data = _template_bytes(str(path), stat.st_mtime_ns, stat.st_size)
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many kinds on a damaged package
        raise TemplateError(
            "The Word template {name} cannot be opened as a Word document ({exc}).",
            name=path.name, exc=exc) from None


@lru_cache(maxsize=1)
def _default_styles() -> dict[str, etree._Element]:
    """The bundled default's style elements, by name (the source of missing styles)."""
    document = docx.Document(str(default_template_path()))
    return {s.find(qn("w:name")).get(qn("w:val")): s
            for s in document.styles.element.findall(qn("w:style"))
            if s.find(qn("w:name")) is not None}


def _style_id(document: Document, name: str, kind: WD_STYLE_TYPE) -> str:
    """The id of a named style, copied in from the default template when missing."""
    styles = document.styles
    element = styles.element.get_by_name(_ui_to_internal(name))
    if element is not None and element.type == kind:
        return element.styleId
    defaults = _default_styles()
    source = defaults.get(_ui_to_internal(name), defaults.get(name))
    if source is None:
        raise TemplateError(
            "the default template lacks the style {name!r}",
            name=name)  # a build bug
    clone = copy.deepcopy(source)
    wanted = clone.get(qn("w:styleId"))
    taken = {s.get(qn("w:styleId")) for s in styles.element.findall(qn("w:style"))}
    style_id, n = wanted, 1
    while style_id in taken:  # the template uses our id for another style
        n += 1
        style_id = f"{wanted}{n}"
    clone.set(qn("w:styleId"), style_id)
    for tag in ("w:link", "w:next"):
        for child in clone.findall(qn(tag)):
            clone.remove(child)
    based = clone.find(qn("w:basedOn"))
    styles.element.append(clone)
    if based is not None:
        base_element = _default_by_id(based.get(qn("w:val")))
        if base_element is not None:
            base_name = base_element.find(qn("w:name")).get(qn("w:val"))
            based.set(qn("w:val"), _style_id(document, base_name, kind))
        else:
            clone.remove(based)
    return style_id


def _default_by_id(style_id: str) -> etree._Element | None:
    """A default-template style element by id."""
    for element in _default_styles().values():
        if element.get(qn("w:styleId")) == style_id:
            return element
    return None


def _ui_to_internal(name: str) -> str:
    """Word stores some built-in names in lower case ("heading 1")."""
    from docx.styles import BabelFish

    return BabelFish.ui2internal(name)


def ensure_numbering(document: Document) -> etree._Element:
    """The numbering part's root, adding an empty part to a template that has none."""
    try:
        return document.part.numbering_part.element
    except NotImplementedError:  # python-docx cannot create one itself
        element = parse_xml(f"<w:numbering {nsdecls('w')}/>")
        part = NumberingPart(PackURI("/word/numbering.xml"), CT.WML_NUMBERING, element,
                             document.part.package)
        document.part.relate_to(part, RT.NUMBERING)
        return document.part.numbering_part.element


def prepare(document: Document) -> StyleIds:
    """Empty the body and make sure every style the export uses exists; their ids."""
    ensure_numbering(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    p = WD_STYLE_TYPE.PARAGRAPH
    ids = {key: _style_id(document, name, p) for key, name in _PARAGRAPH_STYLES.items()}
    return StyleIds(
        headings=tuple(_style_id(document, n, p) for n in _HEADING_NAMES),
        list_continue=tuple(_style_id(document, n, p) for n in _CONTINUE_NAMES),
        table=_style_id(document, TABLE_STYLE_NAME, WD_STYLE_TYPE.TABLE),
        **ids,
    )


# -- footer -----------------------------------------------------------------------

_PAGE_NUMBER = (
    '<w:p {ns}><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
)


def ensure_page_numbers(document: Document, footer_style: str) -> None:
    """Give every section a page number, unless its footer already shows something."""
    for index, section in enumerate(document.sections):
        footer = section.footer
        # A linked footer shows the previous section's; only the first must have its own.
        if not footer.is_linked_to_previous or index == 0:
            element = footer._element
            has_content = any(
                (t.text or "").strip() for t in element.iter(qn("w:t"))
            ) or element.find(f".//{qn('w:fldSimple')}") is not None or any(
                True for _ in element.iter(qn("w:instrText"))
            ) or any(True for _ in element.iter(qn("w:drawing")))
            if has_content:
                continue
            footer.is_linked_to_previous = False
            for child in list(footer._element):
                if child.tag == qn("w:p"):
                    footer._element.remove(child)
            footer._element.append(parse_xml(_PAGE_NUMBER.format(ns=nsdecls("w"),
                                                                 style=footer_style)))
