"""Cross-references in the editor: one non-editable chip per ``[question 2](#ref:q2)``.

A reference is a single object character (U+FFFC) whose character format carries
the object type ``REFERENCE_OBJECT``, the target question id and the label it shows
(``INLINE_TEXT_PROPERTY``, so block counting reads and counts it as its label);
``document_model`` turns it into a domain run with a ``reference`` and back, so the
Markdown goes in and out through ``rich_text`` like any other formatting.  Being one
character, the cursor steps over it, Backspace and Delete take it whole, nothing can
be typed inside it, and inserting or removing it is one undo step.
:class:`ReferenceChip` paints it as a link-like chip; a chip whose target is not in
the questionnaire is drawn dashed in the warning colour.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

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
    document_paragraphs,
    fill_document,
    insert_paragraphs,
    reference_format,
)

#: A chip's target is missing from the questionnaire (drawn as a warning).
MISSING_PROPERTY = 0x100012
TARGET_PROPERTY = REFERENCE_TARGET_PROPERTY
_OBJECT = "\ufffc"
_PAD_X, _PAD_Y, _RADIUS = 5.0, 1.0, 4.0


class ReferenceChip(QPyTextObject):
    """Lays out and paints a reference as a rounded, link-coloured chip with its label."""

    def _font(self, document: QTextDocument, fmt: QTextFormat) -> QFont:
        font = fmt.toCharFormat().font().resolve(document.defaultFont())
        # Every attribute as laid out: a painter would otherwise fill unset ones (the size)
        # from the widget's font, and the label would overrun its box.
        font.setResolveMask(0xFFFFFFFF)
        return font

    def intrinsicSize(self, document: QTextDocument, _position: int,
                      fmt: QTextFormat) -> QSizeF:
        """The label's width plus padding, a line of the text's font high."""
        metrics = QFontMetricsF(self._font(document, fmt))
        label = str(fmt.property(INLINE_TEXT_PROPERTY) or "")
        return QSizeF(metrics.horizontalAdvance(label) + 2 * _PAD_X, metrics.height())

    def drawObject(self, painter: QPainter, rect: QRectF | QRect, document: QTextDocument,
                   _position: int, fmt: QTextFormat) -> None:
        """Paint the chip: a tinted rounded box, the label in the link colour."""
        rect = QRectF(rect)
        palette = QGuiApplication.palette()
        missing = bool(fmt.property(MISSING_PROPERTY))
        ink = QColor(palette.color(QPalette.ColorRole.BrightText if missing
                                   else QPalette.ColorRole.Link))
        fill, edge = QColor(ink), QColor(ink)
        fill.setAlphaF(0.13)
        edge.setAlphaF(0.55)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = rect.adjusted(0.5, _PAD_Y, -0.5, -_PAD_Y)
        pen = QPen(edge, 1.0, Qt.PenStyle.DashLine if missing else Qt.PenStyle.SolidLine)
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


def ensure_chips(document: QTextDocument) -> None:
    """Make ``document`` paint references as chips (once per document)."""
    layout = document.documentLayout()
    if layout.handlerForObject(REFERENCE_OBJECT) is None:
        layout.registerHandler(REFERENCE_OBJECT, ReferenceChip(document))


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


def reference_missing(document: QTextDocument, position: int) -> bool:
    """Whether the chip at ``position`` points to a question the questionnaire lacks."""
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)
    return bool(cursor.charFormat().property(MISSING_PROPERTY))


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


def _mark_missing(document: QTextDocument, start: int, end: int,
                  labels: Mapping[str, str] | None) -> None:
    """Flag the chips between ``start`` and ``end`` whose target has no label."""
    if not labels:
        return
    missing = QTextCharFormat()
    missing.setProperty(MISSING_PROPERTY, True)
    for position in range(start, min(end, document.characterCount() - 1)):
        found = reference_at(document, position)
        if found is not None and found[0] not in labels:
            cursor = QTextCursor(document)
            cursor.setPosition(position)
            cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(missing)


def load_markdown(document: QTextDocument, markdown: str,
                  labels: Mapping[str, str] | None = None) -> None:
    """Fill ``document`` with an answer's Markdown, references as chips with current labels.

    ``labels`` maps question ids to their current labels; a reference to an id not in
    it keeps its stored text (and is drawn as missing when ``labels`` is given).
    """
    ensure_chips(document)
    fill_document(document, parse_markdown(render_references(markdown, labels or {})))
    if "\ufffc" in document.toPlainText():
        _mark_missing(document, 0, document.characterCount(), labels)
        document.clearUndoRedoStacks()
        document.setModified(False)


def insert_markdown(cursor: QTextCursor, markdown: str,
                    labels: Mapping[str, str] | None = None, *,
                    first_in_place: bool = True) -> None:
    """Insert an answer's Markdown at the cursor, references as chips (one edit block)."""
    document = cursor.document()
    ensure_chips(document)
    cursor.beginEditBlock()
    cursor.removeSelectedText()
    start = cursor.position()
    insert_paragraphs(cursor, parse_markdown(render_references(markdown, labels or {})),
                      first_in_place=first_in_place)
    _mark_missing(document, start, cursor.position(), labels)
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
    for prop in (TARGET_PROPERTY, INLINE_TEXT_PROPERTY, MISSING_PROPERTY,
                 int(QTextFormat.Property.ObjectType), int(QTextFormat.Property.TextToolTip),
                 int(QTextFormat.Property.TextVerticalAlignment)):
        clean.clearProperty(prop)
    return clean


def has_reference(cursor: QTextCursor) -> bool:
    """Whether the cursor's selection holds a chip."""
    return _OBJECT in cursor.selection().toPlainText() and any(
        reference_at(cursor.document(), p) is not None
        for p in range(cursor.selectionStart(), cursor.selectionEnd()))
