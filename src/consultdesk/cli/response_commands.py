"""``consultdesk new|responses|show|set|backup|restore``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the response commands."""
    # Filled in with the storage.
