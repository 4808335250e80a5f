"""Tablets and touch: real touch events pinch and turn pages in the reader; touch mode makes
every button a finger's size; the room fits from 1280x800 to 4K with nothing clipped; the
login dialog suits an on-screen keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, QSize, Qt
from PySide6.QtGui import QPointingDevice
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLineEdit,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QWidget,
)

from meeting_app.ui import touch
from meeting_app.ui.i18n import translations
from meeting_app.ui.login_dialog import LoginDialog
from meeting_app.ui.reader import ReaderWidget
from meeting_app.ui.resources import apply_touch_mode
from meeting_app.ui.room.window import MeetingRoomWindow
from tests.client.styled import styled_app
from tests.support.server_process import ServerProcess

WAIT = 30_000


@pytest.fixture(autouse=True)
def real_style(qapp: QApplication) -> Iterator[None]:
    """Sizes are measured with the application's own style sheet."""
    yield from styled_app(qapp)

_DEVICE: list[QPointingDevice] = []


def touch_screen() -> QPointingDevice:
    """One synthetic touch screen for the whole run (Qt keeps devices registered)."""
    if not _DEVICE:
        _DEVICE.append(QTest.createTouchDevice())
    return _DEVICE[0]


@pytest.fixture
def reader(qtbot: Any, sample: Any, engine: Any) -> ReaderWidget:
    widget = ReaderWidget(engine)
    qtbot.addWidget(widget)
    widget.resize(900, 700)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.document_loaded, timeout=WAIT):
        widget.open_document(sample.path, "Tài liệu phiên họp")
    return widget


def test_two_fingers_pinch_and_a_flick_turns_the_page(qtbot: Any, reader: ReaderWidget) -> None:
    view = reader.view
    surface = view.viewport()
    start = view.zoom
    device = touch_screen()
    QTest.touchEvent(surface, device).press(0, QPoint(300, 300)).press(1, QPoint(400, 300)).commit()
    QTest.touchEvent(surface, device).move(0, QPoint(250, 300)).move(1, QPoint(450, 300)).commit()
    QTest.touchEvent(surface, device).release(0, QPoint(250, 300)).release(1, QPoint(450, 300)).commit()
    assert view.zoom == pytest.approx(start * 2.0, rel=0.02)  # the fingers spread twice as far

    QTest.touchEvent(surface, device).press(0, QPoint(200, 300)).press(1, QPoint(400, 300)).commit()
    QTest.touchEvent(surface, device).move(0, QPoint(250, 300)).move(1, QPoint(350, 300)).commit()
    QTest.touchEvent(surface, device).release(0, QPoint(250, 300)).release(1, QPoint(350, 300)).commit()
    assert view.zoom == pytest.approx(start, rel=0.02)

    view.set_zoom(min(view.zoom, 0.8))  # the page fits the width: a flick turns it
    assert not view.can_scroll_sideways()
    with qtbot.waitSignal(reader.page_changed, timeout=WAIT) as blocker:
        QTest.touchEvent(surface, device).press(0, QPoint(600, 300)).commit()
        QTest.touchEvent(surface, device).move(0, QPoint(450, 305)).commit()
        QTest.touchEvent(surface, device).release(0, QPoint(400, 310)).commit()
    assert blocker.args == [1]
    QTest.touchEvent(surface, device).press(0, QPoint(300, 300)).commit()
    QTest.touchEvent(surface, device).release(0, QPoint(500, 300)).commit()
    qtbot.waitUntil(lambda: reader.current_page == 0, timeout=WAIT)
    # A slow drag is not a flick.
    QTest.touchEvent(surface, device).press(0, QPoint(300, 300)).commit()
    QTest.touchEvent(surface, device).release(0, QPoint(310, 300)).commit()
    assert reader.current_page == 0


@pytest.fixture
def touch_mode(qapp: QApplication) -> Iterator[None]:
    apply_touch_mode(True, qapp)
    yield
    apply_touch_mode(False, qapp)


def visible_buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.isVisible()
            and b.objectName() != "qt_toolbar_ext_button" and not b.inherits("QTabBar")
            and b.parent() is not None and not b.parent().inherits("QTabBar")
            and not b.inherits("QRadioButton") and not b.inherits("QCheckBox")]


@pytest.mark.e2e
def test_touch_mode_makes_room_and_ballot_buttons_finger_sized(
        qtbot: Any, open_room: Any, touch_mode: None) -> None:
    room: MeetingRoomWindow = open_room("chair")
    room.resize(1600, 1000)
    qtbot.wait(50)  # one pass of layout
    small = [(b.text() or b.toolTip(), b.height()) for b in visible_buttons(room)
             if b.height() < touch.TARGET]
    assert not small, small
    for field in (w for w in room.findChildren(QLineEdit) if w.isVisible()):
        assert field.height() >= touch.TARGET - 2, field.objectName()


def clipped(root: QWidget) -> list[str]:
    """Visible controls narrower or lower than they need, or outside their window."""
    bad = []
    frame = root.rect()
    for button in visible_buttons(root):
        need = button.minimumSizeHint()
        if isinstance(button.parent(), QToolBar) and not button.minimumSize().isEmpty():
            # A tool bar short of room gives its buttons their style's minimum (touch mode:
            # still a finger's size) before it moves the rest into its overflow menu.
            need = button.minimumSize()
        where = button.mapTo(root, QPoint(0, 0))
        inside = frame.contains(where) and frame.contains(where + QPoint(button.width() - 1,
                                                                         button.height() - 1))
        if button.width() < need.width() - 1 or button.height() < need.height() - 1 or not inside:
            bad.append(f"{button.text() or button.toolTip()} {button.size().toTuple()} "
                       f"needs {need.toTuple()} at {where.toTuple()}")
    return bad


def hidden_in_overflow(bar: QToolBar) -> list[str]:
    """Actions a tool bar pushed into its overflow menu (their widget is not shown)."""
    return [a.text() or a.toolTip() for a in bar.actions()
            if a.isVisible() and not a.isSeparator() and bar.widgetForAction(a) is not None
            and not bar.widgetForAction(a).isVisible()]


def tabs_out_of_view(tabs: QTabWidget) -> list[str]:
    """Tabs a tab widget can only reach through its scroll arrows."""
    bar = tabs.tabBar()
    return [tabs.tabText(n) for n in range(tabs.count())
            if tabs.isTabVisible(n) and not bar.rect().contains(bar.tabRect(n))]


def cut_off(area: QScrollArea) -> int:
    """How many pixels of a scroll area's content its (never scrolled) width cuts off."""
    inner = area.widget()
    return max(0, inner.minimumSizeHint().width() - area.viewport().width(),
               inner.width() - area.viewport().width())


@pytest.fixture(params=[False, True], ids=["mouse", "touch"])
def touch_or_not(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[bool]:
    apply_touch_mode(request.param, qapp)
    yield request.param
    apply_touch_mode(False, qapp)


@pytest.fixture(params=["en", "vi"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    translations().apply(request.param)
    yield request.param
    translations().apply("en")


@pytest.mark.e2e
@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(1366, 768), QSize(3840, 2160)])
def test_the_room_fits_every_screen_without_clipping(qtbot: Any, open_room: Any,
                                                     size: QSize, language: str,
                                                     touch_or_not: bool) -> None:
    room: MeetingRoomWindow = open_room("chair")
    room.resize(size)
    tab = room.documents.tab
    doc = room.store.documents[0]
    assert tab.open_document(doc["id"])
    qtbot.waitUntil(lambda: tab.reader_page.loaded, timeout=WAIT)
    room.central.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: room.size() == size, timeout=5000)
    qtbot.wait(50)
    assert room.minimumSizeHint().width() <= size.width()
    assert not clipped(room), clipped(room)
    reader_bar = room.documents.reader.toolbar
    # The page controls and zoom stay on the reader's tool bar, never in its overflow.
    for widget in (reader_bar.page_edit, reader_bar.zoom_button):
        assert widget.isVisible(), widget.objectName()
    assert hidden_in_overflow(reader_bar) == [], (reader_bar.width(), reader_bar.sizeHint().width())
    assert hidden_in_overflow(room.actions_bar) == []
    # Every tab of the centre and the side in view, and the site tiles whole, whichever
    # tab is shown (each has its own row of buttons).
    for index in range(room.central.count()):
        room.central.setCurrentIndex(index)
        qtbot.wait(50)
        assert tabs_out_of_view(room.central) == [], (language, room.central.width())
        assert tabs_out_of_view(room.side) == [], (language, room.side.width())
        assert cut_off(room.sites_view) == 0
        assert not clipped(room), clipped(room)


def test_the_login_suits_an_on_screen_keyboard(qtbot: Any, tmp_path: Path,
                                               demo_server: ServerProcess) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = LoginDialog(demo_server.url, "", settings)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    hints = Qt.InputMethodHint
    assert dialog.server_edit.inputMethodHints() & hints.ImhUrlCharactersOnly
    assert dialog.user_edit.inputMethodHints() & hints.ImhNoAutoUppercase
    assert dialog.password_edit.inputMethodHints() & hints.ImhSensitiveData
    assert dialog.password_edit.inputMethodHints() & hints.ImhHiddenText
    for field in (dialog.server_edit, dialog.user_edit, dialog.password_edit):
        assert field.height() >= 36  # large fields
    dialog.server_edit.setFocus()
    QTest.keyClick(dialog.server_edit, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.user_edit and not dialog.busy  # Enter moves on
    QTest.keyClicks(dialog.user_edit, "delegate1")
    QTest.keyClick(dialog.user_edit, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.password_edit and not dialog.busy
    assert not dialog.error_label.isVisible()
    QTest.keyClicks(dialog.password_edit, "not-the-password")
    QTest.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # the last field signs in
    qtbot.waitUntil(lambda: not dialog.busy and dialog.error_label.isVisible(), timeout=WAIT)
    assert dialog.error_label.text().startswith("Wrong username or password.")
    assert dialog.isVisible()  # the error shows in the dialog: no popup over the keyboard
