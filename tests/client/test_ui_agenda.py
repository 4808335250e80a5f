"""Editing the agenda from the meeting room (the secretary): add, edit, reorder by drag
and drop, remove. The list changes only when the server's event arrives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from meeting_app.ui.room.window import MeetingRoomWindow
from meeting_app.ui.session import Session
from tests.support.server_process import ServerProcess

WAIT = 20_000


@pytest.fixture
def secretary_room(qtbot: Any, demo_server: ServerProcess) -> Iterator[MeetingRoomWindow]:
    body = demo_server.login("secretary")
    session = Session(demo_server.url, body["token"], body["user"])
    window = MeetingRoomWindow(session, session.open_meeting(1))
    qtbot.addWidget(window)
    window.open()
    qtbot.waitUntil(lambda: window.store.loaded and window.commands.available, timeout=WAIT)
    yield window
    window.close()  # before the server stops


def titles(window: MeetingRoomWindow) -> list[str]:
    return [item["title"] for item in window.store.agenda]


def test_the_secretary_edits_the_agenda(secretary_room: MeetingRoomWindow, qtbot: Any) -> None:
    window, panel = secretary_room, secretary_room.agenda
    assert window.header.role_badge.text() == "Secretary"
    assert panel.chair_row.isHidden() and not panel.editor_row.isHidden()
    assert not window.start_action.isVisible()  # starting is the chair's

    # Add after the second item.
    panel.select(panel.model.item_ids()[1])
    dialog = panel.add_item()
    dialog.title_edit.setText("Phát biểu của đại diện Bộ Nội vụ")
    dialog.presenter_edit.setText("Thứ trưởng Bộ Nội vụ")
    dialog.duration.setValue(15)
    dialog.accept()
    qtbot.waitUntil(lambda: len(window.store.agenda) == 7, timeout=WAIT)
    added = window.store.agenda[2]
    assert (added["title"], added["presenter"], added["duration_min"]) == \
        ("Phát biểu của đại diện Bộ Nội vụ", "Thứ trưởng Bộ Nội vụ", 15)

    # Rename it.
    panel.select(added["id"])
    dialog = panel.edit_selected()
    assert dialog is not None and dialog.title_edit.text() == added["title"]
    dialog.title_edit.setText("Phát biểu chỉ đạo của Bộ Nội vụ")
    dialog.accept()
    qtbot.waitUntil(lambda: titles(window)[2] == "Phát biểu chỉ đạo của Bộ Nội vụ", timeout=WAIT)
    assert panel.selected_id() == added["id"]  # the selection survived the reload

    # Drag it to the top: the row moves when the server confirms.
    model = panel.model
    mime = model.mimeData([model.index(2)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: model.item_ids()[0] == added["id"], timeout=WAIT)

    # Remove it, after saying yes.
    panel.select(added["id"])
    box = panel.remove_selected()
    assert box is not None and "Phát biểu chỉ đạo" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: len(window.store.agenda) == 6, timeout=WAIT)
    assert added["id"] not in model.item_ids()


def test_editing_is_disabled_while_offline(secretary_room: MeetingRoomWindow, qtbot: Any,
                                           demo_server: ServerProcess) -> None:
    panel = secretary_room.agenda
    assert panel.add_button.isEnabled()
    demo_server.kill()
    qtbot.waitUntil(lambda: not panel.add_button.isEnabled(), timeout=WAIT)
    assert len(secretary_room.store.agenda) == 6  # the last state is still shown
    assert secretary_room.header.connection.text() != "● Connected"
