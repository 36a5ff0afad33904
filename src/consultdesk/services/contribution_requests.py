"""Requests for input in Word and their replies: writing them, the email draft, the
contributor's side (opening and filling a request) and receiving a returned file."""

from __future__ import annotations

import hashlib
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from consultdesk.domain.contributions import Assignment, ItemRef
from consultdesk.domain.errors import AnswerError, ConsultDeskError, Message
from consultdesk.domain.files import os_reason, read_capped
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import MAX_ANSWER_CHARS
from consultdesk.formats.contribution.email_draft import build_draft, write_draft
from consultdesk.formats.contribution.fill import fill_request, slots_in
from consultdesk.formats.contribution.model import RequestItem, RequestSpec
from consultdesk.formats.contribution.reply import (
    NotARequestError,
    RequestIdentity,
    read_identity,
    read_reply,
)
from consultdesk.formats.contribution.request import format_date, request_words, write_request
from consultdesk.formats.docx_export.properties import responding_institution
from consultdesk.formats.docx_import.errors import DocxImportError
from consultdesk.formats.docx_import.package import MAX_FILE_BYTES, DocxPackage, open_docx
from consultdesk.services.contribution_board import ContributionBoard
from consultdesk.services.contribution_records import (
    OpenedRequest,
    ReceiveError,
    ReceiveResult,
    ReplySlot,
)


class ContributionRequests(ContributionBoard):
    """Requests for input, replies and receiving them."""

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

    # -- answering a request (the contributor's side) ---------------------------------
    def open_request(self, path: Path) -> OpenedRequest:
        """Read a request's answer areas, with the questions and limits when this data
        folder has its questionnaire (the bundled ones, or one installed)."""
        path = Path(path)
        identity = _read_request(path)[2]
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
                name=path.name, reason=os_reason(exc)) from None
        data, package, identity = _read_request(path)
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
        gone = [k for k in identity.items if k not in by_key]
        # The file still holds the areas of items taken back since it was written: the
        # reader must know them, or their headings read as the answer above them.
        reply = read_reply(package, identity, response.questionnaire,
                           [RequestItem(a.item, a.due, a.note, a.share) for a in asked]
                           + _taken_back(gone, response.questionnaire))
        received = [i for i in reply.items if i.item.key in by_key]
        digest = hashlib.sha256(data).hexdigest()
        added_ids: list[int] = []
        unchanged: list[str] = []
        for item in received:
            value = item.value
            size = len(value) if isinstance(value, str) else sum(map(len, value.values()))
            if size > MAX_ANSWER_CHARS:
                raise ReceiveError(
                    "{name}: the answer to {key} is longer than {limit:,} "
                    "characters; nothing received",
                    name=path.name, key=item.item.key, limit=MAX_ANSWER_CHARS)
        for item in received:
            new = self._repo.add_contribution(by_key[item.item.key].id, item.value,
                                              source_name=path.name, source_hash=digest)
            if new is None:
                unchanged.append(item.item.key)
            else:
                added_ids.append(by_key[item.item.key].id)
        rows = [r for r in self.board(identity.response_id) if r.assignment_id in added_ids]
        kept = tuple(n for n in reply.notes if _item_key(n.params.get("key")) in by_key)
        notes = kept + tuple(
            Message("{key}: no longer assigned to {who}, not received", key=k, who=tag)
            for k in gone)
        return ReceiveResult(identity.response_id, tag, tuple(rows), tuple(unchanged),
                             tuple(k for k in reply.missing if k in by_key),
                             tuple(k for k in reply.empty if k in by_key), notes)

    @staticmethod
    def _guess_contributor(assignments: list[Assignment], items: Iterable[str]) -> str:
        """The one contributor assigned all these items (a file without its properties)."""
        keys = set(items)
        tags = {a.contributor for a in assignments if a.item.key in keys}
        if len(tags) != 1:
            raise ReceiveError("the file does not say which contributor it comes from")
        return tags.pop()


def _item_key(slot: object) -> str:
    """The item an answer area belongs to ("t1_done[+]" for "t1_done[+].description")."""
    text = str(slot)
    return text.partition("].")[0] + "]" if "]." in text else text


def _taken_back(keys: list[str], questionnaire: Questionnaire) -> list[RequestItem]:
    """The items a request holds that are no longer assigned (those the questionnaire
    still has), for the reader to recognise their areas; never received."""
    items = []
    for key in keys:
        try:
            item = ItemRef.parse(key)
            questionnaire.question(item.question_id)
        except (ConsultDeskError, KeyError):
            continue
        items.append(RequestItem(item))
    return items


def _read_request(path: Path) -> tuple[bytes, DocxPackage, RequestIdentity]:
    """A request (or a reply to one): its bytes, its parts and whom it is for
    (ReceiveError when it is not one)."""
    data = read_capped(path, MAX_FILE_BYTES, ReceiveError, Message("a Word document"),
                       name=path.name)
    try:
        package = open_docx(data, path.name)
        return data, package, read_identity(package)
    except (DocxImportError, NotARequestError) as exc:
        raise ReceiveError("{reason}", reason=exc) from None
