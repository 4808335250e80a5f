"""My own requests: "Request to speak" and "Ask a question", and once asked, my place in
the queue and "Withdraw"."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from meeting_app.state.floor import pending_of, position_of
from meeting_app.ui.floor.actions import FloorActions
from meeting_app.ui.floor.labels import primary_button
from meeting_app.ui.floor.texts import kind_label
from meeting_app.ui.widgets import restyle
from protocol.statuses import SpeakerKind


class MyRequest(QFrame):
    """One kind: the button to ask, or my pending request with its place and Withdraw."""

    def __init__(self, actions: FloorActions, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myRequest")
        self.floor, self.kind = actions, kind
        self.request: dict[str, Any] | None = None
        """My pending request of this kind, or None."""
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(8)
        if kind == SpeakerKind.SPEAK:
            self.ask_button = primary_button(self.tr("Request to speak"), "microphone",
                                             self.tr("Join the queue of those who asked to speak"))
        else:
            self.ask_button = primary_button(self.tr("Ask a question"), "info",
                                             self.tr("Join the queue of questions (chất vấn)"))
        self.status = QLabel()
        self.status.setObjectName("myRequestStatus")
        self.status.setWordWrap(True)
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.withdraw_button.setToolTip(self.tr("Leave the queue"))
        layout.addWidget(self.ask_button)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.withdraw_button)
        self.ask_button.clicked.connect(lambda: actions.request(kind))
        self.withdraw_button.clicked.connect(self.withdraw)
        actions.rights_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: Any) -> None:
        """Show my request of this kind (from the store)."""
        store = self.floor.store
        speakers = store.speakers
        mine = [r for r in pending_of(speakers, store.my_user_id) if r["kind"] == self.kind] \
            if store.loaded else []
        self.request = mine[0] if mine else None
        pending = self.request is not None
        self.ask_button.setVisible(not pending)
        self.ask_button.setEnabled(self.floor.usable and self.floor.may_request)
        self.withdraw_button.setVisible(pending)
        self.withdraw_button.setEnabled(self.floor.usable)
        if self.request is not None:
            place = position_of(speakers, self.request["id"])
            self.status.setText(self.tr("{kind}: you are number {place} in the queue").format(
                kind=kind_label(self.kind), place=place))
        else:
            self.status.setText("")
        self.status.setVisible(pending)
        if self.property("pending") != pending:
            self.setProperty("pending", pending)
            restyle(self)

    def withdraw(self) -> None:
        """Take my request out of the queue."""
        if self.request is not None:
            self.floor.withdraw(self.request["id"])


class MyRequests(QWidget):
    """Both kinds side by side (hidden for observers, who do not speak)."""

    def __init__(self, actions: FloorActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.floor = actions
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.speak = MyRequest(actions, SpeakerKind.SPEAK)
        self.question = MyRequest(actions, SpeakerKind.QUESTION)
        layout.addWidget(self.speak, 1)
        layout.addWidget(self.question, 1)
        self.observer_hint = QLabel(self.tr("Observers follow the floor; they do not ask to speak."))
        self.observer_hint.setObjectName("hint")
        layout.addWidget(self.observer_hint, 1)
        actions.rights_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        voiced = self.floor.may_request
        self.speak.setVisible(voiced)
        self.question.setVisible(voiced)
        self.observer_hint.setVisible(self.floor.store.loaded and not voiced)
