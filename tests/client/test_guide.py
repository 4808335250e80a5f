"""The user guide opens from Help › User guide in the interface's language, with its
screenshots, and follows a language switch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QMainWindow, QMenu

from meeting_app.ui.guide import GUIDES, GuideWindow, add_help_menu
from meeting_app.ui.i18n import translations
from meeting_app.ui.retranslate import follow_language_changes

IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    """The interface in English before and after the test."""
    translations().apply("en")
    yield
    translations().apply("en")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_every_screenshot_the_guide_shows_exists(language: str) -> None:
    text = (GUIDES / f"{language}.md").read_text(encoding="utf-8")
    images = IMAGE.findall(text)
    assert len(images) >= 15, "a screenshot for each screen"
    missing = [image for image in images if not (GUIDES / image).resolve().is_file()]
    assert not missing, missing
    for heading in ("## 2.", "## 3.", "## 4.", "## 5."):  # delegates, chairs, secretaries, admins
        assert heading in text


SCRIPTS = GUIDES.parent / "make_screenshots.py", GUIDES.parent / "make_site_screenshots.py"
SHOT = re.compile(r"""shoot\([^"]*"([a-z-]+)"\s*[,)]""")


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_guide_shows_its_own_language_s_screenshots_the_scripts_make(language: str) -> None:
    made = {name for script in SCRIPTS for name in SHOT.findall(script.read_text(encoding="utf-8"))}
    assert {"login", "reader", "reader-restricted", "annotations-not-carried"} <= made
    text = (GUIDES / f"{language}.md").read_text(encoding="utf-8")
    for image in IMAGE.findall(text):
        folder, _, name = image.rpartition("/")
        # English: docs/screenshots[/<theme>]; Vietnamese: the vi/ folder below it.
        assert folder.startswith("../screenshots"), image
        assert folder.endswith("/vi") == (language == "vi"), image
        assert name.removesuffix(".png") in made, f"{image}: no script makes it"


def test_help_opens_the_guide_in_the_interface_language(qtbot: Any, english: None) -> None:
    follow_language_changes()
    window = QMainWindow()
    qtbot.addWidget(window)
    action = add_help_menu(window)
    window.show()
    help_menu = window.menuBar().findChild(QMenu, "helpMenu")
    assert help_menu is not None and help_menu.title() == "&Help"
    assert action.shortcut().toString() == "F1"

    action.trigger()
    guide = action.guide
    assert guide is not None and guide.isVisible()
    assert "Getting started" in guide.browser.toPlainText()
    image = guide.browser.loadResource(QTextDocument.ResourceType.ImageResource,
                                       QUrl("../screenshots/login.png"))
    assert image is not None and not getattr(image, "isNull", lambda: False)()

    translations().apply("vi")
    qtbot.waitUntil(lambda: "Bắt đầu sử dụng" in guide.browser.toPlainText(), timeout=5000)
    assert guide.windowTitle() == "Hướng dẫn sử dụng"
    assert help_menu.title() == "Trợ &giúp"
    translations().apply("en")
    qtbot.waitUntil(lambda: "Getting started" in guide.browser.toPlainText(), timeout=5000)

    action.trigger()  # again: the same window, in front
    assert action.guide is guide


def image_widths(browser: Any) -> list[float]:
    """The width each image of the guide is laid out at."""
    widths = []
    block = browser.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            image = fragments.fragment().charFormat().toImageFormat()
            if image.isValid():
                widths.append(image.width())
            fragments += 1
        block = block.next()
    return widths


def test_the_screenshots_fit_the_guide_window_without_scrolling_sideways(
        qtbot: Any, english: None) -> None:
    guide = GuideWindow()
    qtbot.addWidget(guide)
    guide.resize(900, 760)
    guide.show()
    qtbot.waitExposed(guide)
    browser = guide.browser
    # The screenshots are 1360 px wide: at their own size they would need a scroll bar.
    qtbot.waitUntil(lambda: browser.horizontalScrollBar().maximum() == 0, timeout=5000)
    widths = image_widths(browser)
    assert len(widths) >= 15
    viewport = browser.viewport().width()
    assert all(300 < width <= viewport for width in widths), (widths, viewport)
    image = browser.loadResource(QTextDocument.ResourceType.ImageResource,
                                 QUrl("../screenshots/login.png"))
    assert image is not None and not getattr(image, "isNull", lambda: False)()  # only smaller

    # Narrower: they shrink with the window. Wider than they are: never enlarged.
    guide.resize(700, 760)
    qtbot.waitUntil(lambda: max(image_widths(browser)) < viewport - 150, timeout=5000)
    assert browser.horizontalScrollBar().maximum() == 0
    guide.resize(1800, 900)
    qtbot.waitUntil(lambda: browser.viewport().width() > 1500, timeout=5000)
    natural = [QImage(str(GUIDES / name)).width()
               for name in IMAGE.findall((GUIDES / "en.md").read_text(encoding="utf-8"))]
    qtbot.waitUntil(lambda: image_widths(browser) == natural, timeout=5000)
