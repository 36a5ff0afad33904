"""Fixtures for service tests: an application context on a fresh data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    """Services on an empty data dir (closed afterwards)."""
    ctx = AppContext.open(tmp_path / "data")
    yield ctx
    ctx.close()
