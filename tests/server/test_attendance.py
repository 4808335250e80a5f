"""Attendance beyond check-in: the site-secretary rule, proxies (ủy quyền), the quorum rule,
the agenda's time, heartbeats and each site's link, and the CSV export's content."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select, update

from server.demo import seed_demo
from server.domain import views
from server.persistence.db import Database
from server.persistence.models import AgendaItem, Connection, Meeting, Participant, Site, User, utcnow
from server.transport.attendance_http import attendance_csv
from tests.server.test_floor import site_secretary
from tests.server.world import World


def people(world: World) -> dict[int, dict[str, Any]]:
    return {p["user_id"]: p for p in world.snapshot("admin")["participants"]}


def test_a_site_secretary_marks_only_their_own_site(world: World) -> None:
    mid, delegate, delegate2 = world.main, world.users["delegate"], world.users["delegate2"]
    sitesec = site_secretary(world, site=1)
    world.refused(sitesec, "attendance.set", {"meeting_id": mid, "user_id": delegate2, "status": "absent"},
                  "forbidden")
    world.refused(sitesec, "attendance.set_proxy", {"meeting_id": mid, "user_id": delegate2,
                                                    "proxy_user_id": delegate}, "forbidden")
    seq = world.seq()
    world.ok(sitesec, "attendance.set", {"meeting_id": mid, "user_id": delegate, "status": "excused",
                                         "reason": "Đi công tác"})
    assert [(e["type"], e["data"]) for e in world.events(since=seq)] == [
        ("attendance.changed", {"user_id": delegate, "attendance": "excused", "reason": "Đi công tác"})]
    assert (people(world)[delegate]["attendance"], people(world)[delegate]["attendance_reason"]) == (
        "excused", "Đi công tác")
    # The central secretary manages every site.
    world.ok("secretary", "attendance.set", {"meeting_id": mid, "user_id": delegate2, "status": "absent"})


def test_a_proxy_represents_a_member(world: World) -> None:
    mid, delegate, delegate2 = world.main, world.users["delegate"], world.users["delegate2"]
    seq = world.seq()
    answer = world.ok("delegate", "attendance.set_proxy", {"meeting_id": mid, "user_id": delegate,
                                                           "proxy_user_id": delegate2})
    assert answer["participant"]["proxy_id"] == delegate2
    assert [(e["type"], e["data"]) for e in world.events(since=seq)] == [
        ("participant.changed", {"participant": answer["participant"]})]
    assert people(world)[delegate]["proxy_id"] == delegate2
    world.ok("chair", "attendance.set_proxy", {"meeting_id": mid, "user_id": delegate,
                                               "proxy_user_id": delegate2, "authorisation": "Giấy số 12"})
    assert world.seq() == seq + 1, "the same proxy again changes nothing"
    world.ok("chair", "attendance.set_proxy", {"meeting_id": mid, "user_id": delegate, "proxy_user_id": None})
    assert people(world)[delegate]["proxy_id"] is None


def test_bad_proxies_change_nothing(world: World) -> None:
    mid, users = world.main, world.users

    def refused(user_id: int, proxy: int | None, code: str, who: str = "chair") -> None:
        world.refused(who, "attendance.set_proxy", {"meeting_id": mid, "user_id": user_id,
                                                    "proxy_user_id": proxy, "authorisation": "Số 7"}, code)

    refused(users["delegate"], users["delegate"], "invalid", who="delegate")  # themself
    refused(users["delegate"], users["observer"], "invalid")  # an observer has no voice
    refused(users["delegate"], users["newcomer"], "invalid")  # not a participant
    refused(users["observer"], users["delegate"], "invalid")  # an observer is not a member
    refused(users["secretary"], users["delegate"], "invalid")  # nor is a secretary
    refused(users["newcomer"], users["delegate"], "not_found")
    refused(users["delegate2"], users["delegate"], "forbidden", who="delegate")  # someone else's
    # No chains: a represented proxy, or a member who represents others.
    world.ok("delegate", "attendance.set_proxy", {"meeting_id": mid, "user_id": users["delegate"],
                                                  "proxy_user_id": users["delegate2"]})
    refused(users["chair"], users["delegate"], "conflict", who="chair")
    refused(users["delegate2"], users["delegate"], "conflict", who="delegate2")
    world.ok("chair", "meeting.start", {"meeting_id": mid})
    world.ok("chair", "meeting.end", {"meeting_id": mid})
    refused(users["delegate"], None, "closed")


def test_the_quorum_rule_is_a_meeting_field(world: World) -> None:
    mid = world.main
    assert world.snapshot("delegate")["meeting"]["quorum_rule"] == "more_than_half"
    world.ok("secretary", "meeting.update", {"meeting_id": mid, "quorum_rule": "two_thirds"})
    assert world.events()[-1]["data"]["meeting"]["quorum_rule"] == "two_thirds"
    assert world.snapshot("delegate")["meeting"]["quorum_rule"] == "two_thirds"
    world.refused("secretary", "meeting.update", {"meeting_id": mid, "quorum_rule": None}, "invalid")
    world.refused("secretary", "meeting.update", {"meeting_id": mid, "quorum_rule": "most"}, "invalid")


def test_an_item_keeps_the_time_spent_on_it(world: World) -> None:
    assert world.meeting is not None
    mid, first, second = world.main, world.meeting.items[0], world.meeting.items[1]
    world.ok("chair", "meeting.start", {"meeting_id": mid})
    with world.db.write() as session:  # the first item has been current for 10 minutes
        session.execute(update(Meeting).where(Meeting.id == mid).values(
            current_item_started_at=utcnow() - timedelta(minutes=10)))
    world.ok("chair", "agenda.set_current", {"meeting_id": mid, "item_id": second})
    event = world.events()[-1]["data"]
    assert event["item_id"] == second
    assert event["previous"]["item_id"] == first and 600 <= event["previous"]["elapsed_seconds"] <= 601
    agenda = {item["id"]: item for item in world.snapshot("delegate")["agenda"]}
    assert agenda[first]["elapsed_seconds"] == event["previous"]["elapsed_seconds"]
    assert agenda[second]["elapsed_seconds"] == 0
    world.ok("chair", "agenda.set_current", {"meeting_id": mid, "item_id": first})  # back again: it adds up
    with world.db.read() as session:
        assert session.get(AgendaItem, first).elapsed_seconds >= 600  # type: ignore[union-attr]


def test_join_answers_the_server_time(world: World) -> None:
    before = utcnow()
    answer = world.ok("delegate", "meeting.join", {"meeting_id": world.main}, sid=world.connect("delegate"))
    assert answer["server_time"] >= before.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def test_heartbeats_need_a_joined_socket_and_reach_the_database_in_batches(world: World) -> None:
    mid = world.main
    sid = world.connect("delegate")
    world.refused("delegate", "presence.heartbeat", {"meeting_id": mid}, "not_found", sid=sid)
    world.ok("delegate", "meeting.join", {"meeting_id": mid}, sid=sid)
    world.refused("delegate", "presence.heartbeat", {"meeting_id": mid, "rtt_ms": -1}, "invalid", sid=sid)
    seq = world.seq()
    answer = world.ok("delegate", "presence.heartbeat", {"meeting_id": mid, "rtt_ms": 35}, sid=sid)
    assert set(answer) == {"server_time"}
    assert world.seq() == seq, "a heartbeat is no event"
    with world.db.read() as session:
        assert session.get(Connection, sid).last_seen_at is None  # type: ignore[union-attr]
    assert world.loop.run_until_complete(world.pipeline.flush_heartbeats()) == 1
    with world.db.read() as session:
        row = session.get(Connection, sid)
        assert row is not None and row.rtt_ms == 35 and row.last_seen_at is not None
    # From the flush on, an answer carries the meeting's newest seq (a client behind catches up).
    answer = world.ok("delegate", "presence.heartbeat", {"meeting_id": mid}, sid=sid)  # no new measure
    assert answer["seq"] == world.seq()
    world.loop.run_until_complete(world.pipeline.flush_heartbeats())
    with world.db.read() as session:
        assert session.get(Connection, sid).rtt_ms == 35  # type: ignore[union-attr]
    world.ok("delegate", "meeting.leave", {"meeting_id": mid}, sid=sid)
    world.refused("delegate", "presence.heartbeat", {"meeting_id": mid}, "not_found", sid=sid)


def links(world: World, user: str = "chair") -> dict[int, dict[str, Any]]:
    answer = world.ok(user, "site.status", {"meeting_id": world.main})
    return {site["site_id"]: site for site in answer["sites"]}


def test_site_status_tells_each_sites_link(world: World) -> None:
    assert world.meeting is not None
    mid, (central, hcm, danang) = world.main, world.meeting.sites
    chair, delegate = world.connect("chair"), world.connect("delegate")
    for user, sid in (("chair", chair), ("delegate", delegate)):
        world.ok(user, "meeting.join", {"meeting_id": mid}, sid=sid)
    world.ok("chair", "presence.heartbeat", {"meeting_id": mid, "rtt_ms": 20}, sid=chair)
    world.ok("delegate", "presence.heartbeat", {"meeting_id": mid, "rtt_ms": 650}, sid=delegate)
    world.loop.run_until_complete(world.pipeline.flush_heartbeats())
    sites = links(world)
    assert (sites[central]["link"], sites[central]["rtt_ms"], sites[central]["connections"]) == ("ok", 20, 1)
    assert (sites[hcm]["link"], sites[hcm]["rtt_ms"], sites[hcm]["online_users"]) == ("poor", 650, 1)
    assert sites[hcm]["last_seen"] is not None
    assert sites[danang] == {"site_id": danang, "connections": 0, "online_users": 0, "rtt_ms": None,
                             "last_seen": None, "link": "offline"}
    with world.db.write() as session:  # the delegate's client went silent 10 s ago
        session.execute(update(Connection).where(Connection.sid == delegate).values(
            last_seen_at=utcnow() - timedelta(seconds=10), connected_at=utcnow() - timedelta(seconds=20)))
    assert links(world, "secretary")[hcm]["link"] == "lost"
    world.disconnect(delegate)
    assert links(world)[hcm]["link"] == "offline"
    world.refused("delegate", "site.status", {"meeting_id": mid}, "forbidden")


def test_the_attendance_list_counts_members_and_the_quorum(world: World) -> None:
    mid, users = world.main, world.users
    world.ok("chair", "attendance.check_in", {"meeting_id": mid})
    world.ok("secretary", "attendance.set", {"meeting_id": mid, "user_id": users["delegate"],
                                             "status": "excused", "reason": "Ốm, có giấy"})
    world.ok("delegate", "attendance.set_proxy", {"meeting_id": mid, "user_id": users["delegate"],
                                                  "proxy_user_id": users["chair"]})
    with world.db.read() as session:
        meeting = session.get(Meeting, mid)
        assert meeting is not None
        text = attendance_csv(meeting, views.sites(session, mid), views.participants(session, mid))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["site", "full name", "username", "role", "attendance", "reason", "represented by"]
    by_name = {row[2]: row for row in rows[1:rows.index([])]}
    assert set(by_name) == {"chair", "secretary", "delegate", "delegate2", "observer"}
    assert by_name["delegate"] == ["Điểm cầu TP. Hồ Chí Minh", "Người dùng delegate", "delegate", "delegate",
                                   "excused", "Ốm, có giấy", "Người dùng chair"]
    total = next(row for row in rows if row and row[0] == "total")
    # Members: chair, delegate, delegate2; the chair present, the delegate represented.
    assert total[3:7] == ["3", "1", "1", "2"]
    assert rows[-1] == ["more_than_half", "3", "2", "2", "yes"]
    with world.db.read() as session:
        assert session.scalar(select(Meeting.quorum_rule).where(Meeting.id == mid)) == "more_than_half"


def test_the_demo_has_a_secretary_at_each_remote_site(db: Database, tmp_path: Path) -> None:
    seed_demo(db, tmp_path, delegates=6, password="demo")
    seed_demo(db, tmp_path, delegates=6, password="demo")  # again: nothing more
    with db.read() as session:
        rows = session.execute(select(User.username, Participant.role, Site.position)
                               .join(Participant, Participant.user_id == User.id)
                               .join(Site, Site.id == Participant.site_id)).all()
    placed = {name: (role, position) for name, role, position in rows}
    assert placed["secretary"] == ("secretary", 0)
    assert (placed["secretary2"], placed["secretary3"]) == (("secretary", 1), ("secretary", 2))
    delegate_sites = {position for name, (_role, position) in placed.items() if name.startswith("delegate")}
    assert delegate_sites == {0, 1, 2}
    assert len(rows) == 3 + 2 + 6, "chair, secretary, observer1, two site secretaries, six delegates: once"
