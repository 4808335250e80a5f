"""The room tells the chair of every role or weight change made during the live meeting
(the ``change`` of ``participant.changed``), and a member that their proxy voted for them
(the user event ``poll.proxy_voted``): real notices in a real window."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from meeting_app.state.store import MeetingStore
from meeting_app.ui.notices import NoticeArea
from meeting_app.ui.room.rights_notices import RightsNotifier
from tests.support import meeting_data as md


def event(seq: int, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"meeting_id": 1, "seq": seq, "type": kind, "data": data, "at": ""}


KEEP: list[tuple[MeetingStore, RightsNotifier]] = []


@pytest.fixture(autouse=True)
def _let_go() -> Iterator[None]:
    yield
    KEEP.clear()


class Room:
    """What a notice's click may ask of the room."""

    def __init__(self) -> None:
        self.opened: list[int] = []

    def open_ballot(self, poll_id: int) -> None:
        self.opened.append(poll_id)


def notifier_for(qtbot: Any, user_id: int, role: str) -> tuple[MeetingStore, NoticeArea, Room]:
    host = QMainWindow()
    qtbot.addWidget(host)
    host.resize(800, 600)
    host.show()
    qtbot.waitExposed(host)
    area = NoticeArea(host)
    store = MeetingStore()
    snapshot = md.meeting_snapshot(user_id, role)
    snapshot["polls"] = [{"id": 5, "status": "open", "question": "Thông qua báo cáo?"}]
    store.load(1, snapshot)
    room = Room()
    notifier = RightsNotifier(store, area, room, None)  # type: ignore[arg-type]
    KEEP.append((store, notifier))  # no Qt parent: kept here for the test's length
    return store, area, room


def changed(user_id: int, role: str, by: int, before: list[Any], weights: list[Any]) -> dict[str, Any]:
    person = next(p for p in md.participants() if p["user_id"] == user_id)
    return {"participant": {**person, "role": role, "voting_weight": weights[1]},
            "change": {"by": by, "role": before, "voting_weight": weights}}


def test_the_chair_is_told_of_each_role_or_weight_change(qtbot: Any) -> None:
    store, area, _room = notifier_for(qtbot, 1, "chair")
    store.apply(event(2, "participant.changed", changed(8, "observer", 2, ["delegate", "observer"], [1, 1])))
    store.apply(event(3, "participant.changed", changed(4, "delegate", 99, ["delegate", "delegate"], [1, 5])))
    assert area.texts() == ["Đặng Văn Lâm: role Delegate → Observer (by Trần Thị Mai)",
                            "Lê Quang Đức: voting weight 1 → 5 (by someone)"]
    store.apply(event(4, "participant.changed", {"participant": store.participant(6)}))  # no change
    assert len(area.texts()) == 2
    delegate_store, delegate_area, _ = notifier_for(qtbot, 5, "delegate")
    delegate_store.apply(event(2, "participant.changed", changed(8, "observer", 2, ["delegate", "observer"],
                                                                [1, 1])))
    assert delegate_area.texts() == []  # the chair's concern


def test_a_member_is_told_that_their_proxy_voted(qtbot: Any) -> None:
    _store, area, room = notifier_for(qtbot, 10, "delegate")  # Đỗ Trọng Nghĩa, represented by 4
    notifier = KEEP[-1][1]
    notifier.user_event({"meeting_id": 1, "type": "poll.proxy_voted", "data": {"poll_id": 5, "proxy_id": 4},
                         "at": ""})
    assert area.texts() == ["Lê Quang Đức, your proxy, voted for you: Thông qua báo cáo?"]
    qtbot.mouseClick(area.notices[0], Qt.MouseButton.LeftButton)
    assert room.opened == [5]
