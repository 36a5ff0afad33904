"""The team database on a real PostgreSQL server: the same schema through the same
migrator, one transaction, refusing newer and foreign databases, addresses without
passwords, and a one-line error when the server cannot be reached."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from pg_server import PgServer, dbname
from sqlmodel import SQLModel

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import WriterKind
from consultdesk.domain.errors import ServerUnreachableError
from consultdesk.storage import migrations, tables  # noqa: F401 - registers the tables
from consultdesk.storage.errors import DatabaseError, NewerSchemaError
from consultdesk.storage.pg_connect import describe, parse_url
from consultdesk.storage.pg_database import PgDatabase

OURS = {"questionnaire", "response", "answer", "answer_revision"}


def pg_rows(url: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]  # type: ignore[arg-type]


def test_empty_database_gets_the_latest_schema_matching_the_models(
        empty_pg_url: str, tmp_path: Path) -> None:
    with PgDatabase.open_url(tmp_path, empty_pg_url) as db:
        assert db.schema_version() == migrations.LATEST
        assert db.integrity_check() == "ok"
    columns: dict[str, dict[str, bool]] = {}
    for table, column, nullable in pg_rows(
            empty_pg_url, "SELECT table_name, column_name, is_nullable FROM "
                          "information_schema.columns WHERE table_schema = 'public'"):
        columns.setdefault(str(table), {})[str(column)] = nullable == "YES"
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in columns:
            continue
        expected = {c.name: bool(c.nullable) and not c.primary_key for c in table.columns}
        assert columns[table.name] == expected, table.name
    assert set(columns) >= OURS
    # Identity columns: inserting without an id numbers the rows, as SQLite's rowid does.
    assert pg_rows(empty_pg_url, "SELECT count(*) FROM information_schema.columns WHERE "
                                 "is_identity = 'YES' AND table_name IN ('answer', "
                                 "'answer_revision')") == [(2,)]


def test_a_failing_step_leaves_the_database_as_it_was(
        empty_pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = (*migrations.STEPS, "CREATE TABLE extra (x INTEGER); SELECT no_such_function()")
    monkeypatch.setattr(migrations, "STEPS", broken)
    monkeypatch.setattr(migrations, "LATEST", len(broken))
    with pytest.raises(DatabaseError):
        PgDatabase.open_url(tmp_path, empty_pg_url).close()
    # Not even step 1's tables, nor the version table: all steps or none.
    assert pg_rows(empty_pg_url, "SELECT count(*) FROM information_schema.tables "
                                 "WHERE table_schema = 'public'") == [(0,)]


def test_a_newer_schema_is_refused_and_left_untouched(pg_url: str, tmp_path: Path) -> None:
    newer = migrations.LATEST + 1
    with psycopg.connect(pg_url) as conn:
        conn.execute(f"UPDATE consultdesk_schema SET version = {newer}")  # type: ignore[arg-type]
    with pytest.raises(NewerSchemaError, match=f"schema {newer}"):
        AppContext.open(tmp_path, pg_url)
    assert pg_rows(pg_url, "SELECT version FROM consultdesk_schema") == [(newer,)]


def test_somebody_elses_database_is_refused(empty_pg_url: str, tmp_path: Path) -> None:
    with psycopg.connect(empty_pg_url) as conn:
        conn.execute("CREATE TABLE payroll (id INTEGER)")
    with pytest.raises(DatabaseError, match="not a ConsultDesk database"):
        AppContext.open(tmp_path, empty_pg_url)
    assert pg_rows(empty_pg_url, "SELECT table_name FROM information_schema.tables "
                                 "WHERE table_schema = 'public'") == [("payroll",)]


def test_many_consultdesks_starting_at_once_upgrade_it_once(
        empty_pg_url: str, tmp_path: Path) -> None:
    script = ("import sys; from consultdesk.app_context import AppContext; "
              "c = AppContext.open(sys.argv[1], sys.argv[2]); "
              "print(c.database.schema_version()); c.close()")
    procs = [subprocess.Popen([sys.executable, "-c", script, str(tmp_path / f"d{i}"),
                               empty_pg_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for i in range(4)]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, outs
    assert {o.strip() for o, _ in outs} == {str(migrations.LATEST)}
    assert pg_rows(empty_pg_url, "SELECT count(*) FROM consultdesk_schema") == [(1,)]


def test_portable_sql_is_translated_for_postgresql() -> None:
    sql = "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, at DATETIME, b BLOB)"
    assert migrations.to_postgresql(sql) == (
        "CREATE TABLE t (id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
        "at TIMESTAMP, b BYTEA)")
    step = migrations.Step("CREATE TABLE a (x INTEGER)", postgresql="CREATE TABLE b (x INT)")
    assert step.body("postgresql") == "CREATE TABLE b (x INT)"
    assert step.body("sqlite") == "CREATE TABLE a (x INTEGER)"


# -- addresses ---------------------------------------------------------------------
@pytest.mark.parametrize("url, message", [
    ("postgresql://sato:secret@db.example.org/consultdesk", "contains a password"),
    ("postgresql://db.example.org/consultdesk?password=secret", "contains a password"),
    ("postgresql://db.example.org/consultdesk?sslmode=sometimes", "unknown sslmode"),
    ("mysql://db.example.org/consultdesk", "not a PostgreSQL URL"),
    ("postgresql://db.example.org:notaport/x", "not valid"),
])
def test_unusable_addresses_are_refused(url: str, message: str) -> None:
    with pytest.raises(DatabaseError, match=message):
        parse_url(url)


def test_the_server_is_named_as_the_user_wrote_it() -> None:
    assert describe("postgresql://sato@db.example.org:5433/team?sslmode=require") == \
        "db.example.org:5433/team"
    assert describe("postgresql:///?service=consultdesk") == "service consultdesk"


def test_password_from_pgpass_and_sslmode(pg_server: PgServer, pg_url: str, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    name = dbname(pg_url)
    pg_server.add_role(f"sato_{name}", "s3cret-pw", name)
    url = pg_server.tcp_url(name, f"sato_{name}")
    pgpass = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with pytest.raises(ServerUnreachableError, match="~/.pgpass"):
        AppContext.open(tmp_path / "d", url)  # no password anywhere yet
    pgpass.write_text(f"127.0.0.1:{pg_server.port}:{name}:sato_{name}:s3cret-pw\n")
    pgpass.chmod(0o600)
    ctx = AppContext.open(tmp_path / "d", url + "?sslmode=prefer")
    try:
        assert ctx.database.role() == f"sato_{name}"
        rid = ctx.responses.create("ohchr-civic-space-2021")
        assert ctx.responses.load(rid).id == rid
    finally:
        ctx.close()
    # The test server has no certificate: sslmode=require is refused, saying so.
    with pytest.raises(ServerUnreachableError, match="sslmode"):
        AppContext.open(tmp_path / "d", url + "?sslmode=require")


# -- the server cannot be reached ------------------------------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_cli_says_in_one_line_that_the_server_cannot_be_reached(tmp_path: Path) -> None:
    port = _free_port()  # nothing listens there
    url = f"postgresql://sato@127.0.0.1:{port}/consultdesk"
    env = {**os.environ, "CONSULTDESK_DATABASE": url}
    for argv in (["--database", url, "responses"], ["show", "abc"]):
        done = subprocess.run([sys.executable, "-m", "consultdesk", "--data-dir",
                               str(tmp_path / "d"), *argv], capture_output=True, text=True,
                              env=env, timeout=60)
        assert done.returncode == 2, done
        lines = done.stderr.strip().splitlines()
        assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
        assert f"127.0.0.1:{port}/consultdesk" in lines[0]
        assert "check that the server is running" in lines[0]
        assert done.stdout == ""


def test_every_revision_records_the_database_role(pg_server: PgServer, pg_url: str,
                                                  tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    name = dbname(pg_url)
    role = f"tanaka_{name}"
    pg_server.add_role(role, "pw-tanaka", name)
    monkeypatch.setenv("PGPASSWORD", "pw-tanaka")  # as a script would
    ctx = AppContext.open(tmp_path, pg_server.tcp_url(name, role))
    try:
        rid = ctx.responses.create("ohchr-civic-space-2021")
        ctx.responses.save_answer(rid, "q1", "First text.", base_version=None,
                                  author=ctx.author(WriterKind.CLI))
        assert ctx.responses.take_revision(rid, "q1", "save")
    finally:
        ctx.close()
    # Filled in by the server (a column default), whatever the client sends.
    assert pg_rows(pg_url, "SELECT db_role FROM answer_revision") == [(role,)]


def test_a_colleagues_save_is_heard_within_a_second(pg_url: str, tmp_path: Path) -> None:
    import threading
    import time

    from consultdesk.domain.authorship import Author

    sato = AppContext.open(tmp_path / "sato", pg_url)
    tanaka = AppContext.open(tmp_path / "tanaka", pg_url)
    try:
        rid = sato.responses.create("ohchr-civic-space-2021")
        heard = threading.Event()
        listener = tanaka.database.change_notifier()  # type: ignore[attr-defined]
        stop = listener.subscribe(heard.set)
        token, _ = tanaka.responses.changes_since(rid, None)
        time.sleep(0.3)
        heard.clear()
        token, changes = tanaka.responses.changes_since(rid, token)
        # Nothing written since: the check reads no table (the notice counter is still).
        before = tanaka.database.data_version()
        assert tanaka.responses.changes_since(rid, token)[1] == []
        assert tanaka.database.data_version() == before
        started = time.monotonic()
        sato.responses.save_answer(rid, "q2", "Sato's text.", base_version=0,
                                   author=Author(WriterKind.APP, "Sato"))
        assert heard.wait(1.0), "no notice within a second"
        deadline = started + 1.0
        while tanaka.database.data_version() == before and time.monotonic() < deadline:
            time.sleep(0.01)
        token, changes = tanaka.responses.changes_since(rid, token)
        assert time.monotonic() - started < 1.0
        assert [c.question_id for c in changes] == ["q2"]
        stop()
    finally:
        sato.close()
        tanaka.close()
