"""The autosave on a team database in four round trips (BEGIN, the write lock, one
statement for the answer and its response, COMMIT; no ping of a connection just used);
a connection the server dropped while it sat idle is still replaced before use, one
dropped in use is named as lost, and a busy write lock as busy."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest
from pg_server import PgServer
from sqlalchemy import event

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.errors import ServerUnreachableError
from consultdesk.storage import pg_database
from consultdesk.storage.errors import DatabaseError

ME = Author(WriterKind.APP, "Sato")
OHCHR = "ohchr-civic-space-2021"


def test_an_autosave_sends_the_lock_and_one_statement(pg_url: str, tmp_path: Path) -> None:
    with closing(AppContext.open(tmp_path / "data", pg_url)) as ctx:
        rid = ctx.responses.create(OHCHR)
        version = ctx.responses.save_answer(rid, "q1", "First words", base_version=0,
                                            author=ME).version
        sent: list[str] = []
        engine = ctx.database.engine
        event.listen(engine, "before_cursor_execute",
                     lambda _c, _cur, sql, *_a: sent.append(" ".join(sql.split())[:40]))
        result = ctx.responses.save_answer(rid, "q1", "First words, more", base_version=version,
                                           author=ME)
        assert result.saved and result.version == version + 1
        # The write lock, then the answer and its response in one statement.
        assert len(sent) == 2, sent
        assert sent[0].startswith("SET LOCAL lock_timeout") and sent[1].startswith("WITH changed")
        listed = {s.id: s for s in ctx.responses.list()}
        assert listed[rid].updated_at == result.saved_at  # the response was touched
        assert ctx.responses.load(rid).answers["q1"] == "First words, more"
        # A base that is not the stored version writes nothing (the conflict path).
        stale = ctx.responses.save_answer(rid, "q1", "Stale", base_version=version, author=ME)
        assert not stale.saved and ctx.responses.load(rid).answers["q1"] == "First words, more"


def test_a_connection_dropped_while_idle_is_replaced_before_use(
        pg_server: PgServer, pg_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg_database, "PING_AFTER_IDLE_S", 0.0)
    with closing(AppContext.open(tmp_path / "data", pg_url)) as ctx:
        rid = ctx.responses.create(OHCHR)
        version = ctx.responses.save_answer(rid, "q1", "Before", base_version=0,
                                            author=ME).version
        pg_server.stop_server()
        pg_server.start_server()
        pg_server.wait_ready()
        # The pooled connection died with the old server: the ping finds it, the pool
        # makes a new one, and the save goes through as if nothing had happened.
        result = ctx.responses.save_answer(rid, "q1", "After the restart",
                                           base_version=version, author=ME)
        assert result.saved
        assert ctx.responses.load(rid).answers["q1"] == "After the restart"


def test_a_connection_dropped_in_use_is_named_as_lost_and_the_next_save_works(
        pg_server: PgServer, pg_url: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pg_database, "PING_AFTER_IDLE_S", 1e9)  # no ping: the lock meets it
    with closing(AppContext.open(tmp_path / "data", pg_url)) as ctx:
        rid = ctx.responses.create(OHCHR)
        version = ctx.responses.save_answer(rid, "q1", "Before", base_version=0,
                                            author=ME).version
        pg_server.stop_server()
        pg_server.start_server()
        pg_server.wait_ready()
        with pytest.raises(ServerUnreachableError, match="was lost"):
            ctx.responses.save_answer(rid, "q1", "Lost", base_version=version, author=ME)
        # The broken connection left the pool: the next save gets a new one.
        assert ctx.responses.save_answer(rid, "q1", "After", base_version=version,
                                         author=ME).saved
        assert ctx.responses.load(rid).answers["q1"] == "After"


def test_a_busy_write_lock_is_said_as_busy(pg_url: str, tmp_path: Path) -> None:
    import psycopg

    with closing(AppContext.open(tmp_path / "data", pg_url)) as ctx:
        rid = ctx.responses.create(OHCHR)
        with psycopg.connect(pg_url) as other:
            other.execute(f"SELECT pg_advisory_xact_lock({pg_database.WRITE_LOCK_KEY})")
            with pytest.raises(DatabaseError, match="busy"), \
                    ctx.database.write(wait_s=0.2) as conn:
                conn.exec_driver_sql("SELECT 1")
        # Released (the other transaction ended): writes go through again.
        assert ctx.responses.save_answer(rid, "q1", "Now", base_version=0, author=ME).saved
