"""Two banners over the room's tabs, seen whatever tab is shown.

- **Presenting** (the chair, or the speaker with the floor): "Presenting page N of … to all
  sites" with **Stop**. Presenting is easy to forget once one leaves the reader, and every
  following site stays on that page meanwhile.
- **Check in** (a participant who has not checked in while the meeting is live): the
  attendance tab is not where one looks on arriving.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from meeting_app.state.store import MeetingStore
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.resources import icon
from meeting_app.ui.widgets import tool_button
from protocol import commands as c
from protocol.roles import Attendance, MeetingStatus


def _row(frame: QFrame, glyph: str) -> tuple[QHBoxLayout, QLabel]:
    """The banner's row: an icon, a wrapping text; buttons are added after it."""
    row = QHBoxLayout(frame)
    row.setContentsMargins(12, 6, 8, 6)
    row.setSpacing(10)
    mark = QLabel()
    mark.setPixmap(icon(glyph).pixmap(QSize(20, 20)))
    text = QLabel()
    text.setWordWrap(True)
    row.addWidget(mark)
    row.addWidget(text, 1)
    return row, text


class PresentingBanner(QFrame):
    """Shown while I present: which page every site sees, and Stop."""

    stop_requested = Signal()

    def __init__(self, store: MeetingStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("presentingBanner")
        row, self.label = _row(self, "follow")
        self.label.setObjectName("presentingText")
        self.stop_button = tool_button(self.tr("Stop presenting"), "stop")
        self.stop_button.setObjectName("presentingStop")
        row.addWidget(self.stop_button)
        self.stop_button.clicked.connect(self.stop_requested)
        self._link: Any = None
        self.hide()

    def attach(self, link: Any) -> None:
        """Follow a room's ``PresenterLink``: its Present toggle and the page its reader
        shows; Stop turns Present off (which sends ``presenter.stop``)."""
        self._link = link
        link.present_action.toggled.connect(lambda _on: self.refresh())
        link.tab.reader.current_page_changed.connect(lambda _page: self.refresh())
        self.store.presenter_changed.connect(lambda _presenter: self.refresh())
        self.store.documents_changed.connect(self.refresh)
        self.stop_requested.connect(lambda: link.present_action.setChecked(False))
        self.refresh()

    def refresh(self) -> None:
        """Show the attached link's state."""
        link = self._link
        if link is not None:
            self.show_state(bool(link.presenting), link.tab.reader.current_page)

    def show_state(self, presenting: bool, page: int | None = None) -> None:
        """``presenting``: whether I present; ``page``: the 0-based page shown to everyone
        (the server's, else the one being sent)."""
        if not presenting:
            self.hide()
            return
        presenter = self.store.presenter or {}
        if presenter.get("page") is not None:
            page = int(presenter["page"])
        document = self.store.document_by_id(presenter.get("document_id")) or {}
        title = str(document.get("title") or "")
        number = (page or 0) + 1
        if title:
            text = self.tr("Presenting page {page} of “{title}” to all sites").format(
                page=number, title=title)
        else:
            text = self.tr("Presenting page {page} to all sites").format(page=number)
        self.label.setText(text)
        self.show()


class CheckInBanner(QFrame):
    """Shown while the meeting is live and I have not checked in: Check in, or Not now."""

    def __init__(self, store: MeetingStore, commands: CommandSender,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.commands = store, commands
        self.setObjectName("roomCheckInBanner")
        row, self.label = _row(self, "check-in")
        self.label.setText(self.tr("The meeting is under way and you have not checked in: "
                                   "check in to be recorded as present."))
        self.check_in_button = tool_button(self.tr("Check in"), "check-in")
        self.check_in_button.setProperty("primary", True)
        self.check_in_button.setIcon(icon("check-in", "on_accent"))
        self.later_button = QPushButton(self.tr("Not now"))
        self.later_button.setToolTip(self.tr("Hide this; the Attendance tab still has Check in"))
        row.addWidget(self.check_in_button)
        row.addWidget(self.later_button)
        self.dismissed = False
        """"Not now" was pressed: hidden until the room is entered again."""
        self.covered = False
        """The attendance tab is shown: its own check-in banner says the same."""
        self.check_in_button.clicked.connect(self.check_in)
        self.later_button.clicked.connect(self._later)
        for signal in (store.reset, store.participants_changed, store.status_changed,
                       store.role_changed):
            signal.connect(self.refresh)
        commands.availability_changed.connect(self.refresh)
        self.refresh()

    def needed(self) -> bool:
        """Whether I should check in: the meeting is live and I have not (an admin who takes
        no part has nobody to check in)."""
        store = self.store
        if not store.loaded or store.meeting.get("status") != MeetingStatus.LIVE:
            return False
        me = store.participant(store.my_user_id)
        return me is not None and me.get("attendance", Attendance.UNKNOWN) == Attendance.UNKNOWN

    def refresh(self, *_args: Any) -> None:
        """Show or hide the banner from the store's state."""
        self.setVisible(self.needed() and not self.dismissed and not self.covered)
        self.check_in_button.setEnabled(self.commands.available)

    def set_covered(self, covered: bool) -> None:
        """Hide while the attendance tab (with its own Check in) or the minutes are shown."""
        self.covered = covered
        self.refresh()

    def check_in(self) -> None:
        """Record myself present; the banner goes when the server's event says so."""
        self.check_in_button.setEnabled(False)
        self.commands.send(c.AttendanceCheckIn(meeting_id=int(self.store.meeting["id"])),
                           on_failure=lambda _code, _text: self.refresh())

    def _later(self) -> None:
        self.dismissed = True
        self.refresh()
