"""The floor in the meeting room against a real server: a delegate asks, the chair's room
shows the request and grants it with a limit, both strips show the speaker and the same
countdown, the speaker ends; the room display and the console open from the tool bar."""

from __future__ import annotations

from typing import Any

WAIT = 20_000
MEETING = 1


def test_a_request_granted_and_ended_across_two_rooms(open_room: Any, qtbot: Any) -> None:
    chair = open_room("chair")
    delegate = open_room("delegate2")
    chair.start_meeting()
    qtbot.waitUntil(lambda: delegate.store.meeting["status"] == "live", timeout=WAIT)
    # The server's time came with the join (and heartbeats): countdowns agree across sites.
    assert chair.central.indexOf(chair.floor_page) >= 0

    delegate.central.setCurrentWidget(delegate.floor_page)
    delegate.floor_page.mine.speak.ask_button.click()
    mine = delegate.floor_page.mine.speak
    qtbot.waitUntil(lambda: mine.request is not None, timeout=WAIT)
    assert mine.status.text() == "Speech: you are number 1 in the queue"

    queue = chair.floor_page.queue("speak")
    qtbot.waitUntil(lambda: len(queue.request_items()) == 1, timeout=WAIT)
    me = delegate.store.participant(delegate.store.my_user_id)
    site = delegate.store.site(me["site_id"])
    assert queue.site_headers()[0].text(0) == f"{site['name']}  (1)"
    assert queue.request_items()[0].text(0) == f"1.  {me['full_name']}"

    chair.floor_page.others.limit.setCurrentIndex(chair.floor_page.others.limit.findText("2 min"))
    queue.grant_button.click()
    qtbot.waitUntil(lambda: delegate.floor.holds_floor, timeout=WAIT)
    assert delegate.floor_strip.mine.isVisible()
    assert delegate.store.speaker["limit_seconds"] == 120
    assert mine.request is None  # granted: out of the queue
    qtbot.waitUntil(lambda: chair.floor_strip.text.full_text.startswith(me["full_name"]),
                    timeout=WAIT)
    for room in (chair, delegate):
        clock = room.floor_strip.clock
        qtbot.waitUntil(lambda c=clock: c.text() in ("02:00", "01:59", "01:58"), timeout=WAIT)
    # The floor holder may present documents now.
    assert delegate.documents.link.present_action.isVisible()

    delegate.floor_strip.end_button.click()
    qtbot.waitUntil(lambda: chair.store.speaker is None, timeout=WAIT)
    assert chair.store.speakers["history"][-1]["user_id"] == me["user_id"]
    qtbot.waitUntil(lambda: not delegate.floor_strip.mine.isVisible(), timeout=WAIT)


def test_the_console_and_the_room_display_open_from_the_room(open_room: Any, qtbot: Any) -> None:
    chair = open_room("chair")
    assert chair.console_action.isVisible()
    console = chair.open_console()
    assert console.isVisible() and console.agenda.rows
    assert console.attendance.verdict.text() in ("Quorum reached", "No quorum")
    display = chair.open_display()
    assert display.isVisible()
    assert display.meeting_title.text() == chair.store.meeting["title"]
    delegate = open_room("delegate1")
    assert not delegate.console_action.isVisible()
