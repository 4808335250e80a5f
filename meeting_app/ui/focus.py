"""Keyboard operation shared by the dialogs and windows: the Tab order in reading order,
tool bars whose buttons the Tab key reaches, and Enter on a list.

Qt's default Tab order is the order the widgets were made in, which drifts from what the
eye reads as a form grows (a tab widget made after its pages comes after them); tool bar
buttons never take the focus at all. These helpers make both explicit.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QToolBar, QWidget


def tab_order(*widgets: QWidget) -> None:
    """Chain ``widgets`` so that Tab visits them in this order (hidden ones are skipped)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)


def tabbable_toolbar(bar: QToolBar) -> None:
    """Let Tab reach the buttons of ``bar`` (a QToolBar gives its buttons no focus)."""
    for action in bar.actions():
        widget = bar.widgetForAction(action)
        if isinstance(widget, QAbstractButton) and widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)


def toolbar_controls(bar: QToolBar) -> list[QWidget]:
    """The widgets of ``bar`` that take the focus, left to right."""
    widgets = [bar.widgetForAction(action) for action in bar.actions()]
    return [w for w in widgets if w is not None and w.focusPolicy() != Qt.FocusPolicy.NoFocus]


def on_enter(view: QWidget, slot: Callable[[], object]) -> QShortcut:
    """Enter (either key) on ``view`` itself calls ``slot``: a list's default action, like
    its double-click, without making a single click do it where the style activates items
    on one click."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), view, context=Qt.ShortcutContext.WidgetShortcut)
    shortcut.activated.connect(slot)
    keypad = QShortcut(QKeySequence(Qt.Key.Key_Enter), view, context=Qt.ShortcutContext.WidgetShortcut)
    keypad.activated.connect(slot)
    return shortcut


def focusables(container: QWidget) -> list[QWidget]:
    """The descendants of ``container`` that Tab may stop at, in the current chain order."""
    found: list[QWidget] = []
    widget: QWidget | None = container.nextInFocusChain()
    while widget is not None and widget is not container and container.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found
