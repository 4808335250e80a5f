"""The PDF engine against real generated PDFs: opening, rendering, the cache, dropping
stale requests, searching Vietnamese text, and broken files."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QImage

from meeting_app.pdf import DocumentInfo, PdfEngine, PdfError, RenderResult, SearchHit, TocEntry, text_search
from meeting_app.pdf import worker as worker_module
from tests.support import pdfs

WAIT = 10_000  # ms


def open_doc(qtbot: Any, engine: PdfEngine, path: Path) -> int:
    with qtbot.waitSignal(engine.document_opened, timeout=WAIT):
        doc = engine.open(path)
    return doc


def open_error(qtbot: Any, engine: PdfEngine, path: Path, password: str | None = None) -> PdfError:
    with qtbot.waitSignal(engine.open_failed, timeout=WAIT) as blocker:
        engine.open(path, password)
    error = blocker.args[1]
    assert isinstance(error, PdfError)
    return error


def render(qtbot: Any, engine: PdfEngine, doc: int, page: int, scale: float) -> RenderResult:
    results: list[RenderResult] = []
    engine.page_rendered.connect(results.append)
    request = engine.render(doc, page, scale)
    qtbot.waitUntil(lambda: any(r.request_id == request for r in results), timeout=WAIT)
    return next(r for r in results if r.request_id == request)


def search(qtbot: Any, engine: PdfEngine, doc: int, text: str) -> list[SearchHit]:
    hits: list[SearchHit] = []
    engine.search_progress.connect(lambda _id, found: hits.extend(found))
    with qtbot.waitSignal(engine.search_finished, timeout=WAIT) as blocker:
        engine.search(doc, text)
    assert blocker.args[1] == len(hits)
    return hits


def dark_pixels(image: QImage) -> int:
    """How many sampled pixels are clearly not white (the page has ink on it)."""
    return sum(1 for y in range(0, image.height(), 7) for x in range(0, image.width(), 7)
               if QColor(image.pixel(x, y)).lightness() < 160)


def test_open_reports_pages_sizes_contents_and_metadata(qtbot: Any, engine: PdfEngine,
                                                        sample: pdfs.SamplePdf) -> None:
    with qtbot.waitSignal(engine.document_opened, timeout=WAIT) as blocker:
        doc = engine.open(sample.path)
    info = blocker.args[0]
    assert isinstance(info, DocumentInfo) and info.doc == doc and engine.info(doc) is info
    assert info.page_count == sample.page_count
    assert info.page_sizes == ((595.0, 842.0),) * sample.page_count
    assert info.toc == tuple(TocEntry(level, title, page) for level, title, page in sample.toc)
    assert info.title == pdfs.TITLE
    assert info.metadata["author"] == "Văn phòng Chính phủ"


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_render_gives_an_image_of_the_page_at_that_scale(qtbot: Any, engine: PdfEngine,
                                                          sample: pdfs.SamplePdf, scale: float) -> None:
    doc = open_doc(qtbot, engine, sample.path)
    result = render(qtbot, engine, doc, 0, scale)
    assert not result.from_cache and result.kind == "page" and result.page == 0
    assert abs(result.image.width() - 595 * scale) <= 1
    assert abs(result.image.height() - 842 * scale) <= 1
    assert dark_pixels(result.image) > 50  # text, not a blank sheet


def test_a_second_request_is_served_from_the_cache(qtbot: Any, engine: PdfEngine,
                                                   sample: pdfs.SamplePdf) -> None:
    doc = open_doc(qtbot, engine, sample.path)
    first = render(qtbot, engine, doc, sample.vector_page, 1.5)
    assert engine.stats.rendered == 1 and engine.stats.served_from_cache == 0
    again = render(qtbot, engine, doc, sample.vector_page, 1.5)
    assert again.from_cache and again.render_ms == 0.0
    assert again.image == first.image
    assert engine.stats.rendered == 1 and engine.stats.served_from_cache == 1
    assert engine.cached(doc, sample.vector_page, 1.5) is not None
    assert engine.cached(doc, sample.vector_page, 2.0) is None  # keyed by scale


def test_the_cache_is_bounded_in_bytes(qtbot: Any, qapp: Any, sample: pdfs.SamplePdf) -> None:
    page_bytes = 595 * 842 * 4
    engine = PdfEngine(cache_bytes=int(page_bytes * 2.5))
    try:
        doc = open_doc(qtbot, engine, sample.path)
        for page in range(4):
            render(qtbot, engine, doc, page, 1.0)
        assert len(engine.page_cache) == 2 and engine.page_cache.bytes <= page_bytes * 2.5
        assert engine.cached(doc, 0, 1.0) is None and engine.cached(doc, 3, 1.0) is not None
    finally:
        engine.shutdown()


def test_requests_for_the_same_image_share_one_render(qtbot: Any, engine: PdfEngine,
                                                      sample: pdfs.SamplePdf) -> None:
    doc = open_doc(qtbot, engine, sample.path)
    results: list[RenderResult] = []
    engine.page_rendered.connect(results.append)
    ids = {engine.render(doc, 2, 1.0), engine.render(doc, 2, 1.0)}
    qtbot.waitUntil(lambda: len(results) == 2, timeout=WAIT)
    assert {r.request_id for r in results} == ids
    assert engine.stats.rendered == 1 and engine.stats.deduplicated == 1


def test_stale_requests_are_dropped(qtbot: Any, engine: PdfEngine, sample: pdfs.SamplePdf,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    doc = open_doc(qtbot, engine, sample.path)
    entered, gate = threading.Event(), threading.Event()
    real = engine._worker.render

    def held_render(job: Any) -> None:  # the worker is busy until the gate opens
        entered.set()
        assert gate.wait(WAIT / 1000)
        real(job)

    monkeypatch.setattr(engine._worker, "render", held_render)
    results: list[RenderResult] = []
    engine.page_rendered.connect(results.append)
    engine.render(doc, 0, 1.0)
    assert entered.wait(WAIT / 1000)  # page 0 is being rendered now
    for page in range(1, 10):  # the user scrolls fast through the document...
        engine.render(doc, page, 1.0)
    assert engine.cancel_pending(doc) == 9  # ...and stops on page 7
    wanted = engine.render(doc, 7, 1.0)
    gate.set()
    qtbot.waitUntil(lambda: any(r.request_id == wanted for r in results), timeout=WAIT)
    qtbot.waitUntil(lambda: engine.pending_jobs() == 0, timeout=WAIT)
    assert sorted(r.page for r in results) == [0, 7]
    assert engine.stats.dropped == 9 and engine.stats.rendered == 2


def test_prefetch_renders_neighbours_into_the_cache(qtbot: Any, engine: PdfEngine,
                                                    sample: pdfs.SamplePdf) -> None:
    doc = open_doc(qtbot, engine, sample.path)
    results: list[RenderResult] = []
    engine.page_rendered.connect(results.append)
    engine.prefetch(doc, [1, 2, 99], 1.25)  # 99: no such page, ignored
    qtbot.waitUntil(lambda: len(results) == 2, timeout=WAIT)
    assert {(r.page, r.kind, r.request_id) for r in results} == {(1, "prefetch", 0), (2, "prefetch", 0)}
    assert render(qtbot, engine, doc, 2, 1.25).from_cache


def test_thumbnails_are_small_renders(qtbot: Any, engine: PdfEngine, sample: pdfs.SamplePdf) -> None:
    doc = open_doc(qtbot, engine, sample.path)
    with qtbot.waitSignal(engine.thumbnail_ready, timeout=WAIT) as blocker:
        engine.thumbnail(doc, sample.vector_page, 120)
    result = blocker.args[0]
    assert result.kind == "thumbnail" and abs(result.image.width() - 120) <= 1
    assert engine.cached_thumbnail(doc, sample.vector_page, 120) is not None
    assert dark_pixels(result.image) > 20  # the chart shows


def test_search_finds_vietnamese_words_on_the_right_pages(qtbot: Any, engine: PdfEngine,
                                                          sample: pdfs.SamplePdf) -> None:
    doc = open_doc(qtbot, engine, sample.path)
    resolution = sample.words["Nghị quyết"]
    bridge = sorted(sample.words["điểm cầu"] * 2)  # twice on each of its pages
    assert [h.page for h in search(qtbot, engine, doc, "Nghị quyết")] == resolution
    assert [h.page for h in search(qtbot, engine, doc, "điểm cầu")] == bridge
    assert [h.page for h in search(qtbot, engine, doc, "ĐIỂM CẦU")] == bridge  # any case
    assert [h.page for h in search(qtbot, engine, doc, "nghi quyet")] == resolution  # no marks typed
    assert search(qtbot, engine, doc, "nghị quyêt") == []  # a wrong mark typed is a different word
    assert search(qtbot, engine, doc, "Công văn số 125") == []  # the scanned page has no text
    for hit in search(qtbot, engine, doc, "điểm cầu"):
        (rect,) = hit.rects
        assert 0 < rect.left() < rect.right() < 595 and 0 < rect.top() < rect.bottom() < 842
        assert 30 < rect.width() < 80 and 8 < rect.height() < 20  # two words at 11 pt


def test_search_is_incremental_and_lets_renders_through(qtbot: Any, engine: PdfEngine, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    expected = pdfs.long_pdf(tmp_path / "long.pdf", pages=60, every=7)
    doc = open_doc(qtbot, engine, tmp_path / "long.pdf")
    monkeypatch.setattr(worker_module, "SEARCH_SLICE_S", 0.0)  # one page per slice
    events: list[tuple[str, Any]] = []
    engine.search_progress.connect(lambda _id, hits: events.append(("hits", [h.page for h in hits])))
    engine.search_finished.connect(lambda _id, total: events.append(("done", total)))
    engine.page_rendered.connect(lambda r: events.append(("page", r.page)))
    engine.search(doc, "điểm cầu")
    engine.render(doc, 50, 1.0)
    qtbot.waitUntil(lambda: bool(events) and events[-1][0] == "done", timeout=WAIT)
    progress = [pages for kind, pages in events if kind == "hits"]
    assert len(progress) == len(expected)  # one signal per page with hits (the phrase is there twice)
    assert [page for pages in progress for page in pages] == sorted(expected * 2)
    assert events.index(("page", 50)) < len(events) - 1  # the render did not wait for the search
    assert events[-1] == ("done", 2 * len(expected))


def test_search_rects_follow_the_page_rotation(qtbot: Any, engine: PdfEngine, tmp_path: Path) -> None:
    doc = open_doc(qtbot, engine, pdfs.rotated_pdf(tmp_path / "rotated.pdf"))
    info = engine.info(doc)
    assert info is not None and info.page_sizes == ((842.0, 595.0),)
    (hit,) = search(qtbot, engine, doc, "Nghị quyết")
    image = render(qtbot, engine, doc, 0, 1.0).image
    rect = hit.rects[0].toRect()
    assert rect.height() > rect.width()  # the line runs downwards on the turned page
    inked = sum(1 for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom())
                if QColor(image.pixel(x, y)).lightness() < 128)
    assert inked > 50  # the rect is where the words are drawn


def test_search_text_folding() -> None:
    assert text_search.fold_query("  Nghị  QUYẾT ") == (text_search.fold("nghị quyết", False)[0], False)
    assert text_search.fold_query("Dien cau")[1] is True
    assert text_search.fold("Đồng", True)[0] == "dong"
    folded, origin = text_search.fold("Ệ a", False)
    assert folded.startswith("e") and origin[: len(folded) - 2] == [0] * (len(folded) - 2)


def test_letter_spaced_and_vertical_cjk_is_found_as_written(qtbot: Any, engine: PdfEngine,
                                                              tmp_path: Path) -> None:
    doc = open_doc(qtbot, engine, pdfs.cjk_pdf(tmp_path / "cjk.pdf"))
    hits = search(qtbot, engine, doc, "全世界")
    assert len(hits) == 2, "the letter-spaced line and the vertical column"
    assert len(hits[1].rects) == 3, "the column's three characters, one per line"
    assert len(search(qtbot, engine, doc, "世界人民")) == 1
    assert text_search.fold("全 世\n界 abc  de", False)[0] == "全世界 abc de"


def test_a_document_without_text_says_so(qtbot: Any, engine: PdfEngine, tmp_path: Path,
                                         sample: pdfs.SamplePdf) -> None:
    doc = open_doc(qtbot, engine, pdfs.textless_pdf(tmp_path / "scan.pdf"))
    with qtbot.waitSignal(engine.search_no_text, timeout=WAIT):
        assert search(qtbot, engine, doc, "nghị quyết") == []
    said: list[int] = []
    engine.search_no_text.connect(said.append)
    searchable = open_doc(qtbot, engine, sample.path)
    assert search(qtbot, engine, searchable, "không có trong tài liệu") == []
    assert said == [], "a document with text has simply no matches"
    assert not text_search.has_text("\ufffd\ufffd\ue001 ") and text_search.has_text("Nghị quyết")


@pytest.mark.parametrize(("name", "code"), [("truncated", "damaged"), ("empty", "empty"),
                                            ("not_pdf", "not_pdf"), ("encrypted", "encrypted")])
def test_broken_files_give_a_clear_error_and_the_engine_goes_on(
        qtbot: Any, engine: PdfEngine, tmp_path: Path, sample: pdfs.SamplePdf, name: str, code: str) -> None:
    files = pdfs.broken_pdfs(tmp_path)
    error = open_error(qtbot, engine, files[name])
    assert error.code == code and error.message and "Traceback" not in error.message
    doc = open_doc(qtbot, engine, sample.path)
    assert not render(qtbot, engine, doc, 0, 1.0).from_cache


def test_a_password_opens_an_encrypted_file(qtbot: Any, engine: PdfEngine, tmp_path: Path) -> None:
    files = pdfs.broken_pdfs(tmp_path)
    assert open_error(qtbot, engine, files["encrypted"], "sai").code == "wrong_password"
    with qtbot.waitSignal(engine.document_opened, timeout=WAIT) as blocker:
        engine.open(files["encrypted"], pdfs.PASSWORD)
    assert blocker.args[0].page_count == 5
    assert open_error(qtbot, engine, tmp_path / "missing.pdf").code == "not_found"


def test_a_huge_page_is_rendered_within_the_pixel_budget(qtbot: Any, engine: PdfEngine,
                                                         tmp_path: Path) -> None:
    doc = open_doc(qtbot, engine, pdfs.huge_page_pdf(tmp_path / "huge.pdf"))
    image = render(qtbot, engine, doc, 0, 2.0).image
    assert 0 < image.width() * image.height() <= PdfEngine.MAX_PIXELS


def test_closing_forgets_the_document(qtbot: Any, engine: PdfEngine, sample: pdfs.SamplePdf) -> None:
    doc = open_doc(qtbot, engine, sample.path)
    render(qtbot, engine, doc, 0, 1.0)
    engine.close(doc)
    assert engine.info(doc) is None and engine.cached(doc, 0, 1.0) is None
    failures: list[Any] = []
    engine.render_failed.connect(failures.append)
    engine.render(doc, 0, 1.0)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT)
    assert "not open" in failures[0].message


def test_a_crashed_pdf_process_is_replaced(qtbot: Any, engine: PdfEngine, sample: pdfs.SamplePdf) -> None:
    doc = open_doc(qtbot, engine, sample.path)
    process = engine._worker.proc.process
    assert process is not None
    process.kill()  # what a MuPDF crash on a hostile file looks like from here
    process.wait(5)
    result = render(qtbot, engine, doc, 1, 1.0)  # the document is reopened in a new process
    assert dark_pixels(result.image) > 50 and engine._worker.proc.starts == 2
    assert [h.page for h in search(qtbot, engine, doc, "điểm cầu")] == sorted(sample.words["điểm cầu"] * 2)


def test_the_gui_thread_runs_while_a_page_renders(qtbot: Any, engine: PdfEngine,
                                                  sample: pdfs.SamplePdf) -> None:
    """PyMuPDF holds the GIL while it renders; rendering in another process keeps the GUI
    thread free: a timer keeps ticking through a cold render of the scanned page."""
    doc = open_doc(qtbot, engine, sample.path)
    ticks: list[float] = []
    timer = QTimer(interval=2)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    results: list[RenderResult] = []
    engine.page_rendered.connect(results.append)
    started = time.perf_counter()
    engine.render(doc, sample.scanned_page, 3.0)
    qtbot.waitUntil(lambda: bool(results), timeout=WAIT)
    timer.stop()
    took = time.perf_counter() - started
    during = [t for t in ticks if t >= started]
    gaps = [b - a for a, b in zip([started, *during], during, strict=False)]
    assert took > 0.04 and len(during) > 5 and max(gaps) < took / 2

