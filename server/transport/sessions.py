"""Closing the sockets of logins that no longer hold, at once or by a periodic sweep.

A revocation made by a command or an HTTP call (logout, deactivation, a password reset or
change) names the sockets to close; ``end_sessions`` tells each why (``session.ended``)
and closes it, on whichever process holds it (the Redis manager carries both across
processes, in order). What happens with no one acting (a token expiring or idling out, a
deactivation from the command line) is found by ``sweep``: every process looks at its own
sockets every few seconds and closes those whose token no longer holds.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from sqlalchemy import select

from protocol.events import SESSION_DEACTIVATED, SESSION_ENDED_NAME
from server.domain import accounts
from server.domain.context import SessionEnd
from server.persistence.models import Connection, Token, User, utcnow
from server.transport.services import Services
from server.transport.usage import TokenUsage

log = logging.getLogger(__name__)


async def end_sessions(services: Services, ends: Iterable[SessionEnd]) -> None:
    """Tell each socket why its session ended (unless quiet), then close it."""
    sio = services.sio
    for end in ends:
        for sid in end.sids:
            if end.reason is not None:
                data = {"reason": end.reason, **({"code": end.code} if end.code else {})}
                await sio.emit(SESSION_ENDED_NAME, data, to=sid)
            await sio.disconnect(sid)


def sweep_interval(policy: accounts.AuthPolicy) -> float:
    """Seconds between two sweeps: a quarter of the idle timeout, between 1 s and 30 s."""
    return max(1.0, min(30.0, policy.idle_timeout.total_seconds() / 4))


def dead_sockets(services: Services) -> list[SessionEnd]:
    """This process's sockets whose login no longer holds, each with its reason."""
    policy, now = services.settings.auth, utcnow()
    idle_since = now - policy.idle_timeout
    rows = select(Connection.sid, Token, User).join(Token, Token.id == Connection.token_id).join(
        User, User.id == Connection.user_id).where(
        Connection.instance_id == services.settings.instance_id,
        (User.active.is_(False)) | Token.revoked_at.is_not(None) | (Token.expires_at <= now)
        | (Token.last_used_at <= idle_since)
        | (Token.last_used_at.is_(None) & (Token.created_at <= idle_since)))
    ends: list[SessionEnd] = []
    with services.db.read() as session:
        for sid, token, user in session.execute(rows):
            reason = accounts.refusal_of(token, user, policy, now)
            if reason is not None:
                code = SESSION_DEACTIVATED if not user.active else None
                ends.append(SessionEnd((sid,), reason, code))
    return ends


async def sweep(services: Services) -> int:
    """Write the remembered token uses, then close the sockets whose login no longer holds."""
    usage = services.usage
    by_id, by_digest = usage.take()
    await services.in_thread(lambda: TokenUsage.write(services.db, by_id, by_digest))
    ends = await services.in_thread(lambda: dead_sockets(services))
    for end in ends:
        log.info("closing socket %s: %s", end.sids[0], end.reason)
    await end_sessions(services, ends)
    return len(ends)


async def run(services: Services) -> None:
    """Sweep until cancelled."""
    interval = sweep_interval(services.settings.auth)
    while True:
        await asyncio.sleep(interval)
        try:
            await sweep(services)
        except Exception:  # a database hiccup costs one sweep, not the idle timeout for good
            log.exception("session sweep failed")

