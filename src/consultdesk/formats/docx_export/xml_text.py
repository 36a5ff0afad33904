"""Text that XML (and so Word) cannot hold: found, removed, and reported, never a crash.

Pasted content sometimes carries control characters (a form feed from a PDF, a
NUL from a broken clipboard, a lone surrogate); XML 1.0 forbids them and lxml
refuses them.  Tab, line feed and carriage return are allowed; the rest of C0,
the surrogates and U+FFFE/U+FFFF are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from consultdesk.domain.errors import Message

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def illegal_count(text: str) -> int:
    """How many characters of ``text`` XML cannot hold."""
    return len(_ILLEGAL.findall(text))


def clean_xml_text(text: str) -> tuple[str, int]:
    """``text`` without the characters XML cannot hold, and how many were removed."""
    cleaned, removed = _ILLEGAL.subn("", text)
    return cleaned, removed


#: The places a cleaner names that are not a question or a field (``clean``'s ``where``).
PLACES = {
    "text": Message("the text"),
    "title": Message("the title"),
    "response title": Message("the response's title"),
    "author": Message("the author"),
    "request": Message("the request's cover"),
    "section": Message("a section heading"),
    "annex": Message("the annex"),
}
#: Where a cleaner removes characters: a Message, or a PLACES key.
Where = str | Message


@dataclass(slots=True)
class TextCleaner:
    """Cleans every string going into the document and remembers where it removed what."""

    #: The place (its English words) -> (the place as a Message, characters removed).
    removed: dict[str, tuple[Message, int]] = field(default_factory=dict)

    def clean(self, text: str, where: Where) -> str:
        """``text`` made safe for XML; removals are counted against ``where`` (a Message
        naming the place, or one of the PLACES keys)."""
        # The common case costs one regex search and no copy.
        if _ILLEGAL.search(text) is None:
            return text
        cleaned, removed = clean_xml_text(text)
        place = where if isinstance(where, Message) else PLACES.get(where) or Message(
            "{place}", place=where)
        key = str(place)
        _, before = self.removed.get(key, (place, 0))
        self.removed[key] = (place, before + removed)
        return cleaned

    def warnings(self) -> list[Message]:
        """One warning per place that had characters removed (``str()`` is the English)."""
        return [
            Message("{where}: removed 1 control character that a Word document cannot hold "
                    "(pasted from another program?); the exported text is 1 character "
                    "shorter than the draft", where=place) if n == 1 else
            Message("{where}: removed {count} control characters that a Word document cannot "
                    "hold (pasted from another program?); the exported text is {count} "
                    "characters shorter than the draft", where=place, count=n)
            for place, n in self.removed.values()
        ]
