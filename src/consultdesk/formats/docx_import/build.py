"""Building the Questionnaire from reviewed lines (pure; no Word, no Qt)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from consultdesk.domain.definition_file import parse_definition
from consultdesk.domain.questionnaire import Limit, Questionnaire, slugify
from consultdesk.formats.docx_import import cues
from consultdesk.formats.docx_import.errors import NoQuestionsError
from consultdesk.formats.docx_import.model import ImportDraft, ImportLine, Role

# Respondent fields get the ids the bundled definitions use for the usual details.
_FIELD_IDS = (
    (re.compile(r"e-?mail|courriel|correo", re.I), "email"),
    (re.compile(r"phone|t[ée]l[ée]phone|tel\b|telefon", re.I), "phone"),
    (re.compile(r"contact|focal point|personne|persona|ansprechpartner", re.I), "contact"),
    (re.compile(r"\b(?:state|country|pays|[ée]tat|pa[íi]s|estado|staat|land)\b", re.I), "state"),
    (re.compile(r"institution|ministry|organi[sz]ation|department|agency|organisme|organismo"
                r"|beh[öo]rde|minist[eè]re|ministerio", re.I), "institution"),
    (re.compile(r"position|function|fonction|cargo|funktion", re.I), "position"),
    (re.compile(r"\bdate\b|fecha|datum", re.I), "date"),
)


@dataclass
class _SectionNode:
    title: str
    level: int
    intro: list[str] = field(default_factory=list)
    questions: list[dict[str, Any]] = field(default_factory=list)
    children: list[_SectionNode] = field(default_factory=list)


def _unique(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _limit_data(limit: Limit | None) -> dict[str, Any] | None:
    return limit.model_dump(mode="json", exclude_none=True) if limit else None


def _kind(line: ImportLine) -> tuple[str, list[dict[str, str]]]:
    """The question kind and options for a line's check-box choices."""
    labels = line.options
    lowered = [o.lower().rstrip(".") for o in labels]
    if len(labels) == 2 and lowered[0] in cues.YES and lowered[1] in cues.NO:
        if labels == ["Yes", "No"]:
            return "yes_no", []
        return "single_choice", [{"id": "yes", "label": labels[0]},
                                 {"id": "no", "label": labels[1]}]
    if len(labels) < 2:
        return "yes_no", []
    taken: set[str] = set()
    options = [{"id": _unique(slugify(o, "option"), taken), "label": o} for o in labels]
    return ("multiple_choice" if line.multiple else "single_choice"), options


def _field_id(label: str, taken: set[str]) -> str:
    for pattern, fid in _FIELD_IDS:
        if pattern.search(label) and fid not in taken:
            taken.add(fid)
            return fid
    return _unique(slugify(label, "field")[:40].strip("-"), taken)


def build_data(draft: ImportDraft, questionnaire_id: str | None = None) -> dict[str, Any]:
    """The definition, as plain data, that the reviewed lines describe."""
    title = draft.title or re.sub(r"\.docx?$", "", draft.source_name, flags=re.I)
    instructions: list[str] = []
    respondent: list[dict[str, Any]] = []
    roots: list[_SectionNode] = []
    stack: list[_SectionNode] = []
    question_ids: set[str] = set()
    field_ids: set[str] = set()
    current: dict[str, Any] | None = None  # the question instructions attach to
    section_labels: list[str] = []  # labels of the numbered parts met so far ("ii")
    ordinal = 0

    def open_section() -> _SectionNode:
        if not stack:
            node = _SectionNode(title="", level=1)
            roots.append(node)
            stack.append(node)
        return stack[-1]

    for line in draft.lines:
        role = line.role
        if role is Role.SECTION:
            while stack and stack[-1].level >= line.level:
                stack.pop()
            node = _SectionNode(title=line.text, level=line.level)
            if line.label:
                section_labels.append(slugify(line.label, "part"))
            (stack[-1].children if stack else roots).append(node)
            stack.append(node)
            current = None
        elif role is Role.QUESTION:
            ordinal += 1
            section = open_section()
            if line.comment and current is not None:
                qid = _unique(f"{current['id']}-comment", question_ids)
            elif line.number:
                qid = "q" + slugify(line.number.replace("(", "-"), str(ordinal))
                if qid in question_ids:
                    # Numbering restarts in each part ("II. 1."): the part tells them apart.
                    part = section_labels[-1] if section_labels else f"s{len(roots)}"
                    qid = f"{part}-{qid}"
                qid = _unique(qid, question_ids)
            else:
                qid = _unique(f"q{ordinal}", question_ids)
            question: dict[str, Any] = {"id": qid, "text": line.text or line.source,
                                        "_multiple": line.multiple}
            if line.number:
                question["number"] = line.number
            limit = line.limit
            if line.options:
                kind, options = _kind(line)
                question["kind"] = kind
                if options:
                    question["options"] = options
                limit = None
            elif current is not None and line.comment and current.get("_pending_limit"):
                limit = limit or current["_pending_limit"]
            limit = limit or draft.default_limit
            if limit is not None and "kind" not in question:
                question["limit"] = _limit_data(limit)
            if line.options and line.limit is not None:
                question["_pending_limit"] = line.limit
            section.questions.append(question)
            current = question
        elif role is Role.CHOICE:
            if current is not None and "options" not in current and current.get("kind") is None:
                merged = ImportLine(source="", role=Role.QUESTION, options=line.options,
                                    multiple=line.multiple or current["_multiple"])
                kind, options = _kind(merged)
                current["kind"] = kind
                if options:
                    current["options"] = options
                if "limit" in current:
                    current["_pending_limit"] = Limit.model_validate(current.pop("limit"))
        elif role is Role.INSTRUCTION:
            if current is not None:
                current["guidance"] = (current.get("guidance", "") + "\n" + line.text).strip()
            elif stack and not stack[-1].questions:
                stack[-1].intro.append(line.text)
            else:
                instructions.append(line.text)
        elif role is Role.RESPONDENT:
            fdata: dict[str, Any] = {"id": _field_id(line.text, field_ids),
                                     "label": line.text or line.source}
            if line.options:
                kind, options = _kind(line)
                fdata["kind"] = kind
                if options:
                    fdata["options"] = options
            respondent.append(fdata)
    sections = _sections_data(roots, set())
    all_questions = [q for q in _walk_questions(sections)]
    if not all_questions:
        raise NoQuestionsError(
            f"{draft.source_name}: no questions were found. Questions are recognised by their "
            "numbers (typed, or Word's automatic numbering), by a question mark, or by an "
            "empty answer cell beside them in a table."
        )
    for q in all_questions:
        q.pop("_pending_limit", None)
        q.pop("_multiple", None)
    data: dict[str, Any] = {
        "id": questionnaire_id or slugify(title, "imported-questionnaire"),
        "title": title,
        "language": draft.language,
        "sections": sections,
    }
    if instructions:
        data["instructions"] = "\n\n".join(instructions)
    if respondent:
        data["respondent_fields"] = respondent
    if draft.total_limit is not None:
        text_ids = [q["id"] for q in all_questions if q.get("kind") is None]
        if text_ids:
            data["budgets"] = [{"id": "total", "label": draft.total_limit.describe(),
                                "limit": _limit_data(draft.total_limit), "questions": text_ids}]
    return data


def _sections_data(nodes: list[_SectionNode], taken: set[str]) -> list[dict[str, Any]]:
    """Sections as definition data; sections left without questions are dropped."""
    out: list[dict[str, Any]] = []
    for node in nodes:
        children = _sections_data(node.children, taken)
        if not node.questions and not children:
            continue
        sid = _unique(slugify(node.title, "questions")[:50].strip("-") or "questions", taken)
        data: dict[str, Any] = {"id": sid}
        if node.title:
            data["title"] = node.title
        if node.intro:
            data["intro"] = "\n\n".join(node.intro)
        if node.questions:
            data["questions"] = node.questions
        if children:
            data["sections"] = children
        out.append(data)
    return out


def _walk_questions(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Every question's data, depth first."""
    for s in sections:
        yield from s.get("questions", [])
        yield from _walk_questions(s.get("sections", []))


def build_questionnaire(draft: ImportDraft, questionnaire_id: str | None = None) -> Questionnaire:
    """The Questionnaire the reviewed lines describe (validated like a definition file)."""
    return parse_definition(build_data(draft, questionnaire_id), draft.source_name)
