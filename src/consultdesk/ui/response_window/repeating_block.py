"""A repeating block ("Measure 1", "Measure 2", …): add, remove and reorder entries."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.questionnaire import Convention, Field_, Question, QuestionKind
from consultdesk.domain.response import AnswerValue
from consultdesk.domain.rich_text import escape_markdown, parse_markdown, plain_text
from consultdesk.ui.editor.answer_editor import AnswerEditor
from consultdesk.ui.editor.document_model import fill_document
from consultdesk.ui.response_window.choice_widgets import option_combo


class RepeatingBlock(QWidget):
    """Every entry of a repeating block as a small form."""

    #: the whole list of entries after any change
    changed = Signal(object)
    #: emitted before an entry is removed, so a revision can keep it
    about_to_remove = Signal()

    def __init__(self, question: Question, value: AnswerValue, convention: Convention,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._question, self._convention = question, convention
        self.entries: list[dict[str, Any]] = [dict(e) for e in value if isinstance(e, dict)] \
            if isinstance(value, list) else []
        self._scroll = QScrollArea(self)
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.add_button = QPushButton(
            self.tr("&Add {entry}").format(entry=question.entry_label.lower()), self)
        self.add_button.clicked.connect(self.add_entry)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll, 1)
        self.groups: list[QGroupBox] = []
        self._rebuild()

    def _rebuild(self) -> None:
        host = QWidget()
        column = QVBoxLayout(host)
        column.setContentsMargins(0, 0, 8, 0)
        self.groups = []
        for index, entry in enumerate(self.entries):
            group = self._entry_box(index, entry, host)
            column.addWidget(group)
            self.groups.append(group)
        if not self.entries:
            empty = QLabel(self.tr("No entries yet. Add the first with the button below."), host)
            empty.setWordWrap(True)
            column.addWidget(empty)
        # The old host is deleted with setWidget: keep the button by moving it over first.
        self.add_button.setParent(None)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        column.addLayout(row)
        column.addStretch(1)
        self._scroll.setWidget(host)
        limit = self._question.max_entries
        self.add_button.setEnabled(limit is None or len(self.entries) < limit)

    def _entry_box(self, index: int, entry: dict[str, Any], host: QWidget) -> QGroupBox:
        label = f"{self._question.entry_label} {index + 1}"
        group = QGroupBox(label, host)
        group.setAccessibleName(label)
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for f in self._question.fields:
            form.addRow(f.label + (" *" if f.required else ""),
                        self._field_widget(index, f, entry.get(f.id) or "", group))
        buttons = QHBoxLayout()
        for text, name, slot, enabled in (
            (self.tr("Move up"), self.tr("Move {entry} up"), lambda: self.move_entry(index, -1),
             index > 0),
            (self.tr("Move down"), self.tr("Move {entry} down"), lambda: self.move_entry(index, 1),
             index < len(self.entries) - 1),
            (self.tr("Remove"), self.tr("Remove {entry}"), lambda: self.remove_entry(index),
             True),
        ):
            button = QPushButton(text, group)
            button.setAccessibleName(name.format(entry=label))
            button.setEnabled(enabled)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        form.addRow(buttons)
        return group

    def _field_widget(self, index: int, f: Field_, value: Any, parent: QWidget) -> QWidget:
        if f.kind is QuestionKind.LONG_TEXT:
            editor = AnswerEditor(parent, toolbar=False)
            editor.setMinimumHeight(120)
            editor.setMaximumHeight(170)  # several entries fit on one screen
            document = QTextDocument(editor)
            fill_document(document, parse_markdown(value if isinstance(value, str) else ""))
            editor.show_document(f"{index}.{f.id}", document, f.limit, self._convention)
            editor.editor.setAccessibleName(f.label)
            editor.edited.connect(lambda _k, md, _c, i=index, fid=f.id: self._set(i, fid, md))
            return editor
        if f.kind is QuestionKind.SHORT_TEXT:
            line = QLineEdit(plain_text(value) if isinstance(value, str) else "", parent)
            line.setAccessibleName(f.label)
            line.textEdited.connect(
                lambda text, i=index, fid=f.id: self._set(i, fid, escape_markdown(text)))
            return line
        combo = option_combo(f.choices, value if isinstance(value, str) else "", parent)
        combo.setAccessibleName(f.label)
        combo.currentIndexChanged.connect(
            lambda _n, i=index, fid=f.id, c=combo: self._set(i, fid, c.currentData() or ""))
        return combo

    def _set(self, index: int, field_id: str, value: Any) -> None:
        self.entries[index][field_id] = value
        self.changed.emit(self.value())

    def value(self) -> list[dict[str, Any]]:
        """The entries as stored (a copy)."""
        return [dict(e) for e in self.entries]

    def add_entry(self) -> None:
        """Append an empty entry and put the cursor in its first field."""
        self.entries.append({})
        self._rebuild()
        self.changed.emit(self.value())
        group = self.groups[-1]
        self._scroll.ensureWidgetVisible(group)
        for child in group.findChildren(QWidget):
            if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isEnabled():
                child.setFocus()
                break

    def remove_entry(self, index: int) -> None:
        """Remove one entry (a revision keeps it first)."""
        self.about_to_remove.emit()
        del self.entries[index]
        self._rebuild()
        self.changed.emit(self.value())

    def move_entry(self, index: int, delta: int) -> None:
        """Move an entry up (-1) or down (+1) (not QWidget.move, which places the widget)."""
        target = index + delta
        if not 0 <= target < len(self.entries):
            return
        self.entries[index], self.entries[target] = self.entries[target], self.entries[index]
        self._rebuild()
        self.changed.emit(self.value())
