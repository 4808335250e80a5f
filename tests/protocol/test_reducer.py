"""The snapshot reducer: pure, total over unknown types, and right for each event type."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from protocol import events as ev
from protocol.reducer import REDUCERS, Snapshot, apply_event, apply_events, empty_snapshot

CENTRAL, REMOTE = 11, 12


def participant(user_id: int, site_id: int | None, role: str = "delegate",
                online: bool = False) -> dict[str, Any]:
    return {"user_id": user_id, "full_name": f"User {user_id}", "username": f"u{user_id}", "role": role,
            "site_id": site_id, "voting_weight": 1, "attendance": "unknown", "online": online}


def item(item_id: int, position: int, document_ids: list[int] | None = None) -> dict[str, Any]:
    return {"id": item_id, "title": f"Item {item_id}", "position": position, "presenter": None,
            "duration_min": None, "document_ids": document_ids or []}


def document(document_id: int, item_id: int | None, title: str = "Báo cáo") -> dict[str, Any]:
    return {"id": document_id, "title": title, "sha256": "ab" * 32, "pages": 12, "agenda_item_id": item_id,
            "version": 1, "size": 1000, "filename": "bao-cao.pdf", "access": "all", "released": True,
            "uploaded_at": "2026-11-21T01:00:00.000Z", "uploaded_by": 1}


@pytest.fixture
def snap() -> Snapshot:
    base = empty_snapshot(7, user_id=2, role="delegate")
    base["meeting"].update(title="Họp", status="live", current_item_id=101,
                           current_item_started_at="2026-11-21T01:00:00.000Z")
    base["agenda"] = [item(101, 0, [5]), item(102, 1)]
    base["documents"] = [document(5, 101), document(6, None, "Phụ lục")]
    base["sites"] = [{"id": CENTRAL, "name": "Hà Nội", "is_central": True, "online": True},
                     {"id": REMOTE, "name": "Đà Nẵng", "is_central": False, "online": False}]
    base["participants"] = [participant(1, CENTRAL, "chair", online=True), participant(2, CENTRAL),
                            participant(3, REMOTE)]
    base["presenter"] = {"document_id": 5, "page": 1}
    base["conclusions"] = {"102": "Chưa kết luận"}
    base["decisions"] = {"102": "Lùi sang phiên sau"}
    base["conclusion_revisions"] = {"102": 1}
    base["actions"] = [action(31, 101), action(30, None)]
    base["polls"] = [poll(4, voted=[1])]
    return base


def action(action_id: int, item_id: int | None, status: str = "open") -> dict[str, Any]:
    return {"id": action_id, "meeting_id": 7, "agenda_item_id": item_id, "title": "Hoàn thiện Kế hoạch",
            "owner_id": 3, "owner_name": "User 3", "due": "2027-03-31", "status": status,
            "updated_at": "2026-11-21T01:00:00.000Z"}


def event(type_: str, data: dict[str, Any], seq: int = 1) -> dict[str, Any]:
    return {"meeting_id": 7, "seq": seq, "type": type_, "data": data, "at": "2026-11-21T01:00:00.000Z"}


def poll(poll_id: int, status: str = "open", voted: list[int] | None = None) -> dict[str, Any]:
    return {"id": poll_id, "meeting_id": 7, "agenda_item_id": 101, "question": "Thông qua?",
            "options": [{"id": 1, "text": "Tán thành", "comment": False},
                        {"id": 2, "text": "Không tán thành", "comment": False},
                        {"id": 3, "text": "Ý kiến khác", "comment": True}],
            "secret": True, "majority": "simple", "quorum": None, "min_choices": 1, "max_choices": 1,
            "weighted": False, "allow_change": False, "kind": "meeting", "status": status,
            "opened_at": "2026-11-21T01:10:00.000Z", "closes_at": None, "closed_at": None,
            "voter_ids": None, "document_ids": [], "ballots": len(voted or []), "voted": voted or [],
            "by_site": {}, "result": None}


# One event of every type the reducer knows, valid against the fixture.
SAMPLES = [
    event(ev.MEETING_UPDATED, {"meeting": {"title": "Họp mới", "starts_at": "2026-11-21T02:00:00.000Z",
                                           "ends_at": None, "location": "Phòng 2"}}),
    event(ev.MEETING_STATUS_CHANGED, {"status": "ended", "ended_at": "2026-11-21T03:00:00.000Z"}),
    event(ev.AGENDA_CHANGED, {"agenda": [item(102, 0)]}),
    event(ev.AGENDA_CURRENT_CHANGED, {"item_id": 102, "started_at": "2026-11-21T01:30:00.000Z"}),
    event(ev.SITES_CHANGED, {"sites": [{"id": REMOTE, "name": "Đà Nẵng", "is_central": True}]}),
    event(ev.PARTICIPANT_CHANGED, {"participant": participant(2, REMOTE, "observer", online=True)}),
    event(ev.PARTICIPANT_REMOVED, {"user_id": 1}),
    event(ev.CAPABILITIES_CHANGED, {"user_id": 2, "capabilities": ["floor.request", "meeting.take_part"],
                                    "managed_site_id": None}),
    event(ev.PRESENCE_CHANGED, {"user_id": 3, "online": True}),
    event(ev.ATTENDANCE_CHANGED, {"user_id": 3, "attendance": "present"}),
    event(ev.DOCUMENT_ADDED, {"document": document(7, 102)}),
    event(ev.DOCUMENT_UPDATED, {"document": document(5, None, "Báo cáo (sửa)")}),
    event(ev.DOCUMENT_REMOVED, {"document_id": 6}),
    event(ev.PRESENTER_PAGE_CHANGED, {"document_id": 5, "page": 3}),
    event(ev.PRESENTER_STOPPED, {}),
    event(ev.CONCLUSION_UPDATED, {"agenda_item_id": 101, "text": "Thông qua"}),
    event(ev.ACTION_CHANGED, {"action": action(32, 102)}),
    event(ev.ACTION_REMOVED, {"action_id": 31}),
    event(ev.MINUTES_STATUS_CHANGED, {"status": "approved"}),
    event(ev.MINUTES_PUBLISHED, {"version": 1, "sha256": "cd" * 32, "document_id": 9,
                                 "published_at": "2026-11-21T04:00:00.000Z"}),
    event(ev.SPEAKER_QUEUE_CHANGED, {"queue": [
        {"id": 9, "user_id": 3, "kind": "speak", "site_id": REMOTE,
         "requested_at": "2026-11-21T01:05:00.000Z"}]}),
    event(ev.SPEAKER_FLOOR_CHANGED, {"current": None, "speech": {
        "id": 4, "user_id": 3, "site_id": REMOTE, "kind": "speak", "agenda_item_id": 101,
        "started_at": "2026-11-21T01:06:00.000Z", "ended_at": "2026-11-21T01:08:00.000Z", "seconds": 120}}),
    event(ev.POLL_CHANGED, {"poll": poll(2, "draft")}),
    event(ev.POLL_REMOVED, {"poll_id": 4}),
    event(ev.POLL_PROGRESS, {"poll_id": 4, "user_id": 3, "ballots": 2, "by_site": {str(CENTRAL): 1,
                                                                                   str(REMOTE): 1}}),
    event(ev.POLL_CLOSED, {"poll_id": 4, "closed_at": "2026-11-21T01:12:00.000Z",
                           "result": {"counts": {"1": 1}, "ballots": 1, "passed": True}}),
]


def sample(type_: str) -> dict[str, Any]:
    return next(e for e in SAMPLES if e["type"] == type_)

def test_polls_are_listed_by_id_and_replaced_whole(snap: Snapshot) -> None:
    added = apply_events(snap, [event(ev.POLL_CHANGED, {"poll": poll(9, "draft")}),
                                event(ev.POLL_CHANGED, {"poll": poll(2, "draft")})])
    assert [p["id"] for p in added["polls"]] == [2, 4, 9]
    opened = apply_event(added, event(ev.POLL_CHANGED, {"poll": poll(9, "open")}))
    assert [p["status"] for p in opened["polls"]] == ["draft", "open", "open"]
    assert opened["polls"][0] is added["polls"][0]
    assert [p["id"] for p in apply_event(opened, event(ev.POLL_REMOVED, {"poll_id": 2}))["polls"]] == [4, 9]


def test_progress_counts_turnout_and_who_voted_once(snap: Snapshot) -> None:
    progress = {"poll_id": 4, "user_id": 3, "ballots": 2, "by_site": {str(REMOTE): 1, str(CENTRAL): 1}}
    after = apply_event(snap, event(ev.POLL_PROGRESS, progress))
    assert after["polls"][0]["voted"] == [1, 3] and after["polls"][0]["ballots"] == 2
    again = apply_event(after, event(ev.POLL_PROGRESS, {**progress, "ballots": 3}))
    assert again["polls"][0]["voted"] == [1, 3] and again["polls"][0]["ballots"] == 3
    assert apply_event(snap, event(ev.POLL_PROGRESS, {**progress, "poll_id": 99})) is snap


def test_progress_may_list_several_new_voters(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.POLL_PROGRESS, {"poll_id": 4, "user_ids": [1, 3, 2], "user_id": 2,
                                                       "ballots": 3, "by_site": {str(CENTRAL): 2}}))
    assert after["polls"][0]["voted"] == [1, 3, 2] and after["polls"][0]["ballots"] == 3


def test_a_closed_poll_carries_its_result(snap: Snapshot) -> None:
    result = {"counts": {"1": 1, "2": 0, "3": 0}, "ballots": 1, "passed": True, "receipts": ["ab" * 8]}
    after = apply_event(snap, event(ev.POLL_CLOSED, {"poll_id": 4, "result": result,
                                                     "closed_at": "2026-11-21T01:12:00.000Z"}))
    assert after["polls"][0]["status"] == "closed" and after["polls"][0]["result"] == result
    assert after["polls"][0]["closed_at"] == "2026-11-21T01:12:00.000Z"


def test_a_reminder_changes_no_snapshot(snap: Snapshot) -> None:
    reminder = {"poll_id": 4, "closes_at": "2026-11-22T01:00:00.000Z", "user_ids": [3]}
    assert apply_event(snap, event(ev.POLL_REMINDER, reminder)) is snap


def test_the_floor_changes_hands_and_the_ended_speech_is_recorded(snap: Snapshot) -> None:
    current = {"request_id": 9, "user_id": 3, "site_id": REMOTE, "kind": "speak", "agenda_item_id": 101,
               "started_at": "2026-11-21T01:06:00.000Z", "limit_seconds": 120,
               "ends_at": "2026-11-21T01:08:00.000Z"}
    granted = apply_event(snap, event(ev.SPEAKER_FLOOR_CHANGED, {"current": current, "speech": None}))
    assert granted["speakers"]["current"] == current
    assert granted["speakers"]["history"] == []
    speech = {"id": 1, "user_id": 3, "site_id": REMOTE, "kind": "speak", "agenda_item_id": 101,
              "started_at": current["started_at"], "ended_at": "2026-11-21T01:07:30.000Z", "seconds": 90}
    ended = apply_event(granted, event(ev.SPEAKER_FLOOR_CHANGED, {"current": None, "speech": speech}, seq=2))
    assert ended["speakers"] == {"queue": [], "current": None, "history": [speech]}


def test_leaving_an_item_records_its_time(snap: Snapshot) -> None:
    moved = apply_event(snap, event(ev.AGENDA_CURRENT_CHANGED, {
        "item_id": 102, "started_at": "2026-11-21T01:30:00.000Z",
        "previous": {"item_id": 101, "elapsed_seconds": 1800}}))
    assert moved["agenda"][0]["elapsed_seconds"] == 1800
    assert moved["agenda"][1] is snap["agenda"][1]


def test_attendance_carries_its_reason(snap: Snapshot) -> None:
    excused = apply_event(snap, event(ev.ATTENDANCE_CHANGED,
                                      {"user_id": 3, "attendance": "excused", "reason": "Công tác"}))
    assert excused["participants"][2]["attendance_reason"] == "Công tác"


def test_every_reducer_has_a_sample() -> None:
    assert {e["type"] for e in SAMPLES} == set(REDUCERS)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda e: e["type"])
def test_reducer_never_mutates_its_input(snap: Snapshot, sample: dict[str, Any]) -> None:
    before, event_before = copy.deepcopy(snap), copy.deepcopy(sample)
    after = apply_event(snap, sample)
    assert snap == before
    assert sample == event_before
    assert after != before, "every sample changes something"


def test_unknown_event_type_is_ignored(snap: Snapshot) -> None:
    before = copy.deepcopy(snap)
    assert apply_event(snap, event("poll.from_the_future", {"anything": [1, 2]})) is snap
    assert snap == before


def test_untouched_parts_are_shared(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.AGENDA_CURRENT_CHANGED, {"item_id": 102, "started_at": None}))
    assert after["agenda"] is snap["agenda"]
    assert after["participants"] is snap["participants"]
    assert after["meeting"] is not snap["meeting"]


def test_meeting_updated_changes_only_editable_fields(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.MEETING_UPDATED, {"meeting": {
        "title": "Mới", "starts_at": None, "ends_at": None, "location": None, "status": "ended"}}))
    assert after["meeting"]["title"] == "Mới"
    assert after["meeting"]["status"] == "live"


def test_status_changed_records_its_time(snap: Snapshot) -> None:
    after = apply_event(snap, SAMPLES[1])
    assert after["meeting"]["status"] == "ended"
    assert after["meeting"]["ended_at"] == "2026-11-21T03:00:00.000Z"
    assert after["meeting"]["started_at"] is None


def test_agenda_changed_clears_a_removed_current_item(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.AGENDA_CHANGED, {"agenda": [item(102, 0)]}))
    assert after["agenda"] == [item(102, 0)]
    assert [d["agenda_item_id"] for d in after["documents"]] == [None, None]  # 101's document stays
    assert after["meeting"]["current_item_id"] is None
    assert after["meeting"]["current_item_started_at"] is None
    kept = apply_event(snap, event(ev.AGENDA_CHANGED, {"agenda": [item(102, 0), item(101, 1)]}))
    assert kept["meeting"]["current_item_id"] == 101
    assert kept["agenda"][1]["document_ids"] == [5], "document_ids are derived, not taken from the event"


def test_current_changed(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.AGENDA_CURRENT_CHANGED, {"item_id": None, "started_at": None}))
    assert after["meeting"]["current_item_id"] is None


def test_participant_changed_replaces_and_keeps_order(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.PARTICIPANT_CHANGED, {"participant": participant(9, CENTRAL)}))
    assert [p["user_id"] for p in after["participants"]] == [1, 2, 9, 3]
    moved = apply_event(after, SAMPLES[5])  # user 2 (me) to the remote site as observer, online
    assert [p["user_id"] for p in moved["participants"]] == [1, 9, 2, 3]
    assert moved["you"] == {"user_id": 2, "role": "observer", "capabilities": [], "managed_site_id": None}
    assert {s["id"]: s["online"] for s in moved["sites"]} == {CENTRAL: True, REMOTE: True}


def test_participant_removed(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.PARTICIPANT_REMOVED, {"user_id": 1}))
    assert [p["user_id"] for p in after["participants"]] == [2, 3]
    assert {s["id"]: s["online"] for s in after["sites"]} == {CENTRAL: False, REMOTE: False}
    assert after["you"]["role"] == "delegate"
    me_gone = apply_event(snap, event(ev.PARTICIPANT_REMOVED, {"user_id": 2}))
    assert me_gone["you"] == {"user_id": 2, "role": None, "capabilities": [], "managed_site_id": None}


def test_capabilities_changed_applies_only_to_me(snap: Snapshot) -> None:
    mine = apply_event(snap, event(ev.CAPABILITIES_CHANGED, {
        "user_id": 2, "capabilities": ["attendance.record"], "managed_site_id": REMOTE}))
    assert mine["you"] == {"user_id": 2, "role": "delegate", "capabilities": ["attendance.record"],
                           "managed_site_id": REMOTE}
    assert mine["participants"] is snap["participants"]
    theirs = event(ev.CAPABILITIES_CHANGED, {"user_id": 3, "capabilities": [], "managed_site_id": None})
    assert apply_event(snap, theirs) is snap


def test_presence_moves_site_online_state(snap: Snapshot) -> None:
    online = apply_event(snap, event(ev.PRESENCE_CHANGED, {"user_id": 3, "online": True}))
    assert next(p for p in online["participants"] if p["user_id"] == 3)["online"] is True
    assert online["sites"][1]["online"] is True
    offline = apply_event(online, event(ev.PRESENCE_CHANGED, {"user_id": 1, "online": False}))
    assert offline["sites"][0]["online"] is False


def test_sites_changed_derives_online_from_participants(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.SITES_CHANGED, {"sites": [
        {"id": CENTRAL, "name": "Hà Nội", "is_central": True},
        {"id": 13, "name": "Huế", "is_central": False}]}))
    assert after["sites"] == [{"id": CENTRAL, "name": "Hà Nội", "is_central": True, "online": True},
                              {"id": 13, "name": "Huế", "is_central": False, "online": False}]


def test_attendance_changed(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.ATTENDANCE_CHANGED, {"user_id": 3, "attendance": "excused"}))
    assert [p["attendance"] for p in after["participants"]] == ["unknown", "unknown", "excused"]


def test_presenter_and_conclusions(snap: Snapshot) -> None:
    shown = apply_event(snap, event(ev.PRESENTER_PAGE_CHANGED, {"document_id": 5, "page": 3}))
    assert shown["presenter"] == {"document_id": 5, "page": 3}
    assert apply_event(shown, event(ev.PRESENTER_STOPPED, {}))["presenter"] is None
    concluded = apply_event(snap, next(e for e in SAMPLES if e["type"] == ev.CONCLUSION_UPDATED))
    assert concluded["conclusions"] == {"102": "Chưa kết luận", "101": "Thông qua"}
    assert concluded["decisions"] is snap["decisions"], "no decision in the event: it did not change"


def test_a_conclusion_carries_its_decision_and_revision(snap: Snapshot) -> None:
    decided = apply_event(snap, event(ev.CONCLUSION_UPDATED, {
        "agenda_item_id": 101, "text": "Thống nhất", "decision": "Thông qua Kế hoạch", "revision": 3}))
    assert decided["decisions"] == {"102": "Lùi sang phiên sau", "101": "Thông qua Kế hoạch"}
    assert decided["conclusion_revisions"] == {"102": 1, "101": 3}
    cleared = apply_event(decided, event(ev.CONCLUSION_UPDATED, {
        "agenda_item_id": 102, "text": "", "decision": "", "revision": 2}))
    assert cleared["decisions"] == {"101": "Thông qua Kế hoạch"}
    assert cleared["conclusions"]["102"] == ""


def test_action_items_are_ordered_by_item_then_id(snap: Snapshot) -> None:
    assert [a["id"] for a in apply_event(snap, sample(ev.ACTION_CHANGED))["actions"]] == [31, 32, 30]
    done = apply_event(snap, event(ev.ACTION_CHANGED, {"action": action(30, None, "done")}))
    assert [(a["id"], a["status"]) for a in done["actions"]] == [(31, "open"), (30, "done")]
    removed = apply_event(snap, event(ev.ACTION_REMOVED, {"action_id": 31}))
    assert [a["id"] for a in removed["actions"]] == [30]


def test_removing_an_item_drops_its_conclusion_and_frees_its_actions(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.AGENDA_CHANGED, {"agenda": [item(101, 0)]}))
    assert after["conclusions"] == {} and after["decisions"] == {} and after["conclusion_revisions"] == {}
    assert [a["id"] for a in after["actions"]] == [31, 30]
    gone = apply_event(snap, event(ev.AGENDA_CHANGED, {"agenda": [item(102, 0)]}))
    assert gone["conclusions"] is snap["conclusions"]
    assert [(a["id"], a["agenda_item_id"]) for a in gone["actions"]] == [(30, None), (31, None)]


def test_minutes_are_approved_then_published(snap: Snapshot) -> None:
    approved = apply_event(snap, event(ev.MINUTES_STATUS_CHANGED, {"status": "approved"}))
    assert approved["minutes"]["status"] == "approved" and approved["minutes"]["version"] is None
    published = apply_event(approved, sample(ev.MINUTES_PUBLISHED))
    assert published["minutes"] == {"status": "published", "version": 1, "sha256": "cd" * 32,
                                    "document_id": 9, "published_at": "2026-11-21T04:00:00.000Z"}
    redrafted = apply_event(published, event(ev.MINUTES_STATUS_CHANGED, {"status": "draft"}))
    assert redrafted["minutes"] == {**published["minutes"], "status": "draft"}


def test_apply_events_in_order(snap: Snapshot) -> None:
    events = [event(ev.AGENDA_CURRENT_CHANGED, {"item_id": 102, "started_at": None}, seq=1),
              event(ev.AGENDA_CHANGED, {"agenda": [item(101, 0)]}, seq=2),
              event("unknown.type", {}, seq=3)]
    after = apply_events(snap, events)
    assert after["meeting"]["current_item_id"] is None
    assert apply_events(snap, []) is snap


def test_empty_snapshot_has_the_contract_shape() -> None:
    snap = empty_snapshot(1, 2, None)
    assert set(snap) == {"meeting", "agenda", "documents", "sites", "participants", "speakers", "polls",
                         "presenter", "conclusions", "decisions", "conclusion_revisions", "actions",
                         "minutes", "you"}
    assert snap["minutes"] == {"status": "draft", "version": None, "sha256": None, "document_id": None,
                               "published_at": None}
    assert {"id", "title", "status", "current_item_id"} <= set(snap["meeting"])
    assert snap["you"] == {"user_id": 2, "role": None, "capabilities": [], "managed_site_id": None}


def test_documents_are_ordered_by_item_then_id_and_items_list_theirs(snap: Snapshot) -> None:
    added = apply_events(snap, [event(ev.DOCUMENT_ADDED, {"document": document(9, 101)}),
                                event(ev.DOCUMENT_ADDED, {"document": document(8, 102)}),
                                event(ev.DOCUMENT_ADDED, {"document": document(4, None)})])
    assert [d["id"] for d in added["documents"]] == [5, 9, 8, 4, 6]
    assert [i["document_ids"] for i in added["agenda"]] == [[5, 9], [8]]
    moved = apply_event(added, event(ev.DOCUMENT_UPDATED, {"document": document(9, None)}))
    assert [i["document_ids"] for i in moved["agenda"]] == [[5], [8]]
    assert moved["agenda"][1] is added["agenda"][1], "an item whose documents did not change is kept"


def test_a_withheld_update_takes_the_document_away_and_its_presenter(snap: Snapshot) -> None:
    hidden = event(ev.DOCUMENT_UPDATED, {"document_id": 5, "hidden": True})
    after = apply_event(snap, hidden)
    assert [d["id"] for d in after["documents"]] == [6]
    assert after["agenda"][0]["document_ids"] == []
    assert after["presenter"] is None
    unknown = apply_event(snap, event(ev.DOCUMENT_ADDED, {"document_id": 77, "hidden": True}))
    assert unknown["documents"] == snap["documents"] and unknown["presenter"] == snap["presenter"]


def test_removing_the_presented_document_stops_the_presenter(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.DOCUMENT_REMOVED, {"document_id": 5}))
    assert after["presenter"] is None and [d["id"] for d in after["documents"]] == [6]
    other = apply_event(snap, event(ev.DOCUMENT_REMOVED, {"document_id": 6}))
    assert other["presenter"] == snap["presenter"]


def test_a_withheld_page_change_shows_nothing(snap: Snapshot) -> None:
    after = apply_event(snap, event(ev.PRESENTER_PAGE_CHANGED, {"document_id": 8, "hidden": True}))
    assert after["presenter"] is None
