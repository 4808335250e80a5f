"""The floor's commands, shared by the floor page, the strip and the chair console (so they
send the same payloads and agree on the time limit chosen). Who may send them is read in
``ui/actions/rights.py``; the properties here only ask it, for the floor's widgets.

Nothing here changes what is shown: the queues and the speaker change when the server's
``speaker.queue_changed`` / ``speaker.floor_changed`` reach the store.

Who may send what is read from the capabilities the server sends (``MeetingStore.can``),
never worked out here from roles and sites: the server still refuses a target outside a
site secretary's site.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_app.state.floor import LIMIT_CHOICES, moved, queue_of
from meeting_app.state.store import MeetingStore
from meeting_app.ui.actions import rights
from meeting_app.ui.commands import CommandSender
from protocol import commands as c
from protocol.commands.base import Payload

DEFAULT_LIMIT = 180


class FloorActions(QObject):
    """Sends ``speaker.*`` commands for one meeting; see the module docstring."""

    limit_changed = Signal(object)
    """The time limit for the next grant changed (seconds, or None for no limit)."""
    rights_changed = Signal()
    """My capabilities or role, the meeting's status, the connection or the floor holder
    changed."""

    def __init__(self, store: MeetingStore, sender: CommandSender,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.commands = store, sender
        self._limit: int | None = DEFAULT_LIMIT
        for signal in (store.reset, store.role_changed, store.capabilities_changed, store.status_changed,
                       store.speakers_changed, store.participants_changed):
            signal.connect(self.rights_changed)
        sender.availability_changed.connect(self.rights_changed)

    # --- the time limit for the next grant ----------------------------------------------

    @property
    def limit_seconds(self) -> int | None:
        """The limit the next grant gives (None: no limit)."""
        return self._limit

    def set_limit(self, seconds: int | None) -> None:
        """Choose the limit for the next grants (one of ``LIMIT_CHOICES``)."""
        if seconds not in LIMIT_CHOICES:
            raise ValueError(f"not a limit choice: {seconds}")
        if seconds != self._limit:
            self._limit = seconds
            self.limit_changed.emit(seconds)

    # --- rights (read in ui/actions/rights.py) -------------------------------------------

    @property
    def role(self) -> str | None:
        """My role in the meeting."""
        return rights.role(self.store)

    @property
    def usable(self) -> bool:
        """Connected, in a meeting that has not ended."""
        return rights.usable(self.store, self.commands)

    @property
    def live(self) -> bool:
        """Connected, in a meeting under way."""
        return rights.live(self.store, self.commands)

    @property
    def may_request(self) -> bool:
        """Whether I may ask for the floor myself."""
        return rights.may_request_floor(self.store)

    @property
    def is_chair(self) -> bool:
        """Whether I give the floor and extend a speech (the chair)."""
        return rights.may_give_floor(self.store)

    @property
    def may_end(self) -> bool:
        """Whether I may end the current speech (the chair; the speaker, theirs)."""
        return rights.may_end_speech(self.store)

    @property
    def may_act_for_others(self) -> bool:
        """Chair and secretaries: withdraw any request, request on someone's behalf."""
        return rights.may_act_for_others(self.store)

    @property
    def may_reorder(self) -> bool:
        """The chair, and a secretary of the central site (or of no site)."""
        return rights.may_reorder_queue(self.store)

    @property
    def holds_floor(self) -> bool:
        """Whether I am the speaker holding the floor."""
        return rights.holds_floor(self.store)

    def may_withdraw(self, request: dict[str, Any]) -> bool:
        """My own request, or anyone's for the chair and secretaries (the server checks
        a site secretary's site)."""
        return rights.may_withdraw(self.store, request)

    # --- commands ------------------------------------------------------------------------

    def _send(self, command: type[Payload], **fields: Any) -> None:
        """Send ``command`` on this meeting with ``fields`` (checked first: a refusal is
        reported as the server's would be)."""
        payload = self.commands.compose(command, meeting_id=self.store.meeting["id"], **fields)
        if payload is not None:
            self.commands.send(payload)

    def request(self, kind: str, user_id: int | None = None) -> None:
        """Ask for the floor (``kind`` "speak" or "question"), for me or on someone's behalf."""
        extra = {} if user_id is None or user_id == self.store.my_user_id else {"user_id": user_id}
        self._send(c.SpeakerRequestCreate, kind=kind, **extra)

    def withdraw(self, request_id: int) -> None:
        """Take a pending request out of its queue."""
        self._send(c.SpeakerWithdraw, speaker_request_id=request_id)

    def grant(self, request_id: int | None = None, user_id: int | None = None) -> None:
        """Chair: give the floor to a queued request or straight to a participant, with the
        chosen limit."""
        target = {"speaker_request_id": request_id} if request_id is not None else {"user_id": user_id}
        limit = {} if self._limit is None else {"seconds": self._limit}
        self._send(c.SpeakerGrant, **target, **limit)

    def extend(self, seconds: int) -> None:
        """Chair: more time for the speaker."""
        self._send(c.SpeakerExtend, seconds=seconds)

    def end(self) -> None:
        """Chair or the speaker: end the current speech."""
        self._send(c.SpeakerEnd)

    def move(self, request_id: int, delta: int) -> None:
        """Move a request up (-1) or down (+1) in its queue."""
        request = next((r for r in self.store.speakers["queue"] if r["id"] == request_id), None)
        if request is None:
            return
        ids = [r["id"] for r in queue_of(self.store.speakers, request["kind"])]
        order = moved(ids, request_id, delta)
        if order is not None:
            self.reorder(request["kind"], order)

    def reorder(self, kind: str, request_ids: list[int]) -> None:
        """Ask for a new order of one queue (every pending request of that kind)."""
        self._send(c.SpeakerReorder, kind=kind, request_ids=request_ids)
