"""The snapshot reducer: the pure function that applies one event to a snapshot.

The server builds snapshots from its database; clients keep one and apply each event to
it. Both must agree: applying events a..b to the snapshot at a gives the snapshot at b
(tested against the real server's snapshot builder). The reducer never mutates its input:
it returns a new snapshot that shares the parts the event did not touch, so a store can
compare old and new parts by identity to know what changed.

Unknown event types leave the snapshot as it is, so an older client survives a newer
server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from protocol import events as ev

Snapshot = dict[str, Any]
Event = dict[str, Any]

MEETING_FIELDS = ("title", "starts_at", "ends_at", "location")


def empty_snapshot(meeting_id: int, user_id: int, role: str | None) -> Snapshot:
    """A snapshot with no content, the shape every snapshot has."""
    return {
        "meeting": {
            "id": meeting_id,
            "title": "",
            "status": "scheduled",
            "current_item_id": None,
            "current_item_started_at": None,
            "starts_at": None,
            "ends_at": None,
            "location": None,
            "started_at": None,
            "ended_at": None,
        },
        "agenda": [],
        "documents": [],
        "sites": [],
        "participants": [],
        "speakers": {"queue": [], "current": None},
        "polls": [],
        "presenter": None,
        "conclusions": {},
        "you": {"user_id": user_id, "role": role},
    }


def site_online(participants: list[dict[str, Any]], site_id: int) -> bool:
    """A site is online while at least one of its participants is."""
    return any(p["online"] for p in participants if p["site_id"] == site_id)


def _with_site_presence(snap: Snapshot, participants: list[dict[str, Any]]) -> Snapshot:
    sites = [
        site if site["online"] == (online := site_online(participants, site["id"]))
        else {**site, "online": online}
        for site in snap["sites"]
    ]
    return {**snap, "participants": participants, "sites": sites}


def _meeting_updated(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    fields = {k: v for k, v in data["meeting"].items() if k in MEETING_FIELDS}
    return {**snap, "meeting": {**snap["meeting"], **fields}}


def _status_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    meeting = {**snap["meeting"], "status": data["status"]}
    for key in ("started_at", "ended_at"):
        if key in data:
            meeting[key] = data[key]
    return {**snap, "meeting": meeting}


def _agenda_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    agenda = data["agenda"]
    meeting = snap["meeting"]
    if meeting["current_item_id"] not in {item["id"] for item in agenda}:
        meeting = {**meeting, "current_item_id": None, "current_item_started_at": None}
    return {**snap, "agenda": agenda, "meeting": meeting}


def _current_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    meeting = {
        **snap["meeting"],
        "current_item_id": data["item_id"],
        "current_item_started_at": data.get("started_at"),
    }
    return {**snap, "meeting": meeting}


def _sites_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    sites = [{**site, "online": site_online(snap["participants"], site["id"])}
             for site in data["sites"]]
    return {**snap, "sites": sites}


def _participant_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    changed = data["participant"]
    participants = [p for p in snap["participants"] if p["user_id"] != changed["user_id"]]
    participants.append(changed)
    participants.sort(key=participant_sort_key)
    result = _with_site_presence(snap, participants)
    if snap["you"]["user_id"] == changed["user_id"]:
        result["you"] = {**snap["you"], "role": changed["role"]}
    return result


def _participant_removed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    user_id = data["user_id"]
    participants = [p for p in snap["participants"] if p["user_id"] != user_id]
    result = _with_site_presence(snap, participants)
    if snap["you"]["user_id"] == user_id:
        result["you"] = {**snap["you"], "role": None}
    return result


def _patch_participant(snap: Snapshot, user_id: int, **fields: Any) -> Snapshot:
    participants = [
        {**p, **fields} if p["user_id"] == user_id else p for p in snap["participants"]
    ]
    return _with_site_presence(snap, participants)


def _presence_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return _patch_participant(snap, data["user_id"], online=data["online"])


def _attendance_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return _patch_participant(snap, data["user_id"], attendance=data["attendance"])


def _presenter_page_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return {**snap, "presenter": {"document_id": data["document_id"], "page": data["page"]}}


def _presenter_stopped(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return {**snap, "presenter": None}


def _conclusion_updated(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return {**snap, "conclusions": {**snap["conclusions"], str(data["agenda_item_id"]): data["text"]}}


REDUCERS: dict[str, Callable[[Snapshot, dict[str, Any]], Snapshot]] = {
    ev.MEETING_UPDATED: _meeting_updated,
    ev.MEETING_STATUS_CHANGED: _status_changed,
    ev.AGENDA_CHANGED: _agenda_changed,
    ev.AGENDA_CURRENT_CHANGED: _current_changed,
    ev.SITES_CHANGED: _sites_changed,
    ev.PARTICIPANT_CHANGED: _participant_changed,
    ev.PARTICIPANT_REMOVED: _participant_removed,
    ev.PRESENCE_CHANGED: _presence_changed,
    ev.ATTENDANCE_CHANGED: _attendance_changed,
    ev.PRESENTER_PAGE_CHANGED: _presenter_page_changed,
    ev.PRESENTER_STOPPED: _presenter_stopped,
    ev.CONCLUSION_UPDATED: _conclusion_updated,
}


def participant_sort_key(participant: dict[str, Any]) -> tuple[int, int]:
    """Participants are listed by site, then by user id, on both sides."""
    return (participant["site_id"] or 0, participant["user_id"])


def apply_event(snapshot: Snapshot, event: Event) -> Snapshot:
    """Return the snapshot after ``event``; the input is left untouched."""
    reducer = REDUCERS.get(event["type"])
    return reducer(snapshot, event["data"]) if reducer else snapshot


def apply_events(snapshot: Snapshot, events: Iterable[Event]) -> Snapshot:
    """Apply events in order."""
    for event in events:
        snapshot = apply_event(snapshot, event)
    return snapshot
