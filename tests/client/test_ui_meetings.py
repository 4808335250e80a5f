"""The meetings list and the preparation dialog against a real server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt, QTime
from PySide6.QtTest import QTest

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


def test_the_demo_secretary_creates_and_prepares_meetings(meetings_for: Any) -> None:
    window = meetings_for("secretary")
    assert window.new_action.isVisible()  # she prepares meetings: the organizer role
    assert window.prepare_action.isEnabled()


def click_result(qtbot: Any, people: Any, row: int, double: bool = False) -> None:
    """Click (or double-click) a person found, as a mouse does."""
    item = people.results.item(row)
    people.results.scrollToItem(item)
    point = people.results.visualItemRect(item).center()
    qtbot.mouseClick(people.results.viewport(), Qt.MouseButton.LeftButton, pos=point)
    if double:  # QTest's double-click event alone comes without its first press
        qtbot.mouseDClick(people.results.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_the_secretary_creates_and_prepares_a_meeting(
        qtbot: Any, demo_server: ServerProcess, windows: list[Any]) -> None:
    """The demo's preparation path: the secretary creates the meeting, takes part as its
    secretary (chosen, not defaulted), and picks its chair and delegates with the mouse."""
    secretary = session_for(demo_server, "secretary")
    dialog = PreparationDialog(secretary, secretary.open_meeting(None))
    qtbot.addWidget(dialog)
    windows.append(dialog)
    dialog.open_dialog()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT)
    assert not dialog.tabs.isTabEnabled(1)  # participants come after the meeting exists

    details = dialog.details
    details.title_edit.setText("Họp giao ban quý IV")
    details.location_edit.setText("Phòng họp số 1")
    # The end follows the start: moving the start three days on keeps the 3 h meeting.
    length = details.starts.dateTime().secsTo(details.ends.dateTime())
    start = QDateTime(QDateTime.currentDateTime().date().addDays(3), QTime(9, 0))
    details.starts.setDateTime(start)
    assert details.starts.dateTime().secsTo(details.ends.dateTime()) == length
    details.ends.setDateTime(start.addSecs(2 * 3600))
    details.starts.setDateTime(start.addSecs(3600))  # an hour later: so is the end
    assert details.ends.dateTime() == start.addSecs(3 * 3600)
    details.sites.item(0).setText("Hội trường chính")
    details.add_site.click()
    details.sites.item(1).setText("Điểm cầu Cần Thơ")
    # No role is chosen for her: Create says so instead of making her the chair.
    assert details.my_role.currentIndex() == -1 and details.my_role.currentText() == ""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible() and "I take part as" in dialog.message.text
    assert dialog.meeting_id is None
    details.my_role.setCurrentIndex(details.my_role.findData("secretary"))
    with qtbot.waitSignal(dialog.meeting_saved, timeout=WAIT):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.store.loaded, timeout=WAIT)
    assert dialog.store.my_role == "secretary"
    assert [s["name"] for s in dialog.store.sites] == ["Hội trường chính", "Điểm cầu Cần Thơ"]
    assert dialog.tabs.isTabEnabled(1) and dialog.tabs.isTabEnabled(2)

    # The chair, found without typing the accents, picked with a click.
    people = dialog.participants
    dialog.tabs.setCurrentWidget(people)
    people.search_edit.setText("hung")
    qtbot.mouseClick(people.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: people.results.count() >= 1, timeout=WAIT)
    row = next(r for r in range(people.results.count())
               if people.results.item(r).text().startswith("Nguyễn Văn Hùng"))
    assert not people.set_button.isEnabled()
    click_result(qtbot, people, row)
    assert people.set_button.isEnabled() and people.set_button.text() == "Add to meeting"
    assert len(dialog.store.participants) == 1  # a click only selects
    people.role_combo.setCurrentIndex(people.role_combo.findData("chair"))
    qtbot.mouseClick(people.set_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.store.participants) == 2, timeout=WAIT)
    chair = next(p for p in dialog.store.participants if p["username"] == "chair")
    assert chair["role"] == "chair"

    # A delegate at the remote site, added with a double-click.
    people.search_edit.setText("delegate2")
    qtbot.mouseClick(people.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: people.results.count() == 1, timeout=WAIT)
    people.role_combo.setCurrentIndex(people.role_combo.findData("delegate"))
    people.site_combo.setCurrentIndex(people.site_combo.findText("Điểm cầu Cần Thơ"))
    click_result(qtbot, people, 0, double=True)
    qtbot.waitUntil(lambda: len(dialog.store.participants) == 3, timeout=WAIT)
    added = next(p for p in dialog.store.participants if p["username"] == "delegate2")
    assert added["role"] == "delegate" and added["site_id"] == dialog.store.sites[1]["id"]
    assert people.table.rowCount() == 3

    # Double-clicking someone already taking part selects them, changes nothing.
    people.role_combo.setCurrentIndex(people.role_combo.findData("observer"))
    click_result(qtbot, people, 0, double=True)
    assert people.role_combo.currentData() == "delegate"  # their own role, shown
    assert people.set_button.text() == "Save role and site"

    # Make them the secretary instead.
    people.table.selectRow([p["user_id"] for p in dialog.store.participants].index(
        added["user_id"]))
    assert people.set_button.text() == "Save role and site"
    people.role_combo.setCurrentIndex(people.role_combo.findData("secretary"))
    people.set_button.click()
    qtbot.waitUntil(lambda: sum(p["role"] == "secretary" for p in dialog.store.participants) == 2,
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


def test_a_tap_on_a_person_found_adds_them(
        qtbot: Any, demo_server: ServerProcess, windows: list[Any]) -> None:
    """On a tablet a tap adds the person (there is no double tap to learn)."""
    chair = session_for(demo_server, "chair")
    dialog = PreparationDialog(chair, chair.open_meeting(1))
    qtbot.addWidget(dialog)
    windows.append(dialog)
    dialog.open_dialog()
    qtbot.waitUntil(lambda: dialog.store.loaded and dialog.commands.available, timeout=WAIT)
    people = dialog.participants
    dialog.tabs.setCurrentWidget(people)
    before = len(dialog.store.participants)
    people.search_edit.setText("Quan tri")  # the admin, who takes no part in the demo
    qtbot.mouseClick(people.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: people.results.count() == 1, timeout=WAIT)
    people.role_combo.setCurrentIndex(people.role_combo.findData("observer"))
    viewport = people.results.viewport()
    point = people.results.visualItemRect(people.results.item(0)).center()
    screen = QTest.createTouchDevice()
    QTest.touchEvent(viewport, screen).press(0, point, viewport).commit()
    QTest.touchEvent(viewport, screen).release(0, point, viewport).commit()
    qtbot.waitUntil(lambda: len(dialog.store.participants) == before + 1, timeout=WAIT)
    added = next(p for p in dialog.store.participants if p["username"] == "admin")
    assert added["role"] == "observer"


def test_the_preparation_dialog_reports_a_bad_form(qtbot: Any, demo_server: ServerProcess,
                                                   windows: list[Any]) -> None:
    chair = session_for(demo_server, "chair")
    dialog = PreparationDialog(chair, chair.open_meeting(None))
    qtbot.addWidget(dialog)
    windows.append(dialog)
    dialog.open_dialog()
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=WAIT)
    dialog.save_button.click()  # no title
    assert dialog.message.isVisible() and "title" in dialog.message.text
