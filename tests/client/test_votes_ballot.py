"""The ballot dialog over a real Connection to the scripted server: it sends poll.vote with
the options chosen, the comment and a client-made ballot_id; a retry after a timeout sends
the SAME ballot_id; events never reset it while it is filled in; min..max is enforced; a
proxy chooses whom the ballot is for; a close while it is open disables sending."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meeting_app.state.ballots import BallotSender
from meeting_app.state.session import MeetingSession
from meeting_app.state.store import MeetingStore
from meeting_app.ui.votes.ballot import CHOOSE, CONFIRM, SENT, BallotDialog
from meeting_app.ui.votes.receipts import ReceiptBook
from protocol.commands import COMMANDS
from tests.client.conftest import FakeServer
from tests.client.votes_data import ABSENT, DELEGATE_B, ME, event, opened, options, poll, result, snapshot

WAIT = 10_000


class Room:
    """A store, a command sender on a real connection, a ballot sender with a receipt book."""

    def __init__(self, qtbot: Any, connection: Any, tmp_path: Path, polls: list[dict[str, Any]]) -> None:
        qtbot.waitUntil(lambda: connection.status == "connected", timeout=WAIT)
        self.store = MeetingStore()
        self.store.load(3, snapshot(polls=polls))
        self.commands = MeetingSession(None, connection)
        self.book = ReceiptBook(tmp_path / "receipts.json", "http://server", ME)
        self.ballots = BallotSender(self.commands, self.book)
        self.seq = 3

    def dialog(self, qtbot: Any, poll_id: int, voter_id: int | None = None) -> BallotDialog:
        dialog = BallotDialog(self.store, self.ballots, poll_id, voter_id)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    def apply(self, kind: str, data: dict[str, Any]) -> None:
        self.seq += 1
        self.store.apply(event(self.seq, kind, data))


VOTE = opened(poll(2, "Thông qua Kế hoạch cải cách hành chính năm 2027?"))
MULTIPLE = opened(poll(4, "Chọn hai đơn vị dẫn đầu phong trào thi đua", min_choices=2, max_choices=2,
                       options=options("Văn phòng Bộ", "Vụ Tổ chức cán bộ", "Trung tâm CNTT",
                                       "Thanh tra Bộ", comment_last=False)))


@pytest.fixture
def room(qtbot: Any, fake_server: FakeServer, open_connection: Any, tmp_path: Path) -> Iterator[Room]:
    fake_server.command_answers["poll.vote"] = {"ok": True, "data": {"receipt": "7f3a9c2e41d0b5a8"}}
    connection, _recorder = open_connection(fake_server.url, "good")
    yield Room(qtbot, connection, tmp_path, [VOTE, MULTIPLE])


def votes(server: FakeServer) -> list[dict[str, Any]]:
    return [payload for name, payload in server.commands if name == "poll.vote"]


def test_a_ballot_is_confirmed_then_sent_with_a_ballot_id(qtbot: Any, room: Room,
                                                          fake_server: FakeServer) -> None:
    dialog = room.dialog(qtbot, 2)
    assert dialog.voter_row.isVisible()  # I hold a proxy: the ballot says whom it is for
    assert dialog.voter_id == ME
    assert not dialog.continue_button.isEnabled()  # nothing chosen yet
    dialog.option_buttons[3].click()  # "Ý kiến khác" takes a comment
    assert dialog.comment_edit.isVisible()
    dialog.comment_edit.setText("Đề nghị bổ sung chỉ tiêu về dịch vụ công trực tuyến")
    dialog.continue_button.click()
    assert dialog.stack.currentIndex() == CONFIRM
    assert dialog.summary_label.text().startswith("You vote: Ý kiến khác")
    assert "Đề nghị bổ sung" in dialog.summary_label.text() and "Confirm?" in dialog.summary_label.text()
    assert fake_server.commands == []  # nothing is sent before the confirmation
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: "7f3a9c2e41d0b5a8" in dialog.receipt_label.text(), timeout=WAIT)
    assert dialog.stack.currentIndex() == SENT
    [sent] = votes(fake_server)
    assert sent["poll_id"] == 2 and sent["option_ids"] == [3]
    assert sent["comment"] == "Đề nghị bổ sung chỉ tiêu về dịch vụ công trực tuyến"
    assert "voter_id" not in sent
    assert uuid.UUID(sent["ballot_id"]).version == 4
    COMMANDS["poll.vote"].model_validate(sent)  # the server's own payload model accepts it
    assert room.book.receipts(2) == ["7f3a9c2e41d0b5a8"]  # kept for the check after the close
    assert dialog.next_button.isVisible()  # still to vote for the member I represent


def test_a_proxy_ballot_names_the_member_and_no_comment_goes_with_plain_options(
        qtbot: Any, room: Room, fake_server: FakeServer) -> None:
    dialog = room.dialog(qtbot, 2, voter_id=ABSENT)
    assert dialog.voter_id == ABSENT
    dialog.option_buttons[1].click()
    assert not dialog.comment_edit.isVisible()
    dialog.continue_button.click()
    assert "On behalf of Hoàng Minh Tuấn" in dialog.summary_label.text()
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: bool(votes(fake_server)), timeout=WAIT)
    [sent] = votes(fake_server)
    assert sent["voter_id"] == ABSENT and sent["option_ids"] == [1] and "comment" not in sent


def test_a_retry_after_a_timeout_resends_the_same_ballot_id(qtbot: Any, room: Room,
                                                            fake_server: FakeServer) -> None:
    room.ballots.timeout = 0.5
    fake_server.command_delays["poll.vote"] = 2.0  # the first answer comes too late
    dialog = room.dialog(qtbot, 2)
    dialog.option_buttons[1].click()
    dialog.continue_button.click()
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: dialog.retry_button.isVisible(), timeout=WAIT)
    assert "Not confirmed yet" in dialog.answer_label.text()
    assert room.ballots.pending(2, ME) is not None
    fake_server.command_delays.clear()
    dialog.retry_button.click()
    qtbot.waitUntil(lambda: "7f3a9c2e41d0b5a8" in dialog.receipt_label.text(), timeout=WAIT)
    first, second = votes(fake_server)
    assert first["ballot_id"] == second["ballot_id"]
    # The very same ballot, so the server counts it once (poll.vote is not replayed by
    # request_id: a stored answer would link the voter and the receipt).
    assert {**first, "request_id": None} == {**second, "request_id": None}
    assert room.ballots.pending(2, ME) is None
    # A new ballot (for the member I represent) gets a new ballot_id.
    room.ballots.vote(2, ABSENT, [2], None, on_behalf=True)
    qtbot.waitUntil(lambda: len(votes(fake_server)) == 3, timeout=WAIT)
    assert votes(fake_server)[2]["ballot_id"] != first["ballot_id"]


def test_progress_events_do_not_reset_a_ballot_being_filled_in(qtbot: Any, room: Room) -> None:
    dialog = room.dialog(qtbot, 2)
    dialog.option_buttons[3].click()
    dialog.comment_edit.setText("Cần làm rõ nguồn kinh phí")
    assert dialog.turnout_label.text() == "0 of 4 ballots cast"
    room.apply("poll.progress", {"poll_id": 2, "user_id": DELEGATE_B, "ballots": 1, "by_site": {"2": 1}})
    room.apply("participant.changed", {"participant": {**room.store.participant(DELEGATE_B),
                                                       "online": False}})
    room.apply("poll.changed", {"poll": {**room.store.poll_by_id(4), "question": "Đổi"}})
    assert dialog.turnout_label.text() == "1 of 4 ballots cast"
    assert dialog.option_buttons[3].isChecked() and dialog.chosen() == [3]
    assert dialog.comment_edit.text() == "Cần làm rõ nguồn kinh phí"
    assert dialog.stack.currentIndex() == CHOOSE and dialog.continue_button.isEnabled()


def test_a_close_while_the_ballot_is_open_disables_sending(qtbot: Any, room: Room,
                                                           fake_server: FakeServer) -> None:
    dialog = room.dialog(qtbot, 2)
    dialog.option_buttons[1].click()
    dialog.continue_button.click()
    room.apply("poll.closed", {"poll_id": 2, "closed_at": "2026-11-21T09:40:00Z",
                               "result": result({"1": 1, "2": 0, "3": 0}, True, threshold=1)})
    assert dialog.closed_label.isVisible() and "closed" in dialog.closed_label.text()
    assert not dialog.confirm_button.isEnabled()
    dialog.confirm_button.click()
    dialog.send()  # even called directly, nothing goes out
    assert dialog.option_buttons[1].isChecked()  # what was chosen stays on screen
    assert votes(fake_server) == []


def test_multiple_choice_keeps_to_min_and_max(qtbot: Any, room: Room, fake_server: FakeServer) -> None:
    dialog = room.dialog(qtbot, 4)
    assert dialog.hint.text() == "Choose exactly 2 options."
    boxes = dialog.option_buttons
    boxes[1].click()
    assert not dialog.continue_button.isEnabled() and dialog.choice_error.text() == "Choose at least 2."
    boxes[3].click()
    assert dialog.continue_button.isEnabled()
    # At the maximum, the other boxes cannot be ticked.
    assert not boxes[2].isEnabled() and not boxes[4].isEnabled()
    boxes[4].click()
    assert dialog.chosen() == [1, 3]
    boxes[3].click()  # untick one: the others come back
    assert boxes[2].isEnabled() and not dialog.continue_button.isEnabled()
    boxes[4].click()
    dialog.continue_button.click()
    assert dialog.summary_label.text().startswith("You vote: Văn phòng Bộ, Thanh tra Bộ")
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: bool(votes(fake_server)), timeout=WAIT)
    assert votes(fake_server)[0]["option_ids"] == [1, 4]


def test_a_refusal_settles_the_ballot_and_says_why(qtbot: Any, room: Room,
                                                   fake_server: FakeServer) -> None:
    fake_server.command_answers["poll.vote"] = {
        "ok": False, "error": {"code": "conflict", "message": "Already voted in this poll"}}
    dialog = room.dialog(qtbot, 2)
    dialog.option_buttons[2].click()
    dialog.continue_button.click()
    dialog.confirm_button.click()
    qtbot.waitUntil(lambda: "refused" in dialog.answer_label.text(), timeout=WAIT)
    assert "Already voted" in dialog.answer_label.text()
    assert not dialog.retry_button.isVisible() and room.ballots.pending(2, ME) is None
