"""The answer of the selected question, in the widget its kind needs.

Each long-text answer keeps its own QTextDocument for the whole session, so undo
and redo are per answer and survive switching between questions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from consultdesk.domain.counting import Count
from consultdesk.domain.questionnaire import QuestionKind
from consultdesk.domain.references import reference_labels
from consultdesk.ui.editor.answer_editor import AnswerEditor
from consultdesk.ui.editor.references import (
    find_as_read,
    insert_markdown,
    load_markdown,
    set_answered,
)
from consultdesk.ui.response_window.choice_widgets import ChoiceWidget, ShortTextWidget
from consultdesk.ui.response_window.navigator import RESPONDENT_KEY
from consultdesk.ui.response_window.repeating_block import RepeatingBlock
from consultdesk.ui.response_window.respondent_form import RespondentForm
from consultdesk.ui.response_window.session import ResponseSession
from consultdesk.ui.status_icons import AnswerState

_DOCUMENT_MARGIN = 12


def _top_left(widget: QWidget) -> QWidget:
    """Wrap a width-capped form so it sits at the top left instead of floating mid-page."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(widget)  # no alignment: as wide as allowed, from the left edge
    layout.addStretch(1)
    return holder


class AnswerArea(QWidget):
    """Shows and edits one answer (or the respondent details) at a time."""

    def __init__(self, session: ResponseSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.stack = QStackedWidget(self)
        self.text_editor = AnswerEditor(self.stack)
        self.text_editor.edited.connect(self._text_edited)
        session.autosave.add_source(self.flush_pending)  # nothing typed is left out of a save
        self.stack.addWidget(self.text_editor)
        self.other: QWidget | None = None
        self.respondent_form: RespondentForm | None = None
        self._documents: dict[str, QTextDocument] = {}
        #: what each question's cross-references read ("question 2"), from the questionnaire
        self.labels = reference_labels(session.questionnaire)
        #: question id -> whether it has an answer (a chip to an unanswered one is dotted)
        self._has_answer: dict[str, bool] = {}
        session.answer_changed.connect(self._answer_changed)
        self.key = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def document(self, question_id: str) -> QTextDocument:
        """The editing document of a long-text answer (made from the stored Markdown once)."""
        doc = self._documents.get(question_id)
        if doc is None:
            doc = QTextDocument(self)
            doc.setDocumentMargin(_DOCUMENT_MARGIN)
            load_markdown(doc, self._session.text(question_id), self.labels)
            set_answered(doc, self._answered)
            self._documents[question_id] = doc
        return doc

    def _answered(self, question_id: str) -> bool:
        known = self._has_answer.get(question_id)
        if known is None:
            try:
                known = self._session.state(question_id) is not AnswerState.EMPTY
            except KeyError:  # not a question of this questionnaire: drawn as missing
                known = True
            self._has_answer[question_id] = known
        return known

    def _answer_changed(self, question_id: str) -> None:
        """Redraw the chips when a question gains or loses its answer."""
        before = self._has_answer.pop(question_id, None)
        if before is not None and before != self._answered(question_id):
            self.text_editor.editor.viewport().update()

    def flush_pending(self) -> None:
        """Hand any change the editor has not reported yet to the session."""
        self.text_editor.flush_pending()

    def show_key(self, key: str) -> None:
        """Show the answer for a question id, or the respondent form for RESPONDENT_KEY."""
        self.key = key
        if key == RESPONDENT_KEY:
            self._editor_actions(False)
            form = RespondentForm(self._session.questionnaire, self._session.respondent)
            form.changed.connect(self._session.set_respondent)
            self._set_other(_top_left(form))
            self.respondent_form = form
            return
        q = self._session.question(key)
        convention = self._session.questionnaire.convention
        if q.kind is QuestionKind.LONG_TEXT:
            self.text_editor.show_document(key, self.document(key), q.limit, convention)
            self.stack.setCurrentWidget(self.text_editor)
            self._set_other(None)
            self._editor_actions(True)
            return
        self._editor_actions(False)
        widget: QWidget
        if q.kind is QuestionKind.SHORT_TEXT:
            short = ShortTextWidget(self._session.text(key), q.limit, convention)
            short.changed.connect(lambda md, count: self._session.set_answer(key, md, count))
            widget = short
        elif q.kind is QuestionKind.REPEATING:
            block = RepeatingBlock(q, self._session.value(key), convention)
            block.changed.connect(lambda v: self._session.set_answer(key, v))
            block.about_to_remove.connect(
                lambda: self._session.autosave.take_revision(key, "before removing an entry"))
            widget = block
        else:
            choice = ChoiceWidget(q, self._session.value(key))
            choice.changed.connect(lambda v: self._session.set_answer(key, v))
            widget = choice
        self._set_other(widget)

    def _editor_actions(self, on: bool) -> None:
        """Formatting (and the menus' undo) act on the answer editor only while it is shown."""
        editor = self.text_editor.editor
        for action in (editor.action_bold, editor.action_italic, editor.action_bullets,
                       editor.action_numbers, editor.action_outdent, editor.action_indent,
                       editor.action_paste_plain):
            action.setEnabled(on)
        editor.history.set_allowed(on)

    def _set_other(self, widget: QWidget | None) -> None:
        self.respondent_form = None
        if self.other is not None:
            self.stack.removeWidget(self.other)
            self.other.deleteLater()
        self.other = widget
        if widget is not None:
            self.stack.addWidget(widget)
            self.stack.setCurrentWidget(widget)

    def _text_edited(self, key: str, markdown: str, count: Count) -> None:
        self._session.set_answer(key, markdown, count)

    def reload(self, question_id: str) -> None:
        """Show a value that changed outside the editor (a restored revision)."""
        doc = self._documents.get(question_id)
        if doc is not None:
            # One edit block: Ctrl+Z takes the restore back like any other edit.
            cursor = QTextCursor(doc)
            cursor.select(QTextCursor.SelectionType.Document)
            insert_markdown(cursor, self._session.text(question_id), self.labels)
        if self.key == question_id:
            self.show_key(question_id)

    def focus_answer(self) -> None:
        """Put the keyboard focus in the answer."""
        if self.stack.currentWidget() is self.text_editor:
            self.text_editor.editor.setFocus()
        elif self.other is not None:
            # The first control that takes the keyboard (a radio button, a field).
            for child in self.other.findChildren(QWidget):
                if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisible():
                    child.setFocus()
                    return
            self.other.setFocus()

    def select_match(self, needle: str, occurrence: int) -> bool:
        """Select the n-th occurrence of ``needle`` in the shown long-text answer."""
        if self.stack.currentWidget() is not self.text_editor or not needle:
            return False
        # Counted as the find bar counts, in the text as it reads (a chip as its label).
        cursor = find_as_read(self.text_editor.editor.document(), needle, occurrence)
        if cursor is None:
            return False
        self.text_editor.editor.setTextCursor(cursor)
        self.text_editor.editor.setFocus()
        return True
