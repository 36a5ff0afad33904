"""Checking and exporting responses: what the GUI's preflight and the CLI call.

Counting and the preflight rules live in the domain; the Word file is built by
``consultdesk.formats.docx_export``.  This service joins them for a loaded
:class:`ResponseData`, and never touches the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from consultdesk.domain.counting import Status, status_for
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import (
    REFERENCE_PROBLEMS,
    CountedItem,
    Problem,
    budget_usage,
    counted_items,
    preflight,
)

# The light modules only: the Word code (python-docx, lxml) loads when a file is written.
from consultdesk.formats.docx_export.options import (
    BlockDisplay,
    ChoiceDisplay,
    ExportOptions,
    Unanswered,
)
from consultdesk.formats.docx_export.outcome import (
    ExportResult,
    OverLimitError,
    TemplateError,
    blocking_problems,
)
from consultdesk.formats.docx_export.writer import (
    ExportError,
    OutputLockedError,
    OutputNotWritableError,
)
from consultdesk.formats.pdf import (
    PdfConversionError,
    PdfUnavailableError,
    export_pdf,
    find_converter,
    is_pdf,
)
from consultdesk.services.records import ResponseData

# The option and result types front ends need, so they never import formats.
__all__ = [
    "BlockDisplay", "BudgetCheck", "CheckReport", "ChoiceDisplay", "ExportError",
    "ExportOptions", "ExportResult", "ExportService", "OutputLockedError",
    "OutputNotWritableError", "OverLimitError", "PdfConversionError", "PdfUnavailableError",
    "TemplateError", "Unanswered",
]


@dataclass(frozen=True, slots=True)
class BudgetCheck:
    """A limit shared by several questions, and what they use of it."""

    id: str
    label: str
    count: int
    limit: int
    status: Status


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Every counted answer of a response against its limit, and the shared budgets."""

    response_id: str
    items: tuple[CountedItem, ...]
    budgets: tuple[BudgetCheck, ...]
    #: references to a question the questionnaire does not have, or that is unanswered
    references: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        """True when nothing is over its limit and every reference points to an answer."""
        return not any(i.count.status is Status.OVER for i in self.items) and not any(
            b.status is Status.OVER for b in self.budgets) and not self.references

    def as_json(self) -> dict[str, Any]:
        """The ``check --json`` shape (``budgets`` only when the questionnaire has some)."""
        data: dict[str, Any] = {
            "response": self.response_id,
            "ok": self.ok,
            "questions": [{
                "id": i.id,
                "number": i.number,
                "count": i.count.value,
                "limit": i.count.limit.amount if i.count.limit else None,
                "status": i.count.status.value,
            } for i in self.items],
        }
        if self.budgets:
            data["budgets"] = [{"id": b.id, "label": b.label, "count": b.count,
                                "limit": b.limit, "status": b.status.value}
                               for b in self.budgets]
        if self.references:
            data["references"] = [{"question": p.target, "kind": p.kind.value,
                                   "target": p.reference_target, "text": p.reference_text,
                                   "message": p.message} for p in self.references]
        return data


class ExportService:
    """Preflight, check and Word export of responses (no Qt, no SQL)."""

    def suggested_filename(self, response: ResponseData) -> str:
        """A file name for the save dialog: the response's title, safe on every system."""
        name = re.sub(r'[<>:"/\\|?*\x00-\x1f]+', " ", response.title or "")
        name = " ".join(name.split()).strip(" .")[:120] or response.questionnaire.id
        return f"{name}.docx"

    def check(self, response: ResponseData) -> CheckReport:
        """Each counted answer's count, limit and status, with the shared budgets."""
        q = response.questionnaire
        items = tuple(counted_items(q, response.answers))
        budgets = tuple(
            BudgetCheck(b.id, b.label, total, b.limit.amount, status_for(total, b.limit))
            for b, total in budget_usage(q, response.answers))
        references = tuple(p for p in preflight(q, response.respondent, response.answers)
                           if p.kind in REFERENCE_PROBLEMS)
        return CheckReport(response.id, items, budgets, references)

    def preflight(self, response: ResponseData) -> list[Problem]:
        """Every problem to show before export, in document order."""
        return preflight(response.questionnaire, response.respondent, response.answers)

    def blocking(self, response: ResponseData) -> list[Problem]:
        """The problems that stop the export unless the user allows them (over a limit)."""
        return blocking_problems(self.preflight(response))

    def export(self, response: ResponseData, path: Path,
               options: ExportOptions = ExportOptions()) -> ExportResult:
        """Write the response to ``path``, a .docx or a .pdf (OverLimitError, ExportError,
        TemplateError; PdfUnavailableError when no word processor can make the PDF)."""
        from consultdesk.formats.docx_export.export import export_response

        def write(docx: Path) -> ExportResult:
            return export_response(response.questionnaire, response.title,
                                   response.respondent, response.answers, docx, options)
        return self._write(Path(path), write)

    def export_blank(self, questionnaire: Questionnaire, path: Path,
                     options: ExportOptions = ExportOptions()) -> ExportResult:
        """Write the questionnaire without answers (.docx or .pdf), to collect input."""
        from consultdesk.formats.docx_export.export import export_blank

        return self._write(Path(path), lambda docx: export_blank(
            questionnaire, docx, replace(options, blank=True)))

    def pdf_converter(self) -> str | None:
        """The program that would make a PDF ("Microsoft Word", "LibreOffice"), or None."""
        try:
            return find_converter().name
        except PdfUnavailableError:
            return None

    @staticmethod
    def _write(path: Path, write: Callable[[Path], ExportResult]) -> ExportResult:
        """A .docx straight to ``path``; a PDF converted from the same .docx."""
        if not is_pdf(path):
            return write(path)
        result = export_pdf(path, write)
        assert isinstance(result, ExportResult)
        return replace(result, path=path)
