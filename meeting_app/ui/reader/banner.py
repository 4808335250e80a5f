"""The slim "follow the presenter" banner above the pages.

The reader does not know about presenters: the meeting room decides the state and calls
``ReaderWidget.set_follow_banner``; the banner only shows it and offers the way back.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from meeting_app.ui.resources import icon
from meeting_app.ui.widgets import restyle

FollowState = Literal["following", "browsing"]
FOLLOWING: FollowState = "following"
"""The view moves with the presenter's page."""
BROWSING: FollowState = "browsing"
"""The user left the presenter's page; the banner offers to follow again."""


class FollowBanner(QFrame):
    """"Following the presenter" (calm blue) or "You are browsing freely" with a button
    (gold); hidden when there is no presentation."""

    follow_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 3, 6, 3)
        self.glyph = QLabel()
        self.glyph.setPixmap(icon("follow").pixmap(QSize(16, 16)))
        self.label = QLabel()
        self.label.setObjectName("followText")
        self.button = QPushButton(icon("follow"), self.tr("Follow presenter"))
        self.button.setObjectName("followButton")
        self.button.setIconSize(QSize(16, 16))
        self.button.clicked.connect(self.follow_requested)
        layout.addWidget(self.glyph)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.state: FollowState | None = None
        self.hide()

    def set_state(self, state: FollowState | None, presenter: str = "") -> None:
        """Show ``state`` (None hides the banner); ``presenter`` names who presents."""
        self.state = state
        if state is None:
            self.hide()
            return
        who = presenter or self.tr("the presenter")
        if state == FOLLOWING:
            self.label.setText(self.tr("Following %s: the pages turn with the presentation.") % who)
        else:
            self.label.setText(self.tr("You are browsing freely; %s is on another page.") % who)
        self.button.setVisible(state == BROWSING)
        self.setProperty("state", state)
        restyle(self)
        self.show()
