"""Where a cross-reference sits in a line of answer Markdown: ``[question 2](#ref:q2)``.

The low-level scanner shared by the Markdown parser (``rich_text``) and the
reference functions (``references``), so both always agree on what is a
reference.  A reference is a standard Markdown link whose destination is
``#ref:<question id>``; the rules, decided line by line (a reference never spans a
line break):

- the link text (the label) is one or more characters on one line; it may hold
  backslash escapes and one level of balanced brackets (``[a [b] c](#ref:q2)``),
  but no unescaped backtick and no other link (in ``[see [question 2](#ref:q2)](#ref:q3)``
  only the inner link is a reference, as in CommonMark);
- an escaped bracket (``\\[question 2](#ref:q2)``) starts no reference;
- inside a code span (backticks, CommonMark's pairing of equal runs, on one line)
  nothing is a reference, so ```[x](#ref:q2)``` reads as code in any viewer and here;
- the id is a questionnaire identifier (``[A-Za-z0-9][A-Za-z0-9_.-]*``, at most 80).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: An ASCII punctuation character: what a backslash escapes in CommonMark.
_PUNCT = r"!-/:-@\[-`{-~"
# Plain characters a run at a time, possessively (no backtracking into them: a long
# unclosed "[..." fails in linear time).
_LABEL_CHAR = rf"(?:[^\[\]\\`\n]++|\\[{_PUNCT}]|\\(?![{_PUNCT}]))"
_LABEL = rf"(?:{_LABEL_CHAR}|\[{_LABEL_CHAR}*\](?!\())+"
#: The id pattern of ``questionnaire.Identifier``.
TARGET = r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}"
#: What marks a reference's destination; text without it holds no reference.
MARK = "](#ref:"
# Every branch starts with one of \\ ` [ , so the engine skips ordinary text quickly; a
# backtick run that closes no code span is consumed whole (the last branch), so no
# shorter run inside it can open one.
_TOKENS = re.compile(
    rf"(?P<esc>\\[{_PUNCT}])"
    r"|(?P<code>(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`))"
    rf"|(?P<ref>\[(?P<label>{_LABEL})\]\(#ref:(?P<target>{TARGET})\))"
    r"|`+"
)
_UNESCAPE = re.compile(rf"\\([{_PUNCT}])")


@dataclass(frozen=True, slots=True)
class ReferenceMatch:
    """One reference in a piece of Markdown: where it is, its label and its target."""

    start: int
    end: int
    label_start: int
    label_end: int
    label: str  # the link text as it reads (escapes resolved)
    target: str


def scan(markdown: str) -> list[ReferenceMatch]:
    """Every reference in ``markdown`` (a line, a paragraph or a whole answer), in order."""
    if MARK not in markdown:
        return []
    found: list[ReferenceMatch] = []
    for m in _TOKENS.finditer(markdown):
        if m.group("ref") is None:
            continue  # an escape or a code span: consumed so nothing inside starts a reference
        found.append(ReferenceMatch(m.start(), m.end(), m.start("label"), m.end("label"),
                                    _UNESCAPE.sub(r"\1", m.group("label")), m.group("target")))
    return found


_LABEL_SPECIAL = re.compile(r"([\\\[\]`*_])")


def escape_label(label: str) -> str:
    """A label as link text that reads back as exactly itself (one line)."""
    return _LABEL_SPECIAL.sub(r"\\\1", label.replace("\r", " ").replace("\n", " "))


def link(target: str, label: str) -> str:
    """The Markdown of one reference: ``[question 2](#ref:q2)``."""
    if not re.fullmatch(TARGET, target):
        raise ValueError(f"not a question id: {target!r}")
    return f"[{escape_label(label)}](#ref:{target})"
