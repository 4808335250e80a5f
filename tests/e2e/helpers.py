"""What the end-to-end tests share: a participant's socket, HTTP calls, a meeting of their own."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import socketio

from tests.support.server_process import DEMO_PASSWORD, ServerProcess

TIMEOUT = 10.0
"""How long an answer or an event may take before a test fails (a deadline, not a sleep)."""


def http(server: ServerProcess, method: str, path: str, body: Any = None, token: str | None = None,
         raw: bytes | None = None) -> tuple[int, Any]:
    """One HTTP call; the status and the JSON body (None when there is none)."""
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(server.url + path, method=method, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            status, text = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read()
    return status, json.loads(text) if text else None


def login(server: ServerProcess, username: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
    status, body = http(server, "POST", "/api/login", {"username": username, "password": password})
    assert status == 200, (username, status, body)
    return dict(body)


class Client:
    """One participant's socket: commands answered through acks, every meeting.event kept."""

    def __init__(self, server: ServerProcess, token: str | None, name: str = "") -> None:
        self.server, self.token, self.name = server, token, name
        self.sio = socketio.AsyncClient(reconnection=False)
        self.events: list[dict[str, Any]] = []
        self.user_events: list[dict[str, Any]] = []
        """``user.event``s: what only this user sees (private annotations, notes), no seq."""
        self.connect_error: Any = None
        self._changed = asyncio.Condition()
        self.sio.on("meeting.event", self._on_event)
        self.sio.on("user.event", self._on_user_event)
        self.sio.on("disconnect", self._on_disconnect)
        self.sio.on("connect_error", self._on_connect_error)

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def _on_event(self, event: dict[str, Any]) -> None:
        self.events.append(event)
        await self._notify()

    async def _on_user_event(self, event: dict[str, Any]) -> None:
        self.user_events.append(event)
        await self._notify()

    async def _on_disconnect(self, *_reason: Any) -> None:
        await self._notify()

    async def _on_connect_error(self, data: Any = None) -> None:
        self.connect_error = data

    async def connect(self, auth: Any = "default") -> Client:
        if auth == "default":
            auth = {"token": self.token, "protocol": 1}
        await self.sio.connect(self.server.url, auth=auth, transports=["websocket"], wait_timeout=TIMEOUT)
        return self

    async def close(self) -> None:
        if self.sio.connected:
            await self.sio.disconnect()

    async def call(self, command: str, payload: Any = None) -> dict[str, Any]:
        answer = await self.sio.call(command, payload, timeout=TIMEOUT)
        return dict(answer)

    async def ok(self, command: str, payload: Any = None) -> dict[str, Any]:
        answer = await self.call(command, payload)
        assert answer["ok"], f"{self.name}: {command} {payload} -> {answer}"
        return dict(answer["data"])

    async def refused(self, command: str, payload: Any, code: str) -> str:
        answer = await self.call(command, payload)
        assert answer.get("ok") is False, f"{self.name}: {command} should be refused: {answer}"
        assert answer["error"]["code"] == code, answer
        assert answer["error"]["message"]
        return str(answer["error"]["message"])

    async def wait_for(self, condition: Callable[[], Any], what: str = "", timeout: float = TIMEOUT) -> Any:
        """Wait until ``condition()`` is truthy (checked on every event and disconnect)."""
        async def until() -> Any:
            async with self._changed:
                return await self._changed.wait_for(condition)

        try:
            return await asyncio.wait_for(until(), timeout)
        except TimeoutError:
            raise AssertionError(f"{self.name}: timed out waiting for {what or condition}; "
                                 f"events: {self.events[-5:]}") from None

    def meeting_events(self, meeting_id: int, after: int = 0) -> list[dict[str, Any]]:
        return [e for e in self.events if e["meeting_id"] == meeting_id and e["seq"] > after]

    async def event_seq(self, meeting_id: int, seq: int) -> dict[str, Any]:
        """The event with this seq, once it has arrived."""
        def found() -> dict[str, Any] | None:
            return next((e for e in self.meeting_events(meeting_id) if e["seq"] == seq), None)

        return dict(await self.wait_for(found, f"seq {seq} of meeting {meeting_id}"))

    async def next_events(self, meeting_id: int, after: int, count: int) -> list[dict[str, Any]]:
        """The first ``count`` events with a seq above ``after``, in arrival order."""
        await self.wait_for(lambda: len(self.meeting_events(meeting_id, after)) >= count,
                            f"{count} events after seq {after}")
        return self.meeting_events(meeting_id, after)[:count]

    async def disconnected(self) -> None:
        await self.wait_for(lambda: not self.sio.connected, "the server to disconnect the socket")


async def refused_connection(server: ServerProcess, auth: Any) -> str:
    """Try to connect with ``auth``; the reason the server gives for refusing."""
    data = await connect_refusal(server, auth)
    return str(data.get("message") if isinstance(data, dict) else data)


async def connect_refusal(server: ServerProcess, auth: Any) -> Any:
    """Try to connect with ``auth``; the ``connect_error`` data of the refusal, whole."""
    client = Client(server, None, "refused")
    try:
        await client.connect(auth)
    except socketio.exceptions.ConnectionError:
        pass
    else:
        await client.close()
        raise AssertionError(f"the server accepted auth={auth!r}")
    assert client.connect_error, "a refused connection gives a reason"
    return client.connect_error


@dataclass
class Meeting:
    """A meeting a test made for itself, so that its seq counts only that test's events."""

    id: int
    sites: list[int]
    items: list[int]


DEFAULT_CAST = {"chair": "chair", "secretary": "secretary", "delegate1": "delegate", "delegate2": "delegate",
                "delegate3": "delegate", "observer1": "observer"}


async def new_meeting(admin: Client, users: dict[str, int], cast: dict[str, str] | None = None,
                      items: int = 3) -> Meeting:
    """A scheduled meeting with three sites, an agenda, and the demo users in ``cast``."""
    created = (await admin.ok("meeting.create", {
        "title": f"Phiên họp {uuid.uuid4().hex[:6]}", "starts_at": "2026-11-21T01:00:00Z",
        "sites": ["Hà Nội", "TP. Hồ Chí Minh", "Đà Nẵng"]}))["meeting"]
    sites = [site["id"] for site in created["sites"]]
    for n, (username, role) in enumerate((cast or DEFAULT_CAST).items()):
        await admin.ok("participant.set", {"meeting_id": created["id"], "user_id": users[username],
                                           "role": role, "site_id": sites[n % len(sites)]})
    item_ids = [(await admin.ok("agenda.add_item", {"meeting_id": created["id"], "title": f"Mục {n + 1}"}))
                ["item"]["id"] for n in range(items)]
    return Meeting(created["id"], sites, item_ids)


async def join_all(clients: list[Client], meeting_id: int) -> int:
    """Every client joins; returns the seq after the last join, once everyone has seen it."""
    seq = 0
    for client in clients:
        seq = (await client.ok("meeting.join", {"meeting_id": meeting_id}))["seq"]
    for client in clients[:-1]:
        await client.event_seq(meeting_id, seq)
    return seq
