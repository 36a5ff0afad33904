"""``consultdesk questionnaire import FILE.docx`` (registered under ``questionnaire``)."""

from __future__ import annotations

import argparse
import re

from consultdesk.cli.arguments import path_arg
from consultdesk.cli.env import CliEnv
from consultdesk.cli.output import print_json
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.domain.questionnaire import Questionnaire


class ImportUsageError(ConsultDeskError):
    """An option of the import command is unusable (e.g. a bad --id)."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``import`` to the ``questionnaire`` actions."""
    p = sub.add_parser(
        "import", help="import a questionnaire from the Word document the issuer sent",
        description="Detect the title, sections, numbered questions, respondent fields, "
                    "check-box choices and limits of a .docx questionnaire, and install it.")
    p.add_argument("file", type=path_arg, metavar="FILE.docx")
    p.add_argument("--id", dest="qid", metavar="ID",
                   help="the questionnaire id (default: made from the title)")
    p.add_argument("--json", action="store_true",
                   help="print the installed questionnaire as `questionnaire show --json` does")
    p.add_argument("--dry-run", action="store_true", help="detect and print, install nothing")
    p.add_argument("--save-definition", type=path_arg, metavar="FILE.toml",
                   help="also write the definition file (to review or share)")
    p.set_defaults(handler=import_questionnaire)


def import_questionnaire(args: argparse.Namespace, env: CliEnv) -> int:
    """Import a .docx questionnaire and install it (unless --dry-run)."""
    if args.qid is not None:
        _check_id(args.qid)
    # Everything is read and validated before the database is opened: a bad file
    # never touches it.
    # Imported here: `consultdesk --help` should not load lxml and the importer.
    from consultdesk.services.imports import ImportService

    questionnaire = ImportService.detect(args.file, args.qid)
    if args.save_definition is not None:
        from consultdesk.domain.definition_file import definition_to_toml

        args.save_definition.write_text(definition_to_toml(questionnaire), encoding="utf-8")
    if not args.dry_run:
        questionnaire = env.context.imports.install(questionnaire)
    if args.json:
        print_json(questionnaire.as_json())
    else:
        _print_summary(questionnaire, installed=not args.dry_run)
    return 0


def _check_id(qid: str) -> None:
    """Refuse an id a definition could not have, before any work is done."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.\-]{0,79}", qid):
        raise ImportUsageError(
            "questionnaire import: --id {qid!r}: use letters, digits, '.', '_' and '-' only, "
            "starting with a letter or digit",
            qid=qid)


def _print_summary(q: Questionnaire, *, installed: bool) -> None:
    """What was found, in a few lines."""
    questions = list(q.questions())
    limited = sum(1 for x in questions if x.limit is not None)
    verb = "Installed" if installed else "Detected (not installed)"
    print(f"{verb}: {q.id} (version {q.version})")
    print(f"  {q.title}")
    print(f"  {len(questions)} questions, {limited} with a limit, "
          f"{len(q.respondent_fields)} respondent fields, language {q.language}")
    for section, depth in q.walk_sections():
        if section.title:
            print(f"  {'  ' * depth}{section.title}")
        for x in section.questions:
            limit = f"  [{x.limit.describe()}]" if x.limit else ""
            kind = "" if x.is_text else f"  ({x.kind.value})"
            print(f"  {'  ' * depth}  {x.display_number or '-'} {x.text}{kind}{limit}")
