"""The answer editor: a QTextEdit limited to paragraphs, bold, italic and nested lists."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFont,
    QGuiApplication,
    QHelpEvent,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QResizeEvent,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextList,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit, QToolBar, QToolButton, QToolTip, QWidget

from consultdesk.domain.rich_text import ListType
from consultdesk.ui.editor import references
from consultdesk.ui.editor.document_model import fix_spacing, list_kind
from consultdesk.ui.editor.paste_filter import insert_mime_data
from consultdesk.ui.editor.undo_steps import HistoryActions, TypingSteps

_STYLE_FOR = {ListType.BULLET: QTextListFormat.Style.ListDisc,
              ListType.ORDERED: QTextListFormat.Style.ListDecimal}
_BULLET_STYLES = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle,
                  QTextListFormat.Style.ListSquare)
MAX_LEVEL = 6
MAX_LINE_CHARS = 110


def _list_format(kind: ListType, level: int) -> QTextListFormat:
    fmt = QTextListFormat()
    fmt.setStyle(_BULLET_STYLES[(level - 1) % 3] if kind is ListType.BULLET
                 else QTextListFormat.Style.ListDecimal)
    fmt.setIndent(level)
    return fmt


class RichEditor(QTextEdit):
    """Rich text with the formatting answers keep; paste keeps only that, too."""

    #: a cross-reference's target question id (Ctrl+click, or its context-menu item)
    reference_activated = Signal(str)
    #: the document positions a paste filled (start, end), after the paste
    pasted = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: actions the window adds to the context menu (Insert ▸ Reference…)
        self.context_actions: list[QAction] = []
        self.setAcceptRichText(True)
        self.setTabChangesFocus(True)  # Tab leaves the editor, except inside a list
        self.setAccessibleName(self.tr("Answer"))
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)  # read all day: a touch larger than the UI
        self.setFont(font)
        self.action_bold = self._action(self.tr("Bold"), QKeySequence.StandardKey.Bold,
                                        self._set_bold, checkable=True)
        self.action_italic = self._action(self.tr("Italic"), QKeySequence.StandardKey.Italic,
                                          self._set_italic, checkable=True)
        self.action_bullets = self._action(self.tr("Bulleted list"), "Ctrl+Shift+8",
                                           lambda: self.toggle_list(ListType.BULLET),
                                           checkable=True)
        self.action_numbers = self._action(self.tr("Numbered list"), "Ctrl+Shift+7",
                                           lambda: self.toggle_list(ListType.ORDERED),
                                           checkable=True)
        self.action_outdent = self._action(self.tr("Decrease indent"), "Ctrl+[", self.outdent)
        self.action_indent = self._action(self.tr("Increase indent"), "Ctrl+]", self.indent)
        self.action_paste_plain = self._action(self.tr("Paste as plain text"), "Ctrl+Shift+V",
                                               self.paste_plain)
        self.action_undo = self._action(self.tr("Undo"), QKeySequence.StandardKey.Undo, self.undo)
        self.action_redo = self._action(self.tr("Redo"), QKeySequence.StandardKey.Redo, self.redo)
        self.history = HistoryActions(self.action_undo, self.action_redo, self)
        self.history.track(self.document())
        #: how typed keys are grouped into undo steps (its clock is the tests' to set)
        self.typing_steps = TypingSteps()
        self.currentCharFormatChanged.connect(self._sync_format)
        self.currentCharFormatChanged.connect(self._leave_reference)
        self.cursorPositionChanged.connect(self._sync_list)
        self.setMouseTracking(True)  # the pointing hand over a cross-reference
        references.ensure_chips(self.document())

    def _action(self, text: str, shortcut: QKeySequence.StandardKey | str, slot: object, *,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setCheckable(checkable)
        action.setToolTip(f"{text} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- formatting -------------------------------------------------------------
    def _merge(self, fmt: QTextCharFormat) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()  # one undo step, however many merges it takes
        try:
            self._merge_in(cursor, fmt)
        finally:
            cursor.endEditBlock()

    def _merge_in(self, cursor: QTextCursor, fmt: QTextCharFormat) -> None:
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
            if cursor.hasSelection() and self.textCursor().position() not in (
                    cursor.selectionStart(), cursor.selectionEnd()):
                cursor.mergeCharFormat(fmt)
        else:
            cursor.mergeCharFormat(fmt)
        self.mergeCurrentCharFormat(fmt)

    def _set_bold(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        self._merge(fmt)

    def _set_italic(self, on: bool) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(on)
        self._merge(fmt)

    def _sync_format(self, fmt: QTextCharFormat) -> None:
        self.action_bold.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold)
        self.action_italic.setChecked(fmt.fontItalic())

    def _sync_list(self) -> None:
        text_list = self.textCursor().currentList()
        kind = list_kind(text_list) if text_list is not None else None
        self.action_bullets.setChecked(kind is ListType.BULLET)
        self.action_numbers.setChecked(kind is ListType.ORDERED)

    # -- lists ------------------------------------------------------------------
    def toggle_list(self, kind: ListType) -> None:
        """Make the selected paragraphs a list of this kind, or plain paragraphs if they are."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        current = cursor.currentList()
        if current is not None and list_kind(current) is kind:
            self._remove_from_lists(cursor)
        elif current is not None:
            fmt = current.format()
            fmt.setStyle(_list_format(kind, fmt.indent()).style())
            current.setFormat(fmt)
        else:
            cursor.createList(_list_format(kind, 1))
        self._fix_selected_spacing(cursor)
        cursor.endEditBlock()
        self._sync_list()

    def _fix_selected_spacing(self, cursor: QTextCursor) -> None:
        doc = self.document()
        fix_spacing(doc.findBlock(cursor.selectionStart()), doc.findBlock(cursor.selectionEnd()))

    def _fix_spacing_here(self) -> None:
        """Spacing as a reload gives it, around the cursor (after Enter, a join, a paste)."""
        block = self.textCursor().block()
        fix_spacing(block, block)

    def _selected_blocks(self, cursor: QTextCursor) -> list:
        doc = self.document()
        first = doc.findBlock(cursor.selectionStart())
        last = doc.findBlock(cursor.selectionEnd())
        blocks, block = [], first
        while block.isValid():
            blocks.append(block)
            if block == last:
                break
            block = block.next()
        return blocks

    def _remove_from_lists(self, cursor: QTextCursor) -> None:
        for block in self._selected_blocks(cursor):
            text_list = block.textList()
            if text_list is not None:
                text_list.remove(block)
                c = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setIndent(0)
                c.setBlockFormat(fmt)

    def _list_before(self, block: QTextBlock, level: int) -> QTextList | None:
        """The nearest list at ``level`` above the block within the same run of list items."""
        prev = block.previous()
        while prev.isValid() and prev.textList() is not None:
            lst = prev.textList()
            if lst.format().indent() == level:
                return lst
            if lst.format().indent() < level:
                return None
            prev = prev.previous()
        return None

    def _move_level(self, delta: int) -> None:
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks(cursor):
            current = block.textList()
            if current is None:
                continue
            level = current.format().indent() + delta
            if level < 1:
                current.remove(block)
                c = QTextCursor(block)
                fmt = block.blockFormat()
                fmt.setIndent(0)
                c.setBlockFormat(fmt)
                continue
            level = min(level, MAX_LEVEL)
            kind = list_kind(current)
            target = self._list_before(block, level)
            if target is not None and list_kind(target) is kind:
                target.add(block)
            else:
                c = QTextCursor(block)
                c.createList(_list_format(kind, level))
        self._fix_selected_spacing(cursor)
        cursor.endEditBlock()
        self._sync_list()

    def indent(self) -> None:
        """Nest the selected list items one level deeper."""
        self._move_level(+1)

    def outdent(self) -> None:
        """Move the selected list items one level out (out of the list from the top level)."""
        self._move_level(-1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Very long lines are hard to read on wide screens: wrap at about 110 characters.
        limit = self.fontMetrics().averageCharWidth() * MAX_LINE_CHARS
        if self.viewport().width() > limit:
            self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
            self.setLineWrapColumnOrWidth(limit)
        else:
            self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        super().resizeEvent(event)

    def setDocument(self, document: QTextDocument) -> None:
        """Edit another document (its own undo history comes with it)."""
        references.ensure_chips(document)
        super().setDocument(document)
        self.history.track(document)

    # -- cross-references ---------------------------------------------------------
    def _leave_reference(self, fmt: QTextCharFormat) -> None:
        """After a chip, type in the text's format, not the chip's."""
        clean = references.without_reference(fmt)
        # (never with a selection: setCurrentCharFormat would apply it to the selected chip)
        if clean is not None and not self.textCursor().hasSelection():
            self.setCurrentCharFormat(clean)

    def reference_under(self, point: object) -> tuple[int, str, str] | None:
        """The chip at a viewport point: (position, target id, label), or None."""
        position = self.cursorForPosition(point).position()  # type: ignore[arg-type]

        def left_of(p: int) -> float:
            c = QTextCursor(self.document())
            c.setPosition(p)
            return self.cursorRect(c).left()

        return references.reference_near(self.document(), position,
                                         point.x(), left_of)  # type: ignore[attr-defined]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if (event.button() == Qt.MouseButton.LeftButton
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            found = self.reference_under(event.position().toPoint())
            if found is not None:
                self.reference_activated.emit(found[1])
                event.accept()
                return
        super().mousePressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.reference_under(event.pos())
            if found is not None:
                state = references.reference_state(self.document(), found[0])
                tip = {references.ChipState.MISSING: self.tr(
                           "{label}: not a question of this questionnaire"),
                       references.ChipState.UNANSWERED: self.tr(
                           "{label} has no answer yet (Ctrl+click to go to it)")}.get(
                    state, self.tr("Ctrl+click to go to {label}"))
                text = tip.format(label=found[2])
                # A sentence opening with the label ("question 6 has no answer yet")
                # starts with a capital, as the preflight's lines do.
                QToolTip.showText(event.globalPos(), text[:1].upper() + text[1:],
                                  self.viewport())
                return True
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        on_chip = self.reference_under(event.position().toPoint()) is not None
        self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if on_chip
                                  else Qt.CursorShape.IBeamCursor)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        found = self.reference_under(event.pos())
        first = menu.actions()[0] if menu.actions() else None
        if found is not None:
            target = found[1]
            go = QAction(self.tr("Go to {label}").format(label=found[2]), menu)
            go.triggered.connect(lambda: self.reference_activated.emit(target))
            if first is None:  # an empty menu: nothing to put it before
                menu.addAction(go)
            else:
                menu.insertAction(first, go)
                menu.insertSeparator(first)
        if self.context_actions:
            menu.addSeparator()
            for action in self.context_actions:
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def createMimeDataFromSelection(self) -> QMimeData:
        cursor = self.textCursor()
        if not cursor.hasSelection() or not references.has_reference(cursor):
            return super().createMimeDataFromSelection()
        # Chips survive a copy between answers; other programs get their labels as words,
        # with the formatting (Qt would give them an empty object instead).
        outside = references.selection_for_other_programs(cursor)
        copy = QMimeData()
        copy.setHtml(outside.toHtml())
        copy.setText(outside.toPlainText())
        copy.setData("text/markdown", outside.toMarkdown().encode("utf-8"))
        copy.setData(references.MARKDOWN_MIME,
                     references.selection_markdown(cursor).encode("utf-8"))
        return copy

    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasFormat(references.MARKDOWN_MIME) or super().canInsertFromMimeData(
            source)

    # -- keys and paste ---------------------------------------------------------
    def _typed_text(self, event: QKeyEvent) -> str:
        """The text a key types into the answer ("" for shortcuts, Enter, Tab, deletions)."""
        text = event.text()
        commands = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                    | Qt.KeyboardModifier.MetaModifier)
        if not text or not text.isprintable() or event.modifiers() & commands:
            return ""
        return text

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        if event.commitString():  # a committed phrase (Japanese input) is one undo step
            self.typing_steps.step(self.textCursor(), lambda: super(RichEditor, self)
                              .inputMethodEvent(event))
            return
        super().inputMethodEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        cursor = self.textCursor()
        in_list = cursor.currentList() is not None
        key, mods = event.key(), event.modifiers()
        if in_list and key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ControlModifier:
            self.indent()
            return
        if in_list and key == Qt.Key.Key_Backtab:
            self.outdent()
            return
        if (in_list and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not mods & Qt.KeyboardModifier.ShiftModifier
                and not cursor.block().text()):
            self.outdent()  # Enter on an empty item ends the list, as in Word
            return
        text = self._typed_text(event)
        if text:
            self.typing_steps.type(cursor, text, lambda: self._key_then_spacing(event))
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.typing_steps.step(cursor, lambda: self._key_then_spacing(event))
            return
        if key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not mods & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.typing_steps.delete(cursor, lambda: self._key_then_spacing(event))
            return
        super().keyPressEvent(event)

    def _key_then_spacing(self, event: QKeyEvent) -> None:
        blocks = self.document().blockCount()
        super().keyPressEvent(event)
        if self.document().blockCount() != blocks or self.textCursor().block().text() == "":
            self._fix_spacing_here()

    def insertFromMimeData(self, source: QMimeData) -> None:
        cursor = self.textCursor()
        start = cursor.selectionStart()
        first = self.document().findBlock(start).blockNumber()
        cursor.beginEditBlock()  # the paste and its spacing: one undo step
        if source.hasFormat(references.MARKDOWN_MIME):  # copied here: keep the chips
            markdown = bytes(source.data(references.MARKDOWN_MIME).data()).decode("utf-8")
            references.insert_markdown(cursor, markdown)
            inserted = True
        else:
            inserted = insert_mime_data(cursor, source)
        if inserted:
            fix_spacing(self.document().findBlockByNumber(first), cursor.block())
        cursor.endEditBlock()
        if inserted:
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            self.pasted.emit(start, cursor.position())

    def paste_plain(self) -> None:
        """Paste the clipboard's text without any formatting."""
        text = QGuiApplication.clipboard().text()
        if text:
            cursor = self.textCursor()
            start = cursor.selectionStart()
            first = self.document().findBlock(start).blockNumber()
            cursor.beginEditBlock()
            cursor.insertText(text.replace("\r\n", "\n"), QTextCharFormat())
            fix_spacing(self.document().findBlockByNumber(first), cursor.block())
            cursor.endEditBlock()
            self.ensureCursorVisible()
            self.pasted.emit(start, cursor.position())

    def build_toolbar(self, parent: QWidget | None = None) -> QToolBar:
        """A small toolbar with the formatting actions (no mouse needed: all have shortcuts)."""
        bar = QToolBar(self.tr("Formatting"), parent)
        bar.setAccessibleName(self.tr("Formatting"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        labels = [(self.action_bold, "B"), (self.action_italic, "I"), None,
                  (self.action_bullets, self.tr("• List")),
                  (self.action_numbers, self.tr("1. List")), None,
                  (self.action_outdent, "⇤"), (self.action_indent, "⇥"), None,
                  (self.action_undo, "↶"), (self.action_redo, "↷")]
        for entry in labels:
            if entry is None:
                bar.addSeparator()
                continue
            action, label = entry
            action.setIconText(label)  # menus keep the full text; the bar shows the short one
            bar.addAction(action)
            button = bar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setAccessibleName(action.text())
                font = button.font()
                font.setBold(action is self.action_bold)
                font.setItalic(action is self.action_italic)
                button.setFont(font)
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keyboard users have shortcuts
        return bar
