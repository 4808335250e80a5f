"""A realistic snapshot of a live three-site meeting, for widget tests and screenshots.

The numbers are chosen so the quorum differs by rule: 11 members, 6 counted as present
(5 in person, 1 by proxy): reached under "more than half" (6) and "at least half" (6),
not under "two thirds" (8).
"""

from __future__ import annotations

import copy
from typing import Any

from protocol.reducer import participant_sort_key
from tests.support.capabilities import you_fields

CENTRAL, HCM, DANANG = 11, 12, 13
SITES = [
    {"id": CENTRAL, "name": "Hội trường Bộ (Hà Nội)", "is_central": True, "online": True},
    {"id": HCM, "name": "Điểm cầu TP. Hồ Chí Minh", "is_central": False, "online": True},
    {"id": DANANG, "name": "Điểm cầu Đà Nẵng", "is_central": False, "online": True},
]
# (user_id, username, full name, role, site, attendance, reason, proxy, online)
PEOPLE: list[tuple[int, str, str, str, int, str, str | None, int | None, bool]] = [
    (1, "chair", "Nguyễn Văn Hùng", "chair", CENTRAL, "present", None, None, True),
    (2, "secretary", "Trần Thị Mai", "secretary", CENTRAL, "present", None, None, True),
    (3, "observer1", "Mai Thu Trang", "observer", CENTRAL, "unknown", None, None, True),
    (4, "delegate1", "Lê Quang Đức", "delegate", CENTRAL, "present", None, None, True),
    (7, "delegate4", "Vũ Thị Thu Hằng", "delegate", CENTRAL, "excused", "Công tác", None, False),
    (10, "delegate7", "Đỗ Trọng Nghĩa", "delegate", CENTRAL, "absent", "Ốm", 4, False),
    (16, "secretary2", "Phan Văn Định", "secretary", HCM, "present", None, None, True),
    (5, "delegate2", "Phạm Thị Hồng Nhung", "delegate", HCM, "present", None, None, True),
    (8, "delegate5", "Đặng Văn Lâm", "delegate", HCM, "unknown", None, None, True),
    (11, "delegate8", "Ngô Thị Phương Thảo", "delegate", HCM, "present", None, None, True),
    (14, "delegate11", "Trịnh Xuân Trường", "delegate", HCM, "unknown", None, None, False),
    (17, "secretary3", "Võ Thị Bích Ngọc", "secretary", DANANG, "present", None, None, True),
    (6, "delegate3", "Hoàng Minh Tuấn", "delegate", DANANG, "present", None, None, True),
    (9, "delegate6", "Bùi Thị Ngọc Ánh", "delegate", DANANG, "excused", "Ốm", None, False),
    (12, "delegate9", "Dương Văn Khải", "delegate", DANANG, "unknown", None, None, True),
]
SPEAKER = 5
"""Phạm Thị Hồng Nhung (TP. Hồ Chí Minh) holds the floor."""
HANDS = [(1, 6, DANANG, "speak"), (2, 12, DANANG, "question"), (3, 4, CENTRAL, "speak")]
"""Pending requests: (request id, user id, site, kind), in queue order."""


def participants() -> list[dict[str, Any]]:
    """The participants of the snapshot, in the server's order (by site, then user id)."""
    return sorted([{"user_id": uid, "username": username, "full_name": name, "role": role,
             "site_id": site, "voting_weight": 1, "attendance": status,
             "attendance_reason": reason, "proxy_id": proxy, "online": online}
            for uid, username, name, role, site, status, reason, proxy, online in PEOPLE],
                  key=participant_sort_key)


def meeting_snapshot(user_id: int = 1, role: str | None = "chair",
                     quorum_rule: str = "more_than_half") -> dict[str, Any]:
    """The whole snapshot, as ``user_id`` (with ``role``) receives it."""
    started = "2026-12-15T01:00:00+00:00"
    return copy.deepcopy({
        "meeting": {"id": 1, "title": "Hội nghị tổng kết công tác cải cách hành chính và "
                                      "chuyển đổi số năm 2026",
                    "status": "live", "current_item_id": 2, "current_item_started_at": started,
                    "starts_at": started, "ends_at": "2026-12-15T04:00:00+00:00",
                    "location": "Hội trường A, trụ sở Bộ, Hà Nội", "started_at": started,
                    "ended_at": None, "quorum_rule": quorum_rule},
        "agenda": [{"id": 2, "title": "Báo cáo tổng kết công tác cải cách hành chính năm 2026",
                    "presenter": "Vụ trưởng Vụ Tổ chức cán bộ", "duration_min": 30,
                    "elapsed_seconds": 0, "document_ids": []}],
        "documents": [],
        "sites": SITES,
        "participants": participants(),
        "speakers": {
            "queue": [{"id": rid, "user_id": uid, "kind": kind, "site_id": site,
                       "requested_at": started} for rid, uid, site, kind in HANDS],
            "current": {"request_id": 9, "user_id": SPEAKER, "site_id": HCM, "kind": "speak",
                        "agenda_item_id": 2, "started_at": started, "limit_seconds": 300,
                        "ends_at": "2026-12-15T01:05:00+00:00"},
            "history": []},
        "polls": [],
        "presenter": None,
        "conclusions": {},
        "you": {"user_id": user_id, "role": role, **you_of(user_id, role)},
    })


def you_of(user_id: int, role: str | None) -> dict[str, Any]:
    """What the server sends ``user_id`` as what they may do here (with ``role``)."""
    site = next((person[4] for person in PEOPLE if person[0] == user_id), None)
    remote = role == "secretary" and site not in (None, CENTRAL)  # a site secretary
    return you_fields(role, holds_floor=user_id == SPEAKER, managed_site_id=site if remote else None)


def site_status(server_time: str = "2026-12-15T01:20:00+00:00") -> dict[str, Any]:
    """A ``site.status`` answer: the centre fine, TP. Hồ Chí Minh slow, Đà Nẵng lost 14 s ago."""
    return {"server_time": server_time, "sites": [
        {"site_id": CENTRAL, "connections": 5, "online_users": 4, "rtt_ms": 38,
         "last_seen": "2026-12-15T01:19:59+00:00", "link": "ok"},
        {"site_id": HCM, "connections": 4, "online_users": 4, "rtt_ms": 460,
         "last_seen": "2026-12-15T01:19:59+00:00", "link": "poor"},
        {"site_id": DANANG, "connections": 3, "online_users": 3, "rtt_ms": 85,
         "last_seen": "2026-12-15T01:19:46+00:00", "link": "lost"},
    ]}
