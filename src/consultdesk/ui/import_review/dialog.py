"""The import review: the detected structure beside the source text, corrected before saving.

Nothing is installed until the official presses Install.  Every correction
edits the :class:`ImportDraft` (roles, wording, limits, merged or split lines)
and the questionnaire is rebuilt from it at once, so the summary below the list
always says what Install would install.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRegularExpression, Qt
from PySide6.QtGui import (
    QColor,
    QRegularExpressionValidator,
    QTextBlockFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.definition_file import definition_to_toml
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.questionnaire import Questionnaire, slugify
from consultdesk.services.imports import ImportDraft, ImportService, Role
from consultdesk.ui.errors import error_text, os_reason, show_error
from consultdesk.ui.import_review.limit_editor import LimitEditor
from consultdesk.ui.import_review.line_list import LineList, role_names
from consultdesk.ui.theme import palette_is_dark


class ImportReviewDialog(QDialog):
    """Review and correct what the importer found in a Word questionnaire, then install it."""

    def __init__(self, parent: QWidget | None, imports: ImportService, path: Path,
                 draft: ImportDraft | None = None) -> None:
        super().__init__(parent)
        self._highlighted: int | None = None  # the source block the list's line came from
        self._imports = imports
        self._path = path
        # Reading first: a bad file raises before any window appears.
        self.draft = draft if draft is not None else imports.read(path)
        self.questionnaire: Questionnaire | None = None
        self.installed: Questionnaire | None = None
        self._id_edited = False
        self.corrected = False  # corrections made and not yet installed or saved
        self.setWindowTitle(self.tr("Import questionnaire – %1").replace("%1", path.name))
        self._build_ui()
        self._fit_to_screen(1280, 800)
        self.title_edit.setText(self.draft.title)
        self.id_edit.setText(slugify(self.draft.title, "imported-questionnaire"))
        self.default_limit.set_limit(self.draft.default_limit)
        self.lines.show_draft(self.draft, select=0)
        self._show_line()
        self._rebuild(edited=False)

    # -- layout ------------------------------------------------------------------------
    def _fit_to_screen(self, width: int, height: int) -> None:
        """Open large, but never larger than the screen the dialog appears on."""
        screen = (self.parentWidget() or self).screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, int(available.width() * 0.95))
            height = min(height, int(available.height() * 0.9))
        self.resize(width, height)

    def _build_ui(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.textEdited.connect(self._on_title_edited)
        self.id_edit = QLineEdit()
        # Only what a definition id may hold can be typed (no error to read afterwards).
        self.id_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}"), self.id_edit))
        self.id_edit.textEdited.connect(self._on_id_edited)
        self.default_limit = LimitEditor(self.tr("Limit"))
        self.default_limit.changed.connect(self._on_default_limit)
        top = QFormLayout()
        top.addRow(self.tr("&Title:"), self.title_edit)
        top.addRow(self.tr("&Id:"), self.id_edit)
        top.addRow(self.tr("For every question without its own limit:"), self.default_limit)

        self.lines = LineList()
        self.lines.currentItemChanged.connect(lambda *_: self._show_line())

        self.role_combo = QComboBox()
        for role, name in role_names().items():
            self.role_combo.addItem(name, role.value)
        self.role_combo.activated.connect(self._on_role)
        self.wording = QPlainTextEdit()
        self.wording.setMaximumHeight(90)
        self.wording.textChanged.connect(self._on_wording)
        self.line_limit = LimitEditor(self.tr("Own limit"))
        self.line_limit.changed.connect(self._on_line_limit)
        self.merge_button = QPushButton(self.tr("&Merge with next line"))
        self.merge_button.clicked.connect(self.merge_with_next)
        self.split_button = QPushButton(self.tr("S&plit at cursor"))
        self.split_button.clicked.connect(self.split_at_cursor)
        edit_buttons = QHBoxLayout()
        edit_buttons.addWidget(self.merge_button)
        edit_buttons.addWidget(self.split_button)
        edit_buttons.addStretch(1)
        detail = QGroupBox(self.tr("Selected line"))
        form = QFormLayout(detail)
        form.addRow(self.tr("&Role:"), self.role_combo)
        form.addRow(self.tr("&Wording:"), self.wording)
        form.addRow(self.tr("Limit:"), self.line_limit)
        form.addRow(edit_buttons)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("Detected structure")))
        left_layout.addWidget(self.lines, 1)
        left_layout.addWidget(detail)

        # A QTextEdit, not a QPlainTextEdit: only it lays out paragraph spacing.
        self.source = QTextEdit()
        self.source.setReadOnly(True)
        self.source.setPlainText("\n".join(self.draft.source_blocks))
        self._space_paragraphs()
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Source document")))
        right_layout.addWidget(self.source, 1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save definition as…"))
        self.save_button.clicked.connect(lambda: self.save_definition())
        self.install_button = QPushButton(self.tr("&Install"))
        self.install_button.setDefault(True)
        self.install_button.clicked.connect(self.install)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.install_button)
        bottom.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def _space_paragraphs(self) -> None:
        """Open a little space under each paragraph of the source, as Word shows them."""
        cursor = QTextCursor(self.source.document())
        cursor.select(QTextCursor.SelectionType.Document)
        spacing = QTextBlockFormat()
        spacing.setBottomMargin(6)
        cursor.mergeBlockFormat(spacing)

    # -- the selected line ---------------------------------------------------------------
    def _row(self) -> int:
        return self.lines.current_row()

    def _show_line(self) -> None:
        """Load the selected line into the editors and show it in the source."""
        row = self._row()
        has = 0 <= row < len(self.draft.lines)
        for widget in (self.role_combo, self.wording, self.merge_button, self.split_button):
            widget.setEnabled(has)
        if not has:
            self.line_limit.setEnabled(False)
            return
        line = self.draft.lines[row]
        self.role_combo.setCurrentIndex(self.role_combo.findData(line.role.value))
        self.wording.blockSignals(True)
        self.wording.setPlainText(line.text)
        self.wording.blockSignals(False)
        is_text_question = line.role is Role.QUESTION and not line.options
        self.line_limit.set_limit(line.limit if is_text_question else None)
        self.line_limit.setEnabled(is_text_question)
        self.merge_button.setEnabled(row < len(self.draft.lines) - 1)
        self._highlight_source(line.block)

    def _highlight_source(self, block_number: int) -> None:
        self._highlighted = block_number
        block = self.source.document().findBlockByNumber(block_number)
        if not block.isValid():
            self.source.setExtraSelections([])
            return
        selection = QTextEdit.ExtraSelection()
        # A softer accent behind the text: lighter on a light palette, darker on a dark one
        # (a lighter one put the dark palette's light text on pale blue, unreadable).
        accent = QColor(self.palette().highlight().color())
        dark = palette_is_dark(self.palette())
        selection.format.setBackground(accent.darker(160) if dark else accent.lighter(160))
        selection.format.setProperty(QTextFormat.Property.FullWidthSelection, True)
        cursor = QTextCursor(block)
        selection.cursor = cursor
        self.source.setExtraSelections([selection])
        self.source.setTextCursor(cursor)
        self.source.ensureCursorVisible()

    def changeEvent(self, event: QEvent) -> None:
        """After a switch between light and dark, the source's highlight in the new colours."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._highlighted is not None:
            self._highlight_source(self._highlighted)

    def _on_role(self, index: int) -> None:
        row = self._row()
        if row < 0:
            return
        self.draft.set_role(row, Role(self.role_combo.itemData(index)))
        self.lines.show_draft(self.draft, select=row)
        self._show_line()
        self._after_title_change()
        self._rebuild()

    def _on_wording(self) -> None:
        row = self._row()
        if row < 0:
            return
        self.draft.set_text(row, self.wording.toPlainText())
        self.lines.update_row(row, self.draft)
        if self.draft.lines[row].role is Role.TITLE:
            self._after_title_change()
        self._rebuild()

    def _on_line_limit(self) -> None:
        row = self._row()
        if row < 0:
            return
        self.draft.set_limit(row, self.line_limit.limit())
        self.lines.update_row(row, self.draft)
        self._rebuild()

    def merge_with_next(self) -> None:
        """Join the selected line with the next one."""
        row = self._row()
        if 0 <= row < len(self.draft.lines) - 1:
            self.draft.merge_with_next(row)
            self.lines.show_draft(self.draft, select=row)
            self._show_line()
            self._rebuild()

    def split_at_cursor(self) -> None:
        """Cut the selected line in two where the cursor is in its wording."""
        row = self._row()
        if row < 0:
            return
        line = self.draft.lines[row]
        cursor = self.wording.textCursor().position()
        start = line.source.find(line.text) if line.text else -1
        offset = (start if start >= 0 else 0) + cursor
        try:
            self.draft.split(row, offset)
        except ValueError:
            QMessageBox.information(self, self.tr("Split line"), self.tr(
                "Place the cursor inside the wording where the second line should begin."))
            return
        self.lines.show_draft(self.draft, select=row)
        self._show_line()
        self._rebuild()

    # -- the whole questionnaire ----------------------------------------------------------
    def _on_title_edited(self, text: str) -> None:
        self.draft.custom_title = text
        if not self._id_edited:
            self.id_edit.setText(slugify(text, "imported-questionnaire"))
        self._rebuild()

    def _after_title_change(self) -> None:
        """Follow the title line unless the user typed a title."""
        if not self.draft.custom_title:
            self.title_edit.setText(self.draft.title)
            if not self._id_edited:
                self.id_edit.setText(slugify(self.draft.title, "imported-questionnaire"))

    def _on_id_edited(self, _text: str) -> None:
        self._id_edited = True
        self._rebuild()

    def _on_default_limit(self) -> None:
        self.draft.default_limit = self.default_limit.limit()
        self.lines.update_limits(self.draft)
        self._rebuild()

    def _rebuild(self, *, edited: bool = True) -> None:
        """Build the questionnaire from the draft and say what Install would install."""
        self.corrected = self.corrected or edited
        try:
            self.questionnaire = self._imports.build(self.draft, self.id_edit.text().strip()
                                                     or None)
        except ConsultDeskError as exc:
            self.questionnaire = None
            self.summary.setText(error_text(exc))
            self.summary.setStyleSheet("color: #b3261e;")
        else:
            questions = list(self.questionnaire.questions())
            limited = sum(1 for q in questions if q.limit is not None)
            self.summary.setStyleSheet("")
            self.summary.setText(
                self.tr("Questions: %1 (%2 with a limit) · Respondent fields: %3 · Sections: %4")
                .replace("%1", str(len(questions))).replace("%2", str(limited))
                .replace("%3", str(len(self.questionnaire.respondent_fields)))
                .replace("%4", str(sum(1 for _ in self.questionnaire.walk_sections()))))
        ok = self.questionnaire is not None
        self.install_button.setEnabled(ok)
        self.save_button.setEnabled(ok)

    def save_definition(self, path: Path | None = None) -> Path | None:
        """Write the definition file (TOML) to share or edit; asks where when no path."""
        if self.questionnaire is None:
            return None
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save questionnaire definition"),
                str(self._path.with_name(f"{self.questionnaire.id}.toml")),
                self.tr("Questionnaire definitions (*.toml)"))
            if not chosen:
                return None
            path = Path(chosen)
        try:
            path.write_text(definition_to_toml(self.questionnaire), encoding="utf-8")
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Save questionnaire definition"),
                                self.tr("Could not save %1: %2").replace("%1", str(path))
                                .replace("%2", os_reason(exc)))
            return None
        self.corrected = False  # the corrections are kept in the saved file
        return path

    def reject(self) -> None:
        """Close without installing; corrections are not thrown away without asking."""
        if self.corrected:
            answer = QMessageBox.question(
                self, self.tr("Discard corrections"),
                self.tr("Discard the corrections you made to this import?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()

    def install(self) -> None:
        """Install the questionnaire and close."""
        if self.questionnaire is None:
            return
        try:
            self.installed = self._imports.install(self.questionnaire)
        except ConsultDeskError as exc:
            show_error(self, self.tr("Install questionnaire"), exc)
            return
        self.accept()
