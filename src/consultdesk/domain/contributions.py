"""Contributions from other ministries: who, what was asked, what came back, who wrote what.

Pure data and pure functions (no Qt, no SQL, no docx):

* a :class:`Contributor` is a ministry or agency with a short tag ("NPA");
* an :class:`ItemRef` names what is asked: a text question (``q1``), an entry of a
  repeating block (``measures[2]``, entries counted from 1 as the user sees them), or
  a new entry of a block (``measures[+]``);
* :func:`compose` merges a contribution into the current answer (append, replace,
  insert after a paragraph);
* attribution: each answer keeps a snapshot of its paragraphs with the tag of the
  contributor who wrote each (``None`` for the coordinator's own).  :func:`rematch`
  carries the tags over to a newer text of the answer: a paragraph keeps its tag when
  it survives unchanged, or edited while still mostly the same (a similarity of at
  least :data:`SURVIVAL_RATIO`, aligned in order with difflib).  A paragraph that is
  rewritten beyond that, or new, has no tag.  The snapshot is refreshed whenever the
  service reads it, so a paragraph edited a little at a time keeps its tag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from difflib import SequenceMatcher
from enum import StrEnum

from consultdesk.domain.errors import AnswerError
from consultdesk.domain.rich_text import Paragraph, parse_markdown, to_markdown

#: A paragraph edited so that it is still at least this similar keeps its contributor.
SURVIVAL_RATIO = 0.6

_TAG = re.compile(r"^[^\W_][\w.\-]{0,19}$")
_ITEM = re.compile(r"^(?P<q>[A-Za-z0-9][A-Za-z0-9_.\-]*?)(?:\[(?P<e>\d{1,4}|\+)\])?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NEW_ENTRY = -1


class ContributionStatus(StrEnum):
    """Where a piece of work given to a contributor stands."""

    REQUESTED = "requested"
    RECEIVED = "received"
    MERGED = "merged"
    #: An older reply replaced by a newer one from the same contributor (kept as history).
    SUPERSEDED = "superseded"


class MergeMode(StrEnum):
    """How a contribution goes into the answer."""

    APPEND = "append"
    REPLACE = "replace"
    INSERT = "insert"  # after a given paragraph (the cursor's)


@dataclass(frozen=True, slots=True)
class Contributor:
    """A ministry or agency that contributes: its tag, full name, contact person, e-mail."""

    tag: str
    name: str = ""
    contact: str = ""
    email: str = ""

    @property
    def display(self) -> str:
        """"National Police Agency (NPA)", or the tag alone."""
        return f"{self.name} ({self.tag})" if self.name else self.tag


def validate_tag(tag: str) -> str:
    """A contributor tag: 1-20 letters, digits, '.', '-' or '_', starting with a letter or
    digit (so it fits "(NPA)" and a content control's tag); AnswerError otherwise."""
    clean = (tag or "").strip()
    if not _TAG.match(clean):
        raise AnswerError(
            "contributor tag {tag!r}: use 1-20 letters or digits (and . - _), e.g. NPA",
            tag=tag)
    return clean


def validate_email(email: str) -> str:
    """An e-mail address, roughly checked ("" allowed); AnswerError otherwise."""
    clean = (email or "").strip()
    if clean and not _EMAIL.match(clean):
        raise AnswerError(
            "{email!r} is not an e-mail address",
            email=email)
    return clean


@dataclass(frozen=True, slots=True, order=True)
class ItemRef:
    """What is asked of a contributor: a question, or an entry of a repeating block.

    ``entry`` is 0 for a whole question, 1.. for an existing entry (as numbered on
    screen), :data:`NEW_ENTRY` for an entry the contributor adds.
    """

    question_id: str
    entry: int = 0

    @property
    def key(self) -> str:
        """"q1", "measures[2]" or "measures[+]" (what the CLI takes and the tags hold)."""
        if self.entry == 0:
            return self.question_id
        return f"{self.question_id}[{'+' if self.entry == NEW_ENTRY else self.entry}]"

    @classmethod
    def parse(cls, text: str) -> ItemRef:
        """Read "q1", "measures[2]" or "measures[+]" (AnswerError when malformed)."""
        m = _ITEM.match((text or "").strip())
        if not m:
            raise AnswerError(
                "{text!r} is not a question id (q1) or a block entry (measures[2], or "
                "measures[+] for a new entry)",
                text=text)
        entry = m.group("e")
        if entry is None:
            return cls(m.group("q"))
        if entry == "+":
            return cls(m.group("q"), NEW_ENTRY)
        if int(entry) < 1:
            raise AnswerError(
                "{text!r}: entries are numbered from 1",
                text=text)
        return cls(m.group("q"), int(entry))


#: A contribution's content: Markdown for a question, field id -> Markdown for an entry.
ContributionValue = str | dict[str, str]


@dataclass(frozen=True, slots=True)
class Assignment:
    """One item given to one contributor, with its due date, note and share of the limit."""

    id: int
    response_id: str
    item: ItemRef
    contributor: str
    due: date | None = None
    note: str = ""
    share: int | None = None
    created_at: datetime | None = None

    def overdue(self, today: date) -> bool:
        """Whether the due date has passed."""
        return self.due is not None and self.due < today


@dataclass(frozen=True, slots=True)
class Contribution:
    """One reply received for an assignment."""

    id: int
    assignment_id: int
    value: ContributionValue
    status: ContributionStatus
    received_at: datetime
    source_name: str = ""
    source_hash: str = ""
    merged_at: datetime | None = None


# -- composing a merge -------------------------------------------------------------


def _normal(text: str) -> str:
    """A paragraph's text for matching: whitespace collapsed."""
    return " ".join(text.split())


def _shift_lists(paragraphs: Sequence[Paragraph], offset: int) -> list[Paragraph]:
    """Renumber list ids so lists of two texts never run into each other."""
    return [replace(p, list_id=p.list_id + offset) if p.list_id >= 0 else p
            for p in paragraphs]


def compose(current: str, contribution: str, mode: MergeMode, after: int | None = None
            ) -> tuple[str, list[bool]]:
    """The merged Markdown, and for each of its paragraphs whether it came from the
    contribution.  ``after`` (INSERT): how many of the current paragraphs stay before it."""
    old = [p for p in parse_markdown(current or "") if p.text.strip()]
    new = [p for p in parse_markdown(contribution or "") if p.text.strip()]
    if mode is MergeMode.REPLACE:
        return to_markdown(new), [True] * len(new)
    offset = max((p.list_id for p in old), default=-1) + 1
    new = _shift_lists(new, offset)
    at = len(old) if mode is MergeMode.APPEND or after is None else max(0, min(after, len(old)))
    merged = old[:at] + new + old[at:]
    flags = [False] * at + [True] * len(new) + [False] * (len(old) - at)
    return to_markdown(merged), flags


# -- attribution -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AttributedParagraph:
    """One paragraph of an answer and who contributed it (None: the coordinator)."""

    text: str
    tag: str | None = None


Attribution = tuple[AttributedParagraph, ...]


def paragraph_texts(markdown: str) -> list[str]:
    """The paragraphs of an answer as attribution sees them (blank ones left out)."""
    return [p.text for p in parse_markdown(markdown or "") if p.text.strip()]


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= SURVIVAL_RATIO


def rematch(previous: Sequence[AttributedParagraph], markdown: str) -> Attribution:
    """The attribution of a newer text of an answer, carried over from ``previous``."""
    texts = paragraph_texts(markdown)
    if not any(p.tag for p in previous):
        return tuple(AttributedParagraph(t) for t in texts)
    old = [_normal(p.text) for p in previous]
    new = [_normal(t) for t in texts]
    tags: list[str | None] = [None] * len(new)
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for k in range(i2 - i1):
                tags[j1 + k] = previous[i1 + k].tag
        elif op == "replace":
            # Edited paragraphs: pair each new one with the most similar old one of the
            # block, in order, so a split or merged paragraph keeps its contributor.
            start = i1
            for j in range(j1, j2):
                for i in range(start, i2):
                    if _similar(old[i], new[j]):
                        tags[j] = previous[i].tag
                        start = i + 1
                        break
    return tuple(AttributedParagraph(t, tag) for t, tag in zip(texts, tags))


def merged_attribution(previous: Sequence[AttributedParagraph], current: str, merged: str,
                       from_contribution: Sequence[bool], tag: str) -> Attribution:
    """The attribution after a merge: the current paragraphs keep theirs, the
    contribution's paragraphs get ``tag``."""
    before = list(rematch(previous, current))
    texts = [p.text for p in parse_markdown(merged or "")]
    out: list[AttributedParagraph] = []
    keep = iter(before)
    for text, contributed in zip(texts, from_contribution):
        if not text.strip():
            continue
        if contributed:
            out.append(AttributedParagraph(text, tag))
        else:
            old = next(keep, None)
            out.append(AttributedParagraph(text, old.tag if old else None))
    return tuple(out)


def tags_in(attribution: Sequence[AttributedParagraph]) -> list[str]:
    """The contributors of an answer, in order of first appearance."""
    seen: list[str] = []
    for p in attribution:
        if p.tag and p.tag not in seen:
            seen.append(p.tag)
    return seen
