"""The Qt item models reflect the store, and only the store (no display, no server)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt

from meeting_app.state.models import (
    AgendaModel,
    MeetingListModel,
    ParticipantsModel,
    local_time_text,
    parse_time,
)
from meeting_app.state.store import MeetingStore
from tests.support.capabilities import empty_snapshot_for

pytest.importorskip("pytestqt")


def snapshot() -> dict[str, Any]:
    """A small meeting: three agenda items, two sites, three participants."""
    snap = empty_snapshot_for(1, user_id=2, role="chair")
    snap["meeting"].update(title="Hội nghị tổng kết", status="live", current_item_id=11)
    snap["agenda"] = [
        {"id": 10, "title": "Khai mạc", "position": 0, "presenter": "Chánh Văn phòng",
         "duration_min": 10, "document_ids": []},
        {"id": 11, "title": "Báo cáo tổng kết", "position": 1, "presenter": None,
         "duration_min": 30, "document_ids": []},
        {"id": 12, "title": "Bế mạc", "position": 2, "presenter": None, "duration_min": None,
         "document_ids": []},
    ]
    snap["sites"] = [{"id": 1, "name": "Hội trường Bộ", "is_central": True, "online": True},
                     {"id": 2, "name": "Điểm cầu Đà Nẵng", "is_central": False, "online": False}]
    snap["participants"] = [
        {"user_id": 2, "full_name": "Nguyễn Văn Hùng", "username": "chair", "role": "chair",
         "site_id": 1, "voting_weight": 1, "attendance": "present", "online": True},
        {"user_id": 3, "full_name": "Trần Thị Mai", "username": "secretary", "role": "secretary",
         "site_id": 1, "voting_weight": 1, "attendance": "unknown", "online": False},
        {"user_id": 5, "full_name": "Lê Quang Đức", "username": "delegate1", "role": "delegate",
         "site_id": 2, "voting_weight": 1, "attendance": "unknown", "online": False},
    ]
    return snap


def event(seq: int, type_: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"meeting_id": 1, "seq": seq, "type": type_, "data": data, "at": "2026-11-21T01:00:00Z"}


@pytest.fixture
def store(qapp: Any) -> MeetingStore:
    store = MeetingStore()
    store.load(5, snapshot())
    return store


def titles(model: AgendaModel) -> list[str]:
    return [model.data(model.index(row)) for row in range(model.rowCount())]


def test_agenda_model_shows_items_and_marks_the_current_one(store: MeetingStore) -> None:
    model = AgendaModel(store)
    assert titles(model) == ["Khai mạc", "Báo cáo tổng kết", "Bế mạc"]
    current = [model.data(model.index(r), AgendaModel.CurrentRole) for r in range(3)]
    assert current == [False, True, False]
    assert model.data(model.index(0), AgendaModel.PresenterRole) == "Chánh Văn phòng"
    assert model.data(model.index(1), AgendaModel.DurationRole) == 30
    assert model.data(model.index(2), AgendaModel.NumberRole) == 3


def test_agenda_model_follows_the_current_item(store: MeetingStore) -> None:
    model = AgendaModel(store)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom: changed.append(top.row()))
    store.apply(event(6, "agenda.current_changed", {"item_id": 12, "started_at": None}))
    assert sorted(changed) == [1, 2]
    assert model.data(model.index(2), AgendaModel.CurrentRole) is True
    assert model.data(model.index(1), AgendaModel.CurrentRole) is False


def test_agenda_model_reloads_when_the_agenda_changes(store: MeetingStore) -> None:
    model = AgendaModel(store)
    agenda = [dict(item) for item in reversed(store.agenda)]
    agenda[0]["title"] = "Bế mạc hội nghị"
    store.apply(event(6, "agenda.changed", {"agenda": agenda}))
    assert titles(model) == ["Bế mạc hội nghị", "Báo cáo tổng kết", "Khai mạc"]


def test_dropping_an_item_asks_for_the_order_and_moves_nothing(store: MeetingStore) -> None:
    model = AgendaModel(store)
    asked: list[list[int]] = []
    model.reorder_requested.connect(asked.append)
    mime = model.mimeData([model.index(2)])
    # Not reorderable (a delegate): refused.
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    model.set_reorderable(True)
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    # "Bế mạc" dropped before the first row.
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex()) is False
    # "Khai mạc" dropped at the end of the list.
    model.dropMimeData(model.mimeData([model.index(0)]), Qt.DropAction.MoveAction, -1, -1,
                       QModelIndex())
    assert asked == [[12, 10, 11], [11, 12, 10]]
    assert titles(model) == ["Khai mạc", "Báo cáo tổng kết", "Bế mạc"]  # until the server says


def test_dropping_an_item_where_it_is_asks_nothing(store: MeetingStore) -> None:
    model = AgendaModel(store)
    model.set_reorderable(True)
    asked: list[list[int]] = []
    model.reorder_requested.connect(asked.append)
    model.dropMimeData(model.mimeData([model.index(1)]), Qt.DropAction.MoveAction, 1, 0,
                       QModelIndex())
    assert asked == []


def site_rows(model: ParticipantsModel) -> list[tuple[str, list[str]]]:
    rows = []
    for row in range(model.rowCount()):
        site = model.item(row)
        rows.append((site.text(), [site.child(r).text() for r in range(site.rowCount())]))
    return rows


def test_participants_are_grouped_by_site(store: MeetingStore) -> None:
    model = ParticipantsModel(store)
    assert site_rows(model) == [("Hội trường Bộ", ["Nguyễn Văn Hùng", "Trần Thị Mai"]),
                                ("Điểm cầu Đà Nẵng", ["Lê Quang Đức"])]
    site = model.item(0)
    assert site.data(ParticipantsModel.CentralRole) is True
    assert (site.data(ParticipantsModel.OnlineCountRole), site.data(ParticipantsModel.CountRole)) \
        == (1, 2)
    assert site.child(0).data(ParticipantsModel.RoleRole) == "chair"


def test_presence_updates_rows_in_place(store: MeetingStore) -> None:
    model = ParticipantsModel(store)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    store.apply(event(6, "presence.changed", {"user_id": 5, "online": True}))
    danang = model.item(1)
    assert danang.child(0).data(ParticipantsModel.OnlineRole) is True
    assert danang.data(ParticipantsModel.OnlineRole) is True
    assert danang.data(ParticipantsModel.OnlineCountRole) == 1
    assert resets == []


def test_a_new_participant_appears_in_their_site(store: MeetingStore) -> None:
    model = ParticipantsModel(store)
    newcomer = {"user_id": 9, "full_name": "Mai Thu Trang", "username": "observer1",
                "role": "observer", "site_id": 2, "voting_weight": 1, "attendance": "unknown",
                "online": False}
    store.apply(event(6, "participant.changed", {"participant": newcomer}))
    assert site_rows(model)[1] == ("Điểm cầu Đà Nẵng", ["Lê Quang Đức", "Mai Thu Trang"])
    store.apply(event(7, "participant.removed", {"user_id": 5}))
    assert site_rows(model)[1] == ("Điểm cầu Đà Nẵng", ["Mai Thu Trang"])


def test_meeting_list_puts_live_first_then_upcoming_then_past(qapp: Any) -> None:
    model = MeetingListModel()
    model.set_meetings([
        {"id": 1, "title": "Cũ", "status": "ended", "starts_at": "2026-01-01T01:00:00Z",
         "ends_at": None, "location": None, "role": "delegate"},
        {"id": 2, "title": "Sắp tới", "status": "scheduled", "starts_at": "2026-12-01T01:00:00Z",
         "ends_at": "2026-12-01T03:00:00Z", "location": "Hà Nội", "role": None},
        {"id": 3, "title": "Đang họp", "status": "live", "starts_at": "2026-11-21T01:00:00Z",
         "ends_at": None, "location": None, "role": "chair"},
    ])
    ids = [model.data(model.index(r, 0), MeetingListModel.IdRole) for r in range(3)]
    assert ids == [3, 2, 1]
    assert model.data(model.index(1, 2)) == "Hà Nội"
    assert model.data(model.index(0, 3)) == "In session"
    assert model.data(model.index(0, 4)) == "Chair"
    assert model.data(model.index(1, 4)) == "Not a participant"
    assert model.data(model.index(1, 0)) == (
        local_time_text("2026-12-01T01:00:00Z") + " – " +
        local_time_text("2026-12-01T03:00:00Z", with_date=False))


def test_wire_times_are_read_as_utc() -> None:
    assert parse_time("2026-11-21T01:00:00Z") == parse_time("2026-11-21T01:00:00")
    assert parse_time("2026-11-21T08:00:00+07:00") == parse_time("2026-11-21T01:00:00Z")
    assert parse_time(None) is None
