"""Cross-references in the editor: one non-editable chip per ``[question 2](#ref:q2)``.

A reference is a single object character (U+FFFC) whose character format carries
the object type ``REFERENCE_OBJECT``, the target question id and the label it shows
(``INLINE_TEXT_PROPERTY``, so block counting reads and counts it as its label);
``document_model`` turns it into a domain run with a ``reference`` and back, so the
Markdown goes in and out through ``rich_text`` like any other formatting.  Being one
character, the cursor steps over it, Backspace and Delete take it whole, nothing can
be typed inside it, and inserting or removing it is one undo step.
:class:`ReferenceChip` paints it as a link-like chip; a chip whose target is not in
the questionnaire is drawn dashed in the warning colour (the painter knows the
questionnaire's question ids: nothing about it is stored in the document).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from enum import Enum

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPalette,
    QPen,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
)

from consultdesk.domain.references import render_references
from consultdesk.domain.rich_text import Run, parse_markdown, to_markdown
from consultdesk.ui.editor.document_model import (
    INLINE_TEXT_PROPERTY,
    REFERENCE_OBJECT,
    REFERENCE_TARGET_PROPERTY,
    block_position,
    block_text,
    document_paragraphs,
    fill_document,
    insert_paragraphs,
    reference_format,
)

TARGET_PROPERTY = REFERENCE_TARGET_PROPERTY
_OBJECT = "\ufffc"
_PAD_X, _PAD_Y, _RADIUS = 5.0, 1.0, 4.0


class ChipState(Enum):
    """What a chip says about its target (as the preflight will)."""

    OK = "ok"
    MISSING = "missing"  # not a question of this questionnaire
    UNANSWERED = "unanswered"


class ReferenceChip(QPyTextObject):
    """Lays out and paints a reference as a rounded, link-coloured chip with its label.

    ``known`` holds the question ids of the document's questionnaire (None: unknown);
    a chip pointing elsewhere is drawn as a warning.  ``answered`` says whether a
    question has an answer (None: not known); a chip to an unanswered one is dotted.  Sizes are cached by label and
    font: Qt asks again for every chip of a paragraph at each keystroke in it.
    """

    def __init__(self, parent: QTextDocument, known: frozenset[str] | None = None) -> None:
        super().__init__(parent)
        self.known = known
        self.answered: Callable[[str], bool] | None = None
        self._sizes: dict[tuple[str, str, int, bool], QSizeF] = {}

    def _font(self, document: QTextDocument, fmt: QTextFormat) -> QFont:
        font = fmt.toCharFormat().font().resolve(document.defaultFont())
        # Every attribute as laid out: a painter would otherwise fill unset ones (the size)
        # from the widget's font, and the label would overrun its box.
        font.setResolveMask(0xFFFFFFFF)
        return font

    def intrinsicSize(self, document: QTextDocument, _position: int,
                      fmt: QTextFormat) -> QSizeF:
        """The label's width plus padding, a line of the text's font high."""
        label = str(fmt.property(INLINE_TEXT_PROPERTY) or "")
        char = fmt.toCharFormat()
        key = (label, document.defaultFont().key(), char.fontWeight(), char.fontItalic())
        size = self._sizes.get(key)
        if size is None:
            metrics = QFontMetricsF(self._font(document, fmt))
            size = QSizeF(metrics.horizontalAdvance(label) + 2 * _PAD_X, metrics.height())
            self._sizes[key] = size
        return size

    def drawObject(self, painter: QPainter, rect: QRectF | QRect, document: QTextDocument,
                   _position: int, fmt: QTextFormat) -> None:
        """Paint the chip: a tinted rounded box, the label in the link colour."""
        rect = QRectF(rect)
        palette = QGuiApplication.palette()
        state = self.state_of(str(fmt.property(TARGET_PROPERTY)))
        missing = state is ChipState.MISSING
        ink = QColor(palette.color(QPalette.ColorRole.BrightText if missing
                                   else QPalette.ColorRole.Link))
        fill, edge = QColor(ink), QColor(ink)
        fill.setAlphaF(0.05 if state is ChipState.UNANSWERED else 0.13)
        edge.setAlphaF(0.55)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = rect.adjusted(0.5, _PAD_Y, -0.5, -_PAD_Y)
        pen = QPen(edge, 1.0, {ChipState.MISSING: Qt.PenStyle.DashLine,
                               ChipState.UNANSWERED: Qt.PenStyle.DotLine}.get(
                                   state, Qt.PenStyle.SolidLine))
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, _RADIUS, _RADIUS)
        font = self._font(document, fmt)
        painter.setFont(font)
        painter.setPen(ink)
        metrics = QFontMetricsF(font)
        baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
        painter.drawText(QPointF(rect.left() + _PAD_X, baseline),
                         str(fmt.property(INLINE_TEXT_PROPERTY) or ""))
        painter.restore()


    def state_of(self, target: str) -> ChipState:
        """How a chip to ``target`` is drawn: fine, missing, or unanswered."""
        if self.known is not None and target not in self.known:
            return ChipState.MISSING
        if self.answered is not None and not self.answered(target):
            return ChipState.UNANSWERED
        return ChipState.OK


def _chip_painter(document: QTextDocument) -> ReferenceChip | None:
    handler = document.documentLayout().handlerForObject(REFERENCE_OBJECT)
    return handler if isinstance(handler, ReferenceChip) else None


def ensure_chips(document: QTextDocument, labels: Mapping[str, str] | None = None) -> None:
    """Make ``document`` paint references as chips (once per document); with ``labels``,
    the questions it knows (a chip pointing elsewhere is drawn as a warning)."""
    painter = _chip_painter(document)
    if painter is None:
        painter = ReferenceChip(document)
        document.documentLayout().registerHandler(REFERENCE_OBJECT, painter)
        if _OBJECT in document.toPlainText():
            # Laid out without the painter so far (zero-width objects): lay out again.
            document.markContentsDirty(0, document.characterCount())
    if labels is not None:
        painter.known = frozenset(labels)


def is_reference(fmt: QTextFormat) -> bool:
    """Whether a character format is a reference chip's."""
    return fmt.objectType() == REFERENCE_OBJECT and fmt.hasProperty(TARGET_PROPERTY)


def reference_at(document: QTextDocument, position: int) -> tuple[str, str] | None:
    """The (target, label) of the reference right after ``position``, if there is one."""
    if position < 0 or position >= document.characterCount() - 1:
        return None
    if document.characterAt(position) != _OBJECT:
        return None
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)  # a cursor's format is the character before it
    fmt = cursor.charFormat()
    if not is_reference(fmt):
        return None
    return str(fmt.property(TARGET_PROPERTY)), str(fmt.property(INLINE_TEXT_PROPERTY))


def reference_state(document: QTextDocument, position: int) -> ChipState:
    """What the chip at ``position`` says about its target (OK when it is no chip)."""
    found = reference_at(document, position)
    painter = _chip_painter(document)
    if found is None or painter is None:
        return ChipState.OK
    return painter.state_of(found[0])


def reference_missing(document: QTextDocument, position: int) -> bool:
    """Whether the chip at ``position`` points to a question the questionnaire lacks."""
    return reference_state(document, position) is ChipState.MISSING


def set_answered(document: QTextDocument, answered: Callable[[str], bool] | None) -> None:
    """Tell the document's chips which questions have an answer (dotted when not)."""
    ensure_chips(document)
    painter = _chip_painter(document)
    if painter is not None:
        painter.answered = answered


def insert_reference(cursor: QTextCursor, target: str, label: str) -> None:
    """Insert one chip at the cursor, replacing any selection (one undo step)."""
    ensure_chips(cursor.document())
    cursor.beginEditBlock()
    base = cursor.charFormat()
    cursor.insertText(_OBJECT, reference_format(target, label, base))
    # What is typed next is plain text in the surrounding format, not part of the chip.
    plain = QTextCharFormat()
    plain.setFontWeight(base.fontWeight())
    plain.setFontItalic(base.fontItalic())
    cursor.setCharFormat(plain)
    cursor.endEditBlock()


def chips_between(document: QTextDocument, start: int, end: int
                  ) -> Iterator[tuple[int, int, str]]:
    """(position, length, target) of each run of chips between ``start`` and ``end``
    (fragment by fragment: a long answer is not read character by character)."""
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        if _OBJECT in block.text():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                it += 1
                if (frag.isValid() and is_reference(frag.charFormat())
                        and frag.position() < end and frag.position() + frag.length() > start):
                    yield (frag.position(), frag.length(),
                           str(frag.charFormat().property(TARGET_PROPERTY)))
        block = block.next()


def load_markdown(document: QTextDocument, markdown: str,
                  labels: Mapping[str, str] | None = None) -> None:
    """Fill ``document`` with an answer's Markdown, references as chips with current labels.

    ``labels`` maps question ids to their current labels; a reference to an id not in
    it keeps its stored text (and is drawn as missing when ``labels`` is given).
    """
    fill_document(document, parse_markdown(render_references(markdown, labels or {})))
    # After filling: a new document is laid out once with its chips, not at each insert.
    ensure_chips(document, labels)


def insert_markdown(cursor: QTextCursor, markdown: str,
                    labels: Mapping[str, str] | None = None, *,
                    first_in_place: bool = True) -> None:
    """Insert an answer's Markdown at the cursor, references as chips (one edit block)."""
    ensure_chips(cursor.document(), labels)
    cursor.beginEditBlock()
    cursor.removeSelectedText()
    insert_paragraphs(cursor, parse_markdown(render_references(markdown, labels or {})),
                      first_in_place=first_in_place)
    cursor.endEditBlock()


def document_markdown(document: QTextDocument) -> str:
    """The document as an answer's Markdown, each chip written as its reference."""
    return to_markdown(document_paragraphs(document).paragraphs)


# -- the editor's side: finding a chip under the mouse, copying chips ----------------
#: The clipboard type holding a copied selection as answer Markdown (chips survive).
MARKDOWN_MIME = "application/x-consultdesk-markdown"


def reference_near(document: QTextDocument, position: int, x: float,
                   left_of: Callable[[int], float]) -> tuple[int, str, str] | None:
    """The chip a point at ``x`` is on, given the cursor position nearest to it.

    ``left_of(p)`` is the x of the cursor drawn at position ``p``; a chip spans from
    the x of its own position to the x of the next one.  Returns (position, target, label).
    """
    for candidate in (position, position - 1):
        found = reference_at(document, candidate)
        if found is not None and left_of(candidate) - 1 <= x <= left_of(candidate + 1) + 1:
            return candidate, found[0], found[1]
    return None


def selection_markdown(cursor: QTextCursor) -> str:
    """The selected text as answer Markdown (chips as references)."""
    scratch = QTextDocument()
    QTextCursor(scratch).insertFragment(cursor.selection())
    return document_markdown(scratch)


def selection_for_other_programs(cursor: QTextCursor) -> QTextDocumentFragment:
    """The selection with each chip as its label in plain words (bold and italic kept):
    what Word, a browser or a mail program receive (they know nothing of the chips)."""
    scratch = QTextDocument()
    QTextCursor(scratch).insertFragment(cursor.selection())
    paragraphs = tuple(
        replace(p, runs=tuple(Run(r.text, r.bold, r.italic) for r in p.runs))
        for p in document_paragraphs(scratch).paragraphs)
    plain = QTextDocument()
    fill_document(plain, paragraphs)
    return QTextDocumentFragment(plain)


def without_reference(fmt: QTextCharFormat) -> QTextCharFormat | None:
    """The format to type with after a chip (the chip's own, minus the chip), or None."""
    if not fmt.hasProperty(TARGET_PROPERTY):
        return None
    clean = QTextCharFormat(fmt)
    for prop in (TARGET_PROPERTY, INLINE_TEXT_PROPERTY,
                 int(QTextFormat.Property.ObjectType), int(QTextFormat.Property.TextToolTip),
                 int(QTextFormat.Property.TextVerticalAlignment)):
        clean.clearProperty(prop)
    return clean


def has_reference(cursor: QTextCursor) -> bool:
    """Whether the cursor's selection holds a chip."""
    return next(chips_between(cursor.document(), cursor.selectionStart(),
                              cursor.selectionEnd()), None) is not None


def find_as_read(document: QTextDocument, needle: str, occurrence: int = 0
                 ) -> QTextCursor | None:
    """A cursor selecting the n-th occurrence of ``needle`` (case-insensitive) in the text
    as it reads, a chip as its label, as the find bar counts it; None if there is none.

    A match that touches a chip selects the whole chip.
    """
    wanted = needle.lower()
    if not wanted:
        return None
    block = document.begin()
    while block.isValid():
        text = block_text(block).lower()
        start = text.find(wanted)
        while start >= 0:
            if occurrence == 0:
                end = start + len(wanted)
                first = block_position(block, start)
                last = block_position(block, end - 1)
                width = 1 if document.characterAt(last) == _OBJECT else len(
                    text[end - 1].encode("utf-16-le")) // 2
                cursor = QTextCursor(document)
                cursor.setPosition(first)
                cursor.setPosition(last + width, QTextCursor.MoveMode.KeepAnchor)
                return cursor
            occurrence -= 1
            start = text.find(wanted, start + len(wanted))
        block = block.next()
    return None
