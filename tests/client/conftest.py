"""Fixtures for the client's network tests: signal recorders, connections that are always
stopped, and a scripted Socket.IO server for the cases a real server will not produce on
demand (gaps, events before the join's answer)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import socketio
from aiohttp import web
from PySide6.QtCore import QLocale, QSettings

from meeting_app.net import Connection
from meeting_app.pdf import PdfEngine
from meeting_app.ui.commands import CommandSender
from meeting_app.ui.room.window import MeetingRoomWindow
from tests.client.sessions import session_for
from tests.support import pdfs
from tests.support.http_stub import serving
from tests.support.server_process import free_port


@dataclass
class Recorder:
    """Everything a Connection emitted, and the threads its slots ran on."""

    statuses: list[str] = field(default_factory=list)
    snapshots: list[tuple[int, int, dict[str, Any]]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    expired: list[str] = field(default_factory=list)
    failures: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)

    def attach(self, conn: Connection) -> None:
        def seen() -> None:
            self.threads.add(threading.current_thread().name)

        conn.status_changed.connect(lambda s: (seen(), self.statuses.append(s)))
        conn.snapshot_received.connect(lambda m, q, s: (seen(), self.snapshots.append((m, q, s))))
        conn.event_received.connect(lambda e: (seen(), self.events.append(e)))
        conn.session_expired.connect(lambda r: (seen(), self.expired.append(r)))
        conn.command_failed.connect(lambda n, e: (seen(), self.failures.append((n, e))))

    def seqs(self) -> list[int]:
        return [e["seq"] for e in self.events]


class Answers:
    """Collects command answers by name; ``callback(name)`` makes the callback."""

    def __init__(self) -> None:
        self.got: dict[str, dict[str, Any]] = {}
        self.threads: set[str] = set()

    def callback(self, key: str) -> Callable[[dict[str, Any]], None]:
        def record(envelope: dict[str, Any]) -> None:
            self.threads.add(threading.current_thread().name)
            self.got[key] = envelope
        return record


@pytest.fixture
def open_connection(qtbot: Any) -> Iterator[Callable[..., tuple[Connection, Recorder]]]:
    """``open_connection(url, token, **options)``: a started Connection and its Recorder;
    stopped at the end of the test whatever happens."""
    opened: list[Connection] = []

    def make(url: str, token: str, **options: Any) -> tuple[Connection, Recorder]:
        conn, recorder = Connection(url, token, **options), Recorder()
        recorder.attach(conn)
        opened.append(conn)
        conn.start()
        return conn, recorder

    yield make
    for conn in opened:
        conn.stop()


@dataclass
class FakeServer:
    """A Socket.IO server on its own thread, driven by the test.

    It accepts the token "good", answers ``meeting.join`` with what the test queued in
    ``join_answers`` (after emitting ``events_before_answer``), and records every join's
    payload. Any other command is recorded in ``commands`` and answered from
    ``command_answers`` by name (after ``command_delays[name]`` seconds, if set): an
    envelope, or a function of the payload returning one (a coroutine function may take
    its time, as a slow link would).
    """

    port: int = field(default_factory=free_port)
    joins: list[dict[str, Any]] = field(default_factory=list)
    join_answers: list[dict[str, Any]] = field(default_factory=list)
    events_before_answer: list[dict[str, Any]] = field(default_factory=list)
    command_answers: dict[str, Any] = field(default_factory=dict)
    command_delays: dict[str, float] = field(default_factory=dict)
    commands: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """Every other command received (name, payload), in order."""
    handler: Callable[[str, dict[str, Any]], dict[str, Any]] | None = None
    """Answers other commands when set (else ``command_answers``)."""
    loop: asyncio.AbstractEventLoop | None = None
    sio: socketio.AsyncServer | None = None
    unavailable: int = 0
    """How many connections to refuse first as the server does when its database is down
    (``code: internal``, ``reason: unavailable``)."""

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def emit(self, *events: dict[str, Any]) -> None:
        """Send events to every client, in order; returns once they are sent."""
        async def send() -> None:
            assert self.sio is not None
            for event in events:
                await self.sio.emit("meeting.event", event)
        assert self.loop is not None
        asyncio.run_coroutine_threadsafe(send(), self.loop).result(timeout=5)

    def sent(self, name: str) -> list[dict[str, Any]]:
        """The payloads of every ``name`` command received so far."""
        return [payload for command, payload in self.commands if command == name]

    def app(self) -> web.Application:
        sio = self.sio = socketio.AsyncServer(async_mode="aiohttp")
        application = web.Application()
        sio.attach(application)

        @sio.event
        async def connect(sid: str, environ: dict[str, Any], auth: Any) -> None:
            if self.unavailable > 0:
                self.unavailable -= 1
                raise socketio.exceptions.ConnectionRefusedError(
                    "The server cannot reach its database right now; try again in a moment",
                    {"code": "internal", "reason": "unavailable"})
            if not isinstance(auth, dict) or auth.get("token") != "good":
                raise socketio.exceptions.ConnectionRefusedError("Unknown token; log in again")

        @sio.on("meeting.join")
        async def join(sid: str, payload: dict[str, Any]) -> dict[str, Any]:
            self.joins.append(payload)
            for event in self.events_before_answer:
                await sio.emit("meeting.event", event, to=sid)
            self.events_before_answer = []
            if not self.join_answers:
                return {"ok": False, "error": {"code": "internal", "message": "nothing queued"}}
            return {"ok": True, "data": self.join_answers.pop(0)}

        @sio.on("*")
        async def command(name: str, sid: str, payload: Any) -> dict[str, Any]:
            self.commands.append((name, payload))
            if self.command_delays.get(name):
                await asyncio.sleep(self.command_delays[name])
            if self.handler is not None:
                return self.handler(name, payload)
            answer = self.command_answers.get(name, {"ok": True, "data": {}})
            if callable(answer):
                answer = answer(payload)
                if asyncio.iscoroutine(answer):
                    answer = await answer
            return dict(answer)

        return application


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    """A scripted Socket.IO server (see ``FakeServer``), stopped after the test."""
    server = FakeServer()
    with serving(server.app(), server.port) as loop:
        server.loop = loop
        yield server


@pytest.fixture
def fake_sender(fake_server: FakeServer, open_connection: Any, qtbot: Any) -> CommandSender:
    """A CommandSender on a Connection to the scripted server, connected."""
    conn, _recorder = open_connection(fake_server.url, "good")
    qtbot.waitUntil(lambda: conn.status == "connected", timeout=15_000)
    return CommandSender(conn)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> pdfs.SamplePdf:
    """A generated meeting PDF (Vietnamese text, contents, a scanned page), per module."""
    return pdfs.meeting_pdf(tmp_path_factory.mktemp("pdf") / "tai-lieu.pdf")


@pytest.fixture
def engine(qapp: Any) -> Iterator[PdfEngine]:
    """A PDF engine of its own, shut down after the test."""
    made = PdfEngine()
    yield made
    made.shutdown()


DEMO_MEETING = 1
ROOM_WAIT = 30_000
"""How long a room window may take to join the demo meeting (ms)."""


@pytest.fixture
def open_room(qtbot: Any, demo_server: Any, tmp_path: Path
              ) -> Iterator[Callable[..., MeetingRoomWindow]]:
    """Opens room windows on the demo server's meeting: ``open_room("delegate1")``, or
    ``open_room("delegate1", "tablet")`` for the same user's second device (its own cache).
    Each has joined, and may send commands, when it is returned; all close before the
    server stops (a server with live sockets is slow to stop)."""
    windows: list[MeetingRoomWindow] = []

    def make(username: str, device: str = "laptop") -> MeetingRoomWindow:
        session, cache = session_for(demo_server, username), tmp_path / f"cache-{username}-{device}"
        window = MeetingRoomWindow(session, session.open_meeting(DEMO_MEETING, cache), cache_dir=cache)
        qtbot.addWidget(window)
        windows.append(window)
        window.open()
        qtbot.waitUntil(lambda: window.store.loaded and window.commands.available, timeout=ROOM_WAIT)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def language_settings(qapp: Any, tmp_path: Path) -> Iterator[QSettings]:
    """Settings in a temporary file, also as the default QSettings(), with the interface
    following language changes; English again after."""
    from meeting_app.ui.i18n import translations
    from meeting_app.ui.retranslate import follow_language_changes

    before = QLocale()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    follow_language_changes()
    yield QSettings()
    translations().apply("en")
    QLocale.setDefault(before)
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
