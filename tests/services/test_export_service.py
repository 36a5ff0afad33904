"""ExportService: what the GUI's preflight and export call, on a response loaded from storage."""

from __future__ import annotations

from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.domain.counting import Status
from consultdesk.domain.response import ProblemKind
from consultdesk.formats.docx_export import ExportOptions, OverLimitError
from consultdesk.formats.docx_export.readback import read_answers
from consultdesk.services.export import ExportService

SR = "sr-expression-call-2026"


def test_preflight_blocking_and_export(context: AppContext, tmp_path: Path) -> None:
    rid = context.responses.create(SR, "Japan", respondent={"submitter": "Japan"},
                                   answers={"laws": " ".join(["w"] * 501)})
    response = context.responses.load(rid)
    service = ExportService()
    kinds = [(p.kind, p.target) for p in service.preflight(response)]
    assert (ProblemKind.OVER_LIMIT, "laws") in kinds
    assert (ProblemKind.RESPONDENT_EMPTY, "institution") in kinds
    assert [(p.kind, p.target) for p in service.blocking(response)] == [
        (ProblemKind.OVER_LIMIT, "laws")]
    out = tmp_path / "japan.docx"
    with pytest.raises(OverLimitError):
        service.export(response, out)
    assert not out.exists()
    result = service.export(response, out, ExportOptions(allow_over_limit=True))
    assert result.path == out and any("over the limit" in w for w in result.warnings)
    assert any("is empty" in w for w in result.warnings)  # non-blocking problems are told
    assert len(read_answers(out)[0][0].text.split()) == 501
    # Exporting reads only: the draft is as it was.
    assert context.responses.load(rid).answers == response.answers


def test_check_report(context: AppContext) -> None:
    words = " ".join(["w"] * 1300)
    rid = context.responses.create(SR, answers={"challenges": words, "good_practice": words})
    report = ExportService().check(context.responses.load(rid))
    assert not report.ok
    statuses = {i.id: i.count.status for i in report.items}
    assert statuses["challenges"] is Status.OVER and statuses["laws"] is Status.EMPTY
    assert [(b.id, b.count, b.status) for b in report.budgets] == [
        ("part-2-total", 2600, Status.OVER)]


def test_blank_and_suggested_filename(context: AppContext, tmp_path: Path) -> None:
    rid = context.responses.create(SR, 'Japan: "draft" 2/3')
    response = context.responses.load(rid)
    service = ExportService()
    assert service.suggested_filename(response) == "Japan draft 2 3.docx"
    result = service.export_blank(response.questionnaire, tmp_path / "blank.docx")
    assert result.path is not None and result.path.exists() and result.warnings == ()
