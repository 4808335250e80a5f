"""Conclusions (with their revisions) and action items, through the server's pipeline, on
SQLite and PostgreSQL."""

from __future__ import annotations

from protocol.reducer import apply_events
from tests.server.world import World

CONCLUSION = ("Thống nhất thông qua Kế hoạch cải cách hành chính năm 2027; giao Vụ Tổ chức cán bộ "
              "chủ trì, phối hợp.")


def conclude(world: World, user: str, text: str, item: int | None = None,
             **extra: object) -> dict[str, object]:
    assert world.meeting is not None
    return world.ok(user, "conclusion.set", {"meeting_id": world.main, "text": text,
                                             "agenda_item_id": item or world.meeting.items[0], **extra})


def test_the_secretary_and_the_chair_write_conclusions_and_every_change_is_kept(world: World) -> None:
    assert world.meeting is not None
    item = world.meeting.items[0]
    seq = world.seq()
    assert conclude(world, "secretary", "Dự thảo kết luận", decision="Thông qua") == {"revision": 1}
    assert conclude(world, "chair", CONCLUSION) == {"revision": 2}  # the decision stays as it was
    assert conclude(world, "chair", CONCLUSION) == {"revision": 2}, "the same text is no new revision"
    snapshot = world.snapshot("delegate")
    assert snapshot["conclusions"] == {str(item): CONCLUSION}
    assert snapshot["decisions"] == {str(item): "Thông qua"}
    assert snapshot["conclusion_revisions"] == {str(item): 2}
    events = world.events(since=seq)
    assert [(e["type"], e["data"]) for e in events] == [
        ("conclusion.updated", {"agenda_item_id": item, "text": "Dự thảo kết luận", "decision": "Thông qua",
                                "revision": 1}),
        ("conclusion.updated", {"agenda_item_id": item, "text": CONCLUSION, "decision": "Thông qua",
                                "revision": 2})]
    history = world.ok("secretary", "conclusion.history", {"meeting_id": world.main, "agenda_item_id": item})
    assert [(r["revision"], r["text"], r["decision"], r["author"]) for r in history["revisions"]] == [
        (1, "Dự thảo kết luận", "Thông qua", "Người dùng secretary"),
        (2, CONCLUSION, "Thông qua", "Người dùng chair")]
    assert conclude(world, "secretary", CONCLUSION, decision="") == {"revision": 3}
    assert world.snapshot("chair")["decisions"] == {}


def test_delegates_and_observers_may_not_write_or_read_the_history(world: World) -> None:
    assert world.meeting is not None
    payload = {"meeting_id": world.main, "agenda_item_id": world.meeting.items[0], "text": "Không được"}
    for user in ("delegate", "observer"):
        world.refused(user, "conclusion.set", payload, "forbidden")
        world.refused(user, "conclusion.history", {"meeting_id": world.main,
                                                   "agenda_item_id": world.meeting.items[0]}, "forbidden")
    world.refused("outsider", "conclusion.set", payload, "not_found")
    assert world.foreign is not None
    world.refused("secretary", "conclusion.set", {**payload, "agenda_item_id": world.foreign.items[0]},
                  "not_found")


def test_a_stale_editor_is_refused_when_the_text_moved_on(world: World) -> None:
    conclude(world, "secretary", "Bản của thư ký")
    message = world.refused("chair", "conclusion.set", {
        "meeting_id": world.main, "agenda_item_id": world.meeting.items[0] if world.meeting else 0,
        "text": "Bản của chủ trì", "base_revision": 0}, "conflict")
    assert "Bản của thư ký" in message
    assert conclude(world, "chair", "Bản của chủ trì", base_revision=1) == {"revision": 2}
    assert conclude(world, "secretary", "Bản của chủ trì", base_revision=1) == {"revision": 2}, \
        "the same text from a stale editor is no conflict"


def test_removing_an_item_removes_its_conclusion_and_frees_its_actions(world: World) -> None:
    assert world.meeting is not None
    item = world.meeting.items[1]
    before, seq = world.snapshot("delegate"), world.seq()
    conclude(world, "secretary", CONCLUSION, item=item)
    action = world.ok("secretary", "action.save", {"meeting_id": world.main, "action": {
        "title": "Báo cáo kết quả", "agenda_item_id": item}})["action"]
    world.ok("chair", "agenda.remove_item", {"meeting_id": world.main, "item_id": item})
    now = world.snapshot("delegate")
    assert now["conclusions"] == {} and now["conclusion_revisions"] == {}
    assert [(a["id"], a["agenda_item_id"]) for a in now["actions"]] == [(action["id"], None)]
    assert apply_events(before, world.events_for("delegate", since=seq)) == now


def save(world: World, user: str = "secretary", **action: object) -> dict[str, object]:
    answer = world.ok(user, "action.save", {"meeting_id": world.main, "action": {"title": "Việc", **action}})
    return dict(answer["action"])


def test_action_items_are_created_changed_and_deleted_by_the_chair_and_secretary(world: World) -> None:
    assert world.meeting is not None
    item = world.meeting.items[0]
    seq = world.seq()
    made = save(world, title="Hoàn thiện Kế hoạch cải cách hành chính năm 2027", agenda_item_id=item,
                owner_id=world.users["delegate"], due="2027-03-31")
    assert {k: made[k] for k in ("agenda_item_id", "owner_id", "owner_name", "due", "status")} == {
        "agenda_item_id": item, "owner_id": world.users["delegate"], "owner_name": "Người dùng delegate",
        "due": "2027-03-31", "status": "open"}
    unit = save(world, "chair", title="Rà soát thủ tục", owner_name="Văn phòng Bộ")
    changed = save(world, "chair", id=made["id"], title="Hoàn thiện Kế hoạch", agenda_item_id=item,
                   owner_id=world.users["delegate"], due="2027-04-30", status="open")
    assert changed["due"] == "2027-04-30" and changed["title"] == "Hoàn thiện Kế hoạch"
    assert [a["id"] for a in world.snapshot("observer")["actions"]] == [made["id"], unit["id"]]
    world.ok("secretary", "action.delete", {"meeting_id": world.main, "action_id": unit["id"]})
    assert [e["type"] for e in world.events(since=seq)] == ["action.changed"] * 3 + ["action.removed"]
    assert world.snapshot("delegate")["actions"] == [changed]
    payload = {"meeting_id": world.main, "action": {"title": "Không được"}}
    world.refused("delegate", "action.save", payload, "forbidden")
    world.refused("delegate", "action.delete", {"meeting_id": world.main, "action_id": made["id"]},
                  "forbidden")
    world.refused("secretary", "action.save", {"meeting_id": world.main, "action": {
        "title": "Việc", "owner_id": 999_999}}, "invalid")
    assert world.foreign is not None
    world.refused("secretary", "action.save", {"meeting_id": world.main, "action": {
        "title": "Việc", "agenda_item_id": world.foreign.items[0]}}, "invalid")
    world.refused("secretary", "action.save", {"meeting_id": world.main, "action": {
        "id": 999_999, "title": "Việc"}}, "not_found")


def test_the_owner_marks_an_action_done(world: World) -> None:
    mine = save(world, owner_id=world.users["delegate"])
    outsiders = save(world, owner_id=world.users["outsider"])  # owned by someone outside the meeting
    done = world.ok("delegate", "action.set_status", {"action_id": mine["id"], "status": "done"})["action"]
    assert done["status"] == "done"
    assert world.snapshot("chair")["actions"][0]["status"] == "done"
    world.refused("delegate2", "action.set_status", {"action_id": mine["id"], "status": "open"}, "forbidden")
    world.refused("newcomer", "action.set_status", {"action_id": mine["id"], "status": "open"}, "not_found")
    world.refused("delegate", "action.set_status", {"action_id": 999_999, "status": "done"}, "not_found")
    world.ok("outsider", "action.set_status", {"action_id": outsiders["id"], "status": "done"})
    world.ok("secretary", "action.set_status", {"action_id": mine["id"], "status": "cancelled"})


def test_action_list_shows_each_user_what_they_may_see_across_meetings(world: World) -> None:
    assert world.foreign is not None
    mine = save(world, title="Báo cáo chuyển đổi số", owner_id=world.users["delegate"], due="2027-01-15")
    other = save(world, title="Rà soát thủ tục", owner_name="Văn phòng Bộ")
    foreign = world.ok("outsider", "action.save", {"meeting_id": world.foreign.id, "action": {
        "title": "Việc của cuộc họp khác", "owner_id": world.users["delegate"],
        "due": "2027-01-01"}})["action"]

    def ids(user: str, **filters: object) -> list[object]:
        return [a["id"] for a in world.ok(user, "action.list", filters)["actions"]]

    assert ids("delegate") == [foreign["id"], mine["id"]], "own items, across meetings, by due date"
    assert ids("secretary") == [mine["id"], other["id"]]
    assert ids("outsider") == [foreign["id"]]
    assert ids("newcomer") == []
    assert set(ids("admin")) == {mine["id"], other["id"], foreign["id"]}
    assert ids("secretary", query="chuyển đổi") == [mine["id"]]
    assert ids("delegate", meeting_id=world.main) == [mine["id"]]
    world.ok("delegate", "action.set_status", {"action_id": mine["id"], "status": "done"})
    assert ids("delegate", status="open") == [foreign["id"]]
    listed = world.ok("delegate", "action.list", {"status": "done"})["actions"]
    assert listed[0]["meeting_title"] == "Hội nghị tổng kết"
