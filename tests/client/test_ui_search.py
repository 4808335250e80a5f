"""Search in the meetings window: the box asks the server with the filters chosen, the
results show what was found where, and activating one opens its meeting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from meeting_app.ui.meetings_window import MeetingsWindow
from meeting_app.ui.session import Session
from tests.client.minutes_server import TOKEN, USERS, MinutesServer

WAIT = 15_000
ME = USERS["delegate1"]
RESULTS = [
    {"kind": "meeting", "meeting_id": 2, "meeting_title": "Họp giao ban tháng 12/2026",
     "starts_at": "2026-12-20T01:30:00.000Z", "title": "Họp giao ban tháng 12/2026",
     "snippet": "Họp giao ban tháng 12/2026 Dự toán ngân sách năm 2027"},
    {"kind": "conclusion", "meeting_id": 1, "meeting_title": "Hội nghị tổng kết công tác năm 2026",
     "starts_at": "2026-12-15T01:00:00.000Z", "id": 11, "title": "Báo cáo tổng kết công tác năm 2026",
     "snippet": "…giao Vụ Kế hoạch - Tài chính hoàn thiện dự toán ngân sách trước 31/12"},
    {"kind": "action", "meeting_id": 1, "meeting_title": "Hội nghị tổng kết công tác năm 2026",
     "starts_at": "2026-12-15T01:00:00.000Z", "id": 31, "title": "Rà soát dự toán ngân sách",
     "snippet": "Rà soát dự toán ngân sách Vụ Kế hoạch - Tài chính", "status": "open"},
    {"kind": "document", "meeting_id": 1, "meeting_title": "Hội nghị tổng kết công tác năm 2026",
     "starts_at": "2026-12-15T01:00:00.000Z", "id": 7, "title": "Tờ trình dự toán ngân sách 2027",
     "snippet": "…Phần II. Dự toán NGÂN SÁCH nhà nước năm 2027 được xây dựng…", "page": 2},
]


def answer(payload: dict[str, Any]) -> dict[str, Any]:
    """Everything for "ngân sách", nothing for anything else; an action status keeps actions."""
    rows = RESULTS if payload["query"] == "ngân sách" else []
    if payload.get("status") in ("open", "done"):
        rows = [r for r in rows if r.get("status") == payload["status"]]
    return {"ok": True, "data": {"results": rows}}


@pytest.fixture
def window(qtbot: Any) -> Iterator[MeetingsWindow]:
    server = MinutesServer(role="delegate", user_id=ME)
    server.answers["meeting.list"] = {"ok": True, "data": {"meetings": []}}
    server.answers["search"] = answer
    server.start()
    made = MeetingsWindow(Session(server.url, TOKEN, {"id": ME, "full_name": "Lê Hoàng Cường"}))
    made.server = server  # type: ignore[attr-defined]
    qtbot.addWidget(made)
    made.open()
    qtbot.waitUntil(lambda: made.loaded, timeout=WAIT)
    yield made
    made.close()
    server.stop()


def sent(server: MinutesServer) -> list[dict[str, Any]]:
    return [{k: v for k, v in p.items() if k != "request_id"} for p in server.sent("search")]


def test_the_box_searches_and_shows_what_was_found_where(window: MeetingsWindow, qtbot: Any,
                                                         tmp_path: Path) -> None:
    server: MinutesServer = window.server  # type: ignore[attr-defined]
    panel = window.search_panel
    window.search_box.setText("ngân sách")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(panel.rows()) == 4, timeout=WAIT)
    assert window.tabs.currentWidget() is panel
    assert sent(server)[-1] == {"query": "ngân sách"}
    texts = [[panel.results.topLevelItem(r).text(c) for c in range(3)] for r in range(4)]
    assert texts[0][0] == "Họp giao ban tháng 12/2026"
    assert texts[0][1].startswith("Họp giao ban tháng 12/2026 · 20/12/2026 ")
    assert texts[3][0] == "Tờ trình dự toán ngân sách 2027 (page 3)"  # pages count from 1 on screen
    assert texts[3][2] == RESULTS[3]["snippet"]
    assert panel.results.topLevelItem(1).toolTip(0) == "Conclusion"
    assert not panel.results.topLevelItem(2).icon(0).isNull()
    assert not panel.hint.isVisible()
    window.resize(1100, 560)
    window.grab().save(str(tmp_path / "search.png"))


def test_filters_go_to_the_server_and_nothing_found_says_so(window: MeetingsWindow, qtbot: Any) -> None:
    server: MinutesServer = window.server  # type: ignore[attr-defined]
    panel = window.search_panel
    window.search("ngân sách")
    qtbot.waitUntil(lambda: len(panel.rows()) == 4, timeout=WAIT)
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("open"))
    qtbot.waitUntil(lambda: [r["kind"] for r in panel.rows()] == ["action"], timeout=WAIT)
    assert sent(server)[-1] == {"query": "ngân sách", "status": "open"}
    panel.dates_check.setChecked(True)
    panel.from_edit.setDate(panel.from_edit.date().fromString("2026-12-01", "yyyy-MM-dd"))
    panel.to_edit.setDate(panel.to_edit.date().fromString("2026-12-31", "yyyy-MM-dd"))
    qtbot.waitUntil(lambda: sent(server)[-1] == {"query": "ngân sách", "status": "open",
                                                 "from": "2026-12-01", "to": "2026-12-31"}, timeout=WAIT)
    panel.query_edit.setText("không có")
    qtbot.waitUntil(lambda: sent(server)[-1]["query"] == "không có", timeout=WAIT)  # after typing stops
    qtbot.waitUntil(lambda: panel.hint.text() == "Nothing found.", timeout=WAIT)
    assert panel.rows() == [] and panel.results.topLevelItemCount() == 0


def test_activating_a_result_opens_its_meeting(window: MeetingsWindow, qtbot: Any) -> None:
    panel = window.search_panel
    window.search("ngân sách")
    qtbot.waitUntil(lambda: len(panel.rows()) == 4, timeout=WAIT)
    documents: list[tuple[int, int, int]] = []
    panel.document_requested.connect(lambda *args: documents.append(args))
    with qtbot.waitSignal(window.open_requested, timeout=WAIT) as opened:
        panel.results.itemActivated.emit(panel.results.topLevelItem(0), 0)
    assert opened.args == [2]
    with qtbot.waitSignal(window.open_requested, timeout=WAIT) as opened:
        panel.results.itemActivated.emit(panel.results.topLevelItem(3), 0)
    assert opened.args == [1] and documents == [(1, 7, 2)]
