"""The meeting room's header: title, place and time, status, my role, elapsed time and the
connection indicator."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from meeting_app.state.models import local_time_text, parse_time, role_label, status_label
from meeting_app.state.store import MeetingStore
from meeting_app.ui.widgets import Badge, ConnectionIndicator
from protocol.roles import MeetingStatus


def duration_text(seconds: float) -> str:
    """``H:MM:SS`` (or ``MM:SS`` under an hour) for a number of seconds."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def elapsed_since(start: str | None, end: str | None = None) -> float | None:
    """Seconds from ``start`` to ``end`` (or now), both wire times; None without a start."""
    began = parse_time(start)
    if began is None:
        return None
    finished = parse_time(end) or datetime.now(UTC)
    return (finished - began).total_seconds()


class HeaderBar(QFrame):
    """The navy band at the top of the meeting room."""

    def __init__(self, store: MeetingStore, connection: QObject,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerBar")
        self._store = store
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(16)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.title = QLabel(self.tr("Joining the meeting…"))
        self.title.setObjectName("meetingTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("meetingSubtitle")
        texts.addWidget(self.title)
        texts.addWidget(self.subtitle)
        layout.addLayout(texts, 1)

        clock_box = QVBoxLayout()
        clock_box.setSpacing(0)
        self.clock_caption = QLabel(self.tr("ELAPSED"))
        self.clock_caption.setObjectName("headerCaption")
        self.clock = QLabel("—")
        self.clock.setObjectName("headerClock")
        for label in (self.clock_caption, self.clock):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            clock_box.addWidget(label)
        layout.addLayout(clock_box)

        badges = QVBoxLayout()
        badges.setSpacing(6)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.status_badge = Badge()
        self.role_badge = Badge(tone="role")
        row.addWidget(self.status_badge)
        row.addWidget(self.role_badge)
        badges.addLayout(row)
        self.connection = ConnectionIndicator(connection)
        badges.addWidget(self.connection, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(badges)

        store.reset.connect(self.refresh)
        store.meeting_changed.connect(self.refresh)
        store.role_changed.connect(self.refresh)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self.refresh()

    def refresh(self) -> None:
        """Show the store's meeting header."""
        if not self._store.loaded:
            self.status_badge.hide()
            self.role_badge.hide()
            return
        meeting = self._store.meeting
        self.title.setText(meeting["title"])
        place = meeting.get("location") or ""
        when = local_time_text(meeting.get("starts_at"))
        if meeting.get("ends_at"):
            when += " – " + local_time_text(meeting["ends_at"], with_date=False)
        self.subtitle.setText("   ·   ".join(part for part in (when, place) if part))
        self.status_badge.setText(status_label(meeting["status"]))
        self.status_badge.set_tone(meeting["status"])
        self.role_badge.setText(role_label(self._store.my_role))
        self.status_badge.show()
        self.role_badge.show()
        self._tick()

    def _tick(self) -> None:
        if not self._store.loaded:
            return
        meeting = self._store.meeting
        seconds = elapsed_since(meeting.get("started_at"), meeting.get("ended_at"))
        if meeting["status"] == MeetingStatus.SCHEDULED or seconds is None:
            self.clock_caption.setText(self.tr("STARTS AT"))
            self.clock.setText(local_time_text(meeting.get("starts_at"), with_date=False) or "—")
        else:
            self.clock_caption.setText(self.tr("DURATION") if meeting["status"] == MeetingStatus.ENDED
                                       else self.tr("ELAPSED"))
            self.clock.setText(duration_text(seconds))
