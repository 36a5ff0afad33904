"""Installing an imported questionnaire: a re-import of a changed document is a new version."""

from __future__ import annotations

from typing import Protocol

from consultdesk.domain.definition_file import content_hash
from consultdesk.domain.errors import NotFoundError
from consultdesk.domain.questionnaire import Questionnaire


class Catalog(Protocol):
    """What installing needs from the catalog service."""

    def get(self, questionnaire_id: str, version: int | None = None) -> Questionnaire:
        """The latest version of a questionnaire (NotFoundError when there is none)."""

    def add(self, questionnaire: Questionnaire) -> Questionnaire:
        """Install a validated definition."""


def install_imported(catalog: Catalog, questionnaire: Questionnaire) -> Questionnaire:
    """Install, as the next version when this id is taken by different content."""
    try:
        current = catalog.get(questionnaire.id)
    except NotFoundError:
        return catalog.add(questionnaire)
    same = questionnaire.model_copy(update={"version": current.version})
    if content_hash(same) == content_hash(current):
        return current  # the very same questionnaire: nothing to install
    return catalog.add(questionnaire.model_copy(update={"version": current.version + 1}))
