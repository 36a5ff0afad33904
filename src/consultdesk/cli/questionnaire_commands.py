"""``consultdesk questionnaires`` and ``consultdesk questionnaire show|add``."""

from __future__ import annotations

import argparse
import sys

from consultdesk.cli.arguments import path_arg
from consultdesk.cli.env import CliEnv
from consultdesk.cli.output import print_json, print_table
from consultdesk.domain.errors import NotFoundError


def register(sub: argparse._SubParsersAction) -> None:
    """Add the questionnaire commands to the parser."""
    p = sub.add_parser("questionnaires", help="list the installed questionnaires")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=list_questionnaires)

    q = sub.add_parser("questionnaire", help="show, add or import a questionnaire")
    qsub = q.add_subparsers(dest="questionnaire_command", metavar="ACTION", required=True,
                            parser_class=type(q))
    show = qsub.add_parser("show", help="show one questionnaire")
    show.add_argument("qid", metavar="QID")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.add_argument("--toml", action="store_true", help="print the full definition file")
    show.set_defaults(handler=show_questionnaire)

    add = qsub.add_parser("add", help="validate and install a definition file")
    add.add_argument("file", type=path_arg, metavar="FILE")
    add.set_defaults(handler=add_questionnaire)

    # `questionnaire import FILE.docx` lives with the other import code.
    from consultdesk.cli import import_commands

    import_commands.register(qsub)


def list_questionnaires(args: argparse.Namespace, env: CliEnv) -> int:
    """Print the installed questionnaires."""
    infos = env.context.catalog.list()
    if args.json:
        print_json([{"id": i.id, "title": i.title, "issuer": i.issuer, "questions": i.questions}
                    for i in infos])
    else:
        print_table(["ID", "QUESTIONS", "TITLE"], [(i.id, i.questions, i.title) for i in infos])
    return 0


def show_questionnaire(args: argparse.Namespace, env: CliEnv) -> int:
    """Print one questionnaire as JSON, TOML or a readable outline."""
    q = env.context.catalog.get(args.qid)
    if args.json:
        print_json(q.as_json())
        return 0
    if args.toml:
        from consultdesk.domain.definition_file import definition_to_toml

        print(definition_to_toml(q), end="")
        return 0
    print(q.title)
    if q.issuer:
        print(q.issuer)
    for section, depth in q.walk_sections():
        if section.title:
            print(f"\n{'  ' * depth}{section.title}")
        for question in section.questions:
            limit = f"  ({question.limit.describe()})" if question.limit else ""
            print(f"{'  ' * depth}  {question.display_number} {question.text}{limit}")
    return 0


def add_questionnaire(args: argparse.Namespace, env: CliEnv) -> int:
    """Validate a definition file and install it."""
    # Imported here: the definition reader (pydantic's errors, TOML) is this command's own.
    from consultdesk.domain.definition_file import load_definition

    # Validate before opening the database, so a bad file never touches it.
    questionnaire = load_definition(args.file)
    catalog = env.context.catalog
    try:
        installed = catalog.get(questionnaire.id).version
    except NotFoundError:
        installed = None
    catalog.add(questionnaire)
    print(questionnaire.id)
    if installed is not None and questionnaire.version < installed:
        # Accepted (responses started with it render against it), but not silently.
        print(f"warning: {args.file} is version {questionnaire.version} of "
              f"{questionnaire.id!r}, older than the installed version {installed}; new "
              f"responses keep using version {installed}", file=sys.stderr)
    return 0
