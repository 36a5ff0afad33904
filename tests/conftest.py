"""Fixtures shared by every test package: a temporary settings folder (always), the
throwaway PostgreSQL server, and the ``engine`` parameter that runs a storage or service
test on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pg_server import TEMPLATE, PgServer, available

from consultdesk.paths import CONFIG_DIR_ENV


@pytest.fixture(autouse=True)
def user_config_dir(tmp_path_factory: pytest.TempPathFactory,
                    monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test, and every process it starts, keeps the user's settings in a fresh
    folder: never the real user's (whose Preferences might name a team database)."""
    folder = tmp_path_factory.mktemp("config")
    monkeypatch.setenv(CONFIG_DIR_ENV, str(folder))
    return folder


@pytest.fixture
def read_only_disk(tmp_path: Path) -> Iterator[Path]:
    """A real read-only file system (tmpfs mounted ro), unmounted afterwards."""
    import subprocess

    mount = tmp_path / "read-only-disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL cluster for the whole session (started on first use, always stopped)."""
    if not available():
        pytest.fail("PostgreSQL is not installed: run `python3 scripts/dev.py test` (it "
                    "installs Debian's postgresql package) or install it yourself")
    server = PgServer()
    try:
        server.start()
        # A template migrated once: each test's database is a copy of it (milliseconds).
        from consultdesk.storage.pg_database import PgDatabase

        server.admin(f'CREATE DATABASE "{TEMPLATE}" TEMPLATE template0')
        PgDatabase.open_url(server.root / "template-data", server.url(TEMPLATE)).close()
        yield server
    finally:
        server.destroy()


@pytest.fixture
def pg_url(pg_server: PgServer) -> str:
    """A fresh team database, already at the latest schema; its URL."""
    return pg_server.new_database(TEMPLATE)


@pytest.fixture
def empty_pg_url(pg_server: PgServer) -> str:
    """A fresh, completely empty PostgreSQL database; its URL."""
    return pg_server.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest) -> str:
    """Which engine a test runs on (a test taking it runs once on each)."""
    return str(request.param)


@pytest.fixture
def database_url(engine: str, request: pytest.FixtureRequest) -> str | None:
    """None on SQLite (the file in the data dir); a fresh team database on PostgreSQL."""
    if engine == "sqlite":
        return None
    return str(request.getfixturevalue("pg_url"))
