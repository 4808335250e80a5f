"""The meetings list and the preparation dialog against a real server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDateTime

from meeting_app.state.models import MeetingListModel
from meeting_app.ui.meetings_window import MeetingsWindow
from meeting_app.ui.preparation.dialog import PreparationDialog
from tests.client.sessions import session_for
from tests.support.server_process import ServerProcess

WAIT = 20_000


@pytest.fixture
def windows(qtbot: Any, demo_server: ServerProcess) -> Iterator[list[Any]]:
    opened: list[Any] = []
    yield opened
    for window in opened:  # closed before the server stops
        window.close()


@pytest.fixture
def meetings_for(qtbot: Any, demo_server: ServerProcess,
                 windows: list[Any]) -> Callable[[str], MeetingsWindow]:
    def make(username: str) -> MeetingsWindow:
        window = MeetingsWindow(session_for(demo_server, username))
        qtbot.addWidget(window)
        windows.append(window)
        window.open()
        qtbot.waitUntil(lambda: window.loaded, timeout=WAIT)
        return window

    return make


def test_the_list_shows_my_meetings_with_my_role(meetings_for: Any, qtbot: Any) -> None:
    window = meetings_for("chair")
    model = window.model
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)).startswith("Hội nghị tổng kết")
    assert model.data(model.index(0, 2)) == "Hội trường A, trụ sở Bộ, Hà Nội"
    assert model.data(model.index(0, 3)) == "Upcoming"
    assert model.data(model.index(0, 4)) == "Chair"
    assert window.new_action.isVisible()  # the demo chair is an organizer
    assert window.prepare_action.isEnabled() and window.open_action.isEnabled()
    with qtbot.waitSignal(window.open_requested, timeout=WAIT) as opened:
        window.table.doubleClicked.emit(model.index(0, 1))
    assert opened.args == [model.data(model.index(0, 0), MeetingListModel.IdRole)]


def test_a_delegate_may_open_but_not_prepare_or_create(meetings_for: Any) -> None:
    window = meetings_for("delegate1")
    assert window.model.data(window.model.index(0, 4)) == "Delegate"
    assert not window.new_action.isVisible()
    assert not window.prepare_action.isEnabled()
    assert window.open_action.isEnabled()


def test_the_secretary_may_prepare_her_meeting(meetings_for: Any) -> None:
    window = meetings_for("secretary")
    assert not window.new_action.isVisible()
    assert window.prepare_action.isEnabled()


def test_an_organizer_creates_and_prepares_a_meeting(
        qtbot: Any, demo_server: ServerProcess, windows: list[Any]) -> None:
    dialog = PreparationDialog(session_for(demo_server, "chair"))
    qtbot.addWidget(dialog)
    windows.append(dialog)
    dialog.open_dialog()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT)
    assert not dialog.tabs.isTabEnabled(1)  # participants come after the meeting exists

    details = dialog.details
    details.title_edit.setText("Họp giao ban quý IV")
    details.location_edit.setText("Phòng họp số 1")
    start = QDateTime.currentDateTime().addDays(3)
    details.starts.setDateTime(start)
    details.ends.setDateTime(start.addSecs(2 * 3600))
    details.sites.item(0).setText("Hội trường chính")
    details.add_site.click()
    details.sites.item(1).setText("Điểm cầu Cần Thơ")
    with qtbot.waitSignal(dialog.meeting_saved, timeout=WAIT):
        dialog.save_button.click()
    # The creator chairs it and the dialog joins it.
    qtbot.waitUntil(lambda: dialog.store.loaded, timeout=WAIT)
    assert dialog.store.my_role == "chair"
    assert [s["name"] for s in dialog.store.sites] == ["Hội trường chính", "Điểm cầu Cần Thơ"]
    assert dialog.tabs.isTabEnabled(1) and dialog.tabs.isTabEnabled(2)

    # Add a delegate from the user directory, at the remote site.
    people = dialog.participants
    people.search_edit.setText("delegate2")
    people.search_button.click()
    qtbot.waitUntil(lambda: people.results.count() == 1, timeout=WAIT)
    people.results.setCurrentRow(0)
    people.role_combo.setCurrentIndex(people.role_combo.findData("delegate"))
    people.site_combo.setCurrentIndex(people.site_combo.findText("Điểm cầu Cần Thơ"))
    people.set_button.click()
    qtbot.waitUntil(lambda: len(dialog.store.participants) == 2, timeout=WAIT)
    added = next(p for p in dialog.store.participants if p["username"] == "delegate2")
    assert added["role"] == "delegate" and added["site_id"] == dialog.store.sites[1]["id"]
    assert people.table.rowCount() == 2

    # Make them the secretary instead.
    people.table.selectRow([p["user_id"] for p in dialog.store.participants].index(
        added["user_id"]))
    assert people.set_button.text() == "Save role and site"
    people.role_combo.setCurrentIndex(people.role_combo.findData("secretary"))
    people.set_button.click()
    qtbot.waitUntil(lambda: any(p["role"] == "secretary" for p in dialog.store.participants),
                    timeout=WAIT)

    # An agenda item, then a new title for the meeting.
    agenda_dialog = dialog.agenda.add_item()
    agenda_dialog.title_edit.setText("Đánh giá kết quả quý III")
    agenda_dialog.accept()
    qtbot.waitUntil(lambda: len(dialog.store.agenda) == 1, timeout=WAIT)
    details.title_edit.setText("Họp giao ban quý IV năm 2026")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.store.meeting["title"] == "Họp giao ban quý IV năm 2026",
                    timeout=WAIT)


def test_the_preparation_dialog_reports_a_bad_form(qtbot: Any, demo_server: ServerProcess,
                                                   windows: list[Any]) -> None:
    dialog = PreparationDialog(session_for(demo_server, "chair"))
    qtbot.addWidget(dialog)
    windows.append(dialog)
    dialog.open_dialog()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT)
    dialog.save_button.click()  # no title
    assert dialog.message.isVisible() and "title" in dialog.message.text
