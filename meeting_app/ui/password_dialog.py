"""Change password: for everyone, from the meetings window; required after an admin reset.

The change runs in a worker thread (``POST /api/password``); the dialog stays responsive
and shows the server's reason inline (wrong current password, too short, too many tries).
The server ends the user's other sessions; this one goes on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from meeting_app.net.auth import PasswordChangeError, change_password
from meeting_app.ui.resources import icon
from meeting_app.ui.tasks import run_in_thread

MIN_LENGTH = 8
"""The server's rule, checked here too so that the common mistake is told at once."""

ChangeFunction = Callable[[str, str, str, str], None]


def password_field() -> QLineEdit:
    """A line edit that hides what is typed."""
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.addAction(icon("lock"), QLineEdit.ActionPosition.LeadingPosition)
    return edit


def check_new_password(widget: QWidget, username: str, new: str, repeated: str) -> str:
    """What is wrong with a new password before it is sent ("" when nothing)."""
    if len(new) < MIN_LENGTH:
        return QCoreApplication.translate("password", "A password has at least {n} characters.").format(
            n=MIN_LENGTH)
    if new.strip().casefold() == username.strip().casefold():
        return QCoreApplication.translate("password", "The password must not be the username.")
    if new != repeated:
        return QCoreApplication.translate("password", "The two new passwords differ.")
    return ""


class ChangePasswordDialog(QDialog):
    """Asks for the current password and a new one (twice)."""

    def __init__(self, server_url: str, token: str, username: str, required: bool = False,
                 change: ChangeFunction = change_password, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._server_url, self._token, self._username = server_url, token, username
        self._change = change
        self._attempt = 0
        self.signed_out = False
        """The server said the session itself ended while changing."""
        self.setWindowTitle(self.tr("Change password"))
        self.setWindowIcon(icon("lock"))
        self.setMinimumWidth(420)
        intro = QLabel(self.tr("Your password was reset by an administrator. Choose your own "
                               "password to continue.") if required else
                       self.tr("Your other signed-in devices will be signed out."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.current_edit = password_field()
        self.new_edit = password_field()
        self.repeat_edit = password_field()
        form = QFormLayout()
        form.addRow(self.tr("C&urrent password"), self.current_edit)
        form.addRow(self.tr("&New password"), self.new_edit)
        form.addRow(self.tr("&Repeat the new password"), self.repeat_edit)
        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change password"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.current_edit.setFocus()

    def show_error(self, text: str) -> None:
        """Show why the change did not happen, under the form."""
        self.error_label.setText(text)
        self.error_label.show()

    def submit(self) -> None:
        """Check what was typed, then ask the server in the background."""
        current, new = self.current_edit.text(), self.new_edit.text()
        if not current:
            self.show_error(self.tr("Enter your current password."))
            return
        problem = check_new_password(self, self._username, new, self.repeat_edit.text())
        if problem:
            self.show_error(problem)
            return
        self._attempt += 1
        attempt = self._attempt
        self._set_busy(True)
        run_in_thread(lambda: self._change(self._server_url, self._token, current, new),
                      lambda _none: self._done(attempt),
                      lambda error: self._failed(attempt, error))

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.current_edit, self.new_edit, self.repeat_edit, self.ok_button):
            widget.setEnabled(not busy)
        if busy:
            self.error_label.hide()

    def _done(self, attempt: int) -> None:
        if attempt == self._attempt:
            self._set_busy(False)
            self.accept()

    def _failed(self, attempt: int, error: BaseException) -> None:
        if attempt != self._attempt:
            return
        self._set_busy(False)
        if isinstance(error, PasswordChangeError):
            self.signed_out = error.signed_out
            self.show_error(error.message)
        else:
            self.show_error(self.tr("Unexpected error: {error}").format(error=error))
        self.current_edit.setFocus()

    def reject(self) -> None:
        self._attempt += 1  # forget the answer of a change still under way
        self._set_busy(False)
        super().reject()
