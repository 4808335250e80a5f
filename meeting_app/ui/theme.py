"""Themes: light (the original look), dark and high contrast, or the system's choice.

A theme is a palette of named colours. The style sheet (``resources/styles/app.qss``)
names them as ``@name``; Python code that paints asks :func:`color` at paint time, and
icons ask for their ink when they are drawn (``resources.icon``), so switching the theme
re-colours every open window at once. PDF pages are not themed: documents stay
paper-white.

The choice ("system", "light", "dark", "contrast") is kept in ``QSettings`` under
``appearance/theme``; "system" follows the platform's colour scheme
(``QStyleHints.colorScheme``) and changes with it.
"""

from __future__ import annotations

import contextlib
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

SYSTEM, LIGHT, DARK, CONTRAST = "system", "light", "dark", "contrast"
CHOICES = (SYSTEM, LIGHT, DARK, CONTRAST)
SETTINGS_KEY = "appearance/theme"

_LIGHT = {
    # structure
    "window": "#f3f5f8", "base": "#ffffff", "surface": "#f7f9fc", "text": "#1f2933",
    "text_soft": "#3e4c59", "muted": "#616e7c", "muted_strong": "#52606d",
    "border": "#dde3ea", "control_border": "#c3ccd8", "grid": "#edf0f4",
    "accent": "#1d3f72", "on_accent": "#ffffff", "accent_hover": "#274f8b",
    "accent_disabled": "#9fb0c8", "selection": "#e3eaf5", "selection_strong": "#c9d6ea",
    "hover": "#eef2f8", "pressed": "#dfe7f2",
    "header": "#1d3f72", "on_header": "#ffffff", "header_soft": "#c9d6ea",
    "disabled": "#9aa5b1", "disabled_bg": "#f7f8fa", "disabled_border": "#e1e6ec",
    "disabled_text": "#7b8794", "ended_bg": "#d5d9df", "thumbnails": "#eef1f5",
    "page_bg": "#dfe4ea", "toolbar_alt": "#f4f6f9",
    # meaning
    "danger": "#b3261e", "danger_pale": "#fdeceb", "danger_border": "#f0b8b3",
    "error_text": "#5c1410", "offline_pale": "#fbe3e1", "offline_text": "#8c1d18",
    "success": "#2e7d32", "success_pale": "#e3f1e4", "success_text": "#1e5b22",
    "success_border": "#9fcfa3", "gold": "#d4a017", "gold_pale": "#fff6dc",
    "gold_border": "#e8c766", "gold_text": "#8a5a00", "banner": "#fff8e1",
    "warn_pale": "#fff1cc", "warn_text": "#7a5200", "warning": "#b26a00",
    "info_pale": "#eaf1fb", "info_border": "#b8cbe6", "chart_other": "#5b7bb0",
    "chart_failed": "#8a6d1d",
    # fills that keep their own text colour in every theme
    "danger_fill": "#b3261e", "success_fill": "#2e7d32", "on_fill": "#ffffff",
    "on_gold": "#1f2933", "warn_on_fill": "#ffe08a", "over_on_fill": "#ffd0cc",
    "toast": "#1d3f72", "on_toast": "#ffffff",
}

_DARK = {
    "window": "#13171d", "base": "#1b2129", "surface": "#222a34", "text": "#e6ebf1",
    "text_soft": "#c7d0da", "muted": "#9ba7b4", "muted_strong": "#aeb8c3",
    "border": "#313a46", "control_border": "#4a5563", "grid": "#2a323d",
    "accent": "#8fb8f6", "on_accent": "#0c1a2e", "accent_hover": "#aecbf8",
    "accent_disabled": "#3d4b60", "selection": "#274169", "selection_strong": "#30507f",
    "hover": "#26303d", "pressed": "#2e3b4c",
    "header": "#0f2547", "on_header": "#ffffff", "header_soft": "#a9bcd9",
    "disabled": "#6c7785", "disabled_bg": "#1a1f26", "disabled_border": "#2a313b",
    "disabled_text": "#7d8894", "ended_bg": "#353d48", "thumbnails": "#171c23",
    "page_bg": "#2a3039", "toolbar_alt": "#202731",
    "danger": "#f28b82", "danger_pale": "#3a2020", "danger_border": "#7d3a34",
    "error_text": "#ffc2bb", "offline_pale": "#3a2020", "offline_text": "#ffb4ab",
    "success": "#74c779", "success_pale": "#1d3322", "success_text": "#9bdb9f",
    "success_border": "#3f7d46", "gold": "#d4a017", "gold_pale": "#352c18",
    "gold_border": "#8a6d1d", "gold_text": "#e9c46a", "banner": "#2f2816",
    "warn_pale": "#3a301a", "warn_text": "#f2cc75", "warning": "#f0a64a",
    "info_pale": "#1c2a3e", "info_border": "#36537e", "chart_other": "#8ea8d8",
    "chart_failed": "#d9b95c",
    "danger_fill": "#b3261e", "success_fill": "#2e7d32", "on_fill": "#ffffff",
    "on_gold": "#1f2933", "warn_on_fill": "#ffe08a", "over_on_fill": "#ffd0cc",
    "toast": "#2b4a7a", "on_toast": "#ffffff",
}

# High contrast: black ground, white text, yellow for what one acts on (WCAG AAA pairs).
_CONTRAST = {
    "window": "#000000", "base": "#000000", "surface": "#000000", "text": "#ffffff",
    "text_soft": "#ffffff", "muted": "#e0e0e0", "muted_strong": "#f0f0f0",
    "border": "#ffffff", "control_border": "#ffffff", "grid": "#808080",
    "accent": "#ffff00", "on_accent": "#000000", "accent_hover": "#ffff80",
    "accent_disabled": "#808080", "selection": "#00378a", "selection_strong": "#0050c8",
    "hover": "#1a1a1a", "pressed": "#333333",
    "header": "#000000", "on_header": "#ffff00", "header_soft": "#ffffff",
    "disabled": "#a0a0a0", "disabled_bg": "#000000", "disabled_border": "#808080",
    "disabled_text": "#a0a0a0", "ended_bg": "#404040", "thumbnails": "#000000",
    "page_bg": "#202020", "toolbar_alt": "#000000",
    "danger": "#ff7b72", "danger_pale": "#000000", "danger_border": "#ff7b72",
    "error_text": "#ffb4ab", "offline_pale": "#000000", "offline_text": "#ff7b72",
    "success": "#3dff7a", "success_pale": "#000000", "success_text": "#3dff7a",
    "success_border": "#3dff7a", "gold": "#ffd700", "gold_pale": "#000000",
    "gold_border": "#ffd700", "gold_text": "#ffd700", "banner": "#000000",
    "warn_pale": "#000000", "warn_text": "#ffd700", "warning": "#ffb000",
    "info_pale": "#000000", "info_border": "#ffffff", "chart_other": "#7fb2ff",
    "chart_failed": "#ffd700",
    "danger_fill": "#a00000", "success_fill": "#005a19", "on_fill": "#ffffff",
    "on_gold": "#000000", "warn_on_fill": "#ffff00", "over_on_fill": "#ffffff",
    "toast": "#000000", "on_toast": "#ffff00",
}

_TOKEN = re.compile(r"@([a-z_]+)\b")


@dataclass(frozen=True)
class Theme:
    """A named palette; ``dark`` says whether its ground is dark."""

    name: str
    colors: dict[str, str]
    dark: bool

    def hex(self, role: str) -> str:
        """The ``#rrggbb`` of a colour role (KeyError for an unknown role)."""
        return self.colors[role]

    def substitute(self, text: str) -> str:
        """``text`` (style sheet rules) with each ``@role`` replaced by its colour."""
        def replace(match: re.Match[str]) -> str:
            role = match.group(1)
            if role not in self.colors:
                raise KeyError(f"unknown colour @{role} in a style sheet")
            return self.colors[role]
        return _TOKEN.sub(replace, text)


THEMES = {LIGHT: Theme(LIGHT, _LIGHT, False), DARK: Theme(DARK, _DARK, True),
          CONTRAST: Theme(CONTRAST, _CONTRAST, True)}


class ThemeSignals(QObject):
    """Emits ``changed`` with the new theme's name after the theme switched."""

    changed = Signal(str)


_state: dict[str, object] = {"theme": THEMES[LIGHT], "choice": SYSTEM}
_signals: ThemeSignals | None = None


def signals() -> ThemeSignals:
    """The one emitter of theme changes (created on first use, in the GUI thread)."""
    global _signals
    if _signals is None:
        _signals = ThemeSignals()
    return _signals


def current() -> Theme:
    """The theme in use."""
    theme = _state["theme"]
    assert isinstance(theme, Theme)
    return theme


def choice() -> str:
    """The user's choice: one of :data:`CHOICES`."""
    return str(_state["choice"])


def color(role: str, alpha: int | None = None) -> QColor:
    """The colour of ``role`` in the current theme, with ``alpha`` (0-255) if given."""
    result = QColor(current().hex(role))
    if alpha is not None:
        result.setAlpha(alpha)
    return result


def resolve(choice_name: str) -> Theme:
    """The theme a choice stands for now ("system": the platform's scheme)."""
    if choice_name == SYSTEM:
        app = QGuiApplication.instance()
        scheme = QGuiApplication.styleHints().colorScheme() if app is not None else None
        return THEMES[DARK if scheme == Qt.ColorScheme.Dark else LIGHT]
    return THEMES.get(choice_name, THEMES[LIGHT])


def palette(theme: Theme) -> QPalette:
    """A ``QPalette`` for the native parts (menus, scroll bars, dialogs drawn by Qt)."""
    c = theme.colors
    result = QPalette()
    pairs = {
        QPalette.ColorRole.Window: c["window"], QPalette.ColorRole.WindowText: c["text"],
        QPalette.ColorRole.Base: c["base"], QPalette.ColorRole.AlternateBase: c["surface"],
        QPalette.ColorRole.Text: c["text"], QPalette.ColorRole.Button: c["base"],
        QPalette.ColorRole.ButtonText: c["accent"], QPalette.ColorRole.Highlight: c["accent"],
        QPalette.ColorRole.HighlightedText: c["on_accent"],
        QPalette.ColorRole.ToolTipBase: c["header"], QPalette.ColorRole.ToolTipText: c["on_header"],
        QPalette.ColorRole.PlaceholderText: c["muted"], QPalette.ColorRole.Link: c["accent"],
        QPalette.ColorRole.BrightText: c["on_fill"], QPalette.ColorRole.Light: c["hover"],
        QPalette.ColorRole.Mid: c["control_border"], QPalette.ColorRole.Dark: c["border"],
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, value in pairs.items():
        result.setColor(QPalette.ColorGroup.All, role, QColor(value))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(c["disabled_text"]))
    return result


def apply(app: QApplication, choice_name: str, style_sheet: Callable[[Theme], str]) -> Theme:
    """Switch ``app`` to the theme of ``choice_name`` now: palette, style sheet, then
    ``changed`` (widgets that paint themselves or keep their own rules listen to it)."""
    theme = resolve(choice_name)
    _state["choice"] = choice_name if choice_name in CHOICES else SYSTEM
    _state["theme"] = theme
    app.setPalette(palette(theme))
    app.setStyleSheet(style_sheet(theme))
    signals().changed.emit(theme.name)
    # Widgets that paint themselves read the theme at paint time: ask them to repaint.
    for widget in app.allWidgets():
        widget.update()
    return theme


def saved_choice(settings: QSettings | None = None) -> str:
    """The theme choice kept in the settings ("system" when none or unknown)."""
    value = str((settings or QSettings()).value(SETTINGS_KEY, SYSTEM) or SYSTEM)
    return value if value in CHOICES else SYSTEM


def save_choice(choice_name: str, settings: QSettings | None = None) -> None:
    """Keep the theme choice for the next start."""
    (settings or QSettings()).setValue(SETTINGS_KEY, choice_name)


def bind_style(widget: QWidget, rules: str) -> None:
    """Give ``widget`` its own style sheet ``rules`` (with ``@role`` colours), kept in
    step with the theme."""
    widget.setProperty("themedStyle", rules)
    if widget.property("themedStyleBound"):
        widget.setStyleSheet(current().substitute(rules))  # already follows the theme
        return
    widget.setProperty("themedStyleBound", True)
    ref = weakref.ref(widget)  # the theme must not keep a closed window alive

    def restyle(_name: str = "") -> None:
        target = ref()
        if target is not None:
            target.setStyleSheet(current().substitute(str(target.property("themedStyle"))))

    restyle()
    signals().changed.connect(restyle)
    # The connection must not outlive the widget (a slot on a deleted C++ object raises).
    widget.destroyed.connect(lambda *_: _disconnect(restyle))


def _disconnect(slot: Callable[[str], None]) -> None:
    with contextlib.suppress(RuntimeError, TypeError):
        signals().changed.disconnect(slot)


def on_change(owner: QObject, slot: Callable[[], None]) -> None:
    """Call ``slot`` after every theme switch while ``owner`` lives (for colours that are
    set once on items, not read at paint time)."""
    # A bound method is held weakly: the theme must not keep its owner alive.
    ref: Callable[[], Callable[[], None] | None] = (
        weakref.WeakMethod(slot) if hasattr(slot, "__self__")
        else (lambda: slot))

    def relay(_name: str) -> None:
        target = ref()
        if target is not None:
            with contextlib.suppress(RuntimeError):  # its widget is being deleted
                target()

    signals().changed.connect(relay)
    owner.destroyed.connect(lambda *_: _disconnect(relay))
