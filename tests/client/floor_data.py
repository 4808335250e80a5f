"""A live multi-site meeting for the floor's client tests and screenshots, with no server:
a snapshot in the protocol's shape (Vietnamese demo names), loaded into a real store and
moved on with real events through the protocol's reducer; commands go to a connection
that records them (and answers ok, or what a test scripts)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QObject, Signal

from meeting_app.state.clock import ServerClock
from meeting_app.state.session import MeetingSession
from protocol.reducer import empty_snapshot
from tests.support.capabilities import with_capabilities

NOW = datetime(2026, 12, 18, 2, 30, tzinfo=UTC)
"""The server's time in these tests (09:30 in Hà Nội)."""
HN, HCM, DN = 1, 2, 3
SITES = [(HN, "Hội trường Bộ (Hà Nội)", True), (HCM, "Điểm cầu TP. Hồ Chí Minh", False),
         (DN, "Điểm cầu Đà Nẵng", False)]
CHAIR, SECRETARY, OBSERVER = 1, 2, 3
PEOPLE = [  # user id, name, role, site
    (CHAIR, "Nguyễn Văn Hùng", "chair", HN), (SECRETARY, "Trần Thị Mai", "secretary", HN),
    (OBSERVER, "Mai Thu Trang", "observer", HN),
    (11, "Lê Quang Đức", "delegate", HN), (12, "Phạm Thị Hồng Nhung", "delegate", HCM),
    (13, "Hoàng Minh Tuấn", "delegate", DN), (14, "Vũ Thị Thu Hằng", "delegate", HN),
    (15, "Đặng Văn Lâm", "delegate", HCM), (16, "Bùi Thị Ngọc Ánh", "delegate", DN),
    (17, "Đỗ Trọng Nghĩa", "delegate", HN), (18, "Ngô Thị Phương Thảo", "delegate", HCM),
    (19, "Dương Văn Khải", "delegate", DN),
]
AGENDA = [  # id, title, minutes, seconds already spent
    (101, "Khai mạc hội nghị, giới thiệu đại biểu", 10, 720),
    (102, "Báo cáo tổng kết công tác cải cách hành chính năm 2026", 30, 0),
    (103, "Báo cáo kết quả chuyển đổi số và xây dựng Chính phủ điện tử", 30, 0),
    (104, "Tham luận của các điểm cầu", 45, 0),
    (105, "Thảo luận và biểu quyết Kế hoạch cải cách hành chính năm 2027", 30, 0),
    (106, "Kết luận của Chủ trì hội nghị và bế mạc", 15, 0),
]


def iso(moment: datetime) -> str:
    return moment.isoformat()


class FrozenClock(ServerClock):
    """The server's clock stopped at a moment the test chooses (moved with ``advance``)."""

    def __init__(self, moment: datetime = NOW) -> None:
        super().__init__()
        self.moment = moment

    def now(self) -> datetime:
        return self.moment

    def advance(self, seconds: float) -> None:
        self.moment += timedelta(seconds=seconds)


class RecordingConnection(QObject):
    """Stands in for ``Connection``: always connected; records every command and answers
    it with ok (or with ``answers[name]`` when a test scripts a refusal)."""

    status_changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.status = "connected"
        self.sent: list[tuple[str, dict[str, Any]]] = []
        self.answers: dict[str, dict[str, Any]] = {}

    def command(self, name: str, payload: dict[str, Any], callback: Any = None) -> None:
        self.sent.append((name, payload))
        if callback is not None:
            callback(self.answers.get(name, {"ok": True, "data": {}}))

    def last(self, name: str) -> dict[str, Any]:
        """The payload of the last command ``name`` sent."""
        payloads = [payload for sent, payload in self.sent if sent == name]
        assert payloads, f"{name} was not sent (sent: {[n for n, _ in self.sent]})"
        return payloads[-1]


def snapshot(role: str, user_id: int, started_minutes_ago: int = 14) -> dict[str, Any]:
    """The demo meeting, live for ``started_minutes_ago`` minutes, on its second item (two
    minutes in), everyone present, nobody speaking."""
    snap = empty_snapshot(1, user_id, role)
    started = NOW - timedelta(minutes=started_minutes_ago)
    snap["meeting"].update({
        "title": "Hội nghị tổng kết công tác cải cách hành chính và chuyển đổi số năm 2026",
        "status": "live", "starts_at": iso(started), "started_at": iso(started),
        "location": "Hội trường A, trụ sở Bộ, Hà Nội", "current_item_id": 102,
        "current_item_started_at": iso(NOW - timedelta(minutes=2))})
    snap["sites"] = [{"id": i, "name": n, "is_central": c, "online": True} for i, n, c in SITES]
    snap["participants"] = [
        {"user_id": uid, "full_name": name, "username": f"u{uid}", "role": prole, "site_id": site,
         "attendance": "present", "attendance_reason": None, "proxy_id": None, "online": True,
         "voting_weight": 1}
        for uid, name, prole, site in PEOPLE]
    snap["agenda"] = [{"id": i, "title": t, "presenter": None, "duration_min": m,
                       "elapsed_seconds": spent, "document_ids": []}
                      for i, t, m, spent in AGENDA]
    site = next((site for uid, _n, _r, site in PEOPLE if uid == user_id), None)
    remote = role == "secretary" and site not in (None, HN)  # a site secretary
    return with_capabilities(snap, managed_site_id=site if remote else None)


def request(request_id: int, user_id: int, kind: str, waited_seconds: int) -> dict[str, Any]:
    """A pending request (the site is the participant's)."""
    site = next(site for uid, _n, _r, site in PEOPLE if uid == user_id)
    return {"id": request_id, "user_id": user_id, "kind": kind, "site_id": site,
            "requested_at": iso(NOW - timedelta(seconds=waited_seconds))}


def speaking(user_id: int, request_id: int | None, kind: str = "speak", spoken: int = 60,
             limit: int | None = 180) -> dict[str, Any]:
    """The floor's holder, who started ``spoken`` seconds before ``NOW``."""
    site = next(site for uid, _n, _r, site in PEOPLE if uid == user_id)
    started = NOW - timedelta(seconds=spoken)
    return {"request_id": request_id, "user_id": user_id, "site_id": site, "kind": kind,
            "agenda_item_id": 102, "started_at": iso(started), "limit_seconds": limit,
            "ends_at": iso(started + timedelta(seconds=limit)) if limit else None}


class Meeting:
    """A store (with a frozen server clock), a command sender and its recording connection."""

    def __init__(self, role: str = "delegate", user_id: int = 12) -> None:
        self.connection = RecordingConnection()
        self.session = MeetingSession(1, self.connection)
        self.store, self.sender = self.session.store, self.session
        self.store.clock = FrozenClock()
        self.store.load(1, snapshot(role, user_id))
        self.seq = 1

    @property
    def clock(self) -> FrozenClock:
        assert isinstance(self.store.clock, FrozenClock)
        return self.store.clock

    def event(self, kind: str, data: dict[str, Any]) -> None:
        """The server's next event, through the reducer."""
        self.seq += 1
        self.store.apply({"meeting_id": 1, "seq": self.seq, "type": kind, "data": data,
                          "at": iso(self.clock.now())})

    def queue(self, *requests: dict[str, Any]) -> None:
        self.event("speaker.queue_changed", {"queue": list(requests)})

    def floor(self, current: dict[str, Any] | None, speech: dict[str, Any] | None = None) -> None:
        self.event("speaker.floor_changed", {"current": current, "speech": speech})

    def busy_floor(self) -> None:
        """A realistic moment: Nhung (TP. HCM) speaks, five wait at three sites."""
        self.floor(speaking(12, 7, spoken=75, limit=180))
        self.queue(request(8, 13, "speak", 300), request(9, 11, "speak", 200),
                   request(10, 16, "speak", 90), request(11, 15, "question", 150),
                   request(12, 17, "question", 40))
