"""The tables a response is read from: questionnaire, response, answer.

Every table's class is listed in ``tables.py`` (this module, ``revision_tables.py`` and
``collaboration_tables.py``), which migrations.py must agree with (a test checks).

The search index (``answer_search``) is not here: it is an SQLite FTS5 virtual table
kept by triggers (migrations.py, step 3's SQLite part), read by search_repository.py.

Times are aware UTC datetimes; SQLModel stores them as UTC without an offset (SQLite
has no time zone type) and hands them back aware.

Every command imports this module before it reads anything, so its import is kept
cheap: only the tables a response is read from are here (each table's class costs ~3
ms to build; the kept revisions are in ``revision_tables.py``, the contribution and
presence tables in ``collaboration_tables.py``), no ``from __future__ import annotations`` (real
annotations spare pydantic and SQLAlchemy evaluating each one from its string) and
``defer_build`` (pydantic builds a row class's validator and serializer when one is
first used, which a read through the tables' columns never does).
"""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKeyConstraint, Text, UniqueConstraint
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig


class QuestionnaireRow(SQLModel, table=True):
    """An installed questionnaire: the exact validated definition a response renders against."""

    model_config = SQLModelConfig(defer_build=True)

    __tablename__ = "questionnaire"

    id: str = Field(primary_key=True)
    version: int = Field(primary_key=True)
    content_hash: str
    title: str
    #: The definition as canonical JSON (``definition_to_dict``), immutable once stored.
    definition: str = Field(sa_column=Column(Text, nullable=False))
    installed_at: datetime


class ResponseRow(SQLModel, table=True):
    """One response to one questionnaire version."""

    model_config = SQLModelConfig(defer_build=True)

    __tablename__ = "response"
    __table_args__ = (
        ForeignKeyConstraint(["questionnaire_id", "questionnaire_version"],
                             ["questionnaire.id", "questionnaire.version"]),
    )

    id: str = Field(primary_key=True)
    title: str
    questionnaire_id: str
    questionnaire_version: int
    status: str = "draft"
    deadline: date | None = None
    #: Respondent details as a JSON object (field id -> value).  A JSON column rather
    #: than a table: a handful of short values, keyed by ids that differ per
    #: questionnaire, always read and written with the response and never queried on.
    respondent: str = "{}"
    created_at: datetime
    updated_at: datetime
    #: Set when the response is in the bin.
    deleted_at: datetime | None = None
    #: Progress cache for the library list; NULL when an answer changed since.
    #: Counting a 5,000-character answer costs milliseconds, too much for every
    #: autosave, so the list recomputes only the responses whose cache is NULL.
    answered: int | None = None
    total: int | None = None
    over: int | None = None
    #: The response this one was started from (Duplicate, or an import of last cycle's
    #: submission), to compare with last time.  No foreign key: the earlier response may
    #: be purged from the bin later, and the link then simply finds nothing.
    source_response_id: str | None = None


class AnswerRow(SQLModel, table=True):
    """One answer: entry 0 is the question (its text or choice, done flag, contributor);
    entries 1..n are the entries of a repeating block, one row each."""

    model_config = SQLModelConfig(defer_build=True)

    __tablename__ = "answer"
    __table_args__ = (UniqueConstraint("response_id", "question_id", "entry"),)

    id: int | None = Field(default=None, primary_key=True)
    response_id: str = Field(foreign_key="response.id", ondelete="CASCADE")
    question_id: str
    entry: int = 0
    #: Markdown of a text answer (only the autosave touches this column).
    text: str | None = Field(default=None, sa_column=Column(Text))
    #: JSON of a choice answer (option id or list) or of one block entry (object).
    value: str | None = Field(default=None, sa_column=Column(Text))
    updated_at: datetime
    contributor: str | None = None
    done: bool = False
    #: The answer's version (entry 0 only): raised by every write, so a save can say
    #: which version it was based on and a changed answer is found without reading it.
    version: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    #: Who wrote the current value (entry 0 only; NULL: before authors were kept).
    author_kind: str | None = None
    author_name: str | None = None

