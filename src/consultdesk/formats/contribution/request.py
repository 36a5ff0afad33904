"""The request for input, in Word: a short cover, then each assigned question with a box
(a rich-text content control) to answer in.

The document identifies itself twice, so that a save by Word or LibreOffice keeps at
least one: custom document properties (response, contributor, packet, items) and the
``w:tag`` of every answer area (``consultdesk:<response id>:<item>``).  Every
paragraph the request writes around the answers sits in a hidden ``_CDF`` bookmark, so
the reader can tell it from what the contributor typed, even outside the boxes.  The
document is not locked: contributors may paste tables, lists, anything.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from consultdesk.domain.contributions import NEW_ENTRY, ItemRef
from consultdesk.domain.errors import Message
from consultdesk.domain.questionnaire import (
    Field_,
    Limit,
    Question,
    QuestionKind,
    Questionnaire,
    Unit,
)
from consultdesk.formats.contribution.model import (
    KIND_REQUEST,
    PROP_CONTRIBUTOR,
    PROP_ITEMS,
    PROP_KIND,
    PROP_PACKET,
    PROP_QUESTIONNAIRE,
    PROP_RESPONSE,
    RequestItem,
    RequestSpec,
    control_tag,
    slot_key,
)
from consultdesk.formats.docx_export.language import set_language, word_language
from consultdesk.formats.docx_export.layout import LayoutBuilder
from consultdesk.formats.docx_export.options import ExportOptions, Labels
from consultdesk.formats.docx_export.paragraphs import add_run, paragraph
from consultdesk.formats.docx_export.properties import set_properties
from consultdesk.formats.docx_export.template import ensure_page_numbers, open_template, prepare
from consultdesk.formats.docx_export.writer import ExportError, write_atomically
from consultdesk.formats.docx_export.xml_text import TextCleaner, Where

#: Bookmarks around the request's own paragraphs (hidden: Word hides names with "_"):
#: "_CDF<n>" any fixed text, "_CDH<k>_<n>" the heading of the k-th item (in
#: :func:`ordered_items` order), "_CDS<j>_<n>" the label above the j-th answer area
#: (in :func:`slots` order), "_CDE_<n>" the closing line.  LibreOffice drops the
#: content controls' tags on saving, but keeps bookmarks and custom properties.
FIXED_BOOKMARK = "_CDF"
HEADING_BOOKMARK = "_CDH"
SLOT_BOOKMARK = "_CDS"
END_BOOKMARK = "_CDE"
_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_PROP_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_BOX_FILL = "F2F5F9"
_BOX_LINE = "8EA3BD"


@dataclass(frozen=True, slots=True)
class RequestWords:
    """The request's fixed wording in one language."""

    title: str
    to: str
    from_: str
    response: str
    reply_by: str
    how_title: str
    how: tuple[str, ...]
    send_to: str
    send_back: str
    questions: str
    share: str
    note: str
    draft: str
    answer: str
    placeholder: str
    new_entry: str
    entry: str
    end: str
    due_item: str
    unit_words: dict[str, str]
    #: a limit the questionnaire does not word itself
    limit: str = "Maximum limit: {amount}"
    approximately: str = "approximately {amount}"


_EN = RequestWords(
    title="Request for input", to="To", from_="From", response="For", reply_by="Please reply by",
    how_title="How to reply",
    how=("Write your answer in the shaded box under each question. You can type or paste "
         "text, lists and tables, and use bold and italic.",
         "Keep to the length given under each question (your share of it, where one is "
         "given). Word does not check it; we count again when your reply arrives.",
         "Please do not change the questions or remove the boxes. If a box is removed, "
         "write your answer directly under its question."),
    send_to="Save this document as a Word file (.docx, any name) and send it back to {email}.",
    send_back="Save this document as a Word file (.docx, any name) and send it back to us.",
    questions="Questions for you", share="your share: about {amount}", note="Note: {text}",
    draft="Current draft, for your reference:", answer="Your answer:",
    placeholder="Type or paste your answer here.", new_entry="a new {label}",
    entry="{label} {n}", end="End of the request. Thank you for your contribution.",
    due_item="Reply for this question by {date}.",
    unit_words={"characters_with_spaces": "characters with spaces",
                "characters_without_spaces": "characters without spaces", "words": "words"},
)
_JA = RequestWords(
    title="回答作成依頼", to="宛先", from_="依頼元", response="対象", reply_by="回答期限",
    how_title="回答の方法",
    how=("各質問の下の網掛けの枠内に回答を記入してください。文章、箇条書き、表の入力や貼り付け、"
         "太字・斜体も使えます。",
         "各質問の下に示した分量（割り当てがある場合はその分量）の範囲で記入してください。"
         "Wordでは確認されませんが、受領時に改めて数えます。",
         "質問文の変更や枠の削除はしないでください。枠が消えた場合は、質問のすぐ下に回答を"
         "記入してください。"),
    send_to="この文書をWord形式（.docx、ファイル名は任意）で保存し、{email} へ返送してください。",
    send_back="この文書をWord形式（.docx、ファイル名は任意）で保存し、返送してください。",
    questions="ご回答いただきたい質問", share="割り当て：約{amount}", note="備考：{text}",
    draft="現在の案（参考）：", answer="回答：", placeholder="ここに回答を入力または貼り付けてください。",
    new_entry="新しい{label}", entry="{label} {n}", end="依頼は以上です。ご協力ありがとうございます。",
    due_item="この質問の回答期限：{date}",
    unit_words={"characters_with_spaces": "字（空白を含む）",
                "characters_without_spaces": "字（空白を除く）", "words": "語"},
    limit="上限：{amount}", approximately="約{amount}",
)


def request_words(language: str) -> RequestWords:
    """The request's wording in the questionnaire's language (English otherwise)."""
    return _JA if language.split("-")[0].lower() == "ja" else _EN


def format_date(day: date, language: str) -> str:
    """"15 January 2027", or "2027年1月15日" in Japanese."""
    if language.split("-")[0].lower() == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{day.day} {day.strftime('%B')} {day.year}"


def _amount(amount: int, unit: Unit, words: RequestWords, language: str) -> str:
    unit_word = words.unit_words[unit.value]
    if language.split("-")[0].lower() == "ja":
        return f"{amount:,}{unit_word}"
    return f"{amount:,} {unit_word}"


def text_fields(question: Question) -> tuple[Field_, ...]:
    """The fields of a repeating block a contributor writes in (text fields)."""
    return tuple(f for f in question.fields
                 if f.kind in (QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT))


def ordered_items(questionnaire: Questionnaire, items: Iterable[RequestItem]
                  ) -> list[RequestItem]:
    """The items in questionnaire order (the request's order, which the reader relies on)."""
    order = {q.id: n for n, q in enumerate(questionnaire.questions())}
    return sorted(items, key=lambda i: (order.get(i.item.question_id, len(order)),
                                        i.item.entry if i.item.entry >= 0 else 10**6))


def slots(questionnaire: Questionnaire, item: ItemRef) -> list[str | None]:
    """The answer areas of an item: one (None) for a question, one per text field."""
    question = questionnaire.question(item.question_id)
    if question.kind is QuestionKind.REPEATING:
        return [f.id for f in text_fields(question)]
    return [None]


class _RequestBuilder:
    """Builds the body of one request."""

    def __init__(self, document: Document, spec: RequestSpec) -> None:
        self.spec = spec
        self.language = spec.questionnaire.language
        self.words = request_words(self.language)
        self.cleaner = TextCleaner()
        self.styles = prepare(document)
        self.layout = LayoutBuilder(document, self.styles, ExportOptions(),
                                    Labels.for_language(self.language), self.cleaner)
        self._bookmark = 10_000  # far from the export's own bookmark ids
        self._control = 1_000
        self._item_index = 0
        self._slot_index = 0

    def _next_slot_role(self) -> str:
        role = f"{SLOT_BOOKMARK}{self._slot_index}"
        self._slot_index += 1
        return role

    # -- helpers -------------------------------------------------------------------
    def fixed(self, elements: list[etree._Element], role: str = FIXED_BOOKMARK
              ) -> list[etree._Element]:
        """Mark paragraphs as the request's own (a hidden bookmark around each); the
        first one gets ``role`` (heading, slot label, end), the others plain fixed."""
        for index, p in enumerate(elements):
            if p.tag != qn("w:p"):
                continue
            self._bookmark += 1
            start = etree.Element(qn("w:bookmarkStart"))
            start.set(qn("w:id"), str(self._bookmark))
            name = role if index == 0 else FIXED_BOOKMARK
            sep = "_" if name != FIXED_BOOKMARK else ""
            start.set(qn("w:name"), f"{name}{sep}{self._bookmark}")
            ppr = p.find(qn("w:pPr"))
            if ppr is not None:
                ppr.addnext(start)
            else:
                p.insert(0, start)
            end = etree.SubElement(p, qn("w:bookmarkEnd"))
            end.set(qn("w:id"), str(self._bookmark))
        return elements

    def labelled(self, label: str, value: str) -> etree._Element:
        """"From: National Police Agency" with the label in bold."""
        p = paragraph(self.styles.body)
        colon = "：" if self.language.startswith("ja") else ": "
        add_run(p, self.cleaner.clean(f"{label}{colon}", "request"), bold=True)
        add_run(p, self.cleaner.clean(value, "request"))
        return p

    def limit_line(self, limit: Limit | None, share: int | None) -> str | None:
        """"(Approximately 5,000 characters with spaces; your share: about 1,500 …)"."""
        if limit is None:
            return None
        text = limit.wording or ""
        if not text:  # in the request's language, not the domain's English default
            amount = _amount(limit.amount, limit.unit, self.words, self.language)
            if limit.approximate:
                amount = self.words.approximately.format(amount=amount)
            text = self.words.limit.format(amount=amount)
        if share:
            amount = _amount(share, limit.unit, self.words, self.language)
            sep = "；" if self.language.startswith("ja") else "; "
            text += sep + self.words.share.format(amount=amount)
        return f"({text})"

    def answer_box(self, slot: str, alias: str, draft_md: str | None = None
                   ) -> etree._Element:
        """A block-level rich-text content control tagged with the item, showing a prompt."""
        self._control += 1
        sdt = etree.Element(qn("w:sdt"))
        pr = etree.SubElement(sdt, qn("w:sdtPr"))
        etree.SubElement(pr, qn("w:alias")).set(qn("w:val"), alias[:60])
        etree.SubElement(pr, qn("w:tag")).set(
            qn("w:val"), control_tag(self.spec.response_id, slot))
        etree.SubElement(pr, qn("w:id")).set(qn("w:val"), str(self._control))
        etree.SubElement(pr, qn("w:showingPlcHdr"))
        etree.SubElement(pr, qn("w:richText"))
        content = etree.SubElement(sdt, qn("w:sdtContent"))
        p = paragraph(self.styles.body)
        _box(p)
        r = add_run(p, self.cleaner.clean(self.words.placeholder, "request"), italic=True)
        rpr = r.find(qn("w:rPr"))
        etree.SubElement(rpr, qn("w:color")).set(qn("w:val"), "6B7785")
        content.append(p)
        return sdt

    # -- the parts -------------------------------------------------------------------
    def cover(self) -> None:
        """Title, who asks, who is asked, by when, and how to reply."""
        s, w, spec = self.styles, self.words, self.spec
        q = spec.questionnaire
        out = [self.layout.para(s.title, w.title, "title"),
               self.layout.para(s.subtitle, q.title, "title")]
        if spec.asked_by:
            out.append(self.labelled(w.from_, spec.asked_by))
        contact = f", {spec.contributor.contact}" if spec.contributor.contact else ""
        out.append(self.labelled(w.to, spec.contributor.display + contact))
        if spec.response_title and spec.response_title != q.title:
            out.append(self.labelled(w.response, spec.response_title))
        dues = [i.due for i in spec.items if i.due]
        if dues:
            out.append(self.labelled(w.reply_by, format_date(min(dues), self.language)))
        out.append(self.layout.para(s.heading(1), w.how_title))
        steps = list(w.how) + [w.send_to.format(email=spec.reply_to) if spec.reply_to
                               else w.send_back]
        out.extend(self.layout.bullets(steps, "request"))
        self.layout.emit(self.fixed(out))

    def questions(self) -> None:
        """Each assigned item: its section, number, wording, limit, note, draft and box."""
        s = self.styles
        self.layout.emit(self.fixed([self.layout.para(s.heading(1), self.words.questions)]))
        q = self.spec.questionnaire
        items = ordered_items(q, self.spec.items)
        last_section = None
        for item in items:
            question = q.question(item.item.question_id)
            section = q.section_of(question.id)
            # A lone "Questions" section repeats the heading above it: left out.
            generic = section.title.strip().casefold() in ("questions", "質問")
            if section.id != last_section and section.title.strip() and not generic:
                last_section = section.id
                head = [self.layout.para(s.heading(2), section.title.strip(), "section")]
                if section.intro.strip():
                    head.append(self.layout.para(s.section_intro, section.intro.strip(),
                                                 "section"))
                self.layout.emit(self.fixed(head))
            self.layout.emit(self.item(question, item))
        self.layout.emit(self.fixed([self.layout.para(s.section_intro, self.words.end,
                                                      italic=True)], END_BOOKMARK))

    def heading_text(self, question: Question, item: ItemRef) -> str:
        """"1.2\tActions already undertaken — Action 2": the item's heading."""
        number = question.display_number
        if number and number.isdigit():
            number += "."
        text = f"{number}\t{question.text}" if number else question.text
        if item.entry == NEW_ENTRY:
            label = question.entry_label
            if not self.language.startswith("ja"):
                label = label[:1].lower() + label[1:]
            text += " — " + self.words.new_entry.format(label=label)
        elif item.entry > 0:
            text += " — " + self.words.entry.format(label=question.entry_label, n=item.entry)
        return text

    def item(self, question: Question, item: RequestItem) -> list[etree._Element]:
        """One item's heading, limit, guidance, note, draft and answer box(es)."""
        s, w, lay = self.styles, self.words, self.layout
        where = (Message("Question {number}", number=question.display_number)
                 if question.display_number else Message("question {id!r}", id=question.id))
        head = paragraph(s.question, [], outline_level=2)
        add_run(head, self.cleaner.clean(self.heading_text(question, item.item), where))
        fixed: list[etree._Element] = [head]
        line = self.limit_line(question.limit, item.share)
        if line:
            fixed.append(lay.para(s.limit, line, where))
        if question.guidance.strip():
            fixed.append(lay.para(s.guidance, question.guidance.strip(), where))
        if item.due and item.due != min(i.due for i in self.spec.items if i.due):
            fixed.append(lay.para(s.guidance, w.due_item.format(
                date=format_date(item.due, self.language)), where, bold=True))
        if item.note.strip():
            fixed.append(lay.para(s.guidance, w.note.format(text=item.note.strip()), where,
                                  italic=True))
        out = self.fixed(fixed, f"{HEADING_BOOKMARK}{self._item_index}")
        self._item_index += 1
        if question.kind is QuestionKind.REPEATING:
            return out + self.entry_fields(question, item, where)
        if self.spec.include_draft and isinstance(item.draft, str) and item.draft.strip():
            out += self.fixed([lay.para(s.field_label, w.draft, where)])
            out += self.fixed(lay.markdown(item.draft, where, None, body_style=s.guidance))
        out += self.fixed([lay.para(s.field_label, w.answer, where)], self._next_slot_role())
        out.append(self.answer_box(slot_key(item.item, None),
                                   f"{w.answer} {question.display_number}".strip()))
        return out

    def entry_fields(self, question: Question, item: RequestItem, where: Where
                     ) -> list[etree._Element]:
        """A block entry: for each text field, its label, limit, current text and box."""
        s, w, lay = self.styles, self.words, self.layout
        draft: dict[str, Any] = {}
        if isinstance(item.draft, list) and 0 < item.item.entry <= len(item.draft):
            entry = item.draft[item.item.entry - 1]
            draft = entry if isinstance(entry, dict) else {}
        out: list[etree._Element] = []
        for f in text_fields(question):
            fixed = [lay.para(s.field_label, f.label, where)]
            if f.limit is not None:
                fixed.append(lay.field_limit(f.limit, where))
            current = draft.get(f.id)
            if self.spec.include_draft and isinstance(current, str) and current.strip():
                fixed.append(lay.para(s.guidance, w.draft, where, italic=True))
                fixed += lay.markdown(current, where, None, body_style=s.guidance)
            out += self.fixed(fixed, self._next_slot_role())
            out.append(self.answer_box(slot_key(item.item, f.id),
                                       f"{f.label} {question.display_number}".strip()))
        return out


def _box(p: etree._Element) -> None:
    """Shade and frame an answer paragraph; paragraphs typed after it inherit the look."""
    ppr = p.find(qn("w:pPr"))
    borders = etree.SubElement(ppr, qn("w:pBdr"))
    for side in ("top", "left", "bottom", "right"):
        b = etree.SubElement(borders, qn(f"w:{side}"))
        b.set(qn("w:val"), "single")
        b.set(qn("w:sz"), "4")
        b.set(qn("w:space"), "4")
        b.set(qn("w:color"), _BOX_LINE)
    shd = etree.SubElement(ppr, qn("w:shd"))
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), _BOX_FILL)


def _custom_properties(document: Document, values: dict[str, str]) -> None:
    """Write docProps/custom.xml (python-docx has no API for custom properties)."""
    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    for pid, (name, value) in enumerate(values.items(), start=2):
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property")
        prop.set("fmtid", _PROP_FMTID)
        prop.set("pid", str(pid))
        prop.set("name", name)
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = value
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_CT, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def render_request(spec: RequestSpec, template: Path | None = None) -> Document:
    """Build the request document in memory."""
    document = open_template(template)
    builder = _RequestBuilder(document, spec)
    builder.cover()
    builder.questions()
    set_language(document, spec.questionnaire.language)
    ensure_page_numbers(document, builder.styles.footer)
    q = spec.questionnaire
    set_properties(document, title=builder.cleaner.clean(
        f"{builder.words.title}: {q.title}", "title")[:255],
        subject=builder.cleaner.clean(spec.response_title or q.title, "title"),
        author=builder.cleaner.clean(spec.asked_by, "author"),
        language=word_language(q.language), keywords=f"consultdesk-request {q.id}")
    # Word keeps custom properties of up to 255 characters: the items list fits
    # for any real request and the tags hold each item anyway.
    items = " ".join(i.item.key for i in spec.items)
    _custom_properties(document, {
        PROP_KIND: KIND_REQUEST, PROP_RESPONSE: spec.response_id,
        PROP_CONTRIBUTOR: spec.contributor.tag, PROP_PACKET: spec.packet,
        PROP_QUESTIONNAIRE: f"{q.id}@{q.version}", PROP_ITEMS: items[:255]})
    return document


def write_request(spec: RequestSpec, path: Path, template: Path | None = None) -> Path:
    """Write the request to ``path`` (whole or not at all; ExportError says why not)."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise ExportError(
            "{name}: the file name must end in .docx (a Word document).",
            name=path.name)
    if not spec.items:
        raise ExportError("nothing is assigned to this contributor; there is nothing to ask")
    document = render_request(spec, template)
    write_atomically(path, lambda stream: document.save(stream))
    return path
