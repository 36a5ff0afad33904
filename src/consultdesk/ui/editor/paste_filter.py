"""Clean pasted HTML (Word, web pages) down to what answers hold: paragraphs, bold, italic, lists.

The HTML is laid out by a scratch QTextDocument, read back as domain paragraphs
(which have no room for fonts, colours, links, tables or images), and those
paragraphs are inserted.  Word's clipboard HTML does not use real lists: each
item is a ``<p style="mso-list:l0 level2 lfo1">`` holding its bullet as text in
an ``<![if !supportLists]>`` section, so those are turned into markers first.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextCursor, QTextDocument

from consultdesk.domain.rich_text import ListType, Paragraph
from consultdesk.ui.editor.document_model import document_paragraphs, insert_paragraphs

# Private-use characters cannot occur in real text; they carry Word's list level through Qt.
_MARK_OPEN, _MARK_CLOSE = "\ue000", "\ue001"
_WORD_LIST_P = re.compile(
    r"(<p\b[^>]*?mso-list:\s*l(\d+)\s+level(\d+)[^>]*>)(.*?)"
    r"<!(?:--)?\[if !supportLists\]>(.*?)<!\[endif\](?:--)?>",
    re.IGNORECASE | re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")
_ORDERED_MARKER = re.compile(r"^\(?([0-9]+|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]$")
_MARKED = re.compile(f"^{_MARK_OPEN}(\\d+) (\\d+)([bo]){_MARK_CLOSE}")


def _mark_word_lists(html: str) -> str:
    """Replace Word's fake list bullets with a private marker naming level and kind."""

    def repl(m: re.Match[str]) -> str:
        marker = _TAG.sub("", m.group(5)).replace("&nbsp;", " ").replace("\xa0", " ").strip()
        kind = "o" if _ORDERED_MARKER.match(marker.split(" ")[0] if marker else "") else "b"
        # Word list number, level and kind travel through Qt in the paragraph's first characters.
        return f"{m.group(1)}{m.group(4)}{_MARK_OPEN}{m.group(2)} {m.group(3)}{kind}{_MARK_CLOSE}"

    return _WORD_LIST_P.sub(repl, html)


def _apply_word_lists(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """Turn marked paragraphs into list items with proper ids and numbers."""
    out: list[Paragraph] = []
    list_id = max((p.list_id for p in paragraphs), default=-1)
    counters: dict[int, int] = {}
    word_list: str | None = None
    for p in paragraphs:
        m = _MARKED.match(p.text)
        if not m:
            out.append(p)
            word_list = None
            continue
        level, kind = int(m.group(2)), ListType.ORDERED if m.group(3) == "o" else ListType.BULLET
        if word_list != m.group(1):  # a new Word list (or the first after a paragraph)
            list_id += 1
            counters.clear()
            word_list = m.group(1)
        for deeper in [k for k in counters if k > level]:
            del counters[deeper]
        counters[level] = counters.get(level, 0) + 1
        runs = _strip_marker(p, len(m.group(0)))
        out.append(Paragraph(runs, kind, level, list_id,
                             counters[level] if kind is ListType.ORDERED else 0))
    return tuple(out)


def _strip_marker(p: Paragraph, length: int) -> tuple:
    """The paragraph's runs without the first ``length`` characters (and leading spaces)."""
    runs = []
    skip = length
    for r in p.runs:
        if skip >= len(r.text):
            skip -= len(r.text)
            continue
        runs.append(type(r)(r.text[skip:], r.bold, r.italic))
        skip = 0
    if runs:
        runs[0] = type(runs[0])(runs[0].text.lstrip(" \xa0\t"), runs[0].bold, runs[0].italic)
    return tuple(r for r in runs if r.text)


def paragraphs_from_html(html: str) -> tuple[Paragraph, ...]:
    """Pasted HTML reduced to domain paragraphs: only text, bold, italic and lists survive."""
    scratch = QTextDocument()
    scratch.setHtml(_mark_word_lists(html))
    return _apply_word_lists(document_paragraphs(scratch).paragraphs)


def insert_mime_data(cursor: QTextCursor, source: QMimeData) -> bool:
    """Insert clipboard or drop data at the cursor, filtered; False when nothing usable."""
    if source.hasHtml():
        paragraphs = paragraphs_from_html(source.html())
        if paragraphs:
            cursor.beginEditBlock()
            cursor.removeSelectedText()
            insert_paragraphs(cursor, paragraphs, first_in_place=True)
            cursor.endEditBlock()
            return True
    if source.hasText() and source.text():
        cursor.beginEditBlock()
        cursor.removeSelectedText()
        # Plain text keeps no formatting from the text around the cursor's left.
        cursor.insertText(source.text().replace("\r\n", "\n"))
        cursor.endEditBlock()
        return True
    return False
