"""Flood benchmark: one socket floods ``search``; does another user's ``meeting.list`` stay fast?

A real ``meeting-server`` (SQLite, demo seeded) is started twice: with the default fair
limits, and with the command budgets switched off (``--limit socket_rate=0 --limit
user_rate=0 --limit search_rate=0``; the other changes stay: reads across meetings take no
lock, search runs on its own threads). In each, delegate2 first sends ``meeting.list``
every ``--interval`` seconds for a while alone (quiet), then again while delegate1's one
socket sends ``search`` at ``--rate`` a second (at most ``--in-flight`` unanswered), for
``--seconds``. Reported per server: delegate2's p50/p95/max round trip quiet and under the
flood, and what the flood got (served, refused ``rate_limited``, the largest
``retry_after``). Target: p95 under the flood below 50 ms with the limits on.

    python -m bench.flood --seconds 15 --rate 200
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import time
from pathlib import Path
from typing import Any

from bench.fanout import DEMO_PASSWORD, login_all, machine, percentile
from bench.processes import ManagedProcess, run_report, spawn_demo_server
from bench.wsclient import LightClient, client_session

log = logging.getLogger("bench.flood")
TARGET_P95_MS = 50.0
UNLIMITED = ["--limit", "socket_rate=0", "--limit", "user_rate=0", "--limit", "search_rate=0"]
QUERIES = ("ngân sách", "chuyển đổi số", "cải cách hành chính", "đầu tư công", "báo cáo")


def summary(times: list[float]) -> dict[str, float]:
    """p50, p95 and max of round trips, in ms."""
    ordered = sorted(times)
    return {"n": len(ordered), "p50_ms": round(percentile(ordered, 0.5) * 1000, 1),
            "p95_ms": round(percentile(ordered, 0.95) * 1000, 1),
            "max_ms": round(ordered[-1] * 1000, 1) if ordered else 0.0}


async def lists(victim: LightClient, until: float, interval: float) -> list[float]:
    """``meeting.list`` every ``interval`` s until ``until``; each answer checked, its time kept."""
    times: list[float] = []
    while time.perf_counter() < until:
        started = time.perf_counter()
        answer = await victim.call("meeting.list", {}, timeout=30)
        times.append(time.perf_counter() - started)
        if not (isinstance(answer, dict) and answer.get("ok") and answer["data"]["meetings"]):
            raise RuntimeError(f"meeting.list answered {answer}")
        await asyncio.sleep(max(0.0, interval - (time.perf_counter() - started)))  # pacing, not a wait
    return times


async def flood(flooder: LightClient, until: float, rate: float, in_flight: int) -> dict[str, Any]:
    """``search`` at ``rate`` a second (at most ``in_flight`` waiting) until ``until``."""
    counts = {"sent": 0, "served": 0, "rate_limited": 0, "other": 0}
    longest_wait = 0.0
    slots = asyncio.Semaphore(in_flight)
    pending: set[asyncio.Task[None]] = set()

    async def one(number: int) -> None:
        nonlocal longest_wait
        try:
            answer = await flooder.call("search", {"query": QUERIES[number % len(QUERIES)]}, timeout=60)
        finally:
            slots.release()
        if answer.get("ok"):
            counts["served"] += 1
        elif answer.get("error", {}).get("code") == "rate_limited":
            counts["rate_limited"] += 1
            longest_wait = max(longest_wait, float(answer["error"]["retry_after"]))
        else:
            counts["other"] += 1

    started = time.perf_counter()
    while time.perf_counter() < until:
        await slots.acquire()
        task = asyncio.create_task(one(counts["sent"]))
        pending.add(task)
        task.add_done_callback(pending.discard)
        counts["sent"] += 1
        next_at = started + counts["sent"] / rate
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))  # the flood's own pace
    await asyncio.gather(*pending)
    elapsed = time.perf_counter() - started
    return {**counts, "sent_per_s": round(counts["sent"] / elapsed, 1), "longest_retry_after_s": longest_wait}


async def one_server(args: argparse.Namespace, work: Path, key: str, options: list[str]) -> dict[str, Any]:
    processes: list[ManagedProcess] = []
    try:
        url, server = await spawn_demo_server(work / key, 3, DEMO_PASSWORD, work / f"{key}.log", processes,
                                              serve_options=options)
        await asyncio.to_thread(server.wait_healthy, 60)
        tokens = await login_all(url, ["delegate1", "delegate2"], 2)
        async with client_session() as session:
            flooder, victim = LightClient(session), LightClient(session)
            await flooder.connect(url, {"token": tokens["delegate1"], "protocol": 1})
            await victim.connect(url, {"token": tokens["delegate2"], "protocol": 1})
            await lists(victim, time.perf_counter() + 1.0, args.interval)  # warm-up
            quiet = await lists(victim, time.perf_counter() + args.quiet_seconds, args.interval)
            until = time.perf_counter() + args.seconds
            flooded, during = await asyncio.gather(flood(flooder, until, args.rate, args.in_flight),
                                                   lists(victim, until, args.interval))
            cpu = server.cpu_seconds()
            await flooder.close()
            await victim.close()
    finally:
        for process in processes:
            process.stop()
    result = {"quiet": summary(quiet), "during_flood": summary(during), "flood": flooded,
              "server_cpu_s": round(cpu, 1)}
    log.info("%s: %s", key, result)
    return result


async def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    described = machine()
    limited = await one_server(args, work, "limited", [])
    unlimited = await one_server(args, work, "unlimited", UNLIMITED)
    p95 = limited["during_flood"]["p95_ms"]
    return {"benchmark": "flood", "seconds": args.seconds, "rate": args.rate, "in_flight": args.in_flight,
            "interval_s": args.interval, "machine": described, "limited": limited, "unlimited": unlimited,
            "target_p95_ms": TARGET_P95_MS, "target_met": p95 < TARGET_P95_MS}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.flood", description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0,
                        help="how long the flood lasts (default %(default)s)")
    parser.add_argument("--quiet-seconds", type=float, default=3.0,
                        help="the other user alone, before the flood (default %(default)s)")
    parser.add_argument("--rate", type=float, default=200.0, help="searches a second (default %(default)s)")
    parser.add_argument("--in-flight", type=int, default=20,
                        help="unanswered searches at most (default %(default)s)")
    parser.add_argument("--interval", type=float, default=0.05,
                        help="the other user's meeting.list every this many seconds (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=600.0, help="seconds the whole run may take")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON report."""
    args = parse_args(argv)
    return run_report("flood", lambda work: run(args, work), args.timeout, ["limited.log", "unlimited.log"])


if __name__ == "__main__":
    raise SystemExit(main())
