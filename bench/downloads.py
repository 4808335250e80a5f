"""Download benchmark: N clients fetch one 20 MB document at once, from the meeting server
and from a bare aiohttp file server, in the same run.

Product: a real ``meeting-server`` (SQLite, demo seeded), a generated 20 MB PDF uploaded
over HTTP (checked like any upload), then ``GET /api/documents/{id}/content`` with each
client's Bearer token: the token and the right to read are checked, then aiohttp's
FileResponse sends the blob (sendfile). Baseline: this module run as
``--serve-file PATH --port P``, a bare aiohttp app answering ``GET /file`` with a
FileResponse of the same bytes, no authentication. Rounds alternate product, baseline,
baseline, product, ...; in a round all N downloads start together and the round ends when
the last finishes. Each download reads the whole body; the first of each side is hashed
and compared with the uploaded file's sha256.

    python -m bench.downloads --clients 100 --megabytes 20 --rounds 4
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp import web

from bench.fanout import DEMO_PASSWORD, MEETING_ID, login_all, machine, percentile
from bench.processes import (
    LOOPBACK,
    REPO_ROOT,
    ManagedProcess,
    free_port,
    python_module,
    run_report,
    spawn_demo_server,
)

log = logging.getLogger("bench.downloads")
CHUNK = 1024 * 1024


def big_pdf(path: Path, megabytes: float) -> Path:
    """A one-page PDF whose picture is ``megabytes`` MB of random, uncompressed pixels."""
    side = int((megabytes * 1024 * 1024 / 3) ** 0.5)
    pixels = os.urandom(side * side * 3)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /XObject << /Im 5 0 R >> >> >>"]
    content = b"q 595 0 0 842 0 0 cm /Im Do Q"
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                   b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (side, side, len(pixels))
                   + pixels + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)
    return path


def serve_file(path: Path, port: int) -> None:
    """The baseline: a bare aiohttp app serving one file."""
    async def file(_request: web.Request) -> web.FileResponse:
        return web.FileResponse(path, headers={"Content-Type": "application/pdf"})

    async def health(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_get("/file", file)
    app.router.add_get("/health", health)
    web.run_app(app, host=LOOPBACK, port=port, access_log=None, print=lambda text: print(text, flush=True))


@dataclass
class Side:
    key: str
    server: ManagedProcess
    url: str
    headers: list[dict[str, str]]
    """Per client (its token, or nothing)."""
    totals: list[float] = field(default_factory=list)
    first_bytes: list[float] = field(default_factory=list)
    spans: list[float] = field(default_factory=list)
    cpu: float = 0.0
    loadgen_cpu: float = 0.0
    checked: bool = False


async def one(http: aiohttp.ClientSession, side: Side, index: int, t0: float, size: int,
              sha256: str) -> tuple[float, float]:
    digest = hashlib.sha256() if not side.checked and index == 0 else None
    async with http.get(side.url, headers=side.headers[index % len(side.headers)]) as response:
        first = time.perf_counter() - t0
        if response.status != 200:
            raise RuntimeError(f"{side.key}: download answered {response.status}: {await response.text()}")
        got = 0
        async for chunk in response.content.iter_chunked(CHUNK):
            got += len(chunk)
            if digest is not None:
                digest.update(chunk)
    if got != size:
        raise RuntimeError(f"{side.key}: {got} bytes of {size}")
    if digest is not None:
        if digest.hexdigest() != sha256:
            raise RuntimeError(f"{side.key}: the bytes differ from the upload")
        side.checked = True
    return first, time.perf_counter() - t0


async def round_of(http: aiohttp.ClientSession, side: Side, clients: int, size: int, sha256: str) -> None:
    cpu0, server0 = time.process_time(), side.server.cpu_seconds()
    t0 = time.perf_counter()
    results = await asyncio.gather(*(one(http, side, i, t0, size, sha256) for i in range(clients)))
    side.spans.append(time.perf_counter() - t0)
    side.first_bytes += [first for first, _total in results]
    side.totals += [total for _first, total in results]
    side.cpu += side.server.cpu_seconds() - server0
    side.loadgen_cpu += time.process_time() - cpu0


def figures(side: Side, clients: int, size: int) -> dict[str, Any]:
    def ms(values: list[float], fraction: float) -> float:
        return round(percentile(sorted(values), fraction) * 1000, 1)

    rounds = len(side.spans)
    return {"round_span_p50_ms": ms(side.spans, 0.5), "download_p50_ms": ms(side.totals, 0.5),
            "download_p99_ms": ms(side.totals, 0.99), "first_byte_p50_ms": ms(side.first_bytes, 0.5),
            "first_byte_p99_ms": ms(side.first_bytes, 0.99),
            "throughput_mb_per_s": round(clients * size * rounds / sum(side.spans) / 1024 / 1024, 1),
            "server_cpu_ms_per_round": round(side.cpu * 1000 / rounds, 1),
            "loadgen_cpu_share": round(side.loadgen_cpu / sum(side.spans), 3), "downloads": len(side.totals)}


async def set_up(args: argparse.Namespace, work: Path, processes: list[ManagedProcess]
                 ) -> tuple[list[Side], int, str]:
    url, server = await spawn_demo_server(work / "server", args.tokens, DEMO_PASSWORD, work / "server.log",
                                          processes)
    pdf = big_pdf(work / "big.pdf", args.megabytes)
    size, sha256 = pdf.stat().st_size, hashlib.sha256(pdf.read_bytes()).hexdigest()
    bare_port = free_port()
    bare = ManagedProcess("bare aiohttp", python_module("bench.downloads", "--serve-file", str(pdf),
                                                        "--port", str(bare_port)),
                          work / "bare.log", f"http://{LOOPBACK}:{bare_port}/health", cwd=REPO_ROOT)
    processes.append(bare.spawn())
    await asyncio.to_thread(server.wait_healthy)
    await asyncio.to_thread(bare.wait_healthy)
    names = [f"delegate{i}" for i in range(1, args.tokens + 1)]
    tokens = await login_all(url, ["secretary", *names], 1)
    form = aiohttp.FormData()
    form.add_field("title", "Tài liệu 20 MB")
    form.add_field("file", pdf.read_bytes(), filename="lon.pdf", content_type="application/pdf")
    async with aiohttp.ClientSession() as http, http.post(
            f"{url}/api/meetings/{MEETING_ID}/documents", data=form,
            headers={"Authorization": f"Bearer {tokens['secretary']}"}) as response:
        body = await response.json()
        if response.status != 201:
            raise RuntimeError(f"upload refused: {response.status} {body}")
    document = body["document"]
    if document["sha256"] != sha256:
        raise RuntimeError("the server stored other bytes")
    product = Side("product", server, f"{url}/api/documents/{document['id']}/content",
                   [{"Authorization": f"Bearer {tokens[name]}"} for name in names])
    baseline = Side("baseline_bare_aiohttp", bare, f"http://{LOOPBACK}:{bare_port}/file", [{}])
    return [product, baseline], size, sha256


async def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    described = machine()
    processes: list[ManagedProcess] = []
    try:
        started = time.monotonic()
        sides, size, sha256 = await set_up(args, work, processes)
        setup = time.monotonic() - started
        connector = aiohttp.TCPConnector(limit=0, force_close=True)
        timeout = aiohttp.ClientTimeout(total=args.deadline)
        async with aiohttp.ClientSession(connector=connector, timeout=timeout, auto_decompress=False) as http:
            for side in sides:  # warm-up: a few downloads each
                await round_of(http, side, min(4, args.clients), size, sha256)
                side.totals, side.first_bytes, side.spans, side.cpu, side.loadgen_cpu = [], [], [], 0.0, 0.0
            for number in range(args.rounds):
                for side in sides if number % 2 == 0 else list(reversed(sides)):
                    await round_of(http, side, args.clients, size, sha256)
                    log.info("%s round %d: %.0f ms", side.key, number + 1, side.spans[-1] * 1000)
        report = {side.key: figures(side, args.clients, size) for side in sides}
    finally:
        for process in processes:
            process.stop()
    product, bare = report["product"], report["baseline_bare_aiohttp"]
    return {"benchmark": "downloads", "clients": args.clients, "file_bytes": size, "rounds": args.rounds,
            "distinct_tokens": args.tokens, "machine": described, "setup_s": round(setup, 1), **report,
            "ratio_round_span": round(product["round_span_p50_ms"] / bare["round_span_p50_ms"], 2),
            "ratio_first_byte_p99": round(product["first_byte_p99_ms"] / bare["first_byte_p99_ms"], 2)}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.downloads",
                                     description="N simultaneous downloads of one document vs bare aiohttp.")
    parser.add_argument("--clients", type=int, default=100, help="downloads at once (default %(default)s)")
    parser.add_argument("--megabytes", type=float, default=20.0, help="the file's size (default %(default)s)")
    parser.add_argument("--rounds", type=int, default=4,
                        help="measured rounds per server (default %(default)s)")
    parser.add_argument("--tokens", type=int, default=20,
                        help="delegates logged in; clients share their tokens round-robin "
                             "(default %(default)s)")
    parser.add_argument("--deadline", type=float, default=300.0, help="seconds one download may take")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds the whole run may take")
    parser.add_argument("--serve-file", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--port", type=int, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with --serve-file, the baseline server) and print JSON."""
    args = parse_args(argv)
    if args.serve_file is not None:
        serve_file(args.serve_file, args.port)
        return 0
    return run_report("downloads", lambda work: run(args, work), args.timeout, ["server.log", "bare.log"])


if __name__ == "__main__":
    raise SystemExit(main())
