"""``consultdesk response import FILE.docx [--questionnaire QID] [--title T]
[--link-references] [--json]``."""

from __future__ import annotations

import argparse
from pathlib import Path

from consultdesk.cli.env import CliEnv
from consultdesk.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``response`` group and its ``import`` action."""
    r = sub.add_parser("response", help="import a completed response")
    rsub = r.add_subparsers(dest="response_command", metavar="ACTION", required=True,
                            parser_class=type(r))
    p = rsub.add_parser(
        "import", help="import last cycle's completed response from Word; prints its id",
        description="Find the questions of an installed questionnaire (or of the one the "
                    "file itself holds) in a completed .docx response and save each answer "
                    "with its paragraphs, lists, bold and italic, and the respondent details.")
    p.add_argument("file", type=Path, metavar="FILE.docx")
    p.add_argument("--questionnaire", metavar="QID",
                   help="the questionnaire it answers (default: the best-matching installed "
                        "one, else the questionnaire read from the same file)")
    p.add_argument("--title", help="the new response's title (default: the file's name)")
    p.add_argument("--link-references", action="store_true",
                   help="turn pointers to other answers (\"See the answer for Q2\", "
                        "\"Please refer to the reply to question 4\", French, Spanish, "
                        "Japanese) into live references")
    p.add_argument("--json", action="store_true",
                   help="print the new response as `show --json` does")
    p.set_defaults(handler=import_response)


def import_response(args: argparse.Namespace, env: CliEnv) -> int:
    """Read the file (all of it, before anything is written), then save the response."""
    from consultdesk.services.response_import import ResponseImportService

    # The file is read before the database is opened: a bad file never touches it.
    document = ResponseImportService.open_file(args.file)
    service = env.context.response_import
    imported = service.read(document, args.questionnaire)
    answers = None
    if args.link_references:
        from consultdesk.services.reference_offers import link_reference_phrases

        answers = {qid: link_reference_phrases(text, imported.questionnaire, qid)
                   for qid, text in imported.markdown_answers().items()}
    rid = service.save(imported, args.title, answers=answers)
    if args.json:
        print_json(env.context.responses.load(rid).as_json())
    else:
        print(rid)
    return 0
