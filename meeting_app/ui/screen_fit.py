"""Windows open at a size that fits the screen they open on.

A window asks for the size it would like (the room 1360x820); on a smaller screen
(1280x800 laptops, 1366x768 tablets) it takes what the screen has, less the window
manager's title bar and frame, and opens in the middle of it. A window is never made
larger than it asked for.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

FRAME = QSize(8, 40)
"""Room left for a window manager's frame and title bar (the window's own geometry
excludes them)."""


def screen_for(window: QWidget) -> QScreen | None:
    """The screen ``window`` opens on: its parent's, else the one under the pointer, else
    the primary one."""
    parent = window.parentWidget()
    if parent is not None and parent.screen() is not None:
        return parent.screen()
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()


def fitted(wanted: QSize, area: QRect) -> QSize:
    """``wanted``, made no larger than ``area`` less a window frame."""
    return wanted.boundedTo(QSize(max(1, area.width() - FRAME.width()),
                                  max(1, area.height() - FRAME.height())))


def wide_enough(width: int, *bars: QWidget) -> int:
    """``width``, or more when one of ``bars`` (tool bars) needs more to show every entry
    whole (in the language and style it has now) rather than in its overflow menu."""
    for bar in bars:
        bar.ensurePolished()  # the style sheet's paddings and touch sizes count
    return max([width, *(bar.sizeHint().width() for bar in bars)])


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size ``window`` at ``width`` x ``height``, or less when its screen is smaller, and
    centre it on that screen (a dialog: over its parent, as Qt places it)."""
    screen = screen_for(window)
    if screen is None:  # no screen at all (a test without a platform): as asked
        window.resize(width, height)
        return
    area = screen.availableGeometry()
    size = fitted(QSize(width, height), area)
    window.resize(size)
    if window.isWindow() and window.parentWidget() is None:
        # The frame's room shared out around it; the window manager may still move it.
        left = area.left() + (area.width() - size.width()) // 2
        top = area.top() + max(0, (area.height() - size.height() - FRAME.height()) // 2)
        window.move(left, top)
