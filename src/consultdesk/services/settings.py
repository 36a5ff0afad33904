"""The one settings object: preferences, window state and export choices, with typed accessors.

Qt-free, so services, the CLI and tests can use it; where the values are kept is a
:class:`SettingsStore`.  The user's settings are ONE file, ``settings.json`` in the
config folder (``$CONSULTDESK_CONFIG_DIR``, else the platform's user config dir), read
by the desktop app and the command line alike (:func:`user_settings`), so the name set
in Preferences is the author of CLI writes and the team database chosen there is the
CLI's too.  Tests use a :class:`MemoryStore`, a temporary file, or (for the app's old
store) ``ui/settings_store.py``'s QSettings store.  Nothing else reads or writes settings.

Every accessor tolerates what a hand-edited or older file may hold (a wrong type, an
unknown choice): it falls back to the default rather than failing.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from consultdesk.paths import default_config_dir

#: A value a store can keep.
Value = str | int | bool | bytes | list[str]

#: The ``language`` and ``appearance`` value meaning "follow the system".
SYSTEM = "system"
APPEARANCES = (SYSTEM, "light", "dark")
#: How many templates, exported files and per-response positions are remembered.
RECENT_TEMPLATES = 5
RECENT_EXPORTS = 10
LAST_QUESTIONS = 200


class SettingsStore(Protocol):
    """Where settings are kept: a flat map of ``group/name`` keys to simple values."""

    def value(self, key: str) -> object:
        """The stored value, or None when there is none."""

    def set_value(self, key: str, value: Value) -> None:
        """Store a value."""

    def remove(self, key: str) -> None:
        """Forget a key."""

    def sync(self) -> None:
        """Write what was stored to disk now (if the store has a disk)."""


class MemoryStore:
    """Settings kept in memory only (the CLI, and tests that need no file)."""

    def __init__(self, values: dict[str, Value] | None = None) -> None:
        self.values: dict[str, Value] = dict(values or {})

    def value(self, key: str) -> object:
        """The stored value, or None."""
        return self.values.get(key)

    def set_value(self, key: str, value: Value) -> None:
        """Store a value."""
        self.values[key] = list(value) if isinstance(value, list) else value

    def remove(self, key: str) -> None:
        """Forget a key."""
        self.values.pop(key, None)

    def sync(self) -> None:
        """Nothing to write."""


#: A settings file is a few KiB (window geometry, recent files); one far larger is not one.
MAX_SETTINGS_BYTES = 4 * 1024 * 1024


class JsonFileStore(MemoryStore):
    """Settings in a JSON file (bytes kept as base64); an unreadable file reads as empty.

    Two programs may hold the file at once (the app and a command, two windows on two
    data folders): :meth:`sync` writes only the keys this store changed, over what the
    file holds by then, so one never undoes the other's settings.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._unreadable = False
        self.values = self._read()
        self._changed: set[str] = set()

    def _read(self) -> dict[str, Value]:
        from consultdesk.domain.errors import ConsultDeskError
        from consultdesk.domain.files import read_capped

        try:
            # Capped and never waiting: a FIFO or /dev/zero put there must not hang or
            # fill the memory of every command (the whole file was read, or waited on).
            raw = json.loads(read_capped(self.path, MAX_SETTINGS_BYTES, ConsultDeskError,
                                         "a settings file").decode("utf-8"))
        except (ConsultDeskError, ValueError, RecursionError):
            raw = {}
            # Missing is normal; present but unreadable (damaged, not JSON) is kept aside by
            # the next sync, so rewriting the file never throws away what it held.
            self._unreadable = self.path.is_file()
        else:
            self._unreadable = False
        values: dict[str, Value] = {}
        for key, value in raw.items() if isinstance(raw, dict) else ():
            if isinstance(value, dict) and isinstance(value.get("base64"), str):
                try:
                    values[key] = base64.b64decode(value["base64"])
                except ValueError:
                    continue
            elif isinstance(value, list):
                values[key] = [v for v in value if isinstance(v, str)]
            elif isinstance(value, str | int | bool):
                values[key] = value
        return values

    def set_value(self, key: str, value: Value) -> None:
        """Store a value (written by the next :meth:`sync`)."""
        super().set_value(key, value)
        self._changed.add(key)

    def remove(self, key: str) -> None:
        """Forget a key (in the file too, at the next :meth:`sync`)."""
        super().remove(key)
        self._changed.add(key)

    def sync(self) -> None:
        """Write this store's changes into the file, atomically (a crash leaves the old one)."""
        if not self._changed:
            return
        merged = self._read()
        if self._unreadable:
            self._keep_aside()
        for key in self._changed:
            if key in self.values:
                merged[key] = self.values[key]
            else:
                merged.pop(key, None)
        data = {k: {"base64": base64.b64encode(v).decode()} if isinstance(v, bytes) else v
                for k, v in sorted(merged.items())}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        import tempfile  # here: most runs of the CLI read settings and never write them

        # A name of its own: two programs syncing at once must not share a partial file.
        handle, partial = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name + ".",
                                           suffix=".partial")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as f:
                f.write(json.dumps(data, ensure_ascii=False, indent=1))
            os.replace(partial, self.path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        self.values = {**merged}
        self._changed.clear()


    def _keep_aside(self) -> None:
        """Move an unreadable settings file to a name of its own before it is replaced."""
        import time

        aside = self.path.with_name(f"{self.path.name}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)
        except OSError:
            pass  # then it is replaced as before: settings must never stop a save


#: The user's settings file, in the config folder.
SETTINGS_FILE = "settings.json"


def settings_path(config_dir: Path | None = None) -> Path:
    """Where the user's settings are kept (``config_dir`` or the default config folder)."""
    return (config_dir if config_dir is not None else default_config_dir()) / SETTINGS_FILE


def user_settings(config_dir: Path | None = None) -> Settings:
    """The user's settings, as both the app and the command line read and write them."""
    return Settings(JsonFileStore(settings_path(config_dir)))


def _text(value: object, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _texts(value: object) -> list[str]:
    """A list of strings (an INI file gives a plain str for a list of one)."""
    if isinstance(value, str):
        return [value] if value else []
    if isinstance(value, list | tuple):
        return [v for v in value if isinstance(v, str) and v]
    return []


def _flag(value: object, default: bool = False) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"  # an INI file gives "true"/"false"
    return default


def _number(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        try:
            return int(value)
        except ValueError:
            return None
    return None


def _blob(value: object) -> bytes | None:
    return bytes(value) if isinstance(value, bytes | bytearray) and value else None


def _recent(first: str, others: Iterable[str], keep: int) -> list[str]:
    """``first`` then the others without it, at most ``keep``."""
    return [first, *[o for o in others if o != first]][:keep]


class Settings:
    """Typed access to every setting of the user (one object, injected by the front end)."""

    def __init__(self, store: SettingsStore | None = None) -> None:
        self.store: SettingsStore = store if store is not None else MemoryStore()

    def _set_text(self, key: str, value: str) -> None:
        self.store.set_value(key, value)

    def sync(self) -> None:
        """Write the settings to disk now (OSError when the folder cannot be written)."""
        self.store.sync()

    def save(self) -> bool:
        """Write the settings now, as :meth:`sync`; False when the folder cannot be written
        (a read-only profile, a full disk), the file left as it was.  For what only makes
        the next start nicer (window sizes, the remembered appearance), which must never
        stop the app; the values stay for this session."""
        try:
            self.sync()
        except OSError:
            return False
        return True

    # -- general ----------------------------------------------------------------------
    @property
    def language(self) -> str:
        """``system`` or a language code (the ui checks it is one it ships)."""
        return _text(self.store.value("ui/language"), SYSTEM) or SYSTEM

    @language.setter
    def language(self, value: str) -> None:
        self._set_text("ui/language", value)

    @property
    def appearance(self) -> str:
        """``system``, ``light`` or ``dark``."""
        value = _text(self.store.value("ui/appearance"), SYSTEM)
        return value if value in APPEARANCES else SYSTEM

    @appearance.setter
    def appearance(self, value: str) -> None:
        self._set_text("ui/appearance", value)

    @property
    def system_dark(self) -> bool | None:
        """Whether the desktop was dark when the app last asked (None: it never did); the
        app's first paint follows it, and the desktop is asked just after."""
        value = self.store.value("ui/system_dark")
        said = _flag(value, True) == _flag(value, False)  # true or false, not missing or junk
        return _flag(value) if said else None

    @system_dark.setter
    def system_dark(self, value: bool) -> None:
        self.store.set_value("ui/system_dark", bool(value))

    @property
    def user_name(self) -> str:
        """The user's name, recorded as the author of what they write; may be empty."""
        return _text(self.store.value("user/name")).strip()

    @user_name.setter
    def user_name(self, value: str) -> None:
        self._set_text("user/name", value.strip())

    @property
    def contributor(self) -> str:
        """The tag put on answers this user writes (e.g. a division's name); may be empty."""
        return _text(self.store.value("editing/contributor")).strip()

    @contributor.setter
    def contributor(self, value: str) -> None:
        self._set_text("editing/contributor", value.strip())

    @property
    def team_database_url(self) -> str:
        """The shared team database to work on (empty: the local data folder)."""
        return _text(self.store.value("team/database_url")).strip()

    @team_database_url.setter
    def team_database_url(self, value: str) -> None:
        self._set_text("team/database_url", value.strip())

    # -- folders ----------------------------------------------------------------------
    @property
    def export_folder(self) -> str:
        """Where export dialogs start (empty: the user's documents folder)."""
        return _text(self.store.value("export/folder"))

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self._set_text("export/folder", value)

    @property
    def import_folder(self) -> str:
        """Where the Import questionnaire dialog starts (the last folder used)."""
        return _text(self.store.value("library/import_folder"))

    @import_folder.setter
    def import_folder(self, value: str) -> None:
        self._set_text("library/import_folder", value)

    @property
    def last_folder(self) -> str:
        """The last folder any other file dialog was in (backups, answers files)."""
        return _text(self.store.value("files/last_folder"))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._set_text("files/last_folder", value)

    # -- export choices ---------------------------------------------------------------
    @property
    def export_template(self) -> str:
        """The Word template last chosen (empty: the default layout)."""
        return _text(self.store.value("export/template"))

    @export_template.setter
    def export_template(self, value: str) -> None:
        self._set_text("export/template", value)

    @property
    def recent_templates(self) -> list[str]:
        """Templates chosen before, most recent first."""
        return _texts(self.store.value("export/recent_templates"))[:RECENT_TEMPLATES]

    @recent_templates.setter
    def recent_templates(self, paths: list[str]) -> None:
        if paths:
            self.store.set_value("export/recent_templates", list(paths)[:RECENT_TEMPLATES])
        else:
            self.store.remove("export/recent_templates")

    def export_choice(self, name: str) -> str:
        """A remembered export choice (``unanswered``, ``choices``, ``blocks``); "" if none."""
        return _text(self.store.value(f"export/{name}"))

    def set_export_choice(self, name: str, value: str) -> None:
        """Remember an export choice (the value of its option's enum)."""
        self._set_text(f"export/{name}", value)

    @property
    def export_annex(self) -> bool:
        """Whether exports add the annex of answer lengths."""
        return _flag(self.store.value("export/annex"))

    @export_annex.setter
    def export_annex(self, value: bool) -> None:
        self.store.set_value("export/annex", bool(value))

    @property
    def recent_exports(self) -> list[str]:
        """Word files exported, most recent first."""
        return _texts(self.store.value("export/recent"))[:RECENT_EXPORTS]

    def add_recent_export(self, path: Path | str) -> None:
        """Put a just exported file first in :attr:`recent_exports`."""
        self.store.set_value("export/recent",
                             _recent(str(path), self.recent_exports, RECENT_EXPORTS))

    # -- windows ----------------------------------------------------------------------
    def window_geometry(self, window: str) -> bytes | None:
        """A window's saved geometry (Qt's ``saveGeometry``), None before the first close."""
        return _blob(self.store.value(f"{window}/geometry"))

    def set_window_geometry(self, window: str, geometry: bytes) -> None:
        """Remember a window's geometry."""
        self.store.set_value(f"{window}/geometry", bytes(geometry))

    def window_state(self, window: str) -> bytes | None:
        """A main window's toolbars and docks (Qt's ``saveState``)."""
        return _blob(self.store.value(f"{window}/state"))

    def set_window_state(self, window: str, state: bytes) -> None:
        """Remember a main window's toolbars and docks."""
        self.store.set_value(f"{window}/state", bytes(state))

    def splitter_state(self, window: str, splitter: str = "splitter") -> bytes | None:
        """A splitter's sizes in a window (Qt's ``QSplitter.saveState``)."""
        return _blob(self.store.value(f"{window}/{splitter}"))

    def set_splitter_state(self, window: str, state: bytes, splitter: str = "splitter") -> None:
        """Remember a splitter's sizes."""
        self.store.set_value(f"{window}/{splitter}", bytes(state))

    def library_sort(self) -> tuple[int, int] | None:
        """The library's sort column and Qt sort order, None before it was ever sorted."""
        column = _number(self.store.value("library/sort_column"))
        order = _number(self.store.value("library/sort_order"))
        return (column, order) if column is not None and order in (0, 1) else None

    def set_library_sort(self, column: int, order: int) -> None:
        """Remember the library's sort column and order (0 ascending, 1 descending)."""
        self.store.set_value("library/sort_column", int(column))
        self.store.set_value("library/sort_order", int(order))

    def last_question(self, response_id: str) -> str | None:
        """The question last open in a response's window, if remembered."""
        for entry in _texts(self.store.value("responses/last_question")):
            rid, _, qid = entry.partition("\t")
            if rid == response_id and qid:
                return qid
        return None

    def set_last_question(self, response_id: str, question_id: str) -> None:
        """Remember the question open in a response's window (the last few hundred kept)."""
        entries = [e for e in _texts(self.store.value("responses/last_question"))
                   if e.partition("\t")[0] != response_id]
        self.store.set_value("responses/last_question",
                             [f"{response_id}\t{question_id}", *entries][:LAST_QUESTIONS])
