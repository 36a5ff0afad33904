"""Reading a database behind ConsultDesk's back (SQLite file or team database), for checks."""

from __future__ import annotations

import sqlite3
from typing import Any


def raw_rows(database: Any, sql: str, *params: object) -> list[tuple[object, ...]]:
    """Run one query on a fresh driver connection (``?`` placeholders on both engines)."""
    if getattr(database, "dialect", "sqlite") == "postgresql":
        import psycopg

        with psycopg.connect(database.url) as conn:
            return [tuple(r) for r in conn.execute(sql.replace("?", "%s"),  # type: ignore[arg-type]
                                                   params).fetchall()]
    conn = sqlite3.connect(database.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
