"""Fan-out at 200, 500 and 1,000 clients, command round trips and memory per connection.

Four systems run side by side, each with its own crowd of lightweight clients
(``bench.wsclient``, the same client for all):

- ``product``: one ``meeting-server`` on SQLite;
- ``product_2proc``: two ``meeting-server`` processes on PostgreSQL + Redis, half the clients
  on each, the trigger (the chair) on the first;
- ``bare_socketio``: a bare python-socketio broadcast (``bench.bare_server``);
- ``bare_websockets``: a bare ``websockets.broadcast`` (``bench.bare_ws_server``).

The demo meeting is seeded once with the largest size's delegates; the crowds grow from one
size to the next (the servers and their clients are kept). Before any receiver connects:
command round trips from the one trigger client (the product's ``agenda.set_current`` and
``meeting.list``, the baselines' ``bench.echo``) and each server's resident set with no
client. At each size: the new clients connect and join, the presence events drain, the
resident set is read again (after a full collection, see ``bench.with_gc``), then warm-up
and measured fan-out rounds interleaved over the systems (the order rotates each round).
One JSON object goes to stdout.

    python -m bench.scale --sizes 200,500,1000 --rounds 30
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import time
from pathlib import Path
from typing import Any

from bench import servers
from bench.crowd import Crowd, RoundResult
from bench.fanout import machine, percentile, quiet_collector
from bench.processes import ManagedProcess, run_report
from bench.wsclient import client_session

log = logging.getLogger("bench.scale")
TARGETS = ("product", "product_2proc", "bare_socketio", "bare_websockets")


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def spread(values: list[float]) -> dict[str, float]:
    """p50, p99 and max in ms of some durations in seconds."""
    ordered = sorted(values)
    return {"p50_ms": ms(percentile(ordered, 0.5)), "p99_ms": ms(percentile(ordered, 0.99)),
            "max_ms": ms(ordered[-1]), "count": len(ordered)}


def summarize(results: list[RoundResult], server_cpu: float, processes: int, payload: int) -> dict[str, Any]:
    """The figures of one system at one size (latencies over all deliveries)."""
    latencies = sorted(x for r in results for x in r.latencies)
    busy = sum(r.span for r in results)
    return {
        **spread(latencies),
        "deliveries": len(latencies),
        "deliveries_per_s_wall": round(len(latencies) / busy, 1),
        "deliveries_per_server_cpu_s": round(len(latencies) / server_cpu, 1) if server_cpu else None,
        "server_processes": processes,
        "server_cpu_ms_per_round": round(server_cpu * 1000 / len(results), 2),
        "first_delivery_p50_ms": ms(percentile(sorted(min(r.latencies) for r in results), 0.5)),
        "round_span_p50_ms": ms(percentile(sorted(r.span for r in results), 0.5)),
        "ack_p50_ms": ms(percentile(sorted(r.ack for r in results), 0.5)),
        "loadgen_cpu_share": round(sum(r.loadgen_cpu for r in results) / busy, 3),
        "payload_bytes": payload,
    }


async def start_targets(args: argparse.Namespace, work: Path, processes: list[ManagedProcess]
                        ) -> list[servers.Target]:
    """Seed and start the chosen systems (the product first: the baselines copy its seq)."""
    biggest = max(args.sizes)
    targets: list[servers.Target] = []
    if "product" in args.targets:
        log.info("product: seeding %d delegates (SQLite) and starting", biggest)
        targets.append(await servers.product(work, biggest, processes=processes))
    if "product_2proc" in args.targets:
        log.info("product_2proc: seeding %d delegates (PostgreSQL) and starting two processes", biggest)
        targets.append(await servers.product(work, biggest, args.database_url, args.redis_url, count=2,
                                             processes=processes))
    if "bare_socketio" in args.targets:
        targets.append(await servers.bare(work, False, args.first_seq, processes))
    if "bare_websockets" in args.targets:
        targets.append(await servers.bare(work, True, args.first_seq, processes))
    return targets


async def memory(crowds: list[Crowd]) -> dict[str, int]:
    """Each single-process system's resident set after a full collection, in bytes."""
    return {c.target.key: await asyncio.to_thread(c.target.rss_after_gc)
            for c in crowds if len(c.target.processes) == 1}


async def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Start, measure at every size, stop everything on the way out."""
    described = machine()
    processes: list[ManagedProcess] = []
    crowds: list[Crowd] = []
    report: dict[str, Any] = {"benchmark": "scale", "machine": described, "sizes": args.sizes,
                              "rounds": args.rounds, "fanout": {}, "round_trip": {}, "memory": {}}
    started = time.monotonic()
    try:
        targets = await start_targets(args, work, processes)
        report["setup_servers_s"] = round(time.monotonic() - started, 1)
        async with client_session() as session:
            try:
                for target in targets:
                    crowd = Crowd(target, session)
                    await crowd.start()
                    crowds.append(crowd)
                for crowd in crowds:  # one client, nothing else connected
                    commands = (["agenda.set_current", "meeting.list"] if crowd.target.tokens
                                else ["bench.echo"])
                    for command in commands:
                        await crowd.round_trips(command, max(3, args.rtt_rounds // 10))  # warm-up
                        times = await crowd.round_trips(command, args.rtt_rounds)
                        report["round_trip"][f"{crowd.target.key}:{command}"] = spread(times)
                idle = await memory(crowds)
                report["memory"]["idle_rss_bytes"] = idle
                for size in sorted(args.sizes):
                    report["fanout"][str(size)] = await at_size(crowds, size, args, idle, report)
            finally:
                for crowd in crowds:
                    await crowd.close()
    finally:
        for process in processes:
            process.stop()
    report["run_s"] = round(time.monotonic() - started, 1)
    return report


async def at_size(crowds: list[Crowd], size: int, args: argparse.Namespace, idle: dict[str, int],
                  report: dict[str, Any]) -> dict[str, Any]:
    """Grow every crowd to ``size``, read memory, run the interleaved rounds; the figures."""
    grown = time.monotonic()
    for crowd in crowds:
        await crowd.grow(size, args.connect_concurrency)
        log.info("%s: %d clients joined", crowd.target.key, size)
    for crowd in crowds:
        await crowd.quiet()
    grow_s = round(time.monotonic() - grown, 1)
    if size in args.memory_sizes:
        now = await memory(crowds)
        report["memory"][str(size)] = {
            key: {"rss_bytes": rss, "per_connection_bytes": round((rss - idle[key]) / size)}
            for key, rss in now.items()}
    results: dict[str, list[RoundResult]] = {c.target.key: [] for c in crowds}
    cpu: dict[str, float] = {}
    with quiet_collector():
        for number in range(args.warmup + args.rounds):
            if number == 1:
                use_product_envelope(crowds)
            if number == args.warmup:
                cpu = {c.target.key: c.target.cpu_seconds() for c in crowds}
            shift = number % len(crowds)
            for crowd in crowds[shift:] + crowds[:shift]:
                result = await crowd.round(args.deadline)
                if number >= args.warmup:
                    results[crowd.target.key].append(result)
                gc.collect(1)  # between rounds, outside any measured interval
    figures: dict[str, Any] = {"grow_s": grow_s}
    for crowd in crowds:
        key = crowd.target.key
        figures[key] = summarize(results[key], crowd.target.cpu_seconds() - cpu[key],
                                 len(crowd.target.processes), crowd.payload_bytes)
        log.info("%d clients, %s: %s", size, key, figures[key])
    return figures


def use_product_envelope(crowds: list[Crowd]) -> None:
    """Have the baselines broadcast the product's event data (same fields, same size)."""
    product = next((c.sample for c in crowds if c.target.tokens and c.sample), None)
    if product is None:
        return
    for crowd in crowds:
        if not crowd.target.tokens:
            crowd.template = dict(product.get("data") or {})


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,500,1000", help="client counts (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=30, help="measured rounds per size and system")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--targets", default=",".join(TARGETS), help="systems to run (default: all)")
    parser.add_argument("--memory-sizes", default="500,1000", help="sizes at which memory is read")
    parser.add_argument("--rtt-rounds", type=int, default=200, help="round trips per command")
    parser.add_argument("--database-url", default=None, help="PostgreSQL for product_2proc (emptied)")
    parser.add_argument("--redis-url", default=None,
                        help="Redis for product_2proc (default: a private redis-server on a free port)")
    parser.add_argument("--first-seq", type=int, default=1000, help="the baselines' first seq")
    parser.add_argument("--connect-concurrency", type=int, default=20)
    parser.add_argument("--deadline", type=float, default=20.0, help="seconds one round may take")
    parser.add_argument("--timeout", type=float, default=1500.0, help="seconds the whole run may take")
    args = parser.parse_args(argv)
    args.sizes = [int(s) for s in args.sizes.split(",") if s]
    args.memory_sizes = [int(s) for s in args.memory_sizes.split(",") if s]
    args.targets = [t for t in args.targets.split(",") if t]
    unknown = set(args.targets) - set(TARGETS)
    if unknown or not args.sizes or min(args.sizes) < 1 or max(args.sizes) > 5000:
        parser.error(f"--targets must be among {TARGETS}; --sizes 1..5000")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its JSON report on stdout."""
    args = parse_args(argv)

    async def measure(work: Path) -> dict[str, Any]:
        redis: servers.PrivateRedis | None = None
        if "product_2proc" in args.targets:
            args.database_url = args.database_url or servers.default_postgres()
            if args.redis_url is None:
                redis = servers.PrivateRedis(work)
                args.redis_url = redis.url
        try:
            report = await run(args, work)
        finally:
            if redis is not None:
                redis.stop()
        report["database_url"] = args.database_url
        report["redis"] = "private redis-server" if redis is not None else args.redis_url
        return report

    logs = [f"{t}-*.log" for t in TARGETS]
    return run_report("scale", measure, args.timeout, logs)


if __name__ == "__main__":
    raise SystemExit(main())
