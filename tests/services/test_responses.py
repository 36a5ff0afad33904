"""ResponseService: create, load, autosave, details, merge, duplicate."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import raw_sql

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.errors import AnswerError, NotFoundError
from consultdesk.domain.response import ResponseStatus

OHCHR = "ohchr-civic-space-2021"
SR = "sr-expression-call-2026"

#: Who writes in these tests.
TESTER = Author(WriterKind.APP, "tester")


def raw_rows(ctx: AppContext, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Read the database directly (file or server), bypassing the services."""
    return raw_sql.raw_rows(ctx.database, sql, *params)


def test_create_and_load_round_trip(context: AppContext) -> None:
    rid = context.responses.create(
        OHCHR, "Japan 2021", respondent={"state": "Japan"},
        answers={"q1": "We **held** online hearings.", "q2": ""},
        deadline=date(2027, 1, 31))
    data = context.responses.load(rid)
    assert data.title == "Japan 2021"
    assert data.questionnaire.id == OHCHR
    assert data.status is ResponseStatus.DRAFT
    assert data.deadline == date(2027, 1, 31)
    assert data.respondent == {"state": "Japan"}
    assert data.answers["q1"] == "We **held** online hearings."
    assert data.created_at is not None and data.created_at.tzinfo is not None


def test_create_defaults_title_to_questionnaire_title(context: AppContext) -> None:
    rid = context.responses.create(OHCHR)
    assert context.responses.load(rid).title == "Online consultation with Member States"


def test_create_rejects_bad_answers_and_writes_nothing(context: AppContext) -> None:
    with pytest.raises(AnswerError, match="unknown question id 'nope'"):
        context.responses.create(OHCHR, answers={"q1": "ok", "nope": "x"})
    with pytest.raises(AnswerError, match="'maybe' is not one of the options"):
        context.responses.create(SR, answers={"authority": "maybe"})
    assert context.responses.list() == []
    assert raw_rows(context, "SELECT count(*) FROM response") == [(0,)]


def test_unknown_questionnaire_and_response(context: AppContext) -> None:
    with pytest.raises(NotFoundError):
        context.responses.create("no-such-questionnaire")
    with pytest.raises(NotFoundError):
        context.responses.load("000000000000")
    with pytest.raises(NotFoundError):
        context.responses.save_answer("000000000000", "q1", "text",
                                      base_version=None, author=TESTER)


def test_save_answer_writes_one_row_and_returns_time(context: AppContext) -> None:
    rid = context.responses.create(OHCHR, answers={"q1": "first", "q2": "other"})
    before = raw_rows(context, "SELECT question_id, updated_at FROM answer WHERE question_id='q2'")
    context.responses.set_contributor(rid, "q1", "MOFA")
    base = context.responses.load(rid).versions["q1"]
    result = context.responses.save_answer(rid, "q1", "second", base_version=base,
                                           author=TESTER)
    saved = result.saved_at
    assert result.saved and result.changed and result.version == base + 1
    assert saved is not None and saved.tzinfo is not None
    assert abs((datetime.now(UTC) - saved).total_seconds()) < 60
    assert raw_rows(context, "SELECT text, contributor FROM answer WHERE question_id='q1'") == [
        ("second", "MOFA")]
    # The other answer's row was not rewritten.
    assert raw_rows(context,
                    "SELECT question_id, updated_at FROM answer WHERE question_id='q2'") == before
    data = context.responses.load(rid)
    assert data.answers["q1"] == "second"
    assert data.contributors == {"q1": "MOFA"}


def test_save_answer_validates(context: AppContext) -> None:
    rid = context.responses.create(SR)
    with pytest.raises(AnswerError, match="unknown question id"):
        context.responses.save_answer(rid, "zz", "x", base_version=None, author=TESTER)
    with pytest.raises(AnswerError, match="expected text"):
        context.responses.save_answer(rid, "laws", ["a"],
                                      base_version=None, author=TESTER)  # type: ignore[list-item]
    with pytest.raises(AnswerError, match="not one of the options"):
        context.responses.save_answer(rid, "authority", "perhaps", base_version=None, author=TESTER)
    assert context.responses.load(rid).answers == {}


def test_choices_and_repeating_blocks(context: AppContext) -> None:
    rid = context.responses.create(SR)
    context.responses.save_answer(rid, "authority", "yes", base_version=None, author=TESTER)
    entries = [{"description": "A law"}, {"description": "A hotline"}, {"description": "C"}]
    context.responses.save_answer(rid, "measures", entries, base_version=None, author=TESTER)
    assert context.responses.load(rid).answers["measures"] == entries
    # Each entry is its own row; shrinking the block removes the extra rows.
    assert raw_rows(context, "SELECT count(*) FROM answer WHERE question_id='measures' "
                             "AND entry > 0") == [(3,)]
    context.responses.save_answer(rid, "measures", entries[:1], base_version=None, author=TESTER)
    assert context.responses.load(rid).answers["measures"] == entries[:1]
    assert raw_rows(context, "SELECT count(*) FROM answer WHERE question_id='measures' "
                             "AND entry > 0") == [(1,)]
    context.responses.save_answer(rid, "authority", None, base_version=None, author=TESTER)
    assert "authority" not in context.responses.load(rid).answers


def test_respondent_done_contributor_details(context: AppContext) -> None:
    rid = context.responses.create(SR)
    context.responses.save_respondent(rid, "submitter", "Japan")
    context.responses.save_respondent(rid, "publish", "yes")
    with pytest.raises(AnswerError, match="unknown respondent field"):
        context.responses.save_respondent(rid, "nope", "x")
    context.responses.set_done(rid, "laws", True)
    context.responses.set_contributor(rid, "laws", "Ministry of Justice")
    context.responses.update_details(rid, title="Japan input", status=ResponseStatus.IN_REVIEW,
                                     deadline=None)
    data = context.responses.load(rid)
    assert data.respondent == {"submitter": "Japan", "publish": "yes"}
    assert data.done == {"laws": True}
    assert data.contributors == {"laws": "Ministry of Justice"}
    assert (data.title, data.status, data.deadline) == ("Japan input", ResponseStatus.IN_REVIEW,
                                                        None)
    context.responses.set_done(rid, "laws", False)
    context.responses.update_details(rid, deadline=date(2027, 3, 1))
    data = context.responses.load(rid)
    assert data.done == {} and data.deadline == date(2027, 3, 1)
    assert data.title == "Japan input"  # "keep" left the rest alone


def test_list_shows_progress_and_refreshes_after_saves(context: AppContext) -> None:
    rid = context.responses.create(OHCHR, answers={"q1": "x" * 6000})
    # Counted at creation, so the first listing need not count.
    assert raw_rows(context, "SELECT answered, total, over FROM response") == [(1, 6, 1)]
    [summary] = context.responses.list()
    assert (summary.id, summary.answered, summary.total, summary.over) == (rid, 1, 6, 1)
    context.responses.save_answer(rid, "q1", "short", base_version=None, author=TESTER)
    context.responses.save_answer(rid, "q2", "another", base_version=None, author=TESTER)
    [summary] = context.responses.list()
    assert (summary.answered, summary.over) == (2, 0)
    # The second listing comes from the cache, and agrees.
    assert raw_rows(context, "SELECT answered, total, over FROM response") == [(2, 6, 0)]
    assert context.responses.list()[0].answered == 2


def test_merge_validates_all_first(context: AppContext) -> None:
    rid = context.responses.create(SR, answers={"laws": "old"})
    with pytest.raises(AnswerError):
        context.responses.merge(rid, {"submitter": "Japan"},
                                {"laws": "new", "authority": "perhaps"}, author=TESTER)
    data = context.responses.load(rid)
    assert data.answers == {"laws": "old"} and data.respondent == {}
    result = context.responses.merge(rid, {"submitter": "Japan"},
                                     {"laws": "new", "authority": "no"}, author=TESTER)
    assert result.changed == {"laws": 2, "authority": 1} and result.unchanged == []
    data = context.responses.load(rid)
    assert data.answers == {"laws": "new", "authority": "no"}
    assert data.respondent == {"submitter": "Japan"}
    # The replaced answer was kept as a revision first.
    assert [r.value for r in context.responses.revisions(rid, "laws")] == ["old"]


def test_duplicate(context: AppContext) -> None:
    rid = context.responses.create(SR, "Original", respondent={"submitter": "Japan"},
                                   answers={"laws": "text", "measures": [{"description": "d"}]})
    context.responses.set_done(rid, "laws", True)
    copy = context.responses.duplicate(rid)
    assert copy != rid
    original, duplicate = context.responses.load(rid), context.responses.load(copy)
    assert duplicate.title == "Copy of Original"
    assert duplicate.answers == original.answers and duplicate.done == original.done
    assert duplicate.respondent == original.respondent
    context.responses.save_answer(copy, "laws", "changed", base_version=None, author=TESTER)
    assert context.responses.load(rid).answers["laws"] == "text"


def test_response_keeps_its_questionnaire_version(context: AppContext) -> None:
    rid = context.responses.create(OHCHR, answers={"q1": "a"})
    q = context.catalog.get(OHCHR)
    changed = q.model_copy(update={"version": 2, "title": "Updated consultation"})
    context.catalog.add(changed)
    assert context.catalog.get(OHCHR).version == 2
    assert context.responses.load(rid).questionnaire.version == 1
    new = context.responses.create(OHCHR)
    assert context.responses.load(new).questionnaire.title == "Updated consultation"


def test_saving_into_a_response_deleted_elsewhere_is_not_found(context: AppContext) -> None:
    rid = context.responses.create(SR)
    # The service now knows the response.
    context.responses.save_answer(rid, "laws", "x", base_version=None, author=TESTER)
    # e.g. the CLI, purging it meanwhile
    other = AppContext.open(context.data_dir, getattr(context.database, "url", None))
    try:
        other.responses.delete(rid)
        other.responses.purge(rid)
    finally:
        other.close()
    with pytest.raises(NotFoundError):
        context.responses.save_answer(rid, "laws", "y", base_version=None, author=TESTER)
    with pytest.raises(NotFoundError):
        context.responses.set_done(rid, "laws", True)


def test_unknown_status_is_an_answer_error(context: AppContext) -> None:
    rid = context.responses.create(SR)
    with pytest.raises(AnswerError, match="unknown status 'sent'"):
        context.responses.update_details(rid, status="sent")  # type: ignore[arg-type]


def test_a_duplicate_remembers_its_source_and_gives_the_earlier_answer(context) -> None:  # type: ignore[no-untyped-def]
    last = context.responses.create("ohchr-civic-space-2021", "2021", answers={"q1": "Old"})
    now = context.responses.duplicate(last, "2023")
    assert context.responses.load(now).source_response_id == last
    assert context.responses.load(last).source_response_id is None
    context.responses.save_answer(now, "q1", "New", base_version=None,
        author=Author(WriterKind.CLI, "test"))
    earlier = context.responses.earlier_answer(now, "q1")
    assert earlier is not None and (earlier.response_id, earlier.response_title,
                                    earlier.value) == (last, "2021", "Old")
    assert context.responses.earlier_answer(now, "q2").value is None  # type: ignore[union-attr]
    assert context.responses.earlier_answer(last, "q1") is None  # not started from another
    context.responses.delete(last)
    assert context.responses.earlier_answer(now, "q1").value == "Old"  # type: ignore[union-attr]
    context.responses.purge(last)
    assert context.responses.earlier_answer(now, "q1") is None
