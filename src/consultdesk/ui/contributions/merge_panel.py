"""Beside the current answer: a received contribution, its count, who and when; append
it, replace the answer with it, insert it at the cursor, or edit it before taking it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from consultdesk.domain.contributions import MergeMode
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.references import reference_labels
from consultdesk.services.contributions import BoardRow, ContributionService, MergeResult
from consultdesk.services.reference_offers import link_reference_phrases, reference_offers
from consultdesk.ui.contributions.receive_text import row_label
from consultdesk.ui.editor.answer_editor import AnswerEditor
from consultdesk.ui.editor.references import load_markdown
from consultdesk.ui.errors import show_error
from consultdesk.ui.library.formatting import full_timestamp
from consultdesk.ui.wrapping_check_box import WrappingCheckBox


class MergePanel(QWidget):
    """Shows one contribution and merges it through the service."""

    #: the question id whose stored answer the merge changed
    merged = Signal(str)
    closed = Signal()

    def __init__(self, service: ContributionService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._service = service
        self.row: BoardRow | None = None
        self.last: MergeResult | None = None
        self._edited: str | None = None
        self.title = QLabel(self)
        font = QFont(self.font())
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.fields = QLabel(self)  # a block entry's fields, read only
        self.fields.setWordWrap(True)
        self.editor = AnswerEditor(self, toolbar=False)
        self.editor.editor.setReadOnly(True)
        self.editor.editor.setAccessibleName(self.tr("Contribution"))
        self.editor.edited.connect(self._changed)
        self._document = QTextDocument(self)
        self._value = ""
        self._limit: object = None
        self._convention: object = None
        #: the response's questionnaire (the window sets it): references' labels, offers
        self.questionnaire: Questionnaire | None = None
        # "See the answer for Q2" in what they sent: offered as a live reference.
        self.link_references = WrappingCheckBox(parent=self)
        self.link_references.hide()
        self.link_references.toggled.connect(lambda _on: self._fill())
        self.append_button = QPushButton(self.tr("&Append"), self)
        self.append_button.setToolTip(self.tr("Add it after the answer"))
        self.append_button.clicked.connect(lambda: self.take(MergeMode.APPEND))
        self.replace_button = QPushButton(self.tr("&Replace"), self)
        self.replace_button.setToolTip(self.tr("Replace the answer with it"))
        self.replace_button.clicked.connect(lambda: self.take(MergeMode.REPLACE))
        self.insert_button = QPushButton(self.tr("&Insert at cursor"), self)
        self.insert_button.setToolTip(self.tr("Insert it after the paragraph with the cursor"))
        self.insert_button.clicked.connect(lambda: self.take(MergeMode.INSERT))
        self.edit_button = QPushButton(self.tr("&Edit first"), self)
        self.edit_button.setCheckable(True)
        self.edit_button.toggled.connect(self._editable)
        self.undo_button = QPushButton(self.tr("&Undo merge"), self)
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self._close)
        row1 = QHBoxLayout()
        for b in (self.append_button, self.replace_button, self.insert_button):
            row1.addWidget(b)
        row2 = QHBoxLayout()
        for b in (self.edit_button, self.undo_button):
            row2.addWidget(b)
        row2.addStretch(1)
        row2.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 8, 6)
        layout.addWidget(self.title)
        layout.addWidget(self.who)
        layout.addWidget(self.fields)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.link_references)
        layout.addLayout(row1)
        layout.addLayout(row2)
        #: the paragraph after which INSERT puts the contribution (the window sets it)
        self.cursor_paragraph = lambda: None
        #: called before the service writes the answer (the window saves pending typing)
        self.before_write = lambda: None

    def show_row(self, row: BoardRow, question_limit: object, convention: object) -> None:
        """Show a board row's current contribution."""
        assert row.contribution is not None
        self.row = row
        self._edited = None
        self.edit_button.setChecked(False)
        c = row.contribution
        self.title.setText(f"{row.number}  {row_label(row)}".strip())
        when = full_timestamp(c.received_at)
        who = self.tr("From {who}, received {when}").format(who=row.contributor.display,
                                                             when=when)
        if row.share:
            who += "\n" + self.tr("Their share: about {n}").format(n=f"{row.share:,}")
        self.who.setText(who)
        value = c.value
        text = value if isinstance(value, str) else None
        is_text = text is not None
        self.fields.setVisible(not is_text)
        self.editor.setVisible(is_text)
        self.insert_button.setEnabled(is_text)
        self.edit_button.setEnabled(is_text)
        offers = (reference_offers(text, self.questionnaire, row.item.question_id)
                  if text is not None and self.questionnaire is not None else [])
        self.link_references.blockSignals(True)
        self.link_references.setChecked(False)
        self.link_references.blockSignals(False)
        self.link_references.setText(self.tr(
            "Turn pointers to other answers (“See the answer for Q2”) into live references "
            "({count} found)").format(count=len(offers)))
        self.link_references.setVisible(bool(offers))
        if text is not None:
            self._value, self._limit, self._convention = text, question_limit, convention
            self._fill()
        elif isinstance(value, dict):
            self.fields.setText("\n\n".join(f"{k}:\n{v}" for k, v in value.items()))
        self.show()

    def _linked(self, markdown: str) -> str:
        """``markdown`` with its pointers linked, when that is ticked."""
        if not self.link_references.isChecked() or self.questionnaire is None or (
                self.row is None):
            return markdown
        return link_reference_phrases(markdown, self.questionnaire, self.row.item.question_id)

    def _fill(self) -> None:
        """Show the contribution (as edited, with its pointers linked when that is ticked)."""
        if self.row is None or self.row.contribution is None:
            return
        self.editor.flush_pending()
        base = self._edited if self._edited is not None else self._value
        self._document = QTextDocument(self)
        labels = reference_labels(self.questionnaire) if self.questionnaire else None
        load_markdown(self._document, self._linked(base), labels)
        self.editor.show_document(f"contribution-{self.row.contribution.id}", self._document,
                                  self._limit, self._convention)  # type: ignore[arg-type]

    def _editable(self, on: bool) -> None:
        self.editor.editor.setReadOnly(not on)
        if on:
            self.editor.editor.setFocus()

    def _changed(self, _key: str, markdown: str, _count: object) -> None:
        self._edited = markdown

    def take(self, mode: MergeMode) -> MergeResult | None:
        """Merge the contribution (as edited, if it was) into the answer."""
        if self.row is None or self.row.contribution is None:
            return None
        self.editor.flush_pending()
        after = self.cursor_paragraph() if mode is MergeMode.INSERT else None
        self.before_write()
        try:
            edited = self._edited
            if self.link_references.isChecked():
                edited = self._linked(edited if edited is not None else self._value)
            self.last = self._service.merge(self.row.contribution.id, mode,
                                            edited=edited, after=after)
        except ConsultDeskError as exc:
            show_error(self, self.tr("Merge"), exc)
            return None
        self.undo_button.setEnabled(True)
        self.merged.emit(self.last.question_id)
        return self.last

    def undo(self) -> None:
        """Put the answer back as it was before the last merge."""
        if self.last is None:
            return
        self.before_write()
        try:
            self._service.undo_merge(self.last)
        except ConsultDeskError as exc:
            show_error(self, self.tr("Merge"), exc)
            return
        question = self.last.question_id
        self.last = None
        self.undo_button.setEnabled(False)
        self.merged.emit(question)

    def _close(self) -> None:
        self.hide()
        self.closed.emit()
