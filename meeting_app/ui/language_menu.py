"""Where the user picks the interface language: a "Language" menu in the windows' Settings
menu, and a box on the login dialog (officials choose it before signing in).

Each choice switches at once (:func:`meeting_app.ui.i18n.choose_language`) and is kept
for the next start. The languages are named in themselves, never translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu, QWidget

from meeting_app.ui.i18n import LANGUAGES, NATIVE_NAMES, SYSTEM, choose_language, saved_choice, translations

SETTINGS_MENU = "settingsMenu"


def settings_menu(window: QMainWindow) -> QMenu:
    """The window's "Settings" menu (made on first use, so other entries can join it)."""
    found = window.menuBar().findChild(QMenu, SETTINGS_MENU)
    if isinstance(found, QMenu):
        return found
    menu = window.menuBar().addMenu(QCoreApplication.translate("LanguageMenu", "&Settings"))
    menu.setObjectName(SETTINGS_MENU)
    return menu


class LanguageMenu(QMenu):
    """System / Tiếng Việt / English, the current choice checked."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("&Language"), parent)
        self.setObjectName("languageMenu")
        self._settings = settings
        group = QActionGroup(self)
        self.choices: dict[str, QAction] = {}
        for choice in (SYSTEM, *LANGUAGES):
            action = QAction(self.tr("System language") if choice == SYSTEM else NATIVE_NAMES[choice], self)
            action.setCheckable(True)
            action.setData(choice)
            action.triggered.connect(lambda _checked=False, c=choice: self.choose(c))
            group.addAction(action)
            self.addAction(action)
            self.choices[choice] = action
        self.aboutToShow.connect(self._check_current)
        self._check_current()

    def choose(self, choice: str) -> None:
        """Switch the interface to ``choice`` ("vi", "en" or "system")."""
        choose_language(choice, self._settings)
        self._check_current()

    def _check_current(self) -> None:
        self.choices[saved_choice(self._settings)].setChecked(True)


def add_language_menu(window: QMainWindow, settings: QSettings | None = None) -> LanguageMenu:
    """Put the Language menu into ``window``'s Settings menu."""
    menu = LanguageMenu(settings, window)
    settings_menu(window).addMenu(menu)
    return menu


class LanguageBox(QComboBox):
    """The language choice on the login dialog."""

    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languageBox")
        self._settings = settings
        self.addItem(self.tr("System language"), SYSTEM)
        for language in LANGUAGES:
            self.addItem(NATIVE_NAMES[language], language)
        self.setAccessibleName(self.tr("Language"))
        self.setToolTip(self.tr("The language of the application"))
        self._sync()
        self.activated.connect(self._picked)
        translations().changed.connect(self._language_changed)

    def _language_changed(self, _language: str) -> None:
        self._sync()

    def _picked(self, index: int) -> None:
        choose_language(str(self.itemData(index)), self._settings)

    def _sync(self) -> None:
        index = self.findData(saved_choice(self._settings))
        if index >= 0 and index != self.currentIndex():
            self.blockSignals(True)
            self.setCurrentIndex(index)
            self.blockSignals(False)
