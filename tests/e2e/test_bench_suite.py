"""The benchmark suite's parts work: its lightweight client against both bare baselines and
the real server (every event arrives, complete and in order), and its generated table."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from bench import report
from bench.processes import LOOPBACK, REPO_ROOT, ManagedProcess, free_port, python_module
from bench.wsclient import LightClient, Refused, client_session
from tests.support.server_process import ServerProcess

pytestmark = pytest.mark.e2e

CLIENTS = 5
ROUNDS = 6
TIMEOUT = 10.0


class Inbox:
    """What one client received: every meeting.event, and a way to wait for a count."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.changed = asyncio.Event()

    def __call__(self, name: str, payload: Any, _now: float) -> None:
        if name == "meeting.event":
            self.events.append(payload)
            self.changed.set()

    async def wait_for(self, predicate: Any) -> None:
        async def loop() -> None:
            while not predicate(self.events):
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(loop(), TIMEOUT)


def current_changes(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [e for e in events if e.get("type") == "agenda.current_changed"]


async def rounds_reach_everyone(url: str, auths: list[dict[str, Any]], trigger_auth: dict[str, Any],
                                trigger: str, items: tuple[int, int], plain: bool = False) -> None:
    """Join CLIENTS clients, trigger ROUNDS events; each client gets them all, in order,
    with consecutive seqs and the triggered item ids."""
    async with client_session() as session:
        inboxes = [Inbox() for _ in auths]
        clients = [LightClient(session, inbox, plain=plain) for inbox in inboxes]
        chair = LightClient(session, plain=plain)
        try:
            await chair.connect(url, trigger_auth)
            if not plain and trigger == "agenda.set_current":
                started = await chair.call("meeting.start", {"meeting_id": 1})
                assert started["ok"] or started["error"]["code"] == "conflict", started
            for client, auth in zip(clients, auths, strict=True):
                await client.connect(url, auth)
                joined = await client.call("meeting.join", {"meeting_id": 1})
                assert joined["ok"], joined
            sent = [items[n % 2] for n in range(ROUNDS)]
            for item in sent:
                answer = await chair.call(trigger, {"meeting_id": 1, "item_id": item})
                assert answer == {"ok": True, "data": {}}, answer
            for inbox in inboxes:
                await inbox.wait_for(lambda events: len(current_changes(events)) >= ROUNDS)
                changes = current_changes(inbox.events)
                assert [e["data"]["item_id"] for e in changes] == sent
                seqs = [e["seq"] for e in inbox.events]
                assert seqs == list(range(seqs[0], seqs[0] + len(seqs))), seqs  # no gap, no repeat
                assert all(set(e) >= {"meeting_id", "seq", "type", "data", "at"} for e in changes)
        finally:
            for client in [*clients, chair]:
                await client.close()


@pytest.mark.parametrize("module", ["bench.bare_server", "bench.bare_ws_server"])
def test_the_light_client_gets_every_broadcast_of_a_bare_baseline(tmp_path: Path, module: str) -> None:
    port = free_port()
    url = f"http://{LOOPBACK}:{port}"
    server = ManagedProcess(module, python_module(module, "--port", str(port), "--first-seq", "40"),
                            tmp_path / "bare.log", url + "/health", cwd=REPO_ROOT)
    server.spawn()
    try:
        server.wait_healthy(30)
        auths = [{"token": f"client{i}", "protocol": 1} for i in range(CLIENTS)]
        asyncio.run(rounds_reach_everyone(url, auths, {"token": "trigger", "protocol": 1}, "bench.trigger",
                                          (2, 1), plain=module == "bench.bare_ws_server"))
    finally:
        server.stop()


def test_the_light_client_follows_the_real_server(server: ServerProcess,
                                                  logins: dict[str, dict[str, Any]]) -> None:
    auths = [{"token": logins[f"delegate{i}"]["token"], "protocol": 1} for i in range(1, CLIENTS + 1)]
    agenda = [1, 2]  # the demo meeting's first two agenda items
    asyncio.run(rounds_reach_everyone(server.url, auths, {"token": logins["chair"]["token"], "protocol": 1},
                                      "agenda.set_current", (agenda[1], agenda[0])))


def test_the_light_client_is_refused_with_a_bad_token(server: ServerProcess) -> None:
    async def attempt() -> None:
        async with client_session() as session:
            client = LightClient(session)
            with pytest.raises(Refused):
                await client.connect(server.url, {"token": "forged", "protocol": 1})
            assert not client.connected

    asyncio.run(attempt())


def results_with(p99: float, baseline: float) -> dict[str, Any]:
    scale = {"fanout": {"200": {"product": {"p99_ms": p99}, "bare_socketio": {"p99_ms": baseline}}}}
    return {"started_at": "2026-11-21T21:00:00+00:00", "duration_s": 60.0, "commit": "abc",
            "machine": {"cpu_count": 2, "cpu_model": "AMD EPYC", "packages": {"websockets": "17"}},
            "benchmarks": {"scale": {"exit_code": 0, "report": scale}, "voting": {"exit_code": 1}}}


def test_the_docs_section_is_generated_between_its_markers(tmp_path: Path) -> None:
    page = tmp_path / "performance.md"
    page.write_text("# Performance\n\nHand-written text stays.\n", encoding="utf-8")
    report.update_docs(page, report.markdown(results_with(60.0, 30.0)))
    first = page.read_text(encoding="utf-8")
    assert first.index(report.START) < first.index("Hand-written text stays.")
    assert ("| Fan-out p99, 200 clients, 1 process | 60.0 ms | 30.0 ms (bare python-socketio) | 2.00 |"
            in first)
    assert "**missed** by 10.0 ms (20%), ratio 2.00 > 1.5" in first
    assert "**Failed or skipped:** voting" in first

    report.update_docs(page, report.markdown(results_with(40.0, 30.0)))
    second = page.read_text(encoding="utf-8")
    assert second.count(report.START) == 1 and second.count(report.END) == 1
    assert "| 40.0 ms | 30.0 ms (bare python-socketio) | 1.33 | ≤ 50.0 ms; ≤ 1.5× bare python-socketio " \
           "| **met** |" in second
    assert "Hand-written text stays." in second
