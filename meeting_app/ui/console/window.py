"""The chair's console: one window with the agenda and its timing, the floor (speaker,
clock, both queues and their controls), the attendance and quorum, and starting or ending
the meeting. The secretary opens it too and sees the controls of their role.

It is handed the meeting's ``MeetingSession`` and reads its store, and sends through the
room's ``FloorActions``: it is another view of the same meeting, not another connection.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from meeting_app.state.floor import agenda_timing, hours_text
from meeting_app.state.models import role_label, status_label
from meeting_app.state.session import MeetingSession
from meeting_app.ui.actions import meeting as meeting_actions
from meeting_app.ui.actions.context import ActionContext
from meeting_app.ui.actions.registry import BoundActions
from meeting_app.ui.console.agenda_timing import AgendaTimingPanel
from meeting_app.ui.console.attendance import AttendanceSummary
from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.floor.others import OthersBar
from meeting_app.ui.floor.queues import QueuePanel
from meeting_app.ui.floor.speaker import SpeakerCard
from meeting_app.ui.resources import icon
from meeting_app.ui.screen_fit import fit_to_screen
from meeting_app.ui.sites.link import SiteStatusPoller
from meeting_app.ui.widgets import Badge
from protocol.statuses import SpeakerKind


class ConsoleHeader(QFrame):
    """Title, status, the meeting's clock against its plan, start and end (the declared
    actions of ``ui/actions/meeting.py``, shared with the room's tool bar)."""

    def __init__(self, actions: FloorActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerBar")
        self.floor = actions
        store = actions.store
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 10, 18, 10)
        layout.setSpacing(14)
        self.title = QLabel()
        self.title.setObjectName("meetingTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title, 1)
        clock_box = QVBoxLayout()
        clock_box.setSpacing(0)
        self.clock_caption = QLabel(self.tr("MEETING TIME / PLANNED"))
        self.clock_caption.setObjectName("headerCaption")
        self.clock = QLabel("—")
        self.clock.setObjectName("headerClock")
        for label in (self.clock_caption, self.clock):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            clock_box.addWidget(label)
        layout.addLayout(clock_box)
        self.status_badge = Badge()
        self.role_badge = Badge(tone="role")
        self.action_context = ActionContext(store, actions.commands, self)
        self.meeting_actions = BoundActions(self.action_context, meeting_actions.MEETING_IDS)
        self.start_button = self.meeting_actions.button(meeting_actions.START)
        self.end_button = self.meeting_actions.button(meeting_actions.END)
        self.end_button.setProperty("danger", True)
        for widget in (self.status_badge, self.role_badge, self.start_button, self.end_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignVCenter)
        for signal in (store.reset, store.meeting_changed, store.agenda_changed):
            signal.connect(self.refresh)
        actions.rights_changed.connect(self.refresh)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self.tick)
        self._ticker.start()
        self.refresh()

    def refresh(self, *_args: Any) -> None:
        store = self.floor.store
        if not store.loaded:
            return
        meeting = store.meeting
        self.title.setText(meeting["title"])
        self.status_badge.setText(status_label(meeting["status"]))
        self.status_badge.set_tone(meeting["status"])
        self.role_badge.setText(role_label(store.my_role))
        self.tick()

    def tick(self) -> None:
        store = self.floor.store
        if not store.loaded:
            return
        timing = agenda_timing(store.meeting, store.agenda, store.clock.now())
        elapsed = hours_text(timing.elapsed) if store.meeting.get("started_at") else "—"
        self.clock.setText(f"{elapsed} / {hours_text(timing.planned)}")

    def start_meeting(self) -> None:
        """Chair: open the meeting."""
        meeting_actions.start_meeting(self.action_context)

    def end_meeting(self) -> None:
        """Chair: ask, then close the meeting."""
        meeting_actions.end_meeting(self.action_context)


class ChairConsole(QWidget):
    """See the module docstring."""

    POLL_OWNER = "console"

    def __init__(self, meeting: MeetingSession, actions: FloorActions,
                 poller: SiteStatusPoller | None = None, parent: QWidget | None = None) -> None:
        """``meeting``: the meeting's session (the room's); ``actions``: the room's floor
        actions on it; ``poller``: the room's ``site.status`` poller; the console asks for
        links while it is shown."""
        super().__init__(parent, Qt.WindowType.Window)
        self.meeting, self.floor, self.poller = meeting, actions, poller
        store = actions.store
        self.setWindowIcon(icon("app"))
        self.header = ConsoleHeader(actions)
        self.agenda = AgendaTimingPanel(actions)
        self.speaker = SpeakerCard(actions, "consoleClock")
        self.speak_queue = QueuePanel(actions, SpeakerKind.SPEAK, compact=True)
        self.question_queue = QueuePanel(actions, SpeakerKind.QUESTION, compact=True)
        self.others = OthersBar(actions, compact=True)
        self.attendance = AttendanceSummary(store, poller)

        floor = QVBoxLayout()
        floor.setSpacing(10)
        floor.addWidget(self.speaker)
        queues = QHBoxLayout()
        queues.setSpacing(10)
        queues.addWidget(self.speak_queue)
        queues.addWidget(self.question_queue)
        floor.addLayout(queues, 1)
        floor.addWidget(self.others)
        columns = QHBoxLayout()
        columns.setContentsMargins(12, 12, 12, 12)
        columns.setSpacing(12)
        columns.addWidget(self.agenda, 4)
        columns.addLayout(floor, 6)
        columns.addWidget(self.attendance, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(columns, 1)
        self.setObjectName("console")
        store.meeting_changed.connect(self._retitle)
        store.reset.connect(self._retitle)
        self._retitle()
        fit_to_screen(self, 1360, 820)

    def _retitle(self) -> None:
        title = self.floor.store.meeting["title"] if self.floor.store.loaded else ""
        self.setWindowTitle(self.tr("Console — {title}").format(title=title) if title
                            else self.tr("Console"))

    def showEvent(self, event: QShowEvent) -> None:
        """Links are measured while the console is open."""
        super().showEvent(event)
        if self.poller is not None:
            self.poller.acquire(self.POLL_OWNER)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if self.poller is not None:
            self.poller.release(self.POLL_OWNER)

    def queue(self, kind: str) -> QueuePanel:
        return self.speak_queue if kind == SpeakerKind.SPEAK else self.question_queue

    def sizeHint(self) -> QSize:
        return QSize(1360, 820)
