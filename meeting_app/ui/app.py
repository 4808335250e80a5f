"""The client's flow: sign in, the meetings list, meeting rooms and preparation dialogs.

The controller decides when the application quits (when its last window closes), so that
going from the login dialog to the meetings list, or signing out, never quits by accident.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QSettings

from meeting_app.net.auth import logout
from meeting_app.net.server_messages import translate_server_message
from meeting_app.state.documents import default_cache_dir
from meeting_app.state.offline import forget_user, sign_in
from meeting_app.state.session import MeetingSessions
from meeting_app.ui.display.standalone import DisplayRoom
from meeting_app.ui.login_dialog import LoginDialog
from meeting_app.ui.meetings_window import MeetingsWindow
from meeting_app.ui.preparation.dialog import PreparationDialog
from meeting_app.ui.room.window import MeetingRoomWindow
from meeting_app.ui.session import Session
from meeting_app.ui.tasks import run_in_thread


class ClientController(QObject):
    """Owns the open windows of one signed-in user."""

    def __init__(self, server_url: str | None = None, username: str | None = None,
                 settings: QSettings | None = None, parent: QObject | None = None,
                 display: bool = False, cache_dir: Path | None = None) -> None:
        """``display``: opening a meeting opens its room display, not its room;
        ``cache_dir``: the root of the offline caches (default: the user's cache)."""
        super().__init__(parent)
        self.cache_dir = cache_dir or default_cache_dir()
        self._deactivated = False
        """A connection was refused because the account is deactivated: wipe on expiry."""
        self.display = display
        self.displays: dict[int, DisplayRoom] = {}
        self._server_url, self._username, self._settings = server_url, username, settings
        self.session: Session | None = None
        self.meeting_sessions: MeetingSessions | None = None
        """One ``MeetingSession`` per open meeting, shared by its windows."""
        self.login_dialog: LoginDialog | None = None
        self.meetings: MeetingsWindow | None = None
        self.rooms: dict[int, MeetingRoomWindow] = {}
        self.dialogs: list[PreparationDialog] = []
        self._auto_open = False
        self._closing = False

    # --- signing in and out ------------------------------------------------------------

    def show_login(self, notice: str = "") -> LoginDialog:
        """Show the login dialog; a successful login opens the meetings list."""
        dialog = LoginDialog(self._server_url, self._username, self._settings, notice,
                             login_function=partial(sign_in, root=self.cache_dir))
        dialog.accepted.connect(lambda: self._logged_in(dialog))
        dialog.rejected.connect(self._maybe_quit)
        self.login_dialog = dialog
        dialog.show()
        return dialog

    def _logged_in(self, dialog: LoginDialog) -> None:
        result = dialog.login_result
        if result is not None:
            self._server_url = result.server_url
            self._username = result.user.get("username")
            self.start_session(Session.from_login(result))

    def start_session(self, session: Session, auto_open: bool = False) -> MeetingsWindow:
        """Open the meetings list; with ``auto_open``, enter my first meeting too."""
        self.session = session
        self.meeting_sessions = session.meeting_sessions(self.cache_dir, self)
        self._auto_open = auto_open
        meetings = MeetingsWindow(session)
        meetings.open_requested.connect(self.open_room)
        meetings.prepare_requested.connect(self.open_preparation)
        meetings.sign_out_requested.connect(self.sign_out)
        meetings.session_expired.connect(self.expire)
        self._watch(meetings.connection)
        meetings.model.modelReset.connect(self._listed)
        meetings.closed.connect(self._maybe_quit)
        self.meetings = meetings
        meetings.open()
        if session.user.get("must_change_password"):
            # An admin reset the password: choose one's own before anything else.
            meetings.change_password(required=True).rejected.connect(
                lambda: self._password_refused(session))
        return meetings

    def _listed(self) -> None:
        if not self._auto_open or self.meetings is None:
            return
        self._auto_open = False
        model = self.meetings.model
        mine = [model.meeting(r) for r in range(model.rowCount()) if model.meeting(r)["role"]]
        if mine:
            # The demo meeting is the first one seeded: the lowest id.
            self.open_room(min(m["id"] for m in mine))

    def _password_refused(self, session: Session) -> None:
        """The required new password was not chosen: sign out (unless the windows are
        closing anyway, the dialog with them)."""
        if not self._closing and self.session is session:
            self.sign_out()

    def sign_out(self) -> None:
        """Close every window, revoke the token, and show the login dialog."""
        session = self.session
        self.close_all()
        if session is not None:
            run_in_thread(lambda: logout(session.server_url, session.token), lambda _ok: None)
        self.show_login()

    def _watch(self, connection: Any) -> None:
        signal = getattr(connection, "account_deactivated", None)  # a real Connection's
        if signal is not None:
            signal.connect(self._account_deactivated)

    def _account_deactivated(self) -> None:
        # Always followed by session_expired on the same connection (queued in order).
        self._deactivated = True

    def expire(self, reason: str) -> None:
        """The server refused the token: close everything, ask to sign in again. When the
        account is deactivated, its offline cache is deleted first (after the windows
        closed: nothing may write into it afterwards)."""
        session = self.session
        if session is None:
            return
        self.close_all()
        if self._deactivated:
            self._deactivated = False
            forget_user(self.cache_dir, session.server_url, session.username)
        self.show_login(self.tr("Your session has ended ({reason}). Please sign in again.")
                        .format(reason=translate_server_message(reason, "unauthenticated")))

    def close_all(self) -> None:
        """Close every window of the session without quitting."""
        self._closing = True
        try:
            for dialog in list(self.dialogs):
                dialog.close()
            for room in list(self.rooms.values()):
                room.close()
            for display in list(self.displays.values()):
                display.window.close()
            if self.meetings is not None:
                self.meetings.close()
                self.meetings.deleteLater()
            if self.meeting_sessions is not None:
                self.meeting_sessions.close_all()
                self.meeting_sessions.deleteLater()
            self.meetings, self.session, self.meeting_sessions = None, None, None
        finally:
            self._closing = False

    # --- windows -------------------------------------------------------------------------

    def open_room(self, meeting_id: int) -> MeetingRoomWindow | None:
        """Enter a meeting's room (or bring its window to the front); in display mode,
        open its room display instead."""
        if self.session is None or self.meeting_sessions is None:
            return None
        if self.display:
            self.open_display(meeting_id)
            return None
        room = self.rooms.get(meeting_id)
        if room is not None:
            room.raise_()
            room.activateWindow()
            return room
        room = MeetingRoomWindow(self.session, self.meeting_sessions.open(meeting_id),
                                 cache_dir=self.cache_dir)
        room.closed.connect(self._room_closed)
        room.session_expired.connect(self.expire)
        self._watch(room.connection)
        self.rooms[meeting_id] = room
        room.open()
        return room

    def open_display(self, meeting_id: int) -> DisplayRoom | None:
        """The room display of a meeting (full screen), on the meeting's session."""
        if self.session is None or self.meeting_sessions is None:
            return None
        shown = self.displays.get(meeting_id)
        if shown is not None:
            shown.window.raise_()
            return shown
        shown = DisplayRoom(self.session, self.meeting_sessions.open(meeting_id),
                            cache_dir=self.cache_dir, parent=self)
        shown.closed.connect(self._display_closed)
        self._watch(shown.connection)
        self.displays[meeting_id] = shown
        shown.open(full_screen=True)
        return shown

    def _display_closed(self, meeting_id: int) -> None:
        shown = self.displays.pop(meeting_id, None)
        if shown is not None:
            shown.window.deleteLater()
            shown.deleteLater()
        self._maybe_quit()

    def _room_closed(self, meeting_id: int) -> None:
        room = self.rooms.pop(meeting_id, None)
        if room is not None:
            room.deleteLater()
        self._maybe_quit()

    def open_preparation(self, meeting_id: int | None) -> PreparationDialog | None:
        """Open the preparation dialog (``None``: a new meeting)."""
        if self.session is None or self.meeting_sessions is None:
            return None
        dialog = PreparationDialog(self.session, self.meeting_sessions.open(meeting_id))
        dialog.meeting_saved.connect(self._refresh_list)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.dialogs.append(dialog)
        dialog.open_dialog()
        return dialog

    def _refresh_list(self, *_args: object) -> None:
        if self.meetings is not None:
            self.meetings.refresh()

    def _dialog_closed(self, dialog: PreparationDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)
            dialog.deleteLater()
        self._refresh_list()

    def _maybe_quit(self) -> None:
        if self._closing:
            return
        displays = [d.window for d in self.displays.values()]
        visible = [w for w in (self.login_dialog, self.meetings, *self.rooms.values(), *displays)
                   if w is not None and _alive(w) and w.isVisible()]
        if not visible:
            QCoreApplication.quit()


def _alive(widget: QObject) -> bool:
    """False once Qt deleted the C++ side of ``widget``."""
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True
