"""``consultdesk check`` and ``consultdesk export``."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the check and export commands."""
    # Filled in with the Word export.
