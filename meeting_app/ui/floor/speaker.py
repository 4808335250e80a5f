"""The speaker holding the floor, with the big clock and the chair's controls (+30 s,
+1 min, End); the speaker themselves may end their own speech."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.floor.countdown import CountdownLabel
from meeting_app.ui.floor.texts import kind_label, limit_text, person_name, site_name
from meeting_app.ui.resources import icon
from meeting_app.ui.theme import on_change
from meeting_app.ui.widgets import restyle, tool_button
from protocol.statuses import SpeakerKind


class SpeakerCard(QFrame):
    """Who speaks, from which site, for how long; see the module docstring."""

    def __init__(self, actions: FloorActions, clock_name: str = "floorClock",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerCard")
        self.floor = actions
        store = actions.store
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(14)
        self.glyph = QLabel()
        layout.addWidget(self.glyph, 0, Qt.AlignmentFlag.AlignTop)

        texts = QVBoxLayout()
        texts.setSpacing(2)
        self.caption = QLabel()
        self.caption.setObjectName("speakerCaption")
        self.name = QLabel()
        self.name.setObjectName("speakerName")
        self.name.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("speakerDetails")
        self.details.setWordWrap(True)
        for label in (self.caption, self.name, self.details):
            texts.addWidget(label)
        texts.addStretch(1)
        layout.addLayout(texts, 1)

        right = QVBoxLayout()
        right.setSpacing(6)
        self.clock_caption = QLabel()
        self.clock_caption.setObjectName("speakerCaption")
        self.clock = CountdownLabel(store, clock_name)
        for label in (self.clock_caption, self.clock):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            right.addWidget(label)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.plus_30 = tool_button(self.tr("+30 s"), "add", self.tr("Give the speaker 30 more seconds"))
        self.plus_60 = tool_button(self.tr("+1 min"), "add", self.tr("Give the speaker one more minute"))
        self.end_button = tool_button(self.tr("End"), "stop", self.tr("End this speech"))
        self.end_button.setProperty("danger", True)
        for button in (self.plus_30, self.plus_60, self.end_button):
            buttons.addWidget(button)
        right.addLayout(buttons)
        right.addStretch(1)
        layout.addLayout(right)

        self.plus_30.clicked.connect(lambda: actions.extend(30))
        self.plus_60.clicked.connect(lambda: actions.extend(60))
        self.end_button.clicked.connect(actions.end)
        for signal in (store.speakers_changed, store.participants_changed, store.sites_changed,
                       store.agenda_changed, store.reset):
            signal.connect(self.refresh)
        actions.rights_changed.connect(self.refresh)
        self.refresh()
        on_change(self, self.refresh)  # colours and icons drawn once

    def refresh(self, *_args: Any) -> None:
        """Show the store's speaker and the controls my role allows."""
        actions, store = self.floor, self.floor.store
        speaker = store.speaker if store.loaded else None
        tone = "mine" if actions.holds_floor else ("speaking" if speaker else "idle")
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            restyle(self)
        colour = "danger" if speaker else "disabled"
        self.glyph.setPixmap(icon("microphone", colour).pixmap(QSize(40, 40)))
        if speaker is None:
            self.caption.setText(self.tr("THE FLOOR"))
            self.name.setText(self.tr("Nobody has the floor"))
            waiting = len(store.speakers["queue"]) if store.loaded else 0
            self.details.setText(self.tr("{n} waiting in the queues").format(n=waiting) if waiting
                                 else self.tr("Nobody is waiting to speak."))
            self.clock_caption.setText("")
        else:
            mine = actions.holds_floor
            self.caption.setText(self.tr("YOU HAVE THE FLOOR") if mine else self.tr("HAS THE FLOOR"))
            self.name.setText(person_name(store, speaker["user_id"]))
            parts = [site_name(store, speaker.get("site_id")),
                     kind_label(speaker.get("kind", SpeakerKind.SPEAK))]
            item = store.item_by_id(speaker.get("agenda_item_id") or 0)
            if item is not None:
                parts.append(item["title"])
            self.details.setText("  ·  ".join(parts))
            limit = speaker.get("limit_seconds")
            self.clock_caption.setText(
                self.tr("TIME LEFT OF {limit}").format(limit=limit_text(limit)) if limit
                else self.tr("SPEAKING FOR (NO LIMIT)"))
        chair = actions.is_chair and speaker is not None
        for button in (self.plus_30, self.plus_60):
            button.setVisible(chair)
            button.setEnabled(actions.live)
        self.end_button.setVisible(speaker is not None and (actions.is_chair or actions.holds_floor))
        self.end_button.setEnabled(actions.usable)
        self.end_button.setText(self.tr("I have finished") if actions.holds_floor and not
                                actions.is_chair else self.tr("End"))
