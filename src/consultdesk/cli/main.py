"""Entry point of the ``consultdesk`` command: parses arguments and dispatches.

Each command group lives in its own module with a ``register(subparsers)``
function; handlers receive the parsed arguments and a :class:`CliEnv`, and
return an exit code.  Exit codes: 0 success, 1 a check found a problem, 2 bad
usage or bad input (one line on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from consultdesk import __version__
from consultdesk.cli.arguments import path_arg
from consultdesk.cli.env import CliEnv
from consultdesk.cli.output import TerminalSafeStream
from consultdesk.domain.errors import ConsultDeskError
from consultdesk.paths import DATA_DIR_ENV, DATABASE_ENV
from consultdesk.services.errors import os_error_text, print_error

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_USAGE = 2


class UsageError(ConsultDeskError):
    """The command line itself is wrong."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, exit 2."""

    def error(self, message: str) -> NoReturn:
        # "consultdesk export: ..." for a subcommand; plain message for the top level.
        where = self.prog.removeprefix("consultdesk").strip()
        raise UsageError(f"{where}: {message}" if where else message)


def _command_modules() -> list[Callable[[argparse._SubParsersAction], None]]:
    """The ``register`` functions of every command group, in help order."""
    from consultdesk.cli import (
        contribution_commands,
        export_commands,
        gui_commands,
        history_commands,
        questionnaire_commands,
        repair_commands,
        response_commands,
        response_import_commands,
        search_commands,
        team_commands,
    )

    return [
        questionnaire_commands.register,
        response_commands.register,
        response_import_commands.register,
        history_commands.register,
        export_commands.register,
        search_commands.register,
        team_commands.register,
        contribution_commands.register,
        repair_commands.register,
        gui_commands.register,
    ]


#: Each command -> the module that registers it, so that a run builds only its own
#: command's parser (importing and registering every command module costs ~50 ms, more
#: than the rest of a quick command).  A command missing here still works (the full
#: parser is built); tests/cli/test_startup_imports.py checks this map is complete.
_COMMAND_MODULE: dict[str, str] = {
    **dict.fromkeys(("questionnaire", "questionnaires"), "questionnaire_commands"),
    **dict.fromkeys(("backup", "new", "responses", "restore", "set", "show"),
                    "response_commands"),
    "response": "response_import_commands",
    **dict.fromkeys(("history", "restore-answer"), "history_commands"),
    **dict.fromkeys(("check", "export"), "export_commands"),
    "search": "search_commands",
    "team": "team_commands",
    **dict.fromkeys(("assign", "contributions", "contributor", "contributors", "merge",
                     "receive", "remind", "request"), "contribution_commands"),
    "repair": "repair_commands",
    "open": "gui_commands",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: every command's, or (given a known ``command``) that one's."""
    parser = _Parser(
        prog="consultdesk",
        description="Answer questionnaires from international bodies, within every limit.",
    )
    parser.add_argument("--version", action="version", version=f"consultdesk {__version__}")
    parser.add_argument(
        "--data-dir",
        type=path_arg,
        default=None,
        help=f"where drafts are kept (default: ${DATA_DIR_ENV} or the user data dir)",
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        default=None,
        help=(f"a team database on PostgreSQL, e.g. postgresql://user@host:5432/consultdesk "
              f"(default: ${DATABASE_ENV}, else the team database chosen in the app's "
              'Preferences; without one, or with --database "", the SQLite file in the data '
              "dir). No password in the URL: use ~/.pgpass, a service file or PGPASSWORD"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    module = _COMMAND_MODULE.get(command or "")
    if module is not None:
        importlib.import_module(f"consultdesk.cli.{module}").register(sub)
    else:
        for register in _command_modules():
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    # Whatever a command prints may hold the user's text: never let it drive the terminal.
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafeStream(out), TerminalSafeStream(err)
    try:
        return _run(argv)
    finally:
        sys.stdout, sys.stderr = out, err


#: Top-level options that take a value (skipped when looking for --version).
_VALUE_OPTIONS = ("--data-dir", "--database")


def _scan(argv: Sequence[str]) -> str | None:
    """The first word after the top-level options: a command, "--version" or "--help".

    ``--version`` is answered before any parser is built (that imports command modules,
    which costs far more than printing a version), and a command gets only its own.
    """
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--version":
            return arg
        elif arg in ("-h", "--help"):
            return "--help"
        elif arg in _VALUE_OPTIONS:
            skip = True
        elif arg == "--":
            return arg  # not a command: the full parser makes sense of what follows
        elif not arg.startswith("-"):
            return arg
    return None


def _run(argv: Sequence[str] | None) -> int:
    first = _scan(sys.argv[1:] if argv is None else list(argv))
    if first == "--version":
        print(f"consultdesk {__version__}")
        return EXIT_OK
    try:
        # No command starts the desktop app: only `open`'s module is needed then; help
        # (not a command) gets every command.
        parser = build_parser("open" if first is None else first)
        args = parser.parse_args(argv)
        env = CliEnv(args.data_dir, args.database)
        try:
            handler = getattr(args, "handler", None)
            if handler is None:
                from consultdesk.cli.gui_commands import run_library

                return run_library(args, env)
            return int(handler(args, env))
        finally:
            env.close()
    except ConsultDeskError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted")
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): nothing more to say.
        return EXIT_OK
    except OSError as exc:
        _fail(os_error_text(exc))
    return EXIT_USAGE


def _fail(message: str) -> None:
    """Print one line on stderr (the whole message, flattened)."""
    print_error(message)


def entry_point() -> NoReturn:
    """The console script."""
    sys.exit(main())
