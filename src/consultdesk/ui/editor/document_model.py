"""Convert between a QTextDocument and the domain's paragraphs (the editor's only bridge).

The editor never writes or parses Markdown itself: it turns its document into
:class:`~consultdesk.domain.rich_text.Paragraph` tuples, which
``rich_text.to_markdown`` stores and ``counting.measure_paragraphs`` counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFragment,
    QTextList,
    QTextListFormat,
)

from consultdesk.domain.rich_text import LINE_BREAK, ListType, Paragraph, Run

#: Qt's in-block line break (Shift+Enter) and the object placeholder (images).
_LINE_SEPARATOR = "\u2028"
_OBJECT = "\ufffc"
#: A block property marking a list item's second or later paragraph.
CONTINUATION_PROPERTY = 0x100001
#: A block property keeping the answer's list number, for lists Qt cannot tell apart
#: (a new list whose first item is nested has no top-level item to start it).
LIST_ID_PROPERTY = 0x100002
_BULLETS = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle,
            QTextListFormat.Style.ListSquare)
_BULLET_BY_LEVEL = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle,
                    QTextListFormat.Style.ListSquare)
#: A character-format property holding the text an inline non-editable object (U+FFFC
#: with this format: a cross-reference) stands for.  It is read and counted as that text.
INLINE_TEXT_PROPERTY = 0x100010
#: A cross-reference is such an object of this object type, its target question id in
#: this property (ui/editor/references.py paints it and finds it).
REFERENCE_OBJECT = int(QTextFormat.ObjectTypes.UserObject) + 1
REFERENCE_TARGET_PROPERTY = 0x100011
#: Qt reports 700 for <b>; Word and browsers often send 600 (semi-bold) for bold.
_BOLD_WEIGHT = 600


@dataclass(frozen=True, slots=True)
class DocumentParagraphs:
    """Paragraphs of a document (blank ones dropped) with the block each came from."""

    paragraphs: tuple[Paragraph, ...]
    block_numbers: tuple[int, ...]


def fragment_text(frag: QTextFragment) -> str:
    """A fragment's text as the domain sees it: objects as the text they render, or nothing."""
    text = frag.text()
    if _OBJECT in text:
        fmt = frag.charFormat()
        rendered = (str(fmt.property(INLINE_TEXT_PROPERTY))
                    if fmt.hasProperty(INLINE_TEXT_PROPERTY) else "")
        text = text.replace(_OBJECT, rendered)
    return text.replace(_LINE_SEPARATOR, LINE_BREAK)


def block_text(block: QTextBlock) -> str:
    """A block's text as the domain counts it (line breaks as ``\\n``, objects rendered)."""
    text = block.text()
    if _OBJECT not in text:
        return text.replace(_LINE_SEPARATOR, LINE_BREAK)
    parts = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        it += 1
        if frag.isValid():
            parts.append(fragment_text(frag))
    return "".join(parts)


def block_position(block: QTextBlock, offset: int) -> int:
    """The document position of code point ``offset`` of :func:`block_text` (UTF-16 aware)."""
    text = block.text()
    if _OBJECT not in text:
        return block.position() + len(text[:offset].encode("utf-16-le")) // 2
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        it += 1
        if not frag.isValid():
            continue
        raw = frag.text()
        for index, char in enumerate(raw):
            shown = fragment_text_of(frag, char)
            if offset < len(shown):
                return frag.position() + len(raw[:index].encode("utf-16-le")) // 2
            offset -= len(shown)
    return block.position() + block.length() - 1


def fragment_text_of(frag: QTextFragment, char: str) -> str:
    """What one character of a fragment reads as (an object as its rendered text)."""
    if char == _OBJECT:
        fmt = frag.charFormat()
        return (str(fmt.property(INLINE_TEXT_PROPERTY))
                if fmt.hasProperty(INLINE_TEXT_PROPERTY) else "")
    return LINE_BREAK if char == _LINE_SEPARATOR else char


def reference_format(target: str, label: str, base: QTextCharFormat | None = None
                     ) -> QTextCharFormat:
    """The character format of a cross-reference object (with ``base``'s bold and italic)."""
    fmt = QTextCharFormat()
    if base is not None:
        fmt.setFontWeight(base.fontWeight())
        fmt.setFontItalic(base.fontItalic())
    fmt.setObjectType(REFERENCE_OBJECT)
    fmt.setProperty(REFERENCE_TARGET_PROPERTY, target)
    fmt.setProperty(INLINE_TEXT_PROPERTY, label)
    # On the text's baseline, as tall as its line: AlignMiddle made every line holding a
    # chip 3 px taller than the others (uneven spacing within a paragraph).
    fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignBaseline)
    return fmt


def _is_reference(fmt: QTextCharFormat) -> bool:
    return fmt.objectType() == REFERENCE_OBJECT and fmt.hasProperty(REFERENCE_TARGET_PROPERTY)


def _runs(block: QTextBlock) -> tuple[Run, ...]:
    """The block's fragments as runs, equal neighbours merged (a reference is a run alone)."""
    runs: list[Run] = []
    it = block.begin()
    while not it.atEnd():
        frag = it.fragment()
        it += 1
        if not frag.isValid():
            continue
        fmt = frag.charFormat()
        bold, italic = fmt.fontWeight() >= _BOLD_WEIGHT, fmt.fontItalic()
        if _OBJECT in frag.text() and _is_reference(fmt):
            target = str(fmt.property(REFERENCE_TARGET_PROPERTY))
            label = str(fmt.property(INLINE_TEXT_PROPERTY) or "")
            runs.extend(Run(label, bold, italic, target) for _ in frag.text())
            continue
        text = fragment_text(frag)
        if not text:
            continue
        if runs and (runs[-1].bold, runs[-1].italic) == (bold, italic) and (
                runs[-1].reference is None):
            runs[-1] = Run(runs[-1].text + text, bold, italic)
        else:
            runs.append(Run(text, bold, italic))
    return tuple(runs)


def block_runs(block: QTextBlock) -> tuple[Run, ...]:
    """A block's text as domain runs (what the Markdown of its paragraph is made from)."""
    return _runs(block)


def list_kind(text_list: QTextList) -> ListType:
    """Whether a Qt list is a bullet or a numbered list."""
    return ListType.BULLET if text_list.format().style() in _BULLETS else ListType.ORDERED


def document_paragraphs(document: QTextDocument, runs_of: Callable[[QTextBlock], tuple[Run, ...]]
                        | None = None) -> DocumentParagraphs:
    """The document as domain paragraphs; blank paragraphs are dropped (storage drops them).

    ``runs_of`` gives a block's runs (default: read from its fragments); the editor
    passes the runs it keeps per block, so only the blocks an edit touched are read.
    """
    runs_of = runs_of or _runs
    paragraphs: list[Paragraph] = []
    numbers: list[int] = []
    list_count = 0
    prev_list: QTextList | None = None  # the top-level list the previous block belonged to
    prev_in_list = False
    last_item: Paragraph | None = None
    prev_id: object = None  # the stored list number of the previous list block
    block = document.begin()
    while block.isValid():
        runs = runs_of(block)
        text_list = block.textList()
        # Our own property, or an indented plain block right after an item (what Qt's
        # HTML keeps of it when an answer is copied and pasted back).
        continuation = bool(block.blockFormat().property(CONTINUATION_PROPERTY)) or (
            prev_in_list and block.blockFormat().indent() > 0)
        para: Paragraph | None
        if text_list is not None:
            level = max(1, text_list.format().indent())
            kind = list_kind(text_list)
            stored_id = block.blockFormat().property(LIST_ID_PROPERTY)
            if not prev_in_list or stored_id is not None and prev_id is not None and stored_id != prev_id:
                list_count += 1
                prev_list = None
            prev_id = stored_id
            if level == 1:
                # A different level-1 list right after another one is a new list.
                if prev_list is not None and prev_list is not text_list:
                    list_count += 1
                prev_list = text_list
            ordinal = 0
            if kind is ListType.ORDERED:
                ordinal = text_list.itemNumber(block) + max(1, text_list.format().start())
            para = Paragraph(runs, kind, level, list_count - 1, ordinal)
            last_item = para
            prev_in_list = True
        elif continuation and prev_in_list and last_item is not None:
            para = Paragraph(runs, last_item.list_type, last_item.level, last_item.list_id,
                             last_item.ordinal, continuation=True)
        else:
            para = Paragraph(runs)
            prev_in_list, prev_list, last_item, prev_id = False, None, None, None
        if para.text.strip():
            paragraphs.append(para)
            numbers.append(block.blockNumber())
        block = block.next()
    return DocumentParagraphs(tuple(paragraphs), tuple(numbers))


def _list_format(kind: ListType, level: int, start: int) -> QTextListFormat:
    """A Qt list format for one level of a domain list."""
    fmt = QTextListFormat()
    if kind is ListType.ORDERED:
        fmt.setStyle(QTextListFormat.Style.ListDecimal)
        fmt.setStart(max(1, start))
    else:
        fmt.setStyle(_BULLET_BY_LEVEL[(level - 1) % len(_BULLET_BY_LEVEL)])
    fmt.setIndent(level)
    return fmt


def _char_format(run: Run) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold if run.bold else QFont.Weight.Normal)
    fmt.setFontItalic(run.italic)
    return fmt


#: Space after a paragraph and after a list item, in pixels; line height in percent.
PARAGRAPH_SPACING, ITEM_SPACING, LINE_HEIGHT = 8, 3, 120
#: Pixels per list level (Qt's 40 pushes nested items far right).
INDENT_WIDTH = 26


def paragraph_format(p: Paragraph, following: Paragraph | None) -> QTextBlockFormat:
    """Block format giving paragraphs air and keeping list items close together."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    last_of_list = following is None or following.level == 0
    fmt.setBottomMargin(ITEM_SPACING if p.level and not last_of_list else PARAGRAPH_SPACING)
    return fmt


_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value


def _in_list(block: QTextBlock) -> bool:
    return block.textList() is not None or bool(
        block.blockFormat().property(CONTINUATION_PROPERTY))


def fix_spacing(first: QTextBlock, last: QTextBlock) -> None:
    """Give the blocks from ``first`` to ``last`` and their neighbours the spacing a reload gives.

    An answer opened from storage is spaced by :func:`paragraph_format`; blocks made by
    typing (Enter, a new list, a paste, two paragraphs joined) inherit whatever the
    block before had, so the same answer looked different after reopening.  The editor
    calls this inside each such edit's own undo step, so undo takes both back together.
    """
    block = first.previous() if first.previous().isValid() else first
    end = last.next() if last.next().isValid() else last
    while block.isValid():
        following = block.next()
        margin = (ITEM_SPACING if _in_list(block) and following.isValid() and _in_list(following)
                  else PARAGRAPH_SPACING)
        fmt = block.blockFormat()
        if (fmt.bottomMargin() != margin or fmt.lineHeight() != LINE_HEIGHT
                or fmt.lineHeightType() != _PROPORTIONAL or fmt.topMargin() != 0):
            change = QTextBlockFormat()
            change.setBottomMargin(margin)
            change.setTopMargin(0)
            change.setLineHeight(LINE_HEIGHT, _PROPORTIONAL)
            QTextCursor(block).mergeBlockFormat(change)
        if block == end:
            break
        block = following


def fill_document(document: QTextDocument, paragraphs: tuple[Paragraph, ...]) -> None:
    """Replace the document's content with paragraphs (one undo step is not kept)."""
    document.clear()
    document.setIndentWidth(INDENT_WIDTH)
    cursor = QTextCursor(document)
    insert_paragraphs(cursor, paragraphs, first_in_place=True)
    fix_spacing(document.begin(), document.lastBlock())  # an empty answer's first block too
    document.clearUndoRedoStacks()
    document.setModified(False)


def insert_paragraphs(cursor: QTextCursor, paragraphs: tuple[Paragraph, ...], *,
                      first_in_place: bool = False) -> None:
    """Insert paragraphs at the cursor, building Qt lists for list paragraphs."""
    lists: dict[tuple[int, int], QTextList] = {}
    for index, p in enumerate(paragraphs):
        block_fmt = paragraph_format(p, paragraphs[index + 1] if index + 1 < len(paragraphs)
                                     else None)
        if p.continuation:
            block_fmt.setIndent(p.level)
            block_fmt.setProperty(CONTINUATION_PROPERTY, True)
        elif p.level:
            block_fmt.setProperty(LIST_ID_PROPERTY, p.list_id)
        if index or not first_in_place:
            cursor.insertBlock(block_fmt, QTextCharFormat())
        elif p.level or cursor.block().textList() is None:
            cursor.setBlockFormat(block_fmt)
        # (a plain paragraph pasted into a list item joins it, keeping the item in its list)
        if p.level and not p.continuation:
            key = (p.list_id, p.level)
            # Starting a shallower item closes deeper lists: numbering restarts under it.
            for k in [k for k in lists if k[0] == p.list_id and k[1] > p.level]:
                del lists[k]
            existing = lists.get(key)
            if existing is not None and list_kind(existing) is p.list_type:
                existing.add(cursor.block())
            else:
                lists[key] = cursor.createList(
                    _list_format(p.list_type or ListType.BULLET, p.level, p.ordinal or 1))
        for run in p.runs:
            if run.reference is not None:  # one object character standing for the reference
                cursor.insertText(_OBJECT, reference_format(run.reference, run.text,
                                                            _char_format(run)))
                continue
            cursor.insertText(run.text.replace(LINE_BREAK, _LINE_SEPARATOR), _char_format(run))
