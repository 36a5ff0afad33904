"""Installed questionnaire definitions, stored exactly as validated, one row per version."""

from __future__ import annotations

import json

from sqlalchemy import func
from sqlmodel import select

from consultdesk.domain.definition_file import content_hash, definition_to_dict, parse_definition
from consultdesk.domain.errors import DefinitionError
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.tables import QuestionnaireRow


class QuestionnaireRepository:
    """Stores and finds questionnaire definitions (immutable once stored, so cached)."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._cache: dict[tuple[str, int], Questionnaire] = {}

    def _parse(self, row: QuestionnaireRow) -> Questionnaire:
        key = (row.id, row.version)
        cached = self._cache.get(key)
        if cached is None:
            cached = parse_definition(json.loads(row.definition),
                                      f"installed questionnaire {row.id!r} version {row.version}")
            self._cache[key] = cached
        return cached

    def get(self, questionnaire_id: str, version: int | None = None) -> Questionnaire | None:
        """A stored definition (the highest version unless one is named), or None."""
        if version is not None and (questionnaire_id, version) in self._cache:
            return self._cache[(questionnaire_id, version)]
        with self._db.session() as session:
            query = select(QuestionnaireRow).where(QuestionnaireRow.id == questionnaire_id)
            if version is not None:
                query = query.where(QuestionnaireRow.version == version)
            newest_first = QuestionnaireRow.version.desc()  # type: ignore[attr-defined]
            row = session.exec(query.order_by(newest_first)).first()
            return self._parse(row) if row is not None else None

    def latest_all(self) -> list[Questionnaire]:
        """The highest stored version of every questionnaire id."""
        with self._db.session() as session:
            newest = (select(QuestionnaireRow.id, func.max(QuestionnaireRow.version).label("v"))
                      .group_by(QuestionnaireRow.id).subquery())
            rows = session.exec(
                select(QuestionnaireRow).join(
                    newest, (QuestionnaireRow.id == newest.c.id)
                    & (QuestionnaireRow.version == newest.c.v))
                .order_by(QuestionnaireRow.id)
            ).all()
            return [self._parse(r) for r in rows]

    def store(self, questionnaire: Questionnaire) -> str:
        """Store a definition unless this exact one is stored; its content hash.

        The same id and version with different content is refused: responses started
        with the stored one must keep rendering against exactly it.
        """
        digest = content_hash(questionnaire)
        key = (questionnaire.id, questionnaire.version)
        with self._db.write_session() as session:
            existing = session.get(QuestionnaireRow, key)
            if existing is not None:
                if existing.content_hash != digest:
                    raise DefinitionError(
                        "questionnaire {id!r} version {version} is already installed with "
                        "different content; raise 'version' in the definition file to install "
                        "the changed questionnaire",
                        id=questionnaire.id, version=questionnaire.version)
                return digest
            session.add(QuestionnaireRow(
                id=questionnaire.id, version=questionnaire.version, content_hash=digest,
                title=questionnaire.title,
                definition=json.dumps(definition_to_dict(questionnaire), ensure_ascii=False,
                                      sort_keys=True),
                installed_at=utc_now()))
        self._cache[key] = questionnaire
        return digest
