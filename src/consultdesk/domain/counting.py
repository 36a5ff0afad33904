"""Counting, in one place: characters and words as Word counts them, or as a portal does.

Everything that shows or checks a count (the editor's live counter, the CLI's
``check``, the export preflight, the export's own read-back test) calls this
module.  Counts are taken on the visible text of the parsed Markdown, never on
the markup.  Each rule, with the evidence for it, is in ``docs/counting.md``;
``tests/domain/data/counting_cases.json`` holds one case per rule.

Conventions:

``document``
    A Word file.  Characters are user-perceived characters (extended grapheme
    clusters: 👍🏽 is one, so is e + combining accent), as LibreOffice's document
    statistics count them.  Spaces and tabs count; a manual line break counts
    one character with spaces (none without); paragraph marks and generated
    list bullets/numbers do not (Word's rule; LibreOffice counts list labels).
    Words are runs of characters between separators: white space (including
    the no-break and ideographic spaces), the em dash and the en dash (which
    are never words themselves), and the zero-width space.  Each ideograph,
    kana and CJK punctuation mark is a word of its own; Korean (Hangul) is
    counted in space-separated words, as Word's "Korean words" are.
``web-form``
    An online portal's text box.  The count is in UTF-16 code units of the
    submitted plain text (what ``maxlength`` and EUSurvey see): a character
    outside the BMP is 2, and a line break is 2 (the CRLF a browser submits).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING, Any

from consultdesk.domain.question_kinds import Convention, Unit
from consultdesk.domain.rich_text_model import LINE_BREAK, ListType, Paragraph, Run

if TYPE_CHECKING:
    # Only annotations: the models' module (pydantic) loads when a definition is parsed.
    from consultdesk.domain.questionnaire import Limit

#: Below this share of the limit an answer is "within"; from it up to 100 % "near".
NEAR_THRESHOLD = 0.9

@cache
def _grapheme_patterns() -> tuple[Any, Any]:
    """Grapheme clusters, and the characters that can join a neighbour into one.

    Text without any of the latter (nearly all real text, Japanese included) has one
    cluster per code point, and one search for them is several times cheaper than
    splitting into clusters.  Compiled on first non-ASCII text: the regex module and the
    Markdown parser load when something is counted, not for every command that merely
    lists responses (the start-up goal in benchmarks/bench_startup.py).
    """
    import regex

    return regex.compile(r"\X"), regex.compile(
        r"[\p{Grapheme_Cluster_Break=Extend}\p{Grapheme_Cluster_Break=ZWJ}"
        r"\p{Grapheme_Cluster_Break=SpacingMark}\p{Grapheme_Cluster_Break=Prepend}"
        r"\p{Grapheme_Cluster_Break=L}\p{Grapheme_Cluster_Break=V}\p{Grapheme_Cluster_Break=T}"
        r"\p{Grapheme_Cluster_Break=Regional_Indicator}\r]"
    )
#: Word separators besides white space: the en dash, the em dash (LibreOffice's default
#: "additional separators", added to match Word) and the zero-width space.
WORD_SEPARATORS = "\u2013\u2014\u200b"
_SEPARATORS_AS_SPACE = str.maketrans(dict.fromkeys(WORD_SEPARATORS, " "))
# Ideographs, kana and CJK punctuation count as one word each, as in Word.
_CJK = (
    "\u3001-\u303f"  # CJK symbols and punctuation (not U+3000, the ideographic space)
    "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"  # hiragana, katakana, extensions
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # CJK ideographs
    "\uff01-\uff60\uff61-\uff9f"  # fullwidth punctuation, halfwidth katakana
    "\U00020000-\U0003ffff"  # CJK extension planes
)


@cache
def _cjk_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Any CJK character, and a word (a CJK character or a run of other non-spaces).

    Compiled on the first non-ASCII count, not at import: the two take ~5 ms to compile,
    which a command that counts nothing (``consultdesk responses``) should not pay.
    """
    return re.compile(f"[{_CJK}]"), re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")


_WHITESPACE = re.compile(r"\s+")


class Status(StrEnum):
    """Where an answer stands against its limit."""

    EMPTY = "empty"
    WITHIN = "within"
    NEAR = "near"
    OVER = "over"


@dataclass(frozen=True, slots=True)
class Count:
    """A count against an optional limit, with its status."""

    value: int
    limit: Limit | None
    status: Status

    @property
    def ratio(self) -> float:
        """The share of the limit used (0.0 without a limit)."""
        return self.value / self.limit.amount if self.limit else 0.0

    @property
    def excess(self) -> int:
        """How far over the limit (0 when within)."""
        return max(0, self.value - self.limit.amount) if self.limit else 0


# -- visible text ---------------------------------------------------------------


def submitted_text(paragraphs: Iterable[Paragraph]) -> str:
    """The plain text a web portal receives: one line per paragraph, lists as typed markers.

    Nested items are indented by two spaces a level; this is also what the app
    puts on the clipboard for pasting into a portal, so the count matches.
    """
    return LINE_BREAK.join(list_marker(p) + p.text for p in paragraphs)


def list_marker(p: Paragraph) -> str:
    """What a portal receives before a paragraph's text: its list marker as typed, indented."""
    if not p.level:
        return ""
    indent = "  " * (p.level - 1)
    if p.continuation:
        return indent + "   "
    if p.list_type is ListType.ORDERED:
        return f"{indent}{p.ordinal}. "
    return f"{indent}- "


def _graphemes(text: str) -> int:
    """User-perceived characters; text with nothing that clusters has one per code point."""
    if text.isascii():
        return len(text)
    grapheme, clustering = _grapheme_patterns()
    if clustering.search(text) is None:
        return len(text)
    return len(grapheme.findall(text))


def _utf16_units(text: str) -> int:
    """UTF-16 code units: 2 for a character outside the Basic Multilingual Plane."""
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def count_words(text: str) -> int:
    """Words as Word counts them: runs between spaces and dashes, each CJK character one word."""
    if text.isascii():
        return len(text.split())
    spaced = text.translate(_SEPARATORS_AS_SPACE)
    cjk_char, word = _cjk_patterns()
    if cjk_char.search(spaced) is None:
        return len(spaced.split())
    return len(word.findall(spaced))


def count_text(text: str, unit: Unit, convention: Convention = Convention.DOCUMENT) -> int:
    """Count one paragraph's (or a submitted text's) visible text in a unit.

    ``\\n`` is a line break: in a document it counts one character with spaces
    and none without (LibreOffice and Word alike); in a web form it counts 2 (CRLF).
    """
    if unit is Unit.WORDS:
        return count_words(text)
    if convention is Convention.WEB_FORM:
        if unit is Unit.CHARACTERS_WITHOUT_SPACES:
            return _utf16_units(_WHITESPACE.sub("", text))
        return _utf16_units(text) + text.count(LINE_BREAK)
    if unit is Unit.CHARACTERS_WITHOUT_SPACES:
        return _graphemes(_WHITESPACE.sub("", text))
    # A line break is one character; it also ends a cluster, so lines are counted apart.
    if LINE_BREAK not in text:
        return _graphemes(text)
    lines = text.split(LINE_BREAK)
    return sum(_graphemes(line) for line in lines) + len(lines) - 1


def count_paragraphs(
    paragraphs: Iterable[Paragraph], unit: Unit, convention: Convention = Convention.DOCUMENT
) -> int:
    """Count parsed paragraphs in a unit under a convention."""
    if convention is Convention.WEB_FORM:
        return count_text(submitted_text(paragraphs), unit, convention)
    return count_texts([p.text for p in paragraphs], unit)


def count_texts(texts: list[str], unit: Unit) -> int:
    """The document count of several paragraphs' texts: a few passes over them all at once.

    Paragraphs never share a word or a character, so the texts are joined with a
    separator that is white space and no character; only text where a cluster could
    cross that join (a paragraph starting with a combining mark) is counted apart.
    """
    if len(texts) < 8:
        return sum(count_text(t, unit) for t in texts)
    if unit is Unit.WORDS:
        return count_words(" ".join(texts))
    joined = "".join(texts)
    if not joined.isascii() and _grapheme_patterns()[1].search(joined) is not None:
        return sum(count_text(t, unit) for t in texts)
    if unit is Unit.CHARACTERS_WITHOUT_SPACES:
        return len(_WHITESPACE.sub("", joined))
    return len(joined)  # a line break is one code point and one character


def count_markdown(
    markdown: str, unit: Unit, convention: Convention = Convention.DOCUMENT
) -> int:
    """Count a stored Markdown answer in a unit under a convention."""
    # Here: the Markdown parser loads when something is counted (see _grapheme_patterns).
    from consultdesk.domain.markdown_reader import parse_markdown

    return count_paragraphs(parse_markdown(markdown), unit, convention)


def status_for(value: int, limit: Limit | None) -> Status:
    """Classify a count: empty, within (< 90 %), near (90–100 %) or over."""
    if value == 0:
        return Status.EMPTY
    if limit is None or value < NEAR_THRESHOLD * limit.amount:
        return Status.WITHIN
    if value <= limit.amount:
        return Status.NEAR
    return Status.OVER


def measure(
    markdown: str, limit: Limit | None, convention: Convention = Convention.DOCUMENT
) -> Count:
    """Count an answer in its limit's unit (characters with spaces without a limit)."""
    unit = limit.unit if limit else Unit.CHARACTERS_WITH_SPACES
    value = count_markdown(markdown, unit, convention)
    return Count(value, limit, status_for(value, limit))


def measure_paragraphs(
    paragraphs: Iterable[Paragraph], limit: Limit | None,
    convention: Convention = Convention.DOCUMENT,
) -> Count:
    """Like :func:`measure`, for paragraphs already parsed (the editor's path)."""
    unit = limit.unit if limit else Unit.CHARACTERS_WITH_SPACES
    value = count_paragraphs(paragraphs, unit, convention)
    return Count(value, limit, status_for(value, limit))


def overflow_offset(
    paragraphs: tuple[Paragraph, ...], limit: Limit, convention: Convention = Convention.DOCUMENT
) -> tuple[int, int] | None:
    """Where the text passes its limit: (paragraph index, character offset in its text).

    The editor highlights from there to the end, so the official sees what to cut.
    Returns None when the answer is within its limit.
    """
    if count_paragraphs(paragraphs, limit.unit, convention) <= limit.amount:
        return None
    # Grow a prefix until it passes the limit: counts are monotone in the prefix.
    used = 0
    separator = 2 if convention is Convention.WEB_FORM else 0
    for index, p in enumerate(paragraphs):
        whole = count_paragraphs((p,), limit.unit, convention) + (separator if index else 0)
        if used + whole <= limit.amount:
            used += whole
            continue
        lo, hi = 0, len(p.text)
        # Binary search for the shortest prefix of this paragraph that goes over.
        while lo < hi:
            mid = (lo + hi) // 2
            part = Paragraph((_prefix_run(p, mid),), p.list_type, p.level, p.list_id, p.ordinal,
                             p.continuation)
            n = count_paragraphs((part,), limit.unit, convention) + (separator if index else 0)
            if used + n > limit.amount:
                hi = mid
            else:
                lo = mid + 1
        return index, max(0, lo - 1)
    return None


def overflow_in_text(text: str, unit: Unit, allowed: int,
                     convention: Convention = Convention.DOCUMENT, *,
                     as_stored: bool = False) -> int:
    """The offset in ``text`` of the character whose count passes ``allowed`` (or its length).

    Counts grow with the prefix, so a binary search finds it in a few counts of the
    paragraph; the editor calls this for the one paragraph where the limit is passed.
    ``as_stored`` counts each prefix as the stored Markdown will keep it
    (:func:`~consultdesk.domain.rich_text.stored_text`).
    """
    from consultdesk.domain.markdown_reader import stored_text

    def count(part: str) -> int:
        return count_text(stored_text(part) if as_stored else part, unit, convention)

    if count(text) <= allowed:
        return len(text)
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi) // 2
        if count(text[:mid]) > allowed:
            hi = mid
        else:
            lo = mid + 1
    return max(0, lo - 1)


def _prefix_run(p: Paragraph, length: int) -> Run:
    """A single plain run holding the first ``length`` characters of a paragraph."""
    return Run(p.text[:length])
