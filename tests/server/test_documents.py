"""Documents in the meeting: who sees what in snapshots and events, versions, the presenter,
role changes, and the agenda's document_ids. Every check of an event stream also checks
that it brings each viewer's snapshot to the next (the reducer agrees with the server)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from protocol.reducer import apply_events
from server.persistence.models import Blob
from tests.server.world import World

VIEWERS = ["admin", "chair", "secretary", "delegate", "delegate2", "observer", "newcomer", "outsider"]


def titles(world: World, viewer: str) -> list[str]:
    return [doc["title"] for doc in world.snapshot(viewer)["documents"]]


def replayed(world: World, before: dict[str, Any], seq: int) -> None:
    """The events after ``seq``, as each viewer gets them, bring ``before`` to now."""
    for viewer in VIEWERS:
        events = world.events_for(viewer, since=seq)
        assert apply_events(before[viewer], events) == world.snapshot(viewer), viewer


@pytest.fixture
def live(world: World) -> World:
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    return world


def test_who_sees_which_document(live: World) -> None:
    w = live
    before, seq = w.snapshots(VIEWERS, w.main), w.seq()
    public = w.uploaded("secretary", "Báo cáo tổng kết", agenda_item_id=w.meeting.items[0])  # type: ignore[union-attr]
    secret = w.uploaded("secretary", "Phương án nhân sự", access=[w.users["delegate2"]])
    draft = w.uploaded("chair", "Dự thảo kết luận", released=False, agenda_item_id=w.meeting.items[1])  # type: ignore[union-attr]
    everything = ["Báo cáo tổng kết", "Dự thảo kết luận", "Phương án nhân sự"]
    expected = {"admin": everything, "chair": everything, "secretary": everything,
                "delegate": ["Báo cáo tổng kết"], "delegate2": ["Báo cáo tổng kết", "Phương án nhân sự"],
                "observer": ["Báo cáo tổng kết"], "newcomer": [], "outsider": []}
    assert {viewer: titles(w, viewer) for viewer in VIEWERS} == expected
    for viewer in VIEWERS:
        snap = w.snapshot(viewer)
        manages = viewer in ("admin", "chair", "secretary")
        assert all(("reader_ids" in doc) == manages for doc in snap["documents"]), viewer
        shown = {doc["id"] for doc in snap["documents"]}
        assert [item["document_ids"] for item in snap["agenda"]][:2] == [
            [d for d in [public["id"]] if d in shown], [d for d in [draft["id"]] if d in shown]], viewer
    assert next(d for d in w.snapshot("chair")["documents"] if d["id"] == secret["id"])["reader_ids"] == [
        w.users["delegate2"]]
    replayed(w, before, seq)


def test_no_title_reaches_those_who_may_not_read(live: World) -> None:
    w = live
    seq = w.seq()
    secret = w.uploaded("secretary", "Phương án nhân sự", access=[w.users["delegate2"]])
    w.ok("secretary", "document.update", {"document_id": secret["id"], "title": "Phương án nhân sự (sửa)"})
    w.ok("chair", "presenter.set_page", {"meeting_id": w.main, "document_id": secret["id"], "page": 3})
    for viewer in ("delegate", "observer"):
        got = w.events_for(viewer, since=seq)
        assert "nhân sự" not in json.dumps(got, ensure_ascii=False), viewer
        assert [(e["type"], e["data"]) for e in got] == [
            ("document.added", {"document_id": secret["id"], "hidden": True}),
            ("document.updated", {"document_id": secret["id"], "hidden": True}),
            ("presenter.page_changed", {"document_id": secret["id"], "hidden": True})]
    full = w.events_for("delegate2", since=seq)
    assert [e["seq"] for e in full] == [e["seq"] for e in w.events_for("delegate", since=seq)]
    assert full[1]["data"]["document"]["title"] == "Phương án nhân sự (sửa)"
    assert "reader_ids" not in full[1]["data"]["document"]
    assert w.events_for("secretary", since=seq)[1]["data"]["document"]["reader_ids"] == [w.users["delegate2"]]
    assert w.snapshot("delegate2")["presenter"] == {"document_id": secret["id"], "page": 3}
    assert w.snapshot("delegate")["presenter"] is None


def test_release_and_access_changes_move_documents_in_and_out_of_view(live: World) -> None:
    w = live
    draft = w.uploaded("secretary", "Dự thảo", released=False)
    w.ok("chair", "presenter.set_page", {"meeting_id": w.main, "document_id": draft["id"], "page": 2})
    before, seq = w.snapshots(VIEWERS, w.main), w.seq()
    answer = w.ok("secretary", "document.update", {"document_id": draft["id"], "released": True})
    assert answer["document"]["released"] is True
    assert titles(w, "delegate") == ["Dự thảo"] and w.snapshot("delegate")["presenter"]["page"] == 2
    w.ok("secretary", "document.update", {"document_id": draft["id"], "access": [w.users["observer"]]})
    assert titles(w, "delegate") == [] and titles(w, "observer") == ["Dự thảo"]
    assert w.snapshot("delegate")["presenter"] is None
    w.ok("secretary", "document.update", {"document_id": draft["id"], "access": "all"})
    assert titles(w, "delegate") == ["Dự thảo"]
    replayed(w, before, seq)


def test_a_change_that_changes_nothing_emits_nothing(live: World) -> None:
    w = live
    doc = w.uploaded("secretary", "Báo cáo")
    seq = w.seq()
    same = w.ok("chair", "document.update", {"document_id": doc["id"], "title": "Báo cáo", "access": "all",
                                             "released": True})
    assert same["document"] == doc and w.seq() == seq
    w.refused("chair", "document.update", {"document_id": doc["id"], "title": None}, "invalid")
    w.refused("chair", "document.update", {"document_id": doc["id"], "agenda_item_id": 987654}, "invalid")
    w.refused("chair", "document.update", {"document_id": doc["id"], "access": [987654]}, "invalid")


def test_new_versions_keep_the_old_ones_and_follow_the_presenter(live: World) -> None:
    w = live
    doc = w.uploaded("secretary", "Báo cáo", pages=12, content="v1")
    w.ok("chair", "presenter.set_page", {"meeting_id": w.main, "document_id": doc["id"], "page": 9})
    before, seq = w.snapshots(VIEWERS, w.main), w.seq()
    second = w.uploaded("chair", None, replaces=doc["id"], pages=5, content="v2")
    assert (second["id"], second["version"], second["pages"], second["title"]) == (doc["id"], 2, 5, "Báo cáo")
    assert [e["type"] for e in w.events(since=seq)] == ["document.updated", "presenter.page_changed"]
    assert w.snapshot("delegate")["presenter"] == {"document_id": doc["id"], "page": 4}
    versions = w.ok("observer", "document.versions", {"document_id": doc["id"]})["versions"]
    assert [(v["version"], v["pages"], v["sha256"]) for v in versions] == [
        (1, 12, doc["sha256"]), (2, 5, second["sha256"])]
    replayed(w, before, seq)


def test_the_same_bytes_are_indexed_once(live: World) -> None:
    w = live
    first = w.uploaded("secretary", "Một", content="same bytes")
    second = w.uploaded("chair", "Hai", content="same bytes")
    assert first["sha256"] == second["sha256"] and first["id"] != second["id"]
    with w.db.read() as session:
        assert session.scalar(select(func.count()).select_from(Blob)) == 1


def test_removing_the_presented_document_stops_the_presenter(live: World) -> None:
    w = live
    doc = w.uploaded("secretary", "Báo cáo")
    other = w.uploaded("secretary", "Phụ lục")
    w.ok("chair", "presenter.set_page", {"meeting_id": w.main, "document_id": doc["id"], "page": 1})
    before, seq = w.snapshots(VIEWERS, w.main), w.seq()
    w.ok("secretary", "document.remove", {"document_id": other["id"]})
    assert w.snapshot("delegate")["presenter"] == {"document_id": doc["id"], "page": 1}
    w.ok("secretary", "document.remove", {"document_id": doc["id"]})
    assert [e["type"] for e in w.events(since=seq)] == ["document.removed", "document.removed",
                                                        "presenter.stopped"]
    assert w.snapshot("delegate")["presenter"] is None and titles(w, "delegate") == []
    w.refused("secretary", "document.update", {"document_id": doc["id"], "title": "x"}, "not_found")
    replayed(w, before, seq)


def test_the_presenter_needs_a_live_meeting_and_a_real_page(world: World) -> None:
    w = world
    doc = w.uploaded("secretary", "Báo cáo", pages=3)
    payload = {"meeting_id": w.main, "document_id": doc["id"], "page": 0}
    assert "Start the meeting" in w.refused("chair", "presenter.set_page", payload, "conflict")
    w.ok("chair", "meeting.start", {"meeting_id": w.main})
    assert "3 pages" in w.refused("chair", "presenter.set_page", {**payload, "page": 3}, "invalid")
    w.ok("chair", "presenter.set_page", payload)
    seq = w.seq()
    w.ok("chair", "presenter.set_page", payload)
    w.ok("chair", "presenter.stop", {"meeting_id": w.main})
    w.ok("chair", "presenter.stop", {"meeting_id": w.main})
    assert [e["type"] for e in w.events(since=seq)] == ["presenter.stopped"], "repeats emit nothing"
    w.ok("chair", "presenter.set_page", payload)
    seq = w.seq()
    w.ok("chair", "meeting.end", {"meeting_id": w.main})
    # (the current item's time is closed too: agenda.current_changed)
    assert [e["type"] for e in w.events(since=seq)] == ["meeting.status_changed", "agenda.current_changed",
                                                        "presenter.stopped"]
    w.refused("chair", "presenter.set_page", payload, "closed")
    w.refused("secretary", "document.update", {"document_id": doc["id"], "title": "x"}, "closed")
    assert w.upload("secretary", "Sau khi kết thúc")["error"]["code"] == "closed"


def test_role_changes_bring_documents_into_and_out_of_view(live: World) -> None:
    w = live
    draft = w.uploaded("secretary", "Dự thảo", released=False)
    public = w.uploaded("secretary", "Báo cáo")
    w.ok("chair", "presenter.set_page", {"meeting_id": w.main, "document_id": draft["id"], "page": 0})
    before, seq = w.snapshots(VIEWERS, w.main), w.seq()
    user = w.users["delegate"]
    w.ok("admin", "participant.set", {"meeting_id": w.main, "user_id": user, "role": "secretary"})
    assert titles(w, "delegate") == ["Dự thảo", "Báo cáo"]
    assert w.snapshot("delegate")["presenter"] == {"document_id": draft["id"], "page": 0}
    w.ok("admin", "participant.set", {"meeting_id": w.main, "user_id": user, "role": "observer"})
    assert titles(w, "delegate") == ["Báo cáo"] and w.snapshot("delegate")["presenter"] is None
    w.ok("admin", "participant.remove", {"meeting_id": w.main, "user_id": user})
    assert titles(w, "delegate") == []
    newcomer = w.users["newcomer"]
    w.ok("admin", "participant.set", {"meeting_id": w.main, "user_id": newcomer, "role": "delegate"})
    assert titles(w, "newcomer") == ["Báo cáo"]
    w.ok("admin", "participant.set", {"meeting_id": w.main, "user_id": user, "role": "delegate"})
    assert titles(w, "delegate") == ["Báo cáo"]
    types = [e["type"] for e in w.events(since=seq)]
    assert types.count("participant.changed") == 4 and "document.updated" in types
    assert public["id"] in {e["data"].get("document", {}).get("id") for e in w.events(since=seq)}
    replayed(w, before, seq)


def test_removing_an_agenda_item_keeps_its_documents(live: World) -> None:
    w = live
    item = w.meeting.items[1]  # type: ignore[union-attr]
    doc = w.uploaded("secretary", "Báo cáo", agenda_item_id=item)
    assert w.ok("secretary", "agenda.update_item", {"meeting_id": w.main, "item_id": item, "title": "Sửa"})[
        "item"]["document_ids"] == [doc["id"]]
    before, seq = w.snapshots(VIEWERS, w.main), w.seq()
    w.ok("secretary", "agenda.remove_item", {"meeting_id": w.main, "item_id": item})
    assert [e["type"] for e in w.events(since=seq)] == ["agenda.changed"]
    assert w.snapshot("delegate")["documents"][0]["agenda_item_id"] is None
    replayed(w, before, seq)


def test_a_replay_shows_each_viewer_their_part(live: World) -> None:
    w = live
    seq = w.seq()
    w.uploaded("secretary", "Phương án nhân sự", access=[w.users["delegate2"]])
    sid = w.connect("delegate")
    answer = w.ok("delegate", "meeting.join", {"meeting_id": w.main, "since_seq": seq}, sid=sid)
    assert answer["events"][0]["data"]["hidden"] is True
    assert "nhân sự" not in json.dumps(answer["events"], ensure_ascii=False)
    sid2 = w.connect("delegate2")
    answer2 = w.ok("delegate2", "meeting.join", {"meeting_id": w.main, "since_seq": seq}, sid=sid2)
    assert answer2["events"][0]["data"]["document"]["title"] == "Phương án nhân sự"
    assert answer2["events"][0]["seq"] == answer["events"][0]["seq"]


def test_a_repeated_request_changes_nothing(live: World) -> None:
    w = live
    doc = w.uploaded("secretary", "Báo cáo")
    payload = {"document_id": doc["id"], "title": "Một lần",
               "request_id": "9f1c2b3a-0000-4000-8000-000000000001"}
    first = w.run("secretary", "document.update", payload)
    seq = w.seq()
    assert w.run("secretary", "document.update", payload) == first and w.seq() == seq
    # A retried removal gets its first answer, though the document is gone by then.
    removal = {"document_id": doc["id"], "request_id": "9f1c2b3a-0000-4000-8000-000000000002"}
    assert w.run("secretary", "document.remove", removal) == {"ok": True, "data": {}}
    seq = w.seq()
    assert w.run("secretary", "document.remove", removal) == {"ok": True, "data": {}} and w.seq() == seq
    w.refused("secretary", "document.remove", {"document_id": doc["id"]}, "not_found")
