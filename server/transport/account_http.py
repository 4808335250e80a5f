"""``POST /api/password``: the signed-in user changes their own password.

A route rather than a command because, like login and logout, it is about the token the
call carries: the user's OTHER sessions end (their tokens are revoked and their sockets
closed), the one that changed the password goes on. A wrong current password counts as a
failed login, so guessing it through a stolen token meets the same rate limit (429).
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from protocol.errors import forbidden
from protocol.http import PasswordChange
from server.domain import accounts
from server.domain.context import SessionEnd
from server.domain.users import PASSWORD_CHANGED, revoke_tokens
from server.persistence.models import AuditEntry, User
from server.transport.http import SERVICES, bearer_token, json_body
from server.transport.sessions import end_sessions


async def change_password(request: web.Request) -> web.Response:
    """Check the current password (slowly, outside any transaction), then set the new one."""
    services = request.app[SERVICES]
    policy = services.settings.auth
    token = bearer_token(request)
    body = PasswordChange.model_validate(await json_body(request))  # ValidationError: 400
    client = request.remote or "unknown"

    def attempt() -> dict[str, Any]:
        with services.db.write() as session:  # counted before it is evaluated, as a login is
            actor, _row = accounts.authenticate(session, token, policy)
            accounts.check_password_policy(actor.username, body.new_password)
            attempt_id = accounts.reserve_attempt(session, actor.username, client, policy)
            credentials = accounts.load_credentials(session, actor.username)
        matched = accounts.password_matches(credentials, body.current_password)
        new_hash = accounts.hash_password(body.new_password) if matched else ""
        with services.db.write() as session:
            _actor, row = accounts.authenticate(session, token, policy)  # still signed in?
            accounts.settle_attempt(session, attempt_id, matched)
            if not matched:
                # The reserved failure stays: it counts for rate limiting.
                return {"refusal": forbidden("The current password is wrong")}
            user = session.get(User, actor.user_id)
            assert user is not None
            user.password_hash = new_hash
            user.must_change_password = False
            sids = revoke_tokens(session, user.id, keep=row.id)
            session.add(AuditEntry(actor_id=user.id, action="password.change",
                                   details={"client": client, "sessions_ended": len(sids)}))
            return {"sids": sids}

    answer = await services.in_thread(attempt)
    if "refusal" in answer:
        raise answer["refusal"]
    await end_sessions(services, [SessionEnd(answer["sids"], PASSWORD_CHANGED)])
    return web.Response(status=204)


def register(app: web.Application) -> None:
    """Add the account routes."""
    app.router.add_post("/api/password", change_password)

