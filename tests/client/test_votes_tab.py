"""The Votes tab: polls by agenda item, the open poll with its turnout, never a choice before
the close (secret or named), the result with the check of my receipt (kept across a
restart), who voted what for named polls, the ballot opening by itself when a vote opens,
and each role's own buttons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

from meeting_app.state.session import MeetingSession
from meeting_app.ui.votes.receipts import ReceiptBook
from meeting_app.ui.votes.tab import VotesTab
from tests.client.conftest import FakeServer
from tests.client.votes_data import (
    ABSENT,
    CHAIR,
    DELEGATE_B,
    ME,
    OBSERVER,
    event,
    opened,
    poll,
    result,
    snapshot,
)

WAIT = 10_000
SECRET = opened(poll(2, "Bầu Trưởng ban kiểm tra", secret=True, agenda_item_id=11,
                     options=[{"id": 1, "text": "Đồng ý ông Đỗ Trọng Nghĩa", "comment": False},
                              {"id": 2, "text": "Không đồng ý", "comment": False},
                              {"id": 3, "text": "Ý kiến khác", "comment": True}]))


class Tab:
    def __init__(self, qtbot: Any, connection: Any, tmp_path: Path, role: str, me: int,
                 polls: list[dict[str, Any]]) -> None:
        qtbot.waitUntil(lambda: connection.status == "connected", timeout=WAIT)
        self.commands = MeetingSession(None, connection)
        self.store = self.commands.store
        self.path = tmp_path / "receipts.json"
        self.widget = VotesTab(self.commands, self.path, "http://server")
        qtbot.addWidget(self.widget)
        self.widget.resize(720, 640)
        self.widget.show()
        self.store.load(3, snapshot(role, me, polls))
        self.seq = 3

    def apply(self, kind: str, data: dict[str, Any]) -> None:
        self.seq += 1
        self.store.apply(event(self.seq, kind, data))

    def visible_text(self) -> str:
        """Every text a user can read in the tab right now."""
        labels = [w.text() for w in self.widget.findChildren(QLabel) if w.isVisible()]
        rows = [r.text(0) for r in self.widget._rows()]
        votes = self.widget.detail.votes
        table = [votes.topLevelItem(i).text(1) for i in range(votes.topLevelItemCount())] \
            if votes.isVisible() else []
        box = self.widget.detail.receipts
        receipts = [box.toPlainText()] if box.isVisible() else []
        return "\n".join(labels + rows + table + receipts)


@pytest.fixture
def make_tab(qtbot: Any, fake_server: FakeServer, open_connection: Any, tmp_path: Path
             ) -> Iterator[Any]:
    fake_server.command_answers["poll.vote"] = {"ok": True, "data": {"receipt": "7f3a9c2e41d0b5a8"}}
    connection, _ = open_connection(fake_server.url, "good")

    def make(role: str = "delegate", me: int = ME, polls: list[dict[str, Any]] | None = None) -> Tab:
        return Tab(qtbot, connection, tmp_path, role, me, polls or [])

    yield make


def test_a_secret_poll_shows_turnout_and_never_a_choice_before_the_close(
        qtbot: Any, make_tab: Any) -> None:
    tab = make_tab(polls=[SECRET])
    tab.widget.auto_open = False
    banner = tab.widget.banner
    assert banner.isVisible() and banner.question.text() == "Bầu Trưởng ban kiểm tra"
    assert banner.turnout.text() == "0 of 4 ballots cast"
    tab.apply("poll.progress", {"poll_id": 2, "user_id": DELEGATE_B, "ballots": 1, "by_site": {"2": 1}})
    tab.apply("poll.progress", {"poll_id": 2, "user_id": CHAIR, "ballots": 2, "by_site": {"1": 1, "2": 1}})
    assert banner.turnout.text() == "2 of 4 ballots cast"
    assert banner.sites.text() == "Hội trường Bộ (Hà Nội): 1/2   Điểm cầu TP. Hồ Chí Minh: 1/2"
    assert banner.bar.value() == 2 and banner.bar.maximum() == 4
    assert "As proxy, still to vote for: Hoàng Minh Tuấn" in banner.my_state.text()
    shown = tab.visible_text()
    assert "Bầu Trưởng ban kiểm tra" in shown and "Turnout: 2 of 4 ballots" in shown
    for option in ("Đồng ý ông Đỗ Trọng Nghĩa", "Không đồng ý"):
        assert option not in shown
    assert not tab.widget.detail.chart.isVisible() and not tab.widget.detail.votes.isVisible()

    # My ballot, through the tab's ballot sender: its receipt is kept.
    tab.widget.ballots.vote(2, ME, [1], None, on_behalf=False)
    qtbot.waitUntil(lambda: tab.widget.book is not None and bool(tab.widget.book.receipts(2)), timeout=WAIT)
    closed = result({"1": 3, "2": 1, "3": 0}, True, threshold=3, members=4,
                    receipts=["7f3a9c2e41d0b5a8", "0b1c2d3e4f5a6b7c", "a1b2c3d4e5f60718", "c0ffee0011223344"],
                    comments=[{"option_id": 3, "text": "Cần lấy thêm ý kiến"}])
    tab.apply("poll.closed", {"poll_id": 2, "result": closed, "closed_at": "2026-11-21T09:40:00Z"})
    detail = tab.widget.detail
    assert not banner.isVisible()
    assert detail.chart.isVisible() and [r.label for r in detail.chart.rows] == [
        "3 · 75.0%", "1 · 25.0%", "0 · 0.0%"]
    assert detail.verdict.text().startswith("PASSED — “Đồng ý ông Đỗ Trọng Nghĩa” got 3")
    assert detail.receipt_check.text() == "Your receipt is in the list ✓"
    assert "Cần lấy thêm ý kiến" in detail.receipts.toPlainText()
    assert not detail.votes.isVisible()  # secret: nobody's vote is ever shown


def test_my_receipt_check_survives_a_restart_and_finds_a_missing_receipt(
        qtbot: Any, make_tab: Any, tmp_path: Path) -> None:
    book = ReceiptBook(tmp_path / "receipts.json", "http://server", ME)
    book.add(2, ME, "7f3a9c2e41d0b5a8")
    book.add(2, ABSENT, "1111222233334444")
    book.add(2, ME, "7f3a9c2e41d0b5a8")  # the same voter again: replaced, not added
    again = ReceiptBook(tmp_path / "receipts.json", "http://server", ME)  # after a restart
    assert again.receipts(2) == ["1111222233334444", "7f3a9c2e41d0b5a8"]
    other_user = ReceiptBook(tmp_path / "receipts.json", "http://server", DELEGATE_B)
    assert other_user.receipts(2) == []  # per user (and per server)
    closed = {**SECRET, "status": "closed",
              "result": result({"1": 2, "2": 0, "3": 0}, True, threshold=2,
                               receipts=["7f3a9c2e41d0b5a8", "0b1c2d3e4f5a6b7c"])}
    tab = make_tab(polls=[closed])  # a new tab reads the receipts from the file
    tab.widget.select(2)
    assert tab.widget.detail.receipt_check.text() == (
        "✗ 1 of your 2 receipts are NOT in the list: tell the secretary.")


def test_a_named_poll_shows_who_voted_what_only_after_the_close(qtbot: Any, make_tab: Any) -> None:
    named = opened(poll(3, "Thông qua Kế hoạch năm 2027", allow_change=True))
    tab = make_tab(polls=[named])
    tab.widget.auto_open = False
    tab.apply("poll.progress", {"poll_id": 3, "user_id": DELEGATE_B, "ballots": 1, "by_site": {"2": 1}})
    assert "Tán thành" not in tab.visible_text()
    votes = [{"user_id": ME, "option_ids": [1], "comment": None},
             {"user_id": DELEGATE_B, "option_ids": [3], "comment": "Cần bổ sung kinh phí"}]
    tab.apply("poll.closed", {"poll_id": 3, "closed_at": "2026-11-21T09:40:00Z",
                              "result": result({"1": 1, "2": 0, "3": 1}, False, threshold=2, votes=votes)})
    table = tab.widget.detail.votes
    assert table.isVisible()
    rows = [[table.topLevelItem(i).text(c) for c in range(3)] for i in range(table.topLevelItemCount())]
    assert rows == [["Lê Quang Đức", "Tán thành", ""],
                    ["Phạm Thị Hồng Nhung", "Ý kiến khác", "Cần bổ sung kinh phí"]]
    assert tab.widget.detail.verdict.text().startswith("NOT PASSED")


def test_the_ballot_opens_by_itself_when_a_vote_opens(qtbot: Any, make_tab: Any) -> None:
    draft = poll(2, "Thông qua Kế hoạch cải cách hành chính năm 2027?")
    tab = make_tab(polls=[draft])
    focus: list[bool] = []
    tab.widget.focus_requested.connect(lambda: focus.append(True))
    assert tab.widget.ballot_dialog is None and not tab.widget.banner.isVisible()
    tab.apply("poll.changed", {"poll": opened(draft)})
    dialog = tab.widget.ballot_dialog
    assert dialog is not None and dialog.isVisible() and dialog.poll_id == 2
    assert focus == [True] and tab.widget.banner.isVisible()
    assert tab.widget.detail.poll_id == 2


def test_an_observer_gets_no_ballot_and_no_buttons(qtbot: Any, make_tab: Any) -> None:
    draft = poll(2, "Thông qua Kế hoạch?")
    tab = make_tab("observer", OBSERVER, [draft])
    assert not tab.widget.new_button.isVisible() and not tab.widget.edit_button.isVisible()
    tab.apply("poll.changed", {"poll": opened(draft)})
    assert tab.widget.ballot_dialog is None
    assert tab.widget.banner.my_state.text() == "You do not vote on this question."
    assert not tab.widget.banner.vote_button.isVisible()
    assert not tab.widget.banner.close_button.isVisible()


def test_the_open_check_warns_the_chair_of_a_weight_that_gives_a_secret_ballot_away(
        qtbot: Any, make_tab: Any, fake_server: FakeServer) -> None:
    fake_server.command_answers["poll.check"] = {"ok": True, "data": {
        "ready": True, "problems": [], "members": 4, "eligible": 4, "online_eligible": 4,
        "quorum": {"rule": "more_than_half", "required": 3, "counted": 4, "reached": True},
        "warnings": [{"code": "weight_reveals_ballot", "user_ids": [DELEGATE_B],
                      "weights": {str(DELEGATE_B): 100}, "message": "…"}]}}
    tab = make_tab("chair", CHAIR, [poll(2, "Bầu Trưởng ban?", secret=True, weighted=True)])
    tab.widget.auto_open = False
    tab.widget.manager.open_poll(2)
    qtbot.waitUntil(lambda: tab.widget.manager.check_box is not None, timeout=WAIT)
    box = tab.widget.manager.check_box
    assert box.icon() == box.Icon.Warning
    assert "Ready to vote." in box.informativeText()
    assert "Phạm Thị Hồng Nhung (weight 100)" in box.informativeText()
    box.button(box.StandardButton.Cancel).click()


def test_the_chair_manages_drafts_and_opens_the_next_one_after_the_check(
        qtbot: Any, make_tab: Any, fake_server: FakeServer) -> None:
    fake_server.command_answers["poll.check"] = {"ok": True, "data": {
        "ready": False, "problems": ["Điểm cầu Đà Nẵng is offline"], "members": 4, "eligible": 4,
        "online_eligible": 3, "quorum": {"rule": "more_than_half", "required": 3, "counted": 4,
                                         "reached": True}}}
    first = poll(2, "Thông qua Báo cáo tổng kết", agenda_item_id=11)
    earlier = poll(3, "Thông qua chương trình", agenda_item_id=10)
    tab = make_tab("chair", CHAIR, [first, earlier])
    tab.widget.auto_open = False
    widget = tab.widget
    assert widget.new_button.isVisible() and widget.next_button.isEnabled()
    assert widget.manager.next_draft()["id"] == 3  # agenda order, not creation order
    widget.select(2)
    assert widget.edit_button.isVisible() and widget.open_button.isVisible()
    widget.next_button.click()
    qtbot.waitUntil(lambda: widget.manager.check_box is not None, timeout=WAIT)
    box = widget.manager.check_box
    assert "Điểm cầu Đà Nẵng is offline" in box.informativeText()
    assert "3 online" in box.informativeText()
    yes = box.button(box.StandardButton.Yes)
    assert yes.text() == "Open anyway"
    yes.click()
    qtbot.waitUntil(lambda: any(n == "poll.open" for n, _ in fake_server.commands), timeout=WAIT)
    [opening] = [p for n, p in fake_server.commands if n == "poll.open"]
    assert opening["poll_id"] == 3
    tab.apply("poll.changed", {"poll": opened(earlier)})
    assert not widget.next_button.isEnabled()  # one vote at a time
    assert widget.banner.close_button.isVisible()
