"""The login dialog: clear messages for each failure, settings without the password, and a
GUI thread that never waits for the network."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from meeting_app.net.auth import LoginError, LoginResult
from meeting_app.ui.login_dialog import SERVER_KEY, USER_KEY, LoginDialog
from tests.support.server_process import ServerProcess, free_port

WAIT = 15_000


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def fill(dialog: LoginDialog, server: str, user: str, password: str) -> None:
    dialog.server_edit.setText(server)
    dialog.user_edit.setText(user)
    dialog.password_edit.setText(password)


def failed(dialog: LoginDialog) -> bool:
    return not dialog.busy and dialog.error_label.isVisible()


def test_a_wrong_password_says_so(qtbot: Any, demo_server: ServerProcess,
                                  settings: QSettings) -> None:
    dialog = LoginDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, demo_server.url, "chair", "not-the-password")
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: failed(dialog), timeout=WAIT)
    assert dialog.error_label.text().startswith("Wrong username or password.")
    assert dialog.login_result is None and dialog.isVisible()
    assert dialog.sign_in.isEnabled()  # ready for another try


def test_an_unreachable_server_says_so(qtbot: Any, settings: QSettings) -> None:
    dialog = LoginDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, f"http://127.0.0.1:{free_port()}", "chair", "demo")
    dialog.sign_in.click()
    qtbot.waitUntil(lambda: failed(dialog), timeout=WAIT)
    assert dialog.error_label.text().startswith("The server cannot be reached.")
    assert "no server is listening" in dialog.error_label.text()


def test_a_good_login_remembers_server_and_user_never_the_password(
        qtbot: Any, demo_server: ServerProcess, settings: QSettings) -> None:
    dialog = LoginDialog(settings=settings)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, demo_server.url, "secretary", "demo")
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.sign_in.click()
    assert dialog.login_result is not None and dialog.login_result.user["username"] == "secretary"
    assert settings.value(SERVER_KEY) == demo_server.url
    assert settings.value(USER_KEY) == "secretary"
    stored = {key: settings.value(key) for key in settings.allKeys()}
    assert "demo" not in [str(value) for value in stored.values()]
    again = LoginDialog(settings=settings)
    qtbot.addWidget(again)
    assert again.server_edit.text() == demo_server.url
    assert again.user_edit.text() == "secretary" and again.password_edit.text() == ""


@pytest.mark.parametrize(("kind", "headline"), [
    ("rate_limited", "Too many sign-in attempts."),
    ("incompatible", "This server is not compatible with this application."),
    ("server", "The server could not sign you in."),
])
def test_every_kind_of_failure_has_its_message(qtbot: Any, settings: QSettings, kind: str,
                                               headline: str) -> None:
    def refuse(_server: str, _user: str, _password: str) -> LoginResult:
        raise LoginError(kind, "details from the server")

    dialog = LoginDialog(settings=settings, login_function=refuse)
    qtbot.addWidget(dialog)
    fill(dialog, "http://127.0.0.1:1", "chair", "demo")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=WAIT)
    assert dialog.error_label.text() == f"{headline}\ndetails from the server"


def test_the_login_runs_off_the_gui_thread(qtbot: Any, settings: QSettings) -> None:
    def slow(_server: str, _user: str, _password: str) -> LoginResult:
        time.sleep(0.5)
        raise LoginError("unreachable", "slow network")

    dialog = LoginDialog(settings=settings, login_function=slow)
    qtbot.addWidget(dialog)
    fill(dialog, "http://127.0.0.1:1", "chair", "demo")
    started = time.monotonic()
    dialog.submit()
    assert time.monotonic() - started < 0.3  # submit returned at once
    assert dialog.busy and not dialog.sign_in.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT)
    assert "slow network" in dialog.error_label.text()


def test_empty_fields_are_asked_for(qtbot: Any, settings: QSettings) -> None:
    dialog = LoginDialog(settings=settings)
    qtbot.addWidget(dialog)
    fill(dialog, "http://127.0.0.1:1", "", "")
    dialog.submit()
    assert not dialog.busy
    assert "username" in dialog.error_label.text()
