"""The attendance tab: check-in, recording absences with a reason, proxies, the site
secretary's limits, the quorum under each rule, and the CSV export.

Commands go over a real Socket.IO connection to the scripted server, which records them;
the state comes from the demo snapshot (tests/support/meeting_data.py) and events."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from PySide6.QtWidgets import QDialogButtonBox

from meeting_app.state.store import MeetingStore
from meeting_app.ui.attendance.dialogs import OTHER
from meeting_app.ui.attendance.panel import AttendancePanel
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.session import Session
from tests.client.conftest import FakeServer
from tests.support import meeting_data as md
from tests.support.http_stub import serving
from tests.support.server_process import free_port

WAIT = 15_000
CSV = ("\ufeffĐiểm cầu,Họ và tên,Tài khoản,Vai trò,Điểm danh,Lý do,Người được ủy quyền\r\n"
       "Hội trường Bộ (Hà Nội),Đỗ Trọng Nghĩa,delegate7,delegate,absent,Ốm,Lê Quang Đức\r\n")


def panel_for(qtbot: Any, sender: CommandSender, user_id: int, role: str,
              server_url: str = "http://127.0.0.1:9", rule: str = "more_than_half"
              ) -> AttendancePanel:
    store = MeetingStore()
    store.load(1, md.meeting_snapshot(user_id, role, quorum_rule=rule))
    panel = AttendancePanel(store, sender, Session(server_url, "good", {"id": user_id}))
    qtbot.addWidget(panel)
    panel.resize(700, 640)
    panel.show()
    return panel


def sent(server: FakeServer, name: str, qtbot: Any, count: int = 1) -> list[dict[str, Any]]:
    """Wait for ``count`` commands ``name``; their payloads without the request ids."""
    qtbot.waitUntil(lambda: len(server.sent(name)) >= count, timeout=WAIT)
    return [{k: v for k, v in p.items() if k != "request_id"} for p in server.sent(name)]


def event(seq: int, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"meeting_id": 1, "seq": seq, "type": kind, "data": data, "at": ""}


def test_a_delegate_checks_in(qtbot: Any, fake_server: FakeServer, fake_sender: CommandSender) -> None:
    panel = panel_for(qtbot, fake_sender, 8, "delegate")  # Đặng Văn Lâm: not recorded yet
    assert panel.banner.isVisible() and panel.check_in_button.isEnabled()
    assert panel.action_bar.isHidden()  # a delegate records nobody
    assert not panel.quorum.rule_combo.isEnabled()
    panel.check_in_button.click()
    assert sent(fake_server, "attendance.check_in", qtbot) == [{"meeting_id": 1}]
    assert panel.banner.isVisible()  # until the server says so
    panel._store.apply(event(2, "attendance.changed",
                             {"user_id": 8, "attendance": "present", "reason": None}))
    assert not panel.banner.isVisible()
    assert panel.row(8).text(2) == "Present"


def test_the_secretary_marks_excused_with_a_reason(
        qtbot: Any, fake_server: FakeServer, fake_sender: CommandSender) -> None:
    panel = panel_for(qtbot, fake_sender, 2, "secretary")  # Trần Thị Mai, central site
    assert not panel.banner.isVisible()  # already present
    panel.select([8])
    assert panel.selected_ids() == [8]
    panel.excused_button.click()
    dialog = panel.reason_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.choose("Ốm")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert sent(fake_server, "attendance.set", qtbot) == [
        {"meeting_id": 1, "user_id": 8, "status": "excused", "reason": "Ốm"}]

    # Two at once, absent for a reason written by hand (Lý do khác).
    panel.select([14, 12])
    panel.absent_button.click()
    dialog = panel.reason_dialog
    dialog.preset.setCurrentIndex(dialog.preset.findData(OTHER))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # "other" needs the text
    dialog.other.setText("Đi học tập trung")
    ok.click()
    both = sorted(sent(fake_server, "attendance.set", qtbot, 3)[1:], key=lambda p: p["user_id"])
    assert both == [
        {"meeting_id": 1, "user_id": 12, "status": "absent", "reason": "Đi học tập trung"},
        {"meeting_id": 1, "user_id": 14, "status": "absent", "reason": "Đi học tập trung"}]

    panel.select([8])
    panel.present_button.click()
    assert sent(fake_server, "attendance.set", qtbot, 4)[3] == {
        "meeting_id": 1, "user_id": 8, "status": "present"}
    # What the panel shows comes from the store: the reason appears with the event.
    panel._store.apply(event(2, "attendance.changed",
                             {"user_id": 14, "attendance": "excused", "reason": "Công tác"}))
    assert (panel.row(14).text(2), panel.row(14).text(3)) == ("Excused", "Công tác")


def test_the_chair_names_and_clears_a_proxy(
        qtbot: Any, fake_server: FakeServer, fake_sender: CommandSender) -> None:
    panel = panel_for(qtbot, fake_sender, 1, "chair")
    panel.select([3])  # an observer is no member: no proxy
    assert not panel.proxy_button.isEnabled()
    panel.select([14])  # Trịnh Xuân Trường
    assert panel.proxy_button.isEnabled()
    panel.proxy_button.click()
    dialog = panel.proxy_dialog
    assert dialog is not None
    names = [dialog.combo.itemText(i) for i in range(1, dialog.combo.count())]
    # Not himself, not the observer, not someone represented (Đỗ Trọng Nghĩa): no chains.
    assert "Trịnh Xuân Trường" not in names and "Mai Thu Trang" not in names
    assert "Đỗ Trọng Nghĩa" not in names and "Ngô Thị Phương Thảo" in names
    dialog.choose(11)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.authorisation.isVisible() and not ok.isEnabled()  # the member's written word first
    dialog.authorisation.setText("Giấy ủy quyền số 12/GUQ")
    ok.click()
    assert sent(fake_server, "attendance.set_proxy", qtbot) == [
        {"meeting_id": 1, "user_id": 14, "proxy_user_id": 11, "authorisation": "Giấy ủy quyền số 12/GUQ"}]

    panel.select([10])  # Đỗ Trọng Nghĩa, represented by Lê Quang Đức
    assert panel.row(10).text(4) == "Lê Quang Đức" and "represented" in panel.row(10).text(2)
    panel.proxy_button.click()
    assert panel.proxy_dialog.proxy_id == 4  # the current proxy is preselected
    panel.proxy_dialog.choose(None)
    panel.proxy_dialog.accept()
    assert sent(fake_server, "attendance.set_proxy", qtbot, 2)[1] == {
        "meeting_id": 1, "user_id": 10, "proxy_user_id": None}


def test_a_site_secretary_edits_only_their_own_site(
        qtbot: Any, fake_server: FakeServer, fake_sender: CommandSender) -> None:
    panel = panel_for(qtbot, fake_sender, 16, "secretary")  # Phan Văn Định, TP. Hồ Chí Minh
    assert panel.manager and panel.action_bar.isVisible()
    assert "Điểm cầu TP. Hồ Chí Minh" in panel.scope_hint.text()
    assert panel.row(4).isDisabled()  # Hà Nội: shown, not editable
    assert panel.row(6).isDisabled() and not panel.row(8).isDisabled()
    panel.select([4, 6, 8, 14])
    assert panel.selected_ids() == [8, 14]  # other sites' rows cannot be selected
    panel.present_button.click()
    assert sorted(sent(fake_server, "attendance.set", qtbot, 2), key=lambda p: p["user_id"]) == [
        {"meeting_id": 1, "user_id": 8, "status": "present"},
        {"meeting_id": 1, "user_id": 14, "status": "present"}]
    # "All online present": only the online, not yet present people of my site (Đặng Văn
    # Lâm; Dương Văn Khải in Đà Nẵng and Mai Thu Trang in Hà Nội are not mine).
    panel.online_button.click()
    assert sent(fake_server, "attendance.set", qtbot, 3)[2] == {
        "meeting_id": 1, "user_id": 8, "status": "present"}
    qtbot.wait(300)  # a window for commands that must not be sent
    assert len(fake_server.sent("attendance.set")) == 3


@pytest.mark.parametrize(("rule", "badge", "headline"), [
    ("more_than_half", "Quorum reached", "6 of 11 members present · 6 required"),
    ("at_least_half", "Quorum reached", "6 of 11 members present · 6 required"),
    ("two_thirds", "No quorum yet", "6 of 11 members present · 8 required"),
    ("none", "No quorum rule", "6 of 11 members present"),
])
def test_the_quorum_under_each_rule(rule: str, badge: str, headline: str, qtbot: Any,
                                    fake_sender: CommandSender) -> None:
    panel = panel_for(qtbot, fake_sender, 1, "chair", rule=rule)
    assert panel.quorum.badge.text() == badge
    assert panel.quorum.headline.text() == headline
    assert panel.quorum.rule_combo.currentData() == rule
    assert panel.quorum.detail.text().startswith(panel.quorum.rule_combo.currentText() + ":")
    table = panel.counts
    total = [table.item(table.rowCount() - 1, c).text() for c in range(table.columnCount())]
    assert total == ["Total", "11", "5", "1", "0", "2", "3"]
    hanoi = [table.item(0, c).text() for c in range(table.columnCount())]
    assert hanoi == ["Hội trường Bộ (Hà Nội)", "4", "2", "1", "0", "1", "0"]


def test_the_chair_changes_the_quorum_rule(qtbot: Any, fake_server: FakeServer,
                                           fake_sender: CommandSender) -> None:
    panel = panel_for(qtbot, fake_sender, 1, "chair")
    combo = panel.quorum.rule_combo
    assert combo.isEnabled()
    combo.activated.emit(combo.findData("two_thirds"))
    assert sent(fake_server, "meeting.update", qtbot) == [
        {"meeting_id": 1, "quorum_rule": "two_thirds"}]
    panel._store.apply(event(2, "meeting.updated", {"meeting": {"quorum_rule": "two_thirds"}}))
    assert panel.quorum.badge.text() == "No quorum yet"


def csv_server(received: list[str], status: int = 200) -> web.Application:
    async def attendance(request: web.Request) -> web.Response:
        received.append(request.headers.get("Authorization", ""))
        if status != 200:
            return web.json_response({"ok": False, "error": {
                "code": "forbidden", "message": "Chỉ thư ký được xuất danh sách"}}, status=status)
        return web.Response(body=CSV.encode("utf-8"), content_type="text/csv", charset="utf-8")

    app = web.Application()
    app.router.add_get("/api/meetings/1/attendance.csv", attendance)
    return app


def test_export_writes_the_servers_csv(qtbot: Any, tmp_path: Path,
                                       fake_sender: CommandSender) -> None:
    received: list[str] = []
    port = free_port()
    with serving(csv_server(received), port):
        panel = panel_for(qtbot, fake_sender, 2, "secretary", server_url=f"http://127.0.0.1:{port}")
        messages: list[tuple[str, str]] = []
        panel.message.connect(lambda text, tone: messages.append((text, tone)))
        target = tmp_path / "điểm-danh.csv"
        assert panel.export_csv(target)
        qtbot.waitUntil(lambda: bool(messages), timeout=WAIT)
    assert target.read_bytes() == CSV.encode("utf-8")  # byte for byte, BOM included
    assert received == ["Bearer good"]
    assert messages == [(f"Attendance list saved to {target}", "info")]
    assert panel.export_button.isEnabled()


def test_a_refused_export_says_why_and_writes_nothing(qtbot: Any, tmp_path: Path,
                                                      fake_sender: CommandSender) -> None:
    port = free_port()
    with serving(csv_server([], status=403), port):
        panel = panel_for(qtbot, fake_sender, 1, "chair", server_url=f"http://127.0.0.1:{port}")
        messages: list[tuple[str, str]] = []
        panel.message.connect(lambda text, tone: messages.append((text, tone)))
        target = tmp_path / "x.csv"
        panel.export_csv(target)
        qtbot.waitUntil(lambda: bool(messages), timeout=WAIT)
    assert messages == [("Chỉ thư ký được xuất danh sách", "error")]
    assert not target.exists()
