"""A scripted meeting server for the minutes tests: Socket.IO with the demo meeting's
snapshot (Vietnamese), every command recorded, answers chosen by the test, events sent on
demand, the minutes' HTTP downloads, and a stop/start that keeps the port (a lost
connection that comes back).

Scripted rather than the real server because the tests need what a real one will not do
on demand: go away in the middle of typing, or answer ``conflict`` at a chosen moment.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import socketio
from aiohttp import web

from protocol.reducer import apply_event
from tests.support.capabilities import empty_snapshot_for
from tests.support.http_stub import serving
from tests.support.server_process import free_port

MEETING = 1
TOKEN = "good"
USERS = {"chair": 1, "secretary": 2, "delegate1": 3, "delegate2": 4}
ITEMS = (11, 12, 13)
Answer = dict[str, Any] | Callable[[dict[str, Any]], dict[str, Any]]


def demo_snapshot(role: str, user_id: int) -> dict[str, Any]:
    """The meeting as ``user_id`` (with ``role``) sees it: three items, a conclusion with
    bold text and a list on the first, an action item, a draft of the minutes."""
    snap = empty_snapshot_for(MEETING, user_id, role)
    snap["meeting"].update(title="Hội nghị tổng kết công tác năm 2026", status="live",
                           current_item_id=ITEMS[0], starts_at="2026-12-15T01:00:00Z",
                           location="Hội trường A, trụ sở Bộ, Hà Nội")
    titles = ("Báo cáo tổng kết công tác năm 2026", "Kế hoạch công tác năm 2027",
              "Công tác tổ chức cán bộ")
    snap["agenda"] = [{"id": i, "title": t, "position": n, "presenter": "Nguyễn Văn An",
                       "duration_min": 30, "document_ids": []}
                      for n, (i, t) in enumerate(zip(ITEMS, titles, strict=True))]
    snap["sites"] = [{"id": 1, "name": "Hội trường Bộ (Hà Nội)", "online": True, "is_central": True}]
    names = {"chair": "Nguyễn Văn An", "secretary": "Trần Thị Bích", "delegate1": "Lê Hoàng Cường",
             "delegate2": "Phạm Thị Dung"}
    roles = {"chair": "chair", "secretary": "secretary", "delegate1": "delegate", "delegate2": "delegate"}
    snap["participants"] = [{"user_id": uid, "username": name, "full_name": names[name],
                             "role": roles[name], "site_id": 1, "online": True, "attendance": "present"}
                            for name, uid in USERS.items()]
    snap["conclusions"] = {"11": "**Thống nhất** đánh giá kết quả năm 2026:\n\n- Hoàn thành 12/12 chỉ tiêu\n"
                                 "- Giải ngân đạt 96%"}
    snap["decisions"] = {"11": "Thông qua Báo cáo tổng kết."}
    snap["conclusion_revisions"] = {"11": 2}
    snap["actions"] = [{"id": 21, "meeting_id": MEETING, "agenda_item_id": 11,
                        "title": "Hoàn thiện Báo cáo, gửi Văn phòng Chính phủ", "owner_id": 2,
                        "owner_name": "Trần Thị Bích", "due": "2027-01-15", "status": "open",
                        "updated_at": "2026-12-15T02:00:00Z"}]
    return snap


@dataclass
class MinutesServer:
    """See the module docstring. ``role``: the role every client gets in the snapshot."""

    role: str = "secretary"
    user_id: int = USERS["secretary"]
    port: int = field(default_factory=free_port)
    commands: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    answers: dict[str, Answer] = field(default_factory=dict)
    files: dict[str, bytes] = field(default_factory=dict)
    """``"pdf"``/``"docx"``: the bytes ``GET /api/meetings/1/minutes.<fmt>`` answers;
    ``"conclusions.pdf"``…: those of the notice of conclusions."""
    downloads: list[dict[str, str]] = field(default_factory=list)
    seq: int = 5
    snapshot: dict[str, Any] = field(default_factory=dict)
    loop: asyncio.AbstractEventLoop | None = None
    sio: socketio.AsyncServer | None = None
    _serving: contextlib.ExitStack | None = None
    _sids: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.snapshot = demo_snapshot(self.role, self.user_id)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def sent(self, name: str) -> list[dict[str, Any]]:
        """The payloads of every ``name`` command received, in order."""
        return [payload for sent, payload in self.commands if sent == name]

    # --- life ----------------------------------------------------------------------------

    def start(self) -> None:
        stack = contextlib.ExitStack()
        self.loop = stack.enter_context(serving(self._app(), self.port))
        self._serving = stack

    def stop(self) -> None:
        """Go away (every client loses its connection); ``start()`` comes back on the port."""
        if self._serving is not None:
            stack, self._serving = self._serving, None
            assert self.loop is not None and self.sio is not None
            sio, sids = self.sio, list(self._sids)

            async def hang_up() -> None:
                for sid in sids:
                    await sio.disconnect(sid)
            asyncio.run_coroutine_threadsafe(hang_up(), self.loop).result(timeout=5)
            stack.close()

    def emit(self, type_: str, data: dict[str, Any]) -> None:
        """A meeting event to every client (applied to the snapshot too, for later joins)."""
        self.seq += 1
        event = {"meeting_id": MEETING, "seq": self.seq, "type": type_, "data": data,
                 "at": "2026-12-15T03:00:00Z"}
        self.snapshot = apply_event(self.snapshot, event)

        async def send() -> None:
            assert self.sio is not None
            await self.sio.emit("meeting.event", event)
        assert self.loop is not None
        asyncio.run_coroutine_threadsafe(send(), self.loop).result(timeout=5)

    # --- the application -----------------------------------------------------------------

    def _app(self) -> web.Application:
        sio = self.sio = socketio.AsyncServer(async_mode="aiohttp")
        application = web.Application()
        sio.attach(application)
        application.router.add_get("/api/meetings/{meeting_id}/minutes.{fmt}", self._minutes)
        application.router.add_get("/api/meetings/{meeting_id}/conclusions.{fmt}", self._minutes)

        @sio.event
        async def connect(sid: str, environ: dict[str, Any], auth: Any) -> None:
            if not isinstance(auth, dict) or auth.get("token") != TOKEN:
                raise socketio.exceptions.ConnectionRefusedError("Unknown token; log in again")
            self._sids.add(sid)

        @sio.event
        async def disconnect(sid: str, *_reason: Any) -> None:
            self._sids.discard(sid)

        @sio.on("meeting.join")
        async def join(sid: str, payload: dict[str, Any]) -> dict[str, Any]:
            if payload.get("since_seq") is not None:
                return {"ok": True, "data": {"seq": self.seq, "events": []}}
            return {"ok": True, "data": {"seq": self.seq, "snapshot": self.snapshot}}

        @sio.on("*")
        async def command(name: str, sid: str, payload: Any) -> dict[str, Any]:
            self.commands.append((name, payload))
            answer = self.answers.get(name, {"ok": True, "data": {}})
            return answer(payload) if callable(answer) else answer

        return application

    async def _minutes(self, request: web.Request) -> web.Response:
        self.downloads.append({"path": request.path, "query": request.query_string, **dict(request.headers)})
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return web.json_response({"error": {"code": "unauthenticated", "message": "no"}}, status=401)
        fmt = request.match_info["fmt"]
        body = self.files.get(fmt if "/minutes." in request.path else f"conclusions.{fmt}")
        if body is None:
            return web.json_response({"error": {"code": "not_found",
                                                "message": "Biên bản chưa được công bố."}}, status=404)
        return web.Response(body=body, content_type="application/octet-stream")
