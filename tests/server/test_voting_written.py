"""Written opinions: voters named, a deadline, reminders 24 h and 1 h before it (once each),
the close at the deadline by the poll clock, and the report."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import update

from server.domain.voting.report import report_csv
from server.persistence.event_log import iso
from server.persistence.models import Poll, utcnow
from server.transport import poll_clock
from tests.server.voting import create, poll_of, vote
from tests.server.world import World


def tick(world: World) -> int:
    return world.loop.run_until_complete(poll_clock.tick(world.pipeline))


def move_deadline(world: World, poll_id: int, ahead: timedelta) -> None:
    """Time passes: the deadline comes to ``ahead`` from now."""
    with world.db.write() as session:
        session.execute(update(Poll).where(Poll.id == poll_id).values(closes_at=utcnow() + ahead))


def written(world: World, **fields: object) -> dict[str, object]:
    ids = world.users
    fields = {"voter_ids": [ids["chair"], ids["delegate"], ids["delegate2"]], **fields}
    return create(world, kind="written", closes_at=iso(utcnow() + timedelta(days=3)), **fields)


def test_a_written_poll_opens_without_a_live_meeting_and_asks_only_its_voters(world: World) -> None:
    ids = world.users
    poll = written(world, voter_ids=[ids["delegate"], ids["delegate2"]])
    assert poll["voter_ids"] == sorted([ids["delegate"], ids["delegate2"]])
    world.ok("chair", "poll.open", {"poll_id": poll["id"]})
    vote(world, "delegate", int(poll["id"]), [1])  # not present: a written poll needs no check-in
    world.refused("chair", "poll.vote", {"poll_id": poll["id"], "option_ids": [1],
                                         "ballot_id": "b6f8c2e0-4d0a-4f5e"}, "forbidden")


def test_a_written_poll_needs_a_deadline_and_members(world: World) -> None:
    payload = {"meeting_id": world.main, "question": "Ý kiến?", "secret": False, "majority": "simple",
               "kind": "written"}
    world.refused("chair", "poll.create", payload, "invalid")
    world.refused("chair", "poll.create", {**payload, "closes_at": iso(utcnow() + timedelta(days=1)),
                                           "voter_ids": [world.users["observer"]]}, "invalid")
    everyone = create(world, kind="written", closes_at=iso(utcnow() + timedelta(days=1)))
    assert len(everyone["voter_ids"]) == 3  # every member by default


def test_reminders_go_once_each_to_those_who_have_not_answered(world: World) -> None:
    ids = world.users
    poll = written(world)
    pid = int(poll["id"])
    world.ok("chair", "poll.open", {"poll_id": pid})
    vote(world, "delegate", pid, [1])
    assert tick(world) == 0
    move_deadline(world, pid, timedelta(hours=23))
    tick(world)
    reminders = [e["data"] for e in world.events() if e["type"] == "poll.reminder"]
    assert len(reminders) == 1 and reminders[0]["user_ids"] == [ids["chair"], ids["delegate2"]]
    tick(world)
    assert len([e for e in world.events() if e["type"] == "poll.reminder"]) == 1, "once"
    vote(world, "chair", pid, [2])
    move_deadline(world, pid, timedelta(minutes=50))
    tick(world)
    tick(world)
    reminders = [e["data"] for e in world.events() if e["type"] == "poll.reminder"]
    assert len(reminders) == 2 and reminders[1]["user_ids"] == [ids["delegate2"]]


def test_the_clock_closes_a_poll_at_its_deadline(world: World) -> None:
    poll = written(world)
    pid = int(poll["id"])
    world.ok("chair", "poll.open", {"poll_id": pid})
    vote(world, "delegate", pid, [1])
    vote(world, "delegate2", pid, [1])
    move_deadline(world, pid, timedelta(seconds=-1))
    world.refused("chair", "poll.vote", {"poll_id": pid, "option_ids": [1], "ballot_id": "late-ballot-1"},
                  "closed")
    tick(world)
    closed = poll_of(world, pid)
    assert closed["status"] == "closed" and closed["result"]["counts"]["1"] == 2
    assert closed["result"]["passed"] is True and closed["result"]["members"] == 3
    assert tick(world) == 0
    assert [e["type"] for e in world.events()].count("poll.closed") == 1


def test_the_report_lists_answers_and_who_did_not_answer(world: World) -> None:
    poll = written(world)
    pid = int(poll["id"])
    world.ok("chair", "poll.open", {"poll_id": pid})
    vote(world, "delegate", pid, [3], comment="Đề nghị làm rõ nguồn vốn")
    world.ok("chair", "poll.close", {"poll_id": pid})
    with world.db.read() as session:
        text = report_csv(session, session.get(Poll, pid))
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0] == ["question", "Thông qua Kế hoạch năm 2027?"]
    assert ["Ý kiến khác", "1"] in rows and ["passed", "False"] in rows
    people = {row[1]: row for row in rows if row and row[1] in ("chair", "delegate", "delegate2")}
    assert people["delegate"][2:] == ["yes", "", "Ý kiến khác", "Đề nghị làm rõ nguồn vốn"]
    assert people["chair"][2] == "no" and people["delegate2"][2] == "no"


def test_a_meeting_poll_with_seconds_closes_by_the_clock(world: World) -> None:
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    poll = create(world)
    world.ok("chair", "poll.open", {"poll_id": poll["id"], "seconds": 60})
    move_deadline(world, int(poll["id"]), timedelta(seconds=-1))
    tick(world)
    assert poll_of(world, int(poll["id"]))["status"] == "closed"


def test_a_burst_of_ballots_is_published_in_few_progress_events(world: World) -> None:
    """At most one poll.progress per half second from ballots; the clock publishes the rest."""
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    for user in ("chair", "delegate", "delegate2"):
        world.ok(user, "attendance.check_in", {"meeting_id": world.main})
    pid = int(create(world)["id"])
    world.ok("chair", "poll.open", {"poll_id": pid})
    for user in ("chair", "delegate", "delegate2"):
        vote(world, user, pid, [1])
    progress = [e["data"] for e in world.events() if e["type"] == "poll.progress"]
    assert len(progress) == 1 and progress[0]["user_ids"] == [world.users["chair"]]
    assert poll_of(world, pid)["ballots"] == 1, "snapshots show the turnout as published"
    tick(world)
    progress = [e["data"] for e in world.events() if e["type"] == "poll.progress"]
    assert progress[-1]["user_ids"] == [world.users["delegate"], world.users["delegate2"]]
    assert poll_of(world, pid)["ballots"] == 3 and poll_of(world, pid)["by_site"] == progress[-1]["by_site"]
    assert tick(world) == 0
