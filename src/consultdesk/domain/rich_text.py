"""Answers as rich text: a CommonMark subset parsed into paragraphs and runs.

Answers are stored as Markdown limited to what officials use and Word can hold:
paragraphs, bullet and numbered lists (nested), bold, italic, line breaks, and
cross-references to other answers (a link to ``#ref:<question id>``, see
``reference_syntax``; a reference is one run whose text is its label).
Everything else (headings, other links, code, HTML, entities) is switched off in
the parser, so such characters are plain text and count as typed.  This module is
the one bridge between the stored Markdown and the structure that counting, the
editor and the Word export all work on.

The model is in ``rich_text_model`` (paragraphs and runs), reading in ``markdown_reader``
and writing in ``markdown_writer``; every public name is re-exported here, so callers
import from this one place.
"""

from __future__ import annotations

from consultdesk.domain.markdown_reader import (
    parse_markdown,
    parse_with_markdown_it,
    plain_text,
    stored_text,
)
from consultdesk.domain.markdown_writer import escape_markdown, to_markdown
from consultdesk.domain.rich_text_model import LINE_BREAK, ListType, Paragraph, Run

__all__ = ["LINE_BREAK", "ListType", "Paragraph", "Run", "escape_markdown", "parse_markdown",
           "parse_with_markdown_it", "plain_text", "stored_text", "to_markdown"]
