"""Highlighted and selected items read well in every theme: the entry under the pointer in a
menu and in a drop-down's list, the selected row of lists, trees and tables. Measured on
the pixels Qt draws with each theme's palette and style sheet (WCAG's 4.5:1 for text; 7:1
in high contrast), so a rule that pairs the wrong ink with a ground fails here."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QPoint, QRect
from PySide6.QtGui import QImage, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QListWidget,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QWidget,
)

from meeting_app.ui import theme
from meeting_app.ui.indicators import apply_style
from meeting_app.ui.resources import apply_theme
from tests.client.styled import styled_app
from tests.client.test_themes import contrast

WORDS = ["Đã kết thúc · thông qua", "Bản nháp", "Điểm cầu Thái Nguyên", "Quyết định"]


@pytest.fixture(autouse=True)
def light_again(qapp: QApplication) -> Iterator[None]:
    yield from styled_app(qapp)


def ink_on_ground(image: QImage, rect: QRect) -> float:
    """The contrast of an item's text with its ground: the ground is the colour at the
    item's left edge (padding), the text the pixel farthest from it (a glyph's stem)."""
    ground = image.pixelColor(rect.left() + 1, rect.center().y()).name()
    best = 1.0
    for x in range(rect.left(), rect.right() + 1):
        for y in range(rect.top(), rect.bottom() + 1):
            best = max(best, contrast(image.pixelColor(x, y).name(), ground))
    return best


def needed(name: str) -> float:
    return 7.0 if name == theme.CONTRAST else 4.5


def shown(qtbot: Any, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


THEMES = [theme.LIGHT, theme.DARK, theme.CONTRAST]


@pytest.fixture(params=THEMES)
def themed(request: pytest.FixtureRequest, qapp: QApplication) -> str:
    apply_style(qapp)
    apply_theme(request.param, qapp)
    return str(request.param)


def test_the_menu_entry_under_the_pointer_reads(qtbot: Any, themed: str) -> None:
    menu = QMenu()
    for word in WORDS:
        menu.addAction(word)
    qtbot.addWidget(menu)
    menu.popup(QPoint(0, 0))
    qtbot.waitExposed(menu)
    for action in menu.actions():
        menu.setActiveAction(action)  # as the pointer or the arrow keys make it
        image = menu.grab().toImage()
        rect = menu.actionGeometry(action)
        assert ink_on_ground(image, rect) >= needed(themed), (themed, action.text())
    menu.close()


def test_the_highlighted_entry_of_a_drop_down_reads(qtbot: Any, themed: str) -> None:
    box = shown(qtbot, QComboBox())
    box.addItems(WORDS)
    box.showPopup()
    view = box.view()
    qtbot.waitUntil(view.isVisible, timeout=5000)
    for row in range(len(WORDS)):
        index = box.model().index(row, 0)
        view.setCurrentIndex(index)  # the highlight follows the pointer and the keys
        qtbot.waitUntil(lambda index=index: view.currentIndex() == index, timeout=5000)
        image = view.viewport().grab().toImage()
        assert ink_on_ground(image, view.visualRect(index)) >= needed(themed), (themed, row)
    box.hidePopup()


def selected_rows(view: QAbstractItemView, rows: int) -> Iterator[QRect]:
    for row in range(rows):
        index = view.model().index(row, 0)
        view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                     | QItemSelectionModel.SelectionFlag.Rows)
        view.setCurrentIndex(index)
        yield view.visualRect(index)


@pytest.mark.parametrize("kind", ["list", "tree", "table"])
def test_the_selected_row_of_a_list_a_tree_and_a_table_reads(
        qtbot: Any, themed: str, kind: str) -> None:
    view: QAbstractItemView
    if kind == "list":
        view = QListWidget()
        view.addItems(WORDS)
    elif kind == "table":
        view = QTableWidget(len(WORDS), 1)
        for row, word in enumerate(WORDS):
            view.setItem(row, 0, QTableWidgetItem(word))
        view.setColumnWidth(0, 280)
    else:
        view = QTreeView()
        model = QStandardItemModel(view)
        for word in WORDS:
            model.appendRow(QStandardItem(word))
        view.setModel(model)
    view.resize(320, 220)
    shown(qtbot, view)
    for focused in (True, False):  # the selection stays readable when focus moves away
        if focused:
            view.setFocus()
        else:
            view.clearFocus()
        for rect in selected_rows(view, len(WORDS)):
            image = view.viewport().grab().toImage()
            assert ink_on_ground(image, rect) >= needed(themed), (themed, kind, focused)
