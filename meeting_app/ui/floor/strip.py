"""The floor strip: one line above the room's tabs, visible whatever tab is shown.

Who speaks, from which site, and their clock (amber under 30 s, red once over); the
speaker themselves reads "You have the floor" and has End. While nobody speaks it shows
how many wait. A click on it opens the Floor tab (``open_requested``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from meeting_app.state.floor import queue_of
from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.floor.countdown import CountdownLabel
from meeting_app.ui.floor.labels import ElidedLabel
from meeting_app.ui.floor.texts import kind_label, person_name, site_name
from meeting_app.ui.resources import icon
from meeting_app.ui.theme import on_change
from meeting_app.ui.widgets import restyle, tool_button
from protocol.statuses import SpeakerKind


class FloorStrip(QFrame):
    """See the module docstring."""

    open_requested = Signal()

    def __init__(self, actions: FloorActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("floorStrip")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("The floor: click to open the Floor tab"))
        self.floor = actions
        store = actions.store
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 8, 4)
        layout.setSpacing(10)
        self.glyph = QLabel()
        self.text = ElidedLabel()
        self.text.setObjectName("stripText")
        self.mine = QLabel(self.tr("You have the floor"))
        self.mine.setObjectName("stripMine")
        self.waiting = QLabel()
        self.waiting.setObjectName("stripWaiting")
        self.clock = CountdownLabel(store, "stripClock", "")
        self.end_button = tool_button(self.tr("End"), "stop", self.tr("End this speech"))
        self.end_button.setProperty("danger", True)
        layout.addWidget(self.glyph)
        layout.addWidget(self.mine)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.waiting)
        layout.addWidget(self.clock)
        layout.addWidget(self.end_button)
        self.end_button.clicked.connect(actions.end)
        for signal in (store.speakers_changed, store.participants_changed, store.sites_changed,
                       store.reset):
            signal.connect(self.refresh)
        actions.rights_changed.connect(self.refresh)
        self.refresh()
        on_change(self, self.refresh)  # colours and icons drawn once

    def refresh(self, *_args: Any) -> None:
        """Show the store's floor."""
        actions, store = self.floor, self.floor.store
        speaker = store.speaker if store.loaded else None
        mine = actions.holds_floor
        tone = "mine" if mine else ("speaking" if speaker else "idle")
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            # Rules like "the strip's tone, then a label" apply to the labels only when
            # they are polished again too.
            for widget in (self, self.text, self.mine, self.waiting, self.clock):
                restyle(widget)
            self.glyph.setPixmap(icon("microphone", {"mine": "on_fill", "speaking": "danger"}
                                      .get(tone, "disabled")).pixmap(QSize(20, 20)))
        font = self.text.font()
        if font.bold() != (speaker is not None):
            font.setBold(speaker is not None)
            self.text.setFont(font)
        if speaker is None:
            self.text.set_full_text(self.tr("Nobody has the floor"))
        else:
            where = site_name(store, speaker.get("site_id"))
            kind = kind_label(speaker.get("kind", SpeakerKind.SPEAK))
            who = "" if mine else person_name(store, speaker["user_id"]) + "  ·  "
            self.text.set_full_text(f"{who}{where}  ·  {kind}")
        self.mine.setVisible(mine)
        speak = len(queue_of(store.speakers, SpeakerKind.SPEAK)) if store.loaded else 0
        questions = len(queue_of(store.speakers, SpeakerKind.QUESTION)) if store.loaded else 0
        self.waiting.setText(self.tr("Waiting: {speak} to speak · {questions} questions").format(
            speak=speak, questions=questions) if speak or questions else "")
        self.waiting.setVisible(bool(speak or questions))
        self.clock.setVisible(speaker is not None)
        self.end_button.setVisible(speaker is not None and (mine or actions.is_chair))
        self.end_button.setEnabled(actions.usable)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click anywhere but on End opens the Floor tab."""
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit()
        super().mousePressEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(600, 40)
