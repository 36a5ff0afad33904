"""Building the Questionnaire from reviewed lines (pure; no Word, no Qt).

Besides placing lines, the builder reads what the layout implies: check-box
lines make a choice question (several lines of boxes add up), "choose between 1
and 3" bounds a multiple choice, "If yes, ..." after a yes/no question shows
only when the answer is yes, and a character limit of a line or two makes a
short-text answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from consultdesk.domain.definition_file import parse_definition
from consultdesk.domain.questionnaire import Limit, Questionnaire, Unit, slugify
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
#: A character limit up to this is a one-line answer (a title, a name, a figure).
SHORT_TEXT_MAX_CHARACTERS = 200
_BETWEEN = re.compile(r"\bbetween (\d+) and (\d+)\b|\bentre (\d+) et (\d+)\b"
                      r"|\bentre (\d+) y (\d+)\b|\bzwischen (\d+) und (\d+)\b", re.I)
_AT_MOST = re.compile(r"\b(?:up to|at most|no more than|maximum(?: of)?|max\.?|jusqu['’]à"
                      r"|hasta|bis zu|höchstens)\s+(\d+)\s+(?:answers?|options?|choices?|items?"
                      r"|réponses?|respuestas?|opciones|antworten)\b", re.I)


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


def _choices(labels: list[str], multiple: bool) -> tuple[str, list[dict[str, str]]]:
    """The question kind and options for check-box labels."""
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
    return ("multiple_choice" if multiple else "single_choice"), options


def _choice_bounds(text: str) -> tuple[int | None, int | None]:
    """(min, max) choices a question states ("choose between 1 and 3", "up to 2 answers")."""
    m = _BETWEEN.search(text)
    if m:
        low, high = (int(g) for g in m.groups() if g is not None)
        return (low, high) if 0 <= low <= high and high >= 1 else (None, None)
    m = _AT_MOST.search(text)
    if m and int(m.group(1)) >= 1:
        return None, int(m.group(1))
    return None, None


def _field_id(label: str, taken: set[str]) -> str:
    for pattern, fid in _FIELD_IDS:
        if pattern.search(label) and fid not in taken:
            taken.add(fid)
            return fid
    return _unique(slugify(label, "field")[:40].strip("-"), taken)


def _answers_yes_no(question: dict[str, Any]) -> bool:
    """Whether a question's answer can be "yes" or "no" (a condition can test it)."""
    if question.get("kind") == "yes_no":
        return True
    ids = {o["id"] for o in question.get("options", [])}
    return {"yes", "no"} <= ids


class _Builder:
    """Walks the reviewed lines once, in order, and collects the definition's parts."""

    def __init__(self, draft: ImportDraft) -> None:
        self.draft = draft
        self.instructions: list[str] = []
        self.respondent: list[dict[str, Any]] = []
        self.roots: list[_SectionNode] = []
        self.stack: list[_SectionNode] = []
        self.question_ids: set[str] = set()
        self.field_ids: set[str] = set()
        self.current: dict[str, Any] | None = None  # where guidance and choices attach
        self.pending: dict[str, Any] = {}  # what the current question still has to settle
        self.comment_limit: Limit | None = None  # a choice question's limit, for its comment
        self.asks_yes_no: dict[str, Any] | None = None  # what "If yes, ..." refers to
        self.section_labels: list[str] = []  # labels of the numbered parts ("ii")
        self.ordinal = 0

    # -- per role ---------------------------------------------------------------------
    def section(self, line: ImportLine) -> None:
        self.finish_question()
        self.asks_yes_no = None
        while self.stack and self.stack[-1].level >= line.level:
            self.stack.pop()
        node = _SectionNode(title=line.text, level=line.level)
        if line.label:
            self.section_labels.append(slugify(line.label, "part"))
        (self.stack[-1].children if self.stack else self.roots).append(node)
        self.stack.append(node)

    def question(self, line: ImportLine) -> None:
        parent = self.current
        self.finish_question()
        parent_limit = self.comment_limit
        self.ordinal += 1
        if not self.stack:
            node = _SectionNode(title="", level=1)
            self.roots.append(node)
            self.stack.append(node)
        question: dict[str, Any] = {"id": self._question_id(line, parent),
                                    "text": line.text or line.source}
        if line.number:
            question["number"] = line.number
        condition = self._condition(line)
        if condition is not None:
            question["condition"] = condition
        self.stack[-1].questions.append(question)
        self.current = question
        own = line.limit or (parent_limit if line.comment else None)
        self.pending = {"choices": list(line.options), "multiple": line.multiple,
                        "limit": own, "source": line.source}

    def choice(self, line: ImportLine) -> None:
        if self.current is not None:
            self.pending["choices"].extend(line.options)
            self.pending["multiple"] = self.pending["multiple"] or line.multiple

    def instruction(self, line: ImportLine) -> None:
        if self.current is not None:
            guidance = self.current.get("guidance", "")
            self.current["guidance"] = f"{guidance}\n{line.text}".strip()
        elif self.stack and not self.stack[-1].questions:
            self.stack[-1].intro.append(line.text)
        else:
            self.instructions.append(line.text)

    def respondent_field(self, line: ImportLine) -> None:
        data: dict[str, Any] = {"id": _field_id(line.text, self.field_ids),
                                "label": line.text or line.source}
        if line.options:
            kind, options = _choices(line.options, line.multiple)
            data["kind"] = kind
            if options:
                data["options"] = options
        self.respondent.append(data)

    # -- settling a question ------------------------------------------------------------
    def finish_question(self) -> None:
        """Give the current question its kind, options and limit, now that all is read."""
        question, pending = self.current, self.pending
        self.current, self.pending, self.comment_limit = None, {}, None
        if question is None:
            return
        limit: Limit | None = pending["limit"]
        if pending["choices"]:
            kind, options = _choices(pending["choices"], pending["multiple"])
            question["kind"] = kind
            if options:
                question["options"] = options
            if kind == "multiple_choice":
                low, high = _choice_bounds(pending["source"])
                if low is not None:
                    question["min_choices"] = low
                if high is not None and high <= len(options):
                    question["max_choices"] = high
        else:
            limit = limit or self.draft.default_limit
            if limit is not None:
                question["limit"] = _limit_data(limit)
                if (limit.unit is not Unit.WORDS
                        and limit.amount <= SHORT_TEXT_MAX_CHARACTERS):
                    question["kind"] = "short_text"
        if pending["choices"]:
            # A limit beside check boxes is for the comment that may follow them.
            self.comment_limit = limit
        if _answers_yes_no(question):
            self.asks_yes_no = question
        elif "condition" not in question:
            self.asks_yes_no = None

    def _question_id(self, line: ImportLine, parent: dict[str, Any] | None) -> str:
        if line.comment and parent is not None:
            return _unique(f"{parent['id']}-comment", self.question_ids)
        if line.number:
            qid = "q" + slugify(line.number.replace("(", "-"), str(self.ordinal))
            if qid in self.question_ids:
                # Numbering restarts in each part ("II. 1."): the part tells them apart.
                part = self.section_labels[-1] if self.section_labels else f"s{len(self.roots)}"
                qid = f"{part}-{qid}"
            return _unique(qid, self.question_ids)
        return _unique(f"q{self.ordinal}", self.question_ids)

    def _condition(self, line: ImportLine) -> dict[str, str] | None:
        """"If yes, ..." right after a yes/no question is asked only when it is yes."""
        if self.asks_yes_no is None:
            return None
        text = line.text or line.source
        if cues.IF_YES.match(text):
            return {"question": self.asks_yes_no["id"], "equals": "yes"}
        if cues.IF_NO.match(text):
            return {"question": self.asks_yes_no["id"], "equals": "no"}
        return None


def build_data(draft: ImportDraft, questionnaire_id: str | None = None) -> dict[str, Any]:
    """The definition, as plain data, that the reviewed lines describe."""
    builder = _Builder(draft)
    for line in draft.lines:
        if line.role is Role.SECTION:
            builder.section(line)
        elif line.role is Role.QUESTION:
            builder.question(line)
        elif line.role is Role.CHOICE:
            builder.choice(line)
        elif line.role is Role.INSTRUCTION:
            builder.instruction(line)
        elif line.role is Role.RESPONDENT:
            builder.respondent_field(line)
    builder.finish_question()
    sections = _sections_data(builder.roots, set())
    all_questions = list(_walk_questions(sections))
    if not all_questions:
        raise NoQuestionsError(
            "{source_name}: no questions were found. Questions are recognised by their numbers "
            "(typed, or Word's automatic numbering), by a question mark, or by an empty answer "
            "cell beside them in a table.",
            source_name=draft.source_name)
    title = draft.title or re.sub(r"\.docx?$", "", draft.source_name, flags=re.I)
    data: dict[str, Any] = {
        "id": questionnaire_id or slugify(title, "imported-questionnaire"),
        "title": title,
        "language": draft.language,
        "sections": sections,
    }
    if builder.instructions:
        data["instructions"] = "\n\n".join(builder.instructions)
    if builder.respondent:
        data["respondent_fields"] = builder.respondent
    if draft.total_limit is not None:
        text_ids = [q["id"] for q in all_questions if q.get("kind") in (None, "short_text")]
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
