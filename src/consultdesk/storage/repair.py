"""Repairing a response whose stored values cannot be read, value by value.

Only what cannot be read is touched: an answer goes back to its newest readable
revision (or is cleared when it has none), a time that is not a time becomes now,
an unknown status becomes "draft", unreadable respondent details are cleared.  The
caller takes a backup first, so every value as it was stays at hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import and_, delete, select, update
from sqlalchemy.engine import Connection

from consultdesk.domain.errors import Message, NotFoundError
from consultdesk.storage import row_values as rv
from consultdesk.storage.answer_codec import value_from_rows
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.response_tables import AnswerRow, ResponseRow
from consultdesk.storage.revision_tables import RevisionRow
from consultdesk.storage.row_values import UnreadableValue

R = ResponseRow.__table__  # type: ignore[attr-defined]
A = AnswerRow.__table__  # type: ignore[attr-defined]
V = RevisionRow.__table__  # type: ignore[attr-defined]


def _bad(decode: Callable[..., Any], value: Any, **kw: Any) -> bool:
    try:
        decode(value, "value", **kw)
    except UnreadableValue:
        return True
    return False


#: Puts a revision's value back as an answer (as the given version) inside the repair's
#: transaction; False when the value does not fit the question (it is then cleared).
Restore = Callable[[Connection, str, Any, int], bool]


#: Whether a readable answer value has the form its question takes (False: repaired too).
Fits = Callable[[str, Any], bool]


def repair_response(database: Database, response_id: str, known_statuses: set[str],
                    restore: Restore, fits: Fits | None = None) -> list[str]:
    """Repair the unreadable values of one response in one transaction; what was done."""
    done: list[str] = []
    now = utc_now()
    with database.write(durable=True) as conn:
        row = conn.execute(select(*(rv.raw(c) for c in R.c)).where(R.c.id == response_id)
                           ).first()
        if row is None:
            raise NotFoundError("no response with id {response_id!r}", response_id=response_id)
        values: dict[str, Any] = {}
        if _bad(rv.text, row.title):
            values["title"] = f"Recovered response {response_id}"
            done.append("the title could not be read: it is now "
                        f"'Recovered response {response_id}'")
        if _bad(rv.text, row.status) or row.status not in known_statuses:
            values["status"] = "draft"
            done.append(f"the status {row.status!r} is now 'draft'")
        for column, what in (("created_at", "creation time"),
                             ("updated_at", "time of the last change")):
            if _bad(rv.moment, getattr(row, column)):
                values[column] = now
                done.append(f"the {what} could not be read: it is now")
        if _bad(rv.moment, row.deleted_at, nullable=True):
            values["deleted_at"] = now
            done.append("the time it was binned could not be read: it is now")
        if _bad(rv.day, row.deadline):
            values["deadline"] = None
            done.append(f"the deadline {row.deadline!r} could not be read: it is cleared")
        if _bad(rv.json_object, row.respondent):
            values["respondent"] = "{}"
            done.append("the respondent details could not be read: they are cleared")
        if any(_bad(rv.integer, getattr(row, c), nullable=True, minimum=0)
               for c in ("answered", "total", "over")):
            values.update(answered=None, total=None, over=None)
        if values:
            conn.execute(update(R).where(R.c.id == response_id).values(**values))
        done += _repair_answers(conn, response_id, restore, fits)
    return done


def _repair_answers(conn: Connection, response_id: str, restore: Restore,
                    fits: Fits | None = None) -> list[str]:
    """Put each unreadable answer back to its newest readable revision (or clear it)."""
    done: list[str] = []
    rows = conn.execute(select(A.c.id, *(rv.raw(c) for c in A.c if c.key != "id"))
                        .where(A.c.response_id == response_id)).all()
    by_question: dict[Any, list[Any]] = {}
    for r in rows:
        by_question.setdefault(r.question_id, []).append(r)
    for qid, qrows in by_question.items():
        if _bad(rv.text, qid):
            conn.execute(delete(A).where(A.c.id.in_([r.id for r in qrows])))
            done.append(f"an answer whose question id could not be read ({qid!r}) was removed")
            continue
        for r in qrows:
            if _bad(rv.flag, r.done) or _bad(rv.text, r.contributor, nullable=True):
                conn.execute(update(A).where(A.c.id == r.id).values(done=False,
                                                                    contributor=None))
                done.append(f"the done flag or contributor of the answer to {qid} was reset")
        try:
            value = value_from_rows((rv.integer(r.entry, Message("entry"), minimum=0),
                                     rv.text(r.text, Message("answer"), nullable=True),
                                     rv.text(r.value, Message("answer"), nullable=True))
                                    for r in qrows)
            if fits is None or fits(qid, value):
                continue
        except UnreadableValue:
            pass
        revision = _newest_readable_revision(conn, response_id, qid)
        versions = [v for r in qrows if isinstance(v := r.version, int) and not
                    isinstance(v, bool) and 0 <= v < 2**62]
        # A version above any stored one: a window still holding the old one conflicts.
        next_version = max(versions, default=0) + 1
        conn.execute(delete(A).where(A.c.id.in_([r.id for r in qrows])))
        if revision is not None and restore(conn, qid, revision, next_version):
            done.append(f"the answer to {qid} could not be read: it is back to its newest "
                        "readable revision")
        else:
            done.append(f"the answer to {qid} could not be read and has no readable "
                        "revision: it is cleared")
    return done


def _newest_readable_revision(conn: Connection, response_id: str, question_id: str) -> Any:
    """The newest revision value of one answer that can be read, or None."""
    for (raw,) in conn.execute(
            select(rv.raw(V.c.value)).where(and_(V.c.response_id == response_id,
                                                 V.c.question_id == question_id))
            .order_by(V.c.id.desc())):
        try:
            value = rv.json_value(raw, Message("revision"), nullable=False)
        except UnreadableValue:
            continue
        if value is not None:
            return value
    return None
