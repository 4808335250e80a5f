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

MEETING_FIELDS = ("title", "starts_at", "ends_at", "location", "quorum_rule")


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
            "quorum_rule": "more_than_half",
        },
        "agenda": [],
        "documents": [],
        "sites": [],
        "participants": [],
        "speakers": {"queue": [], "current": None, "history": []},
        "polls": [],
        "presenter": None,
        "conclusions": {},
        "decisions": {},
        "conclusion_revisions": {},
        "actions": [],
        "minutes": empty_minutes(),
        "you": {"user_id": user_id, "role": role, "capabilities": [], "managed_site_id": None},
    }


def empty_minutes() -> dict[str, Any]:
    """The snapshot's ``minutes`` before anything was approved or published."""
    return {"status": "draft", "version": None, "sha256": None, "document_id": None, "published_at": None}


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
    item_ids = {item["id"] for item in agenda}
    meeting = snap["meeting"]
    if meeting["current_item_id"] not in item_ids:
        meeting = {**meeting, "current_item_id": None, "current_item_started_at": None}
    # A removed item's documents stay, attached to no item (the server's ON DELETE SET NULL).
    documents = [
        doc if doc["agenda_item_id"] is None or doc["agenda_item_id"] in item_ids
        else {**doc, "agenda_item_id": None}
        for doc in snap["documents"]
    ]
    result = _with_documents({**snap, "agenda": agenda, "meeting": meeting,
                              "speakers": _speeches_off_removed_items(snap["speakers"], item_ids)}, documents)
    def off_item(poll: dict[str, Any]) -> bool:
        return poll.get("agenda_item_id") is not None and poll["agenda_item_id"] not in item_ids

    if any(off_item(p) for p in snap["polls"]):  # a vote on a removed item stays, on no item
        result["polls"] = [{**p, "agenda_item_id": None} if off_item(p) else p for p in snap["polls"]]
    # A removed item's conclusion goes with it; its action items stay, attached to no item.
    keys = {str(item_id) for item_id in item_ids}
    for part in ("conclusions", "decisions", "conclusion_revisions"):
        if any(key not in keys for key in snap[part]):
            result[part] = {key: value for key, value in snap[part].items() if key in keys}
    if any(a["agenda_item_id"] is not None and a["agenda_item_id"] not in item_ids for a in snap["actions"]):
        result["actions"] = sorted(
            (a if a["agenda_item_id"] is None or a["agenda_item_id"] in item_ids
             else {**a, "agenda_item_id": None} for a in snap["actions"]), key=action_sort_key)
    return result


def _speeches_off_removed_items(speakers: dict[str, Any], item_ids: set[int]) -> dict[str, Any]:
    """Speeches on a removed item stay, on no item (the server's ON DELETE SET NULL)."""
    def detach(speech: dict[str, Any] | None) -> dict[str, Any] | None:
        if speech is None or speech["agenda_item_id"] is None or speech["agenda_item_id"] in item_ids:
            return speech
        return {**speech, "agenda_item_id": None}

    current = detach(speakers.get("current"))
    history = speakers.get("history") or []
    if current is speakers.get("current") and all(detach(s) is s for s in history):
        return speakers  # unchanged: the store's identity check sees no change
    return {**speakers, "current": current, "history": [detach(s) for s in history]}


def _current_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    meeting = {
        **snap["meeting"],
        "current_item_id": data["item_id"],
        "current_item_started_at": data.get("started_at"),
    }
    result = {**snap, "meeting": meeting}
    previous = data.get("previous")
    if previous is not None:  # the item left behind, with its time spent so far
        result["agenda"] = [
            {**item, "elapsed_seconds": previous["elapsed_seconds"]} if item["id"] == previous["item_id"]
            else item
            for item in snap["agenda"]
        ]
    return result


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


def _capabilities_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    """What I may do, as the server worked it out (nobody else's is kept)."""
    if snap["you"]["user_id"] != data["user_id"]:
        return snap
    return {**snap, "you": {**snap["you"], "capabilities": data["capabilities"],
                            "managed_site_id": data.get("managed_site_id")}}


def _patch_participant(snap: Snapshot, user_id: int, **fields: Any) -> Snapshot:
    participants = [
        {**p, **fields} if p["user_id"] == user_id else p for p in snap["participants"]
    ]
    return _with_site_presence(snap, participants)


def _presence_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return _patch_participant(snap, data["user_id"], online=data["online"])


def _attendance_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return _patch_participant(snap, data["user_id"], attendance=data["attendance"],
                              attendance_reason=data.get("reason"))


def document_sort_key(document: dict[str, Any]) -> tuple[bool, int, int]:
    """Documents are listed by agenda item id (those attached to none last), then by id."""
    item = document["agenda_item_id"]
    return (item is None, item or 0, document["id"])


def agenda_with_document_ids(agenda: list[dict[str, Any]], documents: list[dict[str, Any]]
                             ) -> list[dict[str, Any]]:
    """Each item's ``document_ids``: the documents attached to it, in the documents' order.

    Derived, never sent: it differs per receiver (the documents each may read), so the
    server's ``agenda.changed`` does not fill it in. Items whose ids did not change are
    kept as they are (same objects).
    """
    attached: dict[int, list[int]] = {}
    for doc in documents:
        if doc["agenda_item_id"] is not None:
            attached.setdefault(doc["agenda_item_id"], []).append(doc["id"])
    items = [
        item if item.get("document_ids") == (ids := attached.get(item["id"], []))
        else {**item, "document_ids": ids}
        for item in agenda
    ]
    return agenda if all(a is b for a, b in zip(items, agenda, strict=True)) else items


def _with_documents(snap: Snapshot, documents: list[dict[str, Any]]) -> Snapshot:
    documents = sorted(documents, key=document_sort_key)
    return {**snap, "documents": documents, "agenda": agenda_with_document_ids(snap["agenda"], documents)}


def _hidden_id(data: dict[str, Any]) -> int | None:
    """The document id of a withheld event's data, or None when the data is whole."""
    return data["document_id"] if data.get(ev.HIDDEN) else None


def _without_document(snap: Snapshot, document_id: int) -> Snapshot:
    """The document gone; a presenter showing it stops."""
    result = snap
    if any(doc["id"] == document_id for doc in snap["documents"]):
        result = _with_documents(snap, [doc for doc in snap["documents"] if doc["id"] != document_id])
    presenter = snap["presenter"]
    if presenter is not None and presenter["document_id"] == document_id:
        result = {**result, "presenter": None}
    return result


def _document_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    """``document.added`` and ``document.updated``: add or replace it; the withheld form
    takes it away (its receiver may no longer read it)."""
    hidden = _hidden_id(data)
    if hidden is not None:
        return _without_document(snap, hidden)
    changed = data["document"]
    documents = [doc for doc in snap["documents"] if doc["id"] != changed["id"]]
    documents.append(changed)
    return _with_documents(snap, documents)


def _document_removed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return _without_document(snap, data["document_id"])


def _presenter_page_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    if _hidden_id(data) is not None:
        return {**snap, "presenter": None}  # the presented document is not one we may read
    return {**snap, "presenter": {"document_id": data["document_id"], "page": data["page"]}}


def _presenter_stopped(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return {**snap, "presenter": None}


def _conclusion_updated(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    key = str(data["agenda_item_id"])
    result = {**snap, "conclusions": {**snap["conclusions"], key: data["text"]}}
    if "decision" in data:  # absent: the decision did not change
        decisions = {k: v for k, v in snap["decisions"].items() if k != key}
        if data["decision"]:
            decisions[key] = data["decision"]
        result["decisions"] = decisions
    if "revision" in data:
        result["conclusion_revisions"] = {**snap["conclusion_revisions"], key: data["revision"]}
    return result


def action_sort_key(action: dict[str, Any]) -> tuple[bool, int, int]:
    """Action items are listed by agenda item id (those of no item last), then by id."""
    item = action["agenda_item_id"]
    return (item is None, item or 0, action["id"])


def _action_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    changed = data["action"]
    actions = [a for a in snap["actions"] if a["id"] != changed["id"]]
    actions.append(changed)
    return {**snap, "actions": sorted(actions, key=action_sort_key)}


def _action_removed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return {**snap, "actions": [a for a in snap["actions"] if a["id"] != data["action_id"]]}


def _minutes_status_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return {**snap, "minutes": {**snap["minutes"], "status": data["status"]}}


def _minutes_published(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    minutes = {"status": "published", "version": data["version"], "sha256": data["sha256"],
               "document_id": data["document_id"], "published_at": data["published_at"]}
    return {**snap, "minutes": minutes}


def _speaker_queue_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return {**snap, "speakers": {**snap["speakers"], "queue": data["queue"]}}


def _speaker_floor_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    speakers = {**snap["speakers"], "current": data["current"]}
    if data.get("speech") is not None:  # the speech that just ended, for the record
        speakers["history"] = [*snap["speakers"]["history"], data["speech"]]
    return {**snap, "speakers": speakers}


def poll_sort_key(poll: dict[str, Any]) -> int:
    """Polls are listed by id (the order they were created in), on both sides."""
    return int(poll["id"])


def _patch_poll(snap: Snapshot, poll_id: int, patch: Callable[[dict[str, Any]], dict[str, Any]]) -> Snapshot:
    if all(poll["id"] != poll_id for poll in snap["polls"]):
        return snap
    return {**snap, "polls": [patch(poll) if poll["id"] == poll_id else poll for poll in snap["polls"]]}


def _poll_changed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    changed = data["poll"]
    polls = [poll for poll in snap["polls"] if poll["id"] != changed["id"]]
    polls.append(changed)
    polls.sort(key=poll_sort_key)
    return {**snap, "polls": polls}


def _poll_removed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return {**snap, "polls": [poll for poll in snap["polls"] if poll["id"] != data["poll_id"]]}


def _poll_progress(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    """New ballots: the turnout, and who voted (never what). ``user_ids`` lists the voters
    since the last progress, in order (``user_id`` alone: one voter)."""
    new = data.get("user_ids") or [data["user_id"]]

    def patch(poll: dict[str, Any]) -> dict[str, Any]:
        voted = [*poll["voted"], *(user_id for user_id in new if user_id not in poll["voted"])]
        return {**poll, "ballots": data["ballots"], "by_site": data["by_site"], "voted": voted}
    return _patch_poll(snap, data["poll_id"], patch)


def _poll_closed(snap: Snapshot, data: dict[str, Any]) -> Snapshot:
    return _patch_poll(snap, data["poll_id"], lambda poll: {
        **poll, "status": "closed", "result": data["result"], "closed_at": data["closed_at"]})


REDUCERS: dict[str, Callable[[Snapshot, dict[str, Any]], Snapshot]] = {
    ev.MEETING_UPDATED: _meeting_updated,
    ev.MEETING_STATUS_CHANGED: _status_changed,
    ev.AGENDA_CHANGED: _agenda_changed,
    ev.AGENDA_CURRENT_CHANGED: _current_changed,
    ev.SITES_CHANGED: _sites_changed,
    ev.PARTICIPANT_CHANGED: _participant_changed,
    ev.PARTICIPANT_REMOVED: _participant_removed,
    ev.CAPABILITIES_CHANGED: _capabilities_changed,
    ev.PRESENCE_CHANGED: _presence_changed,
    ev.ATTENDANCE_CHANGED: _attendance_changed,
    ev.DOCUMENT_ADDED: _document_changed,
    ev.DOCUMENT_UPDATED: _document_changed,
    ev.DOCUMENT_REMOVED: _document_removed,
    ev.PRESENTER_PAGE_CHANGED: _presenter_page_changed,
    ev.PRESENTER_STOPPED: _presenter_stopped,
    ev.CONCLUSION_UPDATED: _conclusion_updated,
    ev.SPEAKER_QUEUE_CHANGED: _speaker_queue_changed,
    ev.SPEAKER_FLOOR_CHANGED: _speaker_floor_changed,
    ev.ACTION_CHANGED: _action_changed,
    ev.ACTION_REMOVED: _action_removed,
    ev.MINUTES_STATUS_CHANGED: _minutes_status_changed,
    ev.MINUTES_PUBLISHED: _minutes_published,
    ev.POLL_CHANGED: _poll_changed,
    ev.POLL_REMOVED: _poll_removed,
    ev.POLL_PROGRESS: _poll_progress,
    ev.POLL_CLOSED: _poll_closed,
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
