"""The questionnaire catalog: bundled definitions plus those the user installed."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from consultdesk.domain.errors import DefinitionError, NotFoundError
from consultdesk.paths import templates_dir
from consultdesk.services.summaries import QuestionnaireInfo
from consultdesk.storage.questionnaire_repository import QuestionnaireRepository

if TYPE_CHECKING:
    from consultdesk.domain.questionnaire import Questionnaire


def load_bundled(folder: Path | None = None) -> dict[str, Questionnaire]:
    """The definitions shipped in ``templates/questionnaires`` (by id)."""
    # The definition models (pydantic) load here, at the first definition read.
    from consultdesk.domain.definition_file import load_definition

    folder = folder or templates_dir() / "questionnaires"
    found: dict[str, Questionnaire] = {}
    for path in sorted(folder.glob("*.toml")):
        q = load_definition(path)
        if q.id in found:
            raise DefinitionError(
                "{path}: id {id!r} is already used by another bundled file",
                path=path, id=q.id)
        found[q.id] = q
    return found


class CatalogService:
    """Lists, finds and installs questionnaire definitions."""

    def __init__(self, repository: QuestionnaireRepository) -> None:
        self._repo = repository

    @cached_property
    def _bundled(self) -> dict[str, Questionnaire]:
        return load_bundled()

    def list(self) -> list[QuestionnaireInfo]:
        """Every installed questionnaire (latest version of each), bundled first."""
        infos: dict[str, QuestionnaireInfo] = {}
        for q in self._bundled.values():
            infos[q.id] = _info(q, bundled=True)
        for q in self._repo.latest_all():
            if q.id not in infos or q.version >= infos[q.id].version:
                infos[q.id] = _info(q, bundled=q.id in self._bundled)
        return sorted(infos.values(), key=lambda i: (not i.bundled, i.title.lower()))

    def get(self, questionnaire_id: str, version: int | None = None) -> Questionnaire:
        """A questionnaire by id (the latest version unless one is named)."""
        stored = self._repo.get(questionnaire_id, version)
        if version is not None and stored is not None:
            # A pinned version (every response's): no need to read the bundled files.
            return stored
        bundled = self._bundled.get(questionnaire_id)
        if version is not None:
            if bundled is not None and bundled.version == version:
                return bundled
        else:
            candidates = [q for q in (stored, bundled) if q is not None]
            if candidates:
                return max(candidates, key=lambda q: q.version)
        raise NotFoundError(
            "no questionnaire with id {questionnaire_id!r}",
            questionnaire_id=questionnaire_id)

    def title(self, questionnaire_id: str, version: int) -> str:
        """The title of a pinned version (every response's), as :meth:`get` would give it.

        An installed definition stored intact is not parsed for it (a listing needs only
        titles); any other is found and validated by :meth:`get`, which raises as it does.
        """
        title = self._repo.intact_title(questionnaire_id, version)
        return title if title is not None else self.get(questionnaire_id, version).title

    def bundled_version(self, questionnaire_id: str) -> Questionnaire | None:
        """The definition shipped with this ConsultDesk under that id, if any."""
        return self._bundled.get(questionnaire_id)

    def repair_definition(self, questionnaire_id: str, version: int) -> bool:
        """Rewrite an unreadable stored definition from the bundled one of the same id and
        version; False when there is none to rewrite it from."""
        bundled = self._bundled.get(questionnaire_id)
        if bundled is None or bundled.version != version:
            return False
        self._repo.replace_definition(bundled)
        return True

    def pin(self, questionnaire: Questionnaire) -> str:
        """Store a definition (if new) so responses can refer to this exact version; its hash."""
        return self._repo.store(questionnaire)

    def add_file(self, path: Path) -> Questionnaire:
        """Validate a definition file and install it (DefinitionError names file and place)."""
        from consultdesk.domain.definition_file import load_definition

        return self.add(load_definition(path))

    def add(self, questionnaire: Questionnaire) -> Questionnaire:
        """Install a validated definition (a new version replaces the latest for new responses)."""
        self._repo.store(questionnaire)
        return questionnaire


def _info(q: Questionnaire, *, bundled: bool) -> QuestionnaireInfo:
    return QuestionnaireInfo(q.id, q.version, q.title, q.issuer,
                             sum(1 for _ in q.questions()), bundled)
