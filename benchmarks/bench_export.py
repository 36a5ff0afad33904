"""Exporting a 100-question response (500,000 characters of answers) to Word.

Baseline, measured in the same run: python-docx writing the same plain paragraphs
(question, limit line, each answer paragraph as text) with ``add_paragraph`` into
the same template and saving.  The export does more per paragraph (Markdown
parsing, counting for the limit check, bold/italic runs, real list numbering,
bookmarks, styles), so the ratio is the price of all that.  Goal: at most 1.5x.
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import docx
from common import Figure, best_ms, print_figures

from consultdesk.domain.questionnaire import Limit, Question, Questionnaire, Section, Unit
from consultdesk.domain.rich_text import parse_markdown
from consultdesk.formats.docx_export import (
    ExportOptions,
    default_template_path,
    export_response,
    render_document,
)

QUESTIONS = 100
CHARS_PER_ANSWER = 5_000

_PARAGRAPH = (
    "We have increased the **opportunities** for civil society organizations to participate "
    "in the *decision-making* process, including through videoconferencing with NGOs.\n\n"
    "- Implementing awareness-raising activities on moral and ICT literacy for users\n"
    "- Supporting the voluntary efforts of platform service operators\n"
    "  1. improving transparency\n  2. improving accountability\n\n"
)


def _questionnaire() -> Questionnaire:
    limit = Limit(amount=6_000, unit=Unit.CHARACTERS_WITH_SPACES, approximate=True)
    questions = tuple(
        Question(id=f"q{i}", number=str(i), limit=limit,
                 text=f"Question {i}: what innovative practices did authorities adopt to "
                      "facilitate civil society's input to decision-making?")
        for i in range(1, QUESTIONS + 1))
    return Questionnaire(id="bench", title="Benchmark consultation",
                         respondent_fields=(), sections=(Section(id="s", title="Questions",
                                                                 questions=questions),))


def _answer(i: int) -> str:
    text = (_PARAGRAPH * (CHARS_PER_ANSWER // len(_PARAGRAPH) + 2))
    # Cut at the first paragraph end after 5,000 characters (so 100 answers pass 500,000).
    cut = text.find("\n\n", CHARS_PER_ANSWER) + 2
    return f"Answer {i}. " + text[:cut]


def main() -> None:
    """Print the export figures."""
    q = _questionnaire()
    answers = {f"q{i}": _answer(i) for i in range(1, QUESTIONS + 1)}
    total = sum(len(a) for a in answers.values())
    plain = {qid: [p.text for p in parse_markdown(a)] for qid, a in answers.items()}
    template = default_template_path()

    def baseline() -> None:
        document = docx.Document(str(template))
        for question in q.questions():
            document.add_paragraph(f"{question.number}. {question.text}")
            document.add_paragraph(f"({question.limit.describe()})")  # type: ignore[union-attr]
            for text in plain[question.id]:
                document.add_paragraph(text)
        document.save(io.BytesIO())

    def export_cold() -> None:
        parse_markdown.cache_clear()  # as after opening the app: nothing parsed yet
        render_document(q, "Response", {}, answers).document.save(io.BytesIO())

    def export_warm() -> None:
        # As from the GUI, where the preflight has just parsed every answer.
        render_document(q, "Response", {}, answers).document.save(io.BytesIO())

    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "response.docx"

        def export_to_disk() -> None:
            parse_markdown.cache_clear()
            export_response(q, "Response", {}, answers, out, ExportOptions(annex=True))

        base = best_ms(baseline, repeat=5)
        figures = [
            Figure(f"baseline: python-docx add_paragraph, {total:,} chars", base, None),
            Figure("export (cold parse), in memory", best_ms(export_cold, repeat=5), base,
                   "<= 1.5x"),
            Figure("export (answers already parsed), in memory", best_ms(export_warm, repeat=5),
                   base, "<= 1.5x"),
            Figure("export to disk (atomic, fsync) with annex, cold", best_ms(export_to_disk,
                                                                               repeat=5),
                   base, "read the ratio"),
        ]
    print_figures(f"Word export: {QUESTIONS} questions, {total:,} characters of answers",
                  figures)
    _references()


#: References in one answer: each is a REF field of five runs in the same paragraph.
REFERENCES = 3_000


def _references() -> None:
    """One answer holding 3,000 references vs the same words as plain text."""
    q = _questionnaire()
    linked = {"q1": " ".join(f"[question {i % 9 + 2}](#ref:q{i % 9 + 2})"
                             for i in range(REFERENCES)), "q2": "Yes."}
    plain = {"q1": " ".join(f"question {i % 9 + 2}" for i in range(REFERENCES)), "q2": "Yes."}

    def export(answers: dict[str, str]) -> None:
        parse_markdown.cache_clear()
        render_document(q, "Response", {}, answers,
                        ExportOptions(allow_over_limit=True)).document.save(io.BytesIO())

    base = best_ms(lambda: export(plain), repeat=3)
    print_figures(f"Word export: one answer holding {REFERENCES:,} references", [
        Figure("baseline: the same words as plain text", base, None),
        # Was about 13 s (the paragraph's children were listed again for each field).
        Figure(f"{REFERENCES:,} REF fields in one paragraph", best_ms(lambda: export(linked),
                                                                       repeat=3),
               base, "read the ratio"),
    ])


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    main()
