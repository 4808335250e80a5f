"""The rights table over people (tests/server/authz_targets.py), cell by cell.

For every row and actor: a fresh meeting with the cast the table describes (everyone
checked in and online) and a fresh meeting the actor takes no part in; the command is
aimed at each target in turn (oneself last: it may take the actor out). A refused command
must log nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from tests.server.authz_targets import ACTORS, TARGET_RULE, TARGET_RULES, TARGETS, TargetRule
from tests.server.world import World

USER = {"site secretary": "sitesec"}
"""The World user who plays an actor (the same name, but for these)."""
CAST = {"chair": ("chair", 0), "secretary": ("secretary", 0), "sitesec": ("secretary", 1),
        "delegate": ("delegate", 1), "observer": ("observer", 0), "peer0": ("delegate", 0),
        "peer1": ("delegate", 1), "peer2": ("delegate", 2), "peerp": ("delegate", 0)}
"""Who sits where in the meeting: role and site (0 the central site)."""
FOREIGN_CAST = {"outsider": ("chair", 0), "peerf": ("delegate", 1), "peerp": ("delegate", 0)}


@dataclass
class Place:
    meeting_id: int
    sites: list[int]
    site_of: dict[str, int]
    """Each participant's site, as an index into ``sites``."""


def _meeting(world: World, cast: dict[str, tuple[str, int]]) -> Place:
    created = world.ok("admin", "meeting.create", {
        "title": "Họp kiểm tra quyền", "starts_at": "2026-11-21T01:00:00Z",
        "sites": ["Trung tâm", "Điểm cầu 1", "Điểm cầu 2"]})["meeting"]
    place = Place(created["id"], [s["id"] for s in created["sites"]], {})
    for name, (role, site) in cast.items():
        if name not in world.users:
            world.add_user(name)
        world.ok("admin", "participant.set", {"meeting_id": place.meeting_id, "user_id": world.users[name],
                                              "role": role, "site_id": place.sites[site]})
        place.site_of[name] = site
        world.ok(name, "attendance.check_in", {"meeting_id": place.meeting_id})
        world.ok(name, "meeting.join", {"meeting_id": place.meeting_id}, sid=world.connect(name))
    world.ok("admin", "meeting.start", {"meeting_id": place.meeting_id})
    return place


def _target(actor: str, target: str, place: Place, foreign: Place) -> tuple[str, Place]:
    """The user aimed at, and the meeting they are in."""
    user = USER.get(actor, actor)
    remote = place.site_of.get(user, 0) != 0
    if target == "self":
        return user, place
    if target == "same site":
        return ("peer1" if remote else "peer0"), place
    if target == "other site":
        return ("peer0" if remote else "peer2"), place
    return "peerf", foreign


def _payload(world: World, rule: TargetRule, actor: str, name: str, where: Place) -> dict[str, Any]:
    user_id, me = world.users[name], world.users[USER.get(actor, actor)]
    base = {"meeting_id": where.meeting_id, "user_id": user_id}
    role = CAST.get(name, FOREIGN_CAST.get(name, ("delegate", 0)))[0]
    site = where.site_of.get(name, 0)
    return {
        "set-role": lambda: {**base, "role": "observer"},
        "grant-chair": lambda: {**base, "role": "chair"},
        "set-weight": lambda: {**base, "role": role, "voting_weight": 5},
        "move-site": lambda: {**base, "role": role, "site_id": where.sites[2 if site == 0 else 0]},
        "remove": lambda: base,
        "mark-absent": lambda: {**base, "status": "absent", "reason": "Vắng"},
        "proxy-self": lambda: {**base, "proxy_user_id": me},
        "proxy-other": lambda: {**base, "proxy_user_id": world.users["peerp"],
                                "authorisation": "Giấy ủy quyền số 5/GUQ"},
        "speak-for": lambda: {"meeting_id": where.meeting_id, "kind": "speak", "user_id": user_id},
        "give-floor": lambda: {"meeting_id": where.meeting_id, "user_id": user_id, "seconds": 60},
    }[rule.key]()


def _attempts(world: World, rule: TargetRule, actor: str) -> dict[str, str]:
    place, foreign = _meeting(world, CAST), _meeting(world, FOREIGN_CAST)
    user = USER.get(actor, actor)
    sid = world.connect(user)
    got = {}
    for target in (*TARGETS[1:], TARGETS[0]):  # oneself last
        name, where = _target(actor, target, place, foreign)
        before = world.seq(where.meeting_id)
        answer = world.run(user, rule.command, _payload(world, rule, actor, name, where), sid=sid)
        if answer["ok"]:
            got[target] = "ok"
        else:
            got[target] = str(answer["error"]["code"])
            assert world.seq(where.meeting_id) == before, f"{actor} {rule.key} {target}: a refusal changed it"
    return got


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
@pytest.mark.parametrize("key", [rule.key for rule in TARGET_RULES])
def test_rights_over_people(world: World, key: str) -> None:
    rule = TARGET_RULE[key]
    world.add_user("sitesec")
    got = {(actor, target): outcome for actor in ACTORS
           for target, outcome in _attempts(world, rule, actor).items()}
    expected = {(actor, target): rule.outcome(actor, target) for actor, target in got}
    assert got == expected, {k: (got[k], expected[k]) for k in got if got[k] != expected[k]}


def test_every_command_that_names_a_participant_has_a_row() -> None:
    from protocol.commands import COMMANDS

    naming = {name for name, model in COMMANDS.items()
              if "user_id" in model.model_fields and "meeting_id" in model.model_fields}
    assert naming == {rule.command for rule in TARGET_RULES}
