"""The login dialog: server address, username, password.

It remembers the server and the username (QSettings), never the password. The login runs
in a worker thread; the dialog stays responsive and says clearly what went wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from meeting_app.net.auth import LoginError, LoginResult
from meeting_app.state.offline import sign_in
from meeting_app.ui.language_menu import LanguageBox
from meeting_app.ui.resources import icon
from meeting_app.ui.tasks import run_in_thread

DEFAULT_SERVER = "http://127.0.0.1:8765"
SERVER_KEY, USER_KEY = "login/server", "login/username"

LoginFunction = Callable[[str, str, str], LoginResult]


class LoginDialog(QDialog):
    """Asks for the server and credentials; ``login_result`` holds the login once accepted."""

    def __init__(self, server_url: str | None = None, username: str | None = None,
                 settings: QSettings | None = None, notice: str = "",
                 login_function: LoginFunction = sign_in, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings if settings is not None else QSettings()
        self._login = login_function
        self._attempt = 0
        self._busy = False
        self.login_result: LoginResult | None = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(440)

        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(QSize(56, 56)))
        title = QLabel(self.tr("Paperless Meeting Room"))
        title.setObjectName("loginTitle")
        subtitle = QLabel(self.tr("Sign in to your meeting server"))
        subtitle.setObjectName("hint")
        heading = QVBoxLayout()
        heading.addWidget(title)
        heading.addWidget(subtitle)
        top = QHBoxLayout()
        top.addWidget(logo)
        top.addSpacing(8)
        top.addLayout(heading, 1)

        saved_server = str(self._settings.value(SERVER_KEY, DEFAULT_SERVER) or DEFAULT_SERVER)
        saved_user = str(self._settings.value(USER_KEY, "") or "")
        self.server_edit = QLineEdit(server_url or saved_server)
        self.server_edit.addAction(icon("server"), QLineEdit.ActionPosition.LeadingPosition)
        self.user_edit = QLineEdit(username or saved_user)
        self.user_edit.addAction(icon("user"), QLineEdit.ActionPosition.LeadingPosition)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.addAction(icon("lock"), QLineEdit.ActionPosition.LeadingPosition)
        # Friendly to an on-screen keyboard: large fields, the right keyboard for each (no
        # capitals or word suggestions in an address or a name), Enter goes to the next
        # field and signs in from the last; errors show inline, never in a popup.
        hints = Qt.InputMethodHint
        self.server_edit.setInputMethodHints(hints.ImhUrlCharactersOnly | hints.ImhNoAutoUppercase
                                             | hints.ImhNoPredictiveText)
        self.user_edit.setInputMethodHints(hints.ImhNoAutoUppercase | hints.ImhNoPredictiveText
                                           | hints.ImhPreferLowercase)
        self.password_edit.setInputMethodHints(hints.ImhHiddenText | hints.ImhSensitiveData
                                               | hints.ImhNoAutoUppercase
                                               | hints.ImhNoPredictiveText)
        for field in (self.server_edit, self.user_edit, self.password_edit):
            field.setObjectName("loginField")
        self.server_edit.returnPressed.connect(self.user_edit.setFocus)
        self.user_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Server"), self.server_edit)
        form.addRow(self.tr("Username"), self.user_edit)
        form.addRow(self.tr("Password"), self.password_edit)
        self.server_edit.setAccessibleName(self.tr("Server"))
        self.user_edit.setAccessibleName(self.tr("Username"))
        self.password_edit.setAccessibleName(self.tr("Password"))

        self.error_label = QLabel()
        self.error_label.setObjectName("loginError")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setVisible(bool(notice))
        self.error_label.setText(notice)
        self.progress = QLabel(self.tr("Signing in…"))
        self.progress.setObjectName("hint")
        self.progress.hide()
        self.sign_in = QPushButton(self.tr("Sign in"))
        self.sign_in.setProperty("primary", True)
        cancel = QPushButton(self.tr("Cancel"))
        self.cancel = cancel
        for button in (self.sign_in, cancel):  # Enter is handled by the fields, in order
            button.setAutoDefault(False)
            button.setDefault(False)
        # Officials choose the language before signing in; it switches at once.
        self.language_box = LanguageBox(self._settings)
        buttons = QHBoxLayout()
        buttons.addWidget(self.language_box)
        buttons.addWidget(self.progress)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.sign_in)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.sign_in.clicked.connect(self.submit)
        cancel.clicked.connect(self.reject)
        # Tab follows the reading order: the form, then the row of the language and buttons.
        chain = (self.server_edit, self.user_edit, self.password_edit, self.language_box,
                 cancel, self.sign_in)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()

    # --- the attempt -------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a login is under way."""
        return self._busy

    def submit(self) -> None:
        """Start a login in the background with what was typed."""
        server = self.server_edit.text().strip()
        user, password = self.user_edit.text().strip(), self.password_edit.text()
        if not server or not user or not password:
            self.show_error(self.tr("Enter the server address, your username and your password."))
            return
        self._attempt += 1
        attempt = self._attempt
        self._set_busy(True)
        run_in_thread(lambda: self._login(server, user, password),
                      lambda result: self._succeeded(attempt, server, user, result),
                      lambda error: self._failed(attempt, error))

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.server_edit, self.user_edit, self.password_edit, self.sign_in):
            widget.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.error_label.hide()

    def _succeeded(self, attempt: int, server: str, user: str, result: LoginResult) -> None:
        if attempt != self._attempt:
            return  # a late answer to an attempt the user gave up on
        self._set_busy(False)
        self._settings.setValue(SERVER_KEY, getattr(result, "server_url", server) or server)
        self._settings.setValue(USER_KEY, user)
        self._settings.sync()
        self.password_edit.clear()
        self.login_result = result
        self.accept()

    def _failed(self, attempt: int, error: BaseException) -> None:
        if attempt != self._attempt:
            return
        self._set_busy(False)
        self.show_error(self.describe(error))
        self.password_edit.selectAll()
        self.password_edit.setFocus()

    def describe(self, error: BaseException) -> str:
        """What to tell the user about a failed login."""
        if not isinstance(error, LoginError):
            return self.tr("Unexpected error while signing in: {error}").format(error=error)
        headline = {
            "credentials": self.tr("Wrong username or password."),
            "rate_limited": self.tr("Too many sign-in attempts."),
            "unreachable": self.tr("The server cannot be reached."),
            "incompatible": self.tr("This server is not compatible with this application."),
            "server": self.tr("The server could not sign you in."),
            "certificate": self.tr("The server's certificate could not be verified: "
                                   "the connection is not safe."),
            "deactivated": self.tr("This account is deactivated."),
        }.get(str(error.kind), self.tr("Sign-in failed."))
        detail = error.message if error.message and error.message != headline else ""
        return f"{headline}\n{detail}".strip()

    def show_error(self, text: str) -> None:
        """Show a failure under the form."""
        self.error_label.setText(text)
        self.error_label.show()

    def reject(self) -> None:
        self._attempt += 1  # forget the answer of an attempt still running
        self._set_busy(False)
        super().reject()
