"""Rendering and exporting a response (or a blank questionnaire) to Word."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from docx.document import Document

from consultdesk.domain.counting import Status
from consultdesk.domain.errors import Message
from consultdesk.domain.questionnaire import Questionnaire
from consultdesk.domain.response import (
    AnswerValue,
    Problem,
    counted_items,
    preflight,
    rendered_answers,
)
from consultdesk.formats.docx_export.annex import add_annex, add_contributors_annex
from consultdesk.formats.docx_export.language import set_language, word_language
from consultdesk.formats.docx_export.layout import Content, LayoutBuilder
from consultdesk.formats.docx_export.options import ExportOptions, Labels
from consultdesk.formats.docx_export.outcome import (
    BLOCKING,
    ExportResult,
    OverLimitError,
    blocking_problems,
)
from consultdesk.formats.docx_export.properties import responding_institution, set_properties
from consultdesk.formats.docx_export.template import (
    ensure_page_numbers,
    open_template,
    prepare,
)
from consultdesk.formats.docx_export.writer import ExportError, write_atomically
from consultdesk.formats.docx_export.xml_text import TextCleaner


@dataclass(frozen=True, slots=True)
class Rendered:
    """A document built in memory, with the warnings its building raised."""

    document: Document
    warnings: tuple[str, ...]
    problems: tuple[Problem, ...]
    #: What the export itself noticed (characters removed...), to be translated.
    notes: tuple[Message, ...] = ()


def render_document(
    questionnaire: Questionnaire,
    title: str,
    respondent: Mapping[str, str],
    answers: Mapping[str, AnswerValue],
    options: ExportOptions = ExportOptions(),
) -> Rendered:
    """Build the document in memory; raises OverLimitError unless over-limit is allowed."""
    if options.blank:
        respondent, answers, problems = {}, {}, []
    else:
        problems = preflight(questionnaire, respondent, answers)
        blocking = blocking_problems(problems)
        if blocking and not options.allow_over_limit:
            raise OverLimitError(blocking)
    items = counted_items(questionnaire, answers)
    language = options.language or questionnaire.language
    labels = options.labels or Labels.for_language(language)
    cleaner = TextCleaner()
    document = open_template(options.template)
    styles = prepare(document)
    content = Content(questionnaire, title, respondent, answers,
                      {item.id: index for index, item in enumerate(items)},
                      over={item.id: item.count for item in items
                            if item.id == item.question_id and item.count.status is Status.OVER})
    # References read their targets' numbers in this questionnaire version.
    content.answers = rendered_answers(questionnaire, answers, language)
    builder = LayoutBuilder(document, styles, options, labels, cleaner)
    builder.start(content)
    builder.title_block(content)
    builder.respondent_block(content)
    builder.questions_block(content)
    builder.finish()
    if options.annex and not options.blank:
        add_annex(builder, questionnaire, answers, items)
    if options.contributors_annex and options.contributors and not options.blank:
        add_contributors_annex(builder, options.contributors)
    set_language(document, language)
    ensure_page_numbers(document, styles.footer)
    author = options.author or responding_institution(questionnaire, respondent)
    set_properties(
        document,
        title=cleaner.clean(title if title and not options.blank else questionnaire.title,
                            "title"),
        subject=cleaner.clean(questionnaire.title, "title"),
        author=cleaner.clean(author, "author"),
        language=word_language(language),
        keywords=questionnaire.id,
    )
    warnings = [f"{p.message}" for p in problems if p.kind not in BLOCKING]
    warnings += [f"exported although over the limit: {p.message}"
                 for p in blocking_problems(problems)]
    notes = cleaner.warnings()
    warnings += [str(note) for note in notes]
    return Rendered(document, tuple(warnings), tuple(problems), tuple(notes))


def export_response(
    questionnaire: Questionnaire,
    title: str,
    respondent: Mapping[str, str],
    answers: Mapping[str, AnswerValue],
    path: Path,
    options: ExportOptions = ExportOptions(),
) -> ExportResult:
    """Export a response (or, with ``options.blank``, its blank questionnaire) to ``path``.

    Nothing is written when an answer is over its limit and that is not allowed
    (OverLimitError), or when the document cannot be built; the file appears
    whole or not at all (ExportError and subclasses say why).
    """
    path = Path(path)
    _check_output_name(path, options)
    rendered = render_document(questionnaire, title, respondent, answers, options)
    write_atomically(path, lambda stream: rendered.document.save(stream))
    return ExportResult(path, rendered.warnings, rendered.problems, rendered.notes)


def _check_output_name(path: Path, options: ExportOptions) -> None:
    """Refuse a name Word would not open as a document, or one that is the template."""
    if path.suffix.lower() != ".docx":
        raise ExportError(
            "{name}: the file name must end in .docx (a Word document).",
            name=path.name)
    template = options.template
    if template is not None and path.exists() and template.exists() and path.samefile(template):
        raise ExportError(
            "{name} is the template itself; choose another file name so the template is kept.",
            name=path.name)


def export_blank(questionnaire: Questionnaire, path: Path,
                 options: ExportOptions = ExportOptions()) -> ExportResult:
    """Export the questionnaire without answers, to circulate for input."""
    return export_response(questionnaire, "", {}, {}, path, replace(options, blank=True))
