"""Structure detection: from the document's blocks to lines with roles.

Reads each line in context: the title, section headings (heading styles, short
bold lines, "II." parts, numbered stems whose sub-questions follow), numbered
questions (typed or from Word's list numbering, nested), questions in table
cells beside or above an empty answer cell, respondent fields before the
questions, check-box choices and the comment field after them, and limits next
to a question or stated once for all of them.
"""

from __future__ import annotations

import re

from consultdesk.domain.limit_phrases import find_limit, strip_limit
from consultdesk.formats.docx_import import cues
from consultdesk.formats.docx_import.lines import (
    SUB_KINDS,
    ImportLine,
    Role,
    interpret,
    is_caps,
    is_short_heading,
    renumber,
    split_choices,
    without_label,
    words,
)
from consultdesk.formats.docx_import.model import ImportDraft
from consultdesk.formats.docx_import.numbers import Label, LabelKind, parse_label
from consultdesk.formats.docx_import.reader import Block

_NUMBER_ONLY = re.compile(
    r"^\s*(?:(?:Q|Question|Pregunta|Frage)\s*(?:No\.?|n°|Nr\.)?\s*)?"
    r"(?:\d{1,3}(?:\.\d{1,3})*|\(?[a-z]{1,3}\)|[ivx]+\.)[.):]?\s*$",
    re.IGNORECASE,
)


# -- the document -----------------------------------------------------------------------------
def _items(blocks: list[Block]) -> list[tuple[Block, str]]:
    """The non-empty blocks with their display text.

    A number alone ("3.", "Question 4") joins the text that follows it: the next cell
    of the same table row, or the next paragraph outside tables.
    """
    out: list[tuple[Block, str]] = []
    pending: tuple[Block, str] | None = None
    for block in blocks:
        text = block.display.strip()
        if not text:
            continue
        if pending is not None:
            held, number = pending
            pending = None
            same_row = (block.cell and held.cell and block.cell.table == held.cell.table
                        and block.cell.row == held.cell.row)
            if same_row or (block.cell is None and held.cell is None
                            and parse_label(text) is None):
                out.append((block, f"{number} {text}"))
                continue
            out.append((held, number))
        if not (block.cell and block.cell.header) and _NUMBER_ONLY.match(text):
            pending = (block, text)
            continue
        out.append((block, text))
    if pending is not None:
        out.append(pending)
    return out


def _title_index(items: list[tuple[Block, str]]) -> int | None:
    """Which line is the title.

    A Title-styled line; else, among the first lines, an emphasised one (heading, bold,
    centred) that names the document ("Questionnaire ...", "Call for input ..."), else
    the first emphasised one, else the very first line.
    """
    front: list[int] = []
    for i, (block, text) in enumerate(items):
        label = parse_label(text)
        if (label and label.kind in SUB_KINDS) or cues.BOX_SPLIT.search(text):
            break
        if block.title:
            return i
        if not (cues.LABEL_COLON.match(text) or cues.PLACEHOLDER.match(text)
                or block.cell is not None) and words(text) <= 25:
            front.append(i)
    front = front[:6]
    emphasised = [i for i in front
                  if items[i][0].heading or items[i][0].bold or items[i][0].centered]
    for i in emphasised:
        if cues.DOCUMENT_NAME.search(items[i][1]):
            return i
    if emphasised:
        return emphasised[0]
    return front[0] if front else None


def _subtitle_index(items: list[tuple[Block, str]], title_at: int | None) -> int | None:
    """The line that completes a title saying only "QUESTIONNAIRE" (its subject), if any."""
    if title_at is None or title_at + 1 >= len(items):
        return None
    if not cues.GENERIC_TITLE.fullmatch(items[title_at][1].strip(" :：")):
        return None
    block, text = items[title_at + 1]
    emphasised = block.bold or block.centered or block.heading or block.title
    if (emphasised and block.cell is None and words(text) <= 25 and parse_label(text) is None
            and not cues.LABEL_COLON.match(text)):
        return title_at + 1
    return None


def _classify(block: Block, text: str, *, seen_question: bool, previous: ImportLine | None,
              numbered_document: bool, sub_label: Label | None,
              continues_cell: bool = False, in_notes: bool = False) -> Role:
    """A line's role from its own features and what came before.

    ``continues_cell``: an earlier paragraph of the same table cell was already read;
    the answer cell beside belongs to that first paragraph, not to this one.
    ``in_notes``: the line is under a heading such as "Instructions" or "Background",
    where numbered paragraphs are points of information, not questions.
    """
    cell = block.cell
    if cell is not None and cell.header:
        return Role.IGNORE
    if cues.PLACEHOLDER.match(text) or cues.CLOSING.match(text):
        return Role.IGNORE
    label = sub_label
    head, options = split_choices(text)
    after_choice = previous is not None and (
        previous.role is Role.CHOICE or (previous.role is Role.QUESTION and previous.options))
    if options:
        if not head:
            return Role.CHOICE
        if label is None and not seen_question and words(head) <= 10 and (
            head.endswith((":", "：")) or cues.RESPONDENT_WORDS.search(head)
        ) and cues.LABEL_COLON.match(head.rstrip(":：") + ":"):
            return Role.RESPONDENT  # "I am giving my contribution as: ☐ ... ☐ ..."
        return Role.QUESTION if (label or seen_question or "?" in head) else Role.INSTRUCTION
    if label is not None:
        body = text[label.end:]
        if label.kind in (LabelKind.UPPER_ROMAN, LabelKind.UPPER_LETTER):
            return Role.SECTION if words(body) <= 15 and "?" not in body else Role.QUESTION
        if "?" in body:
            return Role.QUESTION
        if block.heading:
            return Role.SECTION
        if is_short_heading(body) and (block.bold or is_caps(body)):
            return Role.SECTION
        if in_notes and not cues.QUESTION_START.match(body.strip()):
            return Role.INSTRUCTION
        stated = find_limit(body)
        if stated is not None and (stated.per_answer or stated.total):
            return Role.INSTRUCTION  # "3. Please limit each answer to 600 words."
        return Role.QUESTION
    if block.heading:
        return Role.SECTION
    if after_choice and cues.COMMENT.match(text):
        return Role.QUESTION
    if continues_cell:
        return Role.INSTRUCTION
    colon = cues.LABEL_COLON.match(text)
    if colon and words(colon.group("label")) <= 10:
        if not seen_question:
            if cues.RESPONDENT_WORDS.search(text) or (cell and cell.answer_slot):
                return Role.RESPONDENT
        elif cues.LATE_RESPONDENT_WORDS.search(text):
            return Role.RESPONDENT  # "E-mail:", "Signature:" closing the form
        elif cell and cell.answer_slot:
            return Role.QUESTION
    if cell is not None and cell.answer_slot:
        short = words(text) <= 8 and "?" not in text
        if not seen_question and short:
            return Role.RESPONDENT
        return Role.QUESTION
    if (is_short_heading(text) and (block.bold or is_caps(text))
            and find_limit(text) is None):
        return Role.SECTION
    if not numbered_document and text.rstrip().endswith("?") and words(text) >= 4:
        return Role.QUESTION
    return Role.INSTRUCTION


def detect(blocks: list[Block], source_name: str) -> ImportDraft:
    """Detect the questionnaire's structure in a document's blocks."""
    items = _items(blocks)
    title_at = _title_index(items)
    subtitle_at = _subtitle_index(items, title_at)
    labels = [parse_label(text) for _, text in items]
    numbered_document = any(
        lb is not None and lb.kind in SUB_KINDS and "?" in text
        for lb, (_, text) in zip(labels, items, strict=True)
    )
    lines: list[ImportLine] = []
    seen_question = False
    in_notes = False  # under "Instructions", "Background", ...
    for i, (block, text) in enumerate(items):
        before = items[i - 1][0].cell if i else None
        continues_cell = (block.cell is not None and before is not None
                          and (before.table, before.row, before.col)
                          == (block.cell.table, block.cell.row, block.cell.col))
        previous = next((ln for ln in reversed(lines) if ln.role is not Role.IGNORE), None)
        line = ImportLine(source=text, role=Role.INSTRUCTION, block=block.index,
                          in_table=block.cell is not None, bold=block.bold,
                          heading=block.heading,
                          answer_slot=bool(block.cell and block.cell.answer_slot))
        if i == title_at:
            role = Role.TITLE
        elif i == subtitle_at:
            role = Role.IGNORE  # read into the title below
        elif title_at is not None and i < title_at:
            role = Role.IGNORE  # a letterhead above the title
        else:
            role = _classify(block, text, seen_question=seen_question, previous=previous,
                             numbered_document=numbered_document, sub_label=labels[i],
                             continues_cell=continues_cell, in_notes=in_notes)
        interpret(line, role)
        if role is Role.SECTION:
            in_notes = bool(cues.NOTES_HEADING.match(line.text))
        if i == title_at and subtitle_at is not None:
            generic = text.strip(" :：")
            generic = generic.capitalize() if generic.isupper() else generic
            line.text = f"{generic}: {items[subtitle_at][1]}"
        if role is Role.SECTION:
            line.level = block.heading or 1
        if role is Role.QUESTION and previous is not None and line.label is None and (
            previous.role is Role.CHOICE or (previous.role is Role.QUESTION and previous.options)
        ) and parse_label(text) is None:
            line.comment = True
        seen_question = seen_question or role is Role.QUESTION
        lines.append(line)
    _stems_to_sections(lines)
    renumber(lines)
    draft = ImportDraft(source_name=source_name, lines=lines,
                        source_blocks=[("│ " if b.cell else "") + b.display for b in blocks])
    _place_limits(draft)
    draft.language = cues.guess_language(" ".join(line.source for line in lines))
    return draft


def _stems_to_sections(lines: list[ImportLine]) -> None:
    """A numbered line without a question mark whose sub-questions follow is a heading."""
    numbered = [(i, parse_label(ln.source)) for i, ln in enumerate(lines)
                if ln.role in (Role.QUESTION, Role.SECTION)]
    for k, (i, label) in enumerate(numbered):
        line = lines[i]
        if line.role is not Role.QUESTION or label is None or "?" in line.source:
            continue
        if line.options or line.limit is not None:
            continue
        nxt = numbered[k + 1][1] if k + 1 < len(numbered) else None
        if nxt is None:
            continue
        deeper = (
            (label.kind is LabelKind.DECIMAL and nxt.kind is LabelKind.DECIMAL
             and nxt.value.startswith(label.value) and nxt.depth > label.depth)
            or (label.kind is LabelKind.DECIMAL and nxt.kind is LabelKind.LETTER
                and nxt.value == "a")
            or (label.kind is LabelKind.LETTER and nxt.kind is LabelKind.ROMAN and nxt.value == "i")
        )
        if deeper:
            interpret(line, Role.SECTION)
            line.level = label.depth + (1 if label.kind is not LabelKind.DECIMAL else 0)
            # Section levels sit under the heading that holds them.
            line.level += _heading_base(lines, i)


def _heading_base(lines: list[ImportLine], index: int) -> int:
    """The level of the nearest styled (unnumbered) section above a line."""
    for line in reversed(lines[:index]):
        if line.role is Role.SECTION and parse_label(line.source) is None:
            return line.level
    return 0


def _place_limits(draft: ImportDraft) -> None:
    """Limits stated in instructions: once for all answers, or for the question just above."""
    last_question: ImportLine | None = None
    for line in draft.lines:
        if line.role is Role.SECTION:
            last_question = None
        elif line.role is Role.QUESTION:
            last_question = line
        elif line.role is Role.INSTRUCTION and line.limit is not None:
            statement = without_label(line.source)
            match = find_limit(statement)
            if match is None:
                continue
            if match.total:
                draft.total_limit = draft.total_limit or match.limit
            elif match.per_answer or last_question is None:
                draft.default_limit = draft.default_limit or match.limit
            elif last_question.limit is None:
                last_question.limit = match.limit
                rest = strip_limit(statement, match).strip()
                if rest:
                    line.text = rest  # the guidance, without the limit now on the question
                else:
                    line.role = Role.IGNORE
