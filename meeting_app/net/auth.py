"""Logging in and out over HTTP: blocking calls, made from a worker thread by the UI.

``login`` first asks ``GET /api/health`` so that a wrong address, a foreign web server or
a server speaking another protocol version is told apart from a wrong password.
"""

from __future__ import annotations

import base64
import binascii
import http.client
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

import meeting_app.net.tls as tls
from meeting_app.net.server_messages import server_message
from protocol import PROTOCOL_VERSION
from protocol.errors import DEACTIVATED

translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""


class LoginErrorKind(StrEnum):
    """Why a login failed; the UI picks its wording and its advice from this."""

    CREDENTIALS = "credentials"
    RATE_LIMITED = "rate_limited"
    UNREACHABLE = "unreachable"
    INCOMPATIBLE = "incompatible"
    SERVER = "server"
    CERTIFICATE = "certificate"
    """HTTPS: the server's certificate is not trusted, or not valid for the address."""
    DEACTIVATED = "deactivated"
    """The password was right but the account is deactivated (the cache is wiped)."""


class LoginError(Exception):
    """A failed login: ``kind`` (a ``LoginErrorKind``, compares equal to its string) and a
    human ``message`` in English."""

    def __init__(self, kind: LoginErrorKind | str, message: str) -> None:
        super().__init__(message)
        self.kind = LoginErrorKind(kind)
        self.message = message

    def __repr__(self) -> str:
        return f"LoginError({self.kind.value!r}, {self.message!r})"


@dataclass(frozen=True)
class LoginResult:
    """A successful login."""

    token: str
    expires_at: str
    """ISO 8601 UTC, as the server sent it."""
    user: dict[str, Any]
    """``id``, ``username``, ``full_name``, ``is_admin``, ``is_organizer``."""
    server_url: str
    """The normalised address that answered (``http://host:port``, no trailing slash)."""
    cache_key: bytes | None = None
    """The 32-byte key of the offline cache (None from a server that sends none)."""
    offline_grace_hours: float = 8.0
    """How long the offline cache stays readable without the server."""
    allow_restricted_export: bool = False
    """Whether restricted documents may be exported (watermarked)."""


def normalize_server_url(server_url: str) -> str:
    """``host:port`` or ``http(s)://host:port/`` as ``http(s)://host:port``.

    Raises ``ValueError`` for something that is not an http(s) address.
    """
    url = server_url.strip()
    if url and "://" not in url:
        url = "http://" + url
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{server_url!r} is not a server address; write it as http://host:port")
    return url.rstrip("/")


def login(server_url: str, username: str, password: str, timeout: float = 10.0) -> LoginResult:
    """Check the server, then log in; blocking. Raises ``LoginError`` on any failure."""
    try:
        base = normalize_server_url(server_url)
    except ValueError as error:
        raise LoginError(LoginErrorKind.UNREACHABLE, str(error)) from None
    if not username.strip() or not password:
        raise LoginError(LoginErrorKind.CREDENTIALS, translate("net", "Enter your username and password."))
    _check_health(base, timeout)
    status, body = _request("POST", base + "/api/login", timeout,
                            {"username": username.strip(), "password": password})
    if status == 200:
        return _login_result(base, body)
    if status == 401:
        if _reason(body) == DEACTIVATED:
            # The dialog heads it with "This account is deactivated."
            raise LoginError(LoginErrorKind.DEACTIVATED,
                             translate("net", "Its offline documents were removed from this computer."))
        raise LoginError(LoginErrorKind.CREDENTIALS, translate("net", "Wrong username or password."))
    if status == 429:  # the server's message says how long to wait
        raise LoginError(LoginErrorKind.RATE_LIMITED, server_message(body) or
                         translate("net", "Too many failed attempts. Wait a few minutes, then try again."))
    raise LoginError(LoginErrorKind.SERVER,
                     translate("net", "The server could not log you in (HTTP {status})").format(status=status)
                     + _server_says(body))


def logout(server_url: str, token: str, timeout: float = 5.0) -> bool:
    """Revoke the token on the server (its sockets are closed too); blocking.

    Never raises: returns True when the server confirmed, False otherwise (unreachable,
    token already invalid, ...). Logging out locally must work without a network.
    """
    try:
        base = normalize_server_url(server_url)
        status, _body = _request("POST", base + "/api/logout", timeout, token=token)
    except (LoginError, ValueError):
        return False
    return status in (200, 204)


class PasswordChangeError(Exception):
    """A refused password change: ``message`` says why, in English; ``signed_out`` when
    the session itself no longer holds (the user must sign in again)."""

    def __init__(self, message: str, signed_out: bool = False) -> None:
        super().__init__(message)
        self.message, self.signed_out = message, signed_out


def change_password(server_url: str, token: str, current: str, new: str, timeout: float = 10.0) -> None:
    """Change the signed-in user's password (the server ends their other sessions); blocking.

    Raises ``PasswordChangeError`` with the server's reason (wrong current password, too
    short, too many attempts) or why the server could not be reached.
    """
    try:
        base = normalize_server_url(server_url)
        status, body = _request("POST", base + "/api/password", timeout,
                                {"current_password": current, "new_password": new}, token=token)
    except LoginError as error:
        raise PasswordChangeError(error.message) from None
    except ValueError as error:
        raise PasswordChangeError(str(error)) from None
    if status in (200, 204):
        return
    said = _server_says(body).removeprefix(": ").removesuffix(".").strip()
    if status == 429:
        raise PasswordChangeError(
            said or translate("net", "Too many wrong attempts. Wait a few minutes, then try again."))
    if status == 401:
        raise PasswordChangeError(said or translate("net", "Your session has ended; sign in again."),
                                  signed_out=True)
    refused = translate("net", "The server refused the change (HTTP {status}).")
    raise PasswordChangeError(said or refused.format(status=status))


# --- internals ---------------------------------------------------------------------------


def _check_health(base: str, timeout: float) -> None:
    status, body = _request("GET", base + "/api/health", timeout)
    if status >= 500:
        raise LoginError(LoginErrorKind.SERVER,
                         translate("net", "The server at {base} reported an error (HTTP {status}). "
                                          "Try again in a moment or ask the administrator.").format(
                             base=base, status=status))
    not_ours = LoginError(LoginErrorKind.INCOMPATIBLE,
                          translate("net", "The address {where} answers, but it is not a meeting server. "
                              "Check the address and the port.").format(where=base))
    if status != 200:
        raise not_ours
    try:
        health = json.loads(body)
    except ValueError:
        raise not_ours from None
    if not isinstance(health, dict) or "protocol" not in health:
        raise not_ours
    if health["protocol"] != PROTOCOL_VERSION:
        raise LoginError(LoginErrorKind.INCOMPATIBLE,
                         translate("net", "The server speaks protocol version {theirs}, this app "
                                          "speaks version {ours}. Update the app or the server.").format(
                             theirs=health["protocol"], ours=PROTOCOL_VERSION))


def _login_result(base: str, body: bytes) -> LoginResult:
    try:
        answer = json.loads(body)
        user = answer["user"]
        result = LoginResult(
            token=answer["token"], expires_at=answer["expires_at"], server_url=base,
            user={"id": user["id"], "username": user["username"],
                  "full_name": user.get("full_name") or user["username"],
                  "is_admin": bool(user.get("is_admin", False)),
                  "is_organizer": bool(user.get("is_organizer", False)),
                  "must_change_password": bool(user.get("must_change_password", False))},
            cache_key=_cache_key(answer.get("cache_key")),
            offline_grace_hours=float(answer.get("offline_grace_hours", 8.0)),
            allow_restricted_export=answer.get("allow_restricted_export") is True)
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error):
        raise LoginError(LoginErrorKind.SERVER,
                         translate("net", "The server's answer to the login could not be read.")) from None
    if not isinstance(result.token, str) or not result.token or not isinstance(result.user["id"], int):
        raise LoginError(LoginErrorKind.SERVER,
                         translate("net", "The server's answer to the login could not be read."))
    return result


def _cache_key(text: Any) -> bytes | None:
    """The login answer's ``cache_key`` (base64 of 32 bytes); ``ValueError`` if malformed."""
    if text is None:
        return None
    key = base64.b64decode(str(text), validate=True)
    if len(key) != 32:
        raise ValueError("the cache key is not 32 bytes")
    return key


def _reason(body: bytes) -> str | None:
    """The ``error.reason`` of an error body (a machine-readable detail), if any."""
    try:
        reason = json.loads(body)["error"].get("reason")
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return reason if isinstance(reason, str) else None


def _request(method: str, url: str, timeout: float, body: dict[str, Any] | None = None,
             token: str | None = None) -> tuple[int, bytes]:
    """One HTTP exchange: (status, body) for any answer; LoginError when there is none."""
    headers = {"Accept": "application/json"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with tls.open_url(request, timeout=timeout) as answer:
            return int(answer.status), answer.read()
    except urllib.error.HTTPError as error:
        with error:
            return int(error.code), error.read()
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        raise _no_answer(url, timeout, error) from None
    except tls.CaFileError as error:
        raise LoginError(LoginErrorKind.CERTIFICATE, str(error)) from None


def _no_answer(url: str, timeout: float, error: BaseException) -> LoginError:
    """Why nothing usable came back, in words a user can act on."""
    problem = tls.certificate_problem(error)
    if problem is not None:
        return LoginError(LoginErrorKind.CERTIFICATE, tls.describe_certificate_problem(problem, url))
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    parts = urllib.parse.urlsplit(url)
    where = parts.netloc
    if isinstance(reason, ConnectionRefusedError):
        message = translate("net", "Could not connect to {where}: no server is listening there. "
                      "Check the address and that the server is running.").format(where=where)
    elif isinstance(reason, socket.gaierror):
        message = translate("net", "The server name {host} could not be found. Check the address.").format(
            host=parts.hostname)
    elif isinstance(reason, TimeoutError):
        message = translate("net", "The server at {where} did not answer within {seconds} seconds.").format(
            where=where, seconds=f"{timeout:g}")
    elif isinstance(reason, http.client.HTTPException) and not isinstance(reason, ConnectionError):
        # Something answered, but not in HTTP: another service on that port.
        return LoginError(LoginErrorKind.INCOMPATIBLE,
                          translate("net", "The address {where} answers, but it is not a meeting server. "
                              "Check the address and the port.").format(where=where))
    else:
        message = translate("net", "Could not reach the server at {where} ({reason}).").format(
            where=where, reason=reason)
    return LoginError(LoginErrorKind.UNREACHABLE, message)


def _server_says(body: bytes) -> str:
    """``": <the server's message>."`` from an error body, or ``"."``."""
    message = server_message(body)
    return f": {message}" if message else "."
