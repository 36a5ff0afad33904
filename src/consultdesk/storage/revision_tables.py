"""The kept earlier values of answers (``answer_revision``), apart from the tables a
response is read from (``response_tables.py``) because only writes and the history read
them: a listing never builds this class (~3 ms).  ``tables.py`` lists every table; the
same rules as there: real annotations, ``defer_build``.
"""

from datetime import datetime

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel
from sqlmodel.main import SQLModelConfig

# Its foreign key names response.id: the response tables must be in the same metadata.
from consultdesk.storage import response_tables  # noqa: F401


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
