"""Rights that cannot be escalated (issue 17, points 2 and 4), replayed as they were found:
a secretary who makes himself a weighty delegate, a site secretary who makes himself chair
or reaches into the central site, and a secretary who marks a present member absent to vote
in their place. Each attack is refused and changes nothing; what is allowed is shown to the
chair and audited. The whole table: tests/server/test_authz_targets.py."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from server.persistence.models import AuditEntry
from server.transport.broadcast import UserDelivery
from server.transport.decoding import decode
from tests.server.test_floor import site_secretary
from tests.server.voting import close, live, opened
from tests.server.world import World


def people(world: World) -> dict[int, dict[str, Any]]:
    return {p["user_id"]: p for p in world.snapshot("admin")["participants"]}


def audit(world: World, action: str) -> list[dict[str, Any]]:
    with world.db.read() as session:
        return [dict(d) for d in session.scalars(select(AuditEntry.details).where(AuditEntry.action == action)
                                                 .order_by(AuditEntry.id))]


def test_a_secretary_cannot_make_himself_a_weighty_delegate(world: World) -> None:
    me = {"meeting_id": world.main, "user_id": world.users["secretary"]}
    message = world.refused("secretary", "participant.set", {**me, "role": "delegate", "voting_weight": 1000},
                            "forbidden")
    assert "own role" in message
    world.refused("secretary", "participant.set", {**me, "role": "secretary", "voting_weight": 1000},
                  "forbidden")
    world.refused("secretary", "participant.remove", me, "forbidden")
    # An organiser who takes no part yet may join as chair or secretary (the creator chairs
    # their meeting), at the default weight; then their part is not theirs to change.
    admin = {"meeting_id": world.main, "user_id": world.users["admin"]}
    world.refused("admin", "participant.set", {**admin, "role": "delegate"}, "forbidden")
    world.refused("admin", "participant.set", {**admin, "role": "chair", "voting_weight": 9}, "forbidden")
    world.ok("admin", "participant.set", {**admin, "role": "chair"})
    world.refused("admin", "participant.set", {**admin, "role": "secretary"}, "forbidden")
    world.refused("admin", "participant.remove", admin, "forbidden")


def test_a_secretary_never_grants_chair_or_secretary_nor_sets_weights(world: World) -> None:
    base = {"meeting_id": world.main, "user_id": world.users["delegate"]}
    for role in ("chair", "secretary"):
        assert "organiser" in world.refused("secretary", "participant.set", {**base, "role": role},
                                            "forbidden")
    world.refused("secretary", "participant.set", {**base, "role": "delegate", "voting_weight": 5},
                  "forbidden")
    # Nor changes or removes the chair.
    chair = {"meeting_id": world.main, "user_id": world.users["chair"]}
    world.refused("secretary", "participant.set", {**chair, "role": "observer"}, "forbidden")
    world.refused("secretary", "participant.remove", chair, "forbidden")
    # What a secretary does: delegates and observers, their weight left as it is.
    world.ok("secretary", "participant.set", {**base, "role": "observer", "voting_weight": 1})
    world.ok("secretary", "participant.set", {"meeting_id": world.main, "user_id": world.users["newcomer"],
                                              "role": "delegate"})
    assert people(world)[world.users["newcomer"]]["voting_weight"] == 1
    # The organiser grants chair and secretary and sets weights.
    world.ok("organizer", "participant.set", {**base, "role": "delegate", "voting_weight": 5})
    world.ok("organizer", "participant.set", {"meeting_id": world.main, "user_id": world.users["newcomer"],
                                              "role": "secretary"})
    assert people(world)[world.users["delegate"]]["voting_weight"] == 5


def test_a_site_secretary_stays_on_their_site(world: World) -> None:
    assert world.meeting is not None
    central, hcm, _danang = world.meeting.sites
    sitesec = site_secretary(world, site=1)
    me = {"meeting_id": world.main, "user_id": world.users[sitesec]}
    world.refused(sitesec, "participant.set", {**me, "role": "chair"}, "forbidden")
    world.refused(sitesec, "participant.set", {**me, "role": "secretary", "site_id": central}, "forbidden")
    # Central participants: their role, weight, removal.
    chair_site = {"meeting_id": world.main, "user_id": world.users["observer"]}  # the central site
    world.refused(sitesec, "participant.set", {**chair_site, "role": "delegate"}, "forbidden")
    world.refused(sitesec, "participant.remove", chair_site, "forbidden")
    # Their own site's delegate: not moved away.
    own = {"meeting_id": world.main, "user_id": world.users["delegate"], "role": "delegate"}
    assert "another site" in world.refused(sitesec, "participant.set", {**own, "site_id": central},
                                           "forbidden")
    world.ok(sitesec, "participant.set", {**own, "role": "observer", "site_id": hcm})
    # Someone new joins their site, even unnamed.
    newcomer = {"meeting_id": world.main, "user_id": world.users["newcomer"], "role": "delegate"}
    added = world.ok(sitesec, "participant.set", newcomer)["participant"]
    assert added["site_id"] == hcm


def test_weights_and_members_do_not_change_while_a_poll_is_open(world: World) -> None:
    live(world)
    poll = opened(world)
    change = {"meeting_id": world.main, "user_id": world.users["delegate2"], "role": "delegate"}
    assert "poll is open" in world.refused("organizer", "participant.set", {**change, "voting_weight": 3},
                                           "conflict")
    world.ok("organizer", "participant.set", {**change, "voting_weight": 1})  # the same weight: no change
    # Nor who is a member: a delegate made observer, removed, or someone new as delegate.
    assert "member" in world.refused("organizer", "participant.set", {**change, "role": "observer"},
                                     "conflict")
    world.refused("organizer", "participant.remove", {"meeting_id": world.main, "user_id": change["user_id"]},
                  "conflict")
    world.refused("secretary", "participant.set", {**change, "user_id": world.users["newcomer"]}, "conflict")
    world.ok("secretary", "participant.set", {**change, "user_id": world.users["newcomer"],
                                              "role": "observer"})
    close(world, poll["id"])
    world.ok("organizer", "participant.set", {**change, "voting_weight": 3})


def test_the_chair_sees_each_role_or_weight_change_of_a_live_meeting(world: World) -> None:
    target = {"meeting_id": world.main, "user_id": world.users["delegate"]}
    world.ok("organizer", "participant.set", {**target, "role": "delegate", "voting_weight": 2})
    assert "change" not in world.events()[-1]["data"], "before the meeting: the organiser prepares it"
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    seq = world.seq()
    world.ok("organizer", "participant.set", {**target, "role": "delegate", "voting_weight": 4})
    world.ok("secretary", "participant.set", {**target, "role": "observer"})
    world.ok("secretary", "participant.set", {"meeting_id": world.main, "user_id": world.users["newcomer"],
                                              "role": "delegate"})
    changes = [e["data"].get("change") for e in world.events(since=seq) if e["type"] == "participant.changed"]
    assert changes == [
        {"by": world.users["organizer"], "role": ["delegate", "delegate"], "voting_weight": [2, 4]},
        {"by": world.users["secretary"], "role": ["delegate", "observer"], "voting_weight": [4, 4]},
        {"by": world.users["secretary"], "role": [None, "delegate"], "voting_weight": [None, 1]}]
    entries = audit(world, "participant.set")[-3:]
    assert [(e["before"]["voting_weight"], e["voting_weight"], e["live"]) for e in entries] == [
        (2, 4, True), (4, 4, True), (None, 1, True)]


def test_a_secretary_cannot_vote_in_a_present_members_place(world: World) -> None:
    live(world)
    delegate, secretary = world.users["delegate"], world.users["secretary"]
    world.ok("delegate", "meeting.join", {"meeting_id": world.main}, sid=world.connect("delegate"))
    mark = {"meeting_id": world.main, "user_id": delegate, "status": "absent"}
    assert "chair" in world.refused("secretary", "attendance.set", mark, "forbidden")
    proxy = {"meeting_id": world.main, "user_id": delegate, "proxy_user_id": secretary}
    world.refused("secretary", "attendance.set_proxy", proxy, "forbidden")
    world.refused("secretary", "attendance.set_proxy", {**proxy, "authorisation": "tự ghi"}, "forbidden")
    # The chair may mark them absent; still no proxy without the member's written word.
    world.ok("chair", "attendance.set", mark)
    assert "authorisation" in world.refused("chair", "attendance.set_proxy", proxy, "invalid")
    world.refused("chair", "attendance.set_proxy", {**proxy, "proxy_user_id": world.users["chair"],
                                                    "authorisation": "Giấy số 3"}, "forbidden")
    world.ok("chair", "attendance.set_proxy", {**proxy, "authorisation": "Giấy ủy quyền số 3/GUQ"})
    assert audit(world, "attendance.set_proxy")[-1] == {
        "user_id": delegate, "before": None, "proxy_user_id": secretary, "by_member": False,
        "authorisation": "Giấy ủy quyền số 3/GUQ"}
    # An offline member marked present stays a secretary's to record.
    world.ok("secretary", "attendance.set", {**mark, "user_id": world.users["delegate2"]})


def test_a_member_names_their_proxy_and_sees_that_it_voted(world: World) -> None:
    live(world, present=("chair", "delegate2"))
    delegate, delegate2 = world.users["delegate"], world.users["delegate2"]
    world.ok("delegate", "attendance.set_proxy", {"meeting_id": world.main, "user_id": delegate,
                                                  "proxy_user_id": delegate2})
    assert people(world)[delegate]["proxy_id"] == delegate2
    assert audit(world, "attendance.set_proxy")[-1]["by_member"] is True
    # The proxy cannot name himself for someone else either.
    world.refused("delegate2", "attendance.set_proxy", {"meeting_id": world.main, "proxy_user_id": delegate2,
                                                        "user_id": world.users["chair"]}, "forbidden")
    poll = opened(world)

    def cast(user: str, **extra: Any) -> list[tuple[int, str, dict[str, Any]]]:
        """Vote as ``user`` through the pipeline's unit of work: the user events it sends."""
        spec, model = decode("poll.vote", ({"poll_id": poll["id"], "option_ids": [1],
                                                            "ballot_id": str(uuid.uuid4()), **extra},))
        envelope, sent = world.pipeline.work.execute(spec, model, f"sid-{user}", world.conns[user])
        assert envelope["ok"], envelope
        return [(s.user_id, s.envelope["type"], s.envelope["data"])
                for s in sent if isinstance(s, UserDelivery)]

    assert cast("delegate2", voter_id=delegate) == [
        (delegate, "poll.proxy_voted", {"poll_id": poll["id"], "proxy_id": delegate2})]
    assert cast("delegate2") == [], "a member voting for themself is told nothing"
