"""Reader benchmark: how long from asking the PDF engine for a page to holding its image.

For a vector page (a chart of a few hundred paths) and a "scanned" page (one 2480 x 3509
JPEG) of the generated Vietnamese sample document, at scale 1 and 2 (device pixels per
point: 72 and 144 dpi), it measures:

- ``engine_cold``: the first render of the page in a freshly opened document (nothing in
  the engine's cache, nothing of this document in MuPDF's store): from ``render()`` on the
  GUI thread to the ``page_rendered`` slot running there; queue, worker thread, the PDF
  process, MuPDF, pixels through shared memory, conversion to a ``QImage`` and the hop
  back included;
- ``gui_stall``: during each cold engine render, the longest the GUI thread went without
  running a 1 ms timer (PyMuPDF holds the GIL while it renders; the engine renders in
  another process, so this stays small; the baseline, run on the GUI thread, stalls it
  for the whole render);
- ``engine_in_process``: of ``engine_cold``, the time spent in the PDF process (loading
  the page, rendering, copying the pixels to shared memory): the rest is the engine's
  overhead;
- ``engine_cached``: the same request again, answered from the page cache;
- ``bare_cold``: the baseline, PyMuPDF alone on this thread: ``load_page`` then
  ``get_pixmap(matrix, alpha=False)`` in a freshly opened document;
- ``bare_warm``: the same ``get_pixmap`` again (MuPDF's store warm), for reference.

Engine and baseline rounds alternate, so load from elsewhere on the machine hits both
alike. One JSON object goes to stdout.

    python -m bench.reader [--rounds 30]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import math
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pymupdf
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from meeting_app.pdf import DocumentInfo, PdfEngine, RenderResult
from tests.support.pdfs import meeting_pdf

TARGETS_MS = {"cached_p95": 5.0, "cold_vector_p95": 20.0, "cold_scanned_2x_p95": 150.0}
TIMEOUT_MS = 30_000


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, Any]:
    return {"p50_ms": round(percentile(values, 0.5), 2), "p95_ms": round(percentile(values, 0.95), 2),
            "max_ms": round(max(values), 2), "n": len(values)}


class Bench:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = PdfEngine()
        self.results: dict[int, RenderResult] = {}
        self.received_at: dict[int, float] = {}
        self.opened: list[DocumentInfo] = []
        self.ticks: list[float] = []
        self._waiting: tuple[Callable[[], bool], QEventLoop] | None = None
        self.engine.page_rendered.connect(self._on_page)
        self.engine.document_opened.connect(self._on_opened)
        self.ticker = QTimer(interval=1)
        self.ticker.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.ticks.append(time.perf_counter())

    def _on_page(self, result: RenderResult) -> None:
        self.received_at[result.request_id] = time.perf_counter()
        self.results[result.request_id] = result
        self._poke()

    def _on_opened(self, info: DocumentInfo) -> None:
        self.opened.append(info)
        self._poke()

    def _poke(self) -> None:
        if self._waiting is not None and self._waiting[0]():
            self._waiting[1].quit()

    def wait(self, done: Callable[[], bool], what: str) -> None:
        """Run the event loop until ``done()`` (checked whenever an answer arrives)."""
        if done():
            return
        loop = QEventLoop()
        self._waiting = (done, loop)
        deadline = QTimer(singleShot=True, interval=TIMEOUT_MS)
        deadline.timeout.connect(loop.quit)
        deadline.start()
        loop.exec()
        self._waiting = None
        if not done():
            raise SystemExit(f"timed out waiting for {what}")

    def open(self) -> int:
        self.opened.clear()
        doc = self.engine.open(self.path)
        self.wait(lambda: bool(self.opened), "the document to open")
        return doc

    def request(self, doc: int, page: int, scale: float) -> tuple[float, float, RenderResult]:
        """(ms from render() to the slot, longest GUI stall in ms meanwhile, the result)."""
        self.ticks.clear()
        started = time.perf_counter()
        request = self.engine.render(doc, page, scale)
        self.wait(lambda: request in self.results, f"page {page}")
        done = self.received_at[request]
        marks = [started, *(t for t in self.ticks if started <= t <= done), done]
        stall = max(b - a for a, b in itertools.pairwise(marks))
        return (done - started) * 1000, stall * 1000, self.results.pop(request)

    def engine_round(self, page: int, scale: float) -> dict[str, Any]:
        doc = self.open()
        self.ticker.start()
        cold, stall, result = self.request(doc, page, scale)
        self.ticker.stop()
        assert not result.from_cache
        cached, _, again = self.request(doc, page, scale)
        assert again.from_cache
        self.engine.close(doc)
        return {"engine_cold": cold, "engine_in_process": result.render_ms, "engine_cached": cached,
                "gui_stall": stall, "size": (result.image.width(), result.image.height())}

    def bare_round(self, page: int, scale: float) -> tuple[float, float]:
        doc = pymupdf.open(self.path)
        matrix = pymupdf.Matrix(scale, scale)
        started = time.perf_counter()
        pix = doc.load_page(page).get_pixmap(matrix=matrix, alpha=False)
        cold = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        pix = doc.load_page(page).get_pixmap(matrix=matrix, alpha=False)
        warm = (time.perf_counter() - started) * 1000
        del pix
        doc.close()
        return cold, warm


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu_count": os.cpu_count(), "cpu_model": model, "python": platform.python_version(),
            "pymupdf": pymupdf.VersionBind, "platform": platform.platform(),
            "load_average_1m_at_start": round(os.getloadavg()[0], 2)}


def run(rounds: int) -> dict[str, Any]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        sample = meeting_pdf(Path(folder) / "tai-lieu.pdf")
        bench = Bench(sample.path)
        report: dict[str, Any] = {}
        try:
            for name, page, count in (("vector", sample.vector_page, rounds),
                                      ("scanned", sample.scanned_page, max(5, rounds // 2))):
                for scale in (1.0, 2.0):
                    bench.engine_round(page, scale)  # warm-up: imports, first allocations
                    series: dict[str, list[float]] = {k: [] for k in (
                        "engine_cold", "engine_in_process", "engine_cached", "gui_stall",
                        "bare_cold", "bare_warm")}
                    size = (0, 0)
                    for index in range(count):
                        gc.collect()
                        order = (True, False) if index % 2 == 0 else (False, True)
                        for engine_first in order:
                            if engine_first:
                                figures = bench.engine_round(page, scale)
                                size = figures.pop("size")
                                for key, value in figures.items():
                                    series[key].append(value)
                            else:
                                bare_cold, bare_warm = bench.bare_round(page, scale)
                                series["bare_cold"].append(bare_cold)
                                series["bare_warm"].append(bare_warm)
                    report.setdefault(name, {"page": page})[f"{scale:g}x"] = {
                        "image_px": list(size), **{k: summary(v) for k, v in series.items()}}
        finally:
            bench.engine.shutdown()
    del app
    return report


def verdict(report: dict[str, Any]) -> dict[str, Any]:
    cached = max(report[n][z]["engine_cached"]["p95_ms"] for n in ("vector", "scanned") for z in ("1x", "2x"))
    cold_vector = max(report["vector"][z]["engine_cold"]["p95_ms"] for z in ("1x", "2x"))
    cold_scanned = report["scanned"]["2x"]["engine_cold"]["p95_ms"]
    measured = {"cached_p95": cached, "cold_vector_p95": cold_vector, "cold_scanned_2x_p95": cold_scanned}
    return {key: {"target_ms": TARGETS_MS[key], "measured_ms": value, "met": value <= TARGETS_MS[key]}
            for key, value in measured.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=30, help="rounds per vector case (scanned: half)")
    args = parser.parse_args()
    started = time.perf_counter()
    info = machine()
    report = run(args.rounds)
    print(json.dumps({"benchmark": "reader", "scale_note": "scale = device pixels per point; 1x = 72 dpi",
                      "machine": info, "pages": report, "targets": verdict(report),
                      "run_s": round(time.perf_counter() - started, 1)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
