"""Installed questionnaire definitions, stored exactly as validated, one row per version."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, select

from consultdesk.domain.definition_file import content_hash, definition_to_dict, parse_definition
from consultdesk.domain.errors import DefinitionError, Message
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.storage import row_values as rv
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.row_values import UnreadableValue
from consultdesk.storage.tables import QuestionnaireRow

Q = QuestionnaireRow.__table__  # type: ignore[attr-defined]
_COLUMNS = [Q.c.id, Q.c.version, rv.raw(Q.c.definition)]


class QuestionnaireRepository:
    """Stores and finds questionnaire definitions (immutable once stored, so cached)."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._cache: dict[tuple[str, int], Questionnaire] = {}

    def _parse(self, row: Any) -> Questionnaire:
        """A stored definition (DefinitionError naming it when it cannot be read)."""
        key = (row.id, row.version)
        cached = self._cache.get(key)
        if cached is None:
            source = Message("installed questionnaire {id!r} version {version}", id=row.id,
                             version=row.version)
            try:
                data = rv.json_value(row.definition, Message("definition"), nullable=False)
            except UnreadableValue as exc:
                raise DefinitionError("{source} cannot be read: {problem}", source=source,
                                      problem=exc) from None
            if not isinstance(data, dict):
                raise DefinitionError("{source} cannot be read: it is not a definition",
                                      source=source)
            cached = parse_definition(data, source)
            self._cache[key] = cached
        return cached

    def get(self, questionnaire_id: str, version: int | None = None) -> Questionnaire | None:
        """A stored definition (the highest version unless one is named), or None."""
        if version is not None and (questionnaire_id, version) in self._cache:
            return self._cache[(questionnaire_id, version)]
        query = select(*_COLUMNS).where(Q.c.id == questionnaire_id)
        if version is not None:
            query = query.where(Q.c.version == version)
        with self._db.read() as conn:
            row = conn.execute(query.order_by(Q.c.version.desc())).first()
        return self._parse(row) if row is not None else None

    def latest_all(self) -> list[Questionnaire]:
        """The highest stored version of every questionnaire id (unreadable ones left out:
        the responses that use them are marked unreadable instead)."""
        newest = (select(Q.c.id, func.max(Q.c.version).label("v")).group_by(Q.c.id).subquery())
        with self._db.read() as conn:
            rows = conn.execute(
                select(*_COLUMNS).join(newest, (Q.c.id == newest.c.id)
                                       & (Q.c.version == newest.c.v)).order_by(Q.c.id)).all()
        found = []
        for r in rows:
            try:
                found.append(self._parse(r))
            except DefinitionError:
                continue
        return found

    def replace_definition(self, questionnaire: Questionnaire) -> None:
        """Overwrite the stored definition of this id and version (repairing an unreadable
        one from the identical bundled file)."""
        with self._db.write(durable=True) as conn:
            conn.execute(Q.update().where((Q.c.id == questionnaire.id)
                                          & (Q.c.version == questionnaire.version)).values(
                definition=json.dumps(definition_to_dict(questionnaire), ensure_ascii=False,
                                      sort_keys=True),
                content_hash=content_hash(questionnaire), installed_at=utc_now()))
        self._cache[(questionnaire.id, questionnaire.version)] = questionnaire

    def store(self, questionnaire: Questionnaire) -> str:
        """Store a definition unless this exact one is stored; its content hash.

        The same id and version with different content is refused: responses started
        with the stored one must keep rendering against exactly it.
        """
        digest = content_hash(questionnaire)
        key = (questionnaire.id, questionnaire.version)
        with self._db.write_session() as session:
            existing = session.connection().execute(
                select(rv.raw(Q.c.content_hash)).where(
                    (Q.c.id == questionnaire.id) & (Q.c.version == questionnaire.version))
            ).first()
            if existing is not None:
                if existing[0] != digest:
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
