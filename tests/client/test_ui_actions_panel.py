"""My action items across meetings, in the meetings window: listed with the filters the
user chose, overdue ones marked, and "Mark done" only for my own."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from meeting_app.ui.meetings_window import MeetingsWindow
from meeting_app.ui.session import Session
from tests.client.minutes_server import TOKEN, USERS, MinutesServer

WAIT = 15_000
ME = USERS["delegate1"]
ACTIONS = [
    {"id": 31, "meeting_id": 1, "meeting_title": "Hội nghị tổng kết công tác năm 2026", "agenda_item_id": 11,
     "title": "Rà soát chỉ tiêu năm 2027", "owner_id": ME, "owner_name": "Lê Hoàng Cường",
     "due": "2020-01-31", "status": "open", "updated_at": "2026-12-01T09:00:00+00:00"},
    {"id": 32, "meeting_id": 2, "meeting_title": "Họp giao ban tháng 12/2026", "agenda_item_id": None,
     "title": "Báo cáo tiến độ giải ngân", "owner_id": None, "owner_name": "Vụ Kế hoạch - Tài chính",
     "due": None, "status": "open", "updated_at": "2026-12-01T09:00:00+00:00"},
    {"id": 33, "meeting_id": 1, "meeting_title": "Hội nghị tổng kết công tác năm 2026", "agenda_item_id": 12,
     "title": "Gửi tài liệu cho các điểm cầu", "owner_id": ME, "owner_name": "Lê Hoàng Cường",
     "due": "2027-01-10", "status": "done", "updated_at": "2026-12-01T09:00:00+00:00"},
]


def listed(payload: dict[str, Any]) -> dict[str, Any]:
    """What a server answers to ``action.list`` for these filters."""
    rows = [a for a in ACTIONS if payload.get("status") in (None, a["status"])
            and payload.get("owner_id") in (None, a["owner_id"])
            and payload.get("query", "").lower() in a["title"].lower()]
    return {"ok": True, "data": {"actions": rows}}


@pytest.fixture
def window(qtbot: Any) -> Iterator[MeetingsWindow]:
    server = MinutesServer(role="delegate", user_id=ME)
    server.answers["meeting.list"] = {"ok": True, "data": {"meetings": []}}
    server.answers["action.list"] = listed
    done = {k: v for k, v in ACTIONS[0].items() if k != "meeting_title"}
    server.answers["action.set_status"] = {"ok": True, "data": {"action": {**done, "status": "done"}}}
    server.start()
    made = MeetingsWindow(Session(server.url, TOKEN, {"id": ME, "full_name": "Lê Hoàng Cường"}))
    made.server = server  # type: ignore[attr-defined]
    qtbot.addWidget(made)
    made.open()
    qtbot.waitUntil(lambda: made.loaded, timeout=WAIT)
    yield made
    made.close()
    server.stop()


def test_my_open_action_items_are_listed_and_i_mark_one_done(window: MeetingsWindow, qtbot: Any) -> None:
    server: MinutesServer = window.server  # type: ignore[attr-defined]
    panel = window.actions_panel
    window.show_actions()
    qtbot.waitUntil(lambda: panel.loaded, timeout=WAIT)
    assert server.sent("action.list")[-1] == {"status": "open", "owner_id": ME}
    assert [a["id"] for a in panel.rows()] == [31]
    assert [panel.table.item(0, c).text() for c in range(5)] == [
        "Rà soát chỉ tiêu năm 2027", "Hội nghị tổng kết công tác năm 2026", "Lê Hoàng Cường",
        "31/01/2020", "Open"]
    assert panel.table.item(0, 3).toolTip() == "Overdue"
    assert not panel.done_button.isEnabled()  # nothing selected
    panel.table.selectRow(0)
    assert panel.done_button.isEnabled()
    calls = len(server.sent("action.list"))
    panel.done_button.click()
    qtbot.waitUntil(lambda: bool(server.sent("action.set_status")), timeout=WAIT)
    assert {k: v for k, v in server.sent("action.set_status")[0].items() if k != "request_id"} == {
        "action_id": 31, "status": "done"}
    qtbot.waitUntil(lambda: len(server.sent("action.list")) > calls, timeout=WAIT)  # listed again


def test_the_filters_ask_the_server_and_others_items_cannot_be_marked(
        window: MeetingsWindow, qtbot: Any) -> None:
    server: MinutesServer = window.server  # type: ignore[attr-defined]
    panel = window.actions_panel
    window.show_actions()
    qtbot.waitUntil(lambda: panel.loaded, timeout=WAIT)
    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("all"))
    qtbot.waitUntil(lambda: [a["id"] for a in panel.rows()] == [31, 32], timeout=WAIT)
    assert server.sent("action.list")[-1] == {"status": "open"}
    panel.table.selectRow(1)  # a unit's item, not mine
    assert panel.table.item(1, 2).text() == "Vụ Kế hoạch - Tài chính"
    assert not panel.done_button.isEnabled()

    panel.status_combo.setCurrentIndex(panel.status_combo.findData(None))
    panel.search_edit.setText("tài liệu")
    qtbot.waitUntil(lambda: [a["id"] for a in panel.rows()] == [33], timeout=WAIT)
    assert server.sent("action.list")[-1] == {"query": "tài liệu"}
    panel.table.selectRow(0)
    assert not panel.done_button.isEnabled()  # done already
    panel.search_edit.setText("không có")
    qtbot.waitUntil(lambda: not panel.rows(), timeout=WAIT)
    assert panel.empty.text() == "No action item matches."
