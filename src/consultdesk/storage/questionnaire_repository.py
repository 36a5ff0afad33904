"""Installed questionnaire definitions, stored exactly as validated, one row per version.

A definition is stored as its canonical JSON, the very text its ``content_hash`` is the
SHA-256 of (``domain.definition_file.content_hash``).  So a stored text that still
hashes to its row's ``content_hash`` is byte for byte what was written from a validated
definition, and its title can be read without validating it again: a listing needs
only titles, and the definition models (pydantic) then never load.  A text that does
not hash right is parsed and validated as always, whatever the reason.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from consultdesk.domain.errors import DefinitionError, Message
from consultdesk.storage import row_values as rv
from consultdesk.storage.database import Database, utc_now
from consultdesk.storage.response_tables import QuestionnaireRow
from consultdesk.storage.row_values import UnreadableValue

if TYPE_CHECKING:
    from consultdesk.domain.questionnaire import Questionnaire

Q = QuestionnaireRow.__table__  # type: ignore[attr-defined]
_COLUMNS = [Q.c.id, Q.c.version, rv.raw(Q.c.definition)]


def _stored_text(questionnaire: Questionnaire) -> str:
    """A definition as stored: its canonical JSON (what ``content_hash`` digests)."""
    from consultdesk.domain.definition_file import definition_to_dict

    return json.dumps(definition_to_dict(questionnaire), ensure_ascii=False, sort_keys=True)


def _intact_title(definition: Any, digest: Any) -> str | None:
    """The title in a stored definition text that hashes to its stored content hash; None
    when it does not (damaged, edited, or not text: it must be parsed to tell)."""
    if (not isinstance(definition, str) or isinstance(definition, rv.BadText)
            or not isinstance(digest, str)):
        return None
    try:
        if hashlib.sha256(definition.encode("utf-8")).hexdigest() != digest:
            return None
    except UnicodeEncodeError:  # lone surrogates: not what a validated definition wrote
        return None
    try:
        data = json.loads(definition)
    except ValueError:  # a matching digest of a text someone made up: parse it to say so
        return None
    title = data.get("title") if isinstance(data, dict) else None
    return title if isinstance(title, str) and title else None


class QuestionnaireRepository:
    """Stores and finds questionnaire definitions (immutable once stored, so cached)."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._cache: dict[tuple[str, int], Questionnaire] = {}
        self._titles: dict[tuple[str, int], str] = {}

    def _parse(self, row: Any) -> Questionnaire:
        """A stored definition (DefinitionError naming it when it cannot be read)."""
        key = (row.id, row.version)
        cached = self._cache.get(key)
        if cached is None:
            # The definition models load with the first definition parsed, not at import.
            from consultdesk.domain.definition_file import parse_definition

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

    def intact_title(self, questionnaire_id: str, version: int) -> str | None:
        """The title of this stored version when its text is exactly as written from a
        validated definition (see the module's docstring), read without parsing it; None
        when it is not stored, or must be parsed (:meth:`get`) to say what it holds."""
        key = (questionnaire_id, version)
        known = self._titles.get(key)
        if known is None and key in self._cache:
            known = self._cache[key].title
        if known is None:
            with self._db.read() as conn:
                row = conn.execute(select(rv.raw(Q.c.definition), rv.raw(Q.c.content_hash))
                                   .where((Q.c.id == questionnaire_id)
                                          & (Q.c.version == version))).first()
            known = _intact_title(row[0], row[1]) if row is not None else None
            if known is not None:
                self._titles[key] = known
        return known

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
        from consultdesk.domain.definition_file import content_hash

        with self._db.write(durable=True) as conn:
            conn.execute(Q.update().where((Q.c.id == questionnaire.id)
                                          & (Q.c.version == questionnaire.version)).values(
                definition=_stored_text(questionnaire),
                content_hash=content_hash(questionnaire), installed_at=utc_now()))
        self._cache[(questionnaire.id, questionnaire.version)] = questionnaire
        self._titles.pop((questionnaire.id, questionnaire.version), None)

    def store(self, questionnaire: Questionnaire) -> str:
        """Store a definition unless this exact one is stored; its content hash.

        The same id and version with different content is refused: responses started
        with the stored one must keep rendering against exactly it.
        """
        from consultdesk.domain.definition_file import content_hash

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
                definition=_stored_text(questionnaire), installed_at=utc_now()))
        self._cache[key] = questionnaire
        return digest
