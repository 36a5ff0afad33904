"""SQL for responses and their answers (the services validate; this only stores).

The repository is composed of ``response_reads`` and ``response_writes``; the rows and
their decoding are in ``response_rows`` (its records re-exported here).

The autosave path (:meth:`ResponseRepository.head` then
:meth:`ResponseRepository.write_value`, in one transaction the service opens) reads
one question's version, writes its row(s) and touches the response's ``updated_at``;
nothing else.
"""

from __future__ import annotations

from consultdesk.storage.database import Database
from consultdesk.storage.response_reads import ResponseReads
from consultdesk.storage.response_rows import AnswerHead, ListedResponse, StoredResponse
from consultdesk.storage.response_writes import ResponseWrites

__all__ = ["AnswerHead", "ListedResponse", "ResponseRepository", "StoredResponse"]


class ResponseRepository(ResponseReads, ResponseWrites):
    """Reads and writes responses, answers and the progress cache."""

    def __init__(self, database: Database) -> None:
        self._db = database
