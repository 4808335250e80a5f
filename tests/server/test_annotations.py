"""Annotations and personal notes through the server's pipeline, on SQLite and PostgreSQL.

What a user relies on: their marks are kept per document version and shown only to them
unless shared; a shared one reaches the document's readers with its author's name and
nobody else; bad input changes nothing; two devices end in the same state; a new version
keeps the marks whose page is still there and says which could not be kept.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from protocol import events as ev
from protocol.annotations import MAX_INK_POINTS, page_text_hash
from server.persistence.models import Annotation, PersonalNote
from server.transport.services import viewer_room
from tests.server.world import World

A4 = [595.0, 842.0]
TEXTS = ["Trang bìa: Báo cáo tổng kết năm 2026", "Phần I. Kết quả thực hiện nhiệm vụ",
         "Phần II. Phương hướng năm 2027"]


def info(texts: list[str], size: list[float] = A4) -> list[list[Any]]:
    return [[*size, page_text_hash(text)] for text in texts]


def note(ident: str | None = None, page: int = 0, shared: bool = False, text: str = "Cần làm rõ số liệu",
         point: tuple[float, float] = (100.0, 120.0), **extra: Any) -> dict[str, Any]:
    return {"id": ident or str(uuid.uuid4()), "page": page, "kind": "note", "shared": shared,
            "data": {"point": list(point), "text": text, "color": "#ffcc00"}, **extra}


class Emits:
    """Every Socket.IO emit the server makes (it still makes them: this only listens)."""

    def __init__(self, world: World) -> None:
        self.sent: list[tuple[str, dict[str, Any], Any, str | None]] = []
        sio = world.pipeline.services.sio
        real = sio.emit

        async def emit(event: str, data: Any = None, *args: Any, **kwargs: Any) -> None:
            self.sent.append((event, data, kwargs.get("room"), kwargs.get("skip_sid")))
            await real(event, data, *args, **kwargs)

        sio.emit = emit  # type: ignore[method-assign]

    def user_events(self) -> list[tuple[str, dict[str, Any], Any, str | None]]:
        return [e for e in self.sent if e[0] == ev.USER_EVENT_NAME]


@pytest.fixture
def emits(world: World) -> Emits:
    return Emits(world)


@pytest.fixture
def doc(world: World) -> dict[str, Any]:
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    return world.uploaded("secretary", "Báo cáo tổng kết", pages=3, page_info=info(TEXTS))


def save(world: World, user: str, doc: dict[str, Any], annotation: dict[str, Any],
         **kw: Any) -> dict[str, Any]:
    payload = {"document_id": doc["id"], "annotation": annotation}
    return dict(world.ok(user, "annotation.save", payload, **kw)["annotation"])


def listed(world: World, user: str, doc: dict[str, Any], **extra: Any) -> list[dict[str, Any]]:
    return list(world.ok(user, "annotation.list", {"document_id": doc["id"], **extra})["annotations"])


def rows(world: World) -> list[tuple[Any, ...]]:
    with world.db.read() as session:
        return [(r.id, r.version, r.page, r.data, r.shared, r.deleted, r.updated_at)
                for r in session.scalars(select(Annotation).order_by(Annotation.id))]


def test_save_list_delete_of_a_private_annotation(world: World, doc: dict[str, Any], emits: Emits) -> None:
    seq = world.seq()
    saved = save(world, "delegate", doc, note(), sid="tablet")
    assert saved["author_id"] == world.users["delegate"] and saved["author_name"] == "Người dùng delegate"
    assert (saved["version"], saved["page"], saved["shared"], saved["deleted"]) == (1, 0, False, False)
    assert listed(world, "delegate", doc) == [saved]
    # Private: no meeting event; the author's other sockets hear of it, the saving one does not.
    assert world.seq() == seq
    [(_name, envelope, room, skip)] = emits.user_events()
    assert envelope["type"] == ev.ANNOTATION_CHANGED and envelope["data"]["annotation"] == saved
    assert (room, skip) == (viewer_room(world.main, world.users["delegate"]), "tablet")
    assert listed(world, "delegate2", doc) == [] and listed(world, "chair", doc) == []
    assert world.ok("delegate", "annotation.delete", {"document_id": doc["id"], "annotation_id": saved["id"]},
                    sid="tablet") == {}
    assert listed(world, "delegate", doc) == [] and world.seq() == seq
    deleted = emits.user_events()[-1][1]
    assert deleted["type"] == ev.ANNOTATION_DELETED and deleted["data"]["annotation_id"] == saved["id"]
    assert deleted["data"]["updated_at"] > saved["updated_at"]


def test_a_shared_annotation_reaches_readers_with_its_authors_name(world: World, doc: dict[str, Any]) -> None:
    private = save(world, "delegate", doc, note(text="Riêng tôi"))
    shared = save(world, "delegate", doc, note(shared=True, text="Đề nghị bổ sung số liệu quý IV"))
    seen = listed(world, "delegate2", doc)
    assert seen == [shared] and seen[0]["author_name"] == "Người dùng delegate"
    assert {a["id"] for a in listed(world, "delegate", doc)} == {private["id"], shared["id"]}
    [event] = [e for e in world.events_for("delegate2") if e["type"] == ev.ANNOTATION_SHARED]
    assert event["data"] == {"document_id": doc["id"], "annotation": shared}
    assert all(private["id"] not in str(e) for e in world.events_for("chair"))
    # Making it private again takes it from the others; the secretary's summary follows.
    assert world.ok("secretary", "annotation.comments", {"document_id": doc["id"]})["annotations"] == [shared]
    save(world, "delegate", doc, {**note(shared.pop("id")), "data": shared["data"], "shared": False})
    assert listed(world, "delegate2", doc) == []
    assert world.events()[-1]["type"] == ev.ANNOTATION_UNSHARED
    assert world.ok("secretary", "annotation.comments", {"document_id": doc["id"]})["annotations"] == []


def test_a_restricted_documents_annotations_stay_with_its_readers(world: World) -> None:
    world.ok("chair", "meeting.start", {"meeting_id": world.main})
    secret = world.uploaded("secretary", "Tài liệu mật", pages=2, access=[world.users["delegate"]])
    shared = save(world, "delegate", secret, note(shared=True))
    assert listed(world, "chair", secret) == [shared]
    event = world.events_for("delegate2")[-1]
    assert event["data"] == {"document_id": secret["id"], "hidden": True}, "withheld, with its seq"
    d = secret["id"]
    for command, payload in [("annotation.list", {"document_id": d}),
                             ("annotation.save", {"document_id": d, "annotation": note()}),
                             ("annotation.delete", {"document_id": d, "annotation_id": shared["id"]})]:
        world.refused("delegate2", command, payload, "forbidden")


def test_bad_input_changes_nothing(world: World, doc: dict[str, Any], emits: Emits) -> None:
    mine = save(world, "delegate", doc, note())
    theirs_shared = save(world, "delegate2", doc, note(shared=True))
    ink = {"id": str(uuid.uuid4()), "page": 0, "kind": "ink", "data": {
        "paths": [[[10.0 + i % 500, 10.0 + i // 500] for i in range(MAX_INK_POINTS + 1)]],
        "color": "#000000", "width": 2.0}}
    d = doc["id"]
    cases = [  # (who, payload, code, words in the message)
        ("delegate", {"document_id": d, "annotation": note(page=3)}, "invalid", "out of range"),
        ("delegate", {"document_id": d, "annotation": note(point=(100.0, 5000.0))}, "invalid",
         "outside the page"),
        ("delegate", {"document_id": d, "annotation": {
            **note(), "data": {"point": [1.0], "text": "", "color": "#000000"}}}, "invalid", "point"),
        ("delegate", {"document_id": d, "annotation": {**note(), "kind": "circle"}}, "invalid", "kind"),
        ("delegate", {"document_id": d, "annotation": ink}, "invalid", "10000 points"),
        ("delegate", {"document_id": d, "annotation": note(version=7)}, "invalid", "no version 7"),
        ("delegate", {"document_id": d, "annotation": note(mine["id"], page=3)}, "invalid", "out of range"),
        # Someone else's private annotation does not exist for the caller; a shared one is read-only.
        ("chair", {"document_id": d, "annotation": note(mine["id"])}, "not_found", "No such annotation"),
        ("delegate2", {"document_id": d, "annotation": note(mine["id"])}, "not_found", "No such annotation"),
        ("delegate", {"document_id": d, "annotation": note(theirs_shared["id"], shared=True)}, "forbidden",
         "author"),
        ("delegate", {"document_id": 99999, "annotation": note()}, "not_found", "Document 99999"),
    ]
    before, seq, emitted = rows(world), world.seq(), len(emits.sent)
    for user, payload, code, words in cases:
        assert words in world.refused(user, "annotation.save", payload, code)
    for user, annotation_id, code in [("delegate2", mine["id"], "not_found"),
                                      ("chair", mine["id"], "not_found"),
                                      ("delegate", theirs_shared["id"], "forbidden"),
                                      ("delegate", str(uuid.uuid4()), "not_found")]:
        world.refused(user, "annotation.delete", {"document_id": d, "annotation_id": annotation_id}, code)
    assert (rows(world), world.seq(), len(emits.sent)) == (before, seq, emitted)


def test_latest_change_wins_between_two_devices(world: World, doc: dict[str, Any], emits: Emits) -> None:
    ident = str(uuid.uuid4())
    first = save(world, "delegate", doc, note(ident, text="Bản từ máy tính bảng"), sid="tablet")
    # The laptop edited offline from before the first save; its save arrives later and wins.
    second = save(world, "delegate", doc, note(ident, text="Bản từ máy xách tay", base_updated_at=None),
                  sid="laptop")
    assert second["updated_at"] > first["updated_at"] and second["created_at"] == first["created_at"]
    assert listed(world, "delegate", doc) == [second]
    assert emits.user_events()[-1][3] == "laptop", "the tablet is told (every socket but the laptop)"
    stamps = [save(world, "delegate", doc, note(ident, text=f"lần {n}"))["updated_at"] for n in range(20)]
    assert stamps == sorted(set(stamps)), "server times strictly increase per annotation"


def test_sending_the_same_save_again_changes_nothing(world: World, doc: dict[str, Any], emits: Emits) -> None:
    annotation = note(shared=True)
    first = save(world, "delegate", doc, annotation)
    seq, emitted = world.seq(), len(emits.sent)
    assert save(world, "delegate", doc, annotation) == first
    assert (world.seq(), len(emits.sent), len(rows(world))) == (seq, emitted, 1)
    request = {"document_id": doc["id"], "annotation": note(), "request_id": str(uuid.uuid4())}
    first_answer = world.ok("delegate", "annotation.save", request)
    assert world.ok("delegate", "annotation.save", request) == first_answer


def test_a_deleted_annotation_is_not_brought_back(world: World, doc: dict[str, Any]) -> None:
    saved = save(world, "delegate", doc, note(shared=True))
    world.ok("delegate", "annotation.delete", {"document_id": doc["id"], "annotation_id": saved["id"]})
    assert world.events()[-1]["data"] == {"document_id": doc["id"], "annotation_id": saved["id"],
                                          "author_id": world.users["delegate"], "deleted": True}
    world.refused("delegate", "annotation.save", {"document_id": doc["id"], "annotation": note(saved["id"])},
                  "conflict")
    gone = {"document_id": doc["id"], "annotation_id": saved["id"]}
    assert world.ok("delegate", "annotation.delete", gone) == {}, "deleting twice: the same end"
    assert listed(world, "delegate", doc) == [] and listed(world, "delegate2", doc) == []


def test_a_new_version_carries_annotations_by_page_text(world: World, doc: dict[str, Any],
                                                        emits: Emits) -> None:
    kept = save(world, "delegate", doc, note(page=0))
    moved = save(world, "delegate", doc, note(page=2, shared=True))
    lost = save(world, "delegate", doc, note(page=1))
    off_page = save(world, "chair", doc, note(page=0, point=(580.0, 800.0)))
    # Version 2: a foreword inserted, part I rewritten, part II kept; smaller pages.
    new_texts = ["Lời nói đầu", TEXTS[0], "Phần I. Kết quả thực hiện nhiệm vụ (sửa đổi)", TEXTS[2]]
    world.uploaded("secretary", None, replaces=doc["id"], pages=4, page_info=info(new_texts, [420.0, 595.0]))
    mine = {a["id"]: (a["version"], a["page"], a["orphaned"]) for a in listed(world, "delegate", doc)}
    assert mine == {kept["id"]: (2, 1, False), moved["id"]: (2, 3, False), lost["id"]: (1, 1, True)}
    assert [a["id"] for a in listed(world, "delegate2", doc)] == [moved["id"]], "others see only shared ones"
    chairs = listed(world, "chair", doc)
    assert [(a["id"], a["orphaned"]) for a in chairs if a["author_id"] == world.users["chair"]] == \
        [(off_page["id"], True)], "the same text, but the mark would fall off the smaller page"
    told = {e[2]: e[1]["data"] for e in emits.user_events() if e[1]["type"] == ev.ANNOTATIONS_CARRIED}
    assert told[viewer_room(world.main, world.users["delegate"])] == {
        "document_id": doc["id"], "version": 2, "carried": 2,
        "orphaned": [{"annotation_id": lost["id"], "version": 1, "page": 1}]}
    chair_told = told[viewer_room(world.main, world.users["chair"])]
    assert chair_told["orphaned"][0]["annotation_id"] == off_page["id"]
    # The old version still lists what stayed on it; a carried mark can be edited on its new page.
    assert [a["id"] for a in listed(world, "delegate", doc, version=1)] == [lost["id"]]
    world.refused("delegate", "annotation.save",
                  {"document_id": doc["id"], "annotation": note(kept["id"], page=1, point=(500.0, 700.0))},
                  "invalid")  # off the 420 x 595 page of version 2


def test_personal_notes_are_private_and_synced(world: World, emits: Emits) -> None:
    assert world.meeting is not None
    item = world.meeting.items[1]
    payload = {"meeting_id": world.main, "agenda_item_id": item, "text": "Hỏi về tiến độ giải ngân"}
    saved = world.ok("delegate", "note.save", payload, sid="tablet")["note"]
    assert (saved["agenda_item_id"], saved["text"]) == (item, payload["text"])
    assert world.ok("delegate", "note.list", {"meeting_id": world.main})["notes"] == [saved]
    assert world.ok("chair", "note.list", {"meeting_id": world.main})["notes"] == []
    [(_name, envelope, room, skip)] = emits.user_events()
    assert envelope["type"] == ev.NOTE_CHANGED and (room, skip) == (
        viewer_room(world.main, world.users["delegate"]), "tablet")
    edited = world.ok("delegate", "note.save", {**payload, "text": "Đã hỏi"})["note"]
    assert edited["id"] == saved["id"] and edited["updated_at"] > saved["updated_at"]
    assert world.ok("delegate", "note.save", {**payload, "text": "Đã hỏi"})["note"] == edited
    assert len(emits.user_events()) == 2, "the same text again: nothing to tell"
    assert world.foreign is not None
    world.refused("delegate", "note.save", {**payload, "agenda_item_id": world.foreign.items[0]}, "invalid")
    world.refused("delegate", "note.list", {"meeting_id": world.foreign.id}, "not_found")
    with world.db.read() as session:
        assert len(list(session.scalars(select(PersonalNote)))) == 1


@pytest.fixture(autouse=True)
def _no_leftover_emit_patch(world: World) -> Iterator[None]:
    yield
    world.pipeline.services.sio.__dict__.pop("emit", None)
