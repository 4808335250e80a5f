"""The meeting room: header, agenda, the central area and participants by site.

The window is handed the meeting's ``MeetingSession`` (its connection, store, commands and
outbox, shared with the meeting's other windows). Everything it shows comes from the store,
so it shows what the server confirmed; while the connection is down it keeps the last
state and disables every command.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QTabWidget, QToolBar, QVBoxLayout, QWidget

from meeting_app.net.server_messages import translate_server_message
from meeting_app.net.status import ConnectionStatus
from meeting_app.state.documents import default_cache_dir
from meeting_app.state.session import MeetingSession
from meeting_app.ui.actions import meeting as meeting_actions
from meeting_app.ui.actions import rights
from meeting_app.ui.actions.context import ActionContext, RoomParts
from meeting_app.ui.actions.registry import BoundActions
from meeting_app.ui.actions.room import MEETING_MENU, ROOM_IDS, SHORTCUT_NAMES
from meeting_app.ui.attendance.panel import AttendancePanel
from meeting_app.ui.console.window import ChairConsole
from meeting_app.ui.display.window import RoomDisplayWindow
from meeting_app.ui.documents.room import RoomDocuments
from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.floor.page import FloorPage
from meeting_app.ui.floor.strip import FloorStrip
from meeting_app.ui.guide import add_help_menu
from meeting_app.ui.i18n import translations
from meeting_app.ui.language_menu import add_language_menu
from meeting_app.ui.minutes.tab import MinutesTab
from meeting_app.ui.notices import NoticeArea
from meeting_app.ui.progress import WorkIndicator
from meeting_app.ui.resources import icon
from meeting_app.ui.room.agenda_panel import AgendaPanel
from meeting_app.ui.room.banners import CheckInBanner, PresentingBanner
from meeting_app.ui.room.central import CentralArea
from meeting_app.ui.room.header import HeaderBar
from meeting_app.ui.room.notifications import RoomNotifier
from meeting_app.ui.room.participants_panel import ParticipantsPanel
from meeting_app.ui.room.rights_notices import RightsNotifier
from meeting_app.ui.screen_fit import fit_to_screen
from meeting_app.ui.session import Session
from meeting_app.ui.settings_menu import install as install_settings
from meeting_app.ui.sites.link import OwnLinkIndicator, SiteStatusPoller
from meeting_app.ui.sites.tiles import SitesView
from meeting_app.ui.votes.tab import VotesTab
from meeting_app.ui.widgets import MessageBar
from protocol import commands as c

SIDE_MIN_WIDTH = 220
"""The sites and participants column: a site tile (Vietnamese captions) fits in it."""

TOOLBAR_STRETCH = "leave"
"""The tool bar's group pushed to the far end ("Leave the room")."""


class MeetingRoomWindow(QMainWindow):
    """One open meeting, live."""

    closed = Signal(int)
    """The meeting id, when the window closes."""
    session_expired = Signal(str)
    """The server no longer accepts the login token: sign in again."""

    def __init__(self, session: Session, meeting: MeetingSession,
                 parent: QWidget | None = None, cache_dir: Path | None = None,
                 settings: QSettings | None = None) -> None:
        """``meeting``: the meeting's session (held until the window closes);
        ``cache_dir``: where documents are kept offline (default: the user's cache);
        ``settings``: where the Settings menu keeps its choices (default: the user's)."""
        super().__init__(parent)
        assert meeting.meeting_id is not None, "a room shows an existing meeting"
        self.session, self.meeting_id = session, meeting.meeting_id
        self.meeting = meeting.hold(self)
        self.setWindowTitle(self.tr("Meeting room"))
        self.setWindowIcon(icon("app"))
        # The session's parts, by the names the room's parts know them.
        self.store, self.connection, self.commands = meeting.store, meeting.connection, meeting

        self.header = HeaderBar(self.store, self.connection)
        self.actions_bar = self._action_bar()
        self.message = MessageBar()
        self.agenda = AgendaPanel(self.store, self.commands)
        self.documents = RoomDocuments(meeting, session, cache_dir, parent=self)
        self.minutes = MinutesTab(meeting, session)
        self.minutes.message.connect(self.show_refusal)
        self.minutes.open_document_requested.connect(self._open_document)
        self.votes = VotesTab(meeting, (cache_dir or default_cache_dir()) / "receipts.json",
                              session.server_url)
        self.floor = FloorActions(self.store, self.commands, self)
        self.floor_page = FloorPage(self.floor)
        self.floor_strip = FloorStrip(self.floor)
        self.central = CentralArea(self.store, self.documents.tab, self.votes, floor=self.floor_page,
                                   minutes=self.minutes)
        self.votes.focus_requested.connect(lambda: self.central.setCurrentWidget(self.votes))
        self.votes.message.connect(lambda text: self.message.show_message(text, "info"))
        self.floor_strip.open_requested.connect(
            lambda: self.central.setCurrentWidget(self.floor_page))
        self.console: ChairConsole | None = None
        self.display: RoomDisplayWindow | None = None
        self.documents.tab.focus_requested.connect(
            lambda: self.central.setCurrentWidget(self.documents.tab))
        self.documents.tab.message.connect(self.show_refusal)
        self.documents.tab_title_changed.connect(
            lambda text: self.central.setTabText(self.central.indexOf(self.documents.tab), text))
        # Attendance: a tab after the documents. Sites: tiles beside the participant list
        # on the right, in view whatever the centre shows. The poller asks site.status only
        # while a view showing links is visible (the chair console may acquire it too).
        self.attendance = AttendancePanel(self.store, self.commands, session)
        self.attendance.message.connect(self.message.show_message)
        position = self.central.indexOf(self.documents.tab) + 1
        self.central.insertTab(position, self.attendance, icon("check-in"), self.tr("Attendance"))
        self.site_status = SiteStatusPoller(self.store, self.connection, self)
        self.sites_view = SitesView(self.store, self.site_status)
        self.participants = ParticipantsPanel(self.store)
        self.participants.title.hide()  # the tab says it
        self.side = QTabWidget()
        self.side.setObjectName("sideTabs")
        self.side.setMinimumWidth(SIDE_MIN_WIDTH)  # a site tile is never cut off
        self.side.addTab(self.sites_view, icon("site"), self.tr("Sites"))
        self.side.addTab(self.participants, icon("users"), self.tr("Participants"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(6)
        for widget in (self.agenda, self.central, self.side):
            splitter.addWidget(widget)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 760, 250])  # the centre holds the reader and six tabs

        body = QWidget()
        content = QVBoxLayout()
        content.setContentsMargins(8, 8, 8, 8)  # the three columns fit 1280 pixels
        content.setSpacing(10)
        content.addWidget(self.message)
        content.addWidget(self.floor_strip)
        # Seen whatever tab is shown: presenting on, and a check-in still to do.
        self.presenting_banner = PresentingBanner(self.store)
        self.presenting_banner.attach(self.documents.link)
        self.check_in_banner = CheckInBanner(self.store, self.commands)
        content.addWidget(self.presenting_banner)
        content.addWidget(self.check_in_banner)
        # It steps aside on the attendance tab (its own Check in) and on the minutes, the
        # tallest tab, where a secretary writes: on a 1280x800 tablet it would push the room
        # past the screen's height there.
        self.central.currentChanged.connect(lambda _index: self.check_in_banner.set_covered(
            self.central.currentWidget() in (self.attendance, self.minutes)))
        content.addWidget(splitter, 1)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        outer.addWidget(self.actions_bar)
        outer.addLayout(content, 1)
        self.setCentralWidget(body)
        self.statusBar().showMessage(self.tr("Signed in as {name}").format(name=session.full_name))
        self.work_indicator = WorkIndicator()
        self.statusBar().addPermanentWidget(self.work_indicator)
        self.statusBar().addPermanentWidget(self.documents.indicator)
        self.link_indicator = OwnLinkIndicator(self.connection)
        self.statusBar().addPermanentWidget(self.link_indicator)
        # Below the actions bar: a notice must not cover "Leave the room".
        self.notices = NoticeArea(self, below=self.actions_bar)
        self.notifier = RoomNotifier(self.store, self.notices, self, settings, self)
        self.rights_notices = RightsNotifier(self.store, self.notices, self, self.connection, self)
        fit_to_screen(self, 1360, 820)
        self._bind_actions()  # the Meeting menu, then Settings
        self.settings_menu = install_settings(self, settings)
        self.language_menu = add_language_menu(self, settings)
        self.guide_action = add_help_menu(self)
        translations().changed.connect(self._language_changed)

        self.commands.refused.connect(self.show_refusal)
        self.commands.availability_changed.connect(self._update_controls)
        self.connection.status_changed.connect(self._connection_status)
        self.connection.session_expired.connect(self._expired)
        self.connection.command_failed.connect(self._join_failed)
        self.store.role_changed.connect(self._update_controls)
        self.store.status_changed.connect(self._update_controls)
        self.store.reset.connect(self._update_controls)
        self.store.meeting_changed.connect(self._retitle)
        self._update_controls()

    def _action_bar(self) -> QToolBar:
        bar = QToolBar()
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        return bar  # filled by _bind_actions

    def _bind_actions(self) -> None:
        """The room's declared actions (ui/actions): the tool bar, the Meeting menu and
        its shortcuts; enablement follows the store."""
        self.action_context = ActionContext(
            self.store, self.commands, self,
            room=RoomParts(self.central, self.floor, self.votes, self.documents,
                           self.open_console, self.open_display))
        self.bound_actions = BoundActions(self.action_context, ROOM_IDS)
        self.bound_actions.fill(self.actions_bar, meeting_actions.ROOM_TOOLBAR,
                                stretch_before=TOOLBAR_STRETCH)
        self.bound_actions.menu_bar(self.menuBar(), MEETING_MENU)
        self.start_action = self.bound_actions[meeting_actions.START]
        self.end_action = self.bound_actions[meeting_actions.END]
        self.console_action = self.bound_actions["room.console"]
        self.display_action = self.bound_actions["room.display"]
        self.leave_action = self.bound_actions["room.leave"]

    # --- life ----------------------------------------------------------------------------

    def open(self) -> None:
        """Show the window, connect and join the meeting (once per session)."""
        self.show()
        self.meeting.enter()  # does nothing if another window of the meeting started it

    def _connection_status(self, status: str) -> None:
        if status == ConnectionStatus.CONNECTED:
            self.statusBar().showMessage(self.tr("Connected"), 3000)
        elif status == ConnectionStatus.RECONNECTING:
            self.statusBar().showMessage(
                self.tr("Connection lost: reconnecting. Showing the last known state."))
        elif status == ConnectionStatus.OFFLINE:
            self.statusBar().showMessage(
                self.tr("Offline: showing the last known state. Commands are disabled."))

    def _expired(self, reason: str) -> None:
        self.message.show_message(
            self.tr("Your session has ended ({reason}). Please sign in again.").format(
                reason=translate_server_message(reason, "unauthenticated")))
        self.session_expired.emit(reason)

    def _join_failed(self, name: str, envelope: dict[str, Any]) -> None:
        error = envelope.get("error") or {}
        message = self.commands.describe(str(error.get("code", "")), str(error.get("message", "")))
        if name == c.MeetingJoin.command:
            message = self.tr("Could not open the meeting: {message}").format(message=message)
        self.show_refusal(message)

    def _open_document(self, document_id: int) -> None:
        """Show a meeting document (the published minutes) in the documents tab."""
        if self.documents.tab.open_document(document_id, user=True):
            self.central.setCurrentWidget(self.documents.tab)
        else:
            self.show_refusal(self.tr("That document is not available (yet)."))

    def shortcut_actions(self) -> dict[str, QAction]:
        """The room's keyboard actions by name (``request_floor``, ``vote``, ``follow``…)."""
        return {name: self.bound_actions[f"room.{name}"] for name in SHORTCUT_NAMES}

    def _language_changed(self, _language: str) -> None:
        """The texts built from the meeting's data are built again in the new language."""
        self.store.announce_all()
        self._retitle()

    def _retitle(self) -> None:
        if self.store.loaded:
            self.setWindowTitle(self.store.meeting["title"])

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let the meeting's session go (the last of its windows leaves the meeting)."""
        try:
            self.minutes.shutdown()
            for window in (self.console, self.display):
                if window is not None:
                    window.close()
            self.documents.shutdown()
            self.meeting.release(self)
        finally:
            self.closed.emit(self.meeting_id)
        super().closeEvent(event)

    # --- rights --------------------------------------------------------------------------

    @property
    def role(self) -> str | None:
        """My role in this meeting, as the server says."""
        return self.store.my_role

    def _update_controls(self, *_args: Any) -> None:
        self.agenda.set_rights(chair=rights.is_chair(self.store), editor=rights.is_officer(self.store))
        # The tool bar's actions follow the store themselves (ui/actions).

    # --- commands ------------------------------------------------------------------------

    def start_meeting(self) -> None:
        """Chair: open the meeting."""
        meeting_actions.start_meeting(self.action_context)

    def end_meeting(self) -> None:
        """Chair: ask, then close the meeting."""
        meeting_actions.end_meeting(self.action_context)

    def open_console(self) -> ChairConsole:
        """Chair and secretary: the console window (one per room)."""
        if self.console is None:
            self.console = ChairConsole(self.meeting, self.floor, self.site_status)
        self.console.show()
        self.console.raise_()
        return self.console

    def open_display(self) -> RoomDisplayWindow:
        """The room display for this site's projector (one per room)."""
        if self.display is None:
            self.display = RoomDisplayWindow(self.store, self.documents.sync,
                                             self.documents.reader.engine)
        self.display.show()
        self.display.raise_()
        return self.display

    # --- what notices ask for (see room/notifications.py) -------------------------------

    def show_floor(self) -> None:
        """Bring the floor page to the front."""
        self.central.setCurrentWidget(self.floor_page)

    def open_ballot(self, poll_id: int) -> None:
        """Show a poll in the votes tab and open my ballot if I still have one to cast."""
        self.central.setCurrentWidget(self.votes)
        self.votes.select(poll_id)
        poll = self.store.poll_by_id(poll_id)
        if poll is not None and self.store.still_to_vote(poll):
            self.votes.vote(poll_id)

    def show_document(self, document_id: int) -> None:
        """Open a document in the reader."""
        self._open_document(document_id)

    def follow_presenter(self) -> None:
        """Follow the presenter again and show the presented page."""
        self.central.setCurrentWidget(self.documents.tab)
        self.documents.link.follow()

    def following(self) -> bool:
        """True while the reader follows the presenter, or I present."""
        link = self.documents.link
        return bool(link.following or link.presenting)

    def show_refusal(self, message: str) -> None:
        """A refused command: say why, without blocking anything."""
        self.message.show_message(message)
        self.statusBar().showMessage(message, 10_000)
