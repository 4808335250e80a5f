"""Walking a window with the keyboard, as a user does: real Tab presses, then asking the
application which control has the focus.

``tab_chain(top)`` starts from the control focused now and presses Tab until the focus comes
back to it; it returns the controls visited, in order. A control that swallows Tab (a focus
trap) or a chain that never comes back ends the walk after ``limit`` presses, and the list
then shows where the focus got stuck.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

SECTIONS = 6
"""The most Tab presses one control may keep (a date and time edit's five sections)."""


def focused(top: QWidget) -> QWidget | None:
    """The control that has the keyboard focus in ``top``'s window (None: nothing)."""
    widget = QApplication.focusWidget() or top.window().focusWidget()
    return widget if widget is not None and (widget is top or top.isAncestorOf(widget)) else None


def press(top: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
          ) -> None:
    """One real key press on the control that has the focus (or on ``top``)."""
    QTest.keyClick(focused(top) or top, key, modifier)


def tab_chain(top: QWidget, limit: int = 60, backwards: bool = False) -> list[QWidget]:
    """The controls the Tab key visits from the focused one, until it comes round again."""
    start = focused(top)
    assert start is not None, f"nothing has the focus in {type(top).__name__}"
    seen = [start]
    key = Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    stay = 0
    for _ in range(limit):
        press(top, key, modifier)
        now = focused(top)
        if now is None or (now is start and len(seen) > 1):
            return seen
        if now is seen[-1]:
            # A date and time edit steps through its sections (day, month, year, hour,
            # minute) before Tab leaves it, as Qt's date edits do; more is a trap.
            stay += 1
            assert stay < SECTIONS, f"Tab is stuck in {describe([now])}: {describe(seen)}"
            continue
        stay = 0
        seen.append(now)
    raise AssertionError(f"Tab never came back to the start: {describe(seen)}")


def describe(widgets: list[QWidget]) -> list[str]:
    """Readable names for a chain (its accessible name, text, or object name and kind)."""
    names = []
    for widget in widgets:
        text = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton)
                                           else "") or widget.objectName()
        names.append(f"{type(widget).__name__}:{text}")
    return names


def mnemonics(top: QWidget) -> list[tuple[str, str]]:
    """The Alt+letter keys of ``top``'s visible labels (those bound to a field) and buttons:
    (the letter, lower case; the text it is in)."""
    found = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # a plain text: an ampersand there is no shortcut
        match = re.search(r"&([^&\s])", widget.text().replace("&&", ""))
        if match:
            found.append((match.group(1).casefold(), widget.text()))
    return found


def clashes(found: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The letters that more than one control claims."""
    by_letter: dict[str, list[str]] = {}
    for letter, text in found:
        by_letter.setdefault(letter, []).append(text)
    return {letter: texts for letter, texts in by_letter.items() if len(set(texts)) > 1}
