"""Cross-references between answers: "See the answer for [question 2](#ref:q2)."

A reference is a Markdown link to ``#ref:<question id>`` (the exact rules are in
``reference_syntax``).  Its link text is the label at the time of saving, so the
stored Markdown reads right anywhere; whenever ConsultDesk renders, counts or
exports an answer, the label is recomputed from the target question's current
number in the response's questionnaire version (:func:`render_references`), so a
reference always reads the number the question has now.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from consultdesk.domain import reference_syntax

if TYPE_CHECKING:
    # Only annotations: the models' module (pydantic) loads when a definition is parsed.
    from consultdesk.domain.questionnaire import Question, Questionnaire

#: How many words of an unnumbered question's text its label keeps.
_TITLE_WORDS = 8

#: What a reference reads in the questionnaire's language: the words before and after
#: the question's number.  A Japanese official writes 問2 (as the reference phrases
#: and the export's annex read it), without a space.
_LABEL_WORDS: dict[str, tuple[str, str]] = {
    "en": ("question ", ""), "fr": ("question ", ""), "es": ("pregunta ", ""),
    "de": ("Frage ", ""), "ja": ("問", ""),
}
#: The quotation marks around an unnumbered question's short title.
_QUOTES: dict[str, tuple[str, str]] = {
    "en": ("“", "”"), "fr": ("« ", " »"), "es": ("«", "»"), "de": ("„", "“"),
    "ja": ("「", "」"),
}


@dataclass(frozen=True)
class Reference:
    """One reference in an answer: the question it points to and the text it holds."""

    target: str  # question id
    label: str  # the link text in the Markdown


def find_references(markdown: str) -> list[Reference]:
    """Every reference in an answer's Markdown, in order (as the parser reads them)."""
    if reference_syntax.MARK not in markdown:
        return []
    # Here: the Markdown parser loads with the first answer that holds a reference.
    from consultdesk.domain.markdown_reader import parse_markdown

    return [Reference(run.reference, run.text)
            for p in parse_markdown(markdown) for run in p.runs if run.reference is not None]


def label_words(language: str = "en") -> tuple[str, str]:
    """The words before and after a question's number in a reference, in ``language``
    ("question ", "") for English, ("問", "") for Japanese; English for a language we
    have no words for."""
    return _LABEL_WORDS.get(_primary(language), _LABEL_WORDS["en"])


def reference_label(question: Question, language: str = "en") -> str:
    """What a reference to ``question`` reads in the questionnaire's ``language``:
    "question 2", "pregunta 2", "問2", or a short title in quotes without a number."""
    if question.number:
        before, after = label_words(language)
        return f"{before}{question.number}{after}"
    opening, closing = _QUOTES.get(_primary(language), _QUOTES["en"])
    return f"{opening}{short_title(question)}{closing}"


def _primary(language: str) -> str:
    """The primary subtag of a language tag ("fr-CA" -> "fr")."""
    return language.split("-")[0].lower()


def short_title(question: Question) -> str:
    """The first words of a question's text (what names a question without a number)."""
    words = question.text.split()
    return " ".join(words[:_TITLE_WORDS]) + ("…" if len(words) > _TITLE_WORDS else "")


def reference_labels(questionnaire: Questionnaire, language: str | None = None
                     ) -> dict[str, str]:
    """Every question's current label, by question id (for :func:`render_references`),
    in the questionnaire's language unless ``language`` is given (an export in another)."""
    lang = language or questionnaire.language
    return {q.id: reference_label(q, lang) for q in questionnaire.questions()}


def render_references(markdown: str, labels: Mapping[str, str]) -> str:
    """The Markdown with each reference's link text set to its target's current label.

    A reference whose target is not in ``labels`` keeps the text it has.  Everything
    else is left exactly as it is.
    """
    if reference_syntax.MARK not in markdown:
        return markdown
    out: list[str] = []
    last = 0
    for m in _source_matches(markdown):
        label = labels.get(m.target)
        if label is None or label == m.label:
            continue
        out.append(markdown[last:m.label_start])
        out.append(reference_syntax.escape_label(label))
        last = m.label_end
    if not out:
        return markdown
    out.append(markdown[last:])
    return "".join(out)


def references_as_words(markdown: str, labels: Mapping[str, str]) -> str:
    """The Markdown with each reference written as the words a reader sees: its target's
    current label (or its own text when the target is unknown), without the link syntax
    (what a search looks in and shows: ``#ref:q2`` is nobody's text)."""
    if reference_syntax.MARK not in markdown:
        return markdown
    out: list[str] = []
    last = 0
    for m in _source_matches(markdown):
        out.append(markdown[last:m.start])
        out.append(labels.get(m.target, m.label))
        last = m.end
    out.append(markdown[last:])
    return "".join(out)


def make_reference(target_id: str, label: str) -> str:
    """The Markdown for a reference: ``make_reference("q2", "question 2")`` is
    ``[question 2](#ref:q2)`` (a label with Markdown's special characters is escaped)."""
    return reference_syntax.link(target_id, label if label.strip() else target_id)


def referenced_ids(markdowns: Iterable[str]) -> list[str]:
    """The question ids the answers point to, each once, in first-seen order."""
    seen: dict[str, None] = {}
    for markdown in markdowns:
        for ref in find_references(markdown):
            seen.setdefault(ref.target)
    return list(seen)


def _source_matches(markdown: str) -> list[reference_syntax.ReferenceMatch]:
    """The references of a whole answer, with their places in it.

    The scanner decides line by line, so scanning the whole text finds exactly the
    references the parser finds paragraph by paragraph (it removes only indentation).
    """
    return reference_syntax.scan(markdown)
