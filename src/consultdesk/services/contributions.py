"""Contributions: contributors, assignments, requests in Word, receiving, merging, attribution.

What the UI and the CLI call.  Answers are written only through
:meth:`ContributionService._save`, the one function that calls the response service's
save (with a revision first), so the merge follows whatever that save guarantees.
"""

from __future__ import annotations

import hashlib
import secrets
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.contributions import (
    NEW_ENTRY,
    Assignment,
    Attribution,
    Contribution,
    ContributionStatus,
    ContributionValue,
    Contributor,
    ItemRef,
    MergeMode,
    compose,
    merged_attribution,
    rematch,
    validate_email,
    validate_tag,
)
from consultdesk.domain.counting import Count, Status, measure, status_for
from consultdesk.domain.errors import AnswerError, ConsultDeskError, Message, NotFoundError
from consultdesk.domain.files import read_capped
from consultdesk.domain.questionnaire import Limit, Question, QuestionKind, Questionnaire
from consultdesk.domain.response import MAX_ANSWER_CHARS, AnswerValue
from consultdesk.formats.contribution.email_draft import build_draft, write_draft
from consultdesk.formats.contribution.fill import fill_request, slots_in
from consultdesk.formats.contribution.model import RequestItem, RequestSpec
from consultdesk.formats.contribution.reply import NotARequestError, read_identity, read_reply
from consultdesk.formats.contribution.request import (
    format_date,
    request_words,
    text_fields,
    write_request,
)
from consultdesk.formats.docx_export.options import ExportOptions
from consultdesk.formats.docx_export.properties import responding_institution
from consultdesk.formats.docx_import.errors import DocxImportError
from consultdesk.formats.docx_import.package import MAX_FILE_BYTES, open_docx
from consultdesk.services.catalog import CatalogService
from consultdesk.services.records import ResponseData
from consultdesk.services.responses import ResponseService
from consultdesk.storage.contribution_repository import ContributionRepository
from consultdesk.storage.database import Database


class ReceiveError(ConsultDeskError):
    """A returned file cannot be received (not a request, response binned or unknown)."""


@dataclass(frozen=True, slots=True)
class BoardRow:
    """One assignment as the board and ``contributions --json`` show it."""

    assignment_id: int
    item: ItemRef
    number: str
    label: str
    contributor: Contributor
    status: ContributionStatus
    due: date | None
    overdue: bool
    note: str
    share: int | None
    contribution: Contribution | None = None
    count: Count | None = None
    share_status: Status | None = None
    history: tuple[Contribution, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The CLI's shape: id, question, contributor, status, due, text, count, received_at."""
        c = self.contribution
        return {
            "id": c.id if c else None,
            "assignment": self.assignment_id,
            "question": self.item.key,
            "contributor": self.contributor.tag,
            "status": self.status.value,
            "due": self.due.isoformat() if self.due else None,
            "overdue": self.overdue,
            "share": self.share,
            "text": c.value if c else None,
            "count": self.count.value if self.count else None,
            "limit": self.count.limit.amount if self.count and self.count.limit else None,
            "received_at": c.received_at.isoformat() if c else None,
            "superseded": [h.id for h in self.history],
        }


@dataclass(frozen=True, slots=True)
class ReceiveResult:
    """What receiving one file did."""

    response_id: str
    contributor: str
    added: tuple[BoardRow, ...]
    unchanged: tuple[str, ...]
    missing: tuple[str, ...]
    empty: tuple[str, ...]
    notes: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        """The ``receive --json`` shape."""
        return {"response": self.response_id, "contributor": self.contributor,
                "added": [r.as_json() for r in self.added], "unchanged": list(self.unchanged),
                "missing": list(self.missing), "empty": list(self.empty),
                "notes": list(self.notes)}


@dataclass(frozen=True, slots=True)
class ReplySlot:
    """One answer area of a request, as a contributor with ConsultDesk fills it in."""

    key: str
    label: str
    limit: Limit | None = None


@dataclass(frozen=True, slots=True)
class OpenedRequest:
    """A request for input opened by its contributor."""

    path: Path
    title: str
    asked_by: str
    slots: tuple[ReplySlot, ...]
    convention: Any = None


@dataclass(frozen=True, slots=True)
class MergeResult:
    """A merge done, with what is needed to undo it."""

    contribution_id: int
    response_id: str
    question_id: str
    value: AnswerValue
    previous: AnswerValue
    previous_attribution: dict[str, Attribution] = field(default_factory=dict)
    #: the answer's version after the merge (an undo is based on it)
    version: int | None = None


def _aware_today() -> date:
    return date.today()


def _share_limit(limit: Limit | None, share: int | None) -> Limit | None:
    if limit is None or not share:
        return None
    return Limit(amount=share, unit=limit.unit, approximate=True)


class ContributionService:
    """What the UI and the CLI call for contributions."""

    def __init__(self, database: Database, responses: ResponseService,
                 catalog: CatalogService) -> None:
        self._repo = ContributionRepository(database)
        self._responses = responses
        self._catalog = catalog

    # -- the one write of answers ----------------------------------------------------
    def _save(self, response_id: str, question_id: str, value: AnswerValue, tag: str,
              base_version: int | None) -> int:
        """Write a merged answer through the versioned save, by Author(MERGE, tag); the
        replaced text is kept as a revision first.  The one place this service writes
        answers.  ``base_version``: the version the merge was composed on; if the answer
        changed meanwhile nothing is overwritten (the merged text is kept as a conflict
        revision) and AnswerError says so.  The new version."""
        # The text being replaced is kept first (durably), whoever wrote it last.
        self._responses.take_revision(response_id, question_id, "before merge")
        result = self._responses.save_answer(response_id, question_id, value,
                                             base_version=base_version,
                                             author=Author(WriterKind.MERGE, tag),
                                             reason="merge")
        if not result.saved:
            raise AnswerError("the answer changed while the contribution was being merged; "
                              "nothing was overwritten (the merged text is in its History): "
                              "merge again")
        return result.version

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
            known = ", ".join(c.tag for c in self._repo.contributors()) or "none yet"
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
            current, count, share_status, tuple(r for r in replies[:-1]))

    @staticmethod
    def count(questionnaire: Questionnaire, item: ItemRef, value: ContributionValue
              ) -> Count:
        """A reply's count against its question's limit (an entry: its limited fields)."""
        question = questionnaire.question(item.question_id)
        conv = questionnaire.convention
        if isinstance(value, str):
            return measure(value, question.limit, conv)
        total = 0
        limit = None
        for f in text_fields(question):
            text = value.get(f.id, "")
            c = measure(text, f.limit, conv)
            if f.limit is not None and limit is None:
                limit = f.limit
            if f.limit is not None or limit is None:
                total += c.value
        return Count(total, limit, status_for(total, limit))

    # -- the request ---------------------------------------------------------------
    def request_spec(self, response_id: str, tag: str, *, include_draft: bool = False
                     ) -> RequestSpec:
        """What the request for one contributor says."""
        data = self._live(response_id)
        contributor = self.contributor(tag)
        items = []
        for a in self._repo.assignments(response_id, contributor.tag):
            draft = data.answers.get(a.item.question_id) if include_draft else None
            items.append(RequestItem(a.item, a.due, a.note, a.share, draft))
        if not items:
            raise AnswerError(
                "nothing of response {response_id!r} is assigned to {tag}; assign questions first",
                response_id=response_id, tag=contributor.tag)
        q = data.questionnaire
        asked_by = ", ".join(v for v in (responding_institution(q, data.respondent),
                                         (data.respondent.get("state") or "").strip())
                             if v and v != "")
        reply_to = next((v.strip() for k, v in data.respondent.items()
                         if "mail" in k.lower() and "@" in (v or "")), "")
        return RequestSpec(q, response_id, data.title, contributor, tuple(items),
                           secrets.token_hex(6), asked_by, reply_to, include_draft)

    def write_request(self, response_id: str, tag: str, path: Path, *,
                      include_draft: bool = False, template: Path | None = None) -> Path:
        """Write the request .docx for one contributor."""
        return write_request(self.request_spec(response_id, tag, include_draft=include_draft),
                             path, template)

    def email_draft(self, response_id: str, tag: str, docx: Path, eml: Path, *,
                    reminder: bool = False) -> Path:
        """Write an .eml draft to the contributor with the request attached."""
        spec = self.request_spec(response_id, tag)
        words = request_words(spec.questionnaire.language)
        dues = [i.due for i in spec.items if i.due]
        by = format_date(min(dues), spec.questionnaire.language) if dues else ""
        ja = spec.questionnaire.language.startswith("ja")
        if ja:
            subject = ("【再送】" if reminder else "") + f"{words.title}：{spec.questionnaire.title}"
            body = (f"{spec.contributor.contact or spec.contributor.display} 様\n\n"
                    f"{spec.questionnaire.title}の回答作成にご協力をお願いします。"
                    f"添付の文書の枠内に回答を記入し、{by + 'までに' if by else ''}"
                    "このメールへの返信で返送してください。\n")
        else:
            greeting = f"Dear {spec.contributor.contact}" if spec.contributor.contact else \
                f"Dear colleagues at {spec.contributor.name or spec.contributor.tag}"
            lead = ("This is a reminder: we have not yet received your input"
                    if reminder else "We would be grateful for your input")
            body = (f"{greeting},\n\n{lead} to our response to \u201c"
                    f"{spec.questionnaire.title}\u201d ({spec.response_title}).\n\n"
                    f"The attached Word document lists the {len(spec.items)} question"
                    f"{'s' if len(spec.items) != 1 else ''} we ask you to answer. Please write "
                    "in the shaded box under each question, save the document and send it "
                    f"back in reply to this message{' by ' + by if by else ''}.\n\n"
                    f"With thanks,\n{spec.asked_by}\n")
            subject = ("Reminder: " if reminder else "") + \
                f"{words.title}: {spec.questionnaire.title}" + (f" (reply by {by})" if by else "")
        message = build_draft(to=spec.contributor.email, subject=subject, body=body,
                              attachment=docx, sender=spec.reply_to)
        return write_draft(eml, message)

    def overdue(self, response_id: str, today: date | None = None) -> dict[str, list[BoardRow]]:
        """Contributors with requests past their due date and no reply: tag -> rows."""
        out: dict[str, list[BoardRow]] = {}
        for row in self.board(response_id, today):
            if row.overdue:
                out.setdefault(row.contributor.tag, []).append(row)
        return out

    # -- answering a request (the contributor's side) ---------------------------------
    def open_request(self, path: Path) -> OpenedRequest:
        """Read a request's answer areas, with the questions and limits when this data
        folder has its questionnaire (the bundled ones, or one installed)."""
        path = Path(path)
        data = read_capped(path, MAX_FILE_BYTES, ReceiveError, "a Word document",
                           name=path.name)
        try:
            package = open_docx(data, path.name)
            identity = read_identity(package)
        except (DocxImportError, NotARequestError) as exc:
            raise ReceiveError(str(exc)) from None
        keys = slots_in(path)
        if not keys:
            raise ReceiveError("{name} has no answer areas left to write in", name=path.name)
        questionnaire: Questionnaire | None = None
        qid, _, version = identity.questionnaire.partition("@")
        try:
            questionnaire = self._catalog.get(qid, int(version) if version.isdigit() else None)
        except (ConsultDeskError, ValueError):
            questionnaire = None
        slots = []
        for key in keys:
            item_key, _, field_id = key.partition("].")
            item = ItemRef.parse(item_key + "]" if field_id else key)
            label, limit = key, None
            if questionnaire is not None:
                try:
                    question = questionnaire.question(item.question_id)
                except KeyError:
                    question = None
                if question is not None:
                    label = f"{question.display_number}  {question.text}".strip()
                    limit = question.limit
                    if field_id:
                        f = next((f for f in question.fields if f.id == field_id), None)
                        if f is not None:
                            label += f" — {f.label}"
                            limit = f.limit
            slots.append(ReplySlot(key, label, limit))
        title = questionnaire.title if questionnaire else path.stem
        return OpenedRequest(path, title, identity.contributor, tuple(slots),
                             questionnaire.convention if questionnaire else None)

    def save_reply(self, request: OpenedRequest, answers: dict[str, str], out: Path) -> Path:
        """Write the answers into the request's boxes and save it as the reply ``out``."""
        for key, text in answers.items():
            if len(text) > MAX_ANSWER_CHARS:
                raise AnswerError("{key}: the answer is longer than {limit:,} characters",
                                  key=key, limit=MAX_ANSWER_CHARS)
        return fill_request(request.path, answers, out)

    # -- receiving -------------------------------------------------------------------
    def receive(self, path: Path) -> ReceiveResult:
        """Read a returned request and keep each answer found (ReceiveError if unfit)."""
        path = Path(path)
        try:
            if not stat.S_ISREG(path.stat().st_mode):
                raise ReceiveError(
                    "{name}: not a file",
                    name=path.name)
        except OSError as exc:
            raise ReceiveError(
                "{name}: cannot read the file ({reason})",
                name=path.name, reason=exc.strerror or exc) from None
        data = read_capped(path, MAX_FILE_BYTES, ReceiveError, "a Word document",
                           name=path.name)
        try:
            package = open_docx(data, path.name)
            identity = read_identity(package)
        except (DocxImportError, NotARequestError) as exc:
            raise ReceiveError("{reason}", reason=exc) from None
        state = self._repo.response_state(identity.response_id)
        if state is None:
            raise ReceiveError(
                "{name} answers a request for response {response_id!r}, which is not in this "
                "data folder",
                name=path.name, response_id=identity.response_id)
        if state[1] is not None:
            raise ReceiveError(
                "{name} belongs to response {response_id!r}, which is in the bin; restore it, "
                "then receive the file again",
                name=path.name, response_id=identity.response_id)
        response = self._responses.load(identity.response_id)
        assignments = self._repo.assignments(identity.response_id)
        tag = identity.contributor or self._guess_contributor(assignments, identity.items)
        mine = [a for a in assignments if a.contributor == tag]
        wanted = set(identity.items)
        asked = [a for a in mine if not wanted or a.item.key in wanted] or mine
        if not asked:
            raise ReceiveError(
                "{name}: nothing of response {response_id!r} is assigned to {who} any more",
                name=path.name, response_id=identity.response_id,
                who=tag or Message("this contributor"))
        by_key = {a.item.key: a for a in asked}
        reply = read_reply(package, identity, response.questionnaire,
                           [RequestItem(a.item, a.due, a.note, a.share) for a in asked])
        digest = hashlib.sha256(data).hexdigest()
        added_ids: list[int] = []
        unchanged: list[str] = []
        for item in reply.items:
            value = item.value
            size = len(value) if isinstance(value, str) else sum(map(len, value.values()))
            if size > MAX_ANSWER_CHARS:
                raise ReceiveError(
                    "{name}: the answer to {key} is longer than {limit:,} "
                    "characters; nothing received",
                    name=path.name, key=item.item.key, limit=MAX_ANSWER_CHARS)
        for item in reply.items:
            new = self._repo.add_contribution(by_key[item.item.key].id, item.value,
                                              source_name=path.name, source_hash=digest)
            if new is None:
                unchanged.append(item.item.key)
            else:
                added_ids.append(by_key[item.item.key].id)
        rows = [r for r in self.board(identity.response_id) if r.assignment_id in added_ids]
        gone = [k for k in identity.items if k not in by_key]
        notes = reply.notes + tuple(f"{k}: no longer assigned to {tag}, not received"
                                    for k in gone)
        return ReceiveResult(identity.response_id, tag, tuple(rows), tuple(unchanged),
                             reply.missing, reply.empty, notes)

    @staticmethod
    def _guess_contributor(assignments: list[Assignment], items: Iterable[str]) -> str:
        """The one contributor assigned all these items (a file without its properties)."""
        keys = set(items)
        tags = {a.contributor for a in assignments if a.item.key in keys}
        if len(tags) != 1:
            raise ReceiveError("the file does not say which contributor it comes from")
        return tags.pop()

    # -- merging -------------------------------------------------------------------
    def merge(self, contribution_id: int, mode: MergeMode = MergeMode.APPEND, *,
              edited: ContributionValue | None = None, after: int | None = None
              ) -> MergeResult:
        """Put a reply into the answer (append, replace, insert after a paragraph), as
        received or as edited; its paragraphs remember the contributor."""
        contribution = self._repo.contribution(contribution_id)
        # An older (superseded) reply may still be taken on purpose: no status check.
        a = self._repo.assignment(contribution.assignment_id)
        data = self._live(a.response_id)
        question = data.questionnaire.question(a.item.question_id)
        value = contribution.value if edited is None else edited
        before = self.attribution(a.response_id)
        current = data.answers.get(question.id)
        updates: dict[str, Attribution] = {}
        if question.is_text:
            if not isinstance(value, str):
                raise AnswerError("this contribution holds block fields, not a text")
            old = current if isinstance(current, str) else ""
            merged, flags = compose(old, value, MergeMode(mode), after)
            updates[question.id] = merged_attribution(
                before.get(question.id, ()), old, merged, flags, a.contributor)
            new_value: AnswerValue = merged
        else:
            if not isinstance(value, dict):
                raise AnswerError("this contribution holds a text, not block fields")
            entries = ([dict(e) for e in current if isinstance(e, dict)]
                       if isinstance(current, list) else [])
            if a.item.entry == NEW_ENTRY or a.item.entry > len(entries):
                entries.append({})
                number = len(entries)
                field_mode = MergeMode.REPLACE
            else:
                number = a.item.entry
                field_mode = MergeMode(mode)
            entry = entries[number - 1]
            for fid, text in value.items():
                key = f"{question.id}[{number}].{fid}"
                stored = entry.get(fid)
                old = stored if isinstance(stored, str) else ""
                merged, flags = compose(old or "", text, field_mode, after)
                entry[fid] = merged.rstrip("\n")
                updates[key] = merged_attribution(before.get(key, ()), old or "", merged,
                                                  flags, a.contributor)
            new_value = entries
        version = self._save(a.response_id, question.id, new_value, a.contributor,
                             data.versions.get(question.id, 0))
        self._repo.save_attribution(a.response_id, dict(updates))
        self._repo.mark_merged(contribution_id)
        return MergeResult(contribution_id, a.response_id, question.id, new_value, current,
                           {k: before.get(k, ()) for k in updates}, version)

    def undo_merge(self, result: MergeResult) -> None:
        """Put the answer back as it was before a merge, and mark the reply received
        again.  An explicit overwrite: whatever the answer holds now (the merge, and any
        edit since) is kept as a revision first."""
        a = self._repo.assignment(self._repo.contribution(result.contribution_id)
                                  .assignment_id)
        self._save(result.response_id, result.question_id, result.previous, a.contributor,
                   None)
        self._repo.save_attribution(result.response_id, dict(result.previous_attribution))
        self._repo.mark_merged(result.contribution_id, merged=False)

    # -- attribution -----------------------------------------------------------------
    def attribution(self, response_id: str) -> dict[str, Attribution]:
        """Who wrote which paragraph of each answer, re-matched to the answers as they are
        now (stored again when editing changed them): item -> paragraphs."""
        stored = self._repo.attribution(response_id)
        if not stored:
            return {}
        answers = self._responses.load(response_id).answers
        current: dict[str, Attribution] = {}
        changed: dict[str, Attribution] = {}
        for item, paragraphs in stored.items():
            text = _text_of(answers, item)
            fresh = rematch(paragraphs, text)
            current[item] = fresh
            if [p.text for p in fresh] != [p.text for p in paragraphs] or \
                    [p.tag for p in fresh] != [p.tag for p in paragraphs]:
                changed[item] = fresh
        if changed:
            try:
                self._repo.save_attribution(response_id, dict(changed))
            except ConsultDeskError:
                pass  # re-matched again next time; a read must not fail on a busy file
        return current

    def paragraph_tags(self, response_id: str) -> dict[str, list[str | None]]:
        """For the export: item -> the contributor tag of each paragraph (None: none)."""
        return {item: [p.tag for p in paragraphs]
                for item, paragraphs in self.attribution(response_id).items()}

    def with_attribution(self, response_id: str, options: ExportOptions, *,
                         tags: bool = True, annex: bool = False) -> ExportOptions:
        """Export options that add "(NPA)" after contributed paragraphs and/or the annex
        of contributors (the CLI's --attribution and --contributors-annex)."""
        if tags:
            options = replace(options, attribution={
                k: tuple(v) for k, v in self.paragraph_tags(response_id).items()})
        if annex:
            options = replace(options, contributors_annex=True, contributors=tuple(
                (c.tag, c.name, tuple(numbers))
                for c, numbers in self.contributors_by_item(response_id)))
        return options

    def contributors_by_item(self, response_id: str) -> list[tuple[Contributor, list[str]]]:
        """For the annex: each contributor with the numbers of the questions it wrote in."""
        data = self._responses.load(response_id)
        people = {c.tag: c for c in self._repo.contributors()}
        numbers = {q.id: q.display_number or q.id for q in data.questionnaire.questions()}
        order = list(numbers)
        found: dict[str, list[str]] = {}
        for item, paragraphs in self.attribution(response_id).items():
            qid = item.split("[")[0]
            for p in paragraphs:
                if p.tag and qid not in found.setdefault(p.tag, []):
                    found[p.tag].append(qid)
        return [(people.get(tag, Contributor(tag)),
                 [numbers.get(q, q) for q in sorted(qids, key=lambda x: order.index(x)
                                                    if x in order else 0)])
                for tag, qids in sorted(found.items())]


def _text_of(answers: dict[str, AnswerValue], item: str) -> str:
    """The current text of an attribution item ("q1" or "t1_done[2].description")."""
    if "[" not in item:
        value = answers.get(item)
        return value if isinstance(value, str) else ""
    qid, rest = item.split("[", 1)
    number, _, fid = rest.partition("].")
    entries = answers.get(qid)
    if not isinstance(entries, list) or not number.isdigit():
        return ""
    index = int(number) - 1
    entry = entries[index] if 0 <= index < len(entries) else None
    if not isinstance(entry, dict):
        return ""
    text = entry.get(fid)
    return text if isinstance(text, str) else ""

