"""Text that XML (and so Word) cannot hold: found, removed, and reported, never a crash.

Pasted content sometimes carries control characters (a form feed from a PDF, a
NUL from a broken clipboard, a lone surrogate); XML 1.0 forbids them and lxml
refuses them.  Tab, line feed and carriage return are allowed; the rest of C0,
the surrogates and U+FFFE/U+FFFF are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def illegal_count(text: str) -> int:
    """How many characters of ``text`` XML cannot hold."""
    return len(_ILLEGAL.findall(text))


def clean_xml_text(text: str) -> tuple[str, int]:
    """``text`` without the characters XML cannot hold, and how many were removed."""
    cleaned, removed = _ILLEGAL.subn("", text)
    return cleaned, removed


@dataclass(slots=True)
class TextCleaner:
    """Cleans every string going into the document and remembers where it removed what."""

    removed: dict[str, int] = field(default_factory=dict)

    def clean(self, text: str, where: str) -> str:
        """``text`` made safe for XML; removals are counted against ``where``."""
        # The common case costs one regex search and no copy.
        if _ILLEGAL.search(text) is None:
            return text
        cleaned, removed = clean_xml_text(text)
        self.removed[where] = self.removed.get(where, 0) + removed
        return cleaned

    def warnings(self) -> list[str]:
        """One readable warning per place that had characters removed."""
        return [
            f"{where}: removed {n} control character{'s' if n != 1 else ''} that a Word "
            "document cannot hold (pasted from another program?); the exported text is "
            f"{n} character{'s' if n != 1 else ''} shorter than the draft"
            for where, n in self.removed.items()
        ]
