"""Repairing a response whose stored data cannot be read."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any

from consultdesk.domain.errors import AnswerError, ConsultDeskError, Message, NotFoundError
from consultdesk.domain.response import ResponseStatus, fits_question, validate_answer
from consultdesk.services.response_base import (
    _REPAIR,
    ResponseBase,
    _layout,
)
from consultdesk.services.response_listing import questionnaire_problem
from consultdesk.storage.database import utc_now
from consultdesk.storage.errors import UnreadableResponseError

if TYPE_CHECKING:
    from consultdesk.domain.questionnaire import Questionnaire


class ResponseRepair(ResponseBase):
    """Checking and repairing what cannot be read in a response's stored data."""

    # -- repair ----------------------------------------------------------------------
    def repair_check(self, response_id: str) -> bool:
        """Whether a response needs repairing; before anything is copied or changed, says
        why it cannot be repaired here (NotFoundError, or UnreadableResponseError with
        what to do instead)."""
        self._repair_plan(response_id)
        try:
            self.load(response_id)
        except UnreadableResponseError:
            return True
        return False

    def _repair_plan(self, response_id: str) -> tuple[Questionnaire, int | None, bool]:
        """The questionnaire to repair against, the version to set (None: keep) and
        whether its stored definition must be rewritten from the bundled one."""
        qid, version = self._repo.load_meta_for_repair(response_id)
        new_version: int | None = None
        if version is None:  # unreadable: the newest installed version is the best guess
            try:
                questionnaire = self._catalog.get(qid)
            except ConsultDeskError as exc:
                raise UnreadableResponseError(response_id, exc, advice=Message(
                    "install the questionnaire {id!r} (questionnaire add FILE), or restore a "
                    "backup", id=qid)) from None
            return questionnaire, questionnaire.version, False
        try:
            return self._catalog.get(qid, version), new_version, False
        except NotFoundError:
            raise UnreadableResponseError(
                response_id, questionnaire_problem(qid, version, NotFoundError(qid)),
                advice=Message("install version {version} of {id!r} (questionnaire add "
                               "FILE), or restore a backup", version=version, id=qid)) from None
        except ConsultDeskError as exc:
            bundled = self._catalog.bundled_version(qid)
            if bundled is not None and bundled.version == version:
                return bundled, None, True
            raise UnreadableResponseError(response_id, exc, advice=Message(
                "restore a backup, or install the definition again")) from None

    def repair(self, response_id: str) -> builtins.list[str]:
        """Repair what cannot be read in a response's stored data; what was done (empty
        when nothing needed it).  Take a backup first: replaced values are not kept here."""
        # Imported here: the repair SQL (and the revision table it reads) is for this alone.
        from consultdesk.storage.repair import repair_response

        questionnaire, new_version, rewrite = self._repair_plan(response_id)
        done: list[str] = []
        if rewrite and self._catalog.repair_definition(questionnaire.id, questionnaire.version):
            done.append(f"the stored definition of {questionnaire.id!r} version "
                        f"{questionnaire.version} could not be read: it is rewritten from "
                        "the bundled one")
        if new_version is not None:
            self._repo.update_details(response_id, {"questionnaire_version": new_version})
            done.append(f"the questionnaire version could not be read: it is now {new_version}"
                        " (the newest installed)")

        def restore(conn: Any, question_id: str, value: Any, version: int) -> bool:
            try:
                question = questionnaire.question(question_id)
                clean = validate_answer(question, value)
            except (KeyError, AnswerError):
                return False
            self._repo.write_value(conn, response_id, question_id, _layout(question), clean,
                                   version=version, author=_REPAIR, now=utc_now())
            return True

        def fits(question_id: str, value: Any) -> bool:
            try:
                return fits_question(questionnaire.question(question_id), value)
            except KeyError:
                return True  # not this version's question: left as it is

        done += repair_response(self._db, response_id, {s.value for s in ResponseStatus},
                                restore, fits)
        self._questionnaires.pop(response_id, None)
        self.load(response_id)  # what is left unreadable is said, not hidden
        return done

