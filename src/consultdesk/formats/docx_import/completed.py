"""Reading a completed response (last cycle's submission) out of a Word document.

The document's blocks are read as for a questionnaire (reader, numbering, cues, limit
phrases); then each of a questionnaire's questions is looked for by number and wording
(tolerant of small changes between years), and everything between one question and
the next is its answer: paragraphs, lists (typed or Word's), bold and italic, kept as
the answer's Markdown.  Layouts: typed or automatic numbers, the limit on its own line,
questions and answers side by side in a table (or the answer in the row below), a
heading per question, a cover letter first.  Nothing here writes anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from consultdesk.domain.limit_phrases import find_limit, strip_limit
from consultdesk.domain.question_match import quick_overlap, same_number, similarity, words
from consultdesk.domain.questionnaire import Question, Questionnaire
from consultdesk.domain.reference_phrases import find_reference_phrases
from consultdesk.domain.references import reference_labels, referenced_ids
from consultdesk.domain.rich_text import ListType, Paragraph, Run, to_markdown
from consultdesk.formats.docx_import import cues
from consultdesk.formats.docx_import.fields import linked_runs
from consultdesk.formats.docx_import.numbers import parse_label
from consultdesk.formats.docx_import.reader import Block

#: A line is a question's heading when its wording is at least this alike...
MATCH = 0.72
#: ... or this alike and carrying the question's number.
MATCH_WITH_NUMBER = 0.45
_BULLET = re.compile(r"^\s*([-–•·▪◦*])\s+")
_TYPED_NUMBER = re.compile(r"^\s*(?:(\d{1,3})[.)]|\(([a-z]|\d{1,2})\)|([a-z])\))\s+")
_ANSWER_LABEL = re.compile(
    r"^\s*(?:answer|response|reply|réponse|respuesta|antwort|回答)\s*[:：]\s*", re.IGNORECASE)
_NUMBER_ONLY = re.compile(r"^\s*(?:(?:Q|Question|Pregunta|Frage)\s*(?:No\.?|n°|Nr\.)?\s*)?"
                          r"\d{1,3}(?:\.\d{1,3})*[.):]?\s*$", re.IGNORECASE)


@dataclass
class RecoveredAnswer:
    """One question's answer found in the document."""

    question_id: str
    number: str
    question_text: str
    markdown: str
    #: How alike the document's wording of the question was (1.0: the same).
    similarity: float
    heading_block: int
    blocks: list[int] = field(default_factory=list)
    #: Questions this answer points to (a live reference, "See the answer for Q2"), by id.
    refers_to: list[str] = field(default_factory=list)


@dataclass
class CompletedResponse:
    """What was recovered from a completed response, before anything is saved."""

    source_name: str
    questionnaire: Questionnaire
    respondent: dict[str, str]
    answers: dict[str, RecoveredAnswer]
    #: Questions of the questionnaire whose heading was not found in the document.
    missing: list[str]
    #: Whether the questionnaire was read from the same file (not installed yet).
    questionnaire_is_new: bool = False

    @property
    def found_share(self) -> float:
        """The share of the questionnaire's questions found (0..1)."""
        total = len(self.answers) + len(self.missing)
        return len(self.answers) / total if total else 0.0

    def markdown_answers(self) -> dict[str, str]:
        """question id -> the answer's Markdown (answers left empty are left out)."""
        return {qid: a.markdown for qid, a in self.answers.items()
                if a.markdown.strip() and self.questionnaire.question(qid).is_text}


@dataclass(frozen=True, slots=True)
class _Target:
    question: Question
    words: list[str]
    bag: set[str]


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    """:func:`words`, remembered (one document is matched against every questionnaire)."""
    return tuple(words(text))


@lru_cache(maxsize=2048)
def _question_wording(text: str) -> str:
    """A heading's wording: without its number, its limit phrase and an answer prompt."""
    label = parse_label(text)
    body = text[label.end:] if label else text
    match = find_limit(body)
    if match is not None:
        body = strip_limit(body, match) or body
    return " ".join(body.split())


def _heading_text(blocks: list[Block], i: int) -> tuple[str, int]:
    """A block's text for matching, a bare number joined to what follows; blocks used."""
    text = blocks[i].display.strip()
    if _NUMBER_ONLY.match(text) and i + 1 < len(blocks):
        nxt = blocks[i + 1]
        cell, ncell = blocks[i].cell, nxt.cell
        together = (cell is None) == (ncell is None) and (
            cell is None or (cell.table, cell.row) == (ncell.table, ncell.row))  # type: ignore[union-attr]
        if together and not _numbered_otherwise(text, nxt.display.strip()):
            return f"{text} {nxt.display.strip()}", 2
    return text, 1


def _numbered_otherwise(number_line: str, following: str) -> bool:
    """Whether the line after a bare number carries another number of its own: then the
    number is not its label but a short answer ("question 2", as a cross-reference to
    question 2 exports, above "4. Do you have examples…"), and joining them would make
    the answer part of the next question's heading (and lose it)."""
    mine, theirs = parse_label(number_line), parse_label(following)
    return mine is not None and theirs is not None and not same_number(mine.value, theirs.value)


def find_headings(blocks: list[Block], questionnaire: Questionnaire
                  ) -> dict[str, tuple[int, int, float]]:
    """question id -> (first block, blocks used, similarity) of its heading, in order."""
    targets = [_Target(q, list(w), set(w)) for q in questionnaire.questions()
               if (w := _words(q.text))]
    found: dict[str, tuple[int, int, float]] = {}
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if not block.display.strip() or (block.cell is not None and block.cell.header):
            i += 1
            continue
        text, used = _heading_text(blocks, i)
        raw = _words(text)
        raw_bag = set(raw)
        # Cheap filters first (most lines are answers, far from every question); the
        # limit phrase is cut out only for the few lines that pass them.
        near = [t for t in targets if t.question.id not in found
                and 0.4 <= len(raw) / len(t.words) <= 3.0
                and quick_overlap(raw_bag, t.bag) >= 0.25]
        if not near:
            i += 1
            continue
        mine = list(_words(_question_wording(text)))
        bag = set(mine)
        label = parse_label(text)
        best: tuple[float, _Target] | None = None
        number = label.value if label else None
        # The question with this line's number first: when its wording matches, no
        # other question can beat it (its number adds to the score), so stop there.
        near.sort(key=lambda t: not same_number(number, t.question.number or ""))
        for target in near:
            if not (0.4 <= len(mine) / len(target.words) <= 2.5):
                continue
            if quick_overlap(bag, target.bag) < 0.3:
                continue
            score = similarity(mine, list(target.words))
            numbered = same_number(number, target.question.number or "")
            if score >= MATCH or (numbered and score >= MATCH_WITH_NUMBER):
                rank = score + (0.2 if numbered else 0.0)
                if best is None or rank > best[0]:
                    best = (rank, target)
                if numbered and score >= MATCH:
                    break
        if best is not None:
            target = best[1]
            found[target.question.id] = (i, used, similarity(mine, list(target.words)))
            i += used
            continue
        i += 1
    return found


def _exported_no_response(block: Block) -> bool:
    """Whether a block is the italic "No response" line an export writes for a question
    left unanswered (typed plainly, it is kept as the answer written)."""
    return bool(cues.NO_RESPONSE.match(block.display.strip())) and bool(block.runs) and all(
        italic for text, _bold, italic in block.runs if text.strip())


def _is_limit_line(text: str) -> bool:
    """A line that only states a limit ("(Maximum limit: approximately 5,000 characters)")."""
    if len(text) > 160:
        return False  # an answer's paragraph, not a limit's line
    match = find_limit(text)
    if match is None:
        return False
    rest = text[:match.start] + text[match.end:]
    return len(re.findall(r"\w+", rest)) <= 3


@dataclass
class _TypedLists:
    """The lists typed as text ("- ", "1. ") in the paragraphs read so far."""

    typed: int = 0  # how many such lists began
    open: str | None = None  # the kind of the one going on ("bullet", "number"), if any
    open_id: int = -1  # its list id


@dataclass(frozen=True)
class _Links:
    """What turns Word's cross-references in an answer into live references."""

    targets: dict[str, str]  # bookmark name (case-folded) -> question id
    labels: dict[str, str]  # question id -> its current label


def _paragraph(block: Block, list_ids: dict[str, int], state: _TypedLists,
               links: _Links | None = None) -> Paragraph | None:
    """A block as an answer paragraph (list item if numbered or bulleted), or None if empty."""
    if links is not None and block.fields and links.targets:
        runs = linked_runs(block.runs, dict(block.fields), links.targets,
                           links.labels) or [Run(block.text)]
    else:
        runs = [Run(t, bold, italic) for t, bold, italic in block.runs] or [Run(block.text)]
    text = "".join(r.text for r in runs)
    label = _ANSWER_LABEL.match(text)
    if label:
        runs = _cut(runs, label.end())
        text = "".join(r.text for r in runs)
    if not text.strip():
        return None
    list_type: ListType | None = None
    level, ordinal, list_id = 0, 0, -1
    if block.list_label is not None:
        list_type = ListType.BULLET if block.list_label.bullet else ListType.ORDERED
        level = block.list_label.level + 1
        digits = re.findall(r"\d+", block.list_label.text)
        ordinal = int(digits[-1]) if digits else 1
        key = block.list_label.list_key
        if key not in list_ids:
            list_ids[key] = len(list_ids) + state.typed + 100
        list_id = list_ids[key]
    else:
        bullet = _BULLET.match(text)
        number = _TYPED_NUMBER.match(text)
        if bullet or number:
            m = bullet or number
            assert m is not None
            list_type = ListType.BULLET if bullet else ListType.ORDERED
            level = 1
            if number:
                raw = number.group(1) or number.group(2) or number.group(3) or "1"
                ordinal = int(raw) if raw.isdigit() else ord(raw) - ord("a") + 1
            runs = _cut(runs, m.end())
            kind = "bullet" if bullet else "number"
            if state.open != kind:
                state.typed += 1
                state.open_id = 10_000 + state.typed
            state.open = kind
            list_id = state.open_id
    if list_type is None:
        state.open = None
    runs = _strip_runs(runs)
    return Paragraph(tuple(runs), list_type, level, list_id, ordinal)


def _cut(runs: list[Run], n: int) -> list[Run]:
    """The runs without their first ``n`` characters (a reference is cut whole or kept)."""
    out: list[Run] = []
    for r in runs:
        if n >= len(r.text):
            n -= len(r.text)
            continue
        out.append(Run(r.text[n:], r.bold, r.italic) if n and r.reference is None else r)
        n = 0
    return out


def _strip_runs(runs: list[Run]) -> list[Run]:
    """Runs without whitespace at the paragraph's edges (tabs inside become spaces)."""
    runs = [r if r.reference is not None else Run(r.text.replace("\t", " "), r.bold, r.italic)
            for r in runs if r.text]
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if runs and runs[0].reference is None:
        runs[0] = Run(runs[0].text.lstrip(), runs[0].bold, runs[0].italic)
    if runs and runs[-1].reference is None:
        runs[-1] = Run(runs[-1].text.rstrip(), runs[-1].bold, runs[-1].italic)
    return runs


def _answer_blocks(blocks: list[Block], start: int, used: int, end: int) -> list[int]:
    """The blocks of one answer: after its heading, up to the next heading."""
    heading = blocks[start]
    hcell = heading.cell
    out: list[int] = []
    for k in range(start + used, end):
        b = blocks[k]
        text = b.display.strip()
        if not text:
            continue
        if b.cell is not None:
            if b.cell.header:
                continue
            if hcell is not None and b.cell.table == hcell.table and b.cell.row == hcell.row \
                    and b.cell.col <= hcell.col:
                continue  # the question's own cell (or its number's) in that row
        elif hcell is not None and out and blocks[out[-1]].cell is not None:
            break  # the table of questions and answers ended: what follows is not an answer
        if b.heading or cues.PLACEHOLDER.match(text) or _is_limit_line(text):
            continue
        if cues.CLOSING.match(text):
            break
        out.append(k)
    return out


def bookmark_targets(blocks: list[Block], starts: list[tuple[str, int]]) -> dict[str, str]:
    """Bookmark name (case-folded) -> the question whose heading or answer holds it.

    ``starts`` are the questions' heading blocks in document order; a question's part
    of the document runs to the next one's heading.  So our own ``_cd_num_<key>`` (in
    the heading's number) and Word's ``_Ref123456`` (on the heading) both name it.
    """
    targets: dict[str, str] = {}
    for n, (qid, start) in enumerate(starts):
        end = starts[n + 1][1] if n + 1 < len(starts) else len(blocks)
        for k in range(start, end):
            for name in blocks[k].bookmarks:
                targets.setdefault(name.casefold(), qid)
    return targets


def read_respondent(blocks: list[Block], questionnaire: Questionnaire, before: int
                    ) -> dict[str, str]:
    """Respondent details given before the first question: "Name of the State: Japan",
    or the label on one line (or cell) and the value on the next."""
    fields = [(f.id, words(f.label)) for f in questionnaire.respondent_fields]
    found: dict[str, str] = {}
    for i in range(min(before, len(blocks))):
        block = blocks[i]
        text = block.display.strip()
        m = re.match(r"^(?P<label>[^:：]{2,90}?)\s*[:：]\s*(?P<value>.*)$", text, re.DOTALL)
        if not m:
            if block.cell is None or i + 1 >= len(blocks):
                continue
            # A table of details: the label in one cell, the value in the next.
            nxt = blocks[i + 1]
            if nxt.cell is None or (nxt.cell.table, nxt.cell.row) != (block.cell.table,
                                                                       block.cell.row):
                continue
            m = re.match(r"^(?P<label>.+?)()(?P<value>)$", text, re.DOTALL)
            assert m is not None
        label = words(m.group("label"))
        for fid, fwords in fields:
            if fid in found or similarity(label, fwords) < 0.8:
                continue
            value = m.group("value").strip().strip("_.… ")
            if not value:
                value = _next_value(blocks, i, before)
            if value:
                found[fid] = " ".join(value.split())
            break
    return found


def _next_value(blocks: list[Block], i: int, before: int) -> str:
    """The value written on the line (or in the cell) after a label standing alone."""
    for k in range(i + 1, min(before, len(blocks))):
        text = blocks[k].display.strip()
        if not text:
            continue
        if re.match(r"^[^:：]{2,90}?\s*[:：]", text) or cues.PLACEHOLDER.match(text):
            return ""
        return text
    return ""


def read_completed(blocks: list[Block], questionnaire: Questionnaire, source_name: str, *,
                   questionnaire_is_new: bool = False) -> CompletedResponse:
    """Find the questionnaire's questions in the blocks and read each one's answer."""
    headings = find_headings(blocks, questionnaire)
    ordered = sorted(headings.items(), key=lambda kv: kv[1][0])
    answers: dict[str, RecoveredAnswer] = {}
    numbers = {q.id: q.display_number for q in questionnaire.questions()}
    targets = bookmark_targets(blocks, [(qid, start) for qid, (start, _u, _s) in ordered])
    links = _Links(targets, reference_labels(questionnaire))
    for n, (qid, (start, used, score)) in enumerate(ordered):
        end = ordered[n + 1][1][0] if n + 1 < len(ordered) else len(blocks)
        taken = _answer_blocks(blocks, start, used, end)
        if len(taken) == 1 and _exported_no_response(blocks[taken[0]]):
            taken = []  # our own export of an unanswered question
        list_ids: dict[str, int] = {}
        state = _TypedLists()
        paragraphs = [p for k in taken
                      if (p := _paragraph(blocks[k], list_ids, state, links))]
        question = questionnaire.question(qid)
        markdown = to_markdown(paragraphs).rstrip("\n") if paragraphs else ""
        # What it leans on: live references (Word's cross-references) and phrases.
        pointers = [t for t in referenced_ids([markdown]) if t in links.labels and t != qid]
        pointers += [r.question_id for r in find_reference_phrases(markdown, numbers)
                     if r.question_id and r.question_id != qid]
        answers[qid] = RecoveredAnswer(qid, question.display_number, question.text, markdown,
                                       score, start, taken, list(dict.fromkeys(pointers)))
    first = ordered[0][1][0] if ordered else len(blocks)
    respondent = read_respondent(blocks, questionnaire, first)
    in_order = {q.id: answers[q.id] for q in questionnaire.questions() if q.id in answers}
    missing = [q.id for q in questionnaire.questions() if q.id not in answers and q.is_text]
    return CompletedResponse(source_name, questionnaire, respondent, in_order, missing,
                             questionnaire_is_new)
