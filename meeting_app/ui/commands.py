"""Sending commands from a window: ``CommandSender`` now lives in ``meeting_app.state.commands``
(the meeting's ``MeetingSession`` is one); kept here for the callers not yet moved."""

from __future__ import annotations

from meeting_app.state.commands import DEFAULT_TIMEOUT, CommandSender, Envelope, PendingAnswer

__all__ = ["DEFAULT_TIMEOUT", "CommandSender", "Envelope", "PendingAnswer"]
