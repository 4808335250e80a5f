"""Switching the language while every window of the client is open translates everything
visible at once: labels, buttons, tabs, menus and tool bars, and the words inside lists,
trees and tables (a poll's status in the votes list, a meeting's status), as a restart
would show them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

from meeting_app.ui.i18n import current_language, translations_dir
from meeting_app.ui.retranslate import read_ts
from tests.client.window_probe import Windows, _factories, wait_until
from tests.support.server_process import ServerProcess

_SEPARATORS = re.compile(r"\n| · |: | — |\(|\)|, ")


@cache
def english_words() -> dict[str, str]:
    """Every English message of the catalogue that Vietnamese words differently
    (placeholders and accelerators left out), with its translation."""
    words = {}
    for _context, source, translation in read_ts(translations_dir() / "meeting_app_vi.ts"):
        plain = source.replace("&", "").strip(" .…:")
        if translation and "{" not in source and len(plain) > 2 \
                and plain != translation.replace("&", "").strip(" .…:"):
            words[plain] = translation
    return words


def _plain(text: str) -> str:
    return text.replace("&", "").strip(" .…:")


@cache
def vietnamese_words() -> set[str]:
    """The Vietnamese side of :func:`english_words`."""
    return {text.replace("&", "").strip(" .…:") for text in english_words().values()}


def left_over(text: str, language: str) -> list[str]:
    """The parts of a shown text that are a message of the catalogue in the other
    language than ``language``."""
    words = english_words().keys() if language == "vi" else vietnamese_words()
    if _plain(text) in (vietnamese_words() if language == "vi" else english_words().keys()):
        return []  # a whole message of the right language (which may quote the other one)
    parts = [part.replace("&", "").strip(" .…:") for part in _SEPARATORS.split(text)]
    return [part for part in parts if part in words]


def model_texts(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> Iterator[str]:
    """The shown texts of a model: its headers and cells (and their children, for trees)."""
    try:
        columns, rows = model.columnCount(parent), model.rowCount(parent)
    except TypeError:  # a list model: one column, its counts take no parent
        columns, rows = 1, model.rowCount()
    if depth == 0:
        for column in range(columns):
            yield str(model.headerData(column, Qt.Orientation.Horizontal) or "")
    for row in range(min(rows, 60)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield str(model.data(index) or "")
            if depth < 2 and column == 0 and columns > 0 and _has_rows(model, index):
                yield from model_texts(model, index, depth + 1)


def _has_rows(model: QAbstractItemModel, index: QModelIndex) -> bool:
    try:
        return model.rowCount(index) > 0
    except TypeError:
        return False


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text the window shows now."""
    yield "title", top.windowTitle()
    for widget in (top, *top.findChildren(QWidget)):
        if not widget.isVisible():
            continue
        name = type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)):
            yield name, widget.text()
        if isinstance(widget, QLineEdit):
            yield name, widget.placeholderText()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QTabBar):
            yield from ((f"{name} tab", widget.tabText(i)) for i in range(widget.count()))
        if isinstance(widget, QComboBox):
            yield from ((f"{name} item", widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            yield from ((f"{name} cell", text) for text in model_texts(widget.model(), QModelIndex()))
        yield from ((f"{name} action", action.text()) for action in widget.actions()
                    if action.isVisible())


@pytest.fixture
def settings(language_settings: QSettings) -> QSettings:
    return language_settings


@pytest.mark.e2e
def test_every_open_window_shows_the_new_language_at_once(
        qtbot: Any, demo_server: ServerProcess, tmp_path: Path, settings: QSettings) -> None:
    windows = Windows(demo_server.url, tmp_path)
    opened: list[tuple[str, QWidget]] = []
    for factory in _factories().values():
        for name, show in factory(windows):
            window = show()
            wait_until(window.isVisible, name)
            opened.append((name, window))
    room = windows.room("chair")
    room.central.setCurrentWidget(room.votes)  # the votes list: the draft poll's status
    assert any("Draft" in text for _where, text in visible_texts(room))
    windows_open = {id(w): (name, w) for name, w in opened}.values()
    try:
        for language in ("vi", "en"):  # and back
            room.language_menu.choices[language].trigger()
            assert current_language() == language
            left = [(name, where, text, left_over(text, language)) for name, window in windows_open
                    for where, text in visible_texts(window) if left_over(text, language)]
            assert not left, (language, left)
    finally:
        for _name, window in windows_open:
            window.close()
        for each in (*windows.rooms.values(), *windows.meetings.values()):
            each.close()
