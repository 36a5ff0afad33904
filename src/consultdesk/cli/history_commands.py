"""``consultdesk history`` and ``consultdesk restore-answer``: an answer's revisions."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from consultdesk.cli.env import CliEnv
from consultdesk.cli.output import print_json, print_table
from consultdesk.domain.authorship import Author, WriterKind

if TYPE_CHECKING:
    # A type only: importing the module loads counting and the Markdown parser.
    from consultdesk.domain.response import AnswerValue


def register(sub: argparse._SubParsersAction) -> None:
    """Add the history commands."""
    p = sub.add_parser("history", help="an answer's kept revisions, newest first, with who "
                                       "wrote each")
    p.add_argument("rid", metavar="RID")
    p.add_argument("qid", metavar="QID")
    p.add_argument("--json", action="store_true",
                   help='print [{"id", "created_at", "reason", "author", "text"}]')
    p.set_defaults(handler=show_history)

    p = sub.add_parser("restore-answer", help="put a revision back as the answer (the current "
                                              "text is kept as a revision first)")
    p.add_argument("rid", metavar="RID")
    p.add_argument("qid", metavar="QID")
    p.add_argument("revision", type=int, metavar="REVISION_ID")
    p.set_defaults(handler=restore_answer)


def author_json(author: Author) -> dict[str, str]:
    """An author as the CLI's JSON gives it."""
    return {"kind": author.kind.value, "name": author.name}


def _one_line(value: AnswerValue, width: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def show_history(args: argparse.Namespace, env: CliEnv) -> int:
    """Print one answer's revisions, newest first."""
    revisions = env.context.responses.revisions(args.rid, args.qid)
    if args.json:
        print_json([{"id": r.id, "created_at": r.created_at.isoformat(), "reason": r.reason,
                     "author": author_json(r.author), "text": r.value} for r in revisions])
        return 0
    print_table(["ID", "KEPT", "REASON", "AUTHOR", "TEXT"], [
        (r.id, r.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), r.reason,
         r.author.describe(), _one_line(r.value)) for r in revisions])
    return 0


def restore_answer(args: argparse.Namespace, env: CliEnv) -> int:
    """Restore one revision of an answer (the service keeps the current text first)."""
    context = env.context
    result = context.responses.restore_revision(
        args.revision, author=context.author(WriterKind.RESTORE), response_id=args.rid,
        question_id=args.qid)
    if not result.changed:
        print(f"{args.qid} already holds revision {args.revision}; nothing changed")
        return 0
    kept = (f"; the previous text was kept as revision {result.revision_id}"
            if result.revision_id is not None else "")
    print(f"restored revision {args.revision} of {args.qid} (now version "
          f"{result.version}){kept}")
    return 0
