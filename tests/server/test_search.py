"""``search``: meetings, documents (full text, with the page), conclusions and action items
across the meetings the caller takes part in, without case or diacritics, filtered by date
and status; never what the caller may not read."""

from __future__ import annotations

from typing import Any

from tests.server.world import World

BUDGET_PAGES = [
    "Tờ trình về dự toán ngân sách năm 2027",
    "Phần I. Đánh giá tình hình thực hiện",
    "Phần II. Nhiệm vụ trọng tâm: đẩy mạnh CẢI CÁCH thủ tục hành chính,\nchuyển đổi số toàn diện",
    "Phần III. Tổ chức thực hiện",
]


def meeting(world: World, title: str, starts_at: str, cast: dict[str, str] | None = None) -> int:
    """A meeting with an agenda item, and its cast (by default the world's usual one)."""
    meeting_id = world.ok("admin", "meeting.create", {"title": title, "starts_at": starts_at,
                                                      "sites": ["Hội trường"]})["meeting"]["id"]
    for name, role in (cast or {"chair": "chair", "secretary": "secretary", "delegate": "delegate",
                                "observer": "observer"}).items():
        world.ok("admin", "participant.set", {"meeting_id": meeting_id, "user_id": world.users[name],
                                              "role": role})
    return int(meeting_id)


def search(world: World, user: str, query: str, **filters: Any) -> list[dict[str, Any]]:
    return list(world.ok(user, "search", {"query": query, **filters})["results"])


def kinds(results: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(r["kind"], r["title"]) for r in results]


def test_finds_a_meeting_by_title_words_without_case_or_diacritics(world: World) -> None:
    older = meeting(world, "Họp giao ban Quý I", "2026-03-02T01:00:00Z")
    newer = meeting(world, "Họp giao ban Quý II", "2026-06-01T01:00:00Z")
    results = search(world, "delegate", "GIAO BAN")
    assert [r["meeting_id"] for r in results] == [newer, older]  # newest first
    assert results[0] == {"kind": "meeting", "meeting_id": newer, "meeting_title": "Họp giao ban Quý II",
                          "starts_at": "2026-06-01T01:00:00.000Z", "title": "Họp giao ban Quý II",
                          "snippet": "Họp giao ban Quý II"}
    assert [r["meeting_id"] for r in search(world, "delegate", "hop quy ii")] == [newer]
    assert search(world, "delegate", "giao ban quý III") == []  # every word must match


def test_finds_a_document_by_a_phrase_on_its_page(world: World) -> None:
    doc = world.uploaded(title="Tờ trình ngân sách", texts=BUDGET_PAGES, pages=len(BUDGET_PAGES))
    results = search(world, "delegate", "cai cach thu tuc")
    assert kinds(results) == [("document", "Tờ trình ngân sách")]
    found = results[0]
    assert (found["id"], found["page"], found["meeting_id"]) == (doc["id"], 2, world.main)
    assert "CẢI CÁCH thủ tục hành chính" in found["snippet"]
    assert "\n" not in found["snippet"]
    # Words on a line break still match; a title alone matches without a page.
    assert search(world, "delegate", "hành chính chuyển đổi")[0]["page"] == 2
    by_title = search(world, "delegate", "to trinh ngan sach")
    assert by_title[0]["id"] == doc["id"] and by_title[0]["page"] == 0  # page 0 holds those words too
    assert search(world, "delegate", "dự toán")[0]["snippet"].startswith("Tờ trình về dự toán")


def test_a_new_version_is_searched_not_the_old_one(world: World) -> None:
    doc = world.uploaded(title="Dự thảo", texts=["Phương án A: sáp nhập"])
    world.uploaded(title=None, replaces=doc["id"], texts=["Phương án B: giữ nguyên"])
    assert search(world, "delegate", "sap nhap") == []
    assert search(world, "delegate", "giu nguyen")[0]["id"] == doc["id"]


def test_finds_conclusions_and_action_items(world: World) -> None:
    m = world.main
    item = world.meeting.items[1] if world.meeting else 0
    world.ok("secretary", "conclusion.set", {"meeting_id": m, "agenda_item_id": item,
                                             "text": "Hội nghị **thống nhất** giao Sở Tài chính rà soát."})
    action = world.ok("secretary", "action.save", {"meeting_id": m, "action": {
        "title": "Rà soát định mức chi", "owner_name": "Sở Tài chính", "status": "open"}})["action"]
    results = search(world, "observer", "tai chinh")
    assert kinds(results) == [("conclusion", "Báo cáo tổng kết"), ("action", "Rà soát định mức chi")]
    assert results[0]["id"] == item
    assert results[0]["snippet"] == "Hội nghị thống nhất giao Sở Tài chính rà soát."
    assert results[1]["id"] == action["id"] and results[1]["status"] == "open"
    # An action status filters action items only.
    assert search(world, "observer", "ra soat", status="done") == []
    world.ok("secretary", "action.save", {"meeting_id": m, "action": {
        "id": action["id"], "title": action["title"], "owner_name": "Sở Tài chính", "status": "done"}})
    assert kinds(search(world, "observer", "ra soat", status="done")) == [("action", "Rà soát định mức chi")]


def test_a_restricted_or_unreleased_document_is_found_only_by_its_readers(world: World) -> None:
    world.uploaded(title="Hồ sơ nhân sự", access=[world.users["delegate"]],
                   texts=["Danh sách quy hoạch cán bộ"])
    world.uploaded(title="Dự thảo chưa phát hành", released=False, texts=["Danh sách quy hoạch nội bộ"])
    titles = {u: [r["title"] for r in search(world, u, "quy hoach")] for u in
              ("delegate", "observer", "secretary", "admin", "outsider")}
    assert titles["delegate"] == ["Hồ sơ nhân sự"]
    assert titles["observer"] == []
    everything = ["Dự thảo chưa phát hành", "Hồ sơ nhân sự"]
    assert sorted(titles["secretary"]) == sorted(titles["admin"]) == everything
    assert titles["outsider"] == []
    assert search(world, "observer", "nhan su") == []  # the title is not disclosed either


def test_another_meetings_things_stay_hidden_from_non_participants(world: World) -> None:
    assert world.foreign is not None
    foreign = world.foreign.id
    world.ok("outsider", "conclusion.set", {"meeting_id": foreign, "agenda_item_id": world.foreign.items[0],
                                            "text": "Mật: phương án tổ chức"})
    world.uploaded("outsider", "Phương án tổ chức", meeting_id=foreign, texts=["phương án tổ chức bộ máy"])
    for user in ("chair", "secretary", "delegate", "organizer"):
        assert search(world, user, "phuong an to chuc") == [], user
    assert {r["kind"] for r in search(world, "outsider", "phuong an to chuc")} == {"conclusion", "document"}
    assert {r["meeting_id"] for r in search(world, "admin", "phuong an to chuc")} == {world.foreign.id}


def test_date_and_status_filters(world: World) -> None:
    march = meeting(world, "Kỳ họp thường lệ tháng 3", "2026-03-10T02:00:00Z")
    may = meeting(world, "Kỳ họp thường lệ tháng 5", "2026-05-10T02:00:00Z")
    world.ok("chair", "meeting.start", {"meeting_id": may})

    def found(**filters: Any) -> list[int]:
        return [r["meeting_id"] for r in search(world, "delegate", "ky hop thuong le", **filters)]

    assert found() == [may, march]
    assert found(**{"from": "2026-04-01"}) == [may]
    assert found(to="2026-03-10") == [march]  # inclusive
    assert found(**{"from": "2026-03-11", "to": "2026-05-09"}) == []
    assert found(status="live") == [may]
    assert found(status="scheduled") == [march]
    # Days are Vietnam's: 20:00 UTC on the 10th is the 11th in Hà Nội.
    late = meeting(world, "Kỳ họp thường lệ buổi tối", "2026-03-10T20:00:00Z")
    assert found(**{"from": "2026-03-11", "to": "2026-03-11"}) == [late]


def test_bad_queries_are_invalid(world: World) -> None:
    world.refused("delegate", "search", {"query": "   "}, "invalid")
    world.refused("delegate", "search", {"query": "x", "status": "archived"}, "invalid")
    world.refused("delegate", "search", {"query": "x", "from": "21/11/2026"}, "invalid")
    world.refused("delegate", "search", {"query": "\u0301"}, "invalid")  # nothing left once folded


def test_at_most_fifty_results(world: World) -> None:
    for n in range(30):
        world.ok("secretary", "action.save",
                 {"meeting_id": world.main, "action": {"title": f"Nhiệm vụ số {n}"}})
        world.uploaded(title=f"Phụ lục {n}", texts=[f"nhiệm vụ phụ lục {n}"])
    assert len(search(world, "delegate", "nhiem vu")) == 50


def test_documents_of_older_meetings_are_found_past_the_first_chunk(world: World, monkeypatch: Any) -> None:
    """Documents are searched a chunk of meetings at a time, newest first (CHUNK = 2 here)."""
    from server.domain.search import handler

    monkeypatch.setattr(handler, "CHUNK", 2)
    monkeypatch.setattr(handler, "LIMIT", 3)
    ids = [meeting(world, f"Phiên {n}", f"2026-0{n}-01T01:00:00Z") for n in range(1, 7)]
    for meeting_id in (ids[0], ids[4], ids[5]):  # the oldest, and the two newest
        world.uploaded(title="Biên bản", meeting_id=meeting_id, texts=["kiểm điểm tiến độ giải ngân"])
    assert [r["meeting_id"] for r in search(world, "delegate", "giai ngan")] == [ids[5], ids[4], ids[0]]
    world.uploaded(title="Phụ lục", meeting_id=ids[5], texts=["giải ngân vốn"])
    assert [r["meeting_id"] for r in search(world, "delegate", "giai ngan")] == [ids[5], ids[5], ids[4]]


def test_cjk_text_drawn_letter_spaced_or_vertical_is_found_as_written() -> None:
    from server.domain.search import fold

    index = fold.fold_for_index("Hợp tác 全 世 界\n人\n民 quốc tế")
    assert fold.matches(index, fold.words("全世界人民"))
    assert fold.matches(index, fold.words("hop tac"))
    assert not fold.matches(index, fold.words("全世界 人 民 khác"))
    assert fold.snippet("Văn bản 全 世 界 hợp tác", fold.words("全世界")).startswith("Văn bản 全 世 界")
