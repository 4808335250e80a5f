"""Voting end to end, against the real demo server: the chair creates a poll in the room's
dialog, checks and opens it; a delegate's ballot opens by itself, the delegate confirms and
gets a receipt; the chair sees the turnout and closes; the delegate sees the result, and
their receipt in the published list."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from meeting_app.ui.room.window import MeetingRoomWindow
from protocol import commands as c

pytestmark = pytest.mark.e2e
WAIT = 30_000
MEETING = 1


def check_in(qtbot: Any, window: MeetingRoomWindow) -> None:
    answers: list[Any] = []
    window.commands.send(c.AttendanceCheckIn(meeting_id=MEETING), on_success=answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=WAIT)


def test_a_vote_from_creation_to_the_checked_receipt(qtbot: Any, open_room: Any) -> None:
    chair = open_room("chair")
    delegate = open_room("delegate1")
    chair.start_meeting()
    qtbot.waitUntil(lambda: chair.store.meeting["status"] == "live", timeout=WAIT)
    for window in (chair, delegate):
        check_in(qtbot, window)
    me = delegate.store.my_user_id
    qtbot.waitUntil(lambda: (delegate.store.participant(me) or {}).get("attendance") == "present",
                    timeout=WAIT)

    tab = chair.votes
    dialog = tab.manager.new_poll()
    question = "Thông qua Kế hoạch cải cách hành chính năm 2027?"
    dialog.question_edit.setPlainText(question)
    dialog.secret_radio.setChecked(True)
    dialog.save_button.click()

    def created() -> dict[str, Any] | None:  # the demo has a draft poll of its own
        return next((p for p in chair.store.polls if p["question"] == question), None)

    qtbot.waitUntil(lambda: created() is not None, timeout=WAIT)
    poll = created()
    assert poll is not None
    assert [o["text"] for o in poll["options"]] == ["Tán thành", "Không tán thành", "Ý kiến khác"]
    assert poll["agenda_item_id"] == chair.store.meeting["current_item_id"]
    assert not delegate.votes.open_button.isVisible()  # opening is the chair's

    tab.select(poll["id"])
    tab.open_button.click()
    qtbot.waitUntil(lambda: tab.manager.check_box is not None, timeout=WAIT)
    box = tab.manager.check_box
    box.button(box.StandardButton.Yes).click()

    qtbot.waitUntil(lambda: delegate.votes.ballot_dialog is not None, timeout=WAIT)
    assert delegate.central.currentWidget() is delegate.votes
    ballot = delegate.votes.ballot_dialog
    assert ballot.countdown_label.text().startswith("Closes in")  # 60 s by default
    ballot.option_buttons[1].click()
    ballot.continue_button.click()
    ballot.confirm_button.click()
    qtbot.waitUntil(lambda: ballot.receipt_label.text().startswith("Receipt: "), timeout=WAIT)
    receipt = ballot.receipt_label.text().removeprefix("Receipt: ")
    qtbot.waitUntil(lambda: tab.banner.turnout.text() == "1 of 2 ballots cast", timeout=WAIT)
    assert delegate.votes.banner.my_state.text() == "You have voted ✓"

    tab.banner.close_button.click()
    close_box = tab.manager.close_box
    assert close_box is not None
    close_box.button(close_box.StandardButton.Yes).click()
    detail = delegate.votes.detail
    qtbot.waitUntil(lambda: detail.chart.isVisible(), timeout=WAIT)
    assert [r.label for r in detail.chart.rows] == ["1 · 100.0%", "0 · 0.0%", "0 · 0.0%"]
    # One "yes" of seven members, one of them present: the server's verdict, and why.
    assert detail.verdict.text().startswith("NOT PASSED")
    assert detail.verdict.text().endswith("The quorum was not reached.")
    assert detail.quorum.text().startswith("Meeting quorum NOT reached")
    assert detail.receipt_check.text() == "Your receipt is in the list ✓"
    assert receipt in detail.receipts.toPlainText()
    assert ballot.closed and not ballot.confirm_button.isEnabled()


def test_a_created_poll_is_the_one_selected_and_opened(qtbot: Any, open_room: Any) -> None:
    """After "Create poll" the new poll is shown, not the demo's draft that was selected:
    "Check and open voting" then asks about the new question."""
    chair = open_room("chair")
    tab = chair.votes
    demo_draft = tab.detail.poll_id
    assert demo_draft is not None  # the demo's draft, shown when the room opens
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = tab.manager.dialog
    assert dialog is not None
    question = "Thông qua Quy chế làm việc của Ban chỉ đạo?"
    dialog.question_edit.setPlainText(question)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    def created() -> dict[str, Any] | None:
        return next((p for p in chair.store.polls if p["question"] == question), None)

    qtbot.waitUntil(lambda: created() is not None and tab.detail.poll_id == created()["id"],
                    timeout=WAIT)
    current = tab.list.currentItem()
    assert current is not None and current.toolTip(0) == question
    assert tab.detail.poll_id != demo_draft
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.manager.check_box is not None, timeout=WAIT)
    assert tab.manager.check_box.text() == question
    tab.manager.check_box.reject()
