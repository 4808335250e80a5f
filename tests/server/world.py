"""A server without sockets: the real pipeline, registry and domain over one database.

``World.run`` sends a command exactly as the socket handler does (``CommandPipeline.run``
with the socket's ``ConnectionInfo``), so the payload check, the access rule, the unit of
work, the event log and the request_id store are the server's own code. Sockets are
simulated only where the transport would open or close them (``connect``/``disconnect``).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import secrets
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

import socketio
from sqlalchemy import func, select

from protocol.errors import ProtocolError
from protocol.reducer import Snapshot
from server.documents.intake import Intake
from server.domain import presence, views
from server.domain.accounts import actor_of
from server.domain.documents import upload as uploads
from server.domain.documents.visibility import data_for
from server.persistence import event_log
from server.persistence.blobs import BlobStore
from server.persistence.db import Database
from server.persistence.models import Event, Meeting, Participant, Token, User, utcnow
from server.settings import Settings
from server.transport.decoding import decode
from server.transport.documents_http import UPLOADERS
from server.transport.pipeline import CommandPipeline
from server.transport.services import ConnectionInfo, Services

# Users and what they are: global roles, and their role in every meeting made by new_meeting().
CAST: dict[str, dict[str, Any]] = {
    "admin": {"admin": True},
    "organizer": {"organizer": True},
    "chair": {"role": "chair", "site": 0},
    "secretary": {"role": "secretary", "site": 0},
    "delegate": {"role": "delegate", "site": 1},
    "delegate2": {"role": "delegate", "site": 2},
    "observer": {"role": "observer", "site": 0},
    "outsider": {},
    "newcomer": {},
}
MEETING_ROLES = ("chair", "secretary", "delegate", "observer")
SITE_NAMES = ["Hội trường Bộ (Hà Nội)", "Điểm cầu TP. Hồ Chí Minh", "Điểm cầu Đà Nẵng"]
AGENDA_TITLES = ["Khai mạc", "Báo cáo tổng kết", "Thảo luận", "Bế mạc"]


def wire(value: Any) -> Any:
    """What a value looks like after crossing the wire as JSON."""
    return json.loads(json.dumps(value))


@dataclass
class MeetingHandle:
    id: int
    sites: list[int]
    items: list[int]


@dataclass
class World:
    db: Database
    pipeline: CommandPipeline
    loop: asyncio.AbstractEventLoop
    users: dict[str, int] = field(default_factory=dict)
    conns: dict[str, ConnectionInfo] = field(default_factory=dict)
    meeting: MeetingHandle | None = None
    foreign: MeetingHandle | None = None

    @classmethod
    def build(cls, db: Database, tmp_path: Path, *, foreign: bool = True) -> World:
        # A closed socket departs at once here; the grace period is tested end to end.
        settings = Settings(data_dir=tmp_path / "data", presence_grace_seconds=0.0)
        blobs = BlobStore(settings.blob_root)
        services = Services(settings, db, socketio.AsyncServer(async_mode="aiohttp"),
                            ThreadPoolExecutor(2, thread_name_prefix="db"), blobs,
                            Intake(settings.documents, blobs))
        world = cls(db, CommandPipeline(services), asyncio.new_event_loop())
        with db.write() as session:
            presence.register_instance(session, settings.instance_id)
        for name, spec in CAST.items():
            world.add_user(name, admin=spec.get("admin", False), organizer=spec.get("organizer", False))
        world.meeting = world.new_meeting()
        if foreign:
            world.foreign = world.new_meeting(cast={"outsider": "chair"})
        return world

    def close(self) -> None:
        self.loop.close()
        self.pipeline.services.executor.shutdown(wait=True)

    @property
    def instance_id(self) -> str:
        return self.pipeline.services.settings.instance_id

    # -- users and meetings ------------------------------------------------------------

    def add_user(self, name: str, *, admin: bool = False, organizer: bool = False,
                 active: bool = True) -> int:
        """A user with a login token (no password: these users never log in over HTTP)."""
        with self.db.write() as session:
            user = User(username=name, full_name=f"Người dùng {name}", password_hash="-",
                        is_admin=admin, is_organizer=organizer, active=active)
            session.add(user)
            session.flush()
            token = Token(user_id=user.id, token_hash=secrets.token_hex(32),
                          expires_at=utcnow() + timedelta(hours=1))
            session.add(token)
            session.flush()
            self.users[name] = user.id
            self.conns[name] = ConnectionInfo(actor_of(user), token.id, token.expires_at)
        return self.users[name]

    def new_meeting(self, cast: dict[str, str] | None = None, items: int = 3) -> MeetingHandle:
        """A scheduled meeting with three sites, an agenda and its cast, made by the admin."""
        created = self.ok("admin", "meeting.create", {
            "title": "Hội nghị tổng kết", "starts_at": "2026-11-21T01:00:00Z", "sites": SITE_NAMES})
        meeting_id = created["meeting"]["id"]
        sites = [site["id"] for site in created["meeting"]["sites"]]
        if cast is None:
            cast = {name: spec["role"] for name, spec in CAST.items() if "role" in spec}
        for name, role in cast.items():
            site = CAST[name].get("site", 0)
            self.ok("admin", "participant.set", {"meeting_id": meeting_id, "user_id": self.users[name],
                                                 "role": role, "site_id": sites[site]})
        item_ids = [
            self.ok("admin", "agenda.add_item", {"meeting_id": meeting_id, "title": title})["item"]["id"]
            for title in AGENDA_TITLES[:items]]
        return MeetingHandle(meeting_id, sites, item_ids)

    # -- commands ----------------------------------------------------------------------

    def run(self, user: str, command: str, *args: Any, sid: str | None = None) -> dict[str, Any]:
        """Send one command as ``user``, through the server's pipeline; the envelope as JSON."""
        envelope = self.loop.run_until_complete(
            self.pipeline.run(command, args, sid or f"no-socket-{user}", self.conns[user]))
        return wire(envelope)

    def run_in_this_thread(self, user: str, command: str, payload: dict[str, Any],
                           sid: str | None = None) -> dict[str, Any]:
        """The unit of work alone, in the calling thread: as another server process would run it.

        (Each process orders its own commands with a per-meeting lock; only the database
        orders commands from different processes, which is what this exercises.)
        """
        try:
            spec, model = decode(command, (payload,))
            envelope, _events = self.pipeline.work.execute(spec, model, sid or f"thread-{user}",
                                                           self.conns[user])
        except ProtocolError as refusal:
            envelope = refusal.to_envelope()
        return wire(envelope)

    def upload(self, user: str, title: str | None = "Tài liệu", *, meeting_id: int | None = None,
               pages: int = 10, content: str | None = None, page_info: list[Any] | None = None,
               texts: list[str] | None = None, **form: Any) -> dict[str, Any]:
        """Add a document as the upload endpoint does after the file was checked and stored
        (``uploads.add`` through the pipeline); the envelope as JSON. ``content`` names the
        bytes (the same name, the same sha256); ``page_info`` is what the inspection measured
        (per page ``[width, height, text_hash]``), ``texts`` the pages' extracted text."""
        name = content or uuid.uuid4().hex
        new = uploads.NewVersion(hashlib.sha256(name.encode()).hexdigest(), 1000 + len(name), pages,
                                 f"{name[:20]}.pdf", page_info, texts or ())
        upload_form = uploads.UploadForm(title=title, **form)
        try:
            data = self.loop.run_until_complete(self.pipeline.perform(
                self.conns[user].actor, meeting_id or self.main, UPLOADERS,
                lambda ctx: uploads.add(ctx, upload_form, new)))
        except ProtocolError as refusal:
            return wire(refusal.to_envelope())
        return wire({"ok": True, "data": data})

    def uploaded(self, user: str = "secretary", title: str | None = "Tài liệu",
                 **kwargs: Any) -> dict[str, Any]:
        """``upload`` that must succeed; the document."""
        envelope = self.upload(user, title, **kwargs)
        assert envelope["ok"], envelope
        return dict(envelope["data"]["document"])

    def ok(self, user: str, command: str, payload: dict[str, Any], sid: str | None = None) -> dict[str, Any]:
        envelope = self.run(user, command, payload, sid=sid)
        assert envelope["ok"], f"{user} {command} {payload}: {envelope}"
        return envelope["data"]

    def refused(self, user: str, command: str, payload: dict[str, Any], code: str,
                sid: str | None = None) -> str:
        """Assert the command is refused with ``code`` and changes nothing; the message."""
        meeting_id = payload.get("meeting_id")
        before = self.state(meeting_id) if meeting_id and self.meeting_exists(meeting_id) else None
        envelope = self.run(user, command, payload, sid=sid)
        assert not envelope["ok"], f"{user} {command} {payload} should be refused: {envelope}"
        assert envelope["error"]["code"] == code, envelope
        if before is not None:
            assert self.state(meeting_id) == before, "a refused command changed the meeting"
        return str(envelope["error"]["message"])

    # -- sockets (what the transport does on connect and disconnect) --------------------

    def connect(self, user: str, instance_id: str | None = None) -> str:
        sid = uuid.uuid4().hex
        with self.db.write() as session:
            if instance_id is not None:
                presence.heartbeat(session, instance_id)  # another process, alive
                session.flush()
            presence.connect(session, instance_id or self.instance_id, sid, self.users[user],
                             self.conns[user].token_id)
        return sid

    def disconnect(self, sid: str) -> None:
        """What the socket handler does when a socket closes."""
        self.loop.run_until_complete(self.pipeline.socket_closed(sid, None))

    def disconnect_in_this_thread(self, sid: str) -> None:
        """The same, in the calling thread, as another process would."""
        self.pipeline._change_alone(partial(presence.disconnect, sid=sid))

    def sweep(self, instance_id: str) -> None:
        """This process finds ``instance_id`` dead (as its heartbeat does) and drops its sockets."""
        assert instance_id != self.instance_id
        stale = utcnow() + timedelta(days=1)
        self.loop.run_until_complete(self.pipeline.publish(
            partial(presence.sweep_instances, stale_before=stale, keep=self.instance_id)))

    # -- reading state -------------------------------------------------------------------

    def meeting_exists(self, meeting_id: int) -> bool:
        with self.db.read() as session:
            return session.get(Meeting, meeting_id) is not None

    def seq(self, meeting_id: int | None = None) -> int:
        with self.db.read() as session:
            return event_log.current_seq(session, meeting_id or self.main)

    def events(self, meeting_id: int | None = None, since: int = 0) -> list[dict[str, Any]]:
        with self.db.read() as session:
            return wire(event_log.events_after(session, meeting_id or self.main, since, 100_000))

    def events_for(self, user: str, meeting_id: int | None = None, since: int = 0) -> list[dict[str, Any]]:
        """The events as ``user`` receives them (what they may see of each)."""
        user_id = self.users[user]
        with self.db.read() as session:
            logged = event_log.logged_after(session, meeting_id or self.main, since, 100_000)
        return wire([{**e.envelope, "data": data_for(e.envelope["data"], e.audience, e.managers, user_id)}
                     for e in logged])

    def event_count(self, meeting_id: int | None = None) -> int:
        with self.db.read() as session:
            return int(session.scalar(select(func.count()).select_from(Event).where(
                Event.meeting_id == (meeting_id or self.main))) or 0)

    def snapshot(self, user: str, meeting_id: int | None = None) -> Snapshot:
        """The snapshot the server builds for ``user`` right now, as it crosses the wire."""
        with self.db.read() as session:
            return wire(self._snapshot(session, self.users[user], meeting_id or self.main))

    def snapshots(self, users: list[str], meeting_id: int) -> dict[str, Snapshot]:
        with self.db.read() as session:
            return {user: wire(self._snapshot(session, self.users[user], meeting_id)) for user in users}

    @staticmethod
    def _snapshot(session: Any, user_id: int, meeting_id: int) -> Snapshot:
        meeting = session.get(Meeting, meeting_id)
        role = session.scalar(select(Participant.role).where(
            Participant.meeting_id == meeting_id, Participant.user_id == user_id))
        return views.snapshot(session, meeting, user_id, role)

    def state(self, meeting_id: int) -> tuple[Any, ...]:
        """Everything a refused command must leave alone: seq, events, the meeting's state."""
        return self.seq(meeting_id), self.event_count(meeting_id), self.snapshot("admin", meeting_id)

    @property
    def main(self) -> int:
        assert self.meeting is not None
        return self.meeting.id
