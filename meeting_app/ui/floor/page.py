"""The "Floor" tab of the meeting room: the speaker and their clock, my requests, both
queues grouped by site, and the chair's and secretary's controls."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.floor.mine import MyRequests
from meeting_app.ui.floor.others import OthersBar
from meeting_app.ui.floor.queues import QueuePanel
from meeting_app.ui.floor.speaker import SpeakerCard
from protocol.statuses import SpeakerKind


class FloorPage(QWidget):
    """See the module docstring."""

    def __init__(self, actions: FloorActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.floor = actions
        layout = QVBoxLayout(self)
        # Margins kept small: the two queues side by side fit the centre of a 1280 pixel room.
        layout.setContentsMargins(8, 10, 8, 10)
        layout.setSpacing(10)
        self.speaker = SpeakerCard(actions)
        self.mine = MyRequests(actions)
        self.speak_queue = QueuePanel(actions, SpeakerKind.SPEAK, compact=True)
        self.question_queue = QueuePanel(actions, SpeakerKind.QUESTION, compact=True)
        self.others = OthersBar(actions, compact=True)
        queues = QHBoxLayout()
        queues.setSpacing(6)
        queues.addWidget(self.speak_queue, 1)
        queues.addWidget(self.question_queue, 1)
        layout.addWidget(self.speaker)
        layout.addWidget(self.mine)
        layout.addLayout(queues, 1)
        layout.addWidget(self.others)

    def queue(self, kind: str) -> QueuePanel:
        """The panel of one queue ("speak" or "question")."""
        return self.speak_queue if kind == SpeakerKind.SPEAK else self.question_queue
