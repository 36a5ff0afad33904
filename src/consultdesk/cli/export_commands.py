"""``consultdesk check`` and ``consultdesk export``."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from consultdesk.cli.arguments import path_arg
from consultdesk.cli.env import CliEnv
from consultdesk.cli.output import print_json, print_table
from consultdesk.domain.errors import NotFoundError
from consultdesk.services.export_options import (
    BlockDisplay,
    ChoiceDisplay,
    ExportOptions,
    Unanswered,
)

if TYPE_CHECKING:
    from consultdesk.domain.questionnaire import Questionnaire

EXIT_OK = 0
EXIT_PROBLEM = 1


def register(sub: argparse._SubParsersAction) -> None:
    """Add the check and export commands."""
    p = sub.add_parser("check", help="count every answer against its limit (exit 1 if over, "
                                     "or if a reference points to a missing or unanswered "
                                     "question)")
    p.add_argument("rid", metavar="RID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=check_response)

    p = sub.add_parser("export", help="export a response to Word (.docx) or PDF (.pdf)")
    p.add_argument("rid", metavar="RID",
                   help="the response (with --blank, a questionnaire id also works)")
    p.add_argument("-o", "--output", type=path_arg, required=True, metavar="OUT.docx|OUT.pdf",
                   help="a .pdf is the same document, converted by Microsoft Word where "
                        "installed, else by LibreOffice")
    p.add_argument("--template", type=path_arg, metavar="T.docx",
                   help="a Word document or template whose styles, headers and footers to use")
    p.add_argument("--allow-over-limit", action="store_true",
                   help="export even when answers are over their limit")
    p.add_argument("--blank", action="store_true",
                   help="the questionnaire without answers, to circulate for input")
    p.add_argument("--unanswered", choices=[u.value for u in Unanswered],
                   default=Unanswered.NO_RESPONSE.value,
                   help="leave unanswered questions out, or mark them 'No response' (default)")
    p.add_argument("--annex", action="store_true", help="add a table of counts per question")
    p.add_argument("--attribution", action="store_true",
                   help="add the contributor's tag, e.g. (NPA), after each contributed paragraph")
    p.add_argument("--contributors-annex", action="store_true",
                   help="add an annex listing the contributors with their questions")
    p.add_argument("--choices", choices=[c.value for c in ChoiceDisplay],
                   default=ChoiceDisplay.CHOSEN.value,
                   help="show the chosen option only (default) or all options with ☒/☐")
    p.add_argument("--blocks", choices=[b.value for b in BlockDisplay],
                   default=BlockDisplay.ENTRIES.value,
                   help="repeating blocks as sub-headed entries (default) or as a table")
    p.set_defaults(handler=export_docx)


def check_response(args: argparse.Namespace, env: CliEnv) -> int:
    """Print each counted answer's count, limit and status."""
    report = env.context.export.check(env.context.responses.load(args.rid))
    if args.json:
        print_json(report.as_json())
    else:
        rows = [(i.number or i.id, f"{i.count.value:,}",
                 f"{i.count.limit.amount:,} {i.count.limit.unit.value.replace('_', ' ')}"
                 if i.count.limit else "-", i.count.status.value) for i in report.items]
        rows += [(b.label, f"{b.count:,}", f"{b.limit:,}", b.status.value)
                 for b in report.budgets]
        print_table(["QUESTION", "COUNT", "LIMIT", "STATUS"], rows)
        if report.references:
            print()
            for problem in report.references:
                print(problem.message)
    return EXIT_OK if report.ok else EXIT_PROBLEM


def _blank_questionnaire(args: argparse.Namespace, env: CliEnv) -> Questionnaire:
    """The questionnaire of a response, or one named by its id (for --blank)."""
    try:
        return env.context.responses.load(args.rid).questionnaire
    except NotFoundError:
        try:
            return env.context.catalog.get(args.rid)
        except NotFoundError:
            raise NotFoundError(
                "no response or questionnaire with id {rid!r}",
                rid=args.rid) from None


def export_docx(args: argparse.Namespace, env: CliEnv) -> int:
    """Export to Word; exit 1 (nothing written) when answers are over their limit."""
    service = env.context.export
    options = ExportOptions(
        template=args.template,
        unanswered=Unanswered(args.unanswered),
        allow_over_limit=args.allow_over_limit,
        annex=args.annex,
        blank=args.blank,
        choices=ChoiceDisplay(args.choices),
        blocks=BlockDisplay(args.blocks),
    )
    if args.blank:
        result = service.export_blank(_blank_questionnaire(args, env), args.output, options)
    else:
        response = env.context.responses.load(args.rid)
        if args.attribution or args.contributors_annex:
            options = env.context.contributions.with_attribution(
                response.id, options, tags=args.attribution, annex=args.contributors_annex)
        from consultdesk.services.export import OverLimitError

        try:
            result = service.export(response, args.output, options)
        except OverLimitError as exc:
            for problem in exc.problems:
                print(f"over the limit: {problem.message}", file=sys.stderr)
            print("nothing exported; shorten the answers or use --allow-over-limit",
                  file=sys.stderr)
            return EXIT_PROBLEM
    for warning in result.warnings:
        print(f"warning: {' '.join(warning.split())}", file=sys.stderr)
    print(f"exported {result.path}")
    return EXIT_OK
