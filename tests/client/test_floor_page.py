"""The Floor tab and the floor strip, with no server: a real store fed with real events
through the reducer, a frozen server clock, and a connection that records the commands
sent (see floor_data.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.floor.page import FloorPage
from meeting_app.ui.floor.queues import SITE_ROLE, QueuePanel, speaking_site_colour
from meeting_app.ui.floor.strip import FloorStrip
from tests.client.floor_data import CHAIR, DN, HCM, OBSERVER, SECRETARY, Meeting, request, speaking
from tests.support.capabilities import you_fields


class Floor:
    """A meeting, its FloorActions, the Floor page and the strip in one shown widget."""

    def __init__(self, qtbot: Any, role: str, user_id: int) -> None:
        self.meeting = Meeting(role, user_id)
        self.actions = FloorActions(self.meeting.store, self.meeting.sender)
        self.page = FloorPage(self.actions)
        self.strip = FloorStrip(self.actions)
        self.widget = QWidget()
        layout = QVBoxLayout(self.widget)
        layout.addWidget(self.strip)
        layout.addWidget(self.page, 1)
        qtbot.addWidget(self.widget)
        self.widget.resize(720, 660)
        self.widget.show()

    @property
    def sent(self) -> list[tuple[str, dict[str, Any]]]:
        return self.meeting.connection.sent

    def last(self, name: str) -> dict[str, Any]:
        return self.meeting.connection.last(name)


@pytest.fixture
def floor(qtbot: Any) -> Iterator[Any]:
    def make(role: str = "delegate", user_id: int = 13) -> Floor:
        return Floor(qtbot, role, user_id)
    yield make


def site_rows(panel: QueuePanel) -> list[tuple[str, list[str]]]:
    return [(header.text(0), [header.child(i).text(0) for i in range(header.childCount())])
            for header in panel.site_headers()]


def test_the_queues_are_grouped_by_site_in_queue_order(floor: Any) -> None:
    room = floor("delegate", 13)
    room.meeting.busy_floor()  # Nhung (TP. HCM) speaks; requests from three sites
    speak = room.page.queue("speak")
    assert site_rows(speak) == [
        ("Hội trường Bộ (Hà Nội)  (1)", ["2.  Lê Quang Đức"]),
        ("Điểm cầu Đà Nẵng  (2)", ["1.  Hoàng Minh Tuấn (you)", "3.  Bùi Thị Ngọc Ánh"]),
    ]
    assert [item.text(1) for item in speak.request_items()] == ["3 min", "5 min", "1 min"]
    questions = room.page.queue("question")
    assert site_rows(questions) == [
        ("Hội trường Bộ (Hà Nội)  (1)", ["2.  Đỗ Trọng Nghĩa"]),
        ("Điểm cầu TP. Hồ Chí Minh  (1)", ["1.  Đặng Văn Lâm"]),
    ]
    # The speaker's site stands out wherever sites are listed.
    hcm = questions.site_headers()[1]
    assert hcm.data(0, SITE_ROLE) == HCM and hcm.background(0).color() == speaking_site_colour()
    assert questions.site_headers()[0].background(0).color() != speaking_site_colour()
    assert room.meeting.store.speaking_site_id == HCM
    assert speak.count.text() == "3 waiting"


def test_a_delegate_asks_for_the_floor_and_withdraws(floor: Any, qtbot: Any) -> None:
    room = floor("delegate", 14)
    mine = room.page.mine.speak
    assert mine.ask_button.isVisible() and not mine.withdraw_button.isVisible()
    mine.ask_button.click()
    assert room.last("speaker.request") == {"meeting_id": 1, "kind": "speak"}
    # Nothing changes until the server's event says so.
    assert mine.request is None and mine.ask_button.isVisible()

    room.meeting.queue(request(8, 13, "speak", 60), request(9, 14, "speak", 0))
    assert mine.request is not None and mine.request["id"] == 9
    assert not mine.ask_button.isVisible() and mine.withdraw_button.isVisible()
    assert mine.status.text() == "Speech: you are number 2 in the queue"
    assert room.page.mine.question.ask_button.isVisible()  # a question is another queue
    assert room.page.queue("speak").request_items()[0].text(0) == "2.  Vũ Thị Thu Hằng (you)"  # Hà Nội first

    room.meeting.queue(request(9, 14, "speak", 70))  # the first one was granted
    assert mine.status.text() == "Speech: you are number 1 in the queue"
    mine.withdraw_button.click()
    assert room.last("speaker.withdraw") == {"meeting_id": 1, "speaker_request_id": 9}
    room.meeting.queue()
    assert mine.ask_button.isVisible() and mine.request is None


def test_a_delegate_sees_no_chair_controls_and_an_observer_cannot_ask(floor: Any) -> None:
    room = floor("delegate", 13)
    room.meeting.busy_floor()
    speak = room.page.queue("speak")
    assert speak.controls.isHidden() and room.page.others.isHidden()
    assert room.page.speaker.plus_30.isHidden() and room.page.speaker.end_button.isHidden()
    observer = floor("observer", OBSERVER)
    assert observer.page.mine.speak.isHidden() and observer.page.mine.question.isHidden()
    assert observer.page.mine.observer_hint.isVisible()


def test_the_chair_grants_with_the_chosen_limit(floor: Any) -> None:
    room = floor("chair", CHAIR)
    room.meeting.busy_floor()
    speak = room.page.queue("speak")
    assert speak.grant_button.isVisible() and speak.grant_button.isEnabled()
    room.page.others.limit.setCurrentIndex(room.page.others.limit.findText("5 min"))
    assert room.actions.limit_seconds == 300
    speak.select(10)  # Ánh, third in the queue
    speak.grant_button.click()
    assert room.last("speaker.grant") == {"meeting_id": 1, "speaker_request_id": 10, "seconds": 300}

    room.page.others.limit.setCurrentIndex(room.page.others.limit.findText("No limit"))
    speak.tree.clearSelection()
    speak.grant_button.click()  # nothing selected: the first in the queue
    assert room.last("speaker.grant") == {"meeting_id": 1, "speaker_request_id": 8}

    room.page.others.select_user(19)  # straight to a participant, not queued
    room.page.others.limit.setCurrentIndex(room.page.others.limit.findText("2 min"))
    room.page.others.grant_button.click()
    assert room.last("speaker.grant") == {"meeting_id": 1, "user_id": 19, "seconds": 120}


def test_the_chair_extends_ends_reorders_and_withdraws(floor: Any) -> None:
    room = floor("chair", CHAIR)
    room.meeting.busy_floor()
    card = room.page.speaker
    card.plus_30.click()
    assert room.last("speaker.extend") == {"meeting_id": 1, "seconds": 30}
    card.plus_60.click()
    assert room.last("speaker.extend") == {"meeting_id": 1, "seconds": 60}
    card.end_button.click()
    assert room.last("speaker.end") == {"meeting_id": 1}

    speak = room.page.queue("speak")
    speak.select(10)
    assert not speak.down_button.isEnabled()  # already last
    speak.up_button.click()
    assert room.last("speaker.reorder") == {"meeting_id": 1, "kind": "speak",
                                            "request_ids": [8, 10, 9]}
    speak.select(8)
    assert not speak.up_button.isEnabled()
    speak.down_button.click()
    assert room.last("speaker.reorder")["request_ids"] == [9, 8, 10]
    # The new order shows when the server's event comes; the selection stays.
    room.meeting.queue(request(9, 11, "speak", 200), request(8, 13, "speak", 300),
                       request(10, 16, "speak", 90))
    assert speak.selected_request()["id"] == 8
    assert site_rows(speak)[1][1] == ["2.  Hoàng Minh Tuấn", "3.  Bùi Thị Ngọc Ánh"]
    speak.withdraw_button.click()
    assert room.last("speaker.withdraw") == {"meeting_id": 1, "speaker_request_id": 8}


def test_a_secretary_registers_for_someone_and_withdraws(floor: Any) -> None:
    room = floor("secretary", SECRETARY)
    room.meeting.busy_floor()
    others = room.page.others
    assert others.isVisible() and others.grant_button.isHidden() and others.limit.isHidden()
    questions = room.page.queue("question")
    assert questions.grant_button.isHidden()  # granting is the chair's
    assert questions.up_button.isVisible()  # a secretary of the central site reorders
    others.select_user(18)
    others.question_button.click()
    assert room.last("speaker.request") == {"meeting_id": 1, "kind": "question", "user_id": 18}
    questions.select(11)
    questions.withdraw_button.click()
    assert room.last("speaker.withdraw") == {"meeting_id": 1, "speaker_request_id": 11}


def test_a_site_secretary_does_not_reorder(floor: Any) -> None:
    room = floor("secretary", SECRETARY)
    assert room.actions.may_reorder
    person = dict(room.meeting.store.participant(SECRETARY), site_id=DN)
    # What the server sends when it moves them: their capabilities first (no ORDER_QUEUE
    # for a secretary of a remote site), then the change.
    room.meeting.event("capabilities.changed", {"user_id": SECRETARY,
                                                **you_fields("secretary", managed_site_id=DN)})
    room.meeting.event("participant.changed", {"participant": person})
    assert not room.actions.may_reorder and room.actions.may_act_for_others
    assert room.page.queue("speak").up_button.isHidden()
    assert room.page.queue("speak").withdraw_button.isVisible()


def test_the_countdown_runs_on_the_servers_clock(floor: Any, qtbot: Any) -> None:
    room = floor("delegate", 13)
    room.meeting.floor(speaking(12, 7, spoken=60, limit=180))
    clocks = (room.page.speaker.clock, room.strip.clock)
    for clock in clocks:
        assert clock.text() == "02:00" and clock.tone == "normal"
    assert room.page.speaker.clock_caption.text() == "TIME LEFT OF 3 min"
    assert room.strip.text.full_text == "Phạm Thị Hồng Nhung  ·  Điểm cầu TP. Hồ Chí Minh  ·  Speech"

    room.meeting.clock.advance(95.5)  # 24.5 s left: amber
    for clock in clocks:
        qtbot.waitUntil(lambda c=clock: c.text() == "00:25", timeout=2000)
        assert clock.tone == "warning"
    room.meeting.clock.advance(30)  # 5.5 s over: red, counting up
    for clock in clocks:
        qtbot.waitUntil(lambda c=clock: c.text() == "+00:05", timeout=2000)
        assert clock.tone == "over"

    # Extended by a minute: the new ends_at comes in a floor event.
    current = speaking(12, 7, spoken=60, limit=240)
    room.meeting.floor(current)
    assert room.page.speaker.clock.text() == "00:55" and room.page.speaker.clock.tone == "normal"

    room.meeting.floor(speaking(11, None, spoken=75, limit=None))  # no limit: time spoken
    assert room.page.speaker.clock.text() == "03:20"  # 75 s before NOW + the 125.5 s advanced
    assert room.page.speaker.clock_caption.text() == "SPEAKING FOR (NO LIMIT)"

    room.meeting.floor(None)
    assert room.page.speaker.name.text() == "Nobody has the floor"
    assert room.strip.text.full_text == "Nobody has the floor" and room.strip.clock.isHidden()


def test_the_speaker_reads_you_have_the_floor_and_may_end(floor: Any) -> None:
    room = floor("delegate", 12)
    room.meeting.busy_floor()  # 12 (Nhung) holds the floor
    assert room.actions.holds_floor
    assert room.strip.mine.isVisible() and room.strip.mine.text() == "You have the floor"
    assert room.strip.property("tone") == "mine"
    assert room.page.speaker.caption.text() == "YOU HAVE THE FLOOR"
    assert room.page.speaker.plus_30.isHidden()  # extending is the chair's
    room.strip.end_button.click()
    assert room.last("speaker.end") == {"meeting_id": 1}
    assert room.page.speaker.end_button.text() == "I have finished"


def test_the_strip_opens_the_floor_and_counts_who_waits(floor: Any, qtbot: Any) -> None:
    room = floor("delegate", 13)
    room.meeting.busy_floor()
    assert room.strip.waiting.text() == "Waiting: 3 to speak · 2 questions"
    with qtbot.waitSignal(room.strip.open_requested, timeout=1000):
        qtbot.mouseClick(room.strip.text, Qt.MouseButton.LeftButton)


def test_commands_wait_for_the_connection(floor: Any) -> None:
    room = floor("chair", CHAIR)
    room.meeting.busy_floor()
    room.meeting.connection.status = "reconnecting"
    room.meeting.connection.status_changed.emit("reconnecting")
    assert not room.page.mine.speak.ask_button.isEnabled()
    assert not room.page.queue("speak").grant_button.isEnabled()
    assert not room.page.speaker.end_button.isEnabled()
