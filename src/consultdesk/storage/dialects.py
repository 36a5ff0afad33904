"""The few statements whose SQLAlchemy construct depends on the engine (SQLite or PostgreSQL)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection


def insert_for(conn: Connection, table: Table) -> Any:
    """An INSERT with ``on_conflict_do_update`` for the connection's engine.

    Both dialects spell the upsert the same way (``ON CONFLICT ... DO UPDATE``), but
    SQLAlchemy builds it from each dialect's own ``insert``.  Each dialect is imported
    when first used: loading PostgreSQL's costs ~30 ms that a SQLite user never needs.
    """
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite

    return sqlite.insert(table)
