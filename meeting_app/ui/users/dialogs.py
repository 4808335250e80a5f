"""The dialogs of user administration: a new user, a user's name and roles, a new password.

Each sends its command itself and stays open on a refusal, with the server's reason under
the form (a taken username, a too short password, an admin demoting themselves); it
closes, emitting ``saved`` with the user as the server answered, on success.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from meeting_app.ui.commands import CommandSender
from meeting_app.ui.password_dialog import check_new_password, password_field
from meeting_app.ui.resources import icon
from protocol import commands as c
from protocol.answers.people import UserAnswer
from protocol.commands.base import Payload


class _CommandDialog(QDialog):
    """A form whose OK sends one command; refusals shown inline."""

    saved = Signal(dict)
    """The user, as the server answered."""

    def __init__(self, sender: CommandSender, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sender_ = sender
        self.setWindowTitle(title)
        self.setWindowIcon(icon("users"))
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def show_error(self, text: str) -> None:
        """Show why nothing was saved."""
        self.error_label.setText(text)
        self.error_label.show()

    def submit(self) -> None:
        """Check the form, then send the command (subclasses)."""
        raise NotImplementedError

    def send(self, command: type[Payload], **fields: Any) -> None:
        """Send ``command`` with ``fields``; close on success, show the refusal otherwise
        (also when the fields do not pass the command's model)."""
        payload = self.sender_.compose(command, report=False, **fields)
        if payload is None:
            self.show_error(self.sender_.describe("invalid", ""))
            return
        self.ok_button.setEnabled(False)
        self.error_label.hide()
        self.sender_.send(payload, on_success=self._saved, on_failure=self._refused, report=False)

    def _saved(self, answer: UserAnswer) -> None:
        self.ok_button.setEnabled(True)
        # As a dict with the fields the server sent (the table's rows are dicts).
        self.saved.emit(answer.user.model_dump(mode="json", exclude_unset=True))
        self.accept()

    def _refused(self, _code: str, message: str) -> None:
        self.ok_button.setEnabled(True)
        self.show_error(message)


class UserDialog(_CommandDialog):
    """A new user (username, name, password, roles), or an existing user's name and roles."""

    def __init__(self, sender: CommandSender, user: dict[str, Any] | None = None, my_id: int = 0,
                 parent: QWidget | None = None) -> None:
        super().__init__(sender, self.tr("Edit user") if user else self.tr("New user"), parent)
        self.user = user
        self.username_edit = QLineEdit(str(user["username"]) if user else "")
        self.username_edit.setReadOnly(user is not None)
        self.full_name_edit = QLineEdit(str(user.get("full_name", "")) if user else "")
        self.full_name_edit.setPlaceholderText(self.tr("e.g. Nguyễn Văn An"))
        self.password_edit, self.repeat_edit = password_field(), password_field()
        self.admin_box = QCheckBox(self.tr("&Administrator: may do everything"))
        self.organizer_box = QCheckBox(self.tr("&Organizer: may create meetings"))
        self.admin_box.setChecked(bool(user and user.get("is_admin")))
        self.organizer_box.setChecked(bool(user and user.get("is_organizer")))
        if user is not None and user.get("id") == my_id:
            self.admin_box.setEnabled(False)
            self.admin_box.setToolTip(self.tr("You cannot remove your own administrator role"))
        self.form.addRow(self.tr("&Username"), self.username_edit)
        self.form.addRow(self.tr("&Full name"), self.full_name_edit)
        if user is None:
            self.form.addRow(self.tr("&Password"), self.password_edit)
            self.form.addRow(self.tr("R&epeat the password"), self.repeat_edit)
        self.form.addRow(self.tr("Global roles"), self.admin_box)
        self.form.addRow("", self.organizer_box)
        self.ok_button.setText(self.tr("Save") if user else self.tr("Create user"))
        # The first field one may change: a username is fixed once the user exists.
        (self.full_name_edit if user else self.username_edit).setFocus()

    def submit(self) -> None:
        username, full_name = self.username_edit.text().strip(), self.full_name_edit.text().strip()
        if not username or not full_name:
            self.show_error(self.tr("Enter a username and a full name."))
            return
        roles = {"is_admin": self.admin_box.isChecked(), "is_organizer": self.organizer_box.isChecked()}
        if self.user is not None:
            self.send(c.UserUpdate, user_id=self.user["id"], full_name=full_name, **roles)
            return
        problem = check_new_password(self, username, self.password_edit.text(), self.repeat_edit.text())
        if problem:
            self.show_error(problem)
            return
        self.send(c.UserCreate, username=username, full_name=full_name,
                  password=self.password_edit.text(), **roles)


class ResetPasswordDialog(_CommandDialog):
    """A new password for a user, who is signed out everywhere and asked to change it."""

    def __init__(self, sender: CommandSender, user: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(sender, self.tr("Reset password"), parent)
        self.user = user
        intro = QLabel(self.tr("{name} will be signed out on every device and asked to choose a new "
                               "password at the next sign-in.").format(name=user.get("full_name", "")))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.form.addRow(intro)
        self.password_edit, self.repeat_edit = password_field(), password_field()
        self.form.addRow(self.tr("&New password"), self.password_edit)
        self.form.addRow(self.tr("&Repeat the password"), self.repeat_edit)
        self.ok_button.setText(self.tr("Reset password"))
        self.password_edit.setFocus()

    def submit(self) -> None:
        password = self.password_edit.text()
        problem = check_new_password(self, str(self.user.get("username", "")), password,
                                     self.repeat_edit.text())
        if problem:
            self.show_error(problem)
            return
        self.send(c.UserResetPassword, user_id=self.user["id"], new_password=password)
