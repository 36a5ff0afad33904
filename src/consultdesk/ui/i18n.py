"""Choosing the UI language and loading ConsultDesk's and Qt's own translations."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from consultdesk.services.bundle import resources_dir

#: Languages the UI ships in: code -> name shown in its own language (never translated).
LANGUAGES: dict[str, str] = {"en": "English", "ja": "日本語"}

#: The Preferences value meaning "follow the system locale".
SYSTEM = "system"


def translations_dir() -> str:
    """The folder holding ``consultdesk_<lang>.qm``."""
    return str(resources_dir() / "translations")


def resolve_language(preference: str | None, system_locale: QLocale | None = None) -> str:
    """The language to use: the override if it is shipped, else the system's, else English."""
    if preference and preference != SYSTEM and preference in LANGUAGES:
        return preference
    locale = system_locale or QLocale.system()
    for name in [locale.name(), *locale.uiLanguages()]:
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


class Translations:
    """The translators installed on the application for one language (removable in tests)."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> bool:
        """Load ConsultDesk's and Qt's catalogues for ``language``; False if ours is missing."""
        self.remove()
        self.language = language
        app = QCoreApplication.instance()
        ours = QTranslator()
        # English ships a small catalogue too: only the plural forms ("1 day", "3 days").
        found = ours.load(f"consultdesk_{language}", translations_dir())
        if found:
            self._installed.append(ours)
        qt_own = QTranslator()
        # Qt's own strings: the buttons of standard dialogs (OK, Cancel, Yes...).
        if language != "en" and qt_own.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._installed.append(qt_own)
        if app is not None:
            for translator in self._installed:
                app.installTranslator(translator)
        # Dates and numbers follow the system's regional settings unless the language differs.
        system = QLocale.system()
        if resolve_language(None, system) != language:
            QLocale.setDefault(QLocale(language))
        else:
            QLocale.setDefault(system)
        return found

    def remove(self) -> None:
        """Uninstall whatever this object installed."""
        app = QCoreApplication.instance()
        if app is not None:
            for translator in self._installed:
                app.removeTranslator(translator)
        self._installed.clear()
        QLocale.setDefault(QLocale.system())


def listed(words: list[str]) -> str:
    """"Sato and Tanaka", "question 2, question 4, and question 5" as the interface's
    locale lists words (「Sato、Tanaka」 in Japanese); without regional settings (the C
    locale) as English does."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        locale = QLocale(QLocale.Language.English)
    return locale.createSeparatedList(words)
