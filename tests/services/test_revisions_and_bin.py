"""Revisions (taking, listing, restoring, pruning) and the bin."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.errors import NotFoundError
from consultdesk.storage.revision_repository import revisions_to_keep

SR = "sr-expression-call-2026"

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


def test_take_revision_only_when_changed(context: AppContext) -> None:
    rid = context.responses.create(SR)
    assert context.responses.take_revision(rid, "laws") is False  # nothing to keep
    context.responses.save_answer(rid, "laws", "one", base_version=None, author=TESTER)
    assert context.responses.take_revision(rid, "laws") is True
    assert context.responses.take_revision(rid, "laws") is False  # unchanged
    context.responses.save_answer(rid, "laws", "two", base_version=None, author=TESTER)
    assert context.responses.take_revision(rid, "laws", "pause") is True
    revisions = context.responses.revisions(rid, "laws")
    assert [(r.value, r.reason) for r in revisions] == [("two", "pause"), ("one", "save")]


def test_restore_revision_keeps_the_current_value_first(context: AppContext) -> None:
    rid = context.responses.create(SR)
    context.responses.save_answer(rid, "measures", [{"description": "first"}],
                                  base_version=None, author=TESTER)
    context.responses.take_revision(rid, "measures")
    context.responses.save_answer(rid, "measures", [{"description": "second"}, {}],
                                  base_version=None, author=TESTER)
    old = context.responses.revisions(rid, "measures")[0]
    restored = context.responses.restore_revision(old.id, author=TESTER)
    assert restored.saved and restored.value == [{"description": "first"}]
    assert context.responses.load(rid).answers["measures"] == [{"description": "first"}]
    values = [r.value for r in context.responses.revisions(rid, "measures")]
    assert values[0] == [{"description": "second"}, {}]
    with pytest.raises(NotFoundError):
        context.responses.restore_revision(99999, author=TESTER)


def test_pruning_policy() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    revisions = []
    # One revision a minute for 10 days.
    for minute in range(10 * 24 * 60):
        revisions.append((minute, now - timedelta(minutes=minute)))
    keep = revisions_to_keep(revisions, now)
    ages = sorted(now - created for rid, created in revisions if rid in keep)
    last_hour = [a for a in ages if a < timedelta(hours=1)]
    assert len(last_hour) == 60  # all of the last hour
    week = [a for a in ages if timedelta(hours=1) <= a < timedelta(days=7)]
    assert 6 * 24 <= len(week) <= 7 * 24 + 1  # about one per hour
    older = [a for a in ages if a >= timedelta(days=7)]
    assert 3 <= len(older) <= 4  # one per day
    assert 0 in keep  # the newest is always kept
    assert len(keep) < 400


def test_pruning_bounds_a_long_session(context: AppContext) -> None:
    rid = context.responses.create(SR)
    for i in range(30):
        context.responses.save_answer(rid, "laws", f"version {i}", base_version=None, author=TESTER)
        context.responses.take_revision(rid, "laws")
    # All recent: all kept, newest first.
    revisions = context.responses.revisions(rid, "laws")
    assert len(revisions) == 30 and revisions[0].value == "version 29"


def test_bin_delete_restore_purge(context: AppContext) -> None:
    keep = context.responses.create(SR, "Keep")
    gone = context.responses.create(SR, "Gone", answers={"laws": "text"})
    context.responses.delete(gone)
    assert [s.id for s in context.responses.list()] == [keep]
    [binned] = context.responses.list(deleted=True)
    assert binned.id == gone and binned.deleted_at is not None
    # A revision was kept before the delete.
    assert [r.reason for r in context.responses.revisions(gone, "laws")] == ["before delete"]
    context.responses.restore(gone)
    assert {s.id for s in context.responses.list()} == {keep, gone}
    with pytest.raises(NotFoundError, match="in the bin"):
        context.responses.purge(gone)  # only from the bin
    context.responses.delete(gone)
    context.responses.purge(gone)
    assert context.responses.list(deleted=True) == []
    with pytest.raises(NotFoundError):
        context.responses.load(gone)
    with pytest.raises(NotFoundError):
        context.responses.revisions(gone, "laws")
    with context.database.read() as conn:  # and its revisions went with it
        assert conn.execute(text("SELECT count(*) FROM answer_revision WHERE "
                                 "response_id = :rid"), {"rid": gone}).scalar_one() == 0


def test_ten_days_of_editing_keep_a_bounded_history(context: AppContext,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # The versioned save and revisions read the clock in answer_saves (split out of
    # responses.py).
    import consultdesk.services.answer_saves as responses_module

    rid = context.responses.create(SR)
    start = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    clock = {"now": start}
    monkeypatch.setattr(responses_module, "utc_now", lambda: clock["now"])
    # A pause (and a revision) every 20 minutes for 10 days: 720 revisions taken.
    steps = 10 * 24 * 3
    for step in range(steps):
        clock["now"] = start + timedelta(minutes=20 * step)
        context.responses.save_answer(rid, "laws", f"draft {step}",
                                      base_version=None, author=TESTER)
        assert context.responses.take_revision(rid, "laws", "pause")
    kept = context.responses.revisions(rid, "laws")
    now = clock["now"]
    assert kept[0].value == f"draft {steps - 1}"
    assert sum(1 for r in kept if now - r.created_at < timedelta(hours=1)) == 3
    hourly = [r for r in kept if timedelta(hours=1) <= now - r.created_at < timedelta(days=7)]
    assert len({r.created_at.replace(minute=0) for r in hourly}) == len(hourly)  # one an hour
    assert len(hourly) >= 7 * 24 - 2
    # Beyond a week: one per day, and every such day (Jan 1 to 4) still has one.
    older = [r.created_at.date() for r in kept if now - r.created_at >= timedelta(days=7)]
    assert sorted(older) == [(start + timedelta(days=d)).date() for d in range(4)]
    assert len(kept) < 200
