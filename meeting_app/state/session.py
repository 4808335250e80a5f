"""One open meeting: its connection, store, clock, commands and outbox, shared by every
window of that meeting.

``MeetingSessions`` (one per signed-in user) makes a ``MeetingSession`` the first time a
meeting is opened and hands the same one to every other window of that meeting (the room,
its console and display, the preparation dialog, the standalone display). Each window
``hold``s it while it is open and ``release``s it when it closes; the last release leaves the
meeting and stops the connection. No window builds a connection or a store.

Typical use::

    meeting = sessions.open(meeting_id)        # or reused, if already open
    meeting.hold(window)
    meeting.store.agenda_changed.connect(...)
    meeting.send(c.AgendaSetCurrent(meeting_id=meeting.meeting_id, item_id=3))
    meeting.enter()                            # join and connect (once)
    ...
    meeting.release(window)                    # the last one closes it
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_app.state.ballots import BallotSender
from meeting_app.state.clock import ServerClock
from meeting_app.state.commands import CommandSender
from meeting_app.state.drafts import DraftStore
from meeting_app.state.outbox import Outbox
from meeting_app.state.store import MeetingStore


class MeetingSession(CommandSender):
    """One open meeting (see the module docstring). It is the meeting's ``CommandSender``:
    ``send``, ``refused``, ``available``, ``availability_changed`` and ``describe`` are its own.
    """

    joined = Signal(int)
    """The meeting id, once ``join`` named the meeting (a new meeting, after its creation)."""
    closed = Signal(object)
    """The last window released it: its connection stopped (the meeting id, or None)."""

    def __init__(self, meeting_id: int | None, connection: Any, outbox_path: Path | None = None,
                 key: bytes | None = None, parent: QObject | None = None) -> None:
        """``connection``: a ``net.connection.Connection`` not yet started (or a stand-in);
        ``outbox_path``: where unsent changes are kept (sealed with ``key``)."""
        super().__init__(connection, parent)
        self.meeting_id = meeting_id
        self.connection = connection
        self.store = MeetingStore(self)
        self.outbox = Outbox(connection, outbox_path, self, key)
        self.drafts = DraftStore(self.outbox)
        self.ballots = BallotSender(self)
        self._holders: list[object] = []
        self._started = self._closed = False
        # The one feed of the store and the clock. (A test's stand-in connection may have
        # only ``status_changed`` and ``command``.)
        for name, slot in (("snapshot_received", self._snapshot), ("event_received", self.store.apply),
                           ("server_time_observed", self.store.observe_server_time)):
            signal = getattr(connection, name, None)
            if signal is not None:
                signal.connect(slot)

    @property
    def clock(self) -> ServerClock:
        """The server's time (fed by this session's connection)."""
        return self.store.clock

    # --- life ----------------------------------------------------------------------------

    def enter(self) -> None:
        """Join the meeting (if it has an id) and connect; does nothing the second time."""
        if self._started or self._closed:
            return
        self._started = True
        if self.meeting_id is not None:
            self.connection.join_meeting(self.meeting_id)  # made as soon as the socket is up
        self.connection.start()

    def join(self, meeting_id: int) -> None:
        """Name the meeting (one just created) and join it."""
        self.meeting_id = meeting_id
        self.connection.join_meeting(meeting_id)
        self.joined.emit(meeting_id)

    def hold(self, owner: object) -> MeetingSession:
        """``owner`` (a window) uses this session until it calls ``release``."""
        if owner not in self._holders:
            self._holders.append(owner)
        return self

    def release(self, owner: object) -> None:
        """``owner`` is done; the last one closes the session."""
        if owner in self._holders:
            self._holders.remove(owner)
        if not self._holders:
            self.close()

    @property
    def holders(self) -> int:
        """How many windows use this session."""
        return len(self._holders)

    def close(self) -> None:
        """Leave the meeting and stop the connection (unsent changes stay on disk)."""
        if self._closed:
            return
        self._closed = True
        self.connection.stop()
        self.closed.emit(self.meeting_id)

    @property
    def is_closed(self) -> bool:
        return self._closed

    # --- from the connection -------------------------------------------------------------

    def _snapshot(self, meeting_id: int, seq: int, snapshot: dict[str, Any]) -> None:
        if meeting_id == self.meeting_id:
            self.store.load(seq, snapshot)


MeetingFactory = Callable[[int | None], MeetingSession]
"""Makes a new session for a meeting id (None: a meeting not created yet)."""


class MeetingSessions(QObject):
    """The open meetings of one signed-in user: one ``MeetingSession`` per meeting."""

    def __init__(self, factory: MeetingFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = factory
        self._open: dict[int, MeetingSession] = {}

    def open(self, meeting_id: int | None) -> MeetingSession:
        """The session of ``meeting_id`` (made now, or the one already open). None: a new
        session for a meeting still to be created; it is listed once it ``join``s one."""
        found = self._open.get(meeting_id) if meeting_id is not None else None
        if found is not None and not found.is_closed:
            return found
        made = self._factory(meeting_id)
        if meeting_id is not None:
            self._open[meeting_id] = made
        made.joined.connect(lambda joined, made=made: self._open.setdefault(joined, made))
        made.closed.connect(lambda _id, made=made: self._forget(made))
        return made

    def get(self, meeting_id: int) -> MeetingSession | None:
        """The open session of a meeting, if any."""
        return self._open.get(meeting_id)

    def all(self) -> list[MeetingSession]:
        """Every open session."""
        return list(self._open.values())

    def close_all(self) -> None:
        """Close every session (signing out)."""
        for session in list(self._open.values()):
            session.close()

    def _forget(self, session: MeetingSession) -> None:
        for key in [k for k, v in self._open.items() if v is session]:
            del self._open[key]
