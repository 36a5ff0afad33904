"""Responses: the service the UI and the CLI call, composed of its parts.

Everything is validated against the exact questionnaire version the response was
started with before anything is written; storage only stores.  :class:`ResponseService`
holds creating, listing, copying and the details of a response; the rest lives in a
module each, named for what it holds:

- ``response_base``: the shared state and checks, and loading a whole response;
- ``answer_saves``: the ONE versioned save every write of an answer goes through
  (:meth:`~AnswerSaves.save_answer`, :meth:`~AnswerSaves.merge`), the change check
  (:meth:`~AnswerSaves.changes_since`) and revisions;
- ``response_bin``: the bin; ``response_repair``: repairing unreadable stored data.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any, Literal

from consultdesk.domain.authorship import Author
from consultdesk.domain.errors import AnswerError, NotFoundError
from consultdesk.domain.response import ResponseStatus, validate_respondent
from consultdesk.services.records import EarlierAnswer
from consultdesk.services.response_base import (
    _layout,
    _new_id,
    _progress,
)
from consultdesk.services.response_bin import ResponseBin
from consultdesk.services.response_repair import ResponseRepair
from consultdesk.services.summaries import ResponseSummary


class ResponseService(ResponseBin, ResponseRepair):
    """What the UI and the CLI call to work on responses."""

    # -- creating and listing ------------------------------------------------------
    def create(self, questionnaire_id: str, title: str | None = None, *,
               respondent: Mapping[str, Any] | None = None,
               answers: Mapping[str, Any] | None = None,
               deadline: date | None = None, author: Author | None = None) -> str:
        """Start a response to the latest version of a questionnaire; its id.

        Answers given start at version 1, written by ``author`` (default: the app).
        """
        questionnaire = self._catalog.get(questionnaire_id)
        clean_respondent, clean_answers = self._validated(questionnaire, respondent, answers)
        # Pin the exact definition, so the response renders against it forever.
        self._catalog.pin(questionnaire)
        response_id = _new_id()
        self._repo.insert(
            response_id, (title or "").strip() or questionnaire.title, questionnaire.id,
            questionnaire.version, status=ResponseStatus.DRAFT.value,
            deadline=deadline if deadline is not None else questionnaire.deadline,
            respondent=clean_respondent, answers=clean_answers,
            # Counted now (not an autosave), so a scripted import of many responses
            # does not leave the whole library to count on its first listing.
            progress=_progress(questionnaire, {k: v for k, (_, v) in clean_answers.items()}),
            author=author)
        self._questionnaires[response_id] = questionnaire
        return response_id

    def list(self, *, deleted: bool = False) -> list[ResponseSummary]:
        """Responses (or the bin's) with their progress, most recently edited first
        (``response_listing.ResponseListing.list``, which a listing alone uses)."""
        return self._listing.list(deleted=deleted)

    def duplicate(self, response_id: str, title: str | None = None, *,
                  author: Author | None = None) -> str:
        """Copy a response (same questionnaire version, answers, done flags); the new id.

        A new response, not a write to an existing answer: its answers start at
        version 1, written by ``author``.
        """
        stored = self._repo.load(response_id)
        questionnaire = self._catalog.get(stored.questionnaire_id, stored.questionnaire_version)
        new_id = _new_id()
        answers = {qid: (_layout(self._question(questionnaire, qid)), v)
                   for qid, v in stored.answers.items()}
        self._repo.insert(new_id, title or f"Copy of {stored.title}", questionnaire.id,
                          questionnaire.version, status=ResponseStatus.DRAFT.value,
                          deadline=stored.deadline, respondent=stored.respondent,
                          answers=answers, done=stored.done, contributors=stored.contributors,
                          progress=_progress(questionnaire, stored.answers), author=author,
                          source_response_id=stored.id)
        self._questionnaires[new_id] = questionnaire
        return new_id

    def earlier_answer(self, response_id: str, question_id: str) -> EarlierAnswer | None:
        """The answer of the response this one was started from (None: no such response,
        or it was deleted for good)."""
        source = self._repo.load(response_id).source_response_id
        if not source:
            return None
        try:
            earlier = self._repo.load(source)
        except NotFoundError:
            return None
        return EarlierAnswer(earlier.id, earlier.title, earlier.answers.get(question_id))

    def save_respondent(self, response_id: str, field_id: str, value: str) -> None:
        """Validate and store one respondent detail."""
        clean = validate_respondent(self._questionnaire_of(response_id), field_id, value)
        self._repo.write_respondent(response_id, field_id, clean)

    def set_done(self, response_id: str, question_id: str, done: bool) -> None:
        """Mark a question done (or not)."""
        self._question(self._questionnaire_of(response_id), question_id)
        self._repo.write_flags(response_id, question_id, done=bool(done))

    def set_contributor(self, response_id: str, question_id: str, contributor: str) -> None:
        """Tag who drafted an answer (e.g. a ministry)."""
        self._question(self._questionnaire_of(response_id), question_id)
        self._repo.write_flags(response_id, question_id, contributor=contributor.strip())

    def update_details(self, response_id: str, *, title: str | None = None,
                       status: ResponseStatus | None = None,
                       deadline: date | None | Literal["keep"] = "keep") -> None:
        """Change the title, status or deadline (``deadline=None`` clears it)."""
        values: dict[str, Any] = {}
        if title is not None:
            if not title.strip():
                raise AnswerError("a response needs a title")
            values["title"] = title.strip()
        if status is not None:
            try:
                values["status"] = ResponseStatus(status).value
            except ValueError:
                choices = ", ".join(s.value for s in ResponseStatus)
                raise AnswerError(
                    "unknown status {status!r} ({choices})",
                    status=status, choices=choices) from None
        if deadline != "keep":
            values["deadline"] = deadline
        self._repo.update_details(response_id, values)

