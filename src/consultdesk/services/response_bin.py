"""The bin: responses put aside (restorable) and deleted for good."""

from __future__ import annotations

from consultdesk.services.answer_saves import AnswerSaves
from consultdesk.storage.database import utc_now
from consultdesk.storage.errors import UnreadableResponseError


class ResponseBin(AnswerSaves):
    """Moving responses to the bin, out of it, and deleting them for good."""

    # -- the bin -------------------------------------------------------------------
    def delete(self, response_id: str) -> None:
        """Move a response to the bin (restorable); revisions of its answers kept first."""
        try:
            stored = self._repo.load(response_id)
        except UnreadableResponseError:
            # Binning loses nothing (the rows stay as they are), so an unreadable
            # response can be put out of the way too.
            stored = None
        if stored is not None:
            self._take_revisions(response_id, stored.answers, "before delete")
        self._repo.update_details(response_id, {"deleted_at": utc_now()})

    def restore(self, response_id: str) -> None:
        """Take a response out of the bin."""
        self._repo.update_details(response_id, {"deleted_at": None})

    def purge(self, response_id: str) -> None:
        """Delete a response from the bin for good (NotFoundError if not in the bin)."""
        self._repo.purge(response_id)
        self._questionnaires.pop(response_id, None)

