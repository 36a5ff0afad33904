"""What goes where: the reference layout, built from domain data into a prepared document.

Modelled on a real submission: the questionnaire's title, the response's title,
"Information details" (each respondent field's label and value), then
"Questions": sections as headings, each question's number and full wording,
its limit as the questionnaire words it, and the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from consultdesk.domain.counting import Count
from consultdesk.domain.errors import Message
from consultdesk.domain.questionnaire import (
    Field_,
    Limit,
    Option,
    Question,
    QuestionKind,
    Questionnaire,
    RespondentField,
    Section,
)
from consultdesk.domain.response import AnswerValue, is_answered, is_relevant
from consultdesk.domain.rich_text import ListType, parse_markdown
from consultdesk.formats.docx_export.cross_references import (
    ANSWER_PREFIX,
    NUMBER_PREFIX,
    CrossReferences,
    bookmark_keys,
    mark,
    span,
)
from consultdesk.formats.docx_export.lists import ListTracker, Numbering
from consultdesk.formats.docx_export.options import (
    BlockDisplay,
    ChoiceDisplay,
    ExportOptions,
    Labels,
    Unanswered,
)
from consultdesk.formats.docx_export.paragraphs import RunSpec, add_run, bookmark, paragraph
from consultdesk.formats.docx_export.tables import add_table
from consultdesk.formats.docx_export.template import StyleIds
from consultdesk.formats.docx_export.xml_text import TextCleaner, Where

#: Bookmarks around each counted answer are named this prefix + the index of the
#: answer in ``counted_items`` order (hidden bookmarks start with "_" in Word).
BOOKMARK_PREFIX = "_CD_A"
CHECKED, UNCHECKED = "\u2612", "\u2610"  # ☒, ☐
_SYMBOL_FONT = "Segoe UI Symbol"
_BLANK_ROWS = 3

Elements = list[etree._Element]


@dataclass
class Content:
    """The domain data an export renders."""

    questionnaire: Questionnaire
    title: str
    respondent: Mapping[str, str]
    answers: Mapping[str, AnswerValue]
    counted_ids: Mapping[str, int]  # counted item id -> its index (for read-back bookmarks)
    #: question id -> its answer's count, for answers exported although over their limit
    over: Mapping[str, Count] = field(default_factory=dict)


class LayoutBuilder:
    """Builds the document body for one export."""

    def __init__(self, document: Document, styles: StyleIds, options: ExportOptions,
                 labels: Labels, cleaner: TextCleaner) -> None:
        self.document = document
        self.styles = styles
        self.options = options
        self.labels = labels
        self.cleaner = cleaner
        self.numbering = Numbering(document.part.numbering_part.element)
        self._lists = ListTracker(self.numbering)
        self._sect_pr = document.element.body.find(qn("w:sectPr"))
        self._bookmark_id = 0
        self.references = CrossReferences({})
        self._questions: dict[str, Question] = {}

    def start(self, content: Content) -> None:
        """Get ready for one response: bookmark keys for its questions."""
        self._questions = {q.id: q for q in content.questionnaire.questions()}
        self.references = CrossReferences(bookmark_keys(self._questions))

    def finish(self) -> None:
        """After the body: references to questions left out of it become plain text."""
        self.references.resolve()

    def _next_bookmark_id(self) -> int:
        self._bookmark_id += 1
        return self._bookmark_id

    # -- small helpers -------------------------------------------------------------
    def emit(self, elements: Elements) -> None:
        """Append elements to the body (before the final section properties)."""
        for element in elements:
            self._sect_pr.addprevious(element)

    def para(self, style: str, text: str = "", where: Where = "text", *, bold: bool = False,
             italic: bool = False, outline_level: int | None = None) -> etree._Element:
        """A paragraph of one run of cleaned text."""
        runs = [(self.cleaner.clean(text, where), bold, italic)] if text else []
        return paragraph(style, runs, outline_level=outline_level)

    def markdown(self, text: str, where: Where, counted_index: int | None,
                 body_style: str | None = None, item: str | None = None) -> Elements:
        """An answer's Markdown as paragraphs and real lists, bookmarked for read-back;
        with attribution, each contributed paragraph ends with its contributor's tag."""
        s = self.styles
        body_style = body_style or s.body
        self._lists.reset()
        out: Elements = []
        tags = iter((self.options.attribution or {}).get(item or "", ()))
        for p in parse_markdown(text):
            runs: list[RunSpec | tuple[str, str, bool, bool]] = [
                (self.cleaner.clean(r.text, where), r.bold, r.italic) if r.reference is None
                else (r.reference, self.cleaner.clean(r.text, where), r.bold, r.italic)
                for r in p.runs]
            tag = next(tags, None) if p.text.strip() else None
            if tag:
                runs.append((self.cleaner.clean(self.labels.attribution.format(tag=tag), where),
                             False, False))
            if p.list_type is None:
                self._lists.reset()
                out.append(self._with_references(paragraph(body_style), runs))
            elif p.continuation:
                self._lists.end_item_children(p.level)
                out.append(self._with_references(paragraph(s.continuation(p.level)), runs))
            else:
                num = self._lists.num_for(p.list_type, p.level, p.list_id, p.ordinal)
                out.append(self._with_references(
                    paragraph(s.list_item, num=(num, p.level - 1)), runs))
        if out and counted_index is not None:
            self._bookmark_id += 1
            bookmark(out[0], out[-1], self._bookmark_id, f"{BOOKMARK_PREFIX}{counted_index}")
        return out

    def _with_references(self, p: etree._Element,
                         runs: list[RunSpec | tuple[str, str, bool, bool]]) -> etree._Element:
        """Add runs to a paragraph; a reference (target, label, bold, italic) to a numbered
        question becomes the label's words and a REF field to the number."""
        for spec in runs:
            if len(spec) == 3:
                text, bold, italic = spec
                add_run(p, text, bold=bold, italic=italic)
                continue
            target, label, bold, italic = spec
            question = self._questions.get(target)
            number = question.display_number if question is not None else ""
            if number and label.endswith(number):
                self.references.add_reference(p, target, label[:-len(number)], number,
                                              bold, italic)
            elif label:
                add_run(p, label, bold=bold, italic=italic)
        return p

    def bullets(self, labels: list[str], where: Where) -> Elements:
        """Plain texts as a bullet list of their own."""
        num = self.numbering.new_list(ListType.BULLET, 0)
        return [paragraph(self.styles.list_item, [(self.cleaner.clean(t, where), False, False)],
                          num=(num, 0)) for t in labels]

    def field_limit(self, limit: Limit, where: Where, *, not_bold: bool = False) -> etree._Element:
        """A limit line under a field label: flush left, unlike under a numbered question."""
        p = paragraph(self.styles.limit, [(self.cleaner.clean(f"({self.labels.limit(limit)})",
                                                               where),
                                           False, False)])
        etree.SubElement(p.find(qn("w:pPr")), qn("w:ind")).set(qn("w:left"), "0")
        if not_bold:
            for run in p.iter(qn("w:r")):
                rpr = etree.Element(qn("w:rPr"))
                etree.SubElement(rpr, qn("w:b")).set(qn("w:val"), "0")
                run.insert(0, rpr)
        return p

    def no_response(self) -> etree._Element:
        """The "No response" line."""
        return self.para(self.styles.body, self.labels.no_response, italic=True)

    # -- choices -------------------------------------------------------------------
    def choice(self, options: tuple[Option, ...], value: AnswerValue, where: Where,
               show_all: bool) -> Elements:
        """A choice answer: the chosen option(s), or every option with ☒ / ☐."""
        chosen = set(value) if isinstance(value, list) else {value} if value else set()
        if show_all:
            out: Elements = []
            for o in options:
                p = paragraph(self.styles.choice)
                add_run(p, CHECKED if o.id in chosen else UNCHECKED, font=_SYMBOL_FONT)
                add_run(p, "\t" + self.cleaner.clean(o.label, where))
                out.append(p)
            return out
        labels = [o.label for o in options if o.id in chosen]
        if isinstance(value, list) and len(labels) > 1:
            return self.bullets(labels, where)
        return [self.para(self.styles.body, label, where) for label in labels]

    # -- the parts of the document --------------------------------------------------
    def title_block(self, content: Content) -> None:
        """Questionnaire title and response title (or, blank, the issuer and instructions)."""
        q = content.questionnaire
        s = self.styles
        out = [self.para(s.title, q.title, "title")]
        if self.options.blank:
            subtitle = " · ".join(x for x in (q.issuer, q.reference) if x)
            if subtitle:
                out.append(self.para(s.subtitle, subtitle, "subtitle"))
            if q.deadline:
                out.append(self.para(s.body, self.labels.deadline.format(
                    date=q.deadline.isoformat()), bold=True))
            if q.instructions.strip():
                out.extend(self.para(s.section_intro, line.strip(), "instructions")
                           for line in q.instructions.strip().split("\n\n"))
        else:
            # The response's own title, unless it only repeats the questionnaire's
            # ("Online consultation with Member States (2026)" under that very title).
            if content.title and not _repeats(content.title, q.title):
                out.append(self.para(s.subtitle, content.title, "response title"))
            # Who asked: the reader of a submission should not have to guess.
            issuer = " · ".join(x for x in (q.issuer, q.reference) if x)
            if issuer:
                out.append(self.para(s.subtitle, issuer, "subtitle"))
        self.emit(out)

    def respondent_block(self, content: Content) -> None:
        """"Information details": each respondent field's label and value."""
        fields = content.questionnaire.respondent_fields
        if not fields:
            return
        s = self.styles
        out: Elements = []
        for f in fields:
            value = (content.respondent.get(f.id) or "").strip()
            where = Message("“{label}”", label=f.label)
            # "Name of the State:" as in the reference, but no colon after a question mark.
            text = f.label if f.label.rstrip()[-1:] in "?:.!？：" else f"{f.label}:"
            label = self.para(s.field_label, text, where)
            if self.options.blank:
                out.append(label)
                out.extend(self._blank_field(f))
                continue
            if not value:
                if self.options.unanswered is Unanswered.OMIT:
                    continue
                out += [label, self.no_response()]
                continue
            if f.kind is QuestionKind.SHORT_TEXT:
                out += [label, self.para(s.body, value, where)]
            else:
                out += [label, *self.choice(f.choices, value, where, self.options.choices
                                            is ChoiceDisplay.ALL)]
        if out:
            self.emit([self.para(s.heading(1), self.labels.information_details)] + out)

    def _blank_field(self, f: RespondentField | Field_) -> Elements:
        """The empty place for a respondent field or block field in a blank questionnaire."""
        if f.kind in (QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT):
            return [paragraph(self.styles.body)]
        return self.choice(f.choices, None, f"“{f.label}”", show_all=True)

    def questions_block(self, content: Content) -> None:
        """"Questions": every section as a heading, every question under it."""
        q = content.questionnaire
        roots = q.sections
        promote = len(roots) == 1 and roots[0].title.strip().casefold() in (
            "", self.labels.questions.casefold())
        body: Elements = []
        for section in roots:
            body += self._section(section, level=1 if promote else 2, content=content,
                                  show_heading=not promote)
        if body:
            self.emit([self.para(self.styles.heading(1), self.labels.questions)] + body)

    def _section(self, section: Section, level: int, content: Content,
                 show_heading: bool = True) -> Elements:
        """A section's heading (at ``level``), intro, questions and subsections.

        Questions sit one outline level below the heading; nothing is returned when
        every question was left out, so no empty heading remains.
        """
        inner: Elements = []
        for question in section.questions:
            inner += self._question(question, level, content)
        for sub in section.sections:
            inner += self._section(sub, level + 1, content)
        if not inner:
            return inner
        s = self.styles
        head: Elements = []
        if show_heading and section.title.strip():
            head.append(self.para(s.heading(level), section.title.strip(), "section title"))
        if section.intro.strip():
            head.append(self.para(s.section_intro, section.intro.strip(), "section intro"))
        return head + inner

    def _question(self, q: Question, outline_level: int, content: Content) -> Elements:
        """One question, in a bookmark from its heading to the end of its answer."""
        out = self._question_parts(q, outline_level, content)
        if out and not self.options.blank:
            span(out[0], out[-1], ANSWER_PREFIX + self.references.keys[q.id],
                 self._next_bookmark_id())
        return out

    def _question_parts(self, q: Question, outline_level: int, content: Content) -> Elements:
        """One question: number and wording, limit, guidance, then the answer."""
        answers = content.answers
        blank = self.options.blank
        if not blank and not is_relevant(q, answers):
            return []
        value = answers.get(q.id)
        answered = not blank and is_answered(q, value)
        if not blank and not answered and self.options.unanswered is Unanswered.OMIT:
            return []
        s = self.styles
        where = (Message("Question {number}", number=q.display_number) if q.number
                 else Message("“{text}”", text=q.text[:40]))
        number = q.display_number
        if number and number.isdigit():
            number += "."
        head = paragraph(s.question, [], outline_level=outline_level)
        if number and not blank:
            # The number alone in a bookmark: what a reference's REF field shows.
            shown = self.cleaner.clean(q.display_number, where)
            number_run = add_run(head, shown)
            mark(head, NUMBER_PREFIX + self.references.keys[q.id], self._next_bookmark_id(),
                 before=number_run, after=number_run)
            add_run(head, self.cleaner.clean(f"{number[len(q.display_number):]}\t{q.text}",
                                             where))
            self.references.numbered.add(q.id)
        else:
            add_run(head, self.cleaner.clean(f"{number}\t{q.text}" if number else q.text,
                                             where))
        out: Elements = [head]
        if q.limit is not None:
            out.append(self.para(s.limit, f"({self.labels.limit(q.limit)})", where))
            if not blank and q.id in content.over:
                out.append(self._over_mark(content.over[q.id], q.limit, where))
        if q.guidance.strip():
            out.append(self.para(s.guidance, q.guidance.strip(), where))
        if blank and q.condition is not None:
            out.append(self.para(s.guidance, self._condition_text(q, content), where,
                                 italic=True))
        if blank:
            answer = self._blank_answer(q)
            if answer and answer[0].tag == qn("w:tbl"):
                _space_after(out[-1], 120)
            return out + answer
        if not answered:
            return out + [self.no_response()]
        if q.is_text:
            assert isinstance(value, str)
            return out + self.markdown(value, where, content.counted_ids.get(q.id), item=q.id)
        if q.kind is QuestionKind.REPEATING:
            assert isinstance(value, list)
            # Same indexes as counted_items (the read-back bookmarks depend on them).
            entries = [e if isinstance(e, dict) else {} for e in value]
            block = self._block(q, entries, outline_level, where, content)
            if block and block[0].tag == qn("w:tbl"):
                _space_after(out[-1], 120)  # a table would touch the text above it
            return out + block
        return out + self.choice(q.choices, value, where,
                                 self.options.choices is ChoiceDisplay.ALL)

    def _over_mark(self, count: Count, limit: Limit, where: Where) -> etree._Element:
        """"Over the limit: 5,210 characters with spaces, 210 more than allowed." in bold,
        so whoever reads the draft sees it before it is submitted."""
        mark = self.para(self.styles.limit, self.labels.over_limit_mark.format(
            count=f"{count.value:,}", unit=self.labels.unit(limit.unit.value),
            excess=f"{count.value - limit.amount:,}"), where, bold=True)
        for run in mark.iter(qn("w:r")):  # dark red: seen at a glance, printed or not
            props = run.find(qn("w:rPr"))
            if props is None:
                props = etree.SubElement(run, qn("w:rPr"))
                run.insert(0, props)
            etree.SubElement(props, qn("w:color")).set(qn("w:val"), "B3261E")
        return mark

    def _condition_text(self, q: Question, content: Content) -> str:
        """"Answer only if the answer to 2 is “Yes”." for a blank questionnaire."""
        assert q.condition is not None
        ctrl = content.questionnaire.question(q.condition.question)
        names = [f"“{o.label}”" for o in ctrl.choices if o.id in q.condition.values]
        return self.labels.condition.format(
            question=ctrl.display_number or f"“{ctrl.text}”",
            values=f" {self.labels.or_word} ".join(names))

    def _blank_answer(self, q: Question) -> Elements:
        """The empty place for an answer in a blank questionnaire."""
        if q.is_text:
            return [paragraph(self.styles.body), paragraph(self.styles.body)]
        if q.kind is QuestionKind.REPEATING:
            rows: list[list[Callable[[], Elements]]] = [
                [lambda: [paragraph(self.styles.table_text)] for _ in q.fields]
                for _ in range(max(q.min_entries, _BLANK_ROWS))]
            return [self._block_table(q, rows)]
        return self.choice(q.choices, None, Message("question {id!r}", id=q.id), show_all=True)

    def _block(self, q: Question, entries: list[dict[str, Any]], outline_level: int,
               where: Where, content: Content) -> Elements:
        """A repeating block: sub-headed entries, or a table with a row per entry."""
        def cell(i: int, f: Field_, style: str) -> Callable[[], Elements]:
            raw = entries[i].get(f.id)
            spot = Message("{where} ({entry} {index}, {field})", where=where,
                           entry=q.entry_label, index=i + 1, field=f.label)
            if f.kind in (QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT):
                text = raw if isinstance(raw, str) else ""
                index = content.counted_ids.get(f"{q.id}[{i}].{f.id}")
                return lambda: self.markdown(text, spot, index, body_style=style,
                                             item=f"{q.id}[{i + 1}].{f.id}")
            return lambda: self.choice(f.choices, raw, spot,
                                       self.options.choices is ChoiceDisplay.ALL)

        if self.options.blocks is BlockDisplay.TABLE:
            rows = [[cell(i, f, self.styles.table_text) for f in q.fields]
                    for i in range(len(entries))]
            return [self._block_table(q, rows)]
        s = self.styles
        out: Elements = []
        for i in range(len(entries)):
            out.append(self.para(s.entry_heading, f"{q.entry_label} {i + 1}", where,
                                 outline_level=outline_level + 1))
            for f in q.fields:
                made = cell(i, f, s.body)()
                if not made:
                    continue
                out.append(self.para(s.field_label, f.label, where))
                if f.limit is not None:
                    out.append(self.field_limit(f.limit, where))
                out += made
        return out

    def _block_table(self, q: Question, rows: list[list[Callable[[], Elements]]]) -> etree._Element:
        """A table: a header row of field labels (with limits), then the given rows."""
        s = self.styles
        header: list[Callable[[], Elements]] = []
        for f in q.fields:
            def head(f: Field_ = f) -> Elements:
                cells = [self.para(s.table_text, f.label, "table", bold=True)]
                if f.limit is not None:
                    # Not made bold by the table style's header row.
                    cells.append(self.field_limit(f.limit, "table", not_bold=True))
                return cells
            header.append(head)
        return add_table(s.table, [header, *rows])


# Children of w:pPr that must come after w:spacing (Word rejects out-of-order elements).
_AFTER_SPACING = tuple(qn(f"w:{t}") for t in (
    "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr",
    "pPrChange"))


def _repeats(title: str, questionnaire_title: str) -> bool:
    """True when a response title is the questionnaire's title, give or take a year."""
    def bare(text: str) -> str:
        text = re.sub(r"[\s(（]*\d{4}[)）]?\s*$", "", text)  # "… (2026)", "… 2026"
        return " ".join(text.split()).casefold()
    return bare(title) == bare(questionnaire_title)


def _space_after(p: etree._Element, twips: int) -> None:
    """Give one paragraph its own space after (above a table, which has no space before)."""
    ppr = p.find(qn("w:pPr"))
    spacing = ppr.find(qn("w:spacing"))
    if spacing is None:
        spacing = etree.Element(qn("w:spacing"))
        later = next((c for c in ppr if c.tag in _AFTER_SPACING), None)
        if later is not None:
            later.addprevious(spacing)
        else:
            ppr.append(spacing)
    spacing.set(qn("w:after"), str(twips))
