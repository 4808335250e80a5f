"""The interface language: Vietnamese or English, chosen, installed and switched live.

The source texts are English; ``resources/i18n/meeting_app_vi.ts`` (compiled to ``.qm``)
holds the Vietnamese. The choice is the setting ``language`` ("vi", "en" or "system");
"system" (or nothing) follows the system locale: Vietnamese there, English elsewhere.

Switching while windows are open installs the new translators, sets the default locale
(dates, times and numbers follow it) and then asks every open window to show its texts in
the new language (:mod:`meeting_app.ui.retranslate`), keeping everything else as it is.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QSettings, QTranslator, Signal

from meeting_app.ui.resource_paths import resource_path

log = logging.getLogger(__name__)

SETTING = "language"
"""The QSettings key: "vi", "en" or "system"."""
LANGUAGES = ("vi", "en")
SYSTEM = "system"
NATIVE_NAMES = {"vi": "Tiếng Việt", "en": "English"}
"""Each language named in itself (so anyone finds their own in the menu)."""
# English as written in Britain: day before month and a 24-hour clock, as officials
# reading either language expect; numbers take the English separators (1,234.5).
LOCALES = {"vi": QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}


def translations_dir() -> Path:
    """Where the ``.ts`` sources and the compiled ``.qm`` files live."""
    return resource_path("i18n")


def system_language(locale: QLocale | None = None) -> str:
    """The language the system locale asks for: "vi" for Vietnamese, else "en"."""
    locale = locale or QLocale.system()
    return "vi" if locale.language() == QLocale.Language.Vietnamese else "en"


def saved_choice(settings: QSettings | None = None) -> str:
    """The saved choice: "vi", "en" or "system" (also when nothing valid is saved)."""
    value = str((settings or QSettings()).value(SETTING, SYSTEM) or SYSTEM)
    return value if value in LANGUAGES else SYSTEM


def resolve(choice: str) -> str:
    """The language a choice means ("system" resolved through the system locale)."""
    return choice if choice in LANGUAGES else system_language()


class Translations(QObject):
    """The application's installed translators; one per application (:func:`translations`)."""

    changed = Signal(str)
    """The new language, after the translators and the default locale changed."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = "en"
        self.previous = "en"
        """The language before the last change (what the open windows still show)."""
        self._installed: list[QTranslator] = []

    def apply(self, language: str) -> bool:
        """Install the translators of ``language`` ("vi" or "en") in place of the current
        ones and make its locale the default. False when its ``.qm`` file is missing (the
        interface then stays in English)."""
        language = language if language in LANGUAGES else "en"
        app = QCoreApplication.instance()
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        found = True
        if language != "en":
            # Qt's own texts (the buttons of standard dialogs, context menus of inputs) come
            # from Qt's file where PySide6 has one (it has none for Vietnamese) and from ours,
            # which holds them too (meeting_app/ui/qt_texts.py) and is installed last, so
            # it is asked first.
            self._install(Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                          f"qtbase_{language}", required=False)
            found = self._install(translations_dir(), f"meeting_app_{language}")
        QLocale.setDefault(LOCALES[language])
        self.previous, self.language = self.language, language
        if app is not None and self.previous != language:
            self.changed.emit(language)
        return found

    def _install(self, folder: Path, name: str, required: bool = True) -> bool:
        translator = QTranslator(self)
        if not translator.load(name, str(folder)):
            if required:
                log.warning("no translations %s in %s", name, folder)
            return False
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)
        return True


_TRANSLATIONS: Translations | None = None


def translations() -> Translations:
    """The application's translations (made on first use, owned by the application)."""
    global _TRANSLATIONS
    if _TRANSLATIONS is None:
        _TRANSLATIONS = Translations(QCoreApplication.instance())
    return _TRANSLATIONS


def current_language() -> str:
    """The language the interface speaks now."""
    return translations().language


def setup_language(settings: QSettings | None = None) -> str:
    """At start: install the saved (or the system's) language; return it."""
    language = resolve(saved_choice(settings))
    translations().apply(language)
    return language


def choose_language(choice: str, settings: QSettings | None = None) -> str:
    """The user picked ``choice`` ("vi", "en" or "system"): save it and switch to it
    without a restart. Returns the language now in use."""
    store = settings if settings is not None else QSettings()
    store.setValue(SETTING, choice if choice in (*LANGUAGES, SYSTEM) else SYSTEM)
    store.sync()
    language = resolve(choice)
    translations().apply(language)
    return language
