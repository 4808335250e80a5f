"""User administration and password changes in the client, against the real demo server."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from meeting_app.ui.app import ClientController
from meeting_app.ui.meetings_window import MeetingsWindow
from meeting_app.ui.users.window import UsersWindow
from tests.client.sessions import session_for
from tests.support.server_process import ServerProcess

WAIT = 20_000


@pytest.fixture
def windows(qtbot: Any, demo_server: ServerProcess) -> Iterator[list[Any]]:
    opened: list[Any] = []
    yield opened
    for window in opened:  # closed before the server stops
        window.close()


@pytest.fixture
def meetings_for(qtbot: Any, demo_server: ServerProcess,
                 windows: list[Any]) -> Callable[..., MeetingsWindow]:
    def make(username: str, password: str | None = None) -> MeetingsWindow:
        session = session_for(demo_server, username) if password is None else _session(demo_server, username,
                                                                                         password)
        window = MeetingsWindow(session)
        qtbot.addWidget(window)
        windows.append(window)
        window.open()
        qtbot.waitUntil(lambda: window.loaded, timeout=WAIT)
        return window

    return make


def _session(server: ServerProcess, username: str, password: str) -> Any:
    from meeting_app.ui.session import Session

    body = server.login(username, password)
    return Session(server.url, body["token"], body["user"])


def users_window(qtbot: Any, meetings: MeetingsWindow) -> UsersWindow:
    window = meetings.open_users()
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=WAIT)
    return window


def names(window: UsersWindow) -> dict[str, dict[str, Any]]:
    return {window.model.user(r)["username"]: window.model.user(r) for r in range(window.model.rowCount())}


def text_at(window: UsersWindow, username: str, column: int) -> str:
    row = window.model.row_of(int(names(window)[username]["id"]))
    assert row is not None
    return str(window.model.data(window.model.index(row, column)))


def test_only_admins_see_user_administration(meetings_for: Any) -> None:
    admin = meetings_for("admin")
    assert admin.users_action.isVisible()
    admin.grab().save("/tmp/h3-meetings-admin.png")
    delegate = meetings_for("delegate1")
    assert not delegate.users_action.isVisible()
    assert delegate.password_action.isVisible()


def test_an_admin_creates_edits_and_resets_users(meetings_for: Any, qtbot: Any) -> None:
    window = users_window(qtbot, meetings_for("admin"))
    listed = names(window)
    assert {"admin", "chair", "delegate1"} <= set(listed)
    assert text_at(window, "admin", 2) == "Administrator"
    window.select(int(listed["admin"]["id"]))
    assert not window.active_action.isEnabled() and not window.reset_action.isEnabled()  # not myself

    dialog = window.create_user()
    dialog.username_edit.setText("hoangthu")
    dialog.full_name_edit.setText("Hoàng Thị Thu")
    dialog.password_edit.setText("ngắn")
    dialog.repeat_edit.setText("ngắn")
    dialog.submit()
    assert "at least 8" in dialog.error_label.text() and dialog.isVisible()
    dialog.username_edit.setText("chair")  # taken: the server says so, inline
    dialog.password_edit.setText("Mật khẩu 2026")
    dialog.repeat_edit.setText("Mật khẩu 2026")
    dialog.submit()
    qtbot.waitUntil(lambda: "taken" in dialog.error_label.text(), timeout=WAIT)
    dialog.username_edit.setText("hoangthu")
    dialog.organizer_box.setChecked(True)
    with qtbot.waitSignal(window.listed, timeout=WAIT):
        dialog.submit()
    qtbot.waitUntil(lambda: "hoangthu" in names(window), timeout=WAIT)
    assert text_at(window, "hoangthu", 1) == "Hoàng Thị Thu"
    assert text_at(window, "hoangthu", 2) == "Organizer"
    window.grab().save("/tmp/h3-users-window.png")

    window.select(int(names(window)["hoangthu"]["id"]))
    edit = window.edit_selected()
    assert edit is not None and edit.username_edit.isReadOnly()
    edit.full_name_edit.setText("Hoàng Thị Thu Hà")
    edit.organizer_box.setChecked(False)
    edit.grab().save("/tmp/h3-user-dialog.png")
    edit.submit()
    qtbot.waitUntil(lambda: text_at(window, "hoangthu", 1) == "Hoàng Thị Thu Hà", timeout=WAIT)
    assert text_at(window, "hoangthu", 2) == ""

    window.select(int(names(window)["hoangthu"]["id"]))
    reset = window.reset_selected()
    assert reset is not None
    reset.password_edit.setText("Tạm thời 2026")
    reset.repeat_edit.setText("Tạm thời 2027")
    reset.submit()
    assert "differ" in reset.error_label.text()
    reset.repeat_edit.setText("Tạm thời 2026")
    reset.grab().save("/tmp/h3-reset-dialog.png")
    reset.submit()
    qtbot.waitUntil(lambda: text_at(window, "hoangthu", 3) == "Must change password", timeout=WAIT)


def test_deactivation_sends_the_user_back_to_sign_in(meetings_for: Any, qtbot: Any,
                                                      demo_server: ServerProcess) -> None:
    delegate = ClientController(demo_server.url)
    delegate.start_session(session_for(demo_server, "delegate2"))
    try:
        assert delegate.meetings is not None
        qtbot.waitUntil(lambda: delegate.meetings is not None and delegate.meetings.loaded, timeout=WAIT)
        window = users_window(qtbot, meetings_for("admin"))
        window.select(int(names(window)["delegate2"]["id"]))
        box = window.toggle_selected()
        assert isinstance(box, QMessageBox) and "delegate2" in box.text()
        box.grab().save("/tmp/h3-deactivate-question.png")
        box.button(QMessageBox.StandardButton.Yes).click()
        # The delegate's app closes its windows and asks to sign in, saying why.
        qtbot.waitUntil(lambda: delegate.login_dialog is not None and delegate.login_dialog.isVisible(),
                        timeout=WAIT)
        assert delegate.login_dialog is not None and delegate.meetings is None
        assert "deactivated" in delegate.login_dialog.error_label.text()
        delegate.login_dialog.grab().save("/tmp/h3-signed-out.png")
        qtbot.waitUntil(lambda: text_at(window, "delegate2", 3) == "Deactivated", timeout=WAIT)
        assert window.active_action.text() == "Reactivate"
        window.toggle_selected()
        qtbot.waitUntil(lambda: text_at(window, "delegate2", 3) == "Active", timeout=WAIT)
    finally:
        delegate.close_all()
        if delegate.login_dialog is not None:
            delegate.login_dialog.close()


def test_everyone_changes_their_password(meetings_for: Any, qtbot: Any, demo_server: ServerProcess) -> None:
    other_device = meetings_for("delegate3")
    expired: list[str] = []
    other_device.session_expired.connect(expired.append)
    meetings = meetings_for("delegate3")
    dialog = meetings.change_password()
    dialog.current_edit.setText("wrong password")
    dialog.new_edit.setText("Mới hoàn toàn 1")
    dialog.repeat_edit.setText("Mới hoàn toàn 1")
    dialog.submit()
    qtbot.waitUntil(lambda: "current password is wrong" in dialog.error_label.text(), timeout=WAIT)
    dialog.current_edit.setText("demo")
    dialog.grab().save("/tmp/h3-change-password.png")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.submit()
    qtbot.waitUntil(lambda: bool(expired), timeout=WAIT)  # the other device is signed out
    assert "password was changed" in expired[0]
    assert meetings.commands.available  # this one goes on
    assert demo_server.login("delegate3", "Mới hoàn toàn 1")["user"]["username"] == "delegate3"


def test_after_a_reset_the_client_asks_for_a_new_password(meetings_for: Any, qtbot: Any,
                                                          demo_server: ServerProcess) -> None:
    window = users_window(qtbot, meetings_for("admin"))
    window.select(int(names(window)["delegate4"]["id"]))
    reset = window.reset_selected()
    assert reset is not None
    reset.password_edit.setText("Tạm thời 2026")
    reset.repeat_edit.setText("Tạm thời 2026")
    reset.submit()
    qtbot.waitUntil(lambda: text_at(window, "delegate4", 3) == "Must change password", timeout=WAIT)

    controller = ClientController(demo_server.url)
    meetings = controller.start_session(_session(demo_server, "delegate4", "Tạm thời 2026"))
    try:
        dialog = meetings.password_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.grab().save("/tmp/h3-required-change.png")
        dialog.reject()  # not choosing one signs out
        assert controller.session is None and controller.login_dialog is not None
        assert controller.login_dialog.isVisible()
    finally:
        controller.close_all()
        if controller.login_dialog is not None:
            controller.login_dialog.close()
