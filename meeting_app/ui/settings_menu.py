"""The "Settings" menu of the main windows: theme, touch mode, notification sound.

Each part is added by its own function, so that other settings (the language) join the
same menu without touching these. Every choice applies at once and is kept in
``QSettings`` for the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

from meeting_app.ui import theme, touch
from meeting_app.ui.language_menu import settings_menu
from meeting_app.ui.resources import apply_theme, apply_touch_mode
from meeting_app.ui.room.notifications import SOUND_KEY, sound_enabled


def add_theme_menu(menu: QMenu, settings: QSettings | None = None) -> QActionGroup:
    """"Theme ▸ System / Light / Dark / High contrast"; the checked entry follows theme
    changes made from any window."""
    submenu = menu.addMenu(QCoreApplication.translate("SettingsMenu", "&Theme"))
    submenu.setObjectName("themeMenu")
    group = QActionGroup(submenu)
    group.setExclusive(True)
    translate = QCoreApplication.translate
    labels = {theme.SYSTEM: translate("SettingsMenu", "Follow the &system"),
              theme.LIGHT: translate("SettingsMenu", "&Light"),
              theme.DARK: translate("SettingsMenu", "&Dark"),
              theme.CONTRAST: translate("SettingsMenu", "&High contrast")}
    for name in theme.CHOICES:
        action = QAction(labels[name], submenu)
        action.setObjectName(f"theme-{name}")
        action.setData(name)
        action.setCheckable(True)
        action.setChecked(theme.choice() == name)
        group.addAction(action)
        submenu.addAction(action)

    def chosen(action: QAction) -> None:
        name = str(action.data())
        theme.save_choice(name, settings)
        apply_theme(name)

    def follow(_name: str) -> None:
        for action in group.actions():
            action.setChecked(str(action.data()) == theme.choice())

    group.triggered.connect(chosen)
    theme.on_change(group, lambda: follow(""))
    return group


def add_touch_mode(menu: QMenu, settings: QSettings | None = None) -> QAction:
    """"Touch mode": large buttons and fields (on by itself when a touch screen is
    present)."""
    action = QAction(QCoreApplication.translate("SettingsMenu", "T&ouch mode (large buttons)"), menu)
    action.setObjectName("touchModeAction")
    action.setCheckable(True)
    action.setChecked(touch.enabled())

    def toggled(on: bool) -> None:
        touch.save(on, settings)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_touch_mode(on, app)

    action.toggled.connect(toggled)
    touch.signals().changed.connect(lambda on: _set_checked(action, on))
    menu.addAction(action)
    return action


def _set_checked(action: QAction, on: bool) -> None:
    try:
        if action.isChecked() != on:
            action.blockSignals(True)
            action.setChecked(on)
            action.blockSignals(False)
    except RuntimeError:  # the menu's window was closed
        pass


def add_notification_sound(menu: QMenu, settings: QSettings | None = None) -> QAction:
    """"Sound with notices" (off by default)."""
    action = QAction(QCoreApplication.translate("SettingsMenu", "Play a &sound with notices"), menu)
    action.setObjectName("noticeSoundAction")
    action.setCheckable(True)
    action.setChecked(sound_enabled(settings))
    action.toggled.connect(lambda on: (settings or QSettings()).setValue(SOUND_KEY, on))
    menu.addAction(action)
    return action


def install(window: QMainWindow, settings: QSettings | None = None) -> QMenu:
    """The whole Settings menu for a main window."""
    menu = settings_menu(window)
    add_theme_menu(menu, settings)
    add_touch_mode(menu, settings)
    add_notification_sound(menu, settings)
    return menu
