"""The response being edited: its answers in memory, their counts and states, and autosave."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.counting import Count, Status, measure
from consultdesk.domain.questionnaire import (
    CHOICE_KINDS,
    Budget,
    Question,
    QuestionKind,
    Questionnaire,
    Section,
)
from consultdesk.domain.response import (
    AnswerValue,
    Progress,
    budget_usage,
    counted_items,
    is_answered,
    is_relevant,
    preflight,
    progress,
    rendered_text,
)
from consultdesk.ui.response_window.autosave import Autosaver
from consultdesk.ui.status_icons import AnswerState, answer_state

if TYPE_CHECKING:
    from consultdesk.domain.response import Problem
    from consultdesk.services.records import ResponseData


class ResponseSession(QObject):
    """Holds one response while its window is open; every change goes through here."""

    answer_changed = Signal(str)   # question id
    relevance_changed = Signal()   # some conditional question appeared or disappeared
    done_changed = Signal(str)     # question id
    respondent_changed = Signal(str)

    def __init__(self, responses: Any, response_id: str, parent: QObject | None = None, *,
                 author: Author | None = None) -> None:
        super().__init__(parent)
        self.responses = responses
        self.response_id = response_id
        data: ResponseData = responses.load(response_id)
        self.data = data
        self.questionnaire: Questionnaire = data.questionnaire
        self.answers: dict[str, AnswerValue] = dict(data.answers)
        self.respondent: dict[str, str] = dict(data.respondent)
        self.done: dict[str, bool] = dict(data.done)
        #: question id -> the stored version the text here is based on (autosave states
        #: it; a change from elsewhere moves it once taken)
        self.versions: dict[str, int] = dict(data.versions)
        self.author = author or Author(WriterKind.APP)
        self._counts: dict[str, Count] = {}
        #: the editor's counts of the answers it handed over (of the text as it shows it,
        #: references rendered), so progress does not count those answers again
        self._editor_counts: dict[str, Count] = {}
        self._relevant = self._relevant_ids()
        self.autosave = Autosaver(responses, response_id, self, versions=self.versions,
                                  author=self.author)

    # -- reading ---------------------------------------------------------------
    def question(self, question_id: str) -> Question:
        """The question with this id."""
        return self.questionnaire.question(question_id)

    def value(self, question_id: str) -> AnswerValue:
        """The current (possibly not yet saved) value of an answer."""
        return self.answers.get(question_id)

    def text(self, question_id: str) -> str:
        """A text answer's Markdown ("" when none)."""
        value = self.answers.get(question_id)
        return value if isinstance(value, str) else ""

    def _relevant_ids(self) -> frozenset[str]:
        return frozenset(q.id for q in self.questionnaire.questions()
                         if is_relevant(q, self.answers))

    def is_relevant(self, question_id: str) -> bool:
        """Whether the question applies given the answers so far."""
        return question_id in self._relevant

    def count(self, question_id: str) -> Count | None:
        """A text answer's count against its limit (None for other kinds)."""
        q = self.question(question_id)
        if not q.is_text:
            return None
        if question_id not in self._counts:
            # References count as the labels they read in this questionnaire version.
            text = rendered_text(self.questionnaire, self.text(question_id))
            self._counts[question_id] = measure(text, q.limit, self.questionnaire.convention)
        return self._counts[question_id]

    def state(self, question_id: str) -> AnswerState:
        """What the navigator shows for a question."""
        q = self.question(question_id)
        done = self.done.get(question_id, False)
        count = self.count(question_id)
        if count is not None:
            return answer_state(count.status, done)
        if q.kind is QuestionKind.REPEATING:
            items = [i for i in counted_items(self.questionnaire, {q.id: self.value(q.id)})
                     if i.question_id == q.id]
            if any(i.count.status is Status.OVER for i in items):
                return AnswerState.OVER
            if any(i.count.status is Status.NEAR for i in items) and not done:
                return AnswerState.NEAR
        answered = is_answered(q, self.value(question_id))
        if answered and q.kind in CHOICE_KINDS:
            return AnswerState.DONE  # a choice made leaves nothing more to write
        return answer_state(Status.WITHIN if answered else Status.EMPTY, done)

    def section_path(self, question_id: str) -> list[Section]:
        """The sections from the top down to the one holding the question."""
        path: list[Section] = []
        for section, depth in self.questionnaire.walk_sections():
            del path[depth:]
            path.append(section)
            if any(q.id == question_id for q in section.questions):
                return path
        return path

    def budgets_of(self, question_id: str) -> list[tuple[Budget, int]]:
        """The shared budgets this question counts towards, with what they use now."""
        return [(b, used) for b, used in budget_usage(self.questionnaire, self.answers)
                if question_id in b.questions]

    def progress(self) -> Progress:
        """Answered of relevant questions, and how many are over."""
        return progress(self.questionnaire, self.answers, self._editor_counts)

    def problems(self) -> list[Problem]:
        """The export preflight's findings, in document order."""
        return preflight(self.questionnaire, self.respondent, self.answers)

    # -- changing --------------------------------------------------------------
    def set_answer(self, question_id: str, value: AnswerValue, count: Count | None = None) -> None:
        """Take a new value (saved shortly); ``count`` is the editor's count, if it has one."""
        self.answers[question_id] = value
        self._counts.pop(question_id, None)
        self._editor_counts.pop(question_id, None)
        if count is not None:
            self._counts[question_id] = count
            self._editor_counts[question_id] = count
        self.autosave.queue_answer(question_id, value)
        self.answer_changed.emit(question_id)
        relevant = self._relevant_ids()
        if relevant != self._relevant:
            self._relevant = relevant
            self.relevance_changed.emit()

    def set_respondent(self, field_id: str, value: str) -> None:
        """Take a new respondent detail (saved shortly)."""
        self.respondent[field_id] = value
        self.autosave.queue_respondent(field_id, value)
        self.respondent_changed.emit(field_id)

    def set_done(self, question_id: str, done: bool) -> None:
        """Mark a question done or not (written at once, with a revision of the answer)."""
        if self.done.get(question_id, False) == done:
            return
        self.autosave.flush()
        self.responses.set_done(self.response_id, question_id, done)
        self.done[question_id] = done
        if done:
            self.autosave.take_revision(question_id, "done")
        self.done_changed.emit(question_id)

    def replace_answer(self, question_id: str, value: AnswerValue,
                       version: int | None = None) -> None:
        """Take a value that is already stored (a restored revision, a change made
        elsewhere) at its stored ``version``: no autosave needed."""
        self.answers[question_id] = value
        if version is not None:
            self.versions[question_id] = version
        self._counts.pop(question_id, None)
        self._editor_counts.pop(question_id, None)
        self.answer_changed.emit(question_id)
        relevant = self._relevant_ids()
        if relevant != self._relevant:
            self._relevant = relevant
            self.relevance_changed.emit()
