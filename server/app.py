"""Builds the aiohttp application and the Socket.IO server: wiring only."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from functools import partial

import socketio
from aiohttp import web
from sqlalchemy.orm import Session

from server.documents.intake import Intake
from server.domain import presence
from server.domain.context import PendingEvent
from server.domain.voting import seals
from server.persistence.audit_anchor import anchor_today
from server.persistence.blobs import BlobStore
from server.persistence.db import Database, sqlite_url
from server.persistence.migrate import migrate
from server.persistence.models import utcnow
from server.settings import Settings
from server.transport import (
    account_http,
    attendance_http,
    audit_http,
    cors,
    documents_http,
    engineio_tuning,
    http,
    minutes_http,
    poll_clock,
    polls_http,
    room_manager,
    sessions,
    sockets,
)
from server.transport.pipeline import CommandPipeline
from server.transport.services import Services
from server.transport.socket_server import SocketServer

log = logging.getLogger(__name__)

TRANSPORT_LIMIT_BYTES = 8 * 1024 * 1024
"""The largest Socket.IO frame (or long-polling body) the server reads. A command payload up
to it is answered (``invalid`` past the 256 KB a command may be: a client that sends a few
megabytes by mistake learns why); a larger frame is not read at all: the websocket is closed
with code 1009 (message too big) and the client reconnects."""
ANCHOR_CHECK_SECONDS = 3600.0
"""How often a server checks that today's audit anchor file exists."""
CLOSE_GRACE = 0.5
"""Seconds a stopping server waits for its sockets' close packets to leave."""


def open_database(settings: Settings) -> Database:
    """The configured database, migrated to the newest schema."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    db = Database(settings.database_url or sqlite_url(settings.data_dir))
    migrate(db)
    return db


def build_app(settings: Settings) -> web.Application:
    """One aiohttp app serving the HTTP API and Socket.IO on the same port."""
    db = open_database(settings)
    engineio_tuning.install()
    sio = SocketServer(
        async_mode="aiohttp",
        client_manager=room_manager.client_manager(settings.redis_url, settings.redis_channel),
        ping_interval=settings.ping_interval,
        ping_timeout=settings.ping_timeout,
        max_http_buffer_size=TRANSPORT_LIMIT_BYTES,
        # [] turns Engine.IO's origin check off (non-browser clients send no Origin); a
        # list admits exactly those browser origins, websockets included.
        cors_allowed_origins=list(settings.cors_origins),
        cors_credentials=False,
        # Long-polling spreads one session over many requests, which must all reach the same
        # process; websocket-only needs no sticky sessions (docs/deployment.md).
        transports=["websocket"] if settings.websocket_only else ["polling", "websocket"],
    )
    app = web.Application()
    if settings.cors_origins:  # outermost: error answers carry the headers too
        app.middlewares.append(cors.middleware(settings.cors_origins))
    sio.attach(app)
    threads = settings.db_threads if not db.is_sqlite else min(settings.db_threads, 4)
    blobs = BlobStore(settings.blob_root)
    blobs.ensure()
    # Secret polls' sealing keys: beside the blobs (shared by every process of a database),
    # never in the database; keys of polls closed while a server was down are removed.
    seals.configure(db.engine, settings.blob_root / "ballot-seals")
    with db.read() as session:
        seals.sweep(session)
    services = Services(settings, db, sio, ThreadPoolExecutor(threads, thread_name_prefix="db"),
                        blobs, Intake(settings.documents, blobs))
    pipeline = CommandPipeline(services)
    app[http.SERVICES] = services
    http.register(app)
    account_http.register(app)
    documents_http.register(app, pipeline)
    attendance_http.register(app)
    audit_http.register(app)
    minutes_http.register(app)
    polls_http.register(app)
    sockets.register(services, pipeline)
    app.cleanup_ctx.append(_lifetime(services, pipeline))
    app.on_shutdown.append(lambda _app: _close_sockets(sio, pipeline))
    return app


async def _close_sockets(sio: socketio.AsyncServer, pipeline: CommandPipeline) -> None:
    """On SIGTERM, close every socket now (their clients reconnect, to this server once it is
    back or to another process) rather than wait for each client to time out. Their users
    stay online through the presence grace period: the sweep of this process's rows by the
    next one takes offline only those who do not come back.

    The close packets get ``CLOSE_GRACE`` seconds to leave: python-engineio's own
    ``disconnect()`` waits until each socket's queue is drained, which for a long-polling
    session its client abandoned never happens (the process lingered until the ping
    timeout, about 20 s, with its port already closed). Then the connections themselves are
    closed: a client that does not answer the close (frozen, or gone without a word) would
    otherwise keep its websocket's handler running through aiohttp's whole shutdown timeout,
    twice (once waiting, once cancelling)."""
    sockets = list(sio.eio.sockets.values())
    # python-socketio forgets a socket's environ when it closes: take the requests first.
    requests = [environ.get("aiohttp.request") for environ in sio.environ.values()]
    if sockets:
        await asyncio.gather(*(socket.close(wait=False, reason=sio.eio.reason.SERVER_DISCONNECT)
                               for socket in sockets))
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(CLOSE_GRACE):
                await asyncio.gather(*(socket.queue.join() for socket in sockets))
        sio.eio.sockets = {}
    for request in requests:
        transport = getattr(request, "transport", None)
        if transport is not None:
            transport.close()  # after what was written to it: the close packets go first
    await pipeline.departures.stop()


def _lifetime(services: Services, pipeline: CommandPipeline
              ) -> Callable[[web.Application], AsyncIterator[None]]:
    """Register this process, sweep dead ones, and beat until shutdown."""

    async def lifetime(_app: web.Application) -> AsyncIterator[None]:
        instance_id = services.settings.instance_id

        def register() -> None:
            with services.db.write() as session:
                presence.register_instance(session, instance_id)

        await services.in_thread(register)
        swept = await asyncio.to_thread(services.blobs.sweep_temp)
        if swept:
            log.info("removed %d temporary files left by crashed uploads", swept)
        await _sweep(services, pipeline)
        tasks = [asyncio.create_task(_heartbeat(services, pipeline)),
                 asyncio.create_task(_flush_links(services, pipeline)),
                 asyncio.create_task(poll_clock.run(pipeline)),
                 asyncio.create_task(sessions.run(services)),
                 asyncio.create_task(_anchor_daily(services))]
        if services.db.is_sqlite:
            tasks.append(asyncio.create_task(_sweep_predecessors(services, pipeline)))
        yield
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        services.executor.shutdown(wait=True)
        services.renderer.shutdown(wait=True)
        services.heavy.shutdown(wait=True)
        services.db.dispose()

    return lifetime


async def _anchor_daily(services: Services) -> None:
    """Write the audit chain's head to the day's anchor file, outside the database, once a
    day (checked every hour and at start; docs/operations.md)."""
    while True:
        try:
            await services.in_thread(partial(anchor_today, services.db, services.settings.anchor_root))
        except Exception:  # a full disk or a database hiccup: the next hour tries again
            log.exception("writing the day's audit anchor failed")
        await asyncio.sleep(ANCHOR_CHECK_SECONDS)


async def _sweep(services: Services, pipeline: CommandPipeline, immediately: bool = False) -> None:
    settings = services.settings
    stale_before = utcnow() if immediately else utcnow() - timedelta(seconds=settings.stale_after_seconds)

    def sweep(session: Session) -> list[PendingEvent]:
        presence.heartbeat(session, settings.instance_id)
        return presence.sweep_instances(session, stale_before, keep=settings.instance_id)

    await pipeline.publish(sweep)


async def _sweep_predecessors(services: Services, pipeline: CommandPipeline) -> None:
    """SQLite means one process: every earlier process's sockets are gone. Their users stay
    online for the presence grace period (they are reconnecting after a restart), then the
    ones who did not come back go offline."""
    await asyncio.sleep(services.settings.presence_grace_seconds)
    await _sweep(services, pipeline, immediately=True)


async def _flush_links(services: Services, pipeline: CommandPipeline) -> None:
    """Write the clients' heartbeats (kept in memory) to the database every few seconds."""
    while True:
        await asyncio.sleep(services.settings.link_flush_seconds)
        try:
            await pipeline.flush_heartbeats()
        except Exception:  # a database hiccup costs one batch, not the link status for good
            log.exception("writing heartbeats failed")


async def _heartbeat(services: Services, pipeline: CommandPipeline) -> None:
    while True:
        await asyncio.sleep(services.settings.heartbeat_seconds)
        try:
            await _sweep(services, pipeline)
        except Exception:  # a database hiccup must not stop the heartbeat for good
            log.exception("heartbeat failed")
