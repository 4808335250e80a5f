"""The benchmark suite: every benchmark as a child process, one JSON file, one docs table.

    python -m bench.suite [--quick] [--out bench/results/DATE.json] [--update-docs]

Runs, one after the other (each prints one JSON object on stdout; its stderr goes to a
``.log`` beside the output file): ``bench.scale`` (fan-out at 200/500/1,000 clients in
one and two product processes beside bare python-socketio and bare websockets, command
round trips, memory per connection), ``bench.reconnect`` (500 clients after a restart),
``bench.voting`` (500 voters), ``bench.downloads``, ``bench.flood`` (one socket floods
``search``: another user's ``meeting.list`` p95) and ``bench.reader``. Collects their
reports with the machine they ran on into one JSON file; with ``--update-docs`` rewrites
the generated section of docs/performance.md (``bench.report``). ``--quick`` runs tiny
sizes as a smoke test (under two minutes) and never touches the docs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from bench import report
from bench.processes import REPO_ROOT

log = logging.getLogger("bench.suite")
PACKAGES = ("python-socketio", "python-engineio", "aiohttp", "websockets", "SQLAlchemy", "psycopg",
            "redis", "PyMuPDF", "PySide6", "PySide6-Essentials")

FULL: dict[str, list[str]] = {
    "scale": ["--sizes", "200,500,1000", "--rounds", "30", "--memory-sizes", "500,1000"],
    "reconnect": ["--clients", "500"],
    "voting": ["--voters", "500"],
    "downloads": [],
    "flood": [],
    "reader": [],
}
QUICK: dict[str, list[str]] = {
    "scale": ["--sizes", "5,20", "--rounds", "5", "--memory-sizes", "20", "--rtt-rounds", "20"],
    "reconnect": ["--clients", "10"],
    "voting": ["--voters", "10"],
    "downloads": ["--clients", "4", "--megabytes", "1", "--rounds", "1", "--tokens", "2"],
    "flood": ["--seconds", "2", "--quiet-seconds", "1"],
    "reader": ["--rounds", "2"],
}


def machine() -> dict[str, Any]:
    """CPU model and count, RAM, kernel, Python, key packages, load average now."""
    info: dict[str, Any] = {"cpu_count": os.cpu_count(), "cpu_model": "", "ram_gib": None,
                            "kernel": platform.release(), "python": platform.python_version(),
                            "load_average_1m_at_start": round(os.getloadavg()[0], 2)}
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu_model"] = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                info["ram_gib"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    versions = {}
    for name in PACKAGES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    info["packages"] = versions
    return info


def commit() -> str:
    """The repository's HEAD (with "+dirty" when the tree has changes), or "?"."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=REPO_ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"
    return head + ("+dirty" if dirty else "")


def run_one(name: str, args: list[str], log_path: Path, timeout: float) -> dict[str, Any]:
    """Run ``python -m bench.NAME args``; its report, exit code, duration (and the log's tail
    on failure)."""
    command = [sys.executable, "-m", f"bench.{name}", *args]
    log.info("running %s", " ".join(command[1:]))
    started = time.monotonic()
    with log_path.open("wb") as stderr:
        try:
            finished = subprocess.run(command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=stderr,
                                      stdin=subprocess.DEVNULL, timeout=timeout)
            code, output = finished.returncode, finished.stdout.decode(errors="replace")
        except subprocess.TimeoutExpired as expired:  # run() killed it
            code, output = -9, (expired.stdout or b"").decode(errors="replace")
    result: dict[str, Any] = {"command": command[1:], "exit_code": code,
                              "duration_s": round(time.monotonic() - started, 1)}
    lines = [line for line in output.splitlines() if line.startswith("{")]
    if code == 0 and lines:
        result["report"] = json.loads(lines[-1])
    else:
        result["exit_code"] = code or 1
        tail = log_path.read_text(errors="replace").splitlines()[-15:]
        result["error"] = "\n".join(tail)
        log.error("%s failed (%s):\n%s", name, code, result["error"])
    log.info("%s: %.0f s", name, result["duration_s"])
    return result


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.suite", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes, a smoke run; never touches docs")
    parser.add_argument("--out", type=Path, default=None,
                        help="the JSON file (default bench/results/<UTC time>[-quick].json)")
    parser.add_argument("--update-docs", action="store_true",
                        help="rewrite the generated section of docs/performance.md")
    parser.add_argument("--only", default=None, help=f"comma-separated subset of {','.join(FULL)}")
    parser.add_argument("--sizes", default=None, help="override bench.scale's client counts, e.g. 200")
    parser.add_argument("--database-url", default=None,
                        help="PostgreSQL for the two-process fan-out (created if missing, emptied; default "
                             "$MEETING_BENCH_POSTGRES_URL or .../bench_suite)")
    parser.add_argument("--redis-url", default=None,
                        help="Redis for the two-process fan-out (default: a private redis-server)")
    parser.add_argument("--timeout", type=float, default=1800.0, help="seconds one benchmark may take")
    args = parser.parse_args(argv)
    if args.quick and args.update_docs:
        parser.error("--quick never touches the docs: drop --update-docs")
    return args


def plan(args: argparse.Namespace) -> dict[str, list[str]]:
    """Each benchmark to run and its arguments."""
    chosen = {name: list(extra) for name, extra in (QUICK if args.quick else FULL).items()}
    if args.only:
        wanted = [name.strip() for name in args.only.split(",") if name.strip()]
        unknown = set(wanted) - set(chosen)
        if unknown:
            raise SystemExit(f"unknown benchmarks: {', '.join(sorted(unknown))}")
        chosen = {name: chosen[name] for name in wanted}
    if "scale" in chosen:
        if args.sizes:
            chosen["scale"] += ["--sizes", args.sizes, "--memory-sizes", args.sizes]
        for option, value in (("--database-url", args.database_url), ("--redis-url", args.redis_url)):
            if value:
                chosen["scale"] += [option, value]
    return chosen


def main(argv: list[str] | None = None) -> int:
    """Run the suite; 0 when every benchmark ran (targets missed or not)."""
    args = parse_args(argv)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(name)s: %(message)s")
    started_at = datetime.now(UTC)
    stamp = started_at.strftime("%Y-%m-%dT%H%M%SZ") + ("-quick" if args.quick else "")
    out = args.out or REPO_ROOT / "bench" / "results" / f"{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"suite": 1, "started_at": started_at.isoformat(timespec="seconds"),
                               "quick": args.quick, "commit": commit(), "machine": machine(),
                               "benchmarks": {}}
    started = time.monotonic()
    for name, extra in plan(args).items():
        log_path = out.with_name(f"{out.stem}.{name}.log")
        results["benchmarks"][name] = run_one(name, extra, log_path, args.timeout)
        results["duration_s"] = round(time.monotonic() - started, 1)
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")  # partial too
    section = report.markdown(results)
    print(section)
    log.info("wrote %s (%.1f minutes)", out, results["duration_s"] / 60)
    if args.update_docs:
        report.update_docs(REPO_ROOT / "docs" / "performance.md", section)
        log.info("updated docs/performance.md")
    return 0 if all(b["exit_code"] == 0 for b in results["benchmarks"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
