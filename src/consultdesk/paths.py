"""Finding the bundled ``templates/`` and ``resources/`` folders, and the data dir.

They sit at the top of the repository, and must be found in three situations:
running from the source tree, installed from a wheel (the build copies them into
``consultdesk/_data/``), and frozen by PyInstaller (next to the executable, in
``sys._MEIPASS``).  This is the one module that knows.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ConsultDesk"
DATA_DIR_ENV = "CONSULTDESK_DATA_DIR"
#: A team database URL (postgresql://user@host/db) used when --database is not given.
DATABASE_ENV = "CONSULTDESK_DATABASE"
#: Where the user's settings are kept (the app's and the CLI's one file); tests point it
#: at a temporary folder.
CONFIG_DIR_ENV = "CONSULTDESK_CONFIG_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(name: str) -> list[Path]:
    """Where a bundled folder may be, most specific first."""
    found: list[Path] = []
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / name)
    found.append(_PACKAGE_DIR / "_data" / name)  # installed from a wheel
    found.append(_PACKAGE_DIR.parent.parent / name)  # source tree: src/consultdesk -> repo
    return found


def bundled_dir(name: str) -> Path:
    """The bundled folder ``templates`` or ``resources`` (FileNotFoundError if missing)."""
    for path in _candidates(name):
        if path.is_dir():
            return path
    raise FileNotFoundError(f"the bundled '{name}' folder is missing from this installation")


def templates_dir() -> Path:
    """The bundled ``templates/`` folder (questionnaires, Word templates)."""
    return bundled_dir("templates")


def resources_dir() -> Path:
    """The bundled ``resources/`` folder (icons, translations)."""
    return bundled_dir("resources")


def default_data_dir() -> Path:
    """The data dir: ``$CONSULTDESK_DATA_DIR`` or the platform's user data dir."""
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no data dir is given: --version needs none

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_dir() -> Path:
    """The settings folder: ``$CONSULTDESK_CONFIG_DIR`` or the platform's user config dir."""
    env = os.environ.get(CONFIG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
