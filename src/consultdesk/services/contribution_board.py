"""Contributors, assignments and the board: the shared part of the contribution service.

:class:`ContributionBoard` holds the state every part of
:class:`~consultdesk.services.contributions.ContributionService` uses and what they build
on (the contributor by tag, a live response, the board of assignments with their replies).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from consultdesk.domain.contributions import (
    NEW_ENTRY,
    Assignment,
    Contribution,
    ContributionStatus,
    ContributionValue,
    Contributor,
    ItemRef,
    validate_email,
    validate_tag,
)
from consultdesk.domain.counting import Count, measure, status_for
from consultdesk.domain.errors import AnswerError, Message, NotFoundError
from consultdesk.domain.questionnaire import Limit, Question, QuestionKind, Questionnaire
from consultdesk.domain.response import rendered_text
from consultdesk.formats.contribution.request import text_fields
from consultdesk.services.catalog import CatalogService
from consultdesk.services.contribution_records import BoardRow
from consultdesk.services.records import ResponseData
from consultdesk.services.responses import ResponseService
from consultdesk.storage.contribution_repository import ContributionRepository
from consultdesk.storage.database import Database


def _aware_today() -> date:
    return date.today()


def _share_limit(limit: Limit | None, share: int | None) -> Limit | None:
    if limit is None or not share:
        return None
    return Limit(amount=share, unit=limit.unit, approximate=True)



class ContributionBoard:
    """Contributors, assignments and the board of a response."""

    def __init__(self, database: Database, responses: ResponseService,
                 catalog: CatalogService) -> None:
        self._repo = ContributionRepository(database)
        self._responses = responses
        self._catalog = catalog

    # -- contributors --------------------------------------------------------------
    def add_contributor(self, tag: str, name: str = "", contact: str = "",
                        email: str = "") -> tuple[Contributor, bool]:
        """Add or update a contributor; (it, whether it was new)."""
        existing = self._repo.contributor(validate_tag(tag))
        c = Contributor(existing.tag if existing else validate_tag(tag),
                        (name or (existing.name if existing else "")).strip()[:200],
                        (contact or (existing.contact if existing else "")).strip()[:200],
                        validate_email(email) or (existing.email if existing else ""))
        return c, self._repo.save_contributor(c)

    def contributors(self) -> list[Contributor]:
        """Every contributor of this data folder."""
        return self._repo.contributors()

    def contributor(self, tag: str) -> Contributor:
        """One contributor by tag (NotFoundError naming the known ones)."""
        found = self._repo.contributor(tag.strip())
        if found is None:
            tags = ", ".join(c.tag for c in self._repo.contributors())
            known: str | Message = tags or Message("none yet")
            raise NotFoundError(
                "no contributor {tag!r} (known: {known}); add one with 'contributor add'",
                tag=tag, known=known)
        return found

    # -- assignments ---------------------------------------------------------------
    def _live(self, response_id: str) -> ResponseData:
        data = self._responses.load(response_id)
        state = self._repo.response_state(response_id)
        if state is not None and state[1] is not None:
            raise AnswerError(
                "response {response_id!r} is in the bin; restore it first",
                response_id=response_id)
        return data

    @staticmethod
    def _check_item(data: ResponseData, item: ItemRef) -> Question:
        try:
            question = data.questionnaire.question(item.question_id)
        except KeyError:
            raise AnswerError(
                "unknown question id {question_id!r}",
                question_id=item.question_id) from None
        if item.entry != 0 and question.kind is not QuestionKind.REPEATING:
            raise AnswerError(
                "{key}: only a repeating block has entries",
                key=item.key)
        if question.kind is QuestionKind.REPEATING:
            if item.entry == 0:
                raise AnswerError(
                    "{key} is a repeating block: assign one entry ({question_id}[1]) or a new "
                    "one ({question_id}[+])",
                    key=item.key, question_id=item.question_id)
            entries = data.answers.get(question.id)
            count = len(entries) if isinstance(entries, list) else 0
            if item.entry > count:
                raise AnswerError(
                    "{key}: the block has {entries}; use {question_id}[+] for a new one",
                    key=item.key, question_id=item.question_id,
                    entries=Message("1 entry") if count == 1 else Message("{count} entries",
                                                                          count=count))
            if not text_fields(question):
                raise AnswerError(
                    "{key}: the block has no text field to write in",
                    key=item.key)
        elif not question.is_text:
            raise AnswerError(
                "{key}: only text questions and block entries can be given to a contributor",
                key=item.key)
        return question

    def assign(self, response_id: str, items: Sequence[str | ItemRef], tag: str, *,
               due: date | None = None, share: int | None = None, note: str = ""
               ) -> list[int]:
        """Give items to a contributor (all checked first, then all stored); their ids."""
        data = self._live(response_id)
        contributor = self.contributor(tag)
        refs = [i if isinstance(i, ItemRef) else ItemRef.parse(i) for i in items]
        if not refs:
            raise AnswerError("name at least one question to assign")
        for ref in refs:
            question = self._check_item(data, ref)
            if share is not None:
                if not question.is_text or question.limit is None:
                    raise AnswerError(
                        "{key}: a share applies to a text question with a limit",
                        key=ref.key)
                if not 0 < share <= question.limit.amount:
                    raise AnswerError(
                        "{key}: the share must be between 1 and the limit ({amount:,})",
                        key=ref.key, amount=question.limit.amount)
        return self._repo.assign(response_id, list(dict.fromkeys(refs)), contributor.tag,
                                 due=due, note=(note or "").strip()[:2000], share=share)

    def unassign(self, assignment_id: int) -> None:
        """Withdraw an assignment (and forget its replies)."""
        self._repo.assignment(assignment_id)
        self._repo.unassign(assignment_id)

    def board(self, response_id: str, today: date | None = None) -> list[BoardRow]:
        """Every assignment of a response with its newest reply, status and count."""
        data = self._responses.load(response_id)
        today = today or _aware_today()
        people = {c.tag: c for c in self._repo.contributors()}
        replies: dict[int, list[Contribution]] = {}
        for c in self._repo.contributions(response_id):
            replies.setdefault(c.assignment_id, []).append(c)
        order = {q.id: n for n, q in enumerate(data.questionnaire.questions())}
        rows = []
        for a in self._repo.assignments(response_id):
            rows.append(self._row(data.questionnaire, a, people, replies.get(a.id, []), today))
        return sorted(rows, key=lambda r: (order.get(r.item.question_id, 0), r.item.entry,
                                           r.contributor.tag))

    def _row(self, questionnaire: Questionnaire, a: Assignment, people: dict[str, Contributor],
             replies: list[Contribution], today: date) -> BoardRow:
        question = questionnaire.question(a.item.question_id)
        current = replies[-1] if replies else None
        status = current.status if current else ContributionStatus.REQUESTED
        count = share_status = None
        if current is not None:
            count = self.count(questionnaire, a.item, current.value)
            share_limit = _share_limit(question.limit, a.share)
            if share_limit is not None and count is not None:
                share_status = status_for(count.value, share_limit)
        label = question.text
        if a.item.entry == NEW_ENTRY:
            label += f" (new {question.entry_label.lower()})"
        elif a.item.entry:
            label += f" ({question.entry_label} {a.item.entry})"
        return BoardRow(
            a.id, a.item, question.display_number, label,
            people.get(a.contributor, Contributor(a.contributor)), status, a.due,
            status is ContributionStatus.REQUESTED and a.overdue(today), a.note, a.share,
            current, count, share_status, tuple(r for r in replies[:-1]),
            question.text, question.entry_label)

    @staticmethod
    def count(questionnaire: Questionnaire, item: ItemRef, value: ContributionValue
              ) -> Count:
        """A reply's count against its question's limit (an entry: its limited fields)."""
        question = questionnaire.question(item.question_id)
        conv = questionnaire.convention
        # References count as the labels they read in this questionnaire version.
        if isinstance(value, str):
            return measure(rendered_text(questionnaire, value), question.limit, conv)
        total = 0
        limit = None
        for f in text_fields(question):
            text = rendered_text(questionnaire, value.get(f.id, ""))
            c = measure(text, f.limit, conv)
            if f.limit is not None and limit is None:
                limit = f.limit
            if f.limit is not None or limit is None:
                total += c.value
        return Count(total, limit, status_for(total, limit))

    def overdue(self, response_id: str, today: date | None = None) -> dict[str, list[BoardRow]]:
        """Contributors with requests past their due date and no reply: tag -> rows."""
        out: dict[str, list[BoardRow]] = {}
        for row in self.board(response_id, today):
            if row.overdue:
                out.setdefault(row.contributor.tag, []).append(row)
        return out

