"""Accessibility: every control a screen reader reaches has a name (in the interface's
language), the login dialog's Tab order follows its reading order, and the main actions
have keyboard shortcuts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from meeting_app.ui.login_dialog import LoginDialog
from meeting_app.ui.meetings_window import MeetingsWindow
from meeting_app.ui.preparation.dialog import PreparationDialog
from tests.client.sessions import session_for

WAIT = 20_000
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractSlider, QAbstractItemView,
            QTextEdit, QPlainTextEdit)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for ``widget``: its accessible interface's name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def nameless(top: QWidget) -> list[str]:
    """The visible controls of ``top`` a screen reader could only call by their kind."""
    missing = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(top):
            continue
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and (
                not isinstance(widget, QAbstractButton) or isinstance(widget.parentWidget(), QLineEdit)):
            continue  # parts of other controls (a field's icon, a combo box's list)
        if isinstance(widget.parentWidget(), QAbstractSpinBox):
            continue  # a spin box's editor: the spin box has the name
        if not spoken_name(widget):
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} "
                           f"in {type(widget.parentWidget()).__name__}, tip {widget.toolTip()!r}")
    return missing


def test_the_login_dialog_names_its_controls_and_tabs_in_reading_order(
        qtbot: Any, tmp_path: Any) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = LoginDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert nameless(dialog) == []
    assert spoken_name(dialog.password_edit) == "Password"
    order = [dialog.server_edit, dialog.user_edit, dialog.password_edit, dialog.language_box,
             dialog.cancel, dialog.sign_in]
    dialog.server_edit.setFocus()
    seen = [dialog.focusWidget()]
    for _ in range(len(order) - 1):
        dialog.focusNextChild()
        seen.append(dialog.focusWidget())
    assert seen == order
    dialog.focusNextChild()
    assert dialog.focusWidget() is order[0]  # and round again


def test_the_meetings_window_and_preparation_name_their_controls(
        qtbot: Any, demo_server: Any) -> None:
    window = MeetingsWindow(session_for(demo_server, "chair"))
    qtbot.addWidget(window)
    window.open()
    try:
        qtbot.waitUntil(lambda: window.loaded, timeout=WAIT)
        missing: set[str] = set()
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            missing.update(nameless(window))
        dialog = PreparationDialog(window.session, window.session.open_meeting(1))
        qtbot.addWidget(dialog)
        dialog.open_dialog()
        qtbot.waitUntil(lambda: dialog.isVisible(), timeout=WAIT)
        tabs = getattr(dialog, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
            missing.update(f"preparation: {name}" for name in nameless(dialog))
        dialog.close()
        assert sorted(missing) == []
    finally:
        window.close()


def test_every_tab_of_the_room_names_its_controls(open_room: Any) -> None:
    room = open_room("chair")
    missing: set[str] = set()
    for index in range(room.central.count()):
        room.central.setCurrentIndex(index)
        missing.update(f"{room.central.tabText(index)}: {name}" for name in nameless(room))
    for index in range(room.side.count()):
        room.side.setCurrentIndex(index)
        missing.update(f"{room.side.tabText(index)}: {name}" for name in nameless(room))
    assert sorted(missing) == []


def test_the_main_room_actions_have_shortcuts(open_room: Any) -> None:
    room = open_room("delegate1")
    keys = {name: action.shortcut() for name, action in room.shortcut_actions().items()}
    assert keys["request_floor"] == QKeySequence("Ctrl+Shift+F")
    assert keys["vote"] == QKeySequence("Ctrl+Shift+V")
    assert keys["follow"] == QKeySequence("Ctrl+Shift+P")
    assert all(not key.isEmpty() for key in keys.values())
    assert len({key.toString() for key in keys.values()}) == len(keys)  # no two alike
