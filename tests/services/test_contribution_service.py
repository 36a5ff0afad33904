"""The contribution service: assign, request, receive (once), supersede, merge, attribution."""

from __future__ import annotations

import hashlib
import sys
from datetime import date
from pathlib import Path

import pytest

from consultdesk.app_context import AppContext
from consultdesk.domain.authorship import Author, WriterKind
from consultdesk.domain.contributions import ContributionStatus, MergeMode
from consultdesk.domain.errors import AnswerError, NotFoundError
from consultdesk.services.contributions import ReceiveError

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "formats"))
from contribution_filling import Doc, delete_control_type_under, word_fills_control

GACSA = "gacsa-report-2026"


@pytest.fixture
def rid(context: AppContext) -> str:
    rid = context.responses.create(GACSA, "Japan 2026", respondent={
        "state": "Japan", "institution": "Ministry of Foreign Affairs",
        "contact_email": "hr@mofa.example.jp"},
        answers={"t1_summary": "Our own opening.\n",
                 "t1_done": [{"description": "A hotline.", "authority": "MOFA"}]})
    c = context.contributions
    c.add_contributor("NPA", "National Police Agency", "Mr Sato", "sato@npa.example.jp")
    c.add_contributor("MEXT", "Ministry of Education")
    c.assign(rid, ["t1_summary"], "NPA", due=date(2027, 1, 15), share=500)
    c.assign(rid, ["t1_done[1]"], "NPA", due=date(2027, 1, 15))
    c.assign(rid, ["t1_summary"], "MEXT", due=date(2027, 1, 20), note="Schools only")
    return rid


def reply(context: AppContext, rid: str, tmp_path: Path, tag: str, answers: dict[str, list],
          name: str = "reply.docx") -> Path:
    request = context.contributions.write_request(rid, tag, tmp_path / f"request-{tag}.docx")
    doc = Doc(request)
    for slot, paragraphs in answers.items():
        word_fills_control(doc, slot, paragraphs)
    out = tmp_path / name
    doc.save(out)
    return out


def test_assign_checks_everything_first(context: AppContext, rid: str) -> None:
    c = context.contributions
    with pytest.raises(AnswerError, match="unknown question id 'nope'"):
        c.assign(rid, ["t2_summary", "nope"], "NPA")
    with pytest.raises(AnswerError, match=r"t1_done\[2\]: the block has 1 entry"):
        c.assign(rid, ["t1_done[2]"], "NPA")
    with pytest.raises(AnswerError, match="between 1 and the limit"):
        c.assign(rid, ["t2_summary"], "NPA", share=99_999)
    with pytest.raises(NotFoundError, match="no contributor 'CAO'"):
        c.assign(rid, ["t2_summary"], "CAO")
    assert [(r.item.key, r.contributor.tag) for r in c.board(rid)] == [
        ("t1_summary", "MEXT"), ("t1_summary", "NPA"), ("t1_done[1]", "NPA")]


def test_board_shows_overdue_requests(context: AppContext, rid: str) -> None:
    rows = context.contributions.board(rid, today=date(2027, 1, 18))
    assert [(r.contributor.tag, r.item.key, r.status.value, r.overdue) for r in rows] == [
        ("MEXT", "t1_summary", "requested", False), ("NPA", "t1_summary", "requested", True),
        ("NPA", "t1_done[1]", "requested", True)]
    assert set(context.contributions.overdue(rid, date(2027, 1, 18))) == {"NPA"}


def test_receive_once_then_supersede_keeps_history(context: AppContext, rid: str,
                                                   tmp_path: Path) -> None:
    c = context.contributions
    first = reply(context, rid, tmp_path, "NPA", {"t1_summary": ["Police: 312 victims."]})
    result = c.receive(first)
    assert (result.response_id, result.contributor) == (rid, "NPA")
    assert [(r.item.key, r.count.value, r.share_status.value) for r in result.added] == [
        ("t1_summary", 20, "within")]
    assert result.empty == ("t1_done[1]",)
    again = c.receive(first)
    assert again.added == () and again.unchanged == ("t1_summary",)
    second = reply(context, rid, tmp_path, "NPA", {"t1_summary": ["Police: 315 victims."]},
                   "reply-2.docx")
    c.receive(second)
    row = next(r for r in c.board(rid) if r.contributor.tag == "NPA"
               and r.item.key == "t1_summary")
    assert row.contribution.value == "Police: 315 victims."
    assert [h.value for h in row.history] == ["Police: 312 victims."]
    assert row.history[0].status is ContributionStatus.SUPERSEDED
    assert row.contribution.source_hash == hashlib.sha256(second.read_bytes()).hexdigest()


def test_refusals_are_one_line(context: AppContext, rid: str, tmp_path: Path) -> None:
    c = context.contributions
    memo = tmp_path / "memo.docx"
    memo.write_bytes(b"not a zip")
    with pytest.raises(ReceiveError, match="memo.docx: not a Word document"):
        c.receive(memo)
    filled = reply(context, rid, tmp_path, "NPA", {"t1_summary": ["x"]})
    context.responses.delete(rid)
    with pytest.raises(ReceiveError, match="which is in the bin"):
        c.receive(filled)
    context.responses.purge(rid)
    with pytest.raises(ReceiveError, match="not in this data folder"):
        c.receive(filled)


def _merge_one(context: AppContext, rid: str, tmp_path: Path, text: list[str],
               mode: MergeMode, after: int | None = None) -> str:
    c = context.contributions
    c.receive(reply(context, rid, tmp_path, "NPA", {"t1_summary": text}))
    row = next(r for r in c.board(rid) if r.item.key == "t1_summary"
               and r.contributor.tag == "NPA")
    c.merge(row.contribution.id, mode, after=after)
    return context.responses.load(rid).answers["t1_summary"]


@pytest.mark.parametrize("mode, after, expected", [
    (MergeMode.APPEND, None, "Our own opening.\n\nPolice data.\n"),
    (MergeMode.REPLACE, None, "Police data.\n"),
    (MergeMode.INSERT, 0, "Police data.\n\nOur own opening.\n"),
])
def test_merge_each_way_with_a_revision_first(context: AppContext, rid: str, tmp_path: Path,
                                              mode: MergeMode, after: int | None,
                                              expected: str) -> None:
    assert _merge_one(context, rid, tmp_path, ["Police data."], mode, after) == expected
    revisions = context.responses.revisions(rid, "t1_summary")
    assert revisions[0].value == "Our own opening.\n" and revisions[0].reason == "before merge"
    row = next(r for r in context.contributions.board(rid) if r.contributor.tag == "NPA"
               and r.item.key == "t1_summary")
    assert row.status is ContributionStatus.MERGED


def test_attribution_follows_edits_and_undo_restores(context: AppContext, rid: str,
                                                     tmp_path: Path) -> None:
    c = context.contributions
    _merge_one(context, rid, tmp_path, ["Police identified 312 victims in 2026."],
               MergeMode.APPEND)
    assert c.paragraph_tags(rid) == {"t1_summary": [None, "NPA"]}
    context.responses.save_answer(
        rid, "t1_summary", "Our own opening, reworded.\n\nThe police identified 312 victims "
        "in 2026.\n\nA closing line of ours.\n", base_version=None,
        author=Author(WriterKind.APP, "tester"))
    assert c.paragraph_tags(rid) == {"t1_summary": [None, "NPA", None]}
    assert [(who.tag, numbers) for who, numbers in c.contributors_by_item(rid)] == [
        ("NPA", ["1.1"])]
    # The re-matched attribution was stored: it survives a restart.
    with context.database.read() as conn:
        stored = conn.exec_driver_sql("SELECT paragraphs FROM answer_attribution").scalar()
    assert "The police identified 312" in stored


def test_undo_merge(context: AppContext, rid: str, tmp_path: Path) -> None:
    c = context.contributions
    c.receive(reply(context, rid, tmp_path, "NPA", {"t1_summary": ["Police data."]}))
    row = next(r for r in c.board(rid) if r.contributor.tag == "NPA"
               and r.item.key == "t1_summary")
    result = c.merge(row.contribution.id, MergeMode.REPLACE)
    c.undo_merge(result)
    assert context.responses.load(rid).answers["t1_summary"] == "Our own opening.\n"
    assert c.paragraph_tags(rid) == {}
    row = next(r for r in c.board(rid) if r.contribution and r.contribution.id == result.contribution_id)
    assert row.status is ContributionStatus.RECEIVED


def test_block_entry_merges_into_its_fields(context: AppContext, rid: str,
                                            tmp_path: Path) -> None:
    c = context.contributions
    filled = reply(context, rid, tmp_path, "NPA", {
        "t1_done[1].description": ["Staffed by 20 officers."]})
    result = c.receive(filled)
    row = next(r for r in result.added if r.item.key == "t1_done[1]")
    c.merge(row.contribution.id)
    entry = context.responses.load(rid).answers["t1_done"][0]
    assert entry == {"description": "A hotline.\n\nStaffed by 20 officers.", "authority": "MOFA"}
    assert c.paragraph_tags(rid) == {"t1_done[1].description": [None, "NPA"]}


def test_careless_reply_is_found_under_its_question(context: AppContext, rid: str,
                                                    tmp_path: Path) -> None:
    request = context.contributions.write_request(rid, "MEXT", tmp_path / "r.docx")
    doc = Doc(request)
    delete_control_type_under(doc, "t1_summary", ["Schools: 40 sessions."])
    doc.save(tmp_path / "careless.docx")
    result = context.contributions.receive(tmp_path / "careless.docx")
    assert [(r.contributor.tag, r.contribution.value) for r in result.added] == [
        ("MEXT", "Schools: 40 sessions.")]


def test_a_merge_never_overwrites_a_change_made_meanwhile(context: AppContext, rid: str,
                                                          tmp_path: Path, monkeypatch) -> None:
    c = context.contributions
    c.receive(reply(context, rid, tmp_path, "NPA", {"t1_summary": ["Police data."]}))
    row = next(r for r in c.board(rid) if r.contributor.tag == "NPA"
               and r.item.key == "t1_summary")
    real_load = context.responses.load

    def load_then_someone_writes(response_id: str):  # the app autosaves between
        data = real_load(response_id)
        context.responses.save_answer(rid, "t1_summary", "Typed meanwhile.\n",
                                      base_version=None, author=Author(WriterKind.APP))
        monkeypatch.setattr(context.responses, "load", real_load)
        return data

    monkeypatch.setattr(context.responses, "load", load_then_someone_writes)
    with pytest.raises(AnswerError, match="changed while the contribution was being merged"):
        c.merge(row.contribution.id, MergeMode.APPEND)
    assert context.responses.load(rid).answers["t1_summary"] == "Typed meanwhile.\n"
    kept = [r.value for r in context.responses.revisions(rid, "t1_summary")]
    assert "Typed meanwhile.\n\nPolice data.\n" not in [context.responses.load(rid).answers[
        "t1_summary"]] and any("Police data." in (v or "") for v in kept)
