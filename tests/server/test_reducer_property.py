"""The reducer agrees with the server: events a+1..b applied to the snapshot at a give the
snapshot at b, for every viewer, whatever the commands and whoever sends them. Each viewer
gets the events as the server sends them to that viewer: documents they may not read
arrive withheld.

Random command sequences (many of them refused: wrong role, wrong state, unknown ids) run
through the server's pipeline, and sockets come and go on two processes (one of which may
die and be swept). After every step the test records the seq and the snapshot the server
builds for each viewer; at the end it checks every pair of steps.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, event, given, note, settings
from hypothesis import strategies as st

from protocol.reducer import apply_events
from tests.server.world import World

VIEWERS = ["admin", "chair", "secretary", "delegate", "delegate2", "observer", "newcomer"]
# Fewer people come and go and change roles, so that their sockets meet often: two windows
# of one user, a role change of someone online, an admin who joins before being added.
MOVERS = ["delegate", "chair", "admin", "newcomer"]
# Mostly those with the right to act, so that the meeting moves; the others get refused.
ACTORS = ["chair"] * 4 + ["secretary"] * 3 + ["admin"] * 2 + [*VIEWERS, "organizer", "outsider"]
ITEM_TITLES = ["Báo cáo", "Thảo luận", "Bế mạc"]
STATUSES = ["present", "absent", "excused"]
TIMES = ["2026-11-21T08:00:00+07:00", "2026-11-21T01:30:00Z", "2026-12-01T09:15:30.123456"]
MEETING_CHANGES = st.fixed_dictionaries({}, optional={
    "title": st.sampled_from(["Hội nghị", "Phiên họp"]), "location": st.sampled_from(["", "Phòng 2"]),
    "starts_at": st.sampled_from(TIMES), "ends_at": st.none() | st.just("2026-12-24T00:00:00Z"),
    "quorum_rule": st.sampled_from(["more_than_half", "two_thirds", "none"])})
KINDS = (["add_item"] * 3 + ["update_item", "reorder"] + ["remove_item"] * 2 + ["set_current"] * 3
         + ["start"] * 2 + ["end", "update_meeting"] + ["participant_set"] * 2
         + ["participant_remove", "attendance_set", "check_in", "repeat"]
         + ["connect"] * 4 + ["join"] * 6 + ["leave"] * 2 + ["disconnect"] * 3 + ["sweep"]
         + ["upload"] * 5 + ["document_update"] * 4 + ["document_remove"] + ["present"] * 4
         + ["present_stop"]
         + ["speak_request"] * 5 + ["speak_withdraw", "speak_reorder"] + ["speak_grant"] * 5
         + ["speak_extend", "speak_end"] * 2 + ["proxy"] * 2
         + ["poll_create"] * 2 + ["poll_update", "poll_delete", "poll_open", "poll_close"]
         + ["poll_vote"] * 4 + ["conclude"] * 3 + ["action_save"] * 2
         + ["action_delete", "action_status", "approve", "publish"])
FLOOR_KINDS = {"speak_request", "speak_withdraw", "speak_reorder", "speak_grant", "speak_extend", "speak_end",
               "proxy"}
MINUTES_KINDS = ("conclude", "action_save", "action_delete", "action_status", "approve", "publish")
CONTENTS = ["bao-cao", "du-thao", "phu-luc"]  # few, so that the same bytes come again
READERS = ["delegate", "delegate2", "observer", "newcomer"]
VOTERS = ["chair", "delegate", "delegate2"]


class Run:
    """One example: a fresh meeting, its open sockets, and what was sent last."""

    def __init__(self, world: World, data: st.DataObject) -> None:
        self.world, self.data = world, data
        assert world.meeting is not None
        self.meeting = world.meeting
        self.sockets: list[tuple[str, str, str]] = []  # (user, sid, instance)
        self.other_instance = f"other-{uuid.uuid4().hex[:8]}"
        self.last: tuple[str, str, dict[str, Any], dict[str, Any]] | None = None

    def draw(self, strategy: st.SearchStrategy[Any]) -> Any:
        return self.data.draw(strategy)

    def items(self) -> list[int]:
        return [item["id"] for item in self.world.snapshot("admin", self.meeting.id)["agenda"]]

    def some_document(self) -> int:
        """A document of the meeting (the presented one more often), or an unknown id."""
        snap = self.world.snapshot("admin", self.meeting.id)
        presented = [snap["presenter"]["document_id"]] * 2 if snap["presenter"] else []
        return self.draw(st.sampled_from([*presented, *(d["id"] for d in snap["documents"]), 999_999]))

    def access(self) -> Any:
        return self.draw(st.sampled_from(["all", [], None]) | st.lists(
            st.sampled_from([self.world.users[name] for name in READERS]), max_size=2, unique=True))

    def document_step(self, kind: str) -> None:
        world = self.world
        if kind == "upload":
            actor = self.draw(st.sampled_from(ACTORS))
            form = self.draw(st.fixed_dictionaries({}, optional={
                "agenda_item_id": st.sampled_from(self.items() or [None]),
                "released": st.booleans()}))
            if self.draw(st.booleans()):
                form["access"] = self.access()
            if self.draw(st.integers(0, 3)) == 0:
                form["replaces"] = self.some_document()
            title = None if "replaces" in form and self.draw(st.booleans()) else "Tài liệu"
            answer = world.upload(actor, title, pages=self.draw(st.integers(1, 6)),
                                  content=self.draw(st.sampled_from(CONTENTS)), **form)
            note(f"{actor} upload {title} {form} -> {answer}")
        elif kind == "document_update":
            change = self.draw(st.fixed_dictionaries({}, optional={
                "title": st.sampled_from(["Báo cáo", "Dự thảo"]), "released": st.booleans(),
                "agenda_item_id": st.sampled_from([None, *self.items()])}))
            if self.draw(st.booleans()):
                change["access"] = self.access() or "all"
            self.send("document.update", {"document_id": self.some_document(), **change}, meeting=False)
        elif kind == "document_remove":
            self.send("document.remove", {"document_id": self.some_document()}, meeting=False)
        elif kind == "present":
            self.send("presenter.set_page", {"document_id": self.some_document(),
                                             "page": self.draw(st.integers(0, 6))})
        else:
            self.send("presenter.stop", {})

    def some_action(self) -> int:
        """An action item of the meeting, or an unknown id."""
        actions = self.world.snapshot("admin", self.meeting.id)["actions"]
        return self.draw(st.sampled_from([*(a["id"] for a in actions), 999_999]))

    def minutes_step(self, kind: str) -> None:
        if kind == "conclude":
            self.send("conclusion.set", {"agenda_item_id": self.some_item(),
                                         "text": self.draw(st.sampled_from(["", "Thống nhất **thông qua**.",
                                                                            "- Giao Văn phòng Bộ"])),
                                         **self.draw(st.fixed_dictionaries({}, optional={
                                             "decision": st.sampled_from(["", "Thông qua"])}))})
        elif kind == "action_save":
            titles = st.sampled_from(["Báo cáo", "Rà soát"])
            action = self.draw(st.fixed_dictionaries({"title": titles}, optional={
                "agenda_item_id": st.sampled_from([None, *self.items()]),
                "owner_id": st.sampled_from([self.world.users[name] for name in READERS]),
                "due": st.just("2027-03-31"), "status": st.sampled_from(["open", "done", "cancelled"])}))
            if self.draw(st.booleans()):
                action["id"] = self.some_action()
            self.send("action.save", {"action": action})
        elif kind == "action_delete":
            self.send("action.delete", {"action_id": self.some_action()})
        elif kind == "action_status":
            status = self.draw(st.sampled_from(["open", "done"]))
            self.send("action.set_status", {"action_id": self.some_action(), "status": status}, meeting=False)
        else:
            self.send(f"minutes.{kind}", {})

    def some_request(self, kind: str | None = None) -> int:
        """A pending request (of ``kind``), or an unknown id."""
        queue = self.world.snapshot("admin", self.meeting.id)["speakers"]["queue"]
        ids = [r["id"] for r in queue if kind is None or r["kind"] == kind]
        return int(self.draw(st.sampled_from([*ids, *ids, 999_999])))

    def floor_step(self, kind: str) -> None:
        users = self.world.users
        someone = st.sampled_from([users[name] for name in VIEWERS])
        if kind == "speak_request":
            payload = {"kind": self.draw(st.sampled_from(["speak", "question"]))}
            if self.draw(st.integers(0, 2)) == 0:
                payload["user_id"] = self.draw(someone)
            self.send("speaker.request", payload)
        elif kind == "speak_withdraw":
            self.send("speaker.withdraw", {"request_id": self.some_request()})
        elif kind == "speak_reorder":
            which = self.draw(st.sampled_from(["speak", "question"]))
            queue = self.world.snapshot("admin", self.meeting.id)["speakers"]["queue"]
            order = list(self.draw(st.permutations([r["id"] for r in queue if r["kind"] == which])))
            if order and self.draw(st.integers(0, 4)) == 0:
                order = order[1:]  # invalid: a request missing
            self.send("speaker.reorder", {"kind": which, "request_ids": order})
        elif kind == "speak_grant":
            target = ({"request_id": self.some_request()} if self.draw(st.booleans())
                      else {"user_id": self.draw(someone)})
            self.send("speaker.grant", {**target, **self.draw(st.fixed_dictionaries({}, optional={
                "seconds": st.integers(10, 300)}))})
        elif kind == "speak_extend":
            self.send("speaker.extend", {"seconds": self.draw(st.integers(1, 120))})
        elif kind == "speak_end":
            self.send("speaker.end", {})
        else:
            self.send("attendance.set_proxy", {"user_id": self.draw(someone),
                                               "proxy_user_id": self.draw(st.none() | someone)})

    def some_poll(self) -> int:
        """A poll of the meeting (an open one more often), or an unknown id."""
        polls = self.world.snapshot("admin", self.meeting.id)["polls"]
        favoured = [p["id"] for p in polls if p["status"] == "open"] * 3
        return self.draw(st.sampled_from([*favoured, *(p["id"] for p in polls), 999_999]))

    def poll_step(self, kind: str) -> None:
        if kind == "poll_create":
            self.send("poll.create", {"question": "Thông qua?", **self.draw(st.fixed_dictionaries(
                {"secret": st.booleans(), "majority": st.sampled_from(["simple", "absolute", "two_thirds"])},
                optional={"agenda_item_id": st.sampled_from(self.items() or [999_999]),
                          "weighted": st.booleans(), "max_choices": st.integers(1, 2),
                          "options": st.just(["Có", {"text": "Khác", "comment": True}])}))})
        elif kind == "poll_update":
            change = self.draw(st.fixed_dictionaries({}, optional={
                "question": st.just("Sửa?"), "secret": st.booleans(),
                "agenda_item_id": st.none() | st.sampled_from(self.items() or [999_999])}))
            self.send("poll.update", {"poll_id": self.some_poll(), **change}, meeting=False)
        elif kind in ("poll_delete", "poll_open", "poll_close"):
            self.send(kind.replace("_", "."), {"poll_id": self.some_poll()}, meeting=False)
        else:
            voter = self.draw(st.sampled_from([*VOTERS, *VOTERS, *VIEWERS]))
            choice = self.draw(st.lists(st.integers(1, 3), min_size=0, max_size=2, unique=True))
            payload = {"poll_id": self.some_poll(), "ballot_id": uuid.uuid4().hex, "option_ids": choice}
            note(f"{voter} poll.vote {payload} -> {self.world.run(voter, 'poll.vote', payload)}")

    def some_item(self) -> int:
        """An item of the agenda, the current one more often than others, or an unknown id."""
        current = self.world.snapshot("admin", self.meeting.id)["meeting"]["current_item_id"]
        favoured = [current] * 3 if current else []
        return self.draw(st.sampled_from([*favoured, *self.items(), 999_999]))

    def send(self, command: str, payload: dict[str, Any], sid: str | None = None,
             meeting: bool = True) -> None:
        actor = self.draw(st.sampled_from(ACTORS))
        payload = {"meeting_id": self.meeting.id, **payload} if meeting else payload
        if self.draw(st.booleans()):
            payload["request_id"] = uuid.uuid4().hex
        answer = self.world.run(actor, command, payload, sid=sid)
        note(f"{actor} {command} {payload} -> {answer}")
        if "request_id" in payload:
            self.last = (actor, command, payload, answer)

    def step(self) -> None:
        kind = self.draw(st.sampled_from(KINDS))
        world, mid, users = self.world, self.meeting.id, self.world.users
        if kind in ("upload", "document_update", "document_remove", "present", "present_stop"):
            self.document_step(kind)
        elif kind in MINUTES_KINDS:
            self.minutes_step(kind)
        elif kind in FLOOR_KINDS:
            self.floor_step(kind)
        elif kind.startswith("poll_"):
            self.poll_step(kind)
        elif kind == "add_item":
            self.send("agenda.add_item", {"title": self.draw(st.sampled_from(ITEM_TITLES)),
                                          "position": self.draw(st.none() | st.integers(0, 6))})
        elif kind == "update_item":
            self.send("agenda.update_item", {"item_id": self.some_item(),
                                             **self.draw(st.fixed_dictionaries({}, optional={
                                                 "title": st.sampled_from(["Sửa", "Mục"]),
                                                 "presenter": st.sampled_from(["", "Vụ trưởng"]),
                                                 "duration_min": st.none() | st.integers(0, 90)}))})
        elif kind == "reorder":
            items = self.items()
            order = self.draw(st.permutations(items)) if items else []
            if self.draw(st.integers(0, 4)) == 0:
                order = order[1:]  # invalid: an item missing
            self.send("agenda.reorder", {"item_ids": list(order)})
        elif kind == "remove_item":
            self.send("agenda.remove_item", {"item_id": self.some_item()})
        elif kind == "set_current":
            clear = self.draw(st.integers(0, 5)) == 0
            self.send("agenda.set_current", {"item_id": None if clear else self.some_item()})
        elif kind == "start" or (kind == "end" and self.draw(st.integers(0, 3)) == 0):
            self.send(f"meeting.{kind}", {})  # an ended meeting refuses almost everything: rarely
        elif kind == "update_meeting":
            self.send("meeting.update", self.draw(MEETING_CHANGES))
        elif kind == "participant_set":
            self.send("participant.set", {
                "user_id": users[self.draw(st.sampled_from(MOVERS))],
                "role": self.draw(st.sampled_from(["chair", "secretary", "delegate", "observer"])),
                **self.draw(st.fixed_dictionaries({}, optional={
                    "site_id": st.none() | st.sampled_from(self.meeting.sites),
                    "voting_weight": st.integers(0, 3)}))})
        elif kind == "participant_remove":
            self.send("participant.remove", {"user_id": users[self.draw(st.sampled_from(MOVERS))]})
        elif kind == "attendance_set":
            self.send("attendance.set", {"user_id": users[self.draw(st.sampled_from(VIEWERS))],
                                         "status": self.draw(st.sampled_from(STATUSES)),
                                         "reason": self.draw(st.none() | st.just("Ốm"))})
        elif kind == "check_in":
            self.send("attendance.check_in", {})
        elif kind == "repeat" and self.last is not None:
            actor, command, payload, answer = self.last
            seq = world.seq(mid)
            assert world.run(actor, command, payload) == answer
            assert world.seq(mid) == seq, "a repeated request_id changed something"
        elif kind == "connect":
            user = self.draw(st.sampled_from(MOVERS))
            instance = self.draw(st.sampled_from([None, self.other_instance]))
            self.sockets.append((user, world.connect(user, instance_id=instance), instance or "here"))
            note(f"connect {self.sockets[-1]}")
        elif kind in ("join", "leave") and self.sockets:
            user, sid, _instance = self.draw(st.sampled_from(self.sockets))
            note(f"{user} {kind} {sid} -> {world.run(user, f'meeting.{kind}', {'meeting_id': mid}, sid=sid)}")
        elif kind == "disconnect" and self.sockets:
            socket = self.draw(st.sampled_from(self.sockets))
            self.sockets.remove(socket)
            world.disconnect(socket[1])
            note(f"disconnect {socket}")
        elif kind == "sweep" and any(instance != "here" for _u, _s, instance in self.sockets):
            world.sweep(self.other_instance)
            note(f"sweep {self.other_instance}")
            self.sockets = [s for s in self.sockets if s[2] == "here"]


def replay_check(world: World, data: st.DataObject) -> None:
    run = Run(world, data)
    mid = run.meeting.id
    if data.draw(st.booleans(), label="live with documents"):
        # Half the examples start where documents matter most: a live meeting with some of
        # them (and perhaps one presented), so that the steps change and show them.
        world.ok("chair", "meeting.start", {"meeting_id": mid})
        for voter in VOTERS:  # members present, so that polls get ballots
            world.ok(voter, "attendance.check_in", {"meeting_id": mid})
        if data.draw(st.booleans(), label="a poll open"):
            poll = world.ok("chair", "poll.create", {"meeting_id": mid, "question": "Thông qua?",
                                                     "secret": data.draw(st.booleans(), label="secret"),
                                                     "majority": "simple"})["poll"]
            world.ok("chair", "poll.open", {"poll_id": poll["id"]})
        for _ in range(data.draw(st.integers(1, 3), label="documents")):
            run.document_step("upload")
        shown = world.snapshot("chair", mid)["documents"]
        if shown and data.draw(st.booleans(), label="presented"):
            world.ok("chair", "presenter.set_page",
                     {"meeting_id": mid, "document_id": shown[-1]["id"], "page": 0})
        if data.draw(st.booleans(), label="someone speaks"):
            # Floor control from the first step: a speaker (who may present), a queue.
            world.ok("chair", "speaker.grant", {"meeting_id": mid, "user_id": world.users["delegate"],
                                                "seconds": 120})
            world.ok("delegate2", "speaker.request", {"meeting_id": mid, "kind": "question"})
    timeline = [(world.seq(mid), world.snapshots(VIEWERS, mid))]
    for _ in range(data.draw(st.integers(5, 30), label="steps")):
        run.step()
        timeline.append((world.seq(mid), world.snapshots(VIEWERS, mid)))
    events = world.events(mid)
    for type_ in sorted({e["type"] for e in events}):
        event(type_)
    if any(e["data"].get("hidden") for viewer in VIEWERS for e in world.events_for(viewer, mid)):
        event("some events withheld")
    assert [e["seq"] for e in events] == list(range(1, world.seq(mid) + 1)), "seq is gapless"
    received = {viewer: world.events_for(viewer, mid) for viewer in VIEWERS}
    for viewer in VIEWERS:
        assert [e["seq"] for e in received[viewer]] == [e["seq"] for e in events], "same seq for everyone"
    for a, (seq_a, snaps_a) in enumerate(timeline):
        for seq_b, snaps_b in timeline[a + 1:]:
            for viewer in VIEWERS:
                between = received[viewer][seq_a:seq_b]
                assert apply_events(snaps_a[viewer], between) == snaps_b[viewer], (viewer, seq_a, seq_b)


# Shrinking replays hundreds of examples against a database: too slow for a test run. A
# failure prints every step instead (note()), which is enough to write a regression test.
SETTINGS = {"deadline": None, "phases": [Phase.explicit, Phase.reuse, Phase.generate],
            "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]}


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
@settings(max_examples=30, **SETTINGS)  # type: ignore[arg-type]
@given(data=st.data())
def test_events_replay_to_the_servers_snapshot(fresh_world: Callable[[], World], data: st.DataObject) -> None:
    replay_check(fresh_world(), data)


@pytest.mark.postgres
@pytest.mark.parametrize("db", ["postgres"], indirect=True)
@settings(max_examples=12, **SETTINGS)  # type: ignore[arg-type]
@given(data=st.data())
def test_events_replay_to_the_servers_snapshot_on_postgres(fresh_world: Callable[[], World],
                                                           data: st.DataObject) -> None:
    replay_check(fresh_world(), data)
