"""``consultdesk new|responses|show|set|backup|restore``."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from consultdesk.cli.arguments import path_arg
from consultdesk.cli.env import CliEnv
from consultdesk.cli.output import print_json, print_table
from consultdesk.domain.errors import AnswerError, Message
from consultdesk.domain.files import parse_json, read_text_capped

#: Answers files larger than this are refused before parsing (real ones are KiB).
MAX_ANSWERS_FILE_BYTES = 50 * 1024 * 1024


def register(sub: argparse._SubParsersAction) -> None:
    """Add the response commands."""
    p = sub.add_parser("new", help="start a response; prints its id")
    p.add_argument("qid", metavar="QID")
    p.add_argument("--title", help="the response's title (default: the questionnaire's)")
    p.add_argument("--answers", type=path_arg, metavar="FILE.json",
                   help="respondent details and answers to start with (the shape of show --json)")
    p.set_defaults(handler=new_response)

    p = sub.add_parser("responses", help="list the responses with their progress")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--bin", action="store_true", help="list the bin instead")
    p.set_defaults(handler=list_responses)

    p = sub.add_parser("show", help="show one response")
    p.add_argument("rid", metavar="RID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=show_response)

    p = sub.add_parser("set", help="merge answers into a response (a revision is kept first); "
                                   "says which answers changed")
    p.add_argument("rid", metavar="RID")
    p.add_argument("--answers", type=path_arg, required=True, metavar="FILE.json")
    p.add_argument("--json", action="store_true",
                   help='print {"changed": {QID: version}, "unchanged": [QID], '
                        '"respondent_changed": bool}')
    p.set_defaults(handler=set_answers)

    p = sub.add_parser("backup", help="copy the database (safe while the app runs)")
    p.add_argument("--out", type=path_arg, metavar="FILE",
                   help="where to write the copy (default: the data dir's backups folder)")
    p.set_defaults(handler=backup_database)

    p = sub.add_parser("restore", help="replace the database with a backup (the current one "
                                       "is kept aside)")
    p.add_argument("file", type=path_arg, metavar="FILE")
    p.set_defaults(handler=restore_database)


def read_answers_file(path: Path) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """The ``respondent`` and ``answers`` of an answers file (AnswerError naming the problem)."""
    text = read_text_capped(path, MAX_ANSWERS_FILE_BYTES, AnswerError, Message("an answers file"))
    data = parse_json(text, AnswerError, str(path))
    if not isinstance(data, dict):
        raise AnswerError(
            "{path}: expected a JSON object with 'respondent' and/or 'answers'",
            path=path)
    # `show --json` output is accepted as it is: its other keys are ignored.
    # show --json's other keys are accepted (and ignored), so its output can be fed back.
    known = {"respondent", "answers", "id", "title", "questionnaire_id", "status", "references"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise AnswerError(
            "{path}: unknown key {unknown!r} (expected 'respondent' and/or 'answers')",
            path=path, unknown=unknown[0])
    respondent, answers = data.get("respondent"), data.get("answers")
    for key, value in (("respondent", respondent), ("answers", answers)):
        if value is not None and not isinstance(value, dict):
            raise AnswerError(
                "{path}: {key!r} must be an object",
                path=path, key=key)
    return respondent, answers


def _with_file(path: Path, exc: AnswerError) -> AnswerError:
    return AnswerError(
        "{path}: {exc}",
        path=path, exc=exc)


def new_response(args: argparse.Namespace, env: CliEnv) -> int:
    """Create a response and print only its id."""
    respondent, answers = read_answers_file(args.answers) if args.answers else (None, None)
    try:
        rid = env.context.responses.create(args.qid, args.title, respondent=respondent,
                                           answers=answers)
    except AnswerError as exc:
        raise _with_file(args.answers, exc) if args.answers else exc from None
    print(rid)
    return 0


def list_responses(args: argparse.Namespace, env: CliEnv) -> int:
    """Print the responses (or the bin)."""
    summaries = env.context.listing.list(deleted=args.bin)
    if args.json:
        print_json([{
            "id": s.id, "title": s.title, "questionnaire_id": s.questionnaire_id,
            "status": s.status.value if s.readable else "unreadable",
            "deadline": s.deadline.isoformat() if s.deadline else None,
            "answered": s.answered, "total": s.total, "over": s.over,
            "updated_at": s.updated_at.isoformat() if s.readable else None,
            **({"deleted_at": s.deleted_at.isoformat()} if s.deleted_at else {}),
            **({"problem": str(s.problem)} if s.problem else {}),
        } for s in summaries])
    else:
        print_table(["ID", "STATUS", "ANSWERED", "OVER", "UPDATED", "TITLE"], [
            (s.id, s.status.value, f"{s.answered}/{s.total}", s.over, _local(s.updated_at),
             s.title) if s.readable else
            (s.id, "UNREADABLE", "-", "-", "-", s.title) for s in summaries])
    unreadable = [s for s in summaries if not s.readable]
    if unreadable:
        # The list is complete; this only says why some rows cannot be opened.
        first = unreadable[0]
        more = f" (and {len(unreadable) - 1} more)" if len(unreadable) > 1 else ""
        print(f"consultdesk: the response {first.id} cannot be read: {first.problem}{more}; "
              f"'consultdesk repair {first.id}' repairs it", file=sys.stderr)
    return 0


def _local(moment: datetime) -> str:
    """A stored time in the local zone, to the minute (as stored if it cannot be shown)."""
    try:
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")
    except (OverflowError, ValueError, OSError):
        return moment.strftime("%Y-%m-%d %H:%M")


def show_response(args: argparse.Namespace, env: CliEnv) -> int:
    """Print one response: JSON, or a readable listing of its answers."""
    data = env.context.responses.load(args.rid)
    if args.json:
        print_json(data.as_json())
        return 0
    q = data.questionnaire
    print(f"{data.title}  [{data.status.value}]  ({q.id} v{q.version})")
    for f in q.respondent_fields:
        print(f"{f.label}: {data.respondent.get(f.id, '')}")
    answers = data.rendered_answers()  # references read their targets' current numbers
    for question in q.questions():
        value = answers.get(question.id)
        print(f"\n{question.display_number} {question.text}".rstrip())
        if value is None:
            print("  (no answer)")
        elif isinstance(value, str):
            print(value)
        else:
            print(json.dumps(value, ensure_ascii=False))
    return 0


def set_answers(args: argparse.Namespace, env: CliEnv) -> int:
    """Merge an answers file into a response; say which answers it changed."""
    from consultdesk.domain.authorship import WriterKind

    respondent, answers = read_answers_file(args.answers)
    context = env.context
    try:
        result = context.responses.merge(args.rid, respondent, answers,
                                         author=context.author(WriterKind.CLI), reason="set")
    except AnswerError as exc:
        raise _with_file(args.answers, exc) from None
    if args.json:
        print_json({"changed": result.changed, "unchanged": result.unchanged,
                    "respondent_changed": result.respondent_changed})
        return 0
    for qid, version in result.changed.items():
        # Only where there was a previous text: a first write has nothing in its history.
        kept = "; the previous text is in its history" if qid in result.kept else ""
        print(f"changed   {qid} (now version {version}{kept})")
    for qid in result.unchanged:
        print(f"unchanged {qid}")
    if result.respondent_changed:
        print("respondent details updated")
    if not (result.changed or result.unchanged or result.respondent_changed):
        print("nothing to change")
    return 0


def backup_database(args: argparse.Namespace, env: CliEnv) -> int:
    """Copy the database and print where the copy is."""
    print(env.context.maintenance.backup_to(args.out))
    return 0


def restore_database(args: argparse.Namespace, env: CliEnv) -> int:
    """Replace the database with a backup, keeping the current file aside."""
    from consultdesk.launcher import Launcher

    # The desktop app must not be writing while the file is swapped; the database is
    # not opened here, so a damaged one can be restored over too.
    with Launcher(env.data_dir) as launcher:
        launcher.take_writer_lock()
        aside = launcher.maintenance.restore(args.file)
    kept = f"; the previous database was kept as {aside}" if aside else ""
    print(f"restored from {args.file}{kept}", file=sys.stderr)
    return 0
