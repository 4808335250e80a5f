"""The screens follow the rights table (docs/security.md, "Rights over participants"):
the participants editor offers a secretary only what the server allows, the attendance
tab keeps a secretary from marking a present, online member absent or naming proxies and
lets a member name their own, and the room tells the chair of role and weight changes and
a member of their proxy's vote.

Commands go over a real Socket.IO connection to the scripted server, which records them;
the state comes from the demo snapshot (tests/support/meeting_data.py) and events."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.preparation.participants import ROLES, ParticipantsEditor
from tests.client.conftest import FakeServer
from tests.client.test_attendance import event, panel_for, sent
from tests.support import meeting_data as md


def editor_for(qtbot: Any, sender: CommandSender, user_id: int, role: str,
               organiser: bool = False, polls: list[dict[str, Any]] | None = None) -> ParticipantsEditor:
    store = MeetingStore()
    snapshot = md.meeting_snapshot(user_id, role)
    snapshot["polls"] = polls or []
    store.load(1, snapshot)
    editor = ParticipantsEditor(store, sender)
    editor.set_organiser(organiser)
    qtbot.addWidget(editor)
    editor.resize(900, 560)
    editor.show()
    return editor


def select(editor: ParticipantsEditor, user_id: int) -> None:
    rows = [editor.table.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(editor.table.rowCount())]
    editor.table.selectRow(rows.index(user_id))


def offered(editor: ParticipantsEditor) -> list[str]:
    model = editor.role_combo.model()
    return [role for i, role in enumerate(ROLES) if model.item(i).isEnabled()]  # type: ignore[attr-defined]


def test_a_secretary_edits_delegates_and_observers_only(
        qtbot: Any, fake_server: FakeServer, fake_sender: CommandSender) -> None:
    editor = editor_for(qtbot, fake_sender, 2, "secretary")  # Trần Thị Mai, central site
    assert offered(editor) == ["delegate", "observer"]
    assert not editor.weight_spin.isEnabled()
    select(editor, 2)  # herself
    assert not editor.set_button.isEnabled() and not editor.remove_button.isEnabled()
    assert "own role" in editor.refusal.text() and editor.refusal.isVisible()
    select(editor, 1)  # the chair
    assert not editor.set_button.isEnabled() and not editor.remove_button.isEnabled()
    assert "organiser" in editor.refusal.text()
    select(editor, 8)  # a delegate at TP. Hồ Chí Minh: the central secretary manages every site
    assert editor.set_button.isEnabled() and editor.remove_button.isEnabled()
    editor.role_combo.setCurrentIndex(ROLES.index("observer"))
    editor.set_button.click()
    assert sent(fake_server, "participant.set", qtbot) == [
        {"meeting_id": 1, "user_id": 8, "role": "observer", "site_id": md.HCM}]  # no weight


def test_a_site_secretary_keeps_people_on_their_site(
        qtbot: Any, fake_server: FakeServer, fake_sender: CommandSender) -> None:
    editor = editor_for(qtbot, fake_sender, 16, "secretary")  # Phan Văn Định, TP. Hồ Chí Minh
    assert not editor.site_combo.isEnabled() and editor.site_combo.currentData() == md.HCM
    select(editor, 4)  # Hà Nội
    assert not editor.set_button.isEnabled() and "own site" in editor.refusal.text()
    select(editor, 8)
    assert editor.set_button.isEnabled()


def test_the_organiser_sets_weights_but_not_while_a_poll_is_open(
        qtbot: Any, fake_server: FakeServer, fake_sender: CommandSender) -> None:
    editor = editor_for(qtbot, fake_sender, 99, None, organiser=True)  # an admin taking no part
    assert offered(editor) == list(ROLES)
    select(editor, 8)
    assert editor.weight_spin.isEnabled()
    editor.weight_spin.setValue(3)
    editor.set_button.click()
    assert sent(fake_server, "participant.set", qtbot)[0]["voting_weight"] == 3
    frozen = editor_for(qtbot, fake_sender, 99, None, organiser=True,
                        polls=[{"id": 5, "status": "open", "question": "Thông qua?"}])
    assert not frozen.weight_spin.isEnabled() and "poll is open" in frozen.refusal.text()


def test_a_secretary_cannot_mark_a_present_online_member_absent(
        qtbot: Any, fake_server: FakeServer, fake_sender: CommandSender) -> None:
    panel = panel_for(qtbot, fake_sender, 2, "secretary")
    assert not panel.proxy_button.isVisible()  # proxies: the member, or the chair
    panel.select([4])  # Lê Quang Đức: present and online
    assert panel.present_button.isEnabled()
    assert not panel.absent_button.isEnabled() and not panel.excused_button.isEnabled()
    assert panel.refusal.isVisible() and "chair" in panel.refusal.text()
    panel.select([14])  # offline, not recorded
    assert panel.absent_button.isEnabled() and not panel.refusal.isVisible()
    chair = panel_for(qtbot, fake_sender, 1, "chair")
    chair.select([4])
    assert chair.absent_button.isEnabled() and chair.proxy_button.isVisible()


def test_a_member_names_their_own_proxy(
        qtbot: Any, fake_server: FakeServer, fake_sender: CommandSender) -> None:
    panel = panel_for(qtbot, fake_sender, 14, "delegate")  # Trịnh Xuân Trường
    assert panel.action_bar.isHidden() and panel.member_bar.isVisible()
    assert "Nobody represents you" in panel.my_proxy_label.text()
    panel.my_proxy_button.click()
    dialog = panel.proxy_dialog
    assert dialog is not None and not dialog.authorisation.isVisible()  # their own word
    dialog.choose(11)
    dialog.accept()
    assert sent(fake_server, "attendance.set_proxy", qtbot) == [
        {"meeting_id": 1, "user_id": 14, "proxy_user_id": 11}]
    person = {**panel._store.participant(14), "proxy_id": 11}  # type: ignore[dict-item]
    panel._store.apply(event(2, "participant.changed", {"participant": person}))
    assert "Ngô Thị Phương Thảo" in panel.my_proxy_label.text()
    observer = panel_for(qtbot, fake_sender, 3, "observer")
    assert observer.member_bar.isHidden()  # an observer is no member
