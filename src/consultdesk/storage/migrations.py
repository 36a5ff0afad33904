"""Schema versions and the ordered steps that upgrade a database to the latest one.

A small ordered-steps migrator rather than Alembic, on purpose: every user has one
SQLite file that must upgrade itself inside the desktop app at start-up (also when
frozen by PyInstaller, where Alembic's script directory and ``env.py`` would have to
be shipped and found); SQLite's limited ``ALTER TABLE`` makes Alembic copy tables in
"batch mode" anyway; and plain SQL steps that run in one transaction together with
the ``PRAGMA user_version`` bump are easy to read and to audit.

Rules: the version lives in ``PRAGMA user_version``; ``STEPS[n]`` upgrades version
``n`` to ``n + 1``; a released step is NEVER edited (databases in the field were made
with it; tests/storage/fixtures/consultdesk-schema-1.sqlite3 proves step 1 still
upgrades) - change the schema by appending a step and updating ``tables.py``.
"""

from __future__ import annotations

import sqlite3

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

#: STEPS[n] upgrades schema version n to n + 1 (SQL scripts; never edit a released one).
STEPS: tuple[str, ...] = (
    _SCHEMA_1,
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
            for statement in _statements(STEPS[version]):
                conn.execute(statement)
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
