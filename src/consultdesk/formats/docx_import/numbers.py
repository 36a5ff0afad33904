"""Question numbers: reading a typed or rendered label, and composing nested numbers.

"1.", "2.1", "2.1.1", "Q3", "Question 4:", "(a)", "b)", "(iv)", "II." are all
labels.  Nested labels are shown with their parents: "(a)" after question 2 is
"2(a)", and "(i)" after that is "2(a)(i)"; dotted numbers are already whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class LabelKind(StrEnum):
    """The numbering system of a label."""

    DECIMAL = "decimal"  # 1, 2.1, 2.1.1
    LETTER = "letter"  # a, b (lower case)
    ROMAN = "roman"  # i, ii, iv (lower case)
    UPPER_LETTER = "upper_letter"  # A, B (usually a part of the questionnaire)
    UPPER_ROMAN = "upper_roman"  # I, II (usually a part of the questionnaire)


@dataclass(frozen=True, slots=True)
class Label:
    """A label found at the start of a line."""

    kind: LabelKind
    value: str  # "2.1", "a", "iv", "II"
    end: int  # where the text after the label starts

    @property
    def depth(self) -> int:
        """How many levels a number has ("2.1" and "2a" are 2; 1 for letters and romans)."""
        if self.kind is not LabelKind.DECIMAL:
            return 1
        numbers = len(re.findall(r"\d+", self.value))
        return numbers + (1 if self.value[-1].isalpha() else 0)


_DECIMAL = re.compile(
    r"^\s*(?:(?:Question|Q\.?|Pregunta|Frage|Quest\.)\s*(?:No\.?|n°|Nr\.)?\s*)?"
    # "2", "2.1", "2.1.3", and "2a" / "2.a" (a lettered sub-question typed in one label)
    r"(?P<n>\d{1,3}(?:\.\d{1,3}){0,4}(?:\.?[a-z](?![a-z]))?)"
    r"(?P<p>\s*[.):]|\.?(?=\t)|(?<=\d\.\d)|(?<=\d\.\d\d))"
    r"\s*[-–—]?\s*(?=\S)",
    re.IGNORECASE,
)
_QPREFIX = re.compile(r"^\s*(?:Question|Q\.?|Pregunta|Frage)\s*(?P<n>\d{1,3})\b\s*[.):–-]?\s*",
                      re.IGNORECASE)
_PAREN = re.compile(r"^\s*\((?P<n>[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]|[IVXLC]{1,6})\)\s*(?=\S)")
_CLOSE = re.compile(r"^\s*(?P<n>[a-z]{1,2}|[ivxlc]{1,6}|[A-Z]|[IVXLC]{1,6})[.)]\s+(?=\S)")
_ROMAN = re.compile(r"^(?=[ivxlc])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_AMBIGUOUS = {"i": "h", "v": "u", "x": "w", "l": "k", "c": "b"}


def parse_label(text: str, previous_letter: str | None = None) -> Label | None:
    """The label a line starts with (None when it has none).

    ``previous_letter`` is the last lower-case letter label seen, so that "(i)"
    after "(h)" reads as a letter and not as roman one.
    """
    m = _QPREFIX.match(text)
    if m and not re.match(r"^\s*\d", text):
        return Label(LabelKind.DECIMAL, m.group("n"), m.end())
    m = _DECIMAL.match(text)
    if m:
        value = m.group("n")
        # "2020 was ..." and "1.5 million" are not labels.
        punct = m.group("p")
        if punct.strip() == "" and "." not in value and "\t" not in text[m.end("n"): m.end()]:
            return None
        if punct.strip() == ":" and "." not in value and not re.match(r"^\s*Q", text, re.I):
            return None
        return Label(LabelKind.DECIMAL, value, m.end())
    m = _PAREN.match(text) or _CLOSE.match(text)
    if not m:
        return None
    raw = m.group("n")
    if raw.islower():
        if len(raw) == 1 and raw in _AMBIGUOUS and previous_letter == _AMBIGUOUS[raw]:
            return Label(LabelKind.LETTER, raw, m.end())
        if _ROMAN.match(raw) and (len(raw) > 1 or raw in ("i", "v", "x")):
            return Label(LabelKind.ROMAN, raw, m.end())
        if len(raw) == 1 or (len(raw) == 2 and raw[0] == raw[1]):
            return Label(LabelKind.LETTER, raw, m.end())
        return None
    if _ROMAN.match(raw.lower()) and (len(raw) > 1 or raw in ("I", "V", "X")):
        return Label(LabelKind.UPPER_ROMAN, raw, m.end())
    if len(raw) == 1:
        return Label(LabelKind.UPPER_LETTER, raw, m.end())
    return None


class NumberContext:
    """Composes display numbers for labels met in document order."""

    def __init__(self) -> None:
        self.decimal: str | None = None
        self.letter: str | None = None
        self.roman: str | None = None

    def compose(self, label: Label) -> str:
        """The full number of a label ("(a)" after "2" is "2(a)"), updating the context."""
        if label.kind is LabelKind.DECIMAL:
            self.decimal, self.letter, self.roman = label.value, None, None
            return label.value
        if label.kind is LabelKind.LETTER:
            self.letter, self.roman = label.value, None
            return f"{self.decimal}({label.value})" if self.decimal else label.value
        if label.kind is LabelKind.ROMAN:
            self.roman = label.value
            base = (self.decimal or "") + (f"({self.letter})" if self.letter else "")
            return f"{base}({label.value})" if base else label.value
        # Parts of the questionnaire (I., A.) start a fresh count below them.
        self.decimal = self.letter = self.roman = None
        return label.value

    def depth(self, label: Label) -> int:
        """How deep a label sits under the current context (1 = top level)."""
        if label.kind is LabelKind.DECIMAL:
            return label.depth
        base = self.decimal.count(".") + 1 if self.decimal else 0
        if label.kind is LabelKind.LETTER:
            return base + 1
        if label.kind is LabelKind.ROMAN:
            return base + (2 if self.letter else 1)
        return 1
