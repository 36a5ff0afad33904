"""Lists are real Word numbering (numbering.xml), restarting per answer, with nested levels."""

from __future__ import annotations

from docx.oxml.ns import qn

from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.formats.docx_export.testing import describe, rendered_docx


def _starts(document) -> dict[int, dict[int, int]]:  # type: ignore[no-untyped-def]
    """numId -> {ilvl: startOverride}."""
    root = document.part.numbering_part.element
    return {int(n.get(qn("w:numId"))): {
        int(o.get(qn("w:ilvl"))): int(o.find(qn("w:startOverride")).get(qn("w:val")))
        for o in n.findall(qn("w:lvlOverride"))} for n in root.findall(qn("w:num"))}


def test_each_answer_and_each_nested_list_gets_its_own_restarting_numbering(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    answers = {
        "q1": "1. a\n2. b\n   1. b-one\n   2. b-two\n3. c\n   1. c-one\n",
        "q2": "1. again\n2. more\n\ntext\n\n7. seven\n8. eight\n",
    }
    document, _ = rendered_docx(q, "T", {}, answers)
    items = [d for d in describe(document) if "list" in d]
    by_text = {d["text"]: d for d in items}
    starts = _starts(document)
    # Same list, same instance; each nested list and each new list a new, restarted one.
    assert by_text["a"]["num_id"] == by_text["b"]["num_id"] == by_text["c"]["num_id"]
    assert by_text["b-one"]["num_id"] == by_text["b-two"]["num_id"]
    assert len({by_text[t]["num_id"] for t in ("a", "b-one", "c-one", "again", "seven")}) == 5
    assert starts[by_text["a"]["num_id"]] == {0: 1}
    assert starts[by_text["b-one"]["num_id"]] == {1: 1}
    assert starts[by_text["c-one"]["num_id"]] == {1: 1}
    assert starts[by_text["again"]["num_id"]] == {0: 1}
    assert starts[by_text["seven"]["num_id"]] == {0: 7}
    assert [(d["level"], d["list"]) for d in items[:4]] == [
        (1, "ordered"), (1, "ordered"), (2, "ordered"), (2, "ordered")]


def test_list_markers_are_never_typed_into_the_text(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    document, _ = rendered_docx(q, "T", {}, {"q1": "- one\n- two\n  - deeper\n\n1. x\n"})
    items = [d for d in describe(document) if "list" in d]
    assert [d["text"] for d in items] == ["one", "two", "deeper", "x"]
    assert [(d["level"], d["list"]) for d in items] == [
        (1, "bullet"), (1, "bullet"), (2, "bullet"), (1, "ordered")]


def test_abstract_definitions_come_before_instances_as_the_schema_requires(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    document, _ = rendered_docx(q, "T", {}, {"q1": "- a\n", "q2": "1. b\n"})
    tags = [child.tag for child in document.part.numbering_part.element]
    last_abstract = max(i for i, t in enumerate(tags) if t == qn("w:abstractNum"))
    first_num = min(i for i, t in enumerate(tags) if t == qn("w:num"))
    assert last_abstract < first_num


def test_later_paragraphs_of_an_item_use_list_continue_styles(
        questionnaires: dict[str, Questionnaire]) -> None:
    q = questionnaires["ohchr-civic-space-2021"]
    document, _ = rendered_docx(q, "T", {}, {
        "q1": "- item\n\n  more of the item\n  - nested\n\n    more of nested\n"})
    described = describe(document)
    styles = {d["text"]: d["style"] for d in described if "text" in d}
    assert styles["more of the item"] == "List Continue"
    assert styles["more of nested"] == "List Continue 2"


def test_numbering_of_a_word_for_mac_template_keeps_schema_order() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from consultdesk.domain.rich_text import ListType
    from consultdesk.formats.docx_export.lists import Numbering

    root = parse_xml(f'<w:numbering {nsdecls("w")}><w:abstractNum w:abstractNumId="4"/>'
                     '<w:num w:numId="7"><w:abstractNumId w:val="4"/></w:num>'
                     '<w:numIdMacAtCleanup w:val="3"/></w:numbering>')
    numbering = Numbering(root)
    assert numbering.new_list(ListType.ORDERED, 0) == 8
    assert numbering.new_list(ListType.BULLET, 1, start=1) == 9
    tags = [child.tag.split("}")[1] for child in root]
    assert tags == ["abstractNum", "abstractNum", "abstractNum", "num", "num", "num",
                    "numIdMacAtCleanup"]
    assert [a.get(qn("w:abstractNumId")) for a in root.findall(qn("w:abstractNum"))] == [
        "4", "5", "6"]
