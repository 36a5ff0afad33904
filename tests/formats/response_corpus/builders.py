"""python-docx helpers for writing completed responses as ministries do in Word."""

from __future__ import annotations

import re
from typing import Any

from docx.document import Document as DocumentObject
from tests.formats.corpus.wordml import add_list_definition, numbered

_EMPHASIS = re.compile(r"(\*\*[^*]+\*\*|\*[^*]+\*)")


def runs(paragraph: Any, text: str) -> Any:
    """Fill a paragraph from text with **bold** and *italic* stretches, as real runs."""
    for part in _EMPHASIS.split(text):
        if not part:
            continue
        if part.startswith("**"):
            paragraph.add_run(part[2:-2]).bold = True
        elif part.startswith("*"):
            paragraph.add_run(part[1:-1]).italic = True
        else:
            paragraph.add_run(part)
    return paragraph


def para(container: Any, text: str = "", style: str | None = None) -> Any:
    """A paragraph (in the document or a cell) with emphasis runs."""
    p = container.add_paragraph(style=style) if style else container.add_paragraph()
    return runs(p, text)


def first_para(cell: Any, text: str) -> Any:
    """Write into a cell's existing first paragraph."""
    return runs(cell.paragraphs[0], text)


def bullets(doc: DocumentObject) -> int:
    """A Word bullet list definition; its numId."""
    return add_list_definition(doc, [("bullet", "•"), ("bullet", "o")])


def numbers(doc: DocumentObject) -> int:
    """A Word numbered list definition (1. / a.); its numId."""
    return add_list_definition(doc, [("decimal", "%1."), ("lowerLetter", "%2.")])


def list_items(container: Any, num_id: int, items: list[str], level: int = 0) -> None:
    """Paragraphs in a Word list."""
    for item in items:
        numbered(para(container, item), num_id, level)
