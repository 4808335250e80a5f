"""Every dialog and window works from the keyboard alone: the focus starts on the first
field, Tab visits the controls in reading order (the dialog's buttons last) and comes round
again without getting stuck in a table or a text box, Alt and a label's underlined letter
jump to its field, Enter does the default action where that is safe and Escape closes.

The walks press real Tab keys (tests/client/focus_chain.py) and ask Qt which control has
the focus, as a keyboard user would find out.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meeting_app.state.ballots import BallotSender
from meeting_app.state.session import MeetingSession
from meeting_app.state.store import MeetingStore
from meeting_app.ui.actions_panel import ActionsPanel
from meeting_app.ui.agenda_item_dialog import AgendaItemDialog
from meeting_app.ui.attendance.dialogs import ProxyDialog, ReasonDialog
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.documents.dialogs import DocumentEditDialog, UploadDialog
from meeting_app.ui.i18n import choose_language
from meeting_app.ui.meetings_window import MeetingsWindow
from meeting_app.ui.minutes.actions import ActionDialog, ActionItemsTable
from meeting_app.ui.minutes.conclusion import ConclusionPanel
from meeting_app.ui.minutes.history import HistoryDialog
from meeting_app.ui.password_dialog import ChangePasswordDialog
from meeting_app.ui.preparation.dialog import PreparationDialog
from meeting_app.ui.room.agenda_panel import AgendaPanel
from meeting_app.ui.session import Session
from meeting_app.ui.users.dialogs import ResetPasswordDialog, UserDialog
from meeting_app.ui.votes.ballot import CONFIRM, SENT, BallotDialog
from meeting_app.ui.votes.create import PollDialog
from meeting_app.ui.votes.receipts import ReceiptBook
from tests.client.conftest import FakeServer
from tests.client.focus_chain import clashes, describe, focused, mnemonics, press, tab_chain
from tests.client.sessions import session_for
from tests.client.test_languages import settings  # noqa: F401  (the fixture)
from tests.client.votes_data import ME, opened, poll, snapshot

WAIT = 20_000
ALT = Qt.KeyboardModifier.AltModifier


def shown(qtbot: Any, widget: QWidget) -> QWidget:
    """Show ``widget`` as the active window and wait until a control has the focus."""
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()  # mnemonics (Alt+letter) act in the active window only
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget, timeout=WAIT)
    qtbot.waitUntil(lambda: focused(widget) is not None, timeout=WAIT)
    return widget


def box_buttons(box: QDialogButtonBox) -> list[QPushButton]:
    """A button box's enabled buttons as they stand on screen, left to right."""
    buttons = [b for b in box.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    return sorted(buttons, key=lambda b: b.mapTo(box, b.rect().topLeft()).x())


def assert_chain(top: QWidget, expected: list[QWidget]) -> None:
    """Tab from the first of ``expected`` visits exactly ``expected``, then comes back."""
    expected[0].setFocus()
    chain = tab_chain(top)
    assert describe(chain) == describe(expected), f"Tab visits {describe(chain)}"
    assert chain == expected
    back = tab_chain(top, backwards=True)  # Shift+Tab walks the same ring the other way
    assert back == [expected[0], *reversed(expected[1:])]


def assert_mnemonic(top: QWidget, key: Qt.Key, field: QWidget) -> None:
    """Alt and the underlined letter of a label put the focus in its field."""
    press(top, key, ALT)
    assert focused(top) is field, describe([w for w in (focused(top),) if w is not None])


@pytest.fixture
def sender(qtbot: Any, fake_server: FakeServer, open_connection: Any) -> Iterator[CommandSender]:
    connection, _ = open_connection(fake_server.url, "good")
    qtbot.waitUntil(lambda: connection.status == "connected", timeout=WAIT)
    yield MeetingSession(None, connection)  # a CommandSender with an outbox


@pytest.fixture
def store() -> MeetingStore:
    meeting = MeetingStore()
    meeting.load(3, snapshot("secretary", 2, [opened(poll(2, "Thông qua Kế hoạch năm 2027?"))]))
    return meeting


# --- small forms -----------------------------------------------------------------------------


def test_the_agenda_item_form_starts_on_the_title_and_enter_saves(qtbot: Any) -> None:
    dialog = shown(qtbot, AgendaItemDialog())
    assert focused(dialog) is dialog.title_edit
    qtbot.keyClicks(dialog.title_edit, "Khai mac")  # QTest types ASCII only
    ok_and_cancel = box_buttons(dialog.buttons)
    assert_chain(dialog, [dialog.title_edit, dialog.presenter_edit, dialog.duration, *ok_and_cancel])
    assert_mnemonic(dialog, Qt.Key.Key_P, dialog.presenter_edit)
    assert_mnemonic(dialog, Qt.Key.Key_D, dialog.duration)
    assert_mnemonic(dialog, Qt.Key.Key_T, dialog.title_edit)
    press(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values()["title"] == "Khai mac"


def test_escape_cancels_the_agenda_item_form(qtbot: Any) -> None:
    dialog = shown(qtbot, AgendaItemDialog({"title": "Khai mạc"}))
    press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_the_password_form_walks_its_three_fields_then_its_buttons(qtbot: Any) -> None:
    dialog = shown(qtbot, ChangePasswordDialog("http://127.0.0.1:1", "token", "chair"))
    assert focused(dialog) is dialog.current_edit
    fields = [dialog.current_edit, dialog.new_edit, dialog.repeat_edit]
    assert_chain(dialog, [*fields, *box_buttons(dialog.buttons)])
    assert_mnemonic(dialog, Qt.Key.Key_N, dialog.new_edit)
    assert_mnemonic(dialog, Qt.Key.Key_R, dialog.repeat_edit)
    assert_mnemonic(dialog, Qt.Key.Key_U, dialog.current_edit)
    press(dialog, Qt.Key.Key_Return)  # Enter is "Change password": here it says what is missing
    assert dialog.error_label.isVisible() and dialog.isVisible()
    press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_user_forms_start_on_the_first_field_one_may_change(
        qtbot: Any, sender: CommandSender) -> None:
    new = shown(qtbot, UserDialog(sender))
    assert focused(new) is new.username_edit
    assert_chain(new, [new.username_edit, new.full_name_edit, new.password_edit, new.repeat_edit,
                       new.admin_box, new.organizer_box, *box_buttons(new.buttons)])
    for key, field in ((Qt.Key.Key_F, new.full_name_edit), (Qt.Key.Key_P, new.password_edit),
                       (Qt.Key.Key_E, new.repeat_edit), (Qt.Key.Key_A, new.admin_box),
                       (Qt.Key.Key_O, new.organizer_box), (Qt.Key.Key_U, new.username_edit)):
        assert_mnemonic(new, key, field)
    press(new, Qt.Key.Key_Escape)
    assert not new.isVisible()

    user = {"id": 3, "username": "delegate1", "full_name": "Trần Thị Bình"}
    edit = shown(qtbot, UserDialog(sender, user, my_id=1))
    assert focused(edit) is edit.full_name_edit  # the username cannot change

    reset = shown(qtbot, ResetPasswordDialog(sender, user))
    assert focused(reset) is reset.password_edit
    assert_chain(reset, [reset.password_edit, reset.repeat_edit, *box_buttons(reset.buttons)])
    assert_mnemonic(reset, Qt.Key.Key_R, reset.repeat_edit)


def test_the_absence_reason_opens_on_the_reason(qtbot: Any) -> None:
    dialog = shown(qtbot, ReasonDialog("excused", ["Trần Thị Bình"]))
    assert focused(dialog) is dialog.preset
    dialog.choose("Họp Quốc hội")  # another reason: its text field appears after the list
    assert_chain(dialog, [dialog.preset, dialog.other, *box_buttons(dialog.buttons)])
    assert_mnemonic(dialog, Qt.Key.Key_R, dialog.preset)
    press(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.reason == "Họp Quốc hội"


def test_the_proxy_choice_opens_on_the_list_and_enter_confirms(qtbot: Any) -> None:
    member = {"user_id": 6, "full_name": "Lê Văn Cường", "proxy_id": None}
    dialog = shown(qtbot, ProxyDialog(member, [{"user_id": 5, "full_name": "Phạm Thị Dung"}]))
    assert focused(dialog) is dialog.combo
    buttons = dialog.findChild(QDialogButtonBox)
    assert_chain(dialog, [dialog.combo, *box_buttons(buttons)])
    press(dialog, Qt.Key.Key_Down)  # arrows choose in the list, Enter confirms
    press(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.proxy_id == 5

def test_the_document_forms_read_title_item_access_release_then_buttons(
        qtbot: Any, store: MeetingStore, tmp_path: Path) -> None:
    path = tmp_path / "To trinh 12.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    upload = shown(qtbot, UploadDialog(store, "http://127.0.0.1:1", "token", path))
    fields = upload.fields
    assert focused(upload) is fields.title_edit
    fields.named.setChecked(True)
    # A group of radio buttons is one stop (arrows choose in it), as everywhere in Qt.
    assert_chain(upload, [fields.title_edit, fields.item_combo, fields.everyone, fields.readers,
                          fields.release_box, *box_buttons(upload.buttons)])
    for key, field in ((Qt.Key.Key_A, fields.item_combo), (Qt.Key.Key_L, fields.everyone),
                       (Qt.Key.Key_R, fields.release_box), (Qt.Key.Key_T, fields.title_edit)):
        assert_mnemonic(upload, key, field)
    press(upload, Qt.Key.Key_Escape)
    assert not upload.isVisible()

    doc = {"id": 4, "title": "Báo cáo", "agenda_item_id": None, "access": "all", "released": False}
    edit = shown(qtbot, DocumentEditDialog(store, doc))
    assert focused(edit) is edit.fields.title_edit
    assert_mnemonic(edit, Qt.Key.Key_R, edit.fields.release_box)


# --- voting ------------------------------------------------------------------------------------


def test_the_poll_form_is_walked_top_to_bottom_without_traps(
        qtbot: Any, store: MeetingStore, sender: CommandSender, fake_server: FakeServer) -> None:
    fake_server.command_answers["poll.create"] = {"ok": True, "data": {"poll": poll(7, "Thông qua?")}}
    dialog = shown(qtbot, PollDialog(store, sender))
    assert focused(dialog) is dialog.kind_combo
    options = dialog.options
    options.custom_radio.setChecked(True)  # the table of own options joins the walk
    assert_chain(dialog, [
        dialog.kind_combo, dialog.question_edit, dialog.item_combo, options.default_radio,
        options.table, options.add_button, options.remove_button, dialog.single_radio,
        dialog.named_radio, dialog.allow_change_box, dialog.majority_combo, dialog.quorum_spin,
        dialog.seconds_spin, dialog.cancel_button, dialog.save_button])
    # Tab leaves the question box instead of typing a tab into it.
    dialog.question_edit.setFocus()
    press(dialog, Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.item_combo and "\t" not in dialog.question_edit.toPlainText()
    for key, field in ((Qt.Key.Key_Q, dialog.question_edit), (Qt.Key.Key_I, dialog.item_combo),
                       (Qt.Key.Key_M, dialog.majority_combo), (Qt.Key.Key_U, dialog.quorum_spin),
                       (Qt.Key.Key_C, dialog.seconds_spin), (Qt.Key.Key_E, dialog.secret_radio),
                       (Qt.Key.Key_K, dialog.kind_combo)):
        assert_mnemonic(dialog, key, field)
    options.default_radio.setChecked(True)
    dialog.question_edit.setPlainText("Thông qua Kế hoạch cải cách hành chính năm 2027?")
    dialog.majority_combo.setFocus()
    press(dialog, Qt.Key.Key_Return)  # Enter creates the (draft) poll
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=WAIT)
    assert [name for name, _payload in fake_server.commands] == ["poll.create"]


def test_a_written_poll_walks_whom_to_ask_and_the_deadline(
        qtbot: Any, store: MeetingStore, sender: CommandSender) -> None:
    dialog = shown(qtbot, PollDialog(store, sender, written=True))
    dialog.seconds_spin.setFocus()  # hidden for a written poll: the walk starts at quorum
    dialog.quorum_spin.setFocus()
    chain = tab_chain(dialog)
    assert chain[:5] == [dialog.quorum_spin, dialog.voters_list, dialog.deadline_edit,
                         dialog.cancel_button, dialog.save_button]
    assert_mnemonic(dialog, Qt.Key.Key_A, dialog.voters_list)
    assert_mnemonic(dialog, Qt.Key.Key_D, dialog.deadline_edit)
    press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_a_ballot_is_cast_with_the_keyboard_alone(
        qtbot: Any, store: MeetingStore, sender: CommandSender, fake_server: FakeServer,
        tmp_path: Path) -> None:
    fake_server.command_answers["poll.vote"] = {"ok": True, "data": {"receipt": "7f3a9c2e41d0b5a8"}}
    assert isinstance(sender, MeetingSession)
    ballots = BallotSender(sender, ReceiptBook(tmp_path / "receipts.json", "http://server", ME))
    dialog = shown(qtbot, BallotDialog(store, ballots, 2))
    options = list(dialog.option_buttons.values())
    first = dialog.voter_combo if dialog.voter_row.isVisible() else options[0]
    assert focused(dialog) is first
    # The options are one stop (arrows choose); Continue waits for a choice.
    assert_chain(dialog, [*([dialog.voter_combo] if dialog.voter_row.isVisible() else []),
                          options[0], dialog.cancel_button])
    options[0].setFocus()
    press(dialog, Qt.Key.Key_Space)
    assert options[0].isChecked() and dialog.continue_button.isEnabled()
    press(dialog, Qt.Key.Key_Return)  # Continue (the default button)
    assert dialog.stack.currentIndex() == CONFIRM and focused(dialog) is dialog.confirm_button
    press(dialog, Qt.Key.Key_Return)
    assert dialog.stack.currentIndex() == SENT and focused(dialog) is dialog.close_button
    qtbot.waitUntil(lambda: "7f3a9c2e41d0b5a8" in dialog.receipt_label.text(), timeout=WAIT)
    press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()



def test_tab_leaves_the_minutes_text_and_the_decision(
        qtbot: Any, store: MeetingStore, sender: CommandSender, tmp_path: Path) -> None:
    assert isinstance(sender, MeetingSession)
    editor = ConclusionPanel(store, sender, sender.drafts, 1)
    editor.set_editable(True)
    shown(qtbot, editor)
    text, decision = editor.editor.text_edit, editor.decision
    tools = [button for button in editor.editor.tools.findChildren(QToolButton)]
    text.setFocus()
    assert tab_chain(editor) == [text, decision, *tools]  # the tool row comes round first
    press(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused(editor) is tools[-1]  # Shift+Tab: the numbered list button, just above
    assert "\t" not in text.toPlainText() + decision.toPlainText()



def test_the_agenda_is_edited_and_reordered_from_the_keyboard(
        qtbot: Any, store: MeetingStore, sender: CommandSender, fake_server: FakeServer) -> None:
    panel = AgendaPanel(store, sender)
    panel.set_rights(chair=False, editor=True)
    shown(qtbot, panel)
    panel.select(10)
    panel.view.setFocus()
    assert_chain(panel, [panel.view, panel.add_button, panel.edit_button, panel.remove_button])
    panel.view.setFocus()
    press(panel, Qt.Key.Key_Up, ALT)  # the first item cannot go higher: nothing is sent
    press(panel, Qt.Key.Key_Down, ALT)
    qtbot.waitUntil(lambda: any(name == "agenda.reorder" for name, _ in fake_server.commands),
                    timeout=WAIT)
    reorders = [payload for name, payload in fake_server.commands if name == "agenda.reorder"]
    assert [payload["item_ids"] for payload in reorders] == [[11, 10]]
    press(panel, Qt.Key.Key_Return)  # Enter edits the selected item, as a double-click does
    qtbot.waitUntil(lambda: panel.findChild(AgendaItemDialog) is not None, timeout=WAIT)
    dialog = panel.findChild(AgendaItemDialog)
    assert dialog is not None and dialog.title_edit.text() == "Khai mạc hội nghị"
    press(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_action_item_form_and_the_history_from_the_keyboard(
        qtbot: Any, store: MeetingStore) -> None:
    dialog = shown(qtbot, ActionDialog(store))
    assert focused(dialog) is dialog.title_edit
    qtbot.keyClicks(dialog.title_edit, "Du thao ke hoach")
    dialog.has_due.setChecked(True)
    assert_chain(dialog, [dialog.title_edit, dialog.owner, dialog.has_due, dialog.due, dialog.status,
                          *box_buttons(dialog.buttons)])
    for key, field in ((Qt.Key.Key_O, dialog.owner), (Qt.Key.Key_D, dialog.has_due),
                       (Qt.Key.Key_S, dialog.status), (Qt.Key.Key_W, dialog.title_edit)):
        assert_mnemonic(dialog, key, field)
    press(dialog, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted

    history = shown(qtbot, HistoryDialog("Khai mạc hội nghị", editable=True))
    history.set_revisions([{"revision": 1, "text": "Thống nhất", "decision": "", "at": None}])
    assert focused(history) is history.list  # arrows go through the revisions
    chain = tab_chain(history)
    assert chain[:2] == [history.list, history.text] and chain[-1] is history.buttons.button(
        QDialogButtonBox.StandardButton.Close)
    press(history, Qt.Key.Key_Escape)
    assert not history.isVisible()


def test_tab_leaves_the_tables_of_action_items(
        qtbot: Any, store: MeetingStore, sender: CommandSender) -> None:
    session = Session("http://127.0.0.1:1", "token", {"id": 2, "username": "secretary",
                                                      "full_name": "Trần Thị Mai"})
    for owner in (ActionItemsTable(store, sender, 1), ActionsPanel(sender, session)):
        table = owner.table
        table.setRowCount(3)
        for row in range(3):
            for column in range(table.columnCount()):
                table.setItem(row, column, QTableWidgetItem(f"{row}.{column}"))
        window = QWidget()  # the table and a field after it
        layout = QVBoxLayout(window)
        layout.addWidget(owner)
        after = QLineEdit()
        layout.addWidget(after)
        shown(qtbot, window)
        table.setFocus()
        table.setCurrentCell(0, 0)
        chain = tab_chain(window)  # fails when Tab walks the cells instead of leaving
        assert chain[0] is table and after in chain and table not in chain[1:]

# --- windows -----------------------------------------------------------------------------------


def test_the_meetings_users_and_preparation_windows_work_from_the_keyboard(
        qtbot: Any, demo_server: Any) -> None:
    window = MeetingsWindow(session_for(demo_server, "admin"))
    qtbot.addWidget(window)
    window.open()
    try:
        qtbot.waitUntil(lambda: window.loaded, timeout=WAIT)
        shown(qtbot, window)
        assert focused(window) is window.table  # the list: arrows choose, Enter opens
        bar = [window.toolbar.widgetForAction(action) for action in (
            window.open_action, window.prepare_action, window.new_action, window.refresh_action,
            window.audit_action)]
        rest = [window.toolbar.widgetForAction(action) for action in (
            window.users_action, window.password_action, window.sign_out_action)]
        window.select(1)
        assert_chain(window, [*bar, window.search_box, *rest, window.tabs.tabBar(), window.table])
        opened_ids: list[int] = []
        window.open_requested.connect(opened_ids.append)
        window.table.setFocus()
        press(window, Qt.Key.Key_Return)
        assert opened_ids == [1]

        users = window.open_users()
        qtbot.waitUntil(lambda: users.model.rowCount() > 0, timeout=WAIT)
        shown(qtbot, users)
        users.table.selectRow(0)
        bar = users.findChild(QToolBar)
        tools = [bar.widgetForAction(action) for action in (
            users.new_action, users.edit_action, users.active_action, users.reset_action,
            users.refresh_action)]
        assert_chain(users, [*tools, users.inactive_box, users.search_edit, users.table])
        users.table.setFocus()
        press(users, Qt.Key.Key_Return)  # Enter edits the selected user
        qtbot.waitUntil(lambda: isinstance(users.dialog, UserDialog), timeout=WAIT)
        assert users.dialog is not None
        press(users.dialog, Qt.Key.Key_Escape)
        users.close()

        dialog = PreparationDialog(window.session, window.session.open_meeting(1))
        qtbot.addWidget(dialog)
        dialog.open_dialog()
        qtbot.waitUntil(lambda: dialog.store.loaded, timeout=WAIT)
        shown(qtbot, dialog)
        details = dialog.details
        assert focused(dialog) is details.title_edit
        assert_chain(dialog, [dialog.tabs.tabBar(), details.title_edit, details.starts,
                              details.has_end, details.ends, details.location_edit, details.sites,
                              dialog.close_button, dialog.save_button])
        for key, field in ((Qt.Key.Key_A, details.starts), (Qt.Key.Key_E, details.has_end),
                           (Qt.Key.Key_P, details.location_edit), (Qt.Key.Key_I, details.sites),
                           (Qt.Key.Key_T, details.title_edit)):
            assert_mnemonic(dialog, key, field)
        press(dialog, Qt.Key.Key_Return)  # Enter in a field does not close the dialog
        assert dialog.isVisible()
        dialog.tabs.setCurrentIndex(1)
        people = dialog.participants
        assert_chain(dialog, [dialog.tabs.tabBar(), people.table, people.search_edit,
                              people.search_button, people.results, people.role_combo,
                              people.site_combo, people.weight_spin, dialog.close_button,
                              dialog.save_button])
        assert_mnemonic(dialog, Qt.Key.Key_S, people.site_combo)
        assert_mnemonic(dialog, Qt.Key.Key_R, people.role_combo)
        press(dialog, Qt.Key.Key_Escape)
        assert not dialog.isVisible()
    finally:
        window.close()


# --- the underlined letters, in both languages ---------------------------------------------------


@pytest.mark.usefixtures("settings")  # temporary settings; English again after
@pytest.mark.parametrize("language", ["en", "vi"])
def test_no_two_controls_of_a_dialog_share_an_underlined_letter(
        qtbot: Any, store: MeetingStore, sender: CommandSender,
        tmp_path: Path, language: str) -> None:
    """The Vietnamese texts place their own ampersands: a clash there is easy to miss."""
    choose_language(language, QSettings())
    path = tmp_path / "To trinh.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    admin = Session("http://127.0.0.1:1", "token", {"id": 1, "username": "admin",
                                                    "full_name": "Quản trị", "is_admin": True})
    dialogs: list[QWidget] = [
        AgendaItemDialog(), ChangePasswordDialog("http://127.0.0.1:1", "token", "chair"),
        UserDialog(sender), ResetPasswordDialog(sender, {"id": 3, "full_name": "Trần Thị Bình"}),
        ReasonDialog("absent", ["Trần Thị Bình"]),
        UploadDialog(store, "http://127.0.0.1:1", "token", path),
        DocumentEditDialog(store, {"id": 4, "title": "Báo cáo", "access": "all"}),
        PollDialog(store, sender), PollDialog(store, sender, written=True),
        ActionDialog(store), PreparationDialog(admin, admin.open_meeting(None, tmp_path))]
    found: dict[str, dict[str, list[str]]] = {}
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        letters = mnemonics(dialog)
        tabs = getattr(dialog, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 0):
            tabs.setCurrentIndex(index)  # every page, as the letters must differ across pages
            letters += mnemonics(dialog)
        assert letters, f"{type(dialog).__name__} has no underlined letter"
        if clashes(letters):
            found[type(dialog).__name__] = clashes(letters)
        dialog.close()
    assert found == {}
