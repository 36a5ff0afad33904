"""Shared fixtures for the Word export tests: the bundled questionnaires."""

from __future__ import annotations

import pytest

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.services.catalog import load_bundled


@pytest.fixture(scope="session")
def questionnaires() -> dict[str, Questionnaire]:
    """The bundled questionnaires by id."""
    return load_bundled()
