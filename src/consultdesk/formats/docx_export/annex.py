"""The optional annex: a table of each answer's length against its limit."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from docx.oxml.ns import qn
from lxml import etree

from consultdesk.domain.counting import status_for
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import AnswerValue, CountedItem, budget_usage
from consultdesk.formats.docx_export.layout import LayoutBuilder
from consultdesk.formats.docx_export.paragraphs import break_page_before
from consultdesk.formats.docx_export.tables import add_table

Elements = list[etree._Element]


def add_annex(builder: LayoutBuilder, questionnaire: Questionnaire,
              answers: Mapping[str, AnswerValue], items: list[CountedItem]) -> None:
    """A new page with a heading and one row per counted answer (and per shared budget)."""
    s, labels = builder.styles, builder.labels

    def text(value: str, bold: bool = False, right: bool = False) -> Callable[[], Elements]:
        def make() -> Elements:
            p = builder.para(s.table_text, value, "annex", bold=bold)
            if right:  # numbers line up on their last digit
                etree.SubElement(p.find(qn("w:pPr")), qn("w:jc")).set(qn("w:val"), "right")
            return [p]
        return make

    rows: list[list[Callable[[], Elements]]] = [[
        text(labels.annex_item, True), text(labels.annex_count, True, right=True),
        text(labels.annex_limit, True), text(labels.annex_status, True),
    ]]
    for item in items:
        name = f"{item.number} {item.label}".strip() if item.number else item.label
        limit = item.count.limit
        rows.append([
            text(_shorten(name)), text(f"{item.count.value:,}", right=True),
            text(limit.describe() if limit else "—"),
            text(labels.status(item.count.status.value), bold=item.count.status.value == "over"),
        ])
    for budget, total in budget_usage(questionnaire, answers):
        status = status_for(total, budget.limit)
        rows.append([text(budget.label, True), text(f"{total:,}", right=True),
                     text(budget.limit.describe()), text(labels.status(status.value))])
    # Whoever checks a count in LibreOffice sees more for lists: say so before they ask.
    builder.emit([break_page_before(builder.para(s.heading(1), labels.annex_title)),
                  builder.para(s.body, labels.annex_note, "annex"),
                  add_table(s.table, rows, widths=[9, 2, 6, 3])])


def _shorten(text: str, limit: int = 90) -> str:
    """A question's wording cut at a word boundary for a table cell."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def add_contributors_annex(builder: LayoutBuilder,
                           contributors: tuple[tuple[str, str, tuple[str, ...]], ...]) -> None:
    """A new page listing each contributor (tag and name) with the questions it wrote in."""
    s, labels = builder.styles, builder.labels

    def text(value: str, bold: bool = False) -> Callable[[], Elements]:
        return lambda: [builder.para(s.table_text, value, "annex", bold=bold)]

    rows = [[text(labels.contributors_who, True), text(labels.contributors_questions, True)]]
    for tag, name, numbers in contributors:
        who = f"{name} ({tag})" if name else tag
        rows.append([text(who), text(", ".join(numbers))])
    builder.emit([break_page_before(builder.para(s.heading(1), labels.contributors_title)),
                  add_table(s.table, rows, widths=[9, 11])])
