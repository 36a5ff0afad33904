"""Importing a 60-page completed response, against python-docx merely reading the file.

The document: a cover letter, respondent details, then 60 typed-numbered questions each
followed by about 3,000 characters of answer (paragraphs with bold and italic runs and
a bullet list): ~180,000 characters, about 60 pages.  The import matches it against
every installed questionnaire (the three bundled ones and the 60-question one) and
reads each answer's Markdown.  Baseline, same run: python-docx opening the file and
reading the text of every paragraph.  ``--json`` prints the figures as JSON.
"""

from __future__ import annotations

import json
import sys
import tempfile
from contextlib import closing
from pathlib import Path

from common import Figure, best_ms, print_figures
from docx import Document

from consultdesk.app_context import AppContext
from consultdesk.domain.definition_file import parse_definition

QUESTIONS = 60
_SENTENCE = ("The Government consulted civil society organisations, local authorities and "
             "academic experts before adopting the measure, and published its evaluation. ")


def _question(n: int) -> str:
    return (f"Please describe the measures taken in area {n} to protect civic space, "
            f"including legislation, policies and practice for topic number {n}?")


def build(path: Path) -> None:
    """The completed response document."""
    doc = Document()
    doc.add_paragraph("The Permanent Mission presents its compliments and transmits the reply.")
    doc.add_paragraph("Name of the State: Japan")
    for n in range(1, QUESTIONS + 1):
        doc.add_paragraph(f"{n}. {_question(n)} (Maximum limit: 5,000 characters)")
        for k in range(4):
            p = doc.add_paragraph(_SENTENCE * 3)
            p.add_run(" Key point.").bold = True
            p.add_run(f" Reference {n}.{k}.").italic = True
        for item in ("online hearings", "written comments", "public meetings"):
            doc.add_paragraph(f"• {item}")
    doc.save(path)


def main() -> None:
    """Print the completed-response import figure (JSON with --json)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "completed.docx"
        build(path)
        with closing(AppContext.open(Path(tmp) / "data")) as ctx:
            ctx.catalog.add(parse_definition({
                "id": "bench-sixty", "version": 1, "title": "Sixty questions",
                "respondent_fields": [{"id": "state", "label": "Name of the State"}],
                "sections": [{"id": "s", "title": "Questions", "questions": [
                    {"id": f"q{n}", "number": str(n), "text": _question(n)}
                    for n in range(1, QUESTIONS + 1)]}]}, "benchmark"))
            found = ctx.response_import.read(path)
            assert found.questionnaire.id == "bench-sixty" and len(found.answers) == QUESTIONS
            ours = best_ms(lambda: ctx.response_import.read(path), repeat=3)
        chars = sum(len(a.markdown) for a in found.answers.values())

        def baseline() -> None:
            "".join(p.text for p in Document(str(path)).paragraphs)

        base = best_ms(baseline, repeat=3)
    figures = [Figure(f"read a 60-page completed response ({QUESTIONS} answers, "
                      f"{chars:,} chars)", ours, base, "< 1 s")]
    if "--json" in sys.argv:
        print(json.dumps([{"figure": f.name, "ms": round(f.value_ms, 1),
                           "baseline_ms": round(f.baseline_ms or 0, 1), "goal": f.goal}
                          for f in figures]))
        return
    print_figures("Completed response import (baseline: python-docx reading every paragraph)",
                  figures)


if __name__ == "__main__":
    main()
