"""One line of an imported document and what it is: the line model and reading a line.

Both the detection (:mod:`.detect`) and the review's edits (:mod:`.model`) use these;
keeping them here is what lets neither import the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from enum import StrEnum

from consultdesk.domain.limit_phrases import find_limit, strip_limit
from consultdesk.domain.questionnaire import Limit
from consultdesk.formats.docx_import import cues
from consultdesk.formats.docx_import.numbers import LabelKind, NumberContext, parse_label

#: Label kinds of a sub-question ("2.1", "(a)", "iv.").
SUB_KINDS = (LabelKind.DECIMAL, LabelKind.LETTER, LabelKind.ROMAN)


class Role(StrEnum):
    """What a line of the document is, for the questionnaire."""

    TITLE = "title"
    SECTION = "section"
    QUESTION = "question"
    INSTRUCTION = "instruction"
    RESPONDENT = "respondent"
    CHOICE = "choice"
    IGNORE = "ignore"


@dataclass
class ImportLine:
    """One line of the source document and what the importer made of it."""

    source: str  # as in the document, list label rendered in front
    role: Role
    text: str = ""  # what the definition will say (number and limit phrase cut out)
    label: str | None = None  # the label as written ("2.1", "(a)")
    number: str | None = None  # the displayed number ("2(a)")
    level: int = 1  # depth: heading level of a section, nesting of a question
    limit: Limit | None = None  # this question's own limit
    options: list[str] = field(default_factory=list)  # check-box choices on this line
    multiple: bool = False  # the choices allow several answers
    block: int = -1  # the source block it came from
    in_table: bool = False
    bold: bool = False
    heading: int = 0  # heading style level of the source paragraph
    answer_slot: bool = False  # an empty table cell beside or below it
    comment: bool = False  # the comment field that follows a choice

    def copy(self, **changes: object) -> ImportLine:
        """A copy with some fields changed."""
        fields: dict[str, object] = {"options": list(self.options), **changes}
        return replace(self, **fields)  # type: ignore[arg-type]



# -- reading one line -----------------------------------------------------------------------
def _clean_option(text: str) -> str:
    return re.sub(r"^[\s:;,/|–-]+|[\s:;,/|–-]+$", "", text)


def split_choices(text: str) -> tuple[str, list[str]]:
    """The text before the choices and the choices' labels.

    Boxes usually come before their labels ("☐ Yes ☐ No"); when they come after
    them ("Yes ☐ No ☐"), each label is the text before its box, and the question
    is what precedes the first label's sentence.
    """
    parts = cues.BOX_SPLIT.split(text)
    if len(parts) == 1:
        return text, []
    if parts[-1].strip() or not parts[0].strip():
        options = [_clean_option(p) for p in parts[1:]]
        return parts[0].strip(), [o for o in options if o]
    head, first = "", parts[0]
    cut = max(first.rfind("?"), first.rfind(":"), first.rfind(". "))
    if cut >= 0:
        head, first = first[: cut + 1], first[cut + 1:]
    options = [_clean_option(p) for p in (first, *parts[1:-1])]
    return head.strip(), [o for o in options if o]


def words(text: str) -> int:
    return len(text.split())


def is_short_heading(text: str) -> bool:
    """Short, and not ending like a sentence or a prompt."""
    return 0 < words(text) <= 12 and not re.search(r"[.?:;,]\s*$", text)


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def interpret(line: ImportLine, role: Role) -> None:
    """Set a line's role and re-read its text, label, limit and choices for that role."""
    line.role = role
    source = line.source
    line.options, line.multiple = [], False
    if role is Role.QUESTION:
        label = parse_label(source)
        body = source[label.end:] if label else source
        body, options = split_choices(body)
        match = find_limit(body)
        if match is not None:
            line.limit = match.limit
            body = strip_limit(body, match) or body
        # Line breaks inside a question are layout, not wording.
        text = " ".join(body.split())
        # "Comments: ____" asks for an answer there: the colon and the line are not
        # wording.  A long question ending "including:" introduces its guidance: kept.
        if re.search(r"_{2,}\s*$", text) or words(text) <= 8:
            text = text.rstrip(" :：_…")
        line.text = text or " ".join(source.split())
        line.options = options
        line.multiple = bool(cues.MULTIPLE.search(source))
    elif role is Role.CHOICE:
        line.text = source
        _, line.options = split_choices(source)
        line.multiple = bool(cues.MULTIPLE.search(source))
    elif role is Role.RESPONDENT:
        head, options = split_choices(source)
        m = cues.LABEL_COLON.match(head)
        line.text = (m.group("label") if m else head).strip(" :：_.…\t")
        line.options = options
    else:
        line.text = source.strip()
    if role is not Role.QUESTION:
        line.limit = None if role is not Role.INSTRUCTION else _instruction_limit(source)
        line.label = line.number = None


def without_label(text: str) -> str:
    """A line without the number it starts with ("3. Please limit ..." -> "Please limit ...")."""
    label = parse_label(text)
    return text[label.end:] if label else text


def _instruction_limit(text: str) -> Limit | None:
    """The limit an instruction states, if any (its wording without the line's number)."""
    match = find_limit(without_label(text))
    return match.limit if match else None


def guess_role(text: str) -> Role:
    """A first guess for a line cut off another one."""
    label = parse_label(text)
    if label and label.kind in SUB_KINDS:
        return Role.QUESTION
    if cues.BOX_SPLIT.search(text):
        return Role.CHOICE
    return Role.INSTRUCTION


def renumber(lines: list[ImportLine]) -> None:
    """Compose the displayed number and depth of every numbered question and section."""
    ctx = NumberContext()
    previous_letter: str | None = None
    for line in lines:
        if line.role not in (Role.QUESTION, Role.SECTION):
            continue
        label = parse_label(line.source, previous_letter)
        if label is None:
            line.label = line.number = None
            if line.role is Role.QUESTION:
                line.level = max(1, line.level)
            continue
        if label.kind is LabelKind.LETTER:
            previous_letter = label.value
        elif label.kind is LabelKind.DECIMAL:
            previous_letter = None
        depth = ctx.depth(label)
        number = ctx.compose(label)
        line.label = label.value
        if line.role is Role.QUESTION:
            line.number, line.level = number, depth
        else:
            line.number = None
