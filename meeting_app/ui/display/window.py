"""The room display: a full-screen, large-type window for a site's projector or TV.

Meeting title, the agenda item under discussion, the speaker (name, site) with a big
clock, the presented page (or the agenda when nothing is presented), and the votes (the
turnout while one is open, then its result: ``ResultsArea``). It reads a store and sends no
command. F11 toggles full screen, Esc leaves it. Type sizes follow the window's height,
so it reads the same on a 720p TV and a 4K projector.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from meeting_app.pdf import PdfEngine
from meeting_app.state.documents import DocumentSync
from meeting_app.state.floor import queue_of
from meeting_app.state.formats import time_text
from meeting_app.state.store import MeetingStore
from meeting_app.ui.display.presented import PresentedArea
from meeting_app.ui.display.results import ResultsArea
from meeting_app.ui.display.style import display_style
from meeting_app.ui.floor.countdown import CountdownLabel
from meeting_app.ui.floor.texts import kind_label, person_name, site_name
from meeting_app.ui.resources import icon
from meeting_app.ui.screen_fit import fit_to_screen
from meeting_app.ui.widgets import restyle
from protocol.roles import MeetingStatus
from protocol.statuses import SpeakerKind


class SpeakerPanel(QFrame):
    """The display's speaker: who, from where, and the clock."""

    def __init__(self, store: MeetingStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displaySpeaker")
        self.store = store
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(6)
        self.caption = QLabel()
        self.caption.setObjectName("displayCaption")
        self.name = QLabel()
        self.name.setObjectName("displaySpeakerName")
        self.name.setWordWrap(True)
        self.site = QLabel()
        self.site.setObjectName("displaySpeakerSite")
        self.site.setWordWrap(True)
        self.clock = CountdownLabel(store, "displayClock", "")
        for label in (self.caption, self.name, self.site):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.clock, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        for signal in (store.speakers_changed, store.participants_changed, store.sites_changed,
                       store.reset):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        store = self.store
        speaker = store.speaker if store.loaded else None
        tone = "speaking" if speaker else "idle"
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            restyle(self)
        if speaker is None:
            self.caption.setText(self.tr("THE FLOOR"))
            self.name.setText(self.tr("Nobody has the floor"))
            waiting = len(queue_of(store.speakers, SpeakerKind.SPEAK)) \
                + len(queue_of(store.speakers, SpeakerKind.QUESTION)) if store.loaded else 0
            self.site.setText(self.tr("{n} waiting to speak").format(n=waiting) if waiting else "")
        else:
            caption = (self.tr("QUESTION") if speaker.get("kind") == SpeakerKind.QUESTION
                       else self.tr("SPEAKING"))
            self.caption.setText(caption)
            self.name.setText(person_name(store, speaker["user_id"]))
            self.site.setText(site_name(store, speaker.get("site_id")))
            self.site.setToolTip(kind_label(speaker.get("kind", SpeakerKind.SPEAK)))
        self.clock.setVisible(speaker is not None)


class RoomDisplayWindow(QWidget):
    """See the module docstring."""

    closed = Signal()

    def __init__(self, store: MeetingStore, sync: DocumentSync | None = None,
                 engine: PdfEngine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("roomDisplay")
        self.setWindowIcon(icon("app"))
        self.setWindowTitle(self.tr("Room display"))
        self.store = store
        self.meeting_title = QLabel()
        self.meeting_title.setObjectName("displayMeeting")
        self.meeting_title.setWordWrap(True)
        self.time = QLabel()
        self.time.setObjectName("displayTime")
        self.item_caption = QLabel()
        self.item_caption.setObjectName("displayCaption")
        self.item_title = QLabel()
        self.item_title.setObjectName("displayItem")
        self.item_title.setWordWrap(True)
        self.presented = PresentedArea(store, sync, engine)
        self.speaker = SpeakerPanel(store)
        self.results = ResultsArea(store)

        top = QHBoxLayout()
        top.addWidget(self.meeting_title, 1)
        top.addWidget(self.time, 0, Qt.AlignmentFlag.AlignTop)
        head = QFrame()
        head.setObjectName("displayHead")
        head_layout = QVBoxLayout(head)
        head_layout.setContentsMargins(28, 16, 28, 16)
        head_layout.setSpacing(4)
        head_layout.addLayout(top)
        head_layout.addWidget(self.item_caption)
        head_layout.addWidget(self.item_title)
        side = QVBoxLayout()
        side.setSpacing(16)
        side.addWidget(self.speaker, 1)
        side.addWidget(self.results)
        body = QHBoxLayout()
        body.setContentsMargins(20, 16, 20, 20)
        body.setSpacing(20)
        body.addWidget(self.presented, 7)
        body.addLayout(side, 3)
        self._body, self._side = body, side
        self.results.shown.connect(self._make_room_for_votes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(head)
        layout.addLayout(body, 1)

        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.leave_full_screen)
        for signal in (store.reset, store.meeting_changed, store.agenda_changed,
                       store.current_item_changed):
            signal.connect(self.refresh)
        self._clock = QTimer(self, interval=5000)
        self._clock.timeout.connect(self._show_time)
        self._clock.start()
        self._scale = 0.0
        self._restyle()
        self.refresh()
        fit_to_screen(self, 1360, 820)

    # --- content -------------------------------------------------------------------------

    def refresh(self, *_args: Any) -> None:
        """Title and current item from the store."""
        store = self.store
        self._show_time()
        if not store.loaded:
            self.meeting_title.setText(self.tr("Joining the meeting…"))
            self.item_caption.setText("")
            self.item_title.setText("")
            return
        meeting = store.meeting
        self.meeting_title.setText(meeting["title"])
        self.setWindowTitle(self.tr("Room display — {title}").format(title=meeting["title"]))
        item = store.current_item
        if item is not None:
            ids = [i["id"] for i in store.agenda]
            self.item_caption.setText(self.tr("ITEM {n} OF {total}").format(
                n=ids.index(item["id"]) + 1, total=len(ids)))
            self.item_title.setText(item["title"])
        else:
            self.item_caption.setText(self.tr("AGENDA"))
            self.item_title.setText({MeetingStatus.SCHEDULED: self.tr("The meeting has not started yet."),
                                     MeetingStatus.ENDED: self.tr("The meeting has ended.")}.get(
                meeting["status"], self.tr("No item is being discussed right now.")))

    def _show_time(self) -> None:
        self.time.setText(time_text(self.store.clock.now()))

    def _make_room_for_votes(self, shown: bool) -> None:
        # A vote's bars need width: while one is shown the two columns share the screen.
        self._body.setStretch(0, 1 if shown else 7)
        self._body.setStretch(1, 1 if shown else 3)
        self._side.setStretch(0, 0 if shown else 1)
        self._side.setStretch(1, 1 if shown else 0)

    def clear_result(self) -> None:
        """Take the vote result off the screen (it comes back with the next vote)."""
        self.results.clear()

    # --- full screen and type size ------------------------------------------------------

    def toggle_full_screen(self) -> None:
        """F11."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def leave_full_screen(self) -> None:
        """Esc."""
        if self.isFullScreen():
            self.showNormal()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Say so (a display on its own then closes its connection)."""
        self.closed.emit()
        super().closeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Type sizes follow the height (restyled only when the scale really changes)."""
        super().resizeEvent(event)
        self._restyle()

    def _restyle(self) -> None:
        scale = round(max(0.6, min(self.height() / 1080, 3.0)), 2)
        if abs(scale - self._scale) >= 0.05:
            self._scale = scale
            self.setStyleSheet(display_style(scale))

    def sizeHint(self) -> QSize:
        return QSize(1360, 820)
