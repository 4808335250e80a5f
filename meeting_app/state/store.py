"""The store: one meeting's snapshot, reduced with the protocol's reducer.

The connection hands it a snapshot and then every event in seq order without gaps (it
catches up by itself); the store applies each with ``protocol.reducer`` and emits one
signal per kind of change, so that a widget repaints only what changed. The reducer
shares the parts an event did not touch, so a part that is the same object is unchanged.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from meeting_app.state import polls as poll_rules
from meeting_app.state.clock import ServerClock
from protocol.capabilities import Capability
from protocol.reducer import Snapshot, apply_event, empty_minutes

CONCLUSION_PARTS = ("conclusions", "decisions", "conclusion_revisions")
"""The snapshot parts ``conclusions_changed`` reports on."""


def _scope(snapshot: Snapshot) -> tuple[Any, Any]:
    you = snapshot["you"]
    return you.get("capabilities"), you.get("managed_site_id")


class MeetingStore(QObject):
    """The state of the open meeting, as the server last told it."""

    reset = Signal()
    """A whole new snapshot (after joining, or a catch-up too long to replay)."""
    meeting_changed = Signal()
    """Title, times, place or status of the meeting."""
    status_changed = Signal(str)
    agenda_changed = Signal()
    current_item_changed = Signal(object)
    """The id of the new current agenda item, or None."""
    participants_changed = Signal()
    sites_changed = Signal()
    role_changed = Signal(object)
    """My role in this meeting (None when I was removed from it)."""
    capabilities_changed = Signal()
    """What I may do here (``can``) or the site my rights over others reach changed. The
    server sends it before the change that caused it (my role, the floor), so a view that
    redraws on ``role_changed`` or ``speakers_changed`` reads the new capabilities too."""
    documents_changed = Signal()
    """The documents I may read: added, removed, renamed, moved, released, new versions."""
    presenter_changed = Signal(object)
    """The presented page ``{"document_id", "page"}`` (0-based), or None: nobody presents."""
    speakers_changed = Signal()
    """The speaking queues, the speaker who holds the floor, or the record of speeches."""
    conclusions_changed = Signal()
    """An agenda item's conclusion, decision or conclusion revision."""
    actions_changed = Signal()
    """The meeting's action items: added, edited, removed."""
    minutes_changed = Signal()
    """The minutes' status (draft, approved, published) or published version."""
    polls_changed = Signal()
    """A poll was created, edited, removed, opened, voted on (turnout) or closed."""
    event_applied = Signal(dict)
    """Every event, after it was applied (for logs and notifications)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._snapshot: Snapshot | None = None
        self._seq = 0
        self.clock = ServerClock()
        """The server's time, for countdowns (fed by the connection's answers)."""

    # --- input -------------------------------------------------------------------------

    @Slot(str, float)
    def observe_server_time(self, server_time: str, rtt_seconds: float) -> None:
        """Teach the clock from an answer stamped with the server's time (the connection's
        ``server_time_observed``). A slot of the store, not the clock's own method: Qt then
        drops the answers still queued when the store goes, where a plain Python method is
        held only weakly and could be called on a clock already freed."""
        self.clock.observe(server_time, rtt_seconds)

    def load(self, seq: int, snapshot: Snapshot) -> None:
        """Replace everything with a fresh snapshot taken at ``seq``."""
        self._snapshot, self._seq = snapshot, seq
        self.reset.emit()
        for signal in (self.meeting_changed, self.agenda_changed, self.participants_changed,
                       self.sites_changed, self.documents_changed, self.speakers_changed,
                       self.conclusions_changed, self.actions_changed, self.minutes_changed,
                       self.polls_changed):
            signal.emit()
        self.status_changed.emit(snapshot["meeting"]["status"])
        self.current_item_changed.emit(snapshot["meeting"]["current_item_id"])
        self.role_changed.emit(snapshot["you"]["role"])
        self.capabilities_changed.emit()
        self.presenter_changed.emit(snapshot.get("presenter"))

    def apply(self, event: dict[str, Any]) -> None:
        """Apply the next event; events at or below the current seq are ignored."""
        if self._snapshot is None or event["seq"] <= self._seq:
            return
        before, after = self._snapshot, apply_event(self._snapshot, event)
        self._snapshot, self._seq = after, event["seq"]
        self._announce(before, after)
        self.event_applied.emit(event)

    def announce_all(self) -> None:
        """Say every part changed, without a change: the views show it again (in another
        language, say). Unlike a reset, selections, the current item and the presented
        page stay as they are."""
        if self._snapshot is None:
            return
        for signal in (self.meeting_changed, self.agenda_changed, self.participants_changed,
                       self.sites_changed, self.documents_changed, self.speakers_changed,
                       self.conclusions_changed, self.actions_changed, self.minutes_changed,
                       self.polls_changed):
            signal.emit()
        self.role_changed.emit(self._snapshot["you"]["role"])
        self.capabilities_changed.emit()

    def clear(self) -> None:
        """Forget the meeting (after leaving it)."""
        self._snapshot, self._seq = None, 0
        self.reset.emit()
        self.capabilities_changed.emit()
        self.documents_changed.emit()
        self.presenter_changed.emit(None)
        self.polls_changed.emit()

    def _announce(self, before: Snapshot, after: Snapshot) -> None:
        old, new = before["meeting"], after["meeting"]
        if old is not new:
            self.meeting_changed.emit()
            if old["status"] != new["status"]:
                self.status_changed.emit(new["status"])
            if old["current_item_id"] != new["current_item_id"]:
                self.current_item_changed.emit(new["current_item_id"])
        if before["agenda"] is not after["agenda"]:
            self.agenda_changed.emit()
        if before["participants"] is not after["participants"]:
            self.participants_changed.emit()
        if before["sites"] is not after["sites"]:
            self.sites_changed.emit()
        if before["you"]["role"] != after["you"]["role"]:
            self.role_changed.emit(after["you"]["role"])
        if _scope(before) != _scope(after):
            self.capabilities_changed.emit()
        if before.get("documents") is not after.get("documents"):
            self.documents_changed.emit()
        if before.get("presenter") is not after.get("presenter"):
            self.presenter_changed.emit(after.get("presenter"))
        if before.get("speakers") is not after.get("speakers"):
            self.speakers_changed.emit()
        if any(before.get(key) is not after.get(key) for key in CONCLUSION_PARTS):
            self.conclusions_changed.emit()
        if before.get("actions") is not after.get("actions"):
            self.actions_changed.emit()
        if before.get("minutes") is not after.get("minutes"):
            self.minutes_changed.emit()
        if before.get("polls") is not after.get("polls"):
            self.polls_changed.emit()

    # --- reading -----------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._snapshot is not None

    @property
    def seq(self) -> int:
        """The seq of the last event applied."""
        return self._seq

    @property
    def snapshot(self) -> Snapshot:
        """The whole reduced state (read-only by convention: never mutate it)."""
        if self._snapshot is None:
            raise LookupError("no meeting is loaded")
        return self._snapshot

    @property
    def meeting(self) -> dict[str, Any]:
        return self.snapshot["meeting"]

    @property
    def agenda(self) -> list[dict[str, Any]]:
        return self.snapshot["agenda"] if self._snapshot else []

    @property
    def participants(self) -> list[dict[str, Any]]:
        return self.snapshot["participants"] if self._snapshot else []

    @property
    def sites(self) -> list[dict[str, Any]]:
        return self.snapshot["sites"] if self._snapshot else []

    @property
    def my_role(self) -> str | None:
        return self.snapshot["you"]["role"] if self._snapshot else None

    @property
    def my_user_id(self) -> int | None:
        return self.snapshot["you"]["user_id"] if self._snapshot else None

    # --- what I may do (the server works it out: docs/protocol.md, "Capabilities") --------

    def can(self, capability: Capability) -> bool:
        """Whether I hold ``capability`` in this meeting (False with no meeting loaded).

        It says I may ask; the server may still refuse a particular target (someone of
        another site for a site secretary: ``managed_site_id``)."""
        you = self._snapshot["you"] if self._snapshot is not None else {}
        return capability.value in you.get("capabilities", ())

    @property
    def capabilities(self) -> frozenset[Capability]:
        """Every capability I hold here (unknown names from a newer server are left out)."""
        if self._snapshot is None:
            return frozenset()
        known = {c.value for c in Capability}
        return frozenset(Capability(name) for name in self._snapshot["you"].get("capabilities", ())
                         if name in known)

    @property
    def managed_site_id(self) -> int | None:
        """The one site whose participants my rights over others reach (a site secretary's
        own site), or None: they are not limited to a site."""
        return self._snapshot["you"].get("managed_site_id") if self._snapshot else None

    @property
    def current_item(self) -> dict[str, Any] | None:
        """The agenda item under discussion, or None."""
        if self._snapshot is None:
            return None
        current = self.meeting["current_item_id"]
        return next((item for item in self.agenda if item["id"] == current), None)

    def item_by_id(self, item_id: int) -> dict[str, Any] | None:
        return next((item for item in self.agenda if item["id"] == item_id), None)

    @property
    def documents(self) -> list[dict[str, Any]]:
        """The documents I may read (chair and secretary: also those not released)."""
        return list(self._snapshot.get("documents") or []) if self._snapshot else []

    def document_by_id(self, document_id: int | None) -> dict[str, Any] | None:
        """One document I may read, or None."""
        return next((d for d in self.documents if d["id"] == document_id), None)

    @property
    def presenter(self) -> dict[str, Any] | None:
        """The presented page ``{"document_id", "page"}``, or None."""
        return self._snapshot.get("presenter") if self._snapshot else None

    def participant(self, user_id: int | None) -> dict[str, Any] | None:
        """A participant by user id, or None."""
        return next((p for p in self.participants if p["user_id"] == user_id), None)

    @property
    def speakers(self) -> dict[str, Any]:
        """``{"queue": [...], "current": {...} | None, "history": [...]}``."""
        empty: dict[str, Any] = {"queue": [], "current": None, "history": []}
        return (self._snapshot.get("speakers") or empty) if self._snapshot else empty

    @property
    def floor_holder_id(self) -> int | None:
        """The user id of the speaker who holds the floor, or None."""
        current = self.speakers.get("current")
        return current.get("user_id") if isinstance(current, dict) else None

    # --- conclusions, action items, minutes --------------------------------------------

    def conclusion(self, item_id: int) -> str:
        """An agenda item's conclusion (Markdown), "" when there is none."""
        part = self._snapshot.get("conclusions") if self._snapshot else None
        return str((part or {}).get(str(item_id)) or "")

    def decision(self, item_id: int) -> str:
        """An agenda item's decision (plain text), "" when there is none."""
        part = self._snapshot.get("decisions") if self._snapshot else None
        return str((part or {}).get(str(item_id)) or "")

    def conclusion_revision(self, item_id: int) -> int:
        """The revision of an item's stored conclusion (0: none yet)."""
        part = self._snapshot.get("conclusion_revisions") if self._snapshot else None
        value = (part or {}).get(str(item_id))
        return int(value) if isinstance(value, int) else 0

    @property
    def actions(self) -> list[dict[str, Any]]:
        """The meeting's action items (by agenda item, then id)."""
        return list(self._snapshot.get("actions") or []) if self._snapshot else []

    def actions_for(self, item_id: int | None) -> list[dict[str, Any]]:
        """The action items of one agenda item (None: those of no item)."""
        return [a for a in self.actions if a.get("agenda_item_id") == item_id]

    @property
    def minutes(self) -> dict[str, Any]:
        """``{"status": "draft"|"approved"|"published", "version", "sha256", "document_id",
        "published_at"}`` (``version`` None: never published)."""
        part = self._snapshot.get("minutes") if self._snapshot else None
        return {**empty_minutes(), **(part or {})}

    @property
    def polls(self) -> list[dict[str, Any]]:
        """The meeting's polls (drafts, open and closed), by id."""
        return list(self._snapshot.get("polls") or []) if self._snapshot else []

    def poll_by_id(self, poll_id: int | None) -> dict[str, Any] | None:
        """One poll, or None."""
        return poll_rules.poll_by_id(self.polls, poll_id)

    @property
    def open_poll(self) -> dict[str, Any] | None:
        """The poll being voted now (one at a time in the room), or None."""
        return poll_rules.open_poll(self.polls)

    def has_voted(self, poll: dict[str, Any], user_id: int | None = None) -> bool:
        """Whether ``user_id`` (default: me) has a ballot in ``poll``."""
        return poll_rules.has_voted(poll, self.my_user_id if user_id is None else user_id)

    def may_vote_as(self, poll: dict[str, Any]) -> list[dict[str, Any]]:
        """The participants I may cast a ballot for: myself, then the members I represent."""
        return poll_rules.may_vote_as(poll, self.participants, self.my_user_id)

    def still_to_vote(self, poll: dict[str, Any]) -> list[dict[str, Any]]:
        """Those I may vote for who have not voted yet (none unless the poll is open)."""
        return poll_rules.still_to_vote(poll, self.participants, self.my_user_id)

    @property
    def speaker(self) -> dict[str, Any] | None:
        """Who holds the floor: ``{"user_id", "site_id", "kind", "started_at",
        "limit_seconds", "ends_at", ...}``, or None."""
        current = self.speakers.get("current")
        return current if isinstance(current, dict) else None

    @property
    def speaking_site_id(self) -> int | None:
        """The site of the speaker holding the floor (to highlight it), or None."""
        speaker = self.speaker
        return speaker.get("site_id") if speaker else None

    def site(self, site_id: int | None) -> dict[str, Any] | None:
        """A site by id, or None."""
        return next((s for s in self.sites if s["id"] == site_id), None)
