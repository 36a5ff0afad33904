"""Opening the database: pragmas, schema, questionnaire storage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel

from consultdesk.domain.definition_file import content_hash
from consultdesk.domain.errors import DefinitionError
from consultdesk.services.catalog import load_bundled
from consultdesk.storage import tables  # noqa: F401 - registers the tables
from consultdesk.storage.database import DB_FILE_NAME, Database
from consultdesk.storage.migrations import APPLICATION_ID, LATEST
from consultdesk.storage.questionnaire_repository import QuestionnaireRepository


def open_database(data_dir: Path, url: str | None) -> Database:
    """The data dir's SQLite file, or the team database at ``url``."""
    if url is None:
        return Database.open(data_dir)
    from consultdesk.storage.pg_database import PgDatabase

    return PgDatabase.open_url(data_dir, url)


def test_open_creates_the_file_with_our_pragmas(tmp_path: Path) -> None:
    with Database.open(tmp_path / "d") as db:
        assert db.path == tmp_path / "d" / DB_FILE_NAME
        with db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
            assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
        assert db.schema_version() == LATEST
        assert db.integrity_check() == "ok"


@pytest.mark.parametrize("name", ["fifty%41 percent", "why?x", "a#b %2F?c=1"])
def test_a_folder_name_with_url_characters_opens_its_own_file(tmp_path: Path,
                                                              name: str) -> None:
    # The engine was made from "sqlite:///<path>", which SQLAlchemy URL-decodes and cuts
    # at "?": such a folder's engine opened another (empty) file ("no such table").
    data_dir = tmp_path / name
    with Database.open(data_dir) as db:
        with db.write() as conn:
            conn.exec_driver_sql("CREATE TABLE marker (x INTEGER)")
        with db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA user_version").scalar() == LATEST
    with sqlite3.connect(data_dir / DB_FILE_NAME) as raw:
        assert raw.execute("SELECT name FROM sqlite_master WHERE name = 'marker'").fetchone()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no stray file beside it


def test_durable_write_uses_full_sync_then_returns_to_normal(tmp_path: Path) -> None:
    with Database.open(tmp_path) as db:
        with db.write(durable=True) as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        with db.write() as conn:
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1


def test_migrated_schema_matches_the_sqlmodel_tables(tmp_path: Path) -> None:
    with Database.open(tmp_path):
        pass
    conn = sqlite3.connect(tmp_path / DB_FILE_NAME)
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in {"questionnaire", "response", "answer", "answer_revision"}:
            continue
        columns = {row[1]: (row[3], row[5]) for row in
                   conn.execute(f"PRAGMA table_info({table.name})")}
        expected = {c.name: (int(not c.nullable), int(c.primary_key) and
                             list(table.primary_key.columns).index(c) + 1)
                    for c in table.columns}
        assert columns == expected, table.name
    conn.close()


def test_questionnaire_store_is_idempotent_and_refuses_changed_content(
        tmp_path: Path, database_url: str | None) -> None:
    q = load_bundled()["ohchr-civic-space-2021"]
    with open_database(tmp_path, database_url) as db:
        repo = QuestionnaireRepository(db)
        assert repo.store(q) == content_hash(q)
        assert repo.store(q) == content_hash(q)
        changed = q.model_copy(update={"title": "Changed title"})
        with pytest.raises(DefinitionError, match="raise 'version'"):
            repo.store(changed)
        v2 = q.model_copy(update={"version": 2, "title": "Changed title"})
        repo.store(v2)
        # A fresh repository (no cache) reads the definitions back from the file.
        fresh = QuestionnaireRepository(db)
        assert fresh.get(q.id, 1) == q
        assert fresh.get(q.id) == v2
        assert [x.version for x in fresh.latest_all()] == [2]
        assert fresh.get("unknown") is None


def test_checkpoint_copies_the_wal_into_the_file(tmp_path: Path) -> None:
    with Database.open(tmp_path) as db:
        wal, main = tmp_path / (DB_FILE_NAME + "-wal"), tmp_path / DB_FILE_NAME
        # Measured, not assumed: the schema's own pages grow with every schema step.
        schema_size = main.stat().st_size
        with db.write() as conn:
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint=0")
            conn.exec_driver_sql("CREATE TABLE t (x)")
            conn.exec_driver_sql("INSERT INTO t VALUES (randomblob(100000))")
        assert wal.stat().st_size > 100_000 and main.stat().st_size < schema_size + 100_000
        db.checkpoint()
        assert main.stat().st_size > schema_size + 100_000  # the blob is in the file now
