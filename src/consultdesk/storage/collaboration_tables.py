"""The tables of working with others: contributors, assignments, contributions, who wrote
which paragraph (attribution), and who has a response open (presence).

Apart from ``response_tables.py`` because a command that only reads responses needs
none of them (each table's class costs ~3 ms to build at import); ``tables.py`` lists
every table.  The same rules as there: real annotations, ``defer_build``.
"""

from datetime import date, datetime

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig

# Their foreign keys name response.id: the response tables must be in the same metadata.
from consultdesk.storage import response_tables  # noqa: F401


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
