"""Annotation rendering benchmark: one page carrying 1,000 annotations in the reader.

The page (A4, of the generated Vietnamese sample) gets 1,000 annotations of every kind
(600 pen strokes of 25 points, 250 highlights, 50 sticky notes, 50 rectangles, 50 text
boxes), in an ``AnnotationStore`` shown by the reader's ``AnnotationLayer``. It measures:

- ``overlay_ms``: painting the 1,000 annotations over the page (``paint.paint_page`` into
  a page-sized ARGB image) at 100 % and 200 % zoom: the cost the overlay adds to a repaint;
- ``view_ms``: a whole repaint of the reader's viewport (page image, annotations) without
  annotations, with them as the reader keeps them (``warm``: the page's annotation images
  made, the usual repaint while scrolling or reading) and ``cold`` (made again for each
  repaint: after a change to that page's annotations or the zoom);
- ``memory``: what the 1,000 annotations hold in the client (Python objects of the store,
  by ``tracemalloc``) and their size on the wire (JSON of ``annotation.save`` payloads).

One JSON object goes to stdout.

    python -m bench.annotations_render [--rounds 30]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QRect, QTimer
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from meeting_app.pdf import PdfEngine
from meeting_app.state.annotations import AnnotationStore, new_annotation
from meeting_app.state.outbox import Outbox
from meeting_app.ui.reader import ReaderWidget
from meeting_app.ui.reader.annotations import AnnotationLayer
from meeting_app.ui.reader.annotations.paint import paint_page
from tests.support.pdfs import meeting_pdf

COUNT = 1000
TARGETS_MS = {"view_warm_p95": 16.0, "view_cold_p95": 250.0}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float]:
    return {"p50": round(percentile(values, 0.5), 2), "p95": round(percentile(values, 0.95), 2),
            "max": round(max(values), 2)}


def thousand(rng: random.Random) -> list[dict[str, Any]]:
    """1,000 annotations of every kind on page 0 (A4: 595 x 842 pt)."""
    made = []
    for _ in range(600):
        x, y = rng.uniform(40, 500), rng.uniform(40, 780)
        path = [[round(x + i * 3, 2), round(y + 6 * math.sin(i / 3), 2)] for i in range(25)]
        made.append(new_annotation(0, "ink", {"paths": [path], "color": "#e5484d", "width": 2.0}))
    for _ in range(250):
        x, y = rng.uniform(40, 400), rng.uniform(40, 800)
        quad = [x, y, x + 150, y, x, y + 12, x + 150, y + 12]
        marked: dict[str, Any] = {"quads": [quad], "color": "#ffd400", "text": "Nghị quyết"}
        made.append(new_annotation(0, "highlight", marked))
    for _ in range(50):
        made.append(new_annotation(0, "note", {"point": [rng.uniform(20, 560), rng.uniform(20, 800)],
                                               "text": "Đề nghị làm rõ số liệu", "color": "#ffd400"}))
    for kind in ("rect", "textbox"):
        for _ in range(50):
            x, y = rng.uniform(40, 450), rng.uniform(40, 760)
            data: dict[str, Any] = {"rect": [x, y, x + 100, y + 40], "color": "#3b82f6"}
            data.update({"width": 2.0} if kind == "rect" else {"text": "Cần bổ sung", "font_size": 11.0})
            made.append(new_annotation(0, kind, data))
    return made


def wait(condition: Any, timeout_ms: int = 30_000) -> None:
    deadline = time.perf_counter() + timeout_ms / 1000
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the reader did not get ready")
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    annotations = thousand(random.Random(5))

    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    store = AnnotationStore(1, Outbox(None, None), my_user_id=1, my_name="Nguyễn Văn A")
    for item in annotations:
        store.save(item)
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    held = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
    wire = sum(len(json.dumps(e["payload"], ensure_ascii=False).encode()) for e in store.outbox.pending())

    overlay: dict[str, dict[str, float]] = {}
    for zoom in (1.0, 2.0):
        scale = zoom * 96 / 72
        image = QImage(round(595 * scale), round(842 * scale), QImage.Format.Format_ARGB32_Premultiplied)
        times = []
        for _ in range(args.rounds):
            image.fill(0xFFFFFFFF)
            painter = QPainter(image)
            started = time.perf_counter()
            painted = paint_page(painter, QRect(0, 0, image.width(), image.height()), scale, store.visible(0))
            painter.end()
            times.append((time.perf_counter() - started) * 1000)
        assert painted == COUNT
        overlay[f"zoom_{round(zoom * 100)}"] = summary(times)

    engine = PdfEngine()
    folder = Path(tempfile.mkdtemp(prefix="bench-annotations-"))
    reader = ReaderWidget(engine)
    reader.resize(1000, 1100)
    reader.show()
    reader.open_document(meeting_pdf(folder / "tai-lieu.pdf").path, "Tài liệu")
    wait(lambda: reader.info is not None)
    layer = AnnotationLayer(reader)
    view = reader.view
    wait(lambda: view.shown_scale(0) is not None and not engine.busy())
    views: dict[str, dict[str, float]] = {}
    for label, shown in (("without", None), ("warm", store), ("cold", store)):
        layer.set_store(shown)
        view.viewport().repaint()
        times = []
        for _ in range(args.rounds):
            if label == "cold":
                layer.cache.invalidate(-1)
            started = time.perf_counter()
            view.viewport().repaint()
            times.append((time.perf_counter() - started) * 1000)
        views[label] = summary(times)
    engine.shutdown()
    result = {
        "annotations": COUNT,
        "overlay_ms": overlay,
        "view_ms": views,
        "memory": {"store_bytes": held, "bytes_per_annotation": round(held / COUNT),
                   "wire_bytes": wire},
        "targets_ms": TARGETS_MS,
        "met": {"view_warm_p95": views["warm"]["p95"] <= TARGETS_MS["view_warm_p95"],
                "view_cold_p95": views["cold"]["p95"] <= TARGETS_MS["view_cold_p95"]},
    }
    print(json.dumps(result, indent=2))
    del app


if __name__ == "__main__":
    main()
