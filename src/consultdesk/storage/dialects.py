"""The few statements whose SQLAlchemy construct depends on the engine (SQLite or PostgreSQL)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection


def insert_for(conn: Connection, table: Table) -> Any:
    """An INSERT with ``on_conflict_do_update`` for the connection's engine.

    Both dialects spell the upsert the same way (``ON CONFLICT ... DO UPDATE``), but
    SQLAlchemy builds it from each dialect's own ``insert``.
    """
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
