"""Floor control: requests to speak or question, the floor, speeches, and who may do what.

Every refusal is checked to change nothing (``World.refused``: same seq, no event, the
same snapshot).
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from protocol.reducer import apply_events, empty_snapshot
from server.persistence.models import Speech
from tests.server.world import World


def site_secretary(world: World, site: int = 1, name: str = "secretary2") -> str:
    """A secretary at a remote site of the main meeting."""
    assert world.meeting is not None
    world.add_user(name)
    world.ok("admin", "participant.set", {"meeting_id": world.main, "user_id": world.users[name],
                                          "role": "secretary", "site_id": world.meeting.sites[site]})
    return name


def ask(world: World, user: str, kind: str = "speak", **extra: Any) -> dict[str, Any]:
    answer = world.ok(user, "speaker.request", {"meeting_id": world.main, "kind": kind, **extra})
    return dict(answer["request"])


def speakers(world: World, user: str = "observer") -> dict[str, Any]:
    return dict(world.snapshot(user)["speakers"])


def live(world: World) -> None:
    world.ok("chair", "meeting.start", {"meeting_id": world.main})


def when(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def test_a_request_joins_the_queue_and_everyone_sees_it(world: World) -> None:
    assert world.meeting is not None
    seq = world.seq()
    request = ask(world, "delegate")
    assert request == {"id": request["id"], "user_id": world.users["delegate"], "kind": "speak",
                       "site_id": world.meeting.sites[1], "requested_at": request["requested_at"]}
    assert [(e["type"], e["data"]) for e in world.events(since=seq)] == [
        ("speaker.queue_changed", {"queue": [request]})]
    question = ask(world, "delegate", "question")  # the other list: allowed
    second = ask(world, "delegate2")
    assert speakers(world)["queue"] == [request, question, second]
    assert speakers(world)["current"] is None


def test_bad_requests_change_nothing(world: World) -> None:
    mid = world.main
    ask(world, "delegate")
    world.refused("delegate", "speaker.request", {"meeting_id": mid, "kind": "speak"}, "conflict")
    world.refused("observer", "speaker.request", {"meeting_id": mid, "kind": "speak"}, "forbidden")
    world.refused("delegate", "speaker.request", {"meeting_id": mid, "kind": "speak",
                                                  "user_id": world.users["delegate2"]}, "forbidden")
    world.refused("chair", "speaker.request", {"meeting_id": mid, "kind": "speak",
                                               "user_id": world.users["observer"]}, "forbidden")
    world.refused("chair", "speaker.request", {"meeting_id": mid, "kind": "speak",
                                               "user_id": world.users["newcomer"]}, "not_found")
    world.refused("chair", "speaker.request", {"meeting_id": mid, "kind": "shout"}, "invalid")
    world.refused("outsider", "speaker.request", {"meeting_id": mid, "kind": "speak"}, "not_found")


def test_the_chair_and_secretary_ask_on_someones_behalf(world: World) -> None:
    for_delegate = ask(world, "chair", user_id=world.users["delegate"])
    assert for_delegate["user_id"] == world.users["delegate"]
    world.refused("secretary", "speaker.request", {"meeting_id": world.main, "kind": "speak",
                                                   "user_id": world.users["delegate"]}, "conflict")
    assert ask(world, "secretary", "question", user_id=world.users["delegate2"])["kind"] == "question"


def test_withdrawing(world: World) -> None:
    mid = world.main
    mine = ask(world, "delegate")
    theirs = ask(world, "delegate2")
    for someone_else in ("delegate", "observer"):
        world.refused(someone_else, "speaker.withdraw", {"meeting_id": mid, "request_id": theirs["id"]},
                      "forbidden")
    world.refused("delegate", "speaker.withdraw", {"meeting_id": mid, "request_id": 999_999}, "not_found")
    seq = world.seq()
    world.ok("delegate", "speaker.withdraw", {"meeting_id": mid, "request_id": mine["id"]})
    assert [(e["type"], e["data"]) for e in world.events(since=seq)] == [
        ("speaker.queue_changed", {"queue": [theirs]})]
    world.refused("delegate", "speaker.withdraw", {"meeting_id": mid, "request_id": mine["id"]}, "not_found")
    world.ok("secretary", "speaker.withdraw", {"meeting_id": mid, "request_id": theirs["id"]})
    assert speakers(world)["queue"] == []
    ask(world, "delegate")  # withdrawn, so a new request is welcome


def test_speaker_request_id_names_the_request_and_leaves_request_id_to_idempotency(world: World) -> None:
    """A generic client adds a request_id (text) to every change; the speaking request's id
    then travels as speaker_request_id, and a retry is answered once."""
    mid = world.main
    world.ok("chair", "meeting.start", {"meeting_id": mid})
    mine, theirs = ask(world, "delegate"), ask(world, "delegate2")
    key = str(uuid.uuid4())
    withdraw = {"meeting_id": mid, "speaker_request_id": mine["id"], "request_id": key}
    first = world.run("delegate", "speaker.withdraw", withdraw)
    assert first["ok"] and speakers(world)["queue"] == [theirs]
    seq = world.seq()
    assert world.run("delegate", "speaker.withdraw", withdraw) == first  # a retry: not "not found"
    assert world.seq() == seq
    grant = {"meeting_id": mid, "speaker_request_id": theirs["id"], "request_id": str(uuid.uuid4())}
    granted = world.ok("chair", "speaker.grant", grant)
    seq = world.seq()
    assert world.run("chair", "speaker.grant", grant)["data"] == granted
    assert world.seq() == seq
    assert speakers(world)["current"]["user_id"] == world.users["delegate2"]
    # The id given twice, or not at all, is refused with the field named.
    assert "once" in world.refused("chair", "speaker.grant", {"meeting_id": mid, "speaker_request_id": 1,
                                                               "request_id": 1}, "invalid")
    assert "speaker_request_id" in world.refused("delegate", "speaker.withdraw",
                                                 {"meeting_id": mid, "request_id": key}, "invalid")


def test_granting_the_floor_with_a_limit(world: World) -> None:
    assert world.meeting is not None
    mid = world.main
    request = ask(world, "delegate")
    world.refused("chair", "speaker.grant", {"meeting_id": mid, "request_id": request["id"]}, "conflict")
    live(world)
    world.refused("delegate", "speaker.grant", {"meeting_id": mid, "request_id": request["id"],
                                                "seconds": 120}, "forbidden")
    world.refused("secretary", "speaker.grant", {"meeting_id": mid, "request_id": request["id"]}, "forbidden")
    world.refused("chair", "speaker.grant", {"meeting_id": mid, "request_id": 999_999}, "not_found")
    world.refused("chair", "speaker.grant", {"meeting_id": mid, "request_id": request["id"],
                                             "user_id": world.users["delegate"]}, "invalid")
    seq = world.seq()
    world.ok("chair", "speaker.grant", {"meeting_id": mid, "request_id": request["id"], "seconds": 120})
    gained, queued, floor = world.events(since=seq)
    # The speaker may now present and give the floor back: they are told first.
    assert gained["type"] == "capabilities.changed" and gained["data"]["user_id"] == world.users["delegate"]
    assert {"documents.present", "floor.end"} <= set(gained["data"]["capabilities"])
    you = world.snapshot("delegate")["you"]
    assert gained["data"] == {"user_id": you["user_id"], "capabilities": you["capabilities"],
                              "managed_site_id": None}
    assert queued["type"] == "speaker.queue_changed" and queued["data"] == {"queue": []}
    assert floor["type"] == "speaker.floor_changed" and floor["data"]["speech"] is None
    current = floor["data"]["current"]
    assert current == {"request_id": request["id"], "user_id": world.users["delegate"],
                       "site_id": world.meeting.sites[1], "kind": "speak",
                       "agenda_item_id": world.meeting.items[0], "started_at": current["started_at"],
                       "limit_seconds": 120, "ends_at": current["ends_at"]}
    assert when(current["ends_at"]) - when(current["started_at"]) == timedelta(seconds=120)
    assert speakers(world) == {"queue": [], "current": current, "history": []}
    # The request was granted: withdrawing or granting it again finds no pending request.
    world.refused("delegate", "speaker.withdraw", {"meeting_id": mid, "request_id": request["id"]},
                  "not_found")
    world.refused("chair", "speaker.grant", {"meeting_id": mid, "request_id": request["id"]}, "not_found")


def test_granting_while_someone_speaks_records_their_speech(world: World) -> None:
    assert world.meeting is not None
    mid = world.main
    live(world)
    world.ok("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["delegate"]})
    with world.db.write() as session:  # the delegate has been speaking for 95 s
        speech_row = session.scalars(select(Speech)).one()
        speech_row.started_at -= timedelta(seconds=95)
    started = speakers(world)["current"]["started_at"]
    seq = world.seq()
    world.ok("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["delegate2"],
                                        "seconds": 60})
    *changes, floor = world.events(since=seq)
    assert {e["type"] for e in changes} == {"capabilities.changed"}
    assert {e["data"]["user_id"]: "floor.end" in e["data"]["capabilities"] for e in changes} == {
        world.users["delegate"]: False, world.users["delegate2"]: True}
    speech = floor["data"]["speech"]
    assert speech == {"id": speech["id"], "user_id": world.users["delegate"],
                      "site_id": world.meeting.sites[1], "kind": "speak",
                      "agenda_item_id": world.meeting.items[0], "started_at": started,
                      "ended_at": floor["data"]["current"]["started_at"], "seconds": 95}
    assert floor["data"]["current"]["user_id"] == world.users["delegate2"]
    assert speakers(world)["history"] == [speech]
    world.refused("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["observer"]},
                  "invalid")
    world.refused("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["newcomer"]},
                  "not_found")


def test_extend_and_end(world: World) -> None:
    mid = world.main
    live(world)
    world.refused("chair", "speaker.extend", {"meeting_id": mid, "seconds": 30}, "conflict")
    world.refused("chair", "speaker.end", {"meeting_id": mid}, "conflict")
    world.ok("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["delegate"], "seconds": 60})
    world.ok("chair", "speaker.extend", {"meeting_id": mid, "seconds": 30})
    assert speakers(world)["current"]["limit_seconds"] == 90
    world.refused("delegate", "speaker.extend", {"meeting_id": mid, "seconds": 30}, "forbidden")
    world.refused("delegate2", "speaker.end", {"meeting_id": mid}, "forbidden")
    seq = world.seq()
    world.ok("delegate", "speaker.end", {"meeting_id": mid})  # the speaker gives the floor back
    lost, floor = world.events(since=seq)
    assert lost["data"]["user_id"] == world.users["delegate"]
    assert "floor.end" not in lost["data"]["capabilities"]
    assert floor["data"]["current"] is None
    assert floor["data"]["speech"]["user_id"] == world.users["delegate"]
    # Without a limit, extending sets one: the time spoken so far plus the extra.
    world.ok("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["delegate2"]})
    assert speakers(world)["current"]["limit_seconds"] is None
    world.ok("chair", "speaker.extend", {"meeting_id": mid, "seconds": 45})
    assert 45 <= speakers(world)["current"]["limit_seconds"] <= 46
    world.ok("chair", "speaker.end", {"meeting_id": mid})
    spoke = [s["user_id"] for s in speakers(world)["history"]]
    assert spoke == [world.users["delegate"], world.users["delegate2"]]


def test_the_speaker_may_present(world: World) -> None:
    mid = world.main
    live(world)
    document = world.uploaded("secretary", "Tham luận")
    page = {"meeting_id": mid, "document_id": document["id"], "page": 1}
    world.refused("delegate", "presenter.set_page", page, "forbidden")
    world.ok("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["delegate"]})
    world.ok("delegate", "presenter.set_page", page)
    world.refused("delegate2", "presenter.set_page", page, "forbidden")
    world.ok("delegate", "presenter.stop", {"meeting_id": mid})
    world.ok("chair", "speaker.end", {"meeting_id": mid})
    world.refused("delegate", "presenter.set_page", page, "forbidden")


def test_reorder_one_kind(world: World) -> None:
    mid = world.main
    first, question = ask(world, "delegate"), ask(world, "delegate", "question")
    second = ask(world, "delegate2")
    world.refused("chair", "speaker.reorder", {"meeting_id": mid, "kind": "speak",
                                               "request_ids": [second["id"]]}, "invalid")
    world.refused("chair", "speaker.reorder", {"meeting_id": mid, "kind": "speak",
                                               "request_ids": [second["id"], second["id"]]}, "invalid")
    world.refused("delegate", "speaker.reorder", {"meeting_id": mid, "kind": "speak",
                                                  "request_ids": [second["id"], first["id"]]}, "forbidden")
    sitesec = site_secretary(world)
    world.refused(sitesec, "speaker.reorder", {"meeting_id": mid, "kind": "speak",
                                               "request_ids": [second["id"], first["id"]]}, "forbidden")
    world.ok("secretary", "speaker.reorder", {"meeting_id": mid, "kind": "speak",
                                              "request_ids": [second["id"], first["id"]]})
    assert [r["id"] for r in speakers(world)["queue"]] == [second["id"], question["id"], first["id"]]
    seq = world.seq()
    world.ok("chair", "speaker.reorder", {"meeting_id": mid, "kind": "speak",
                                          "request_ids": [second["id"], first["id"]]})
    assert world.seq() == seq, "the same order changes nothing"


def test_a_site_secretary_acts_for_their_own_site(world: World) -> None:
    mid = world.main
    sitesec = site_secretary(world, site=1)  # the delegate's site; delegate2 is at site 2
    own = ask(world, sitesec, user_id=world.users["delegate"])
    world.refused(sitesec, "speaker.request", {"meeting_id": mid, "kind": "speak",
                                               "user_id": world.users["delegate2"]}, "forbidden")
    other = ask(world, "delegate2")
    world.refused(sitesec, "speaker.withdraw", {"meeting_id": mid, "request_id": other["id"]}, "forbidden")
    world.ok(sitesec, "speaker.withdraw", {"meeting_id": mid, "request_id": own["id"]})


def test_the_speakers_site_and_voice_follow_the_participant(world: World) -> None:
    assert world.meeting is not None
    mid = world.main
    request = ask(world, "delegate")
    world.ok("admin", "participant.set", {"meeting_id": mid, "user_id": world.users["delegate"],
                                          "role": "delegate", "site_id": world.meeting.sites[2]})
    assert speakers(world)["queue"] == [{**request, "site_id": world.meeting.sites[2]}]
    live(world)
    world.ok("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["delegate2"]})
    ask(world, "delegate2", "question")
    world.ok("admin", "participant.set", {"meeting_id": mid, "user_id": world.users["delegate2"],
                                          "role": "observer"})
    assert speakers(world)["current"] is None
    assert [r["user_id"] for r in speakers(world)["queue"]] == [world.users["delegate"]]
    assert [s["user_id"] for s in speakers(world)["history"]] == [world.users["delegate2"]]
    world.ok("admin", "participant.remove", {"meeting_id": mid, "user_id": world.users["delegate"]})
    assert speakers(world)["queue"] == []
    assert_events_replay(world)


def assert_events_replay(world: World, viewer: str = "chair") -> None:
    """Every event of the meeting, applied from the empty state, gives the server's speakers."""
    replayed = apply_events(empty_snapshot(world.main, world.users[viewer], None), world.events_for(viewer))
    assert replayed["speakers"] == world.snapshot(viewer)["speakers"]


def test_ending_the_meeting_ends_the_speech_and_closes_the_floor(world: World) -> None:
    assert world.meeting is not None
    mid = world.main
    request = ask(world, "delegate2")
    live(world)
    world.ok("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["delegate"]})
    seq = world.seq()
    world.ok("chair", "meeting.end", {"meeting_id": mid})
    types = [e["type"] for e in world.events(since=seq)]
    assert types == ["meeting.status_changed", "capabilities.changed", "speaker.floor_changed",
                     "agenda.current_changed"]
    assert world.events()[-1]["data"]["previous"]["item_id"] == world.meeting.items[0]
    assert world.snapshot("chair")["meeting"]["current_item_id"] is None
    assert_events_replay(world)
    snap = speakers(world)
    assert snap["current"] is None and [s["user_id"] for s in snap["history"]] == [world.users["delegate"]]
    for command, payload in [("speaker.request", {"kind": "question"}),
                             ("speaker.withdraw", {"request_id": request["id"]}),
                             ("speaker.grant", {"request_id": request["id"]}),
                             ("speaker.end", {}), ("speaker.extend", {"seconds": 10}),
                             ("speaker.reorder", {"kind": "speak", "request_ids": [request["id"]]})]:
        world.refused("chair", command, {"meeting_id": mid, **payload}, "closed")
