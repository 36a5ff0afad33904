"""The responses as the library lists them, with their progress.

Apart from the response service (which lists through it) because a listing needs none
of the editing machinery: ``AppContext.listing`` is built at open, the whole
``ResponseService`` (saves, revisions, the bin, repair and their records) on first use,
so ``consultdesk responses`` never imports it.
"""

from __future__ import annotations

from consultdesk.domain.errors import ConsultDeskError, Message, NotFoundError
from consultdesk.domain.response_status import ResponseStatus
from consultdesk.services.catalog import CatalogService
from consultdesk.services.summaries import ResponseSummary
from consultdesk.storage.response_repository import ResponseRepository


def unknown_status(status: str) -> Message:
    """What is wrong with a response whose stored status this version does not know."""
    return Message("its status {status!r} is not one this version of ConsultDesk knows "
                   "(written by a newer version?)", status=status)


def questionnaire_problem(qid: str, version: int, exc: ConsultDeskError) -> Message:
    """What is wrong with a response whose questionnaire cannot be had (``exc`` says why)."""
    if isinstance(exc, NotFoundError):
        return Message("its questionnaire {id!r} version {version} is not installed",
                       id=qid, version=version)
    return exc.message()


class ResponseListing:
    """Lists responses (or the bin) with their progress, recounting a stale cache."""

    def __init__(self, repository: ResponseRepository, catalog: CatalogService) -> None:
        self._repo = repository
        self._catalog = catalog

    def list(self, *, deleted: bool = False) -> list[ResponseSummary]:
        """Responses (or the bin's) with their progress, most recently edited first.

        A response whose stored data cannot be read is listed too, marked with its
        ``problem``; it never keeps the others from being listed.
        """
        rows = self._repo.list_rows(deleted=deleted)
        problems: dict[str, Message] = {r.id: r.problem for r in rows
                                         if r.problem is not None}
        # Only titles are listed: a definition stored intact is not parsed for one (the
        # catalog validates any other, as opening it would); those whose progress must be
        # recounted are loaded whole below.
        titles: dict[str, str] = {}
        for r in rows:
            if r.id in problems:
                continue
            try:
                titles[r.id] = self._catalog.title(r.questionnaire_id, r.questionnaire_version)
                ResponseStatus(r.status)
            except ValueError:
                problems[r.id] = unknown_status(r.status)
            except ConsultDeskError as exc:  # not installed, or its definition unreadable
                problems[r.id] = questionnaire_problem(r.questionnaire_id,
                                                       r.questionnaire_version, exc)
        stale = [r for r in rows if r.progress is None and r.id not in problems]
        computed: dict[str, tuple[int, int, int]] = {}
        if stale:
            # Counting (and the answer model it reads) loads only when a progress must be
            # recounted: a listing of cached progress never needs it.
            from consultdesk.domain.response import progress

            answers, unreadable = self._repo.answers_of([r.id for r in stale])
            problems.update(unreadable)
            for r in stale:
                if r.id in problems:
                    continue
                try:
                    questionnaire = self._catalog.get(r.questionnaire_id,
                                                      r.questionnaire_version)
                except ConsultDeskError as exc:  # its title was read; the rest cannot be
                    problems[r.id] = questionnaire_problem(r.questionnaire_id,
                                                           r.questionnaire_version, exc)
                    continue
                p = progress(questionnaire, answers.get(r.id, {}))
                computed[r.id] = (p.answered, p.total, p.over)
            try:
                self._repo.store_progress((r.id, r.updated_raw, computed[r.id])
                                          for r in stale if r.id in computed)
            except ConsultDeskError:
                pass  # only a cache: a busy, full or read-only file is recounted next time
        out = []
        for r in rows:
            problem = problems.get(r.id)
            if problem is not None:
                out.append(ResponseSummary(
                    r.id, r.title, r.questionnaire_id, "", ResponseStatus.DRAFT, None, 0, 0, 0,
                    r.updated_at, r.deleted_at, problem=problem))
                continue
            answered, total, over = computed.get(r.id) or r.progress  # type: ignore[misc]
            out.append(ResponseSummary(
                r.id, r.title, r.questionnaire_id, titles[r.id],
                ResponseStatus(r.status), r.deadline, answered, total, over, r.updated_at,
                r.deleted_at))
        return out
