"""The poll dialog sends the payload the server's own models accept: the defaults (standard
options omitted, the current agenda item), own options with a comment flag, multiple
choice, secret ballots (never with allow_change), written opinions; and it says what is
missing instead of sending."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime, Qt

from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.votes.create import PollDialog
from protocol.commands import COMMANDS
from tests.client.conftest import FakeServer
from tests.client.votes_data import DELEGATE_B, ME, poll, snapshot

WAIT = 10_000


@pytest.fixture
def parts(qtbot: Any, fake_server: FakeServer, open_connection: Any
          ) -> Iterator[tuple[MeetingStore, CommandSender]]:
    # What the server answers a saved poll (the dialog reads the typed answer).
    saved = {"ok": True, "data": {"poll": poll(7, "Thông qua?")}}
    fake_server.command_answers.update({"poll.create": saved, "poll.update": saved})
    connection, _ = open_connection(fake_server.url, "good")
    qtbot.waitUntil(lambda: connection.status == "connected", timeout=WAIT)
    store = MeetingStore()
    store.load(3, snapshot("secretary", 2, [poll(1, "Thông qua chương trình hội nghị?")]))
    yield store, CommandSender(connection)


def sent(server: FakeServer, name: str) -> dict[str, Any]:
    payloads = [p for n, p in server.commands if n == name]
    assert len(payloads) == 1, server.commands
    return {k: v for k, v in payloads[0].items() if k != "request_id"}


def dialog_for(qtbot: Any, parts: tuple[MeetingStore, CommandSender], **kwargs: Any) -> PollDialog:
    dialog = PollDialog(*parts, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_defaults_make_a_named_vote_by_more_than_half_of_all_members_on_the_current_item(
        qtbot: Any, parts: Any, fake_server: FakeServer) -> None:
    dialog = dialog_for(qtbot, parts)
    dialog.question_edit.setPlainText("Thông qua Kế hoạch cải cách hành chính năm 2027?")
    assert dialog.majority_combo.currentText() == "More than half of all members"
    assert [dialog.majority_combo.itemData(n) for n in range(dialog.majority_combo.count())] == [
        "absolute", "present", "two_thirds"]
    assert "all members, whether they voted or not" in dialog.rule_hint.text()
    assert dialog.quorum_spin.value() == 0 and dialog.quorum_spin.text() == "The meeting's quorum"
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT)
    payload = sent(fake_server, "poll.create")
    assert payload == {
        "meeting_id": 1, "agenda_item_id": 11, "kind": "meeting",
        "question": "Thông qua Kế hoạch cải cách hành chính năm 2027?", "secret": False,
        "majority": "absolute", "min_choices": 1, "max_choices": 1, "allow_change": False,
        "duration_seconds": 60}  # no options nor quorum: the server's defaults, the meeting's quorum
    COMMANDS["poll.create"].model_validate(payload)


def test_own_options_multiple_choice_secret_and_a_quorum(qtbot: Any, parts: Any,
                                                         fake_server: FakeServer) -> None:
    dialog = dialog_for(qtbot, parts)
    dialog.question_edit.setPlainText("Bầu  chọn hai đơn vị\ndẫn đầu phong trào thi đua")
    dialog.item_combo.setCurrentIndex(dialog.item_combo.findData(None))
    dialog.options.custom_radio.setChecked(True)
    dialog.options.table.setRowCount(0)
    for text, comment in (("Văn phòng Bộ", False), ("Vụ Tổ chức cán bộ", False),
                          ("Trung tâm Công nghệ thông tin", False), ("Đơn vị khác", True)):
        dialog.options.add_option(text, comment)
    dialog.multiple_radio.setChecked(True)
    dialog.min_spin.setValue(1)
    dialog.max_spin.setValue(2)
    dialog.allow_change_box.setChecked(True)
    dialog.secret_radio.setChecked(True)
    assert not dialog.allow_change_box.isChecked() and not dialog.allow_change_box.isEnabled()
    dialog.majority_combo.setCurrentIndex(dialog.majority_combo.findData("two_thirds"))
    assert "at least two thirds" in dialog.rule_hint.text()
    dialog.quorum_spin.setValue(8)
    dialog.seconds_spin.setValue(0)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(fake_server.commands), timeout=WAIT)
    payload = sent(fake_server, "poll.create")
    assert payload["question"] == "Bầu chọn hai đơn vị dẫn đầu phong trào thi đua"
    assert "agenda_item_id" not in payload and "duration_seconds" not in payload
    assert payload["options"] == [
        {"text": "Văn phòng Bộ", "comment": False}, {"text": "Vụ Tổ chức cán bộ", "comment": False},
        {"text": "Trung tâm Công nghệ thông tin", "comment": False}, {"text": "Đơn vị khác", "comment": True}]
    assert (payload["min_choices"], payload["max_choices"]) == (1, 2)
    assert payload["secret"] is True and payload["allow_change"] is False
    assert payload["majority"] == "two_thirds" and payload["quorum"] == 8
    COMMANDS["poll.create"].model_validate(payload)


def test_written_opinions_ask_members_by_a_deadline_with_documents(
        qtbot: Any, parts: Any, fake_server: FakeServer) -> None:
    store, _ = parts
    snap = snapshot("secretary", 2)
    snap["documents"] = [{"id": 31, "title": "Dự thảo Quy chế làm việc", "agenda_item_id": 11,
                          "sha256": "a" * 64, "pages": 4, "version": 1, "size": 1000,
                          "filename": "quy-che.pdf", "access": "all", "released": True,
                          "uploaded_at": "2026-11-21T09:00:00Z", "uploaded_by": 2}]
    store.load(4, snap)
    dialog = dialog_for(qtbot, parts, written=True)
    assert dialog.written and dialog.voters_list.isVisible() and not dialog.seconds_spin.isVisible()
    dialog.question_edit.setPlainText("Góp ý dự thảo Quy chế làm việc của Bộ")
    members = [dialog.voters_list.item(r) for r in range(dialog.voters_list.count())]
    assert [i.text() for i in members] == ["Nguyễn Văn Hùng", "Lê Quang Đức", "Phạm Thị Hồng Nhung",
                                           "Hoàng Minh Tuấn"]  # members only: no secretary, no observer
    for item in members:
        keep = item.data(Qt.ItemDataRole.UserRole) in (ME, DELEGATE_B)
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    deadline = (datetime.now(UTC) + timedelta(days=2)).replace(second=0, microsecond=0)
    dialog.deadline_edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(deadline.timestamp())))
    assert dialog.documents_list.isVisible()
    assert dialog.documents_list.item(0).text() == "Dự thảo Quy chế làm việc"
    dialog.documents_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(fake_server.commands), timeout=WAIT)
    payload = sent(fake_server, "poll.create")
    assert payload["kind"] == "written" and payload["voter_ids"] == [ME, DELEGATE_B]
    assert payload["closes_at"] == deadline.isoformat().replace("+00:00", "Z")
    assert payload["document_ids"] == [31] and "duration_seconds" not in payload
    COMMANDS["poll.create"].model_validate(payload)


def test_missing_parts_are_named_and_nothing_is_sent(qtbot: Any, parts: Any,
                                                     fake_server: FakeServer) -> None:
    dialog = dialog_for(qtbot, parts)
    dialog.save_button.click()
    assert dialog.error_label.text() == "Write the question."
    dialog.question_edit.setPlainText("Thông qua?")
    dialog.options.custom_radio.setChecked(True)
    dialog.options.table.setRowCount(0)
    dialog.options.add_option("Đồng ý", False)
    dialog.save_button.click()
    assert dialog.error_label.text() == "Give at least two options."
    dialog.options.add_option("Không đồng ý", False)
    dialog.multiple_radio.setChecked(True)
    dialog.max_spin.setValue(3)
    dialog.save_button.click()
    assert dialog.error_label.text() == "There are only 2 options to choose from."
    assert fake_server.commands == []


def test_editing_a_draft_sends_an_update_that_can_clear_fields(qtbot: Any, parts: Any,
                                                               fake_server: FakeServer) -> None:
    store, _ = parts
    draft = store.poll_by_id(1)
    dialog = dialog_for(qtbot, parts, poll={**draft, "quorum": 5})
    assert dialog.options.default_radio.isChecked() and dialog.quorum_spin.value() == 5
    assert dialog.save_button.text() == "Save"
    dialog.quorum_spin.setValue(0)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: bool(fake_server.commands), timeout=WAIT)
    payload = sent(fake_server, "poll.update")
    assert payload["poll_id"] == 1 and "meeting_id" not in payload
    assert payload["quorum"] is None and payload["agenda_item_id"] == 11
    assert payload["options"] == [] and payload["duration_seconds"] == 60  # [] means the standard ones
    COMMANDS["poll.update"].model_validate(payload)


WEIGHT_WARNING = {"code": "weight_reveals_ballot", "user_ids": [DELEGATE_B],
                  "weights": {str(DELEGATE_B): 100}, "message": "The tally … shows how these members voted"}


def test_a_weight_that_gives_a_secret_ballot_away_is_shown_after_saving(
        qtbot: Any, parts: Any, fake_server: FakeServer) -> None:
    fake_server.command_answers["poll.create"] = {"ok": True, "data": {
        "poll": poll(7, "Bầu Trưởng ban?", secret=True, weighted=True), "warnings": [WEIGHT_WARNING]}}
    dialog = dialog_for(qtbot, parts)
    dialog.question_edit.setPlainText("Bầu Trưởng ban?")
    dialog.secret_radio.setChecked(True)
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT)
    box = dialog.warning_box
    assert box is not None and box.isVisible()
    assert "Phạm Thị Hồng Nhung (weight 100)" in box.text() and "will show how" in box.text()
    box.close()


def test_no_warning_no_box(qtbot: Any, parts: Any, fake_server: FakeServer) -> None:
    dialog = dialog_for(qtbot, parts)
    dialog.question_edit.setPlainText("Thông qua?")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=WAIT)
    assert dialog.warning_box is None
