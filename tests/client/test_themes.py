"""Themes: every theme names the same colours, reads well (contrast), themes the whole style
sheet; switching from the Settings menu applies at once (style, palette, icons already on
buttons, painted widgets) and is kept for the next start."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QAction, QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QMainWindow,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meeting_app.ui import settings_menu, theme
from meeting_app.ui.indicators import apply_style
from meeting_app.ui.reader.style import READER_QSS
from meeting_app.ui.resources import apply_theme, icon, resource_path, style_sheet
from meeting_app.ui.theme import THEMES, color
from tests.client.styled import styled_app


@pytest.fixture(autouse=True)
def light_again(qapp: QApplication) -> Iterator[None]:
    """Every test leaves the application as the others expect it."""
    yield from styled_app(qapp)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def luminance(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    q = QColor(hex_colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two colours."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Text on its ground, as the style sheet pairs them.
PAIRS = [("text", "base"), ("text", "window"), ("text", "surface"), ("accent", "base"),
         ("on_accent", "accent"), ("on_header", "header"), ("muted", "base"),
         ("muted_strong", "window"), ("danger", "base"), ("success_text", "success_pale"),
         ("gold_text", "gold_pale"), ("warn_text", "warn_pale"), ("error_text", "danger_pale"),
         ("on_toast", "toast"), ("on_fill", "danger_fill"), ("on_fill", "success_fill"),
         ("on_gold", "gold"), ("accent", "selection"), ("text", "selection")]


def test_every_theme_names_the_same_colours() -> None:
    names = set(THEMES[theme.LIGHT].colors)
    for each in THEMES.values():
        assert set(each.colors) == names, each.name
        assert all(re.fullmatch(r"#[0-9a-f]{6}", value) for value in each.colors.values())


@pytest.mark.parametrize("name", [theme.LIGHT, theme.DARK, theme.CONTRAST])
def test_text_reads_on_its_ground(name: str) -> None:
    colours = THEMES[name].colors
    needed = 7.0 if name == theme.CONTRAST else 4.5
    weak = [(fg, bg, round(contrast(colours[fg], colours[bg]), 2)) for fg, bg in PAIRS
            if contrast(colours[fg], colours[bg]) < needed]
    assert not weak, weak


@pytest.mark.parametrize("name", [theme.LIGHT, theme.DARK, theme.CONTRAST])
def test_the_style_sheets_are_fully_themed(name: str) -> None:
    sheet = style_sheet(THEMES[name])
    assert "@" not in sheet.replace("@media", "")
    assert THEMES[name].hex("window") in sheet
    reader = THEMES[name].substitute(READER_QSS)
    assert "@" not in reader
    # No colour is written in the shared rules themselves: each comes from the palette.
    raw = resource_path("styles", "app.qss").read_text(encoding="utf-8").split("*/", 1)[1]
    assert not re.findall(r"#[0-9a-fA-F]{6}\b", raw)


def test_the_light_theme_is_the_original_look() -> None:
    sheet = style_sheet(THEMES[theme.LIGHT])
    assert "QFrame#headerBar {\n    background: #1d3f72;" in sheet
    assert "QMainWindow, QDialog {\n    background: #f3f5f8;" in sheet


def ink_of(button: QToolButton) -> QColor:
    """The colour of the most opaque pixel of the button's icon."""
    image = button.icon().pixmap(QSize(24, 24)).toImage()
    best = QColor(0, 0, 0, 0)
    for x in range(image.width()):
        for y in range(image.height()):
            pixel = image.pixelColor(x, y)
            if pixel.alpha() > best.alpha():
                best = pixel
    best.setAlpha(255)
    return best


def close_to(a: QColor, b: QColor) -> bool:
    return max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue())) < 8


def test_the_settings_menu_switches_theme_at_once_and_keeps_it(
        qtbot: Any, qapp: QApplication, settings: QSettings) -> None:
    apply_theme(theme.LIGHT, qapp)
    window = QMainWindow()
    qtbot.addWidget(window)
    menu = settings_menu.install(window, settings)
    button = QToolButton()
    button.setIcon(icon("play"))  # set once, before the switch
    danger = QToolButton()
    danger.setIcon(icon("stop", "danger"))
    label = QLabel("Chương trình họp")
    label.setObjectName("panelTitle")
    body = QWidget()
    layout = QVBoxLayout(body)
    for widget in (button, danger, label):
        layout.addWidget(widget)
    window.setCentralWidget(body)
    window.show()
    qtbot.waitExposed(window)
    assert close_to(ink_of(button), QColor("#1d3f72"))

    dark = menu.findChild(QAction, "theme-dark")
    assert dark is not None
    dark.trigger()
    assert theme.current().name == theme.DARK
    assert settings.value(theme.SETTINGS_KEY) == "dark"
    assert qapp.palette().color(QPalette.ColorRole.Window) == QColor(THEMES[theme.DARK].hex("window"))
    assert THEMES[theme.DARK].hex("window") in qapp.styleSheet()
    # The icons already on the buttons took the dark theme's inks.
    assert close_to(ink_of(button), QColor(THEMES[theme.DARK].hex("accent")))
    assert close_to(ink_of(danger), QColor(THEMES[theme.DARK].hex("danger")))
    # The label repaints in the theme's colour.
    qtbot.waitUntil(lambda: label.palette().color(QPalette.ColorRole.WindowText)
                    == QColor(THEMES[theme.DARK].hex("accent")), timeout=5000)

    contrast_action = menu.findChild(QAction, "theme-contrast")
    contrast_action.trigger()
    assert theme.current().name == theme.CONTRAST and dark.isChecked() is False
    assert contrast_action.isChecked()
    assert color("text") == QColor("#ffffff")

    # A new start reads the choice back.
    assert theme.saved_choice(settings) == theme.CONTRAST


def test_system_follows_the_platform_scheme(qapp: QApplication, settings: QSettings) -> None:
    assert theme.saved_choice(settings) == theme.SYSTEM  # nothing chosen yet
    scheme = qapp.styleHints().colorScheme()
    expected = theme.DARK if scheme.name == "Dark" else theme.LIGHT
    assert apply_theme(theme.SYSTEM, qapp).name == expected
    assert theme.choice() == theme.SYSTEM


@pytest.mark.parametrize("name", [theme.LIGHT, theme.DARK, theme.CONTRAST])
def test_an_unticked_box_and_an_unchosen_option_are_seen_in_every_theme(
        qapp: QApplication, qtbot: Any, name: str) -> None:
    apply_style(qapp)
    apply_theme(name, qapp)
    ground = color("window").name()
    for widget, element in ((QCheckBox("Phát hành ngay"), QStyle.SubElement.SE_CheckBoxIndicator),
                            (QRadioButton("Tất cả đại biểu"), QStyle.SubElement.SE_RadioButtonIndicator)):
        qtbot.addWidget(widget)
        widget.show()
        qtbot.waitExposed(widget)
        image = widget.grab().toImage()
        option = QStyleOptionButton()
        option.initFrom(widget)
        box = widget.style().subElementRect(element, option, widget)
        # WCAG's 3:1 for the parts of a control one must see (1.4.11), at the indicator's
        # most visible pixel against the window.
        best = max(contrast(image.pixelColor(x, y).name(), ground)
                   for x in range(box.left(), box.right() + 1) for y in range(box.top(), box.bottom() + 1))
        assert best >= 3.0, (name, type(widget).__name__, best)
