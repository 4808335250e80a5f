"""Fair limits: token buckets per socket, per user and per login, and the per-address slowdown
of failed logins (``docs/security.md``, "Fair limits").

Everything here lives in one process's memory and costs a dictionary lookup: a refused
command never reaches the database, so a flooding socket is answered ``rate_limited`` (with
``retry_after``) at almost no cost to the others. With several processes each keeps its own
budgets (a client holds one socket, on one process).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from protocol import commands as c
from protocol.errors import rate_limited, rounded_wait
from server.domain import accounts
from server.settings import Limits

Clock = Callable[[], float]
IDLE_FORGET = 600.0
"""A bucket untouched this long is full again: it is dropped (memory stays bounded)."""


@dataclass
class Bucket:
    """``rate`` tokens a second, up to ``burst``; a call takes one."""

    rate: float
    burst: float
    tokens: float
    at: float

    def take(self, now: float) -> float:
        """0 if a token was taken; otherwise the seconds until one is there."""
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / self.rate


class Buckets:
    """Buckets of one kind, by key; a rate of 0 lets everything through."""

    def __init__(self, rate: float, burst: float, clock: Clock = time.monotonic) -> None:
        self.rate, self.burst, self.clock = rate, max(1.0, burst), clock
        self._buckets: dict[Any, Bucket] = {}
        self._swept = clock()

    def take(self, key: Any) -> float:
        """0 if the call may go; else the seconds to wait."""
        if self.rate <= 0:
            return 0.0
        now = self.clock()
        if now - self._swept > IDLE_FORGET:
            self._sweep(now)
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = Bucket(self.rate, self.burst, self.burst, now)
        return bucket.take(now)

    def give_back(self, key: Any) -> None:
        """Return a token taken by a call that another budget then refused."""
        bucket = self._buckets.get(key)
        if bucket is not None:
            bucket.tokens = min(self.burst, bucket.tokens + 1.0)

    def forget(self, key: Any) -> None:
        self._buckets.pop(key, None)

    def _sweep(self, now: float) -> None:
        self._swept = now
        for key in [k for k, b in self._buckets.items() if now - b.at > IDLE_FORGET]:
            del self._buckets[key]


HEAVY_COMMANDS = frozenset({c.Search.command})
"""Commands with a budget of their own (per user) and run on the heavy-read threads."""


class CommandLimits:
    """The command budgets of one process: per socket, per user, and per user for search."""

    def __init__(self, limits: Limits, clock: Clock = time.monotonic) -> None:
        self.sockets = Buckets(limits.socket_rate, limits.socket_burst, clock)
        self.users = Buckets(limits.user_rate, limits.user_burst, clock)
        self.searches = Buckets(limits.search_rate, limits.search_burst, clock)

    def check(self, name: str, sid: str, user_id: int) -> None:
        """Raise ``rate_limited`` (with the seconds to wait) if this command is one too many."""
        wait = self.sockets.take(sid)
        if not wait:
            wait = self.users.take(user_id)
            if wait:
                self.sockets.give_back(sid)
        if wait:
            seconds = rounded_wait(wait)
            raise rate_limited(f"Too many commands too fast; try again in {seconds:g} s", seconds)
        if name in HEAVY_COMMANDS:
            wait = self.searches.take(user_id)
            if wait:
                seconds = rounded_wait(wait)
                raise rate_limited(f"Too many searches too fast; try again in {seconds:g} s", seconds)

    def forget(self, sid: str) -> None:
        """A socket closed."""
        self.sockets.forget(sid)


class SocketCounts:
    """Open sockets per login on this process, capped."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self._by_token: dict[int, set[str]] = {}
        self._token_of: dict[str, int] = {}
        self._lock = threading.Lock()  # admitted in a database thread, released on the loop

    def admit(self, token_id: int, sid: str) -> None:
        """Count the socket, or raise ``rate_limited`` when the login has its cap already."""
        with self._lock:
            held = self._by_token.setdefault(token_id, set())
            if self.cap > 0 and len(held) >= self.cap:
                raise rate_limited(f"This login already has {self.cap} connections open, the "
                                   "limit; close some windows or log in again", 5.0)
            held.add(sid)
            self._token_of[sid] = token_id

    def release(self, sid: str) -> None:
        """A counted socket closed (or was refused after all)."""
        with self._lock:
            token_id = self._token_of.pop(sid, None)
            held = self._by_token.get(token_id) if token_id is not None else None
            if held is not None:
                held.discard(sid)
                if not held:
                    del self._by_token[token_id]  # type: ignore[arg-type]


class LoginSlowdown:
    """An address that failed too many logins gets one attempt every ``interval`` seconds
    (others wait their turn, up to ``max_wait``): guessing from it slows to a crawl, while a
    colleague behind the same NAT still logs in, a little later."""

    def __init__(self, interval: float, max_wait: float, clock: Clock = time.monotonic) -> None:
        self.interval, self.max_wait, self.clock = interval, max_wait, clock
        self._next: dict[str, float] = {}

    async def turn(self, client: str) -> None:
        """Wait for this address's next turn, or raise ``rate_limited`` if it is too far."""
        now = self.clock()
        if len(self._next) > 10_000:
            self._next = {k: t for k, t in self._next.items() if t > now}
        at = max(now, self._next.get(client, now))
        if at - now > self.max_wait:
            raise rate_limited("Too many failed logins from this address; try again in a moment",
                               at - now - self.max_wait + self.interval)
        self._next[client] = at + self.interval
        if at > now:
            await asyncio.sleep(at - now)  # throttling, not synchronisation: the turn is a time


HTTP_KINDS: tuple[tuple[str, str, Callable[[str], bool]], ...] = (
    ("upload", "POST", lambda path: path.endswith("/documents") or path.startswith("/api/mydocs")
     or path.endswith("/responses/file")),
    ("export", "GET", lambda path: path.endswith((".csv", ".pdf", ".docx", ".xlsx"))),
)
"""Which HTTP calls have a budget: uploads and exports (the documents' content is not one:
a client downloads a meeting's papers in a burst)."""


def http_kind(method: str, path: str) -> str | None:
    """``"upload"``, ``"export"`` or None for an HTTP call."""
    for kind, wanted, matches in HTTP_KINDS:
        if method == wanted and path.startswith("/api/") and matches(path):
            return kind
    return None


class HttpLimits:
    """Budgets of uploads and exports, per login (the bearer token): checked before the call
    reads its body or the database."""

    def __init__(self, limits: Limits, clock: Clock = time.monotonic) -> None:
        self.kinds = {"upload": Buckets(limits.upload_rate, limits.upload_burst, clock),
                      "export": Buckets(limits.export_rate, limits.export_burst, clock)}

    def check(self, request: web.Request) -> None:
        """Raise ``rate_limited`` for an upload or export one too many for its login."""
        kind = http_kind(request.method, request.path)
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if kind is None or scheme.lower() != "bearer" or not token.strip():
            return  # no budget, or refused as anonymous by the route itself
        wait = self.kinds[kind].take(accounts.token_digest(token.strip()))
        if wait:
            seconds = rounded_wait(wait)
            if kind == "upload":
                raise rate_limited(f"Too many uploads too fast; try again in {seconds:g} s", seconds)
            raise rate_limited(f"Too many exports too fast; try again in {seconds:g} s", seconds)


def retry_after_header(seconds: float) -> str:
    """``Retry-After`` is whole seconds: rounded up, at least 1."""
    return str(max(1, int(-(-seconds // 1))))
