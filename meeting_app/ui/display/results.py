"""The display's place for votes: the turnout while a vote is open, the result when it closes.

It follows the store's polls by itself: an open poll shows its question and how many have
voted (never a choice: a secret vote's choices are unknown until the close, and a named
vote's are not shown before it either); a poll that closes shows its result as large bars
with the verdict, until another vote opens or the room moves to another agenda item.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from meeting_app.state import polls as poll_rules
from meeting_app.state.store import MeetingStore
from meeting_app.ui.votes.chart import ResultChart
from protocol.statuses import PollStatus


class ResultsArea(QFrame):
    """See the module docstring."""

    shown = Signal(bool)
    """The area appeared (a vote to show) or went (the window gives it room accordingly)."""

    def __init__(self, store: MeetingStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("displayResults")
        self.store = store
        self.poll_id: int | None = None
        """The poll shown (open or closed), or None."""
        self._dismissed: set[int] = set()
        self._showing = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        self.title = QLabel()
        self.title.setObjectName("displayResultTitle")
        self.title.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("displayResultLine")
        self.status.setWordWrap(True)
        self.chart = ResultChart(large=True)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.chart)
        store.polls_changed.connect(self.refresh)
        store.reset.connect(self.refresh)
        store.current_item_changed.connect(self._item_changed)
        self.refresh()

    @property
    def result(self) -> dict[str, Any] | None:
        """The result shown, or None (nothing shown, or a vote still open)."""
        poll = self.store.poll_by_id(self.poll_id) if self.poll_id is not None else None
        return poll.get("result") if poll and poll.get("status") == PollStatus.CLOSED else None

    def refresh(self, *_args: Any) -> None:
        """Show the open vote, else the newest closed one not yet set aside."""
        polls = self.store.polls if self.store.loaded else []
        poll = poll_rules.open_poll(polls) or self._newest_closed(polls)
        if poll is None:
            self.poll_id = None
            self._set_shown(False)
            return
        self.poll_id = poll["id"]
        self.title.setText(poll["question"])
        if poll["status"] == PollStatus.OPEN:
            eligible = poll_rules.eligible_count(poll, self.store.participants)
            self.status.setText(self.tr("Voting now: {ballots} of {eligible} have voted").format(
                ballots=poll.get("ballots") or 0, eligible=eligible))
            self.chart.hide()
        else:
            self.chart.set_result(poll.get("result") or {}, poll)
            self.status.setText(self.chart.verdict)
            self.chart.show()
        self._set_shown(True)

    def _set_shown(self, shown: bool) -> None:
        changed = shown != self._showing
        self._showing = shown
        self.setVisible(shown)
        if changed:
            self.shown.emit(shown)

    def _newest_closed(self, polls: list[dict[str, Any]]) -> dict[str, Any] | None:
        closed = [p for p in polls if p.get("status") == PollStatus.CLOSED and p.get("result")
                  and p["id"] not in self._dismissed]
        return max(closed, key=lambda p: (p.get("closed_at") or "", p["id"]), default=None)

    def _item_changed(self, item_id: int | None) -> None:
        # A result belongs to its item: moving on takes it off the screen.
        poll = self.store.poll_by_id(self.poll_id) if self.poll_id is not None else None
        if poll is not None and poll.get("status") == PollStatus.CLOSED \
                and poll.get("agenda_item_id") != item_id:
            self._dismissed.add(poll["id"])
        self.refresh()

    def clear(self) -> None:
        """Take the shown result off the screen (until another vote)."""
        if self.poll_id is not None:
            self._dismissed.add(self.poll_id)
        self.refresh()
