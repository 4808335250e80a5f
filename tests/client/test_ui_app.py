"""The whole flow: sign in, the meetings list, a room, signing out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from meeting_app.ui.app import ClientController
from meeting_app.ui.session import Session
from tests.support.server_process import ServerProcess

WAIT = 20_000


@pytest.fixture
def controller(tmp_path: Path, demo_server: ServerProcess) -> Iterator[ClientController]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    made = ClientController(demo_server.url, "chair", settings)
    yield made
    made.close_all()  # before the server stops
    if made.login_dialog is not None:
        made.login_dialog.close()


def test_sign_in_open_a_room_and_sign_out(controller: ClientController, qtbot: Any) -> None:
    dialog = controller.show_login()
    assert dialog.user_edit.text() == "chair"
    dialog.password_edit.setText("demo")
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: controller.meetings is not None and controller.meetings.loaded,
                    timeout=WAIT)
    meetings = controller.meetings
    assert meetings is not None and meetings.model.rowCount() == 1
    meetings.open_selected()
    qtbot.waitUntil(lambda: 1 in controller.rooms and controller.rooms[1].store.loaded,
                    timeout=WAIT)
    room = controller.rooms[1]
    assert room.role == "chair"
    assert controller.open_room(1) is room  # a second open brings the same window forward

    room.close()
    qtbot.waitUntil(lambda: not controller.rooms, timeout=WAIT)
    assert meetings.isVisible()  # back to the list, the application goes on

    controller.sign_out()
    assert controller.meetings is None and controller.session is None
    assert controller.login_dialog is not None and controller.login_dialog.isVisible()
    assert controller.login_dialog is not dialog


def test_display_mode_opens_the_room_display(tmp_path: Path, demo_server: ServerProcess,
                                             qtbot: Any) -> None:
    """``meeting-app --display``: after signing in, the meeting opens as the room display."""
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    controller = ClientController(demo_server.url, "secretary", settings, display=True)
    body = demo_server.login("secretary")
    try:
        controller.start_session(Session(demo_server.url, body["token"], body["user"]),
                                 auto_open=True)
        qtbot.waitUntil(lambda: 1 in controller.displays
                        and controller.displays[1].store.loaded, timeout=WAIT)
        shown = controller.displays[1]
        assert not controller.rooms  # no meeting room, only the display
        assert shown.window.isVisible() and shown.window.isFullScreen()
        assert shown.window.meeting_title.text() == shown.store.meeting["title"]
        shown.window.close()
        qtbot.waitUntil(lambda: not controller.displays, timeout=WAIT)
        assert shown.connection.status != "connected"
    finally:
        controller.close_all()


def test_the_style_sheet_is_well_formed() -> None:
    """Qt drops a whole style sheet it cannot parse (every screen loses its look): the
    blocks must be balanced, as merged style blocks once left them not."""
    from meeting_app.ui.resources import style_sheet

    depth = 0
    for line in style_sheet().splitlines():
        depth += line.count("{") - line.count("}")
        assert depth in (0, 1), line
    assert depth == 0
