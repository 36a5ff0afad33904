"""WordprocessingML names and small helpers shared by the readers."""

from __future__ import annotations

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14_NS = "http://schemas.microsoft.com/office/word/2010/wordml"
W = f"{{{W_NS}}}"
W14 = f"{{{W14_NS}}}"


def w(tag: str) -> str:
    """The Clark name of a ``w:`` element or attribute."""
    return W + tag


def wval(el: etree._Element | None, attr: str = "val") -> str | None:
    """The ``w:val`` (or another ``w:`` attribute) of an element, None when absent."""
    if el is None:
        return None
    return el.get(W + attr)


def is_on(el: etree._Element | None) -> bool:
    """Whether an on/off property (``<w:b/>``, ``<w:b w:val="0"/>``) is on."""
    if el is None:
        return False
    return (wval(el) or "true").lower() not in ("0", "false", "off", "none")
