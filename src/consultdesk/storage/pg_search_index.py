"""The search index of a team database: a pg_trgm trigram index, as SQLite has FTS5.

The schema mirrors the SQLite one (migrations.py step 3): a table ``answer_search``
holding what of each answer is searched, kept by triggers on ``answer`` so that every
writer keeps it right without knowing of it, and a GIN trigram index on its body that
``ILIKE '%term%'`` uses (terms of three characters or more; Japanese inside words too).

pg_trgm ships with Debian's ``postgresql`` package (contrib is part of it) and is a
"trusted" extension since PostgreSQL 13, so any role with CREATE on the database may
create it; a role without that right, or a server without contrib, gets the table and
triggers but no index: the same query then scans ``answer_search`` (correct, slower),
and ``consultdesk team check`` says so.  The index is made at the next open once an
administrator has run ``CREATE EXTENSION pg_trgm``.
"""

from __future__ import annotations

from typing import Any

#: The index's name (``team check`` and the tests look for it).
TRIGRAM_INDEX = "answer_search_trgm"

#: What of an answer row is searched, as SQLite's step 3 has it: a text answer's Markdown
#: without emphasis marks, or the text fields of a block entry, one per line, in the
#: order written (``json``, not ``jsonb``, keeps the order); a value that is not JSON
#: is not searched (it is reported by the library instead).
_BODY_FUNCTION = r"""
CREATE FUNCTION consultdesk_search_body(t TEXT, v TEXT, e INTEGER) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    doc json;
BEGIN
    IF t IS NOT NULL THEN
        RETURN replace(t, '*', '');
    END IF;
    IF e IS NULL OR e <= 0 OR v IS NULL THEN
        RETURN NULL;
    END IF;
    BEGIN
        doc := v::json;
    EXCEPTION WHEN others THEN
        RETURN NULL;
    END;
    IF json_typeof(doc) <> 'object' THEN
        RETURN NULL;
    END IF;
    RETURN (SELECT string_agg(f.value #>> '{}', E'\n' ORDER BY f.n)
            FROM json_each(doc) WITH ORDINALITY AS f(key, value, n)
            WHERE json_typeof(f.value) = 'string');
END
$$
"""

_SYNC_FUNCTION = r"""
CREATE FUNCTION consultdesk_answer_search_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    b TEXT := consultdesk_search_body(NEW.text, NEW.value, NEW.entry);
BEGIN
    IF b IS NULL OR b = '' THEN
        DELETE FROM answer_search WHERE answer_id = NEW.id;
    ELSE
        INSERT INTO answer_search (answer_id, response_id, question_id, entry, body)
        VALUES (NEW.id, NEW.response_id, NEW.question_id, NEW.entry, b)
        ON CONFLICT (answer_id) DO UPDATE SET body = EXCLUDED.body;
    END IF;
    RETURN NULL;
END
$$
"""

SCHEMA = (
    # A deleted answer (or response, by cascade) takes its row along.
    "CREATE TABLE answer_search (answer_id INTEGER PRIMARY KEY REFERENCES answer (id) "
    "ON DELETE CASCADE, response_id VARCHAR NOT NULL, question_id VARCHAR NOT NULL, "
    "entry INTEGER NOT NULL, body TEXT NOT NULL)",
    _BODY_FUNCTION,
    _SYNC_FUNCTION,
    "CREATE TRIGGER answer_search_insert AFTER INSERT ON answer FOR EACH ROW "
    "EXECUTE FUNCTION consultdesk_answer_search_sync()",
    # Only a change of the text: an autosave of the same words or a 'done' mark is free.
    "CREATE TRIGGER answer_search_update AFTER UPDATE OF text, value ON answer FOR EACH ROW "
    "WHEN (OLD.text IS DISTINCT FROM NEW.text OR OLD.value IS DISTINCT FROM NEW.value) "
    "EXECUTE FUNCTION consultdesk_answer_search_sync()",
    "INSERT INTO answer_search (answer_id, response_id, question_id, entry, body) "
    "SELECT id, response_id, question_id, entry, b FROM (SELECT id, response_id, "
    "question_id, entry, consultdesk_search_body(text, value, entry) AS b FROM answer) s "
    "WHERE b IS NOT NULL AND b <> ''",
)


def create_schema(conn: Any) -> None:
    """The migration step on PostgreSQL (a psycopg connection inside the migration's
    transaction): the table, its triggers, and the trigram index when it can be made."""
    for statement in SCHEMA:
        conn.execute(statement)
    ensure_trigram_index(conn)


def ensure_trigram_index(conn: Any) -> bool:
    """Make pg_trgm and the trigram index if they are missing and may be made; whether
    the index is there afterwards.

    Inside the caller's transaction, under a savepoint: a role that may not create the
    extension (or a server without it) leaves everything else of the transaction intact.
    """
    if trigram_index_present(conn):
        return True
    conn.execute("SAVEPOINT consultdesk_trgm")
    try:
        conn.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        conn.execute(f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON answer_search "
                     "USING gin (body gin_trgm_ops)")
    except Exception:  # psycopg.Error: no rights, no contrib - the scan serves instead
        conn.execute("ROLLBACK TO SAVEPOINT consultdesk_trgm")
        return False
    conn.execute("RELEASE SAVEPOINT consultdesk_trgm")
    return True


def trigram_index_present(conn: Any) -> bool:
    """Whether the trigram index exists (a psycopg or SQLAlchemy connection)."""
    sql = f"SELECT to_regclass('{TRIGRAM_INDEX}') IS NOT NULL"
    run = getattr(conn, "exec_driver_sql", None) or conn.execute
    return bool(run(sql).fetchone()[0])
