"""HTTP routes: health, login, logout."""

from __future__ import annotations

import base64
import logging
from typing import Any

from aiohttp import web
from pydantic import ValidationError

from protocol import PROTOCOL_VERSION
from protocol.commands import MAX_ID
from protocol.errors import ErrorCode, ProtocolError, invalid, not_found
from protocol.http import LoginRequest
from server import __version__
from server.domain import accounts, presence
from server.domain.context import SessionEnd
from server.persistence.event_log import iso
from server.transport.decoding import describe_validation_error
from server.transport.forwarded import client_address
from server.transport.json_limits import parse_body
from server.transport.limits import retry_after_header
from server.transport.services import Services
from server.transport.sessions import end_sessions

log = logging.getLogger(__name__)

SERVICES = web.AppKey("services", Services)

STATUS_OF = {
    ErrorCode.INVALID: 400,
    ErrorCode.UNAUTHENTICATED: 401,
    ErrorCode.FORBIDDEN: 403,
    ErrorCode.NOT_FOUND: 404,
    ErrorCode.CONFLICT: 409,
    ErrorCode.CLOSED: 409,
    ErrorCode.RATE_LIMITED: 429,
    ErrorCode.INTERNAL: 500,
}


def error_response(code: ErrorCode, message: str, status: int | None = None,
                   reason: str | None = None, retry_after: float | None = None) -> web.Response:
    """The protocol's HTTP error body (with ``reason`` when the refusal has one). A 429
    always carries ``Retry-After`` (whole seconds; ``retry_after`` in the body is exact)."""
    error: dict[str, str | float] = {"code": str(code), "message": message}
    if reason:
        error["reason"] = reason
    status = status or STATUS_OF[code]
    headers = {}
    if status == 429:
        retry_after = retry_after if retry_after is not None else 60.0
        error["retry_after"] = retry_after
        headers["Retry-After"] = retry_after_header(retry_after)
    return web.json_response({"error": error}, status=status, headers=headers)


def bearer_token(request: web.Request) -> str:
    """The token of ``Authorization: Bearer ...``, or a 401."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProtocolError(ErrorCode.UNAUTHENTICATED, "Authorization: Bearer <token> is required")
    return token.strip()


def path_id(request: web.Request, name: str) -> int:
    """An id from the path (its route allows digits only): one past any id names nothing
    (and would not fit a query's parameter)."""
    text = request.match_info[name]
    if not (text.isascii() and text.isdigit()) or int(text) > MAX_ID:
        raise not_found(f"{name.removesuffix('_id').capitalize()} {text[:20]} not found")
    return int(text)


def query_number(request: web.Request, name: str, least: int = 0) -> int | None:
    """A whole number from the query string (None when absent), at least ``least``."""
    text = request.query.get(name)
    if text is None or text == "":
        return None
    if not (text.isascii() and text.isdigit()) or not least <= int(text) <= MAX_ID:
        raise invalid(f"{name}: a whole number from {least} to {MAX_ID}")
    return int(text)


@web.middleware
async def token_usage(request: web.Request, handler: Any) -> web.StreamResponse:
    """An answered call made with a token is a use of it (for the idle timeout)."""
    response = await handler(request)
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if response.status < 400 and scheme.lower() == "bearer" and token.strip():
        request.app[SERVICES].usage.touch_digest(accounts.token_digest(token.strip()))
    return response


async def json_body(request: web.Request) -> Any:
    """The request's JSON body (nesting measured first, without recursion), or ``invalid``."""
    try:
        text = await request.text()
    except UnicodeDecodeError:
        raise invalid("The body is not UTF-8 text") from None
    return parse_body(text)


def http_error(request: web.Request, error: web.HTTPException) -> web.StreamResponse:
    """aiohttp's own refusals (no route, a wrong method, a body too large) as the
    protocol's error body, keeping their status and headers (``Allow`` of a 405)."""
    if error.status < 400:
        raise error  # a redirect is no error
    if error.status == 404:
        response = error_response(ErrorCode.NOT_FOUND, "There is no such address in this server's API", 404)
    elif error.status == 405:
        method = request.method[:16]
        response = error_response(ErrorCode.INVALID, f"This address does not take the {method} method", 405)
    elif error.status == 413:
        response = error_response(ErrorCode.INVALID, "The request's body is too large", 413)
    else:
        code = ErrorCode.INTERNAL if error.status >= 500 else ErrorCode.INVALID
        response = error_response(code, error.reason, error.status)
    for name in ("Allow", "Retry-After"):
        if name in error.headers:
            response.headers[name] = error.headers[name]
    return response


@web.middleware
async def fair_use(request: web.Request, handler: Any) -> web.StreamResponse:
    """Uploads and exports within their budget per login (``transport/limits.py``), refused
    before the body or the database is read."""
    request.app[SERVICES].http_limits.check(request)
    return await handler(request)


@web.middleware
async def errors_as_json(request: web.Request, handler: Any) -> web.StreamResponse:
    """Every refusal leaves as the protocol's error body."""
    try:
        return await handler(request)
    except ProtocolError as refusal:
        return error_response(refusal.code, refusal.message, reason=refusal.reason,
                              retry_after=refusal.retry_after)
    except ValidationError as error:
        return error_response(ErrorCode.INVALID, describe_validation_error(error))
    except web.HTTPException as error:
        return http_error(request, error)
    except Exception:
        log.exception("%s %s failed", request.method, request.path)
        return error_response(ErrorCode.INTERNAL, "The server could not complete this request")


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok", "version": __version__, "protocol": PROTOCOL_VERSION})


async def login(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    body = LoginRequest.model_validate(await json_body(request))  # ValidationError: 400
    client = client_address(request.remote, request.headers.get("X-Forwarded-For"),
                            services.settings.trusted_proxies)

    policy = services.settings.auth
    await slow_down_address(services, client)

    def attempt() -> dict[str, Any]:
        with services.db.write() as session:  # counted before it is evaluated (atomic)
            attempt_id = accounts.reserve_attempt(session, body.username, client, policy)
            credentials = accounts.load_credentials(session, body.username)
        matched = accounts.password_matches(credentials, body.password)
        # A failed attempt stays recorded (for rate limiting) even though login refuses.
        with services.db.write() as session:
            try:
                result = accounts.finish_login(session, credentials, matched, body.username,
                                               body.password, client, policy, attempt_id)
            except ProtocolError as refusal:
                return {"refusal": refusal}
            user = result.user
            settings = services.settings
            return {"token": result.token, "expires_at": iso(result.expires_at),
                    "user": {"id": user.id, "username": user.username, "full_name": user.full_name,
                             "is_admin": user.is_admin, "is_organizer": user.is_organizer,
                             "must_change_password": user.must_change_password},
                    # The offline cache (docs/offline-cache.md): its key and its rules.
                    "cache_key": base64.b64encode(accounts.cache_key(session, user)).decode(),
                    "offline_grace_hours": settings.offline_grace_hours,
                    "allow_restricted_export": settings.allow_restricted_export}

    answer = await services.in_thread(attempt)
    if "refusal" in answer:
        raise answer["refusal"]
    return web.json_response(answer)


async def slow_down_address(services: Services, client: str) -> None:
    """An address past ``max_failures_per_client`` failures waits for its turn (one attempt
    every ``login_slow_seconds``): it is slowed, never locked, so that another user behind the
    same NAT still logs in with the right password. Raises ``rate_limited`` when the queue
    of its attempts is too long."""
    policy = services.settings.auth

    def failures() -> int:
        with services.db.read() as session:
            return accounts.address_failures(session, client, policy)

    if await services.in_thread(failures) >= policy.max_failures_per_client:
        await services.login_slowdown.turn(client)


async def logout(request: web.Request) -> web.Response:
    services = request.app[SERVICES]
    token = bearer_token(request)

    def revoke() -> list[str]:
        with services.db.write() as session:
            return presence.sids_of_token(session, accounts.logout(session, token, services.settings.auth))

    sids = tuple(await services.in_thread(revoke))
    await end_sessions(services, [SessionEnd(sids, "This session was logged out; log in again")])
    return web.Response(status=204)


def register(app: web.Application) -> None:
    """Add the routes and the error middleware."""
    app.middlewares.append(errors_as_json)
    app.middlewares.append(token_usage)  # inside: it sees the answer a handler returned
    app.middlewares.append(fair_use)  # inside errors_as_json: its 429 is the error body
    app.router.add_get("/api/health", health)
    app.router.add_post("/api/login", login)
    app.router.add_post("/api/logout", logout)
