"""The chair console with no server: agenda timing from a known snapshot and a frozen
server clock, the attendance and quorum summary, and the chair's controls."""

from __future__ import annotations

from typing import Any

import pytest

from meeting_app.state.floor import agenda_timing, floor_time, moved, position_of
from meeting_app.ui.console.window import ChairConsole
from meeting_app.ui.floor.actions import FloorActions
from tests.client.floor_data import CHAIR, HCM, NOW, SECRETARY, Meeting, iso, request, speaking


@pytest.fixture
def console(qtbot: Any) -> Any:
    def make(role: str = "chair", user_id: int = CHAIR) -> tuple[Meeting, ChairConsole]:
        meeting = Meeting(role, user_id)
        window = ChairConsole(meeting.session, FloorActions(meeting.store, meeting.sender))
        qtbot.addWidget(window)
        window.show()
        return meeting, window
    return make


def figures(window: ChairConsole) -> list[str]:
    return [row.figures.text() for row in window.agenda.rows]


def test_the_agenda_timing_of_a_known_meeting(console: Any, qtbot: Any) -> None:
    meeting, window = console()
    # Started 14 min ago; item 1 took 12 min (planned 10); item 2 current for 2 min.
    assert figures(window)[:3] == ["planned 10 min  ·  spent 12:00  ·  02:00 over",
                                   "planned 30 min  ·  spent 02:00  ·  28:00 left",
                                   "planned 30 min"]
    assert window.agenda.rows[0].figures.property("over") is True
    assert window.agenda.rows[1].property("current") is True
    assert window.agenda.total.text() == \
        "Meeting: 0:14:00 of 2:40:00 planned — 2:26:00 left in the plan"
    assert window.header.clock.text() == "0:14:00 / 2:40:00"

    meeting.clock.advance(60)  # the current item's time runs, by the server's clock
    qtbot.waitUntil(lambda: figures(window)[1] == "planned 30 min  ·  spent 03:00  ·  27:00 left",
                    timeout=3000)
    qtbot.waitUntil(lambda: window.header.clock.text() == "0:15:00 / 2:40:00", timeout=3000)

    # The chair moves on: item 2 keeps its 3 minutes, item 3 starts from zero.
    meeting.event("agenda.current_changed", {"item_id": 103, "started_at": iso(meeting.clock.now()),
                                             "previous": {"item_id": 102, "elapsed_seconds": 180}})
    assert figures(window)[1:3] == ["planned 30 min  ·  spent 03:00  ·  27:00 left",
                                    "planned 30 min  ·  spent 00:00  ·  30:00 left"]
    assert window.agenda.rows[2].property("current") is True


def test_the_quorum_and_the_sites(console: Any) -> None:
    meeting, window = console()
    summary = window.attendance
    assert summary.verdict.text() == "Quorum reached"
    # Chair + 9 delegates are members; secretary and observer are not.
    assert summary.figures.text() == ("10 of 10 members present (0 by proxy); 6 needed: "
                                      "more than half of the members.")
    for user_id in (11, 12, 13, 14, 15):
        meeting.event("attendance.changed", {"user_id": user_id, "attendance": "absent", "reason": None})
    assert summary.verdict.text() == "No quorum"
    assert summary.quorum is not None and (summary.quorum.counted, summary.quorum.required) == (5, 6)
    # A proxy counts the absent member as present.
    person = dict(meeting.store.participant(15), proxy_id=16)
    meeting.event("participant.changed", {"participant": person})
    assert summary.verdict.text() == "Quorum reached"
    assert summary.figures.text().startswith("6 of 10 members present (1 by proxy)")
    assert summary.site_texts()[1] == "Điểm cầu TP. Hồ Chí Minh\n2/3 present · 3/3 online"

    meeting.floor(speaking(12, 7))
    assert summary.sites.item(1).data(256) == HCM
    assert summary.sites.item(1).toolTip() == "The speaker holding the floor is at this site"
    assert summary.sites.item(0).toolTip() == ""


def test_the_chair_steers_from_the_console(console: Any) -> None:
    meeting, window = console()
    meeting.queue(request(8, 13, "speak", 60))
    window.agenda.next_button.click()
    assert meeting.connection.last("agenda.set_current") == {"meeting_id": 1, "item_id": 103}
    window.agenda.previous_button.click()
    assert meeting.connection.last("agenda.set_current") == {"meeting_id": 1, "item_id": 101}
    window.agenda.select(105)
    window.agenda.discuss_button.click()
    assert meeting.connection.last("agenda.set_current") == {"meeting_id": 1, "item_id": 105}
    window.queue("speak").grant_button.click()
    assert meeting.connection.last("speaker.grant") == {"meeting_id": 1, "speaker_request_id": 8,
                                                        "seconds": 180}
    assert not window.header.start_button.isEnabled() and window.header.end_button.isEnabled()


def test_the_secretary_sees_the_console_without_the_chairs_controls(console: Any) -> None:
    _meeting, window = console("secretary", SECRETARY)
    assert window.agenda.controls.isHidden()
    assert window.header.start_button.isHidden() and window.header.end_button.isHidden()
    assert window.queue("speak").grant_button.isHidden()
    assert window.others.isVisible() and window.others.grant_button.isHidden()


def test_floor_numbers() -> None:
    current = speaking(12, 7, spoken=60, limit=180)
    timing = floor_time(current, NOW)
    assert timing is not None and (timing.text, timing.tone) == ("02:00", "normal")
    late = floor_time(current, NOW.replace(minute=32, second=1))  # 2 min 1 s later
    assert late is not None and (late.text, late.tone) == ("+00:01", "over")
    assert floor_time(None, NOW) is None
    speakers = {"queue": [request(1, 11, "speak", 5), request(2, 12, "question", 5),
                          request(3, 13, "speak", 5)]}
    assert position_of(speakers, 3) == 2 and position_of(speakers, 2) == 1
    assert position_of(speakers, 99) is None
    assert moved([1, 2, 3], 3, -1) == [1, 3, 2] and moved([1, 2, 3], 1, -1) is None


def test_agenda_timing_before_the_start() -> None:
    meeting = {"status": "scheduled", "current_item_id": None, "started_at": None}
    timing = agenda_timing(meeting, [{"id": 1, "title": "A", "duration_min": 15},
                                     {"id": 2, "title": "B", "duration_min": None}], NOW)
    assert (timing.planned, timing.elapsed) == (900, 0.0)
    assert [item.spent for item in timing.items] == [0.0, 0.0]
