"""The user guide opens from Help › User guide in the interface's language, with its
screenshots, and follows a language switch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QMainWindow, QMenu

from meeting_app.ui.guide import GUIDES, add_help_menu
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
