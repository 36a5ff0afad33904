"""The versioned save: versions, conflicts that keep both texts, authors, changes."""

from __future__ import annotations

import time

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind

SR = "sr-expression-call-2026"
SATO = Author(WriterKind.APP, "Sato")
CLI = Author(WriterKind.CLI, "script")


def test_each_write_raises_the_version_and_records_its_author(context: AppContext) -> None:
    rid = context.responses.create(SR)
    assert context.responses.answer_versions(rid) == {}
    first = context.responses.save_answer(rid, "laws", "one", base_version=0, author=SATO)
    assert (first.saved, first.changed, first.version, first.conflict) == (True, True, 1, None)
    second = context.responses.save_answer(rid, "laws", "two", base_version=1, author=SATO)
    assert second.version == 2 and second.revision_id is None  # same writer typing on
    assert context.responses.answer_versions(rid) == {"laws": 2}
    assert context.responses.load(rid).versions == {"laws": 2}
    assert context.responses.revisions(rid, "laws") == []


def test_a_stale_base_is_a_conflict_that_overwrites_nothing(context: AppContext) -> None:
    rid = context.responses.create(SR, answers={"laws": "original"})
    cli = context.responses.save_answer(rid, "laws", "from the CLI", base_version=None,
                                        author=CLI, reason="set")
    assert cli.saved and cli.version == 2 and cli.revision_id is not None
    # The window still thinks it is at version 1.
    mine = context.responses.save_answer(rid, "laws", "my typing", base_version=1,
                                         author=SATO)
    assert not mine.saved and mine.conflict is not None
    assert (mine.conflict.value, mine.conflict.version, mine.conflict.author) == (
        "from the CLI", 2, CLI)
    assert context.responses.load(rid).answers["laws"] == "from the CLI"
    history = [(r.value, r.reason, r.author) for r in context.responses.revisions(rid, "laws")]
    assert history == [("my typing", "conflict", SATO),
                       ("original", "before set", Author(WriterKind.APP))]
    # Typing on while refused updates the one conflict revision (not one per save).
    again = context.responses.save_answer(rid, "laws", "my typing, longer", base_version=1,
                                          author=SATO)
    assert again.revision_id == mine.revision_id
    assert [r.value for r in context.responses.revisions(rid, "laws")][:2] == [
        "my typing, longer", "original"]
    # Keep mine: a save based on the version now stored; the CLI's text goes to history.
    kept = context.responses.save_answer(rid, "laws", "my typing, longer", base_version=2,
                                         author=SATO, reason="keep mine")
    assert kept.saved and kept.version == 3
    assert context.responses.load(rid).answers["laws"] == "my typing, longer"
    values = {r.value for r in context.responses.revisions(rid, "laws")}
    assert {"original", "from the CLI", "my typing, longer"} <= values


def test_the_same_text_from_a_stale_base_is_no_conflict(context: AppContext) -> None:
    rid = context.responses.create(SR, answers={"laws": "same"})
    context.responses.save_answer(rid, "laws", "agreed", base_version=None, author=CLI)
    result = context.responses.save_answer(rid, "laws", "agreed", base_version=1, author=SATO)
    assert result.saved and not result.changed and result.version == 2


def test_an_explicit_overwrite_of_the_same_value_writes_nothing(context: AppContext) -> None:
    rid = context.responses.create(SR, answers={"laws": "same"})
    result = context.responses.save_answer(rid, "laws", "same", base_version=None, author=CLI)
    assert result.saved and not result.changed and result.version == 1
    assert context.responses.revisions(rid, "laws") == []


def test_merge_reports_what_changed(context: AppContext) -> None:
    rid = context.responses.create(SR, answers={"laws": "kept", "authority": "yes"})
    result = context.responses.merge(rid, None, {"laws": "kept", "authority": "no"},
                                     author=CLI)
    assert result.changed == {"authority": 2} and result.unchanged == ["laws"]
    [rev] = context.responses.revisions(rid, "authority")
    assert (rev.value, rev.reason, rev.answer_version) == ("yes", "before set", 1)


def test_restore_is_a_versioned_overwrite(context: AppContext) -> None:
    rid = context.responses.create(SR, answers={"laws": "first"})
    context.responses.take_revision(rid, "laws")
    context.responses.save_answer(rid, "laws", "second", base_version=1, author=SATO)
    old = context.responses.revisions(rid, "laws")[0]
    result = context.responses.restore_revision(old.id, author=Author(WriterKind.RESTORE,
                                                                      "Sato"))
    assert result.saved and result.version == 3 and result.value == "first"
    newest = context.responses.revisions(rid, "laws")[0]
    assert (newest.value, newest.reason, newest.author) == ("second", "before restore", SATO)


def changes_after_commit(context: AppContext, rid: str, token: object) -> tuple[object, list]:
    """changes_since right after another process committed.  SQLite's data_version moves
    with the commit; a team database's notice arrives a few milliseconds later (LISTEN/
    NOTIFY, after the commit), so there it is asked again until then (at most 1 s)."""
    deadline = time.monotonic() + 1.0
    while True:
        token, changes = context.responses.changes_since(rid, token)  # type: ignore[arg-type]
        if changes or context.database.dialect == "sqlite" or time.monotonic() > deadline:
            return token, changes
        time.sleep(0.01)


def test_changes_since_reports_only_what_moved(context: AppContext) -> None:
    rid = context.responses.create(SR, answers={"laws": "a", "authority": "yes"})
    token, everything = context.responses.changes_since(rid, None)
    assert {c.question_id for c in everything} == {"laws", "authority"}
    token, nothing = context.responses.changes_since(rid, token)
    assert nothing == []
    # Another writer (its own connections, as another process would have) writes one.
    other = AppContext.open(context.data_dir, getattr(context.database, "url", None))
    try:
        other.responses.save_answer(rid, "laws", "b", base_version=None,
                                    author=Author(WriterKind.CLI, "x"))
    finally:
        other.close()
    token, changes = changes_after_commit(context, rid, token)
    assert [(c.question_id, c.value, c.version, c.author) for c in changes] == [
        ("laws", "b", 2, Author(WriterKind.CLI, "x"))]
    context.responses.set_done(rid, "authority", True)
    token, changes = changes_after_commit(context, rid, token)
    assert [(c.question_id, c.done) for c in changes] == [("authority", True)]
    assert context.responses.changes_since(rid, token)[1] == []
