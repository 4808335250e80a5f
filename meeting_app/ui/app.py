"""The client's flow: sign in, the meetings list, meeting rooms and preparation dialogs.

The controller decides when the application quits (when its last window closes), so that
going from the login dialog to the meetings list, or signing out, never quits by accident.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSettings

from meeting_app.net.auth import logout
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
                 display: bool = False) -> None:
        """``display``: opening a meeting opens its room display, not its room."""
        super().__init__(parent)
        self.display = display
        self.displays: dict[int, DisplayRoom] = {}
        self._server_url, self._username, self._settings = server_url, username, settings
        self.session: Session | None = None
        self.login_dialog: LoginDialog | None = None
        self.meetings: MeetingsWindow | None = None
        self.rooms: dict[int, MeetingRoomWindow] = {}
        self.dialogs: list[PreparationDialog] = []
        self._auto_open = False
        self._closing = False

    # --- signing in and out ------------------------------------------------------------

    def show_login(self, notice: str = "") -> LoginDialog:
        """Show the login dialog; a successful login opens the meetings list."""
        dialog = LoginDialog(self._server_url, self._username, self._settings, notice)
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
            self.start_session(Session(result.server_url, result.token, result.user))

    def start_session(self, session: Session, auto_open: bool = False) -> MeetingsWindow:
        """Open the meetings list; with ``auto_open``, enter my first meeting too."""
        self.session = session
        self._auto_open = auto_open
        meetings = MeetingsWindow(session)
        meetings.open_requested.connect(self.open_room)
        meetings.prepare_requested.connect(self.open_preparation)
        meetings.sign_out_requested.connect(self.sign_out)
        meetings.session_expired.connect(self.expire)
        meetings.model.modelReset.connect(self._listed)
        meetings.closed.connect(self._maybe_quit)
        self.meetings = meetings
        meetings.open()
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

    def sign_out(self) -> None:
        """Close every window, revoke the token, and show the login dialog."""
        session = self.session
        self.close_all()
        if session is not None:
            run_in_thread(lambda: logout(session.server_url, session.token), lambda _ok: None)
        self.show_login()

    def expire(self, reason: str) -> None:
        """The server refused the token: close everything, ask to sign in again."""
        if self.session is None:
            return
        self.close_all()
        self.show_login(self.tr("Your session has ended ({reason}). Please sign in again.")
                        .format(reason=reason))

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
            self.meetings, self.session = None, None
        finally:
            self._closing = False

    # --- windows -------------------------------------------------------------------------

    def open_room(self, meeting_id: int) -> MeetingRoomWindow | None:
        """Enter a meeting's room (or bring its window to the front); in display mode,
        open its room display instead."""
        if self.session is None:
            return None
        if self.display:
            self.open_display(meeting_id)
            return None
        room = self.rooms.get(meeting_id)
        if room is not None:
            room.raise_()
            room.activateWindow()
            return room
        room = MeetingRoomWindow(self.session, meeting_id)
        room.closed.connect(self._room_closed)
        room.session_expired.connect(self.expire)
        self.rooms[meeting_id] = room
        room.open()
        return room

    def open_display(self, meeting_id: int) -> DisplayRoom | None:
        """The room display of a meeting, on its own connection (full screen)."""
        if self.session is None:
            return None
        shown = self.displays.get(meeting_id)
        if shown is not None:
            shown.window.raise_()
            return shown
        shown = DisplayRoom(self.session, meeting_id, parent=self)
        shown.closed.connect(self._display_closed)
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
        if self.session is None:
            return None
        dialog = PreparationDialog(self.session, meeting_id)
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
