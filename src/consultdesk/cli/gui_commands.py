"""``consultdesk`` (no command) and ``consultdesk open RID``: start the desktop app."""

from __future__ import annotations

import argparse

from consultdesk.cli.env import CliEnv
from consultdesk.domain.errors import ConsultDeskError


def register(sub: argparse._SubParsersAction) -> None:
    """Add ``open RID``."""
    p = sub.add_parser("open", help="open a response in the desktop app")
    p.add_argument("rid", metavar="RID")
    p.set_defaults(handler=run_library)


def run_library(args: argparse.Namespace, env: CliEnv) -> int:
    """Start the GUI on the data dir (optionally opening one response)."""
    try:
        from consultdesk.ui.application import run_gui
    except ImportError as exc:  # Qt missing or its system libraries absent
        raise ConsultDeskError(
            "the desktop app cannot start: {exc}",
            exc=exc) from None
    from consultdesk.launcher import Launcher

    # Only a URL given here: the app reads Preferences' team database itself, so one
    # changed there while it runs is the one it reconnects to.
    return run_gui(Launcher(env.data_dir, env.explicit_database_url), getattr(args, "rid", None))
