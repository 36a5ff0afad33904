"""The language of the text, so that Word proofs a Japanese, French or Arabic response as such."""

from __future__ import annotations

from docx.document import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from lxml import etree

_REGIONS = {
    "en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ja": "ja-JP", "zh": "zh-CN", "ko": "ko-KR",
    "ar": "ar-SA", "ru": "ru-RU", "de": "de-DE", "pt": "pt-PT", "it": "it-IT", "nl": "nl-NL",
}
_EAST_ASIAN = {"ja", "zh", "ko"}
_BIDI = {"ar", "he", "fa", "ur"}
_LATIN_IN_OTHER_SCRIPTS = "en-GB"


def word_language(tag: str) -> str:
    """A language tag as Word's proofing tools want it ("fr" -> "fr-FR")."""
    primary = tag.split("-")[0].lower()
    return tag if "-" in tag else _REGIONS.get(primary, tag)


def set_language(document: Document, tag: str) -> None:
    """Mark the text as written in ``tag`` so Word spell-checks it in that language.

    The language goes on the document defaults; styles that name another
    language lose that, so nothing overrides it.  Word is told to proof again.
    """
    lang = word_language(tag)
    primary = lang.split("-")[0].lower()
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = parse_xml(f"<w:docDefaults {nsdecls('w')}/>")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = etree.SubElement(defaults, qn("w:rPrDefault"))
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = etree.SubElement(rpr_default, qn("w:rPr"))
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang_el = etree.SubElement(rpr, qn("w:lang"))
    # w:val is the language of Latin-script text, w:eastAsia of CJK text, w:bidi of
    # right-to-left text.  In a Japanese or Arabic response the Latin words (names,
    # quoted English titles) are proofed as English, as Word itself does; marking them
    # Japanese would make word processors break Latin words anywhere.
    if primary in _EAST_ASIAN:
        latin, east_asian, bidi = _LATIN_IN_OTHER_SCRIPTS, lang, "ar-SA"
    elif primary in _BIDI:
        latin, east_asian, bidi = _LATIN_IN_OTHER_SCRIPTS, "ja-JP", lang
    else:
        latin, east_asian, bidi = lang, lang, "ar-SA"
    lang_el.set(qn("w:val"), latin)
    lang_el.set(qn("w:eastAsia"), east_asian)
    lang_el.set(qn("w:bidi"), bidi)
    for style_rpr in styles.iter(qn("w:rPr")):
        if style_rpr is rpr:
            continue
        for old in style_rpr.findall(qn("w:lang")):
            style_rpr.remove(old)
    settings = document.settings.element
    for old in settings.findall(qn("w:proofState")):
        settings.remove(old)
    theme_lang = settings.find(qn("w:themeFontLang"))
    if theme_lang is not None:  # which theme fonts Word picks for each script
        theme_lang.set(qn("w:val"), latin)
        theme_lang.set(qn("w:eastAsia"), east_asian)
        if primary in _BIDI:
            theme_lang.set(qn("w:bidi"), bidi)
    if primary in _BIDI:
        _right_to_left(defaults)


def _right_to_left(defaults: etree._Element) -> None:
    """Make paragraphs right-to-left by default (an Arabic or Hebrew response)."""
    ppr_default = defaults.find(qn("w:pPrDefault"))
    if ppr_default is None:
        ppr_default = etree.SubElement(defaults, qn("w:pPrDefault"))
    ppr = ppr_default.find(qn("w:pPr"))
    if ppr is None:
        ppr = etree.SubElement(ppr_default, qn("w:pPr"))
    if ppr.find(qn("w:bidi")) is not None:
        return
    bidi = etree.Element(qn("w:bidi"))
    # Schema order: w:bidi comes before spacing, ind, jc and the rest.
    later = next((c for c in ppr if c.tag in _AFTER_BIDI), None)
    if later is not None:
        later.addprevious(bidi)
    else:
        ppr.append(bidi)


_AFTER_BIDI = frozenset(qn(f"w:{t}") for t in (
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
    "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"))
