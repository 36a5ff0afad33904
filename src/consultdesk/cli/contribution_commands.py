"""``consultdesk contributor add|contributors|assign|request|remind|receive|contributions|merge``."""

from __future__ import annotations

import argparse
import tempfile
from datetime import date
from pathlib import Path

from consultdesk.cli.env import CliEnv
from consultdesk.cli.output import print_json, print_table
from consultdesk.domain.errors import AnswerError

EXIT_OK = 0
EXIT_PROBLEM = 1


def _date(text: str) -> date:
    """A YYYY-MM-DD date for argparse (its error becomes the one-line usage error)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _positive(text: str) -> int:
    """A positive whole number for argparse."""
    if not text.isdigit() or int(text) <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def register(sub: argparse._SubParsersAction) -> None:
    """Add the contribution commands."""
    p = sub.add_parser("contributor", help="manage the contributors (ministries, agencies)")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True,
                               parser_class=type(p))
    a = actions.add_parser("add", help="add or update a contributor")
    a.add_argument("tag", metavar="TAG", help="a short tag, e.g. NPA")
    a.add_argument("--name", default="", help="the full name, e.g. National Police Agency")
    a.add_argument("--contact", default="", help="the contact person")
    a.add_argument("--email", default="", help="the contact's e-mail address")
    a.set_defaults(handler=add_contributor)

    p = sub.add_parser("contributors", help="list the contributors")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=list_contributors)

    p = sub.add_parser("assign", help="give questions (or block entries) to a contributor")
    p.add_argument("rid", metavar="RID")
    p.add_argument("items", metavar="QID", nargs="+",
                   help="question ids; a block entry as measures[2], a new one as measures[+]")
    p.add_argument("--to", required=True, metavar="TAG")
    p.add_argument("--due", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--share", type=_positive, metavar="N",
                   help="the contributor's share of the limit, in the limit's unit")
    p.add_argument("--note", default="", metavar="TEXT", help="a note shown in the request")
    p.set_defaults(handler=assign)

    p = sub.add_parser("request", help="write the Word request for one contributor")
    p.add_argument("rid", metavar="RID")
    p.add_argument("--to", required=True, metavar="TAG")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.docx")
    p.add_argument("--include-draft", action="store_true",
                   help="show the current draft of each question, for reference")
    p.add_argument("--template", type=Path, metavar="T.docx", help="a Word template to use")
    p.add_argument("--eml", type=Path, metavar="FILE.eml",
                   help="also write an e-mail draft with the request attached")
    p.set_defaults(handler=write_request)

    p = sub.add_parser("remind", help="write reminder e-mail drafts for overdue requests")
    p.add_argument("rid", metavar="RID")
    p.add_argument("-o", "--output", type=Path, required=True, metavar="DIR",
                   help="the folder to write one .eml (with its request) per contributor in")
    p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(handler=remind)

    p = sub.add_parser("receive", help="receive a contributor's returned Word request")
    p.add_argument("file", type=Path, metavar="FILE.docx")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=receive)

    p = sub.add_parser("contributions", help="list a response's assignments and replies")
    p.add_argument("rid", metavar="RID")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(handler=list_contributions)

    p = sub.add_parser("merge", help="merge a received contribution into its answer")
    p.add_argument("rid", metavar="RID")
    p.add_argument("contribution", type=_positive, metavar="CONTRIBUTION_ID")
    p.add_argument("--replace", action="store_true",
                   help="replace the answer with it (default: append it)")
    p.set_defaults(handler=merge)


def add_contributor(args: argparse.Namespace, env: CliEnv) -> int:
    """Add or update one contributor."""
    c, new = env.context.contributions.add_contributor(args.tag, args.name, args.contact,
                                                       args.email)
    print(f"{'added' if new else 'updated'} {c.display}")
    return EXIT_OK


def list_contributors(args: argparse.Namespace, env: CliEnv) -> int:
    """Print the contributors."""
    people = env.context.contributions.contributors()
    if args.json:
        print_json([{"tag": c.tag, "name": c.name, "contact": c.contact, "email": c.email}
                    for c in people])
    else:
        print_table(["TAG", "NAME", "CONTACT", "E-MAIL"],
                    [(c.tag, c.name, c.contact, c.email) for c in people])
    return EXIT_OK


def assign(args: argparse.Namespace, env: CliEnv) -> int:
    """Give items to a contributor."""
    ids = env.context.contributions.assign(args.rid, args.items, args.to, due=args.due,
                                           share=args.share, note=args.note)
    print(f"assigned {len(ids)} item{'s' if len(ids) != 1 else ''} to {args.to}")
    return EXIT_OK


def write_request(args: argparse.Namespace, env: CliEnv) -> int:
    """Write the request (and, with --eml, the e-mail draft)."""
    service = env.context.contributions
    if args.eml is not None and args.eml.suffix.lower() != ".eml":
        raise AnswerError("{name}: an e-mail draft's file name must end in .eml",
                          name=args.eml.name)
    path = service.write_request(args.rid, args.to, args.output,
                                 include_draft=args.include_draft, template=args.template)
    print(f"wrote {path}")
    if args.eml is not None:
        print(f"wrote {service.email_draft(args.rid, args.to, path, args.eml)}")
    return EXIT_OK


def remind(args: argparse.Namespace, env: CliEnv) -> int:
    """One reminder draft per contributor with overdue requests."""
    service = env.context.contributions
    if not args.output.is_dir():
        raise AnswerError("{path} is not a folder", path=args.output)
    late = service.overdue(args.rid, args.today)
    if not late:
        print("no request is overdue")
        return EXIT_OK
    for tag in late:
        with tempfile.TemporaryDirectory() as scratch:
            docx = service.write_request(args.rid, tag, Path(scratch) / f"Request {tag}.docx")
            eml = service.email_draft(args.rid, tag, docx,
                                      args.output / f"reminder-{tag}.eml", reminder=True)
        print(f"wrote {eml}")
    return EXIT_OK


def receive(args: argparse.Namespace, env: CliEnv) -> int:
    """Receive a returned request; exit 1 when some questions could not be found."""
    result = env.context.contributions.receive(args.file)
    if args.json:
        print_json(result.as_json())
    else:
        for row in result.added:
            count = f"{row.count.value:,}" if row.count else "-"
            limit = f" / {row.count.limit.amount:,}" if row.count and row.count.limit else ""
            print(f"received {row.item.key} from {row.contributor.tag}: {count}{limit} "
                  f"(contribution {row.contribution.id if row.contribution else '-'})")
        for key in result.unchanged:
            print(f"already received: {key}")
        for key in result.empty:
            print(f"left empty: {key}")
        for key in result.missing:
            print(f"not found in the file: {key}")
        for note in result.notes:
            print(f"note: {note}")
    return EXIT_PROBLEM if result.missing else EXIT_OK


def list_contributions(args: argparse.Namespace, env: CliEnv) -> int:
    """Print the board of a response."""
    rows = env.context.contributions.board(args.rid, args.today)
    if args.json:
        print_json([r.as_json() for r in rows])
        return EXIT_OK
    table = []
    for r in rows:
        status = r.status.value + (" (overdue)" if r.overdue else "")
        count = f"{r.count.value:,}" if r.count else ""
        table.append((r.contribution.id if r.contribution else "", r.item.key,
                      r.contributor.tag, status, r.due.isoformat() if r.due else "", count))
    print_table(["ID", "QUESTION", "CONTRIBUTOR", "STATUS", "DUE", "COUNT"], table)
    return EXIT_OK


def merge(args: argparse.Namespace, env: CliEnv) -> int:
    """Merge one contribution (append by default)."""
    # Here, not at the top: the domain's merging loads the Markdown parser, which building
    # the parser for every other command must not pay for.
    from consultdesk.domain.contributions import MergeMode

    service = env.context.contributions
    rows = {r.contribution.id: r for r in service.board(args.rid)
            if r.contribution is not None}
    history = {h.id for r in service.board(args.rid) for h in r.history}
    if args.contribution not in rows and args.contribution not in history:
        raise AnswerError("response {rid!r} has no contribution {cid}", rid=args.rid,
                          cid=args.contribution)
    result = service.merge(args.contribution,
                           MergeMode.REPLACE if args.replace else MergeMode.APPEND)
    print(f"merged contribution {result.contribution_id} into {result.question_id}")
    return EXIT_OK
