"""Who may do what with documents: every document command, the upload and the download,
for every role, on public, restricted and unreleased documents.

As in test_permissions: each actor gets a fresh meeting, so an allowed command really
succeeds, and a refused one changes nothing (no seq, no event, the same snapshot).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from protocol.errors import ProtocolError
from server.domain.documents.changes import readable_version
from tests.server.world import MeetingHandle, World

ACTORS = ["admin", "organizer", "chair", "secretary", "delegate", "observer", "outsider"]
MANAGERS = ("admin", "chair", "secretary")
NON_MEMBERS = ("organizer", "outsider")


def outcome(ok: tuple[str, ...], forbidden: tuple[str, ...] = ()) -> dict[str, str]:
    """ok for ``ok``; ``forbidden`` for those; not_found for the rest (they take no part)."""
    return {a: "ok" if a in ok else "forbidden" if a in forbidden else "not_found" for a in ACTORS}


def live(world: World, m: MeetingHandle) -> None:
    world.ok("admin", "meeting.start", {"meeting_id": m.id})


Doc = dict[str, Any]


def a_note(shared: bool = False) -> dict[str, Any]:
    """A new sticky note (a fresh client-made id each time)."""
    return {"id": str(uuid.uuid4()), "page": 0, "kind": "note", "shared": shared,
            "data": {"point": [80.0, 90.0], "text": "Ghi chú", "color": "#ffcc00"}}


Prepare = Callable[[World, MeetingHandle], Doc]


def public(world: World, m: MeetingHandle) -> Doc:
    live(world, m)
    return world.uploaded("secretary", "Báo cáo", meeting_id=m.id)


def restricted(world: World, m: MeetingHandle) -> Doc:
    live(world, m)
    return world.uploaded("secretary", "Tài liệu mật", meeting_id=m.id, access=[world.users["delegate2"]])


def unreleased(world: World, m: MeetingHandle) -> Doc:
    live(world, m)
    return world.uploaded("secretary", "Dự thảo", meeting_id=m.id, released=False)


def presented(world: World, m: MeetingHandle) -> Doc:
    doc = public(world, m)
    world.ok("chair", "presenter.set_page", {"meeting_id": m.id, "document_id": doc["id"], "page": 1})
    return doc


MATRIX: list[tuple[str, Prepare, Callable[[MeetingHandle, Doc], dict[str, Any]], dict[str, str]]] = [
    ("document.update", public, lambda m, d: {"document_id": d["id"], "title": "Đổi tên"},
     outcome(MANAGERS, ("delegate", "observer"))),
    ("document.update", restricted, lambda m, d: {"document_id": d["id"], "released": False},
     outcome(MANAGERS, ("delegate", "observer"))),
    ("document.remove", public, lambda m, d: {"document_id": d["id"]},
     outcome(MANAGERS, ("delegate", "observer"))),
    ("document.versions", public, lambda m, d: {"document_id": d["id"]},
     outcome((*MANAGERS, "delegate", "observer"))),
    ("document.versions", restricted, lambda m, d: {"document_id": d["id"]},
     outcome(MANAGERS, ("delegate", "observer"))),
    ("document.versions", unreleased, lambda m, d: {"document_id": d["id"]},
     outcome(MANAGERS, ("delegate", "observer"))),
    ("presenter.set_page", public, lambda m, d: {"meeting_id": m.id, "document_id": d["id"], "page": 2},
     outcome(("admin", "chair"), ("secretary", "delegate", "observer"))),
    ("presenter.set_page", restricted, lambda m, d: {"meeting_id": m.id, "document_id": d["id"], "page": 0},
     outcome(("admin", "chair"), ("secretary", "delegate", "observer"))),
    ("presenter.stop", presented, lambda m, d: {"meeting_id": m.id},
     outcome(("admin", "chair"), ("secretary", "delegate", "observer"))),
    # Annotations: whoever reads the document (observers too: a pen needs no vote).
    ("annotation.save", public, lambda m, d: {"document_id": d["id"], "annotation": a_note(shared=True)},
     outcome((*MANAGERS, "delegate", "observer"))),
    ("annotation.save", restricted, lambda m, d: {"document_id": d["id"], "annotation": a_note()},
     outcome(MANAGERS, ("delegate", "observer"))),
    ("annotation.save", unreleased, lambda m, d: {"document_id": d["id"], "annotation": a_note()},
     outcome(MANAGERS, ("delegate", "observer"))),
    ("annotation.list", public, lambda m, d: {"document_id": d["id"]},
     outcome((*MANAGERS, "delegate", "observer"))),
    ("annotation.list", restricted, lambda m, d: {"document_id": d["id"]},
     outcome(MANAGERS, ("delegate", "observer"))),
    ("annotation.comments", public, lambda m, d: {"document_id": d["id"]},
     outcome(MANAGERS, ("delegate", "observer"))),
]


@pytest.mark.parametrize(("command", "prepare", "payload", "expected"), MATRIX,
                         ids=[f"{row[0]}-{row[1].__name__}" for row in MATRIX])
def test_document_command_rights(world: World, command: str, prepare: Prepare,
                                 payload: Callable[[MeetingHandle, Doc], dict[str, Any]],
                                 expected: dict[str, str]) -> None:
    for actor in ACTORS:
        meeting = world.new_meeting()
        body = payload(meeting, prepare(world, meeting))
        seq = world.seq(meeting.id)
        if expected[actor] == "ok":
            world.ok(actor, command, body)
        else:
            message = world.refused(actor, command, body, expected[actor])
            assert world.seq(meeting.id) == seq
            if expected[actor] == "not_found" and "meeting_id" not in body:
                assert message == f"Document {body['document_id']} not found", "its meeting is not disclosed"


def test_upload_rights(world: World) -> None:
    expected = outcome(MANAGERS, ("delegate", "observer"))
    for actor in ACTORS:
        meeting = world.new_meeting()
        seq, before = world.seq(meeting.id), world.snapshot("admin", meeting.id)
        answer = world.upload(actor, "Tải lên", meeting_id=meeting.id)
        if expected[actor] == "ok":
            assert answer["ok"], (actor, answer)
            assert answer["data"]["document"]["uploaded_by"] == world.users[actor]
        else:
            assert answer["error"]["code"] == expected[actor], (actor, answer)
            assert (world.seq(meeting.id), world.snapshot("admin", meeting.id)) == (seq, before)


@pytest.mark.parametrize(("prepare", "readers"), [
    (public, {*MANAGERS, "delegate", "delegate2", "observer"}),
    (restricted, {*MANAGERS, "delegate2"}),
    (unreleased, set(MANAGERS)),
])
def test_download_rights(world: World, prepare: Prepare, readers: set[str]) -> None:
    """What GET /api/documents/{id}/content asks: 403 for whoever may not read it (a
    non-participant included), whatever their global role but admin."""
    doc = prepare(world, world.meeting)  # type: ignore[arg-type]
    for actor in [*ACTORS, "delegate2", "newcomer"]:
        with world.db.read() as session:
            try:
                version = readable_version(session, world.conns[actor].actor, doc["id"], None)
                got = "ok" if version.sha256 == doc["sha256"] else "wrong"
            except ProtocolError as refusal:
                got = str(refusal.code)
        assert got == ("ok" if actor in readers else "forbidden"), actor


def test_documents_of_a_foreign_meeting_are_not_found(world: World) -> None:
    assert world.foreign is not None
    live(world, world.foreign)
    doc = world.uploaded("outsider", "Của cuộc họp khác", meeting_id=world.foreign.id)
    for actor in ("chair", "secretary", "delegate", "observer", "organizer"):
        for command in ("document.update", "document.remove", "document.versions", "annotation.list",
                        "annotation.comments"):
            message = world.refused(actor, command, {"document_id": doc["id"]}, "not_found")
            assert message == f"Document {doc['id']} not found"
        world.refused(actor, "presenter.set_page",
                      {"meeting_id": world.foreign.id, "document_id": doc["id"], "page": 0}, "not_found")
    answer = world.upload("chair", "Vào họp khác", meeting_id=world.foreign.id)
    assert answer["error"]["code"] == "not_found"


def test_unknown_documents_are_not_found_even_for_admin(world: World) -> None:
    live(world, world.meeting)  # type: ignore[arg-type]
    for command in ("document.update", "document.remove", "document.versions"):
        message = world.refused("admin", command, {"document_id": 424242}, "not_found")
        assert message == "Document 424242 not found"
    world.refused("admin", "presenter.set_page", {"meeting_id": world.main, "document_id": 424242, "page": 0},
                  "not_found")
