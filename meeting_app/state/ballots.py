"""Sending ballots so that none is lost and none counts twice.

Each ballot gets a client-made ``ballot_id`` (a UUID). Until the server acknowledges it,
the ballot stays *pending*, with its choice fixed, in the meeting's outbox
(``state/outbox.py``): a retry (by hand, by the outbox after a timeout, or when the
connection comes back) re-sends exactly the same payload with the same ballot_id, and the
server answers a repeat with the first ballot's receipt. A new choice for the same voter
gets a new ballot_id only once the pending one is settled.

A ballot waits in memory only (``durable=False``): its choice is never written to disk,
like the receipt book that keeps receipts and never choices.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from meeting_app.net.envelopes import LocalErrorCode
from meeting_app.state.outbox import Entry, Outbox
from protocol import commands as c

RETRYABLE = frozenset({"timeout", "offline", "internal", "unavailable"})
"""Answers after which the ballot may or may not have been counted: keep it and retry."""
KEY_PREFIX = "ballot:"


class Receipts(Protocol):
    """Where receipts are filed (``ui.votes.receipts.ReceiptBook``)."""

    def add(self, poll_id: int, voter_id: int, receipt: str) -> None: ...


class BallotSession(Protocol):
    """What the sender needs of the meeting's session."""

    outbox: Outbox
    refused: Any

    @property
    def available(self) -> bool: ...

    def describe(self, code: str, message: str) -> str: ...


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

    def command(self) -> c.PollVote:
        """The ``poll.vote`` command."""
        fields: dict[str, Any] = {"poll_id": self.poll_id, "option_ids": list(self.option_ids),
                                  "ballot_id": self.ballot_id}
        if self.comment:
            fields["comment"] = self.comment
        if self.on_behalf:
            fields["voter_id"] = self.voter_id
        return c.PollVote(**fields)

    def payload(self) -> dict[str, Any]:
        """The ``poll.vote`` payload (the fields set, as on the wire)."""
        return self.command().model_dump(mode="json", exclude_unset=True)

    @property
    def key(self) -> str:
        """Its key in the outbox: one pending ballot per poll and voter."""
        return ballot_key(self.poll_id, self.voter_id)


def ballot_key(poll_id: int, voter_id: int) -> str:
    return f"{KEY_PREFIX}{poll_id}:{voter_id}"


class BallotSender(QObject):
    """Sends ballots through the session's outbox, keeps the unacknowledged ones, files the
    receipts."""

    acknowledged = Signal(int, int, str)
    """(poll_id, voter_id, receipt)."""
    failed = Signal(int, int, str, str)
    """(poll_id, voter_id, code, message); the ballot is still pending if the code is retryable."""
    sending = Signal(int, int)
    """(poll_id, voter_id): a ballot went out (first time or retry)."""

    def __init__(self, session: BallotSession, book: Receipts | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.outbox = session.outbox
        self.book = book
        self.timeout = 10.0
        """Seconds to wait for an acknowledgement before offering a retry."""
        self._pending: dict[str, Ballot] = {}
        self.outbox.sending.connect(self._sending)
        self.outbox.answered.connect(self._answered)
        self.outbox.deferred.connect(self._deferred)

    def pending(self, poll_id: int, voter_id: int) -> Ballot | None:
        """The ballot sent for ``voter_id`` and not yet acknowledged, if any."""
        return self._pending.get(ballot_key(poll_id, voter_id))

    def in_flight(self, poll_id: int, voter_id: int) -> bool:
        """Whether an answer for that ballot is awaited right now."""
        return self.outbox.in_flight(ballot_key(poll_id, voter_id))

    def vote(self, poll_id: int, voter_id: int, option_ids: list[int], comment: str | None,
             on_behalf: bool) -> Ballot:
        """Send a new ballot, or re-send the pending one for this voter unchanged."""
        ballot = self._pending.get(ballot_key(poll_id, voter_id))
        if ballot is not None:
            self._send(ballot)
            return ballot
        ballot = Ballot(poll_id, voter_id, tuple(option_ids), comment or None,
                        str(uuid.uuid4()), on_behalf)
        self._pending[ballot.key] = ballot
        self._put(ballot)
        self._unsent(ballot)
        return ballot

    def retry(self, poll_id: int, voter_id: int) -> bool:
        """Re-send the pending ballot (same ballot_id); False when none is pending."""
        ballot = self._pending.get(ballot_key(poll_id, voter_id))
        if ballot is not None:
            self._send(ballot)
        return ballot is not None

    def forget(self, poll_id: int) -> None:
        """Drop the pending ballots of a poll (it closed: they can no longer count)."""
        for key in [k for k, b in self._pending.items() if b.poll_id == poll_id]:
            self._pending.pop(key, None)
            self.outbox.drop(key)

    def _send(self, ballot: Ballot) -> None:
        if self.outbox.in_flight(ballot.key):
            return  # one answer at a time; it settles the ballot either way
        if self.outbox.entry(ballot.key) is None:  # it was dropped (a closed poll): back in
            self._put(ballot)
        else:
            self.outbox.release(ballot.key)
        self._unsent(ballot)

    def _put(self, ballot: Ballot) -> None:
        self.outbox.put(ballot.key, c.PollVote.command, ballot.payload(), retry=tuple(sorted(RETRYABLE)),
                        durable=False, timeout=self.timeout)

    def _unsent(self, ballot: Ballot) -> None:
        """Not connected: say so at once (the ballot is kept and goes when the link is back)."""
        if not self._session.available and not self.outbox.in_flight(ballot.key):
            message = self._session.describe(LocalErrorCode.OFFLINE, "")
            self._session.refused.emit(message)
            self.failed.emit(ballot.poll_id, ballot.voter_id, LocalErrorCode.OFFLINE, message)

    def _ballot(self, entry: Entry) -> Ballot | None:
        key = str(entry.get("key", ""))
        if not key.startswith(KEY_PREFIX):
            return None
        ballot = self._pending.get(key)
        if ballot is None or entry["payload"].get("ballot_id") != ballot.ballot_id:
            return None
        return ballot

    def _sending(self, entry: Entry) -> None:
        ballot = self._ballot(entry)
        if ballot is not None:
            self.sending.emit(ballot.poll_id, ballot.voter_id)

    def _answered(self, entry: Entry, envelope: dict[str, Any]) -> None:
        ballot = self._ballot(entry)
        if ballot is None:
            return
        del self._pending[ballot.key]
        if envelope.get("ok"):
            receipt = str((envelope.get("data") or {}).get("receipt", ""))
            if self.book is not None and receipt:
                self.book.add(ballot.poll_id, ballot.voter_id, receipt)
            self.acknowledged.emit(ballot.poll_id, ballot.voter_id, receipt)
        else:  # the server decided (closed, invalid, conflict...): this ballot is settled
            self._report(ballot, envelope)

    def _deferred(self, entry: Entry, envelope: dict[str, Any]) -> None:
        ballot = self._ballot(entry)
        if ballot is not None:  # still pending: sent again by the outbox, or by hand
            self._report(ballot, envelope)

    def _report(self, ballot: Ballot, envelope: dict[str, Any]) -> None:
        error = envelope.get("error") or {}
        code = str(error.get("code", "internal"))
        message = self._session.describe(code, str(error.get("message", "")))
        self._session.refused.emit(message)
        self.failed.emit(ballot.poll_id, ballot.voter_id, code, message)
