"""Sending ballots so that none is lost and none counts twice.

Each ballot gets a client-made ``ballot_id`` (a UUID). Until the server acknowledges it,
the ballot stays *pending*, with its choice fixed: a retry (by hand after a timeout, or by
itself when the connection comes back) re-sends exactly the same payload with the same
ballot_id, and the server answers a repeat with the first ballot's receipt. A new
choice for the same voter gets a new ballot_id only once the pending one is settled.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_app.ui.commands import CommandSender
from meeting_app.ui.votes.receipts import ReceiptBook

RETRYABLE = frozenset({"timeout", "offline", "internal", "unavailable"})
"""Answers after which the ballot may or may not have been counted: keep it and retry."""


@dataclass(frozen=True)
class Ballot:
    """One ballot as sent: who it is for, what it says, and its idempotency key."""

    poll_id: int
    voter_id: int
    option_ids: tuple[int, ...]
    comment: str | None
    ballot_id: str
    on_behalf: bool
    """Cast by a proxy for another member (``voter_id`` goes on the wire)."""

    def payload(self) -> dict[str, Any]:
        """The ``poll.vote`` payload."""
        data: dict[str, Any] = {"poll_id": self.poll_id, "option_ids": list(self.option_ids),
                                "ballot_id": self.ballot_id}
        if self.comment:
            data["comment"] = self.comment
        if self.on_behalf:
            data["voter_id"] = self.voter_id
        return data


class BallotSender(QObject):
    """Sends ballots, keeps the unacknowledged ones, files the receipts."""

    acknowledged = Signal(int, int, str)
    """(poll_id, voter_id, receipt)."""
    failed = Signal(int, int, str, str)
    """(poll_id, voter_id, code, message); the ballot is still pending if the code is retryable."""
    sending = Signal(int, int)
    """(poll_id, voter_id): a ballot went out (first time or retry)."""

    def __init__(self, commands: CommandSender, book: ReceiptBook | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commands = commands
        self.book = book
        self.timeout = 10.0
        """Seconds to wait for an acknowledgement before offering a retry."""
        self._pending: dict[tuple[int, int], Ballot] = {}
        self._in_flight: set[tuple[int, int]] = set()
        commands.availability_changed.connect(self._availability)

    def pending(self, poll_id: int, voter_id: int) -> Ballot | None:
        """The ballot sent for ``voter_id`` and not yet acknowledged, if any."""
        return self._pending.get((poll_id, voter_id))

    def in_flight(self, poll_id: int, voter_id: int) -> bool:
        """Whether an answer for that ballot is awaited right now."""
        return (poll_id, voter_id) in self._in_flight

    def vote(self, poll_id: int, voter_id: int, option_ids: list[int], comment: str | None,
             on_behalf: bool) -> Ballot:
        """Send a new ballot, or re-send the pending one for this voter unchanged."""
        ballot = self._pending.get((poll_id, voter_id))
        if ballot is None:
            ballot = Ballot(poll_id, voter_id, tuple(option_ids), comment or None,
                            str(uuid.uuid4()), on_behalf)
            self._pending[(poll_id, voter_id)] = ballot
        self._send(ballot)
        return ballot

    def retry(self, poll_id: int, voter_id: int) -> bool:
        """Re-send the pending ballot (same ballot_id); False when none is pending."""
        ballot = self._pending.get((poll_id, voter_id))
        if ballot is not None:
            self._send(ballot)
        return ballot is not None

    def forget(self, poll_id: int) -> None:
        """Drop the pending ballots of a poll (it closed: they can no longer count)."""
        for key in [k for k in self._pending if k[0] == poll_id]:
            self._pending.pop(key, None)

    def _send(self, ballot: Ballot) -> None:
        key = (ballot.poll_id, ballot.voter_id)
        if key in self._in_flight:
            return  # one answer at a time; it settles the ballot either way
        self._in_flight.add(key)
        self.sending.emit(*key)
        self._commands.send("poll.vote", ballot.payload(),
                            lambda data: self._answered(ballot, data),
                            lambda code, message: self._refused(ballot, code, message),
                            timeout=self.timeout)

    def _answered(self, ballot: Ballot, data: dict[str, Any]) -> None:
        key = (ballot.poll_id, ballot.voter_id)
        self._in_flight.discard(key)
        if self._pending.get(key) is ballot:
            del self._pending[key]
        receipt = str(data.get("receipt", ""))
        if self.book is not None and receipt:
            self.book.add(ballot.poll_id, ballot.voter_id, receipt)
        self.acknowledged.emit(ballot.poll_id, ballot.voter_id, receipt)

    def _refused(self, ballot: Ballot, code: str, message: str) -> None:
        key = (ballot.poll_id, ballot.voter_id)
        self._in_flight.discard(key)
        if code not in RETRYABLE and self._pending.get(key) is ballot:
            # The server decided (closed, invalid, conflict...): this ballot is settled.
            del self._pending[key]
        self.failed.emit(ballot.poll_id, ballot.voter_id, code, message)

    def _availability(self, available: bool) -> None:
        if available:
            for ballot in list(self._pending.values()):
                self._send(ballot)
