"""Copying ConsultDesk's tables between two databases (SQLite file <-> team database).

Used by ``team push`` (a data folder into an empty team database), ``team pull`` (the
other way, for a personal copy) and ``backup`` on PostgreSQL (a snapshot into a SQLite
file that ``restore`` or a solo ConsultDesk opens).  The source is read in ONE
snapshot (REPEATABLE READ on PostgreSQL, a read transaction on SQLite) and the
destination written in ONE transaction, then the rows are counted on both sides: a
copy is complete or nothing is written.

Every table of the SQLModel metadata is copied (so tables added by later schema steps
come along without changing this), in dependency order, except what belongs to one
machine or one moment (:data:`NOT_COPIED`).  Merging into a non-empty database adds
the responses it does not hold yet (a response already there is left as it is); the
integer ids of the copied rows are shifted past the destination's, and every
reference to them with them.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Integer, Table, func, insert, select
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from consultdesk.domain.errors import Message
from consultdesk.storage import (
    backup,
    tables,  # noqa: F401 - registers every table
)
from consultdesk.storage.database import DB_FILE_NAME, Database
from consultdesk.storage.errors import DatabaseError

#: Tables that describe one computer or one moment (who is editing right now), not work.
NOT_COPIED = frozenset({"presence", "consultdesk_schema"})
#: The tables that decide whether a destination is "empty".
_CONTENT = ("response", "questionnaire")
_BATCH = 500


@dataclass
class TransferReport:
    """What a copy did: rows copied per table, responses skipped (merge), counts checked."""

    copied: dict[str, int] = field(default_factory=dict)
    skipped_responses: list[str] = field(default_factory=list)

    @property
    def responses(self) -> int:
        """How many responses were copied."""
        return self.copied.get("response", 0)


def copied_tables() -> list[Table]:
    """The tables a copy carries, parents before children."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name not in NOT_COPIED]


def content_counts(db: Database) -> dict[str, int]:
    """Rows per copied table (what ``team push`` checks before and after)."""
    with db.read() as conn:
        return {t.name: _count(conn, t) for t in copied_tables()}


def _count(conn: Connection, table: Table) -> int:
    return int(conn.execute(select(func.count()).select_from(table)).scalar_one())


def _integer_id(table: Table) -> str | None:
    """The name of a table's surrogate integer key (``id``), if it has one."""
    pk = list(table.primary_key.columns)
    if len(pk) == 1 and isinstance(pk[0].type, Integer) and pk[0].name == "id":
        return pk[0].name
    return None


def copy_all(source: Database, dest: Database, *, merge: bool = False,
                  describe_dest: str | Message = "the destination") -> TransferReport:
    """Copy every response (with questionnaires, answers, revisions...) from ``source``.

    Refuses a destination that already holds responses or questionnaires unless
    ``merge``; checks the counts afterwards (DatabaseError, everything undone, if they
    do not add up).
    """
    report = TransferReport()
    with source.read() as src, dest.write(durable=True) as dst:
        before = {t.name: _count(dst, t) for t in copied_tables()}
        held = sum(before[name] for name in _CONTENT if name in before)
        if held and not merge:
            raise DatabaseError(
                "{dest} is not empty (it holds {responses} responses and {questionnaires} "
                "questionnaires); copy into an empty one, or add --merge to add the responses "
                "it does not hold yet",
                dest=describe_dest, responses=before.get('response', 0),
                questionnaires=before.get('questionnaire', 0))
        present = set(dst.execute(select(_table("response").c.id)).scalars()) if held else set()
        offsets = {t.name: _offset(dst, t) for t in copied_tables()} if held else {}
        source_rows = {t.name: _count(src, t) for t in copied_tables()}
        kept_ids: dict[str, set[int]] = {}
        for table in copied_tables():
            report.copied[table.name] = _copy_table(src, dst, table, present, offsets,
                                                    report, kept_ids, merge=bool(held))
        if dest.dialect == "postgresql":
            _reset_identities(dst)
        after = {t.name: _count(dst, t) for t in copied_tables()}
        for name, n in report.copied.items():
            if after[name] - before[name] != n:
                raise DatabaseError(
                    "copying {name} into {dest} did not add up ({n} rows copied, "
                    "{found} found); nothing was kept",
                    name=name, dest=describe_dest, n=n, found=after[name] - before[name])
            if not held and n != source_rows[name]:
                raise DatabaseError(
                    "copying {name}: {read} rows read but {n} written; nothing was kept",
                    name=name, read=source_rows[name], n=n)
    return report


def _table(name: str) -> Table:
    return SQLModel.metadata.tables[name]


def _offset(conn: Connection, table: Table) -> int:
    key = _integer_id(table)
    if key is None:
        return 0
    return int(conn.execute(select(func.coalesce(func.max(table.c[key]), 0))).scalar_one())


def _shift(table: Table, row: dict[str, Any], offsets: Mapping[str, int]) -> dict[str, Any]:
    """A row with its own integer id and every reference to an integer id shifted."""
    key = _integer_id(table)
    if key is not None and row.get(key) is not None:
        row[key] += offsets.get(table.name, 0)
    for fk in table.foreign_keys:
        target = fk.column.table
        if _integer_id(target) == fk.column.name and row.get(fk.parent.name) is not None:
            row[fk.parent.name] += offsets.get(target.name, 0)
    return row


def _copy_table(src: Connection, dst: Connection, table: Table, present: set[str],
                offsets: Mapping[str, int], report: TransferReport,
                kept_ids: dict[str, set[int]], *, merge: bool) -> int:
    """Copy one table's rows (those of responses the destination lacks, when merging).

    ``kept_ids`` collects the (source) integer ids copied per table, so that a row whose
    parent was left out (it belongs to a response already there) is left out too.
    """
    copied = 0
    key = _integer_id(table)
    mine = kept_ids.setdefault(table.name, set())
    parents = [(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys
               if _integer_id(fk.column.table) == fk.column.name]
    batch: list[dict[str, Any]] = []
    response_key = ("id" if table.name == "response"
                    else "response_id" if "response_id" in table.c else None)

    existing: set[tuple[Any, ...]] = set()
    if merge and response_key is None:
        # Shared reference rows (questionnaires): the destination's copy is kept; the
        # definitions are immutable per (id, version), so a different one is a conflict.
        pk = list(table.primary_key.columns)
        existing = {tuple(r) for r in dst.execute(select(*pk))}

    def flush() -> int:
        if not batch:
            return 0
        dst.execute(insert(table), batch)
        n = len(batch)
        batch.clear()
        return n

    order = list(table.primary_key.columns)
    for row in src.execute(select(table).order_by(*order)).mappings():
        values = dict(row)
        if merge and response_key is not None and values[response_key] in present:
            if table.name == "response":
                report.skipped_responses.append(values["id"])
            continue
        if existing and tuple(values[c.name] for c in order) in existing:
            continue
        if merge and any(values[col] is not None and values[col] not in kept_ids.get(parent, ())
                         for col, parent in parents):
            continue
        if key is not None:
            mine.add(values[key])
        batch.append(_shift(table, values, offsets) if merge else values)
        if len(batch) >= _BATCH:
            copied += flush()
    copied += flush()
    return copied


def _reset_identities(conn: Connection) -> None:
    """After rows with explicit ids: the next generated id comes after the largest one."""
    for table in copied_tables():
        key = _integer_id(table)
        if key is None:
            continue
        conn.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key}'), "
            f"coalesce(max({key}), 1), max({key}) IS NOT NULL) FROM {table.name}")


def snapshot_to_sqlite(db: Database, path: Path) -> Path:
    """A consistent snapshot of a team database as a ConsultDesk SQLite file at ``path``.

    One REPEATABLE READ transaction reads everything (colleagues keep saving; the copy
    is the database as it was at one instant); the file is built in a folder next to
    ``path`` and put in place atomically, so a failure never leaves a partial copy.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".consultdesk-snapshot-", dir=path.parent))
    try:
        local = Database.open(work)
        try:
            copy_all(db, local, describe_dest=str(path))
        finally:
            local.close()
        backup.copy_database(work / DB_FILE_NAME, path)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return path
