"""Fixtures for service tests: an application context on a fresh data dir, on each engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext


@pytest.fixture
def context(tmp_path: Path, database_url: str | None) -> Iterator[AppContext]:
    """Services on an empty data dir: its SQLite file, then a fresh team database
    (every service test runs on both engines through the ``engine`` parameter)."""
    ctx = AppContext.open(tmp_path / "data", database_url)
    yield ctx
    ctx.close()
