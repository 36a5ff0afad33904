"""``consultdesk team check|push|pull``: a team database on PostgreSQL."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from consultdesk.cli.env import CliEnv
from consultdesk.domain.errors import ConsultDeskError

if TYPE_CHECKING:
    from consultdesk.services.team import TransferSummary


class _NoDatabase(ConsultDeskError):
    """No team database was named."""


class _BadPassword(ConsultDeskError):
    """No password, or one that could not be kept as given."""


def register(sub: argparse._SubParsersAction) -> None:
    """Add the team commands."""
    team = sub.add_parser("team", help="a team database on PostgreSQL: test, push, pull")
    team_sub = team.add_subparsers(dest="team_command", metavar="COMMAND", required=True)

    def url_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--database", dest="team_url", metavar="URL",
                       help="the team database (default: the global --database or "
                            "$CONSULTDESK_DATABASE)")

    p = team_sub.add_parser("check", help="connect to the team database and report")
    url_option(p)
    p.set_defaults(handler=check)

    p = team_sub.add_parser("password", help="keep the team database's password in the "
                                             "system keyring (asked without echo)")
    url_option(p)
    p.add_argument("--forget", action="store_true", help="remove the kept password")
    p.set_defaults(handler=password)

    p = team_sub.add_parser("push", help="copy this data folder's responses to an empty "
                                         "team database")
    url_option(p)
    p.add_argument("--merge", action="store_true",
                   help="add to a team database that already holds responses (those it "
                        "holds are left as they are)")
    p.set_defaults(handler=push)

    p = team_sub.add_parser("pull", help="copy a team database's responses into this "
                                         "(empty) data folder, for a personal copy")
    url_option(p)
    p.add_argument("--merge", action="store_true",
                   help="add to a data folder that already holds responses")
    p.set_defaults(handler=pull)


def _url(args: argparse.Namespace, env: CliEnv) -> str:
    url = args.team_url or env.database_url
    if not url:
        raise _NoDatabase(f"team {args.team_command}: name the team database with --database "
                          "URL (e.g. postgresql://user@host:5432/consultdesk) or "
                          "$CONSULTDESK_DATABASE")
    return str(url)


def check(args: argparse.Namespace, env: CliEnv) -> int:
    """Connect and say what is there."""
    from consultdesk.app_context import team_service

    found = team_service(env.data_dir).check_connection(_url(args, env))
    print(f"connected to {found.server} as {found.role}: schema {found.schema_version}, "
          f"{found.responses} responses")
    if found.search_indexed:
        print("search: indexed (pg_trgm)")
    else:
        # Not a failure (every search still finds everything), but slow on a large team.
        print("search: a scan of every answer (slow with many responses): pg_trgm is not "
              "installed in this database and this role may not create it; ask the "
              "server's administrator to run CREATE EXTENSION pg_trgm in it, and "
              "ConsultDesk makes the index the next time it connects")
    return 0


def password(args: argparse.Namespace, env: CliEnv) -> int:
    """Keep (or forget) the password in the system keyring: a prompt without echo on a
    terminal, else one line of standard input (never an argument: it would be in the
    shell's history and the process list)."""
    from consultdesk.app_context import team_service

    url = _url(args, env)
    team = team_service(env.data_dir)
    if args.forget:
        found = team.forget_password(url)
        print("the kept password was removed" if found else "no password was kept")
        return 0
    secret = _read_password()
    if not secret:
        raise _BadPassword("team password: no password given; nothing was kept")
    account = team.remember_password(url, secret)
    print(f"kept in the system keyring for {account}")
    return 0


#: The longest password read (PostgreSQL's own limit is about 1,000 bytes); a longer
#: line (say /dev/zero, which has none) is refused after reading this much, not kept.
MAX_PASSWORD_BYTES = 4096


def _read_password() -> str:
    """The password typed at the terminal (no echo) or the first line of standard input."""
    stdin = sys.stdin
    if stdin is None or stdin.closed:  # started with stdin closed (``<&-``)
        raise _BadPassword("team password: no password given; nothing was kept")
    if stdin.isatty():
        import getpass

        try:
            return _usable_password(getpass.getpass("password: ").encode("utf-8",
                                                                         "surrogateescape"))
        except EOFError:
            return ""
        except UnicodeDecodeError:  # getpass reads the terminal strictly as UTF-8
            raise _BadPassword("team password: the password is not UTF-8 text; nothing was "
                               "kept") from None
    buffer = getattr(stdin, "buffer", None)
    line = (buffer.readline(MAX_PASSWORD_BYTES + 1) if buffer is not None
            else stdin.readline(MAX_PASSWORD_BYTES + 1).encode("utf-8", "surrogateescape"))
    return _usable_password(line.rstrip(b"\r\n"))


def _usable_password(raw: bytes) -> str:
    """The password as text, refused when libpq could not send it as it was given."""
    if len(raw) > MAX_PASSWORD_BYTES:
        raise _BadPassword("team password: the password is longer than {limit} bytes; "
                          "nothing was kept", limit=f"{MAX_PASSWORD_BYTES:,}")
    if b"\0" in raw:
        raise _BadPassword("team password: the password holds a NUL character, which a "
                          "server cannot receive; nothing was kept")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _BadPassword("team password: the password is not UTF-8 text; nothing was "
                          "kept") from None


def _report(verb: str, summary: TransferSummary) -> None:
    figures = ", ".join(f"{n} {name}" for name, n in summary.copied.items())
    print(f"{verb} {summary.source} -> {summary.destination}: {figures} (counts checked)")
    if summary.skipped_responses:
        print(f"left as they were (already there): {', '.join(summary.skipped_responses)}",
              file=sys.stderr)


def push(args: argparse.Namespace, env: CliEnv) -> int:
    """Copy the local data folder into the team database."""
    from consultdesk.app_context import team_service

    _report("copied", team_service(env.data_dir).push(_url(args, env), merge=args.merge))
    return 0


def pull(args: argparse.Namespace, env: CliEnv) -> int:
    """Copy the team database into the local data folder."""
    from consultdesk.app_context import team_service

    _report("copied", team_service(env.data_dir).pull(_url(args, env), merge=args.merge))
    return 0
