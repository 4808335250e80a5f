"""The whole flow: sign in, the meetings list, a room, signing out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from meeting_app.ui.app import ClientController
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
