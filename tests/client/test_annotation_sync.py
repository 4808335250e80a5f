"""The annotation store and its outbox over a real Socket.IO connection: strokes made while
the server cannot be reached (and across a restart of the application) are sent once when it
can, none lost and none doubled; events from my other devices and from others apply, the
latest change winning."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from meeting_app.state.annotations import AnnotationStore, new_annotation
from meeting_app.state.outbox import Outbox
from tests.client.conftest import FakeServer
from tests.support.http_stub import serving
from tests.support.server_process import free_port

WAIT = 20_000


def stroke(y: float) -> dict[str, Any]:
    return new_annotation(0, "ink", {"paths": [[[100, y], [200, y + 5]]], "color": "#e5484d", "width": 2})


class Annotations:
    """The server's side of annotation.save/delete/list, as the fake server's handler."""

    def __init__(self) -> None:
        self.saved: dict[str, dict[str, Any]] = {}
        self.clock = 0

    def __call__(self, name: str, payload: dict[str, Any]) -> dict[str, Any]:
        self.clock += 1
        stamp = f"2026-11-21T10:00:{self.clock:02d}.000000Z"
        if name == "annotation.save":
            item = {**payload["annotation"], "document_id": payload["document_id"], "author_id": 3,
                    "author_name": "Nguyễn Văn A", "updated_at": stamp}
            self.saved[item["id"]] = item
            return {"ok": True, "data": {"annotation": item}}
        if name == "annotation.delete":
            if self.saved.pop(payload["annotation_id"], None) is None:
                return {"ok": False, "error": {"code": "not_found", "message": "No such annotation"}}
            return {"ok": True, "data": {}}
        if name == "annotation.list":
            return {"ok": True, "data": {"annotations": list(self.saved.values())}}
        return {"ok": False, "error": {"code": "invalid", "message": name}}


def test_strokes_made_offline_are_sent_once_when_the_connection_returns(
        qtbot: Any, tmp_path: Path, open_connection: Any) -> None:
    path = tmp_path / "outbox.json"
    # The application without a connection: five strokes, one recoloured, one erased.
    offline = AnnotationStore(7, Outbox(None, path), my_user_id=3)
    strokes = [stroke(100 + 50 * i) for i in range(5)]
    for item in strokes:
        offline.save(item)
    offline.save({**strokes[0], "data": {**strokes[0]["data"], "color": "#3b82f6"}})
    offline.delete(strokes[4]["id"])
    assert offline.unsent == 5 and len(offline.all()) == 4
    assert len(json.loads(path.read_text(encoding="utf-8"))) == 5  # on disk, not in memory only
    # Restarted, and the server cannot be reached yet.
    port = free_port()
    conn, recorder = open_connection(f"http://127.0.0.1:{port}", "good")
    store = AnnotationStore(7, Outbox(conn, path), my_user_id=3)
    assert len(store.all()) == 4 and store.unsent == 5  # what was drawn is shown at once
    store.save(stroke(400))  # one more while still offline
    server, handler = FakeServer(port=port), Annotations()
    server.handler = handler
    with serving(server.app(), port) as loop:
        server.loop = loop
        qtbot.waitUntil(lambda: store.unsent == 0, timeout=WAIT)
        qtbot.waitUntil(lambda: any(n == "annotation.list" for n, _ in server.commands), timeout=WAIT)
        sent = [(n, p) for n, p in server.commands if n != "annotation.list"]
        saves = [p["annotation"]["id"] for n, p in sent if n == "annotation.save"]
        # Each annotation once, in its last state; the one erased offline never leaves as a save.
        assert sorted(saves) == sorted([s["id"] for s in strokes[:4]] + [store.all()[-1]["id"]])
        assert [p["annotation_id"] for n, p in sent if n == "annotation.delete"] == [strokes[4]["id"]]
        assert handler.saved[strokes[0]["id"]]["data"]["color"] == "#3b82f6"
        assert len({p["request_id"] for _, p in sent}) == len(sent)
        assert json.loads(path.read_text(encoding="utf-8")) == []
        qtbot.waitUntil(lambda: all(a.get("updated_at") for a in store.all()), timeout=WAIT)
        assert {a["id"] for a in store.all()} == set(handler.saved)
    assert "connected" in recorder.statuses


def test_my_other_device_and_the_latest_change_win(tmp_path: Path) -> None:
    store = AnnotationStore(7, Outbox(None, None), my_user_id=3)
    other = {**stroke(100), "author_id": 3, "updated_at": "2026-11-21T10:00:05.000000Z"}
    store.apply_event("annotation.changed", {"document_id": 7, "annotation": other})
    assert store.get(other["id"]) == other
    stale = {**other, "data": {**other["data"], "color": "#000000"},
             "updated_at": "2026-11-21T10:00:01.000000Z"}
    store.apply_event("annotation.changed", {"document_id": 7, "annotation": stale})
    assert store.get(other["id"])["data"]["color"] == "#e5484d"  # type: ignore[index]
    store.apply_event("annotation.changed", {"document_id": 8, "annotation": {**stroke(1), "document_id": 8}})
    assert len(store.all()) == 1  # another document's
    # My unsent edit here outranks the other device's event until the server stamps it.
    store.save({**other, "data": {**other["data"], "width": 8}})
    newer = {**other, "updated_at": "2026-11-21T10:00:09.000000Z"}
    store.apply_event("annotation.changed", {"document_id": 7, "annotation": newer})
    assert store.get(other["id"])["data"]["width"] == 8  # type: ignore[index]
    store.apply_event("annotation.deleted", {"document_id": 7, "annotation_id": other["id"]})
    assert store.get(other["id"]) is not None
    # Someone else's shared annotation comes and goes with annotation.shared / unshared.
    theirs = {**stroke(300), "author_id": 9, "author_name": "Trần Thị B", "shared": True,
              "updated_at": "2026-11-21T10:00:10.000000Z"}
    store.apply_event("annotation.shared", {"document_id": 7, "annotation": theirs})
    assert store.get(theirs["id"]) is not None and not store.is_mine(theirs)
    store.apply_event("annotation.unshared", {"document_id": 7, "annotation_id": theirs["id"],
                                              "author_id": 9, "deleted": False})
    assert store.get(theirs["id"]) is None
