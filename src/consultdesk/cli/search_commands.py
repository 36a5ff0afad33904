"""``consultdesk search TEXT [--json] [--bin] [--limit N]``."""

from __future__ import annotations

import argparse

from consultdesk.cli.env import CliEnv
from consultdesk.cli.output import print_json


def register(sub: argparse._SubParsersAction) -> None:
    """Add the search command."""
    p = sub.add_parser(
        "search", help="find text in every answer of every response",
        description='Every word must occur (inside words too: Japanese works); "quote" a '
                    "phrase. Prints the best hits first, with the text around each.")
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--bin", action="store_true", help="search the responses in the bin too")
    p.add_argument("--limit", type=_positive, default=50, metavar="N",
                   help="show at most N hits (default 50)")
    p.set_defaults(handler=search)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def search(args: argparse.Namespace, env: CliEnv) -> int:
    """Print the hits (exit 0 even when there are none: an empty list is an answer)."""
    results = env.context.search.search(" ".join(args.text), include_bin=args.bin,
                                        limit=args.limit)
    if args.json:
        print_json([r.as_json(with_bin=args.bin) for r in results])
        return 0
    for r in results:
        where = f"{r.response_id}  {r.response_title}  Q{r.question_number or r.question_id}"
        binned = "  (in the bin)" if r.in_bin else ""
        marked = (r.snippet[:r.hit_start] + "[" + r.snippet[r.hit_start:r.hit_end] + "]"
                  + r.snippet[r.hit_end:])
        print(f"{where}{binned}\n    {marked}")
    return 0
