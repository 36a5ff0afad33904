"""The optional annex: a table of each answer's length against its limit."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from docx.oxml.ns import qn
from lxml import etree

from consultdesk.domain.counting import status_for
from consultdesk.domain.questionnaire import Limit, Questionnaire, Unit
from consultdesk.domain.references import short_title
from consultdesk.domain.response import (
    AnswerValue,
    CountedItem,
    budget_usage,
    is_answered,
    is_relevant,
    references_in,
)
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
        text(labels.annex_limit, True, right=True), text(labels.annex_status, True),
    ]]
    budgets = [(b, total) for b, total in budget_usage(questionnaire, answers)]
    units = {i.count.limit.unit for i in items if i.count.limit} | {
        b.limit.unit for b, _ in budgets}
    # One unit for the whole table: say it once under it, and keep the cells to numbers.
    shared = next(iter(units)).value if len(units) == 1 else None

    def amount(value: int, unit: Unit | None) -> str:
        return f"{value:,}" if shared or unit is None else f"{value:,} {labels.unit(unit.value)}"

    def limit_text(limit: Limit | None) -> str:
        if limit is None:
            return "—"
        number = amount(limit.amount, limit.unit)
        return labels.approximately.format(amount=number) if limit.approximate else number

    for item in items:
        name = f"{item.number} {item.label}".strip() if item.number else item.label
        limit = item.count.limit
        over = item.count.status.value == "over"
        rows.append([
            text(_shorten(name)),
            text(amount(item.count.value, limit.unit if limit else None), right=True, bold=over),
            text(limit_text(limit), right=True),
            text(labels.status(item.count.status.value), bold=over),
        ])
    for budget, total in budgets:
        status = status_for(total, budget.limit)
        rows.append([text(budget.label, True), text(amount(total, budget.limit.unit), right=True),
                     text(limit_text(budget.limit), right=True),
                     text(labels.status(status.value), bold=status.value == "over")])
    notes = [labels.annex_note]
    if shared:
        notes.insert(0, labels.annex_unit_note.format(unit=labels.unit(shared)))
    # Whoever checks a count in LibreOffice sees more for lists: say so before they ask.
    builder.emit([break_page_before(builder.para(s.heading(1), labels.annex_title)),
                  builder.para(s.body, " ".join(notes), "annex"),
                  add_table(s.table, rows, widths=[10, 3, 4, 3])])
    references = _reference_rows(questionnaire, answers, builder, text)
    if len(references) > 1:
        builder.emit([builder.para(s.heading(2), labels.references_title),
                      add_table(s.table, references, widths=[8, 6, 6])])


def _reference_rows(questionnaire: Questionnaire, answers: Mapping[str, AnswerValue],
                    builder: LayoutBuilder, text: Callable[..., Callable[[], Elements]]
                    ) -> list[list[Callable[[], Elements]]]:
    """The header and one row per answer and question it refers to, in document order."""
    labels = builder.labels

    def name(number: str, title: str, template: str = labels.references_question) -> str:
        return template.format(number=number) if number else f"“{title}”"

    rows = [[text(labels.references_from, True), text(labels.references_to, True),
             text(labels.annex_status, True)]]
    questions = {q.id: q for q in questionnaire.questions()}
    for q in questionnaire.questions():
        if not is_relevant(q, answers):
            continue
        seen: set[str] = set()
        for ref in references_in(answers.get(q.id)):
            if ref.target in seen:
                continue
            seen.add(ref.target)
            target = questions.get(ref.target)
            if target is None:
                to, status = ref.label, "missing"
            else:
                to = name(target.display_number, short_title(target))
                answered = (is_relevant(target, answers)
                            and is_answered(target, answers.get(target.id)))
                status = "answered" if answered else "unanswered"
            rows.append([text(name(q.display_number, short_title(q), labels.references_answer)),
                         text(to),
                         text(labels.reference_status(status), bold=status != "answered")])
    return rows


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
