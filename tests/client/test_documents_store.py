"""The store's documents and presenter: signals in the style of the others (a part that is
the same object did not change), and the documents model grouped by agenda item."""

from __future__ import annotations

import copy
from typing import Any

from meeting_app.state.documents import DocumentsModel
from meeting_app.state.store import MeetingStore
from tests.support.capabilities import empty_snapshot_for

SHA_A, SHA_B, SHA_C = "a" * 64, "b" * 64, "c" * 64


def document(doc_id: int, title: str, sha: str, item: int | None, **extra: Any) -> dict[str, Any]:
    return {"id": doc_id, "title": title, "sha256": sha, "pages": 4, "agenda_item_id": item,
            "version": 1, "size": 1000, "filename": f"{doc_id}.pdf", "access": "all",
            "released": True, "uploaded_at": "2026-11-21T09:00:00Z", "uploaded_by": 2, **extra}


def snapshot() -> dict[str, Any]:
    snap = empty_snapshot_for(1, 5, "delegate")
    snap["meeting"]["title"] = "Phiên họp"
    snap["agenda"] = [
        {"id": 10, "title": "Khai mạc", "position": 0, "presenter": None, "duration_min": 5,
         "document_ids": [1]},
        {"id": 11, "title": "Báo cáo", "position": 1, "presenter": None, "duration_min": 30,
         "document_ids": [2]},
    ]
    snap["documents"] = [document(1, "Chương trình", SHA_A, 10),
                         document(2, "Báo cáo tổng kết", SHA_B, 11, access="restricted"),
                         document(3, "Phụ lục", SHA_C, None)]
    snap["participants"] = [{"user_id": 5, "full_name": "Đại biểu", "username": "d", "role": "delegate",
                             "site_id": None, "voting_weight": 1, "attendance": "unknown",
                             "online": True}]
    return snap


class Signals:
    def __init__(self, store: MeetingStore) -> None:
        self.documents = 0
        self.presenter: list[Any] = []
        self.agenda = 0
        store.documents_changed.connect(self._documents)
        store.presenter_changed.connect(self.presenter.append)
        store.agenda_changed.connect(self._agenda)

    def _documents(self) -> None:
        self.documents += 1

    def _agenda(self) -> None:
        self.agenda += 1


def event(seq: int, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"meeting_id": 1, "seq": seq, "type": kind, "data": data, "at": "2026-11-21T09:30:00Z"}


def test_loading_a_snapshot_announces_documents_and_presenter(qtbot: Any) -> None:
    store, snap = MeetingStore(), snapshot()
    snap["presenter"] = {"document_id": 1, "page": 2}
    seen = Signals(store)
    store.load(4, snap)
    assert seen.documents == 1 and seen.presenter == [{"document_id": 1, "page": 2}]
    assert [d["id"] for d in store.documents] == [1, 2, 3]
    assert store.document_by_id(2)["access"] == "restricted"
    assert store.document_by_id(99) is None
    assert store.presenter == {"document_id": 1, "page": 2}


def test_presenter_events_move_the_presented_page(qtbot: Any) -> None:
    store = MeetingStore()
    store.load(4, snapshot())
    seen = Signals(store)
    store.apply(event(5, "presenter.page_changed", {"document_id": 2, "page": 3}))
    store.apply(event(6, "presenter.page_changed", {"document_id": 2, "page": 4}))
    store.apply(event(7, "presenter.stopped", {}))
    assert seen.presenter == [{"document_id": 2, "page": 3}, {"document_id": 2, "page": 4}, None]
    assert seen.documents == 0  # the documents did not change
    assert store.presenter is None


def test_other_events_leave_documents_and_presenter_alone(qtbot: Any) -> None:
    store = MeetingStore()
    store.load(4, snapshot())
    seen = Signals(store)
    store.apply(event(5, "attendance.changed", {"user_id": 5, "attendance": "present"}))
    assert seen.documents == 0 and seen.presenter == []


def test_the_model_groups_documents_by_agenda_item(qtbot: Any) -> None:
    store = MeetingStore()
    store.load(1, snapshot())
    model = DocumentsModel(store)
    groups = [model.item(r) for r in range(model.rowCount())]
    assert [g.text() for g in groups] == ["1. Khai mạc", "2. Báo cáo", "Other documents"]
    assert [g.child(0).data(DocumentsModel.IdRole) for g in groups] == [1, 2, 3]
    assert model.document_ids() == [1, 2, 3]
    # A new snapshot with the document moved: the model follows.
    moved = copy.deepcopy(snapshot())
    moved["documents"][2]["agenda_item_id"] = 10
    store.load(2, moved)
    assert [model.item(r).rowCount() for r in range(model.rowCount())] == [2, 1]


def test_document_events_reach_the_store_and_the_model(qtbot: Any) -> None:
    store = MeetingStore()
    store.load(1, snapshot())
    model = DocumentsModel(store)
    seen = Signals(store)
    store.apply(event(2, "document.added", {"document": document(4, "Tờ trình", "d" * 64, 11)}))
    assert seen.documents == 1 and store.document_by_id(4)["title"] == "Tờ trình"
    assert store.item_by_id(11)["document_ids"] == [2, 4]
    assert model.item(1).rowCount() == 2
    renamed = document(4, "Tờ trình (sửa)", "e" * 64, None, version=2)
    store.apply(event(3, "document.updated", {"document": renamed}))
    assert store.document_by_id(4)["version"] == 2 and store.item_by_id(11)["document_ids"] == [2]
    # Access taken away: the withheld form removes it.
    store.apply(event(4, "document.updated", {"document_id": 2, "hidden": True}))
    assert store.document_by_id(2) is None and 2 not in model.document_ids()
    store.apply(event(5, "presenter.page_changed", {"document_id": 1, "page": 0}))
    store.apply(event(6, "document.removed", {"document_id": 1}))
    assert store.document_by_id(1) is None and store.presenter is None
    assert seen.presenter[-1] is None and seen.documents == 4
    # A presented document I may not read: no presenter for me.
    store.apply(event(7, "presenter.page_changed", {"document_id": 9, "hidden": True}))
    assert store.presenter is None
