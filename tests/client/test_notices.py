"""Notices: a stack in the window's top-right corner that never blocks; each hides by itself
and a click does what it says. In the room, against the real demo server: the floor given
to me, a vote opening, a new document, the presenter moving while I browse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton

from meeting_app.ui.notices import MAX_SHOWN, NoticeArea
from meeting_app.ui.room.notifications import SOUND_KEY, sound_enabled
from meeting_app.ui.room.window import MeetingRoomWindow
from tests.client.test_documents_room import sample, start_meeting, upload  # noqa: F401
from tests.client.test_votes_room import check_in

WAIT = 30_000
MEETING = 1


def test_notices_stack_top_right_hide_by_themselves_and_act_on_click(qtbot: Any) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    button = QPushButton("Under the notices?")
    window.setCentralWidget(button)
    window.resize(900, 600)
    window.show()
    qtbot.waitExposed(window)
    area = NoticeArea(window, shown_ms=800)
    done: list[str] = []
    first = area.notify("Đại biểu A được phát biểu", "microphone", lambda: done.append("floor"))
    area.notify("Biểu quyết đã mở", "vote", lambda: done.append("vote"), key="poll-1")
    assert area.texts() == ["Đại biểu A được phát biểu", "Biểu quyết đã mở"]
    # Top-right, stacked, and only as large as the notices: the window stays usable.
    assert area.geometry().right() <= window.width() and area.geometry().right() > window.width() - 40
    assert area.width() < window.width() / 2
    assert first.geometry().bottom() < area.notices[1].geometry().top()
    assert QApplication.focusWidget() is not first and not first.hasFocus()
    # The same key updates the notice shown, it does not stack another one.
    area.notify("Biểu quyết đã mở: câu hỏi 2", "vote", lambda: done.append("vote2"), key="poll-1")
    assert area.texts() == ["Đại biểu A được phát biểu", "Biểu quyết đã mở: câu hỏi 2"]

    qtbot.mouseClick(area.notices[1], Qt.MouseButton.LeftButton, pos=QPoint(20, 10))
    assert done == ["vote2"] and area.texts() == ["Đại biểu A được phát biểu"]
    qtbot.waitUntil(lambda: not area.notices and area.isHidden(), timeout=5000)
    assert done == ["vote2"]  # hiding by itself does nothing

    for n in range(MAX_SHOWN + 2):
        area.notify(f"Tài liệu mới {n}", "document")
    assert len(area.notices) == MAX_SHOWN and area.texts()[-1] == f"Tài liệu mới {MAX_SHOWN + 1}"


def test_the_sound_is_off_unless_chosen(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert not sound_enabled(settings)
    settings.setValue(SOUND_KEY, True)
    assert sound_enabled(settings)


def shown(window: MeetingRoomWindow, start: str) -> bool:
    return any(text.startswith(start) for text in window.notices.texts())


def click(qtbot: Any, window: MeetingRoomWindow, start: str) -> None:
    notice = next(n for n in window.notices.notices if n.text.text().startswith(start))
    qtbot.mouseClick(notice, Qt.MouseButton.LeftButton, pos=QPoint(20, 10))


@pytest.mark.e2e
def test_the_floor_and_a_vote_are_announced_and_a_click_acts(qtbot: Any, open_room: Any) -> None:
    chair = open_room("chair")
    delegate = open_room("delegate1")
    observer = open_room("observer1")  # reads, never votes
    assert delegate.notices.texts() == []  # what the snapshot holds is not news
    start_meeting(qtbot, chair)
    for window in (chair, delegate):
        check_in(qtbot, window)

    delegate.floor_page.mine.speak.ask_button.click()
    queue = chair.floor_page.queue("speak")
    qtbot.waitUntil(lambda: len(queue.request_items()) == 1, timeout=WAIT)
    delegate.central.setCurrentWidget(delegate.documents.tab)  # looking elsewhere
    queue.grant_button.click()
    qtbot.waitUntil(lambda: shown(delegate, "You have the floor."), timeout=WAIT)
    assert not shown(chair, "You have the floor.")
    click(qtbot, delegate, "You have the floor.")
    assert delegate.central.currentWidget() is delegate.floor_page
    delegate.floor_strip.end_button.click()
    qtbot.waitUntil(lambda: chair.store.speaker is None, timeout=WAIT)

    draft = next(p for p in chair.store.polls if p["status"] == "draft")
    delegate.votes.auto_open = False  # the notice opens the ballot, not the room by itself
    chair.votes.select(draft["id"])
    chair.votes.open_button.click()
    qtbot.waitUntil(lambda: chair.votes.manager.check_box is not None, timeout=WAIT)
    box = chair.votes.manager.check_box
    box.button(box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: shown(delegate, "A vote has opened: "), timeout=WAIT)
    assert delegate.votes.ballot_dialog is None
    assert hint(delegate, "A vote has opened: ") == "Click to open the ballot"
    qtbot.waitUntil(lambda: shown(observer, "A vote has opened: "), timeout=WAIT)
    assert hint(observer, "A vote has opened: ") == "Click to show the vote"  # no ballot
    leave = observer.actions_bar.widgetForAction(observer.leave_action)
    assert leave is not None and leave.isVisible()
    leave_area = QRect(leave.mapTo(observer, QPoint(0, 0)), leave.size())
    assert not observer.notices.geometry().intersects(leave_area)  # "Leave the room" stays clickable
    click(qtbot, delegate, "A vote has opened: ")
    assert delegate.votes.ballot_dialog is not None
    assert delegate.votes.ballot_dialog.poll_id == draft["id"]
    delegate.votes.ballot_dialog.reject()


def hint(window: Any, start: str) -> str:
    """What clicking the notice that starts with ``start`` says it does."""
    return next(n.hint.text() for n in window.notices.notices if n.text.text().startswith(start))


@pytest.mark.e2e
def test_a_new_document_and_the_presenter_moving_are_announced(
        qtbot: Any, open_room: Any, sample: Path) -> None:  # noqa: F811
    chair = open_room("chair")
    delegate = open_room("delegate2")
    start_meeting(qtbot, chair)
    doc = upload(qtbot, chair, sample, "Tờ trình thông báo")
    qtbot.waitUntil(lambda: shown(delegate, "New document: Tờ trình thông báo"), timeout=WAIT)
    assert not shown(chair, "New document")  # my own upload is no news to me
    delegate.central.setCurrentWidget(delegate.floor_page)
    click(qtbot, delegate, "New document: Tờ trình thông báo")
    assert delegate.central.currentWidget() is delegate.documents.tab
    assert delegate.documents.tab.open_document_id == doc["id"]

    chair_tab = chair.documents.tab
    assert chair_tab.open_document(doc["id"])
    qtbot.waitUntil(lambda: chair_tab.reader_page.loaded, timeout=WAIT)
    chair.documents.link.present_action.setChecked(True)
    chair.documents.reader.go_to_page(2)
    reader = delegate.documents.reader
    qtbot.waitUntil(lambda: reader.page_count > 0 and reader.current_page == 2, timeout=WAIT)
    assert not shown(delegate, "The presenter")  # following: the pages move, no notice
    reader.toolbar.next_action.trigger()  # browsing away
    qtbot.waitUntil(lambda: not delegate.documents.link.following, timeout=WAIT)
    chair.documents.reader.go_to_page(5)
    qtbot.waitUntil(lambda: shown(delegate, "The presenter is on page 6 of Tờ trình thông báo"),
                    timeout=WAIT)
    click(qtbot, delegate, "The presenter is on page 6")
    qtbot.waitUntil(lambda: reader.current_page == 5, timeout=WAIT)
    assert delegate.documents.link.following
    chair.documents.link.present_action.setChecked(False)
