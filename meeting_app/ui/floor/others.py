"""The chair's and the secretary's row under the queues: a participant, then "register to
speak" / "register a question" on their behalf, or (chair) "give the floor now"; and the
chair's time limit for the next grants."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from meeting_app.state.floor import LIMIT_CHOICES
from meeting_app.ui.actions.rights import VOICED
from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.floor.texts import limit_text, site_name
from meeting_app.ui.widgets import tool_button
from protocol.statuses import SpeakerKind


class LimitChooser(QComboBox):
    """The time limit the next grants give (shared through ``FloorActions``)."""

    def __init__(self, actions: FloorActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.floor = actions
        for seconds in LIMIT_CHOICES:
            self.addItem(limit_text(seconds), seconds)
        self.setToolTip(self.tr("The speaking time given with the floor"))
        self.setCurrentIndex(LIMIT_CHOICES.index(actions.limit_seconds))
        self.currentIndexChanged.connect(lambda index: actions.set_limit(self.itemData(index)))
        actions.limit_changed.connect(
            lambda seconds: self.setCurrentIndex(LIMIT_CHOICES.index(seconds)))


class OthersBar(QFrame):
    """See the module docstring; hidden for delegates and observers."""

    def __init__(self, actions: FloorActions, parent: QWidget | None = None,
                 compact: bool = False) -> None:
        """``compact``: the buttons on a second line (for a narrow column)."""
        super().__init__(parent)
        self.setObjectName("othersBar")
        self.floor = actions
        store = actions.store
        lines = QVBoxLayout(self)
        lines.setContentsMargins(10, 6, 10, 6)
        lines.setSpacing(6)
        first = QHBoxLayout()
        second = QHBoxLayout() if compact else first
        for line in {id(first): first, id(second): second}.values():
            line.setSpacing(8)
            lines.addLayout(line)
        self.people = QComboBox()
        self.people.setMinimumContentsLength(16)
        self.people.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.people.setToolTip(self.tr("A participant to act for"))
        self.speak_button = tool_button(self.tr("Register"), "add",
                                        self.tr("Register the participant to speak"))
        self.question_button = tool_button(self.tr("Question"), "add",
                                           self.tr("Register a question from the participant"))
        self.grant_button = tool_button(self.tr("Give the floor"), "microphone",
                                        self.tr("Give the participant the floor now"))
        self.limit_label = QLabel(self.tr("Time limit"))
        self.limit = LimitChooser(actions)
        first.addWidget(QLabel(self.tr("For")))
        first.addWidget(self.people, 1)
        if compact:  # the time limit beside the person: the buttons' line stays short
            first.addSpacing(8)
            first.addWidget(self.limit_label)
            first.addWidget(self.limit)
        for widget in (self.speak_button, self.question_button, self.grant_button):
            second.addWidget(widget)
        if compact:
            second.addStretch(1)
        else:
            second.addSpacing(8)
            second.addWidget(self.limit_label)
            second.addWidget(self.limit)
        self.speak_button.clicked.connect(lambda: self._request(SpeakerKind.SPEAK))
        self.question_button.clicked.connect(lambda: self._request(SpeakerKind.QUESTION))
        self.grant_button.clicked.connect(self._grant)
        for signal in (store.participants_changed, store.sites_changed, store.reset):
            signal.connect(self._fill)
        actions.rights_changed.connect(self.update_controls)
        self._fill()

    def _fill(self) -> None:
        """Participants with a voice, by site then name."""
        store = self.floor.store
        keep = self.people.currentData()
        self.people.blockSignals(True)
        self.people.clear()
        voiced = [p for p in store.participants if p["role"] in VOICED] if store.loaded else []
        for person in voiced:
            self.people.addItem(f"{person['full_name']} — {site_name(store, person['site_id'])}",
                                person["user_id"])
        index = self.people.findData(keep)
        self.people.setCurrentIndex(max(index, 0))
        self.people.blockSignals(False)
        self.update_controls()

    def selected_user(self) -> int | None:
        """The participant chosen, or None."""
        data = self.people.currentData()
        return int(data) if data is not None else None

    def select_user(self, user_id: int) -> None:
        index = self.people.findData(user_id)
        if index >= 0:
            self.people.setCurrentIndex(index)

    def update_controls(self, *_args: Any) -> None:
        actions = self.floor
        self.setVisible(actions.may_act_for_others)
        chosen = self.selected_user() is not None
        for button in (self.speak_button, self.question_button):
            button.setEnabled(actions.usable and chosen)
        for widget in (self.grant_button, self.limit_label, self.limit):
            widget.setVisible(actions.is_chair)
        self.grant_button.setEnabled(actions.live and chosen)

    def _request(self, kind: str) -> None:
        user_id = self.selected_user()
        if user_id is not None:
            self.floor.request(kind, user_id=user_id)

    def _grant(self) -> None:
        user_id = self.selected_user()
        if user_id is not None:
            self.floor.grant(user_id=user_id)
