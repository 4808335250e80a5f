"""The admin's audit log viewer against a real server: entries, filters, paging, the
chain's state, and the CSV export; offered to admins only."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from meeting_app.ui.audit_actions import KNOWN, action_name
from meeting_app.ui.audit_window import AuditWindow
from meeting_app.ui.i18n import translations
from meeting_app.ui.meetings_window import MeetingsWindow
from meeting_app.ui.session import Session
from tests.support.server_process import ServerProcess

PAGE = 20
SERVER = Path(__file__).resolve().parents[2] / "server"
# How the server names an audit action: AuditEntry(action="…"), record(ctx, "…"), and the
# helpers of ballots and action items that pass the code on.
RECORDED = re.compile(r'(?:AuditEntry\([^)]*?action="|record\(ctx, "|_audit\(ctx, poll, voter_id, p, "|'
                      r'_changed\(ctx, row, ")([a-z_]+(?:\.[a-z_]+)?)"')


def session_of(server: ServerProcess, username: str) -> Session:
    answer = server.login(username)
    return Session(server.url, answer["token"], answer["user"])


def shown(qtbot: Any, window: AuditWindow) -> None:
    qtbot.waitUntil(lambda: not window.busy and window.table.rowCount() > 0, timeout=10_000)


def first_seq(window: AuditWindow) -> int:
    return int(window.table.item(0, 0).text())


def column(window: AuditWindow, index: int) -> list[str]:
    return [window.table.item(r, index).text() for r in range(window.table.rowCount())]


def test_the_viewer_pages_filters_checks_and_exports(qtbot: Any, demo_server: ServerProcess,
                                                     tmp_path: Path) -> None:
    for _ in range(PAGE // 2 + 5):  # more than a page of entries: logins of two users
        demo_server.login("delegate1")
        demo_server.login("chair")
    admin = session_of(demo_server, "admin")
    window = AuditWindow(admin, [{"id": 1, "title": "Phiên họp thường kỳ tháng 11"}], page_size=PAGE)
    qtbot.addWidget(window)
    window.show()
    shown(qtbot, window)
    assert window.table.rowCount() == PAGE
    seqs = [int(s) for s in column(window, 0)]
    assert seqs == sorted(seqs, reverse=True)
    assert "Chain verified up to entry" in window.chain_label.text()
    window.grab().save("/tmp/h4-audit-window.png")

    window.older_button.click()
    qtbot.waitUntil(lambda: not window.busy and first_seq(window) < seqs[-1], timeout=10_000)
    assert window.newer_button.isEnabled()
    window.newer_button.click()
    qtbot.waitUntil(lambda: not window.busy and first_seq(window) == seqs[0], timeout=10_000)

    # Filter by user: only delegate1's entries.
    index = next(i for i in range(window.user_box.count()) if "delegate1" in window.user_box.itemText(i))
    window.user_box.setCurrentIndex(index)
    window.user_box.activated.emit(index)
    qtbot.waitUntil(lambda: not window.busy and set(column(window, 2)) == {"delegate1"}, timeout=10_000)
    action = window.action_box.findData("login")
    window.action_box.setCurrentIndex(action)
    window.action_box.activated.emit(action)
    assert window.action_box.currentText() == "Signed in"  # named, not the server's code
    qtbot.waitUntil(lambda: not window.busy and set(column(window, 3)) == {"Signed in"}, timeout=10_000)
    assert window.table.item(0, 3).toolTip() == "login"

    target = tmp_path / "nhat-ky.csv"
    with qtbot.waitSignal(window.exported, timeout=10_000):
        assert window.export(target)
    lines = target.read_bytes().decode("utf-8-sig").splitlines()
    assert lines[0].startswith("seq,at,actor_id,actor,action")
    assert len(lines) - 1 == PAGE // 2 + 5 and all(",delegate1,login," in line for line in lines[1:])

    # A row changed behind the triggers' back: the viewer says where the chain breaks.
    with sqlite3.connect(demo_server.data_dir / "meetings.db") as connection:
        connection.execute("DROP TRIGGER audit_log_no_update")
        connection.execute("UPDATE audit_log SET details = ? WHERE seq = 3", (json.dumps({"client": "x"}),))
    window.refresh_button.click()
    qtbot.waitUntil(lambda: "broken at entry 3" in window.chain_label.text(), timeout=10_000)
    window.grab().save("/tmp/h4-audit-window-broken.png")


def test_only_admins_are_offered_the_audit_log(qtbot: Any, demo_server: ServerProcess) -> None:
    for username, offered in (("admin", True), ("chair", False)):
        window = MeetingsWindow(session_of(demo_server, username))
        qtbot.addWidget(window)
        window.show()
        assert window.audit_action.isVisible() is offered
        if offered:
            window.audit_action.trigger()
            assert isinstance(window.audit_window, AuditWindow)
            qtbot.waitUntil(lambda w=window: not w.audit_window.busy, timeout=10_000)  # type: ignore[union-attr]
        window.close()


def test_every_action_the_server_records_has_a_name_in_both_languages() -> None:
    recorded = {code for path in SERVER.rglob("*.py")
                for code in RECORDED.findall(path.read_text(encoding="utf-8"))}
    assert len(recorded) >= 25, "the scan finds the server's audit actions"
    assert recorded - KNOWN == set(), "audit actions without a name in meeting_app/ui/audit_actions.py"
    assert action_name("document.open") == "Opened a document"
    assert action_name("something.new") == "something.new"  # unknown: the code, nothing lost
    try:
        translations().apply("vi")
        assert action_name("document.open") == "Mở tài liệu"
        assert all(action_name(code) != code for code in KNOWN)
    finally:
        translations().apply("en")
