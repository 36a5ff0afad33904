"""``consultdesk questionnaire import FILE.docx`` (registered under ``questionnaire``)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``import`` to the ``questionnaire`` actions."""
    # Filled in with the Word importer.
