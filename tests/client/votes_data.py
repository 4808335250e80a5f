"""A meeting with polls, as the server's snapshot and events would carry it (Vietnamese demo
data), for the client's voting tests."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.support.capabilities import empty_snapshot_for

ME, SECRETARY, DELEGATE_B, ABSENT, OBSERVER = 5, 2, 6, 7, 9
CHAIR = 1
HANOI, HCMC = 1, 2


def person(user_id: int, name: str, role: str, site: int, attendance: str = "present",
           proxy_id: int | None = None) -> dict[str, Any]:
    return {"user_id": user_id, "full_name": name, "username": f"u{user_id}", "role": role,
            "site_id": site, "voting_weight": 1, "attendance": attendance, "online": True,
            "proxy_id": proxy_id}


def options(*texts: str, comment_last: bool = True) -> list[dict[str, Any]]:
    return [{"id": n, "text": text, "comment": comment_last and n == len(texts)}
            for n, text in enumerate(texts, 1)]


def poll(poll_id: int, question: str, status: str = "draft", **extra: Any) -> dict[str, Any]:
    """A poll in its wire shape (docs/protocol.md)."""
    base: dict[str, Any] = {
        "id": poll_id, "meeting_id": 1, "agenda_item_id": 11, "question": question,
        "options": options("Tán thành", "Không tán thành", "Ý kiến khác"), "secret": False,
        "majority": "simple", "quorum": None, "min_choices": 1, "max_choices": 1, "weighted": False,
        "allow_change": False, "duration_seconds": 60, "kind": "meeting", "status": status,
        "opened_at": None, "closes_at": None, "closed_at": None, "voter_ids": None,
        "document_ids": [], "ballots": 0, "voted": [], "by_site": {}, "result": None}
    base.update(extra)
    return base


def snapshot(role: str = "delegate", me: int = ME, polls: list[dict[str, Any]] | None = None
             ) -> dict[str, Any]:
    snap = empty_snapshot_for(1, me, role)
    snap["meeting"].update(title="Hội nghị tổng kết năm 2026", status="live", current_item_id=11)
    snap["agenda"] = [
        {"id": 10, "title": "Khai mạc hội nghị", "position": 0, "presenter": None, "duration_min": 5,
         "document_ids": []},
        {"id": 11, "title": "Biểu quyết Kế hoạch cải cách hành chính năm 2027", "position": 1,
         "presenter": None, "duration_min": 30, "document_ids": []},
    ]
    snap["sites"] = [{"id": HANOI, "name": "Hội trường Bộ (Hà Nội)", "is_central": True, "online": True},
                     {"id": HCMC, "name": "Điểm cầu TP. Hồ Chí Minh", "is_central": False, "online": True}]
    snap["participants"] = [
        person(CHAIR, "Nguyễn Văn Hùng", "chair", HANOI),
        person(SECRETARY, "Trần Thị Mai", "secretary", HANOI),
        person(ME, "Lê Quang Đức", "delegate", HANOI),
        person(DELEGATE_B, "Phạm Thị Hồng Nhung", "delegate", HCMC),
        person(ABSENT, "Hoàng Minh Tuấn", "delegate", HCMC, attendance="absent", proxy_id=ME),
        person(OBSERVER, "Mai Thu Trang", "observer", HANOI),
    ]
    snap["polls"] = copy.deepcopy(polls or [])
    return snap


def event(seq: int, kind: str, data: dict[str, Any]) -> dict[str, Any]:
    return {"meeting_id": 1, "seq": seq, "type": kind, "data": data, "at": "2026-11-21T09:30:00Z"}


def in_seconds(seconds: float) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).isoformat().replace("+00:00", "Z")


def opened(poll_data: dict[str, Any], seconds: float = 60) -> dict[str, Any]:
    return {**poll_data, "status": "open", "opened_at": in_seconds(0), "closes_at": in_seconds(seconds)}


def result(counts: dict[str, int], passed: bool, *, rule: str = "simple", threshold: int = 0,
           quorum: int | None = None, receipts: list[str] | None = None, members: int = 4,
           votes: list[dict[str, Any]] | None = None,
           comments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    cast = sum(counts.values())
    return {"counts": counts, "ballots": cast, "weight_cast": cast, "members": members,
            "members_weight": members, "eligible": members, "threshold": threshold, "quorum": quorum,
            "quorum_reached": quorum is None or cast >= quorum, "passed": passed, "rule": rule,
            "receipts": sorted(receipts or []), "comments": comments or [], "votes": votes or []}
