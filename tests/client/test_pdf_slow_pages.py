"""A page that takes seconds to draw holds nothing else up: it finishes in the slow lane
while every other page of every document keeps coming; a page that never finishes is
stopped with a clear message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from meeting_app.pdf import PdfEngine, RenderResult, slow_lane
from meeting_app.pdf.results import RenderFailure
from tests.support import pdfs

WAIT = 20_000  # ms


def opened(qtbot: Any, engine: PdfEngine, path: Path) -> int:
    with qtbot.waitSignal(engine.document_opened, timeout=WAIT):
        doc = engine.open(path)
    return doc


@pytest.fixture
def slow_pdf(tmp_path: Path) -> Path:
    return pdfs.slow_page_pdf(tmp_path / "cham.pdf")


def test_other_pages_come_while_a_slow_page_is_drawn(qtbot: Any, engine: PdfEngine, slow_pdf: Path,
                                                    sample: pdfs.SamplePdf) -> None:
    slow_doc = opened(qtbot, engine, slow_pdf)
    other_doc = opened(qtbot, engine, sample.path)
    arrived: list[RenderResult] = []
    engine.page_rendered.connect(arrived.append)

    slow_request = engine.render(slow_doc, 0, 1.5)
    others = [engine.render(other_doc, page, 1.5) for page in range(4)]
    others.append(engine.render(slow_doc, 1, 1.5))  # the same document's other page too

    qtbot.waitUntil(lambda: {r.request_id for r in arrived} >= set(others), timeout=WAIT)
    assert slow_request not in {r.request_id for r in arrived}, \
        "every other page came while the slow one was still being drawn"
    qtbot.waitUntil(lambda: slow_request in {r.request_id for r in arrived}, timeout=40_000)
    slow = next(r for r in arrived if r.request_id == slow_request)
    assert slow.page == 0 and slow.image.width() > 800, "the slow page is drawn in the end, whole"

    # Known to be slow now: another zoom of it is drawn in the lane, beside the others.
    wanted = [engine.render(slow_doc, 0, 1.0), engine.render(other_doc, 5, 1.0)]
    qtbot.waitUntil(lambda: {r.request_id for r in arrived} >= set(wanted), timeout=40_000)


def test_a_page_that_never_finishes_is_stopped_and_said_so(qtbot: Any, engine: PdfEngine, slow_pdf: Path,
                                                          sample: pdfs.SamplePdf,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slow_lane, "JOB_TIMEOUT_S", 1.5)
    # Finer tiles than ``slow_pdf``: about 9 s to draw here, far past the timeout on any machine
    # (``slow_pdf`` takes about 1.7 s, too close to it: a fast machine finished it in time).
    never_finishing = pdfs.slow_page_pdf(slow_pdf.with_name("rat-cham.pdf"), cell=0.05)
    slow_doc = opened(qtbot, engine, never_finishing)
    failures: list[RenderFailure] = []
    engine.render_failed.connect(failures.append)
    request = engine.render(slow_doc, 0, 2.0)
    qtbot.waitUntil(lambda: any(f.request_id == request for f in failures), timeout=WAIT)
    failure = next(f for f in failures if f.request_id == request)
    assert "takes too long to draw" in failure.message

    # The reader goes on: another document, and the slow document's other page.
    arrived: list[RenderResult] = []
    engine.page_rendered.connect(arrived.append)
    other_doc = opened(qtbot, engine, sample.path)
    wanted = [engine.render(other_doc, 0, 1.0), engine.render(slow_doc, 1, 1.0)]
    qtbot.waitUntil(lambda: {r.request_id for r in arrived} >= set(wanted), timeout=WAIT)
