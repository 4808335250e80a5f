"""The room's banners over its tabs, against the real demo server: the chair sees that
presenting is on (which page every site sees) on any tab and stops it there; a participant
entering a live meeting without having checked in is asked to, and checks in from the
banner."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from meeting_app.ui.room.window import MeetingRoomWindow

pytestmark = pytest.mark.e2e
WAIT = 30_000


def present_page(qtbot: Any, chair: MeetingRoomWindow, page: int) -> int:
    """The chair starts the meeting, opens a demo document, turns Present on, shows ``page``."""
    chair.start_meeting()
    qtbot.waitUntil(lambda: chair.store.meeting["status"] == "live", timeout=WAIT)
    tab = chair.documents.tab
    doc = next(d for d in chair.store.documents if d.get("pages", 0) > page)
    assert tab.open_document(doc["id"])
    qtbot.waitUntil(lambda: tab.reader_page.loaded, timeout=WAIT)
    chair.central.setCurrentWidget(tab)
    button = chair.documents.tab.reader_page.present_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    chair.documents.reader.go_to_page(page)
    qtbot.waitUntil(lambda: chair.store.presenter == {"document_id": doc["id"], "page": page},
                    timeout=WAIT)
    return int(doc["id"])


def test_the_chair_sees_presenting_is_on_and_stops_it_from_any_tab(
        qtbot: Any, open_room: Any) -> None:
    chair = open_room("chair")
    delegate = open_room("delegate1")
    banner = chair.presenting_banner
    assert not banner.isVisible()
    doc_id = present_page(qtbot, chair, 3)
    title = chair.store.document_by_id(doc_id)["title"]
    assert banner.isVisible()
    assert banner.label.text() == f"Presenting page 4 of “{title}” to all sites"
    assert chair.documents.link.present_action.isChecked()
    qtbot.waitUntil(lambda: delegate.store.presenter is not None, timeout=WAIT)
    assert not delegate.presenting_banner.isVisible()  # only the presenter's

    chair.central.setCurrentWidget(chair.votes)  # away from the reader: still said
    assert banner.isVisible()
    chair.grab().save("/tmp/presenting-banner.png")
    qtbot.mouseClick(banner.stop_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    assert not chair.documents.link.present_action.isChecked()
    qtbot.waitUntil(lambda: delegate.store.presenter is None, timeout=WAIT)


def check_in_state(window: MeetingRoomWindow) -> str:
    me = window.store.participant(window.store.my_user_id) or {}
    return str(me.get("attendance", "unknown"))


def test_entering_a_live_meeting_unchecked_asks_to_check_in(qtbot: Any, open_room: Any) -> None:
    chair = open_room("chair")
    delegate = open_room("delegate1")
    assert not delegate.check_in_banner.isVisible()  # not before the meeting starts
    chair.start_meeting()
    qtbot.waitUntil(lambda: delegate.store.meeting["status"] == "live", timeout=WAIT)
    banner = delegate.check_in_banner
    assert banner.isVisible() and chair.check_in_banner.isVisible()
    delegate.central.setCurrentWidget(delegate.attendance)  # its own banner says it there
    assert not banner.isVisible() and delegate.attendance.banner.isVisible()
    delegate.central.setCurrentWidget(delegate.votes)  # on any other tab
    assert banner.isVisible()
    delegate.grab().save("/tmp/check-in-banner.png")
    qtbot.mouseClick(banner.check_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: check_in_state(delegate) == "present", timeout=WAIT)
    assert not banner.isVisible()
    qtbot.waitUntil(lambda: check_in_state(chair) == "unknown" and any(
        p["user_id"] == delegate.store.my_user_id and p["attendance"] == "present"
        for p in chair.store.participants), timeout=WAIT)

    # Entering again, checked in: no banner. The chair puts it off with "Not now".
    again = open_room("delegate1", "tablet")
    assert again.store.meeting["status"] == "live" and not again.check_in_banner.isVisible()
    qtbot.mouseClick(chair.check_in_banner.later_button, Qt.MouseButton.LeftButton)
    assert not chair.check_in_banner.isVisible()
    assert check_in_state(chair) == "unknown"
    assert chair.attendance.banner.isVisibleTo(chair.attendance)  # the tab still offers it
