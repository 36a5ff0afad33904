"""``consultdesk repair RID``: repair a response whose stored data cannot be read."""

from __future__ import annotations

import argparse
import sys

from consultdesk.cli.env import CliEnv


def register(sub: argparse._SubParsersAction) -> None:
    """Add the repair command."""
    p = sub.add_parser("repair", help="repair a response that cannot be read (a backup is "
                                      "taken first)")
    p.add_argument("rid", metavar="RID")
    p.set_defaults(handler=repair_response)


def repair_response(args: argparse.Namespace, env: CliEnv) -> int:
    """Back up the database, then repair the response; say what was done."""
    context = env.context
    if not context.responses.repair_check(args.rid):
        print(f"the response {args.rid} needed no repair", file=sys.stderr)
        return 0
    # Every value as it was stays in this copy, whatever the repair replaces.
    copy = context.maintenance.backup_to(context.maintenance.repair_backup_path())
    done = context.responses.repair(args.rid)
    for line in done:
        print(f"repaired: {line}")
    print(f"the database as it was before the repair is kept in {copy}", file=sys.stderr)
    return 0
