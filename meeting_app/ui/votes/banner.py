"""The poll being voted, on top of the Votes tab: question, countdown, turnout by site, and
my part (vote, voted ✓, votes left to cast as a proxy); the chair's "Close voting"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from meeting_app.state.polls import eligible_count, turnout_by_site
from meeting_app.state.store import MeetingStore
from meeting_app.ui.resources import icon
from meeting_app.ui.votes.texts import countdown_text, turnout_text
from meeting_app.ui.widgets import tool_button
from protocol.statuses import PollKind


class OpenPollBanner(QFrame):
    """Shown while a poll is open; hidden otherwise."""

    vote_requested = Signal(int)
    """The poll id: open the ballot."""
    close_requested = Signal(int)

    def __init__(self, store: MeetingStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voteBanner")
        self.store = store
        self.poll_id: int | None = None
        self.may_close = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(4)
        self.caption = QLabel()
        self.caption.setObjectName("currentCaption")
        self.caption.setWordWrap(True)  # a long item title must not widen the room past a tablet
        self.question = QLabel()
        self.question.setObjectName("bannerQuestion")
        self.question.setWordWrap(True)
        layout.addWidget(self.caption)
        layout.addWidget(self.question)
        row = QHBoxLayout()
        row.setSpacing(14)
        self.countdown = QLabel()
        self.countdown.setObjectName("voteClock")
        numbers = QVBoxLayout()
        numbers.setSpacing(3)
        self.turnout = QLabel()
        self.turnout.setObjectName("turnout")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.sites = QLabel()
        self.sites.setObjectName("hint")
        self.sites.setWordWrap(True)
        for widget in (self.turnout, self.bar, self.sites):
            numbers.addWidget(widget)
        row.addWidget(self.countdown)
        row.addLayout(numbers, 1)
        layout.addLayout(row)
        mine = QVBoxLayout()
        mine.setSpacing(4)
        self.my_state = QLabel()
        self.my_state.setObjectName("myVote")
        self.my_state.setWordWrap(True)
        self.vote_button = tool_button(self.tr("Vote"), "vote", parent=self)
        self.vote_button.setIcon(icon("vote", "on_accent"))
        self.vote_button.setProperty("primary", True)
        self.close_button = tool_button(self.tr("Close voting"), "stop", parent=self)
        self.close_button.setProperty("danger", True)
        self.my_state.setMaximumWidth(260)
        mine.addWidget(self.my_state)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.vote_button)
        buttons.addWidget(self.close_button)
        mine.addLayout(buttons)
        row.addLayout(mine)
        self.vote_button.clicked.connect(lambda: self.poll_id and self.vote_requested.emit(self.poll_id))
        self.close_button.clicked.connect(lambda: self.poll_id and self.close_requested.emit(self.poll_id))
        for signal in (store.reset, store.polls_changed, store.participants_changed):
            signal.connect(self.refresh)
        self._ticker = QTimer(self, interval=1000)
        self._ticker.timeout.connect(self._tick)
        self._ticker.start()
        self.refresh()

    def set_may_close(self, may: bool) -> None:
        """The chair sees "Close voting"."""
        self.may_close = may
        self.refresh()

    def refresh(self) -> None:
        poll = self.store.open_poll if self.store.loaded else None
        self.setVisible(poll is not None)
        self.poll_id = poll["id"] if poll else None
        if poll is None:
            return
        item = self.store.item_by_id(poll["agenda_item_id"]) if poll.get("agenda_item_id") else None
        caption = (self.tr("VOTING NOW") if poll.get("kind") != PollKind.WRITTEN
                   else self.tr("WRITTEN OPINIONS"))
        self.caption.setText(f"{caption} · {item['title']}" if item else caption)
        self.question.setText(poll["question"])
        eligible = eligible_count(poll, self.store.participants)
        ballots = int(poll.get("ballots") or 0)
        self.turnout.setText(turnout_text(ballots, eligible))
        self.bar.setRange(0, max(eligible, ballots, 1))
        self.bar.setValue(ballots)
        written = poll.get("kind") == PollKind.WRITTEN
        rows = [] if written else turnout_by_site(poll, self.store.participants, self.store.sites)
        self.sites.setText("   ".join(f"{name}: {n}/{m}" for name, n, m in rows))
        self.sites.setVisible(bool(rows))
        self._show_mine(poll)
        self.close_button.setVisible(self.may_close)
        self._tick()

    def _show_mine(self, poll: dict[str, Any]) -> None:
        mine = self.store.may_vote_as(poll)
        left = self.store.still_to_vote(poll)
        me = self.store.my_user_id
        if not mine:
            self.my_state.setText(self.tr("You do not vote on this question."))
            self.vote_button.hide()
            return
        self.vote_button.show()
        if left:
            others = [p for p in left if p["user_id"] != me]
            text = self.tr("Your ballot is waiting.") if any(p["user_id"] == me for p in left) else \
                self.tr("You have voted ✓")
            if others:
                text += " " + self.tr("As proxy, still to vote for: {names}.").format(
                    names=", ".join(p["full_name"] for p in others))
            self.my_state.setText(text)
            self.vote_button.setText(self.tr("Vote"))
            self.vote_button.setEnabled(True)
        else:
            self.my_state.setText(self.tr("You have voted ✓") if len(mine) == 1 else
                                  self.tr("All your ballots are cast ✓"))
            change = bool(poll.get("allow_change")) and not poll.get("secret")
            self.vote_button.setText(self.tr("Change my vote"))
            self.vote_button.setVisible(change)

    def _tick(self) -> None:
        poll = self.store.poll_by_id(self.poll_id) if self.poll_id else None
        if poll is not None:
            self.countdown.setText(countdown_text(poll, self.store.clock) or self.tr("Voting open"))
