"""The SQLModel tables, as migrations.py builds them (a test checks the two agree).

The search index (``answer_search``) is not here: it is an SQLite FTS5 virtual table
kept by triggers (migrations.py, step 3's SQLite part), read by search_repository.py.

Times are aware UTC datetimes; SQLModel stores them as UTC without an offset (SQLite
has no time zone type) and hands them back aware.

Every command imports this module before it reads anything, so its import is kept
cheap: no ``from __future__ import annotations`` (real annotations spare pydantic and
SQLAlchemy evaluating each one from its string) and ``defer_build`` (pydantic builds a
row class's validator and serializer when one is first used, which a read through the
tables' columns never does); together ~5 ms of the ~35 ms the nine classes cost.
"""

from datetime import date, datetime

from sqlalchemy import Column, ForeignKeyConstraint, Index, Text, UniqueConstraint
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


class RevisionRow(SQLModel, table=True):
    """A kept earlier value of one answer (the whole question's value, as JSON)."""

    model_config = SQLModelConfig(defer_build=True)

    __tablename__ = "answer_revision"
    __table_args__ = (Index("ix_answer_revision_question", "response_id", "question_id",
                            "created_at"),)

    id: int | None = Field(default=None, primary_key=True)
    response_id: str = Field(foreign_key="response.id", ondelete="CASCADE")
    question_id: str
    value: str = Field(sa_column=Column(Text, nullable=False))
    reason: str
    created_at: datetime
    #: Who wrote the text this revision keeps (a WriterKind value and a name).
    author_kind: str = Field(default="app", sa_column_kwargs={"server_default": "app"})
    author_name: str = Field(default="", sa_column_kwargs={"server_default": ""})
    #: The answer version this text was (NULL for a rejected conflicting save's text and
    #: for revisions kept before versions existed).
    answer_version: int | None = None
    #: The database role that kept it (a team database fills it in itself; None in a
    #: SQLite file, which has no roles).
    db_role: str | None = None


class ContributorRow(SQLModel, table=True):
    """A ministry or agency that contributes to responses of this data folder."""

    model_config = SQLModelConfig(defer_build=True)

    __tablename__ = "contributor"

    tag: str = Field(primary_key=True)
    name: str = ""
    contact: str = ""
    email: str = ""
    created_at: datetime


class AssignmentRow(SQLModel, table=True):
    """One question (entry 0) or block entry (1.., -1 for a new one) given to a contributor."""

    model_config = SQLModelConfig(defer_build=True)

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("response_id", "question_id", "entry", "contributor"),)

    id: int | None = Field(default=None, primary_key=True)
    response_id: str = Field(foreign_key="response.id", ondelete="CASCADE")
    question_id: str
    entry: int = 0
    contributor: str = Field(foreign_key="contributor.tag")
    due: date | None = None
    note: str = Field(default="", sa_column=Column(Text, nullable=False))
    #: The contributor's share of the question's limit, in the limit's unit.
    share: int | None = None
    created_at: datetime


class ContributionRow(SQLModel, table=True):
    """One reply received for an assignment (a newer one supersedes it, kept as history)."""

    model_config = SQLModelConfig(defer_build=True)

    __tablename__ = "contribution"
    __table_args__ = (UniqueConstraint("assignment_id", "source_hash"),)

    id: int | None = Field(default=None, primary_key=True)
    assignment_id: int = Field(foreign_key="assignment.id", ondelete="CASCADE")
    #: JSON: the Markdown of a question, or field id -> Markdown for a block entry.
    value: str = Field(sa_column=Column(Text, nullable=False))
    status: str
    received_at: datetime
    source_name: str = ""
    #: SHA-256 of the received file: the same file received twice adds nothing.
    source_hash: str = ""
    merged_at: datetime | None = None


class AttributionRow(SQLModel, table=True):
    """Who wrote which paragraph of one answer (``item``: "q1" or "measures[2].description").

    A JSON list rather than a row per paragraph: always read and written whole with the
    answer's text, and re-matched to it (domain/contributions.py), never queried on.
    """

    model_config = SQLModelConfig(defer_build=True)

    __tablename__ = "answer_attribution"

    response_id: str = Field(foreign_key="response.id", primary_key=True, ondelete="CASCADE")
    item: str = Field(primary_key=True)
    paragraphs: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: datetime


class PresenceRow(SQLModel, table=True):
    """Someone has a response open right now (refreshed every few seconds while open).

    A short-lived row per open window: the navigator shows "Sato is editing Q3" from
    the rows seen recently; a window that went away without a word (a crash, a dropped
    network) simply stops refreshing and ages out.  Never copied by push/pull/backup.
    """

    model_config = SQLModelConfig(defer_build=True)

    __tablename__ = "presence"
    __table_args__ = (Index("ix_presence_response", "response_id", "seen_at"),)

    #: One per open window (random), so two windows of one person are two rows.
    session_id: str = Field(primary_key=True)
    response_id: str
    #: The question being edited (None: the window is open on another part).
    question_id: str | None = None
    user_name: str
    db_role: str | None = None
    seen_at: datetime
