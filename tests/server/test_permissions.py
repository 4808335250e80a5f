"""Who may run what: the roles of the contract's commands table, for every command.

Each actor gets a fresh meeting, so every allowed command really succeeds (a rule that is
too strict fails here as surely as one that is too lax). A refused command changes nothing:
no seq, no event, the same snapshot. A meeting the actor takes no part in is ``not_found``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from protocol.commands import COMMANDS
from tests.server.world import MeetingHandle, World

ACTORS = ["admin", "organizer", "chair", "secretary", "delegate", "observer", "outsider"]
PARTICIPANTS = {"chair", "secretary", "delegate", "observer"}

Payload = Callable[[World, MeetingHandle], dict[str, Any]]


def allowed(*who: str, forbidden: tuple[str, ...] = (), hidden: tuple[str, ...] = ()) -> dict[str, str]:
    """The outcome per actor: ok for ``who``; others forbidden, or not_found when hidden."""
    rest = [a for a in ACTORS if a not in who]
    outcome = {a: "ok" for a in who}
    for actor in rest:
        outcome[actor] = "not_found" if actor in hidden else "forbidden"
    assert not forbidden or set(forbidden) <= set(rest)
    return outcome


def an_action(world: World, meeting: MeetingHandle) -> int:
    """A new action item of the meeting (made by an admin: the meeting may be a foreign one),
    or an unknown id for a meeting that does not exist."""
    answer = world.run("admin", "action.save", {"meeting_id": meeting.id,
                                                "action": {"title": "Báo cáo Bộ trưởng"}})
    return int(answer["data"]["action"]["id"]) if answer["ok"] else 999_999


# Actors who take no part in the meeting do not learn it exists (unless a global role covers them).
NON_MEMBERS = ("organizer", "outsider")


def start(world: World, m: MeetingHandle) -> None:
    world.ok("admin", "meeting.start", {"meeting_id": m.id})


def queued(world: World, m: MeetingHandle) -> None:
    """delegate2 (not an actor of the matrix) asks to speak."""
    world.ok("delegate2", "speaker.request", {"meeting_id": m.id, "kind": "speak"})


def queued_live(world: World, m: MeetingHandle) -> None:
    queued(world, m)
    start(world, m)


def speaking(world: World, m: MeetingHandle) -> None:
    """delegate2 holds the floor."""
    start(world, m)
    world.ok("admin", "speaker.grant", {"meeting_id": m.id, "user_id": world.users["delegate2"]})


def request_of(world: World, m: MeetingHandle) -> int:
    """The pending request made by ``queued`` (an unknown id where there is none)."""
    if not world.meeting_exists(m.id):
        return 999_999
    queue = world.snapshot("admin", m.id)["speakers"]["queue"]
    return int(queue[0]["id"]) if queue else 999_999


MATRIX: list[tuple[str, Payload, dict[str, str], Callable[[World, MeetingHandle], None] | None]] = [
    ("meeting.list", lambda w, m: {}, allowed(*ACTORS), None),
    ("meeting.create", lambda w, m: {"title": "Họp mới", "starts_at": "2026-12-01T01:00:00Z", "sites": ["A"]},
     allowed("admin", "organizer"), None),
    ("meeting.update", lambda w, m: {"meeting_id": m.id, "title": "Đổi tên"},
     allowed("admin", "organizer", "chair", "secretary", hidden=("outsider",)), None),
    ("participant.set", lambda w, m: {"meeting_id": m.id, "user_id": w.users["newcomer"], "role": "delegate"},
     allowed("admin", "organizer", "secretary", hidden=("outsider",)), None),
    ("participant.remove", lambda w, m: {"meeting_id": m.id, "user_id": w.users["delegate2"]},
     allowed("admin", "organizer", "secretary", hidden=("outsider",)), None),
    ("user.list", lambda w, m: {}, allowed("admin", "organizer", "secretary"), None),
    ("user.create", lambda w, m: {"username": f"moi{m.id}", "full_name": "Người mới",
                                  "password": "mật khẩu 2026"}, allowed("admin"), None),
    ("user.update", lambda w, m: {"user_id": w.users["newcomer"], "full_name": "Tên mới",
                                  "is_organizer": True}, allowed("admin"), None),
    ("user.set_active", lambda w, m: {"user_id": w.users["newcomer"], "active": False},
     allowed("admin"), None),
    ("user.reset_password", lambda w, m: {"user_id": w.users["newcomer"], "new_password": "mật khẩu mới"},
     allowed("admin"), None),
    # Anyone; each finds only what they may see (tests/server/test_search.py).
    ("search", lambda w, m: {"query": "Hội nghị"}, allowed(*ACTORS), None),
    ("meeting.join", lambda w, m: {"meeting_id": m.id},
     allowed("admin", *PARTICIPANTS, hidden=NON_MEMBERS), None),
    ("meeting.leave", lambda w, m: {"meeting_id": m.id},
     allowed("admin", *PARTICIPANTS, hidden=NON_MEMBERS), None),
    ("meeting.start", lambda w, m: {"meeting_id": m.id}, allowed("admin", "chair", hidden=NON_MEMBERS), None),
    ("meeting.end", lambda w, m: {"meeting_id": m.id}, allowed("admin", "chair", hidden=NON_MEMBERS), start),
    ("agenda.set_current", lambda w, m: {"meeting_id": m.id, "item_id": m.items[1]},
     allowed("admin", "chair", hidden=NON_MEMBERS), start),
    ("agenda.add_item", lambda w, m: {"meeting_id": m.id, "title": "Mục mới"},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    ("agenda.update_item", lambda w, m: {"meeting_id": m.id, "item_id": m.items[0], "title": "Sửa"},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    ("agenda.reorder", lambda w, m: {"meeting_id": m.id, "item_ids": m.items[::-1]},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    ("agenda.remove_item", lambda w, m: {"meeting_id": m.id, "item_id": m.items[2]},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    # "the participant": an admin who takes no part has nobody to check in.
    ("attendance.check_in", lambda w, m: {"meeting_id": m.id},
     allowed(*PARTICIPANTS, hidden=NON_MEMBERS), None),
    ("attendance.set", lambda w, m: {"meeting_id": m.id, "user_id": w.users["delegate"], "status": "absent"},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    ("conclusion.set", lambda w, m: {"meeting_id": m.id, "agenda_item_id": m.items[0], "text": "Thông qua"},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    ("conclusion.history", lambda w, m: {"meeting_id": m.id, "agenda_item_id": m.items[0]},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    ("action.save", lambda w, m: {"meeting_id": m.id, "action": {"title": "Báo cáo Bộ trưởng"}},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    ("minutes.approve", lambda w, m: {"meeting_id": m.id},
     allowed("admin", "chair", hidden=NON_MEMBERS), None),
    ("minutes.publish", lambda w, m: {"meeting_id": m.id},
     allowed("admin", "chair", hidden=NON_MEMBERS), None),
    ("action.delete", lambda w, m: {"meeting_id": m.id, "action_id": an_action(w, m)},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    # Located by the action: its owner (none here), the chair or the secretary of its meeting.
    ("action.set_status", lambda w, m: {"action_id": an_action(w, m), "status": "done"},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    # Across meetings: everyone gets the action items they may see (test_minutes.py).
    ("action.list", lambda w, m: {}, allowed(*ACTORS), None),
    ("note.save", lambda w, m: {"meeting_id": m.id, "agenda_item_id": m.items[0], "text": "Ghi chú riêng"},
     allowed("admin", *PARTICIPANTS, hidden=NON_MEMBERS), None),
    ("note.list", lambda w, m: {"meeting_id": m.id},
     allowed("admin", *PARTICIPANTS, hidden=NON_MEMBERS), None),
    # The member themself (the delegate), or the chair from their written authorisation.
    ("attendance.set_proxy", lambda w, m: {"meeting_id": m.id, "user_id": w.users["delegate"],
                                           "proxy_user_id": w.users["delegate2"],
                                           "authorisation": "Giấy ủy quyền số 12/GUQ"},
     allowed("admin", "chair", "delegate", hidden=NON_MEMBERS), None),
    # "participants with a voice": an admin who takes no part has no voice to lend.
    ("speaker.request", lambda w, m: {"meeting_id": m.id, "kind": "speak"},
     allowed("chair", "secretary", "delegate", hidden=NON_MEMBERS), None),
    # Someone else's request (delegate2's): the chair, a secretary, an admin.
    ("speaker.withdraw", lambda w, m: {"meeting_id": m.id, "request_id": request_of(w, m)},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), queued),
    ("speaker.reorder", lambda w, m: {"meeting_id": m.id, "kind": "speak", "request_ids": [request_of(w, m)]},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), queued),
    ("speaker.grant", lambda w, m: {"meeting_id": m.id, "request_id": request_of(w, m), "seconds": 60},
     allowed("admin", "chair", hidden=NON_MEMBERS), queued_live),
    ("speaker.extend", lambda w, m: {"meeting_id": m.id, "seconds": 30},
     allowed("admin", "chair", hidden=NON_MEMBERS), speaking),
    # The chair, or the speaker (delegate2, not an actor here: tests/server/test_floor.py).
    ("speaker.end", lambda w, m: {"meeting_id": m.id},
     allowed("admin", "chair", hidden=NON_MEMBERS), speaking),
    ("site.status", lambda w, m: {"meeting_id": m.id},
     allowed("admin", "chair", "secretary", hidden=NON_MEMBERS), None),
    # Answered from memory for a socket that joined the meeting (the test joins first).
    ("presence.heartbeat", lambda w, m: {"meeting_id": m.id, "rtt_ms": 12},
     allowed("admin", *PARTICIPANTS, hidden=NON_MEMBERS), None),
]
JOIN_FIRST = {"presence.heartbeat"}


@pytest.mark.parametrize(("command", "payload", "outcome", "prepare"), MATRIX, ids=[row[0] for row in MATRIX])
def test_command_rights(world: World, command: str, payload: Payload, outcome: dict[str, str],
                        prepare: Callable[[World, MeetingHandle], None] | None) -> None:
    assert set(outcome) == set(ACTORS)
    for actor in ACTORS:
        meeting = world.new_meeting()
        if prepare:
            prepare(world, meeting)
        body = payload(world, meeting)
        sid = world.connect(actor)
        if command in JOIN_FIRST:
            world.run(actor, "meeting.join", {"meeting_id": meeting.id}, sid=sid)
        seq = world.seq(meeting.id)
        if outcome[actor] == "ok":
            world.ok(actor, command, body, sid=sid)
        else:
            world.refused(actor, command, body, outcome[actor], sid=sid)
            assert world.seq(meeting.id) == seq


NO_MEETING = {"meeting.list", "meeting.create", "user.list", "action.list", "search", "user.create",
              "user.update", "user.set_active", "user.reset_password"}
MEETING_COMMANDS = [(command, payload) for command, payload, _outcome, _prepare in MATRIX
                    if command not in NO_MEETING and not command.startswith("participant.")]


@pytest.mark.parametrize(("command", "payload"), MEETING_COMMANDS, ids=[row[0] for row in MEETING_COMMANDS])
def test_a_foreign_meeting_is_not_found(world: World, command: str, payload: Payload) -> None:
    """The cast of one meeting cannot reach another one, nor learn it exists."""
    assert world.foreign is not None
    start(world, world.foreign)
    for actor in ("chair", "secretary", "delegate", "observer", "organizer"):
        if actor == "organizer" and command == "meeting.update":
            continue  # organizers may update any meeting
        world.refused(actor, command, payload(world, world.foreign), "not_found", sid=world.connect(actor))


def test_an_unknown_meeting_is_not_found_even_for_admin(world: World) -> None:
    unknown = MeetingHandle(424242, [1], [1, 2, 3])
    sid = world.connect("admin")
    for command, payload, _outcome, _prepare in MATRIX:
        if command not in NO_MEETING:
            world.refused("admin", command, payload(world, unknown), "not_found", sid=sid)


def test_meeting_list_shows_only_ones_own_meetings(world: World) -> None:
    assert world.meeting is not None and world.foreign is not None
    mine = world.ok("delegate", "meeting.list", {})["meetings"]
    assert [(m["id"], m["role"]) for m in mine] == [(world.meeting.id, "delegate")]
    assert set(mine[0]) >= {"id", "title", "status", "starts_at", "role"}
    theirs = world.ok("outsider", "meeting.list", {})["meetings"]
    assert [(m["id"], m["role"]) for m in theirs] == [(world.foreign.id, "chair")]
    assert world.ok("newcomer", "meeting.list", {})["meetings"] == []
    for everyone in ("admin", "organizer"):
        listed = world.ok(everyone, "meeting.list", {})["meetings"]
        assert {m["id"]: m["role"] for m in listed} == {world.meeting.id: None, world.foreign.id: None}


def test_a_role_change_changes_rights_at_once(world: World) -> None:
    payload = {"meeting_id": world.main, "title": "Mục của đại biểu"}
    world.refused("delegate", "agenda.add_item", payload, "forbidden")
    world.ok("organizer", "participant.set", {"meeting_id": world.main, "user_id": world.users["delegate"],
                                              "role": "secretary"})
    world.ok("delegate", "agenda.add_item", payload)
    world.ok("organizer", "participant.remove",
             {"meeting_id": world.main, "user_id": world.users["delegate"]})
    world.refused("delegate", "agenda.add_item", payload, "not_found")


def test_a_secretary_of_any_meeting_may_look_users_up(world: World) -> None:
    users = world.ok("secretary", "user.list", {"query": "newcomer"})["users"]
    assert users == [{"id": world.users["newcomer"], "username": "newcomer",
                      "full_name": "Người dùng newcomer"}]


def test_every_command_is_in_the_matrix() -> None:
    """Document (and annotation) commands have their own matrix (test_document_rights.py), and so do polls
    (test_voting_rights.py)."""
    from tests.server.test_voting_rights import MATRIX as POLL_MATRIX

    elsewhere = {"document.update", "document.remove", "document.versions", "presenter.set_page",
                 "presenter.stop", "annotation.save", "annotation.delete", "annotation.list",
                 "annotation.comments"} | {row[0] for row in POLL_MATRIX}
    assert {row[0] for row in MATRIX} == set(COMMANDS) - elsewhere
    assert {row[0] for row in POLL_MATRIX} == {name for name in COMMANDS if name.startswith("poll.")}
