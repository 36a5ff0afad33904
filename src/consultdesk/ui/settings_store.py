"""The desktop app's settings: the user's one settings file, and the QSettings it replaces.

The app and the command line share ``settings.json`` in the config folder
(:func:`consultdesk.services.settings.user_settings`).  Rounds 1 to 3 of the app kept
its settings in ``QSettings`` (the platform's usual place): on the first start with the
file, whatever is there is copied into it once, so a user's language, window sizes,
name and export choices survive the upgrade.  :class:`QtSettingsStore` remains for
that copy and for tests that keep settings in an INI file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from consultdesk.services.settings import (
    JsonFileStore,
    Settings,
    Value,
    settings_path,
    user_settings,
)


class QtSettingsStore:
    """A :class:`~consultdesk.services.settings.SettingsStore` on a QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        # The default QSettings uses the organisation/application names set on the app.
        self.qsettings = settings if settings is not None else QSettings()

    def value(self, key: str) -> object:
        """The stored value (QByteArray given as bytes), or None."""
        value = self.qsettings.value(key)
        if isinstance(value, QByteArray):
            return bytes(value.data())
        return value

    def set_value(self, key: str, value: Value) -> None:
        """Store a value (bytes as a QByteArray, which INI files keep intact)."""
        self.qsettings.setValue(key, QByteArray(value) if isinstance(value, bytes) else value)

    def remove(self, key: str) -> None:
        """Forget a key."""
        self.qsettings.remove(key)

    def sync(self) -> None:
        """Write to disk now."""
        self.qsettings.sync()


def qt_settings(settings: QSettings | None = None) -> Settings:
    """The settings object on QSettings (the one given, e.g. an INI file in a test)."""
    return Settings(QtSettingsStore(settings))


def app_settings(config_dir: Path | None = None, old: QSettings | None = None) -> Settings:
    """The user's settings file, filled once from the app's old QSettings store (``old``,
    by default the platform's) when the file does not exist yet."""
    path = settings_path(config_dir)
    if not path.exists():
        _copy_old_settings(QtSettingsStore(old), JsonFileStore(path))
    return user_settings(config_dir)


def _copy_old_settings(old: QtSettingsStore, new: JsonFileStore) -> None:
    """Every key of the old store, as a value the new one keeps (nothing when it is empty)."""
    for key in old.qsettings.allKeys():
        value = old.value(key)
        if isinstance(value, bytes | str | bool | int):
            new.set_value(key, value)
        elif isinstance(value, list | tuple):
            new.set_value(key, [str(v) for v in value])
    new.sync()
