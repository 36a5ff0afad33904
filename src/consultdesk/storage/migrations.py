"""Schema versions and the ordered steps that upgrade a database to the latest one.

A small ordered-steps migrator rather than Alembic, on purpose: every user has one
SQLite file that must upgrade itself inside the desktop app at start-up (also when
frozen by PyInstaller, where Alembic's script directory and ``env.py`` would have to
be shipped and found); SQLite's limited ``ALTER TABLE`` makes Alembic copy tables in
"batch mode" anyway; and plain SQL steps that run in one transaction together with
the version bump are easy to read and to audit.  The same steps build a team
database on PostgreSQL (``migrate_postgresql``).

Rules: ``STEPS[n]`` upgrades version ``n`` to ``n + 1``; a released step is NEVER
edited (databases in the field were made with it; tests/storage/fixtures/
consultdesk-schema-1.sqlite3 proves step 1 still upgrades) - change the schema by
appending a step and updating ``tables.py`` (tests check both engines agree with it).
On SQLite the version lives in ``PRAGMA user_version``; on PostgreSQL, which has no
such thing, in the one-row table ``consultdesk_schema``.  Both upgrade in ONE
transaction (all steps or none) and refuse a database from a newer ConsultDesk.

HOW TO WRITE A STEP (both engines run every step):

- A plain string is portable SQL, run as it is on SQLite and on PostgreSQL.  Write
  the subset both accept: ``TIMESTAMP`` (not ``DATETIME``), ``BOOLEAN ... DEFAULT
  FALSE`` (not ``DEFAULT 0``), ``TEXT``/``VARCHAR``/``INTEGER``, ``ALTER TABLE ... ADD
  COLUMN``, ``CREATE INDEX IF NOT EXISTS``.  Statements are split on ``;`` (no ``;``
  inside literals or trigger bodies).  For convenience, on PostgreSQL the portable
  SQL is translated for three spellings SQLite users write out of habit:
  ``INTEGER PRIMARY KEY [AUTOINCREMENT]`` (a SQLite rowid) becomes an identity
  column, ``DATETIME`` becomes ``TIMESTAMP`` and ``BLOB`` becomes ``BYTEA``.
- When the engines need different SQL (SQLite's FTS5 vs PostgreSQL's tsvector, a
  trigger, a partial index...), use ``Step(portable_sql, postgresql=..., sqlite=...)``:
  each override replaces the whole step on that engine and is either SQL or a
  callable ``(dbapi_connection) -> None`` (a ``sqlite3.Connection`` or a
  ``psycopg.Connection``; mind the paramstyle, ``?`` vs ``%s``), run inside the
  migration's transaction (never commit in it).
- Adding a ``postgresql=`` override to a step whose SQLite SQL is unchanged is
  allowed until PostgreSQL support is released (no team database was made with it).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from consultdesk.storage import pg_search_index

#: Written into the file header (PRAGMA application_id) so that ConsultDesk can tell
#: its own databases from any other SQLite file: "CDSK".
APPLICATION_ID = 0x4344534B

_SCHEMA_1 = """
CREATE TABLE questionnaire (
    id VARCHAR NOT NULL,
    version INTEGER NOT NULL,
    content_hash VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    definition TEXT NOT NULL,
    installed_at DATETIME NOT NULL,
    PRIMARY KEY (id, version)
);
CREATE TABLE response (
    id VARCHAR NOT NULL,
    title VARCHAR NOT NULL,
    questionnaire_id VARCHAR NOT NULL,
    questionnaire_version INTEGER NOT NULL,
    status VARCHAR NOT NULL,
    deadline DATE,
    respondent VARCHAR NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    deleted_at DATETIME,
    answered INTEGER,
    total INTEGER,
    over INTEGER,
    PRIMARY KEY (id),
    FOREIGN KEY (questionnaire_id, questionnaire_version)
        REFERENCES questionnaire (id, version)
);
CREATE TABLE answer (
    id INTEGER NOT NULL,
    response_id VARCHAR NOT NULL,
    question_id VARCHAR NOT NULL,
    entry INTEGER NOT NULL,
    text TEXT,
    value TEXT,
    updated_at DATETIME NOT NULL,
    contributor VARCHAR,
    done BOOLEAN NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (response_id, question_id, entry),
    FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
);
CREATE TABLE answer_revision (
    id INTEGER NOT NULL,
    response_id VARCHAR NOT NULL,
    question_id VARCHAR NOT NULL,
    value TEXT NOT NULL,
    reason VARCHAR NOT NULL,
    created_at DATETIME NOT NULL,
    PRIMARY KEY (id),
    FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
);
CREATE INDEX ix_answer_revision_question
    ON answer_revision (response_id, question_id, created_at);
"""

#: Answer versions and authors (issue 11).  Every answer's head row (entry 0) carries a
#: version that each write raises, and who wrote it; every revision records the author
#: of the text it keeps and the answer version that text was.  Existing answers start at
#: version 1 (0 means "never written"), their authors unknown (read as the app).
#: Plain ALTER TABLE ... ADD COLUMN with constant defaults: SQLite and PostgreSQL both
#: accept it as written.
_ANSWER_VERSIONS = """
ALTER TABLE answer ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE answer ADD COLUMN author_kind VARCHAR;
ALTER TABLE answer ADD COLUMN author_name VARCHAR;
UPDATE answer SET version = 1 WHERE entry = 0;
ALTER TABLE answer_revision ADD COLUMN author_kind VARCHAR NOT NULL DEFAULT 'app';
ALTER TABLE answer_revision ADD COLUMN author_name VARCHAR NOT NULL DEFAULT '';
ALTER TABLE answer_revision ADD COLUMN answer_version INTEGER
"""

#: Team database (issue 15): who is editing what right now (a short-lived row each
#: open editor refreshes; not copied by push/pull), and the database role that wrote
#: each revision (on PostgreSQL the server fills it in, so it cannot be forged by a
#: client; NULL on a SQLite file, which has no roles).
_TEAM = """
CREATE TABLE presence (
    session_id VARCHAR NOT NULL PRIMARY KEY,
    response_id VARCHAR NOT NULL,
    question_id VARCHAR,
    user_name VARCHAR NOT NULL,
    db_role VARCHAR,
    seen_at TIMESTAMP NOT NULL
);
CREATE INDEX ix_presence_response ON presence (response_id, seen_at);
ALTER TABLE answer_revision ADD COLUMN db_role VARCHAR
"""

#: On PostgreSQL: the role as a server-side default, and a notification on every change
#: to an answer or a response, which open windows LISTEN for (live refresh within a
#: second, without polling the tables).  Function bodies hold ';', hence a callable.
_PG_NOTIFY = (
    "CREATE FUNCTION consultdesk_answer_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN PERFORM pg_notify('consultdesk_changes', "
    "COALESCE(NEW.response_id, OLD.response_id)); RETURN NULL; END $$",
    "CREATE FUNCTION consultdesk_response_changed() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN PERFORM pg_notify('consultdesk_changes', COALESCE(NEW.id, OLD.id)); "
    "RETURN NULL; END $$",
    "CREATE TRIGGER answer_changed AFTER INSERT OR UPDATE OR DELETE ON answer "
    "FOR EACH ROW EXECUTE FUNCTION consultdesk_answer_changed()",
    "CREATE TRIGGER response_changed AFTER INSERT OR UPDATE OR DELETE ON response "
    "FOR EACH ROW EXECUTE FUNCTION consultdesk_response_changed()",
)


def _team_postgresql(conn: Any) -> None:
    """The team step on PostgreSQL: the portable tables, the role default, the triggers."""
    for statement in _statements(to_postgresql(_TEAM)):
        conn.execute(statement)
    conn.execute("ALTER TABLE answer_revision ALTER COLUMN db_role SET DEFAULT current_user")
    for statement in _PG_NOTIFY:
        conn.execute(statement)


#: Step 1 on PostgreSQL: the same tables; an identity column where SQLite has a rowid,
#: TIMESTAMP where SQLite took DATETIME.
_SCHEMA_1_POSTGRESQL = (
    _SCHEMA_1.replace("DATETIME", "TIMESTAMP")
    .replace("id INTEGER NOT NULL,", "id INTEGER GENERATED BY DEFAULT AS IDENTITY NOT NULL,")
)

#: A step's SQL for one engine, or a callable given that engine's DB-API connection.
StepBody = str | Callable[[Any], None]


@dataclass(frozen=True)
class Step:
    """One schema step: portable SQL, with optional whole-step overrides per engine."""

    sql: StepBody
    postgresql: StepBody | None = None
    sqlite: StepBody | None = None

    def body(self, dialect: str) -> StepBody:
        """What runs on ``dialect`` ("sqlite" or "postgresql")."""
        override = self.postgresql if dialect == "postgresql" else self.sqlite
        if override is not None:
            return override
        if dialect == "postgresql" and isinstance(self.sql, str):
            return to_postgresql(self.sql)
        return self.sql


# Contributions (issue 12): contributors of the data folder, what was given to whom,
# the replies received, and who wrote which paragraph of an answer.  Portable SQL
# (SQLite and PostgreSQL alike): TIMESTAMP; "INTEGER PRIMARY KEY" is a rowid on SQLite
# and becomes an identity column on PostgreSQL.
_CONTRIBUTIONS = """
CREATE TABLE contributor (
    tag VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    contact VARCHAR NOT NULL,
    email VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tag)
);
CREATE TABLE assignment (
    id INTEGER PRIMARY KEY,
    response_id VARCHAR NOT NULL,
    question_id VARCHAR NOT NULL,
    entry INTEGER NOT NULL,
    contributor VARCHAR NOT NULL,
    due DATE,
    note TEXT NOT NULL,
    share INTEGER,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (response_id, question_id, entry, contributor),
    FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE,
    FOREIGN KEY (contributor) REFERENCES contributor (tag)
);
CREATE TABLE contribution (
    id INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL,
    value TEXT NOT NULL,
    status VARCHAR NOT NULL,
    received_at TIMESTAMP NOT NULL,
    source_name VARCHAR NOT NULL,
    source_hash VARCHAR NOT NULL,
    merged_at TIMESTAMP,
    UNIQUE (assignment_id, source_hash),
    FOREIGN KEY (assignment_id) REFERENCES assignment (id) ON DELETE CASCADE
);
CREATE TABLE answer_attribution (
    response_id VARCHAR NOT NULL,
    item VARCHAR NOT NULL,
    paragraphs TEXT NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    PRIMARY KEY (response_id, item),
    FOREIGN KEY (response_id) REFERENCES response (id) ON DELETE CASCADE
)
"""


# -- step 3 (reuse): the source a response was started from, and the search index ----------
_SOURCE_RESPONSE = """
ALTER TABLE response ADD COLUMN source_response_id VARCHAR
"""

#: What of an answer row is searched: a text answer's Markdown without its emphasis
#: marks (so "online hearings" is found in "**online** hearings"), or the text fields of
#: a repeating block's entry (a choice's option ids are not worth finding).
_SEARCH_BODY = """CASE
    WHEN {row}.text IS NOT NULL THEN replace({row}.text, '*', '')
    WHEN {row}.entry > 0 AND json_valid({row}.value) AND json_type({row}.value) = 'object'
    THEN (SELECT group_concat(value, char(10)) FROM json_each({row}.value)
          WHERE type = 'text')
END"""

_SEARCH_INSERT = """INSERT INTO answer_search (rowid, body, response_id, question_id, entry)
    SELECT {row}.id, body, {row}.response_id, {row}.question_id, {row}.entry
    FROM (SELECT """ + _SEARCH_BODY + """ AS body) WHERE body IS NOT NULL AND body <> ''"""

# SQLite only: an FTS5 table with the trigram tokenizer (Japanese matches inside words),
# kept by triggers rather than by code in the save path, so that every writer (autosave,
# import, merge, restore, a future writer) keeps the index right without knowing of it.
# PostgreSQL gets only the portable column here; its search (pg_trgm) is its own step.
_SEARCH_INDEX_SQLITE = f"""
CREATE VIRTUAL TABLE answer_search USING fts5(
    body, response_id UNINDEXED, question_id UNINDEXED, entry UNINDEXED,
    tokenize = 'trigram'
);
CREATE TRIGGER answer_search_insert AFTER INSERT ON answer BEGIN
    {_SEARCH_INSERT.format(row="new")};
END;
CREATE TRIGGER answer_search_update AFTER UPDATE OF text, value ON answer
WHEN old.text IS NOT new.text OR old.value IS NOT new.value BEGIN
    DELETE FROM answer_search WHERE rowid = old.id;
    {_SEARCH_INSERT.format(row="new")};
END;
CREATE TRIGGER answer_search_delete AFTER DELETE ON answer BEGIN
    DELETE FROM answer_search WHERE rowid = old.id;
END;
INSERT INTO answer_search (rowid, body, response_id, question_id, entry)
    SELECT id, body, response_id, question_id, entry FROM (
        SELECT answer.id, answer.response_id, answer.question_id, answer.entry,
               {_SEARCH_BODY.format(row="answer")} AS body FROM answer)
    WHERE body IS NOT NULL AND body <> '';
"""


def sqlite_statements(script: str) -> list[str]:
    """Split a SQLite script into whole statements (trigger bodies kept in one piece)."""
    out: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending.strip().rstrip(";"))
    return out


def _step_3_sqlite(conn: sqlite3.Connection) -> None:
    """Step 3 on SQLite: the portable column, then the search index and its triggers."""
    for statement in sqlite_statements(_SOURCE_RESPONSE + ";" + _SEARCH_INDEX_SQLITE):
        conn.execute(statement)


#: STEPS[n] upgrades schema version n to n + 1 (never edit a released one).  A plain
#: string is portable SQL; see "HOW TO WRITE A STEP" above.
STEPS: tuple[Step | str, ...] = (
    Step(_SCHEMA_1, postgresql=_SCHEMA_1_POSTGRESQL),
    _CONTRIBUTIONS,
    Step(_SOURCE_RESPONSE, sqlite=_step_3_sqlite),
    _ANSWER_VERSIONS,
    Step(_TEAM, postgresql=_team_postgresql),
    # Team search (issue 15): nothing on SQLite (FTS5 came with step 3); on PostgreSQL
    # the answer_search table, its triggers and the pg_trgm index (pg_search_index.py).
    Step("", postgresql=pg_search_index.create_schema),
)

#: The schema version this ConsultDesk writes.
LATEST = len(STEPS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the file (0 for a new, empty database)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Upgrade to ``target`` (default: LATEST) in one transaction, all steps or none;
    the version reached.

    ``conn`` must be a plain sqlite3 connection in autocommit mode
    (``isolation_level=None``): the steps manage the transaction themselves so that a
    failure leaves the file exactly as it was.
    """
    target = LATEST if target is None else target
    current = schema_version(conn)
    if current >= target:
        return current
    conn.execute("BEGIN IMMEDIATE")
    try:
        for version in range(current, target):
            run_step(conn, STEPS[version], "sqlite")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {int(target)}")
        # Foreign keys are checked once over the whole upgraded file, not per step.
        if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
            raise sqlite3.IntegrityError("the upgrade would break a reference between tables")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return target


def _statements(script: str) -> list[str]:
    """Split a step into statements (our steps hold no ';' inside literals or triggers)."""
    return [s.strip() for s in script.split(";") if s.strip()]


_PG_SPELLINGS = (
    (re.compile(r"\bINTEGER\s+PRIMARY\s+KEY(\s+AUTOINCREMENT)?\b", re.I),
     "INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"),
    (re.compile(r"\bDATETIME\b", re.I), "TIMESTAMP"),
    (re.compile(r"\bBLOB\b", re.I), "BYTEA"),
)


def to_postgresql(sql: str) -> str:
    """Portable SQL as PostgreSQL takes it (the three SQLite habits documented above)."""
    for pattern, replacement in _PG_SPELLINGS:
        sql = pattern.sub(replacement, sql)
    return sql


def run_step(conn: Any, step: Step | str, dialect: str) -> None:
    """Run one step on a DB-API connection inside the caller's transaction."""
    body = (step if isinstance(step, Step) else Step(step)).body(dialect)
    if callable(body):
        body(conn)
        return
    for statement in _statements(body):
        conn.execute(statement)


#: PostgreSQL keeps the schema version here (one row), since it has no user_version.
PG_SCHEMA_TABLE = "consultdesk_schema"


class NewerSchema(Exception):
    """The database was written by a newer ConsultDesk (carries its version)."""

    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


class ForeignDatabase(Exception):
    """The database holds tables, but is not a ConsultDesk database."""


def postgresql_version(conn: Any) -> int:
    """The schema version of a PostgreSQL database (0: no ConsultDesk schema yet)."""
    found = conn.execute("SELECT to_regclass(%s)", (PG_SCHEMA_TABLE,)).fetchone()[0]
    if found is None:
        return 0
    row = conn.execute(f"SELECT version, application_id FROM {PG_SCHEMA_TABLE}").fetchone()
    if row is None or int(row[1]) != APPLICATION_ID:
        raise ForeignDatabase()
    return int(row[0])


def migrate_postgresql(conn: Any, target: int | None = None) -> int:
    """Upgrade a PostgreSQL database to ``target`` (default LATEST) in one transaction.

    ``conn`` is a ``psycopg.Connection`` not in autocommit mode.  Several ConsultDesks
    starting at once are serialised by a transaction-level advisory lock, so exactly one
    upgrades and the others then find the new version.  Raises :class:`NewerSchema`
    (nothing touched) or :class:`ForeignDatabase` (an empty version table but other
    tables: somebody else's database).
    """
    target = LATEST if target is None else target
    try:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (APPLICATION_ID,))
        current = postgresql_version(conn)
        if current > LATEST:
            raise NewerSchema(current)
        if current == 0:
            others = conn.execute(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema = current_schema()").fetchone()[0]
            if others:
                raise ForeignDatabase()
        if current >= target:
            conn.rollback()
            return current
        for version in range(current, target):
            run_step(conn, STEPS[version], "postgresql")
        conn.execute(f"CREATE TABLE IF NOT EXISTS {PG_SCHEMA_TABLE} ("
                     "id INTEGER PRIMARY KEY CHECK (id = 1), "
                     "version INTEGER NOT NULL, application_id BIGINT NOT NULL)")
        conn.execute(
            f"INSERT INTO {PG_SCHEMA_TABLE} (id, version, application_id) VALUES (1, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version", (target, APPLICATION_ID))
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return target
