"""Many lightweight clients on one target, and the fan-out round they take part in."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from dataclasses import dataclass
from typing import Any

import aiohttp

from bench.fanout import PendingRound
from bench.servers import Target
from bench.wsclient import LightClient

MEETING_ID = 1
EVENT_NAME = "meeting.event"
MEASURED_TYPE = "agenda.current_changed"


@dataclass
class RoundResult:
    """One round: every delivery's latency, emit-to-last-receipt span, ack time, our CPU."""

    latencies: list[float]
    span: float
    ack: float
    loadgen_cpu: float


class Crowd:
    """The receiving clients of one target (joined to meeting 1) and its trigger client."""

    def __init__(self, target: Target, session: aiohttp.ClientSession) -> None:
        self.target = target
        self.session = session
        self.clients: list[LightClient] = []
        self.trigger: LightClient | None = None
        self.current: PendingRound | None = None
        self.payload_bytes = 0
        self.last_event_at = 0.0
        self.seq = 0
        self.items: tuple[int, int] = (2, 1)
        self.rounds_run = 0
        self.sample: dict[str, Any] | None = None
        """The last measured envelope received (the product's is the baselines' template)."""
        self.template: dict[str, Any] | None = None
        """For a baseline: the ``data`` its trigger asks to broadcast, so that its envelope
        has the product's fields and size."""

    def _handler(self, index: int) -> Any:
        def on_event(name: str, envelope: Any, now: float) -> None:
            self.last_event_at = now
            if name != EVENT_NAME or not isinstance(envelope, dict):
                return
            seq = envelope.get("seq")
            if isinstance(seq, int) and seq > self.seq:
                self.seq = seq
            current = self.current
            if current is None:
                return
            if envelope.get("type") != MEASURED_TYPE or index in current.seen:
                return
            if (envelope.get("data") or {}).get("item_id") != current.item_id:
                return
            current.seen.add(index)
            current.latencies.append(now - current.t0)
            current.last = now
            if len(current.seen) == 1:
                self.payload_bytes = len(json.dumps(envelope, separators=(",", ":")).encode())
                self.sample = envelope
            if len(current.seen) == current.expected:
                current.done.set()

        return on_event

    async def start(self) -> None:
        """Connect the trigger client (the chair on the product, which starts the meeting)."""
        target = self.target
        self.trigger = LightClient(self.session, plain=target.plain)
        await self.trigger.connect(target.urls[0], {"token": target.chair_token, "protocol": 1})
        if target.tokens:  # the product: start the meeting, learn two agenda items
            answer = await self.trigger.call("meeting.start", {"meeting_id": MEETING_ID})
            if not answer.get("ok") and answer.get("error", {}).get("code") != "conflict":
                raise RuntimeError(f"meeting.start refused: {answer}")
            joined = await self.trigger.call("meeting.join", {"meeting_id": MEETING_ID})
            if not joined.get("ok"):
                raise RuntimeError(f"the chair could not join: {joined}")
            await self.trigger.call("meeting.leave", {"meeting_id": MEETING_ID})
            snapshot = joined["data"]["snapshot"]
            first, second = (int(item["id"]) for item in snapshot["agenda"][:2])
            current = snapshot["meeting"].get("current_item_id")
            self.items = (second, first) if current == first else (first, second)
            self.seq = int(joined["data"]["seq"])

    async def grow(self, count: int, concurrency: int, timeout: float = 60.0) -> None:
        """Connect and join clients until there are ``count``.

        A client joins with ``since_seq`` = the newest seq any client has seen, so that the
        server answers with the few events since rather than a whole snapshot: a snapshot
        lists every participant, and building a thousand of them would make the set-up
        quadratic in N (the fan-out, not the join, is what is measured here).
        """
        semaphore = asyncio.Semaphore(concurrency)

        async def one(index: int) -> None:
            async with semaphore:
                client = LightClient(self.session, self._handler(index), plain=self.target.plain)
                await client.connect(self.target.url_of(index), self.target.auth(index), timeout)
                payload: dict[str, Any] = {"meeting_id": MEETING_ID}
                if self.seq and self.target.tokens:
                    payload["since_seq"] = self.seq
                answer = await client.call("meeting.join", payload, timeout)
                if not (isinstance(answer, dict) and answer.get("ok")):
                    raise RuntimeError(f"{self.target.key} client {index} could not join: {answer}")
                self.clients.append(client)
                self.seq = max(self.seq, int(answer["data"]["seq"]))

        await asyncio.gather(*(one(i) for i in range(len(self.clients), count)))

    async def quiet(self, idle: float = 0.5, timeout: float = 120.0) -> None:
        """Wait until no event reached these clients for ``idle`` seconds (joins' presence
        events drained), or ``timeout``."""
        deadline = time.perf_counter() + timeout
        self.last_event_at = time.perf_counter()
        while time.perf_counter() - self.last_event_at < idle and time.perf_counter() < deadline:
            await asyncio.sleep(idle / 5)

    async def round(self, deadline: float) -> RoundResult:
        """Trigger one event and wait for its ack and for every client to have it."""
        assert self.trigger is not None
        item_id = self.items[self.rounds_run % 2]
        self.rounds_run += 1
        current = PendingRound(item_id=item_id, expected=len(self.clients))
        self.current = current
        cpu0 = time.process_time()
        current.t0 = time.perf_counter()
        try:
            payload: dict[str, Any] = {"meeting_id": MEETING_ID, "item_id": item_id}
            if self.template is not None:
                payload["data"] = {**self.template, "item_id": item_id}
            future = await self.trigger.emit(self.target.trigger, payload)
            answer = await asyncio.wait_for(future, deadline)
            ack_at = time.perf_counter()
            if not (isinstance(answer, dict) and answer.get("ok")):
                raise RuntimeError(f"{self.target.key}: the trigger was refused: {answer}")
            await asyncio.wait_for(current.done.wait(), deadline)
        except TimeoutError:
            raise RuntimeError(f"{self.target.key}: {len(current.seen)} of {current.expected} clients "
                               f"got the event within {deadline}s") from None
        finally:
            self.current = None
        return RoundResult(current.latencies, current.last - current.t0, ack_at - current.t0,
                           time.process_time() - cpu0)

    async def round_trips(self, command: str, count: int) -> list[float]:
        """``count`` acknowledgements of one command from the trigger client, one at a time."""
        assert self.trigger is not None
        times: list[float] = []
        for number in range(count):
            if command == "agenda.set_current":
                payload: dict[str, Any] = {"meeting_id": MEETING_ID, "item_id": self.items[number % 2]}
                self.rounds_run = number + 1
            elif command == "meeting.list":
                payload = {}
            else:
                payload = {"meeting_id": MEETING_ID, "n": number}
            t0 = time.perf_counter()
            answer = await self.trigger.call(command, payload)
            times.append(time.perf_counter() - t0)
            if not (isinstance(answer, dict) and answer.get("ok")):
                raise RuntimeError(f"{self.target.key} {command}: {answer}")
        return times

    async def close(self) -> None:
        """Close every connection."""
        clients = [*self.clients, *([self.trigger] if self.trigger else [])]
        self.clients, self.trigger = [], None
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(asyncio.gather(*(c.close() for c in clients), return_exceptions=True), 60)
