"""The desktop app's settings store: ``QSettings``, in the platform's usual place.

Kept where round 1 kept them, so a user's language, window sizes and export choices
survive the upgrade.  The typed accessors are ``consultdesk.services.settings.Settings``.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from consultdesk.services.settings import Settings, Value


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
    """The settings object on QSettings (the user's, or the one given, e.g. an INI file)."""
    return Settings(QtSettingsStore(settings))
