"""The Word request for input: what it says, how it identifies itself, and reading replies
filled the way Word, careless contributors and LibreOffice leave them."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from contribution_filling import Doc, apply_case, q, word_fills_control
from lxml import etree

from consultdesk.domain.contributions import NEW_ENTRY, Contributor, ItemRef
from consultdesk.domain.counting import measure
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.contribution import (
    NotARequestError,
    RequestItem,
    RequestSpec,
    read_identity,
    read_reply,
    write_request,
)
from consultdesk.formats.contribution.request import text_fields
from consultdesk.formats.docx_import.package import open_docx

CASES = json.loads((Path(__file__).resolve().parents[1] / "reference" / "contributions"
                    / "replies.json").read_text(encoding="utf-8"))["cases"]
RID = "5e1c0ffee123"


@pytest.fixture
def gacsa(questionnaires: dict[str, Questionnaire]) -> Questionnaire:
    return questionnaires["gacsa-report-2026"]


def spec_for(q: Questionnaire, include_draft: bool = False) -> RequestSpec:
    items = (RequestItem(ItemRef("t1_summary"), date(2027, 1, 15),
                         "Please give the ICSE figures for 2026.", 500,
                         "Our draft says **300** victims."),
             RequestItem(ItemRef("t1_done", NEW_ENTRY), date(2027, 1, 15)))
    return RequestSpec(q, RID, "Japan: 2026 report",
                       Contributor("NPA", "National Police Agency", "Mr Sato",
                                   "sato@npa.example.jp"),
                       items, "a1b2c3d4e5f6", "Ministry of Foreign Affairs, Japan",
                       "hr-division@mofa.example.jp", include_draft)


@pytest.fixture
def request_docx(gacsa: Questionnaire, tmp_path: Path) -> Path:
    return write_request(spec_for(gacsa, include_draft=True), tmp_path / "request.docx")


def items_of(q: Questionnaire) -> list[RequestItem]:
    return list(spec_for(q).items)


def test_request_reads_as_a_request(request_docx: Path) -> None:
    d = docx.Document(str(request_docx))
    texts = [p.text for p in d.paragraphs if p.text.strip()]
    assert texts[:6] == [
        "Request for input",
        "Global Alliance against Child Sexual Abuse Online: report",
        "From: Ministry of Foreign Affairs, Japan",
        "To: National Police Agency (NPA), Mr Sato",
        "For: Japan: 2026 report",
        "Please reply by: 15 January 2027",
    ]
    assert "How to reply" in texts
    assert ("Save this document as a Word file (.docx, any name) and send it back to "
            "hr-division@mofa.example.jp.") in texts
    at = texts.index("1.1\tSummarise the progress made towards the operational goal since "
                     "the last report.")
    assert texts[at - 2].startswith("Policy target 1: Enhancing efforts to identify victims")
    assert texts[at - 1].startswith("Operational goal: Increase the number of identified "
                                    "victims in the International Child Sexual Exploitation")
    assert texts[at + 1:at + 6] == [
        "(Approximately 1,500 characters with spaces; your share: about 500 characters "
        "with spaces)",
        "Note: Please give the ICSE figures for 2026.",
        "Current draft, for your reference:",
        "Our draft says 300 victims.",
        "Your answer:",
    ]
    assert "1.2\tActions already undertaken — a new action" in texts
    assert texts[-1] == "End of the request. Thank you for your contribution."
    assert d.core_properties.title.startswith("Request for input: Global Alliance")


def test_answer_areas_are_rich_text_controls_tagged_with_the_item(request_docx: Path) -> None:
    with zipfile.ZipFile(request_docx) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        custom = z.read("docProps/custom.xml").decode()
    controls = list(body.iter(q("sdt")))
    tags = [c.find(f"{q('sdtPr')}/{q('tag')}").get(q("val")) for c in controls]
    assert tags == [f"consultdesk:{RID}:t1_summary",
                    f"consultdesk:{RID}:t1_done[+].description",
                    f"consultdesk:{RID}:t1_done[+].authority"]
    assert tags[0].endswith(":t1_summary")
    for c in controls:
        pr = c.find(q("sdtPr"))
        assert pr.find(q("richText")) is not None and pr.find(q("showingPlcHdr")) is not None
        assert pr.find(q("lock")) is None  # never locked
        assert c.getparent().tag == q("body")  # block level: paragraphs, lists, tables fit
    for name, value in (("ConsultDeskKind", "contribution-request"),
                        ("ConsultDeskResponse", RID), ("ConsultDeskContributor", "NPA"),
                        ("ConsultDeskItems", "t1_summary t1_done[+]")):
        assert f'name="{name}"><vt:lpwstr>{value}</vt:lpwstr>' in custom
    with zipfile.ZipFile(request_docx) as z:
        assert "word/settings.xml" in z.namelist()
        assert b"documentProtection" not in z.read("word/settings.xml")


def test_a_block_entry_asks_for_each_text_field(gacsa: Questionnaire) -> None:
    fields = [f.id for f in text_fields(gacsa.question("t1_planned"))]
    assert fields == ["description", "timeframe", "authority"]


def test_an_unfilled_request_gives_every_item_empty(request_docx: Path,
                                                    gacsa: Questionnaire) -> None:
    package = open_docx(request_docx)
    reply = read_reply(package, read_identity(package), gacsa, items_of(gacsa))
    assert reply.items == () and reply.missing == ()
    assert reply.empty == ("t1_summary", "t1_done[+]")


def _check(reply: Any, case: dict[str, Any], q: Questionnaire, via: str) -> None:
    got = {r.item.key: r for r in reply.items}
    assert sorted(got) == sorted(case["expect"]), via
    for key, want in case["expect"].items():
        item = got[key]
        text = want["text"]
        if via.startswith("libreoffice") and key in case.get("libreoffice_text", {}):
            text = case["libreoffice_text"][key]
        assert item.value == text, (via, key)
        question = q.question(item.item.question_id)
        if isinstance(item.value, str):
            count = measure(item.value, question.limit, q.convention).value
        else:
            count = measure(item.value.get("description", ""),
                            question.fields[0].limit, q.convention).value
        assert count == want["count"], (via, key)
        if via == "word":
            assert item.found == want["found"], key
    assert list(reply.missing) == case["missing"], via
    assert list(reply.empty) == case["empty"], via


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_reply_filled_in_word_or_carelessly(case: dict[str, Any], request_docx: Path,
                                            gacsa: Questionnaire, tmp_path: Path) -> None:
    filled = apply_case(request_docx, tmp_path / "reply.docx", case["steps"])
    package = open_docx(filled)
    _check(read_reply(package, read_identity(package), gacsa, items_of(gacsa)), case, gacsa,
           "word")


def test_a_file_that_is_no_request_is_refused(tmp_path: Path) -> None:
    plain = tmp_path / "memo.docx"
    d = docx.Document()
    d.add_paragraph("A memo.")
    d.save(str(plain))
    with pytest.raises(NotARequestError, match="memo.docx is not a ConsultDesk request"):
        read_identity(open_docx(plain))


def test_identity_survives_without_custom_properties(request_docx: Path,
                                                     tmp_path: Path) -> None:
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(request_docx) as src, zipfile.ZipFile(stripped, "w") as dst:
        for info in src.infolist():
            if info.filename != "docProps/custom.xml":
                dst.writestr(info, src.read(info.filename))
    identity = read_identity(open_docx(stripped))
    assert identity.response_id == RID
    assert identity.items == ("t1_summary", "t1_done[+]")


def _soffice_round_trip(files: list[Path], out: Path, profile: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: .ci/run installs libreoffice-writer-nogui"
    out.mkdir()
    subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", "--convert-to", "docx", "--outdir", str(out),
                    *map(str, files)], capture_output=True, text=True, timeout=240, check=True)


@pytest.mark.slow
def test_replies_survive_a_libreoffice_round_trip(request_docx: Path, gacsa: Questionnaire,
                                                  tmp_path: Path) -> None:
    filled = []
    for n, case in enumerate(CASES):
        filled.append(apply_case(request_docx, tmp_path / f"case{n}.docx", case["steps"]))
    _soffice_round_trip(filled, tmp_path / "lo", tmp_path / "profile")
    for n, case in enumerate(CASES):
        saved = tmp_path / "lo" / f"case{n}.docx"
        package = open_docx(saved)
        identity = read_identity(package)
        assert identity.response_id == RID and identity.contributor == "NPA"
        _check(read_reply(package, identity, gacsa, items_of(gacsa)), case, gacsa,
               f"libreoffice:{case['name']}")


def test_word_fill_of_a_japanese_request(questionnaires: dict[str, Questionnaire],
                                         tmp_path: Path) -> None:
    # The same request machinery in another language: the placeholder is recognised too.
    q = questionnaires["ohchr-civic-space-2021"].model_copy(update={"language": "ja"})
    spec = RequestSpec(q, RID, "日本政府回答", Contributor("MEXT", "文部科学省"),
                       (RequestItem(ItemRef("q1"), date(2027, 1, 15)),
                        RequestItem(ItemRef("q2"))), "p", "外務省")
    path = write_request(spec, tmp_path / "ja.docx")
    texts = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    assert texts[0] == "回答作成依頼" and "回答期限：2027年1月15日" in texts
    doc = Doc(path)
    word_fills_control(doc, "q1", ["オンラインで意見を募集した。"])
    doc.save(tmp_path / "ja-reply.docx")
    package = open_docx(tmp_path / "ja-reply.docx")
    reply = read_reply(package, read_identity(package), q, list(spec.items))
    assert [(r.item.key, r.value) for r in reply.items] == [("q1", "オンラインで意見を募集した。")]
    assert reply.empty == ("q2",)


def test_a_reply_written_by_consultdesk_reads_back_exactly(request_docx: Path,
                                                           gacsa: Questionnaire,
                                                           tmp_path: Path) -> None:
    from consultdesk.formats.contribution.fill import fill_request, slots_in

    assert slots_in(request_docx) == ["t1_summary", "t1_done[+].description",
                                      "t1_done[+].authority"]
    answers = {"t1_summary": "Police: **312** victims.\n\n1. hotline\n   - open *24h*\n2. fund\n",
               "t1_done[+].description": "A unit."}
    reply = fill_request(request_docx, answers, tmp_path / "reply.docx")
    package = open_docx(reply)
    got = read_reply(package, read_identity(package), gacsa, items_of(gacsa))
    assert [(r.item.key, r.value, r.found) for r in got.items] == [
        ("t1_summary", answers["t1_summary"].strip(), "control"),
        ("t1_done[+]", {"description": "A unit."}, "control")]


def _ref_run(p: etree._Element, instruction: str, result: str) -> None:
    """Append Word's complex REF field (begin, instruction, separate, result, end)."""
    for kind in ("begin", "instr", "separate", "result", "end"):
        r = etree.SubElement(p, q("r"))
        if kind == "instr":
            child = etree.SubElement(r, q("instrText"))
            child.text = f" {instruction} "
        elif kind == "result":
            child = etree.SubElement(r, q("t"))
            child.text = result
        else:
            etree.SubElement(r, q("fldChar")).set(q("fldCharType"), kind)


def test_a_word_cross_reference_to_a_requested_heading_is_a_live_reference(
        request_docx: Path, gacsa: Questionnaire, tmp_path: Path) -> None:
    """The contributor inserts Word cross-references to the other question's heading: to
    the bookmark Word adds (_Ref…) and to the request's own (_CDH1…); to a heading of
    no question (the request's title) it stays the text it shows."""
    doc = Doc(request_docx)
    heading = next(p for p in doc.body.iter(q("p")) if any(
        (b.get(q("name")) or "").startswith("_CDH1") for b in p.iter(q("bookmarkStart"))))
    own_mark = next(b.get(q("name")) for b in heading.iter(q("bookmarkStart"))
                    if (b.get(q("name")) or "").startswith("_CDH1"))
    start = etree.Element(q("bookmarkStart"))
    start.set(q("id"), "991")
    start.set(q("name"), "_Ref12345678")
    heading.find(q("pPr")).addnext(start)
    end = etree.SubElement(heading, q("bookmarkEnd"))
    end.set(q("id"), "991")
    number = gacsa.question("t1_done").display_number
    p = doc.paragraph("See question ")
    _ref_run(p, "REF _Ref12345678 \\r \\h", number)
    p2 = doc.paragraph("and the list under ")
    _ref_run(p2, f"REF {own_mark} \\h", "Measures taken")
    p2.append(doc.paragraph(", not ")[1])
    _ref_run(p2, "REF _RefNowhere \\h", "the cover")
    sdt = doc.control("t1_summary")
    sdt.find(q("sdtPr")).remove(sdt.find(f"{q('sdtPr')}/{q('showingPlcHdr')}"))
    content = sdt.find(q("sdtContent"))
    for child in list(content):
        content.remove(child)
    content.extend([p, p2])
    doc.save(tmp_path / "reply.docx")
    package = open_docx(tmp_path / "reply.docx")
    reply = read_reply(package, read_identity(package), gacsa, items_of(gacsa))
    [summary] = [r for r in reply.items if r.item.key == "t1_summary"]
    assert summary.value == (f"See [question {number}](#ref:t1_done)\n\n"
                             f"and the list under [question {number}](#ref:t1_done), "
                             "not the cover")
