"""Who may run each poll command: the contract's roles, checked for every actor."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from tests.server.test_permissions import ACTORS, allowed
from tests.server.world import MeetingHandle, World

Prepare = Callable[[World, MeetingHandle], dict[str, Any]]


def draft(world: World, m: MeetingHandle) -> dict[str, Any]:
    return dict(world.ok("admin", "poll.create", {"meeting_id": m.id, "question": "Thông qua?",
                                                  "secret": False, "majority": "simple"})["poll"])


def opened(world: World, m: MeetingHandle) -> dict[str, Any]:
    poll = draft(world, m)
    world.ok("admin", "meeting.start", {"meeting_id": m.id})
    for user in ("chair", "delegate", "secretary"):
        world.ok(user, "attendance.check_in", {"meeting_id": m.id})
    world.ok("admin", "poll.open", {"poll_id": poll["id"]})
    return poll


HIDDEN = ("organizer", "outsider")
Body = Callable[[MeetingHandle, dict[str, Any]], dict[str, Any]]
MANAGERS = allowed("admin", "chair", "secretary", hidden=HIDDEN)
MATRIX: list[tuple[str, Prepare, Body, dict[str, str]]] = [
    ("poll.create", lambda w, m: {}, lambda m, p: {"meeting_id": m.id, "question": "Q?", "secret": True,
                                                   "majority": "absolute"},
     allowed("admin", "chair", "secretary", hidden=HIDDEN)),
    ("poll.update", draft, lambda m, p: {"poll_id": p["id"], "question": "Sửa?"},
     allowed("admin", "chair", "secretary", hidden=HIDDEN)),
    ("poll.delete", draft, lambda m, p: {"poll_id": p["id"]}, MANAGERS),
    ("poll.check", draft, lambda m, p: {"poll_id": p["id"]}, MANAGERS),
    ("poll.open", lambda w, m: (w.ok("admin", "meeting.start", {"meeting_id": m.id}), draft(w, m))[1],
     lambda m, p: {"poll_id": p["id"]}, allowed("admin", "chair", hidden=HIDDEN)),
    ("poll.close", opened, lambda m, p: {"poll_id": p["id"]}, allowed("admin", "chair", hidden=HIDDEN)),
    # The chair and the checked-in delegate vote; the secretary is no member, the admin no
    # participant, the observer never: forbidden.
    ("poll.vote", opened, lambda m, p: {"poll_id": p["id"], "option_ids": [1],
                                        "ballot_id": str(uuid.uuid4())},
     allowed("chair", "delegate", hidden=HIDDEN)),
]


@pytest.mark.parametrize(("command", "prepare", "payload", "outcome"), MATRIX, ids=[row[0] for row in MATRIX])
def test_poll_command_rights(world: World, command: str, prepare: Prepare,
                             payload: Body,
                             outcome: dict[str, str]) -> None:
    assert set(outcome) == set(ACTORS)
    for actor in ACTORS:
        meeting = world.new_meeting()
        body = payload(meeting, prepare(world, meeting))
        seq = world.seq(meeting.id)
        if outcome[actor] == "ok":
            world.ok(actor, command, body)
        else:
            message = world.refused(actor, command, {**body, "meeting_id": meeting.id} if "meeting_id" in body
                                    else body, outcome[actor])
            if outcome[actor] == "not_found" and "poll_id" in body:
                assert message == f"Poll {body['poll_id']} not found", "the poll's meeting is not disclosed"
            assert world.seq(meeting.id) == seq


def test_a_poll_of_another_meeting_is_not_found(world: World) -> None:
    assert world.foreign is not None
    foreign_poll = world.ok("outsider", "poll.create", {"meeting_id": world.foreign.id, "question": "Q?",
                                                        "secret": False, "majority": "simple"})["poll"]
    for actor in ("chair", "secretary", "delegate", "observer"):
        world.refused(actor, "poll.check", {"poll_id": foreign_poll["id"]}, "not_found")
        world.refused(actor, "poll.vote", {"poll_id": foreign_poll["id"], "option_ids": [1],
                                           "ballot_id": str(uuid.uuid4())}, "not_found")
    world.refused("chair", "poll.check", {"poll_id": 999_999}, "not_found")
    # A poll cannot point at another meeting's agenda item or documents.
    world.refused("chair", "poll.create", {"meeting_id": world.main, "question": "Q?", "secret": False,
                                           "majority": "simple", "agenda_item_id": world.foreign.items[0]},
                  "invalid")
