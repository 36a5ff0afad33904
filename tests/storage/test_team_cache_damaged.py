"""A damaged local copy of the team database (team-cache/): counted as no copies, left as
it is by reading, and made again from the server by the next copy (it once stayed damaged
for good: every later copy failed, silently)."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.storage.errors import DatabaseError
from consultdesk.storage.locations import DB_FILE_NAME
from consultdesk.storage.team_cache import TeamCache, cache_folder

OHCHR = "ohchr-civic-space-2021"
DAMAGES = {
    "garbage": b"not a database " * 500,
    "truncated header": b"SQLite format 3\x00\x10\x00",
    "zeros": b"\x00" * 8192,
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_a_damaged_copy_counts_as_none_and_is_made_again_on_the_next_copy(
        pg_url: str, tmp_path: Path, damage: str) -> None:
    data_dir = tmp_path / "data"
    with closing(AppContext.open(data_dir, pg_url)) as ctx:
        rid = ctx.responses.create(OHCHR, "Japan 2026", answers={"q1": "On the server."})
        assert ctx.outbox is not None
        server = ctx.database.where
        copy = cache_folder(data_dir, server) / DB_FILE_NAME
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(DAMAGES[damage])
        offline_view = TeamCache(data_dir, server)
        assert offline_view.responses() == 0  # was DamagedDatabaseError
        offline_view.close()
        assert copy.read_bytes() == DAMAGES[damage]  # reading changes nothing
        # The next time a window closes the response while connected: copied afresh.
        ctx.outbox.remember(rid)
        ctx.outbox.close()
    cache = TeamCache(data_dir, server)
    try:
        assert cache.responses() == 1
    finally:
        cache.close()
    offline = AppContext.open_offline(data_dir, pg_url)
    try:
        assert offline.responses.load(rid).answers["q1"] == "On the server."
    finally:
        offline.close()
    assert sorted(p.name for p in copy.parent.iterdir() if "damaged" in p.name) == []


def test_a_directory_in_place_of_the_copy_is_left_and_counts_as_none(
        pg_url: str, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with closing(AppContext.open(data_dir, pg_url)) as ctx:
        rid = ctx.responses.create(OHCHR, "Japan 2026")
        server = ctx.database.where
        copy = cache_folder(data_dir, server) / DB_FILE_NAME
        (copy / "inside").mkdir(parents=True)
        assert TeamCache(data_dir, server).responses() == 0
        assert ctx.outbox is not None
        ctx.outbox.remember(rid)  # best effort: nothing it could copy into, nothing raised
    assert (copy / "inside").is_dir()  # not ours to remove
    with pytest.raises(DatabaseError, match="not a regular file"):
        AppContext.open_offline(data_dir, pg_url)
