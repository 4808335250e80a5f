"""``PdfEngine``: the GUI thread's handle on the PDF worker.

Three parts: this GUI-side half keeps the page caches and the bookkeeping of what is
queued or running; one worker thread (``worker.py``) takes the jobs in priority order and
drives the PDF process (``child.py``), where every PyMuPDF call happens. A request for an
image already cached is answered on the next turn of the event loop without touching the
worker; a request for an image already queued or being rendered joins that render.
"""

from __future__ import annotations

import contextlib
import itertools
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

import meeting_app.pdf.worker as worker_module
from meeting_app.pdf.cache import ImageCache
from meeting_app.pdf.documents import MAX_PIXELS, DocumentInfo
from meeting_app.pdf.jobs import (
    Answer,
    CloseJob,
    Exported,
    ExportJob,
    Job,
    JobQueue,
    Opened,
    OpenFailed,
    OpenJob,
    Rendered,
    RenderFailed,
    RenderJob,
    SearchJob,
    SearchProgress,
    ShrinkStoreJob,
    StopJob,
    SummaryJob,
    WordsFound,
    WordsJob,
    scale_key,
)
from meeting_app.pdf.results import (
    EngineStats,
    Priority,
    RenderFailure,
    RenderKind,
    RenderResult,
)

CacheKey = tuple[int, int, int, int]
"""(doc, page, scale key, tile or -1)."""


@dataclass
class _Pending:
    """A render queued or running, and the requests waiting for it."""

    job: RenderJob
    priority: int
    request_ids: list[int] = field(default_factory=list)


class PdfEngine(QObject):
    """Opens, renders and searches PDF documents off the GUI thread.

    The application needs one (``shared_engine()``); each engine has its own worker
    thread and PDF process. Every method is called on the GUI thread and returns at
    once; results come as signals.
    """

    document_opened = Signal(object)
    """``DocumentInfo`` of a document ``open`` was asked for."""
    open_failed = Signal(int, object)
    """(doc key, ``PdfError``): the document cannot be shown; the key is dead."""
    page_rendered = Signal(object)
    """``RenderResult`` of kind "page" (one per ``render`` call) or "prefetch"."""
    thumbnail_ready = Signal(object)
    """``RenderResult`` of kind "thumbnail"."""
    render_failed = Signal(object)
    """``RenderFailure``: one page could not be rendered (the others may be fine)."""
    search_progress = Signal(int, object)
    """(search id, list of ``SearchHit``) found on the pages searched since the last one."""
    search_finished = Signal(int, int)
    """(search id, total number of hits)."""
    search_no_text = Signal(int)
    """(search id): just before its ``search_finished``, when no page of the document has
    text a search can match (a scan, or fonts without a character map)."""
    words_ready = Signal(int, int, int, object)
    """(request id, doc, page, [(x0, y0, x1, y1, text, line)]): a page's words in reading
    order, boxes in points of the page as shown; empty if its text cannot be read."""
    export_finished = Signal(int, int, str)
    """(request id, annotations written or pages, error message or ""): ``export_annotated``
    or ``write_summary`` ended."""

    MAX_PIXELS = MAX_PIXELS
    """Largest render in pixels; bigger requests are rendered at a smaller scale."""
    _answer = Signal(object)
    _cached = Signal(object)

    def __init__(self, parent: QObject | None = None, cache_bytes: int = 256 * 2**20,
                 thumbnail_cache_bytes: int = 32 * 2**20) -> None:
        super().__init__(parent)
        self.page_cache = ImageCache(cache_bytes)
        self.thumbnail_cache = ImageCache(thumbnail_cache_bytes)
        self._stats = EngineStats()
        self._ids = itertools.count(1)
        self._infos: dict[int, DocumentInfo] = {}
        self._opening: set[int] = set()
        self._inflight: dict[tuple[CacheKey, bool], _Pending] = {}
        self._searches: dict[int, SearchJob] = {}
        self._queue = JobQueue()
        # Queued explicitly: the worker emits _answer from its own thread, and a cache hit
        # is delivered on the next loop turn, after the caller has its request id.
        self._answer.connect(self._on_answer, Qt.ConnectionType.QueuedConnection)
        self._cached.connect(self._deliver_cached, Qt.ConnectionType.QueuedConnection)
        self._worker = worker_module.Worker(self._queue, self._post)
        self._thread = threading.Thread(target=self._worker.run, name="pdf-engine", daemon=True)
        self._thread.start()

    # ---- documents ----

    def open(self, path: str | Path, password: str | None = None,
             cache_key: bytes | None = None) -> int:
        """Start opening the PDF at ``path``; return its doc key. Then either
        ``document_opened(DocumentInfo)`` or ``open_failed(key, PdfError)`` follows.
        ``cache_key``: ``path`` may be a sealed cache file; the PDF process decrypts it in
        memory (no plaintext on disk)."""
        doc = next(self._ids)
        self._opening.add(doc)
        self._queue.put(OpenJob(doc, Path(path), password, cache_key), Priority.CONTROL)
        return doc

    def info(self, doc: int) -> DocumentInfo | None:
        """What ``document_opened`` said about ``doc``; None until then or after ``close``."""
        return self._infos.get(doc)

    def close(self, doc: int) -> None:
        """Close ``doc``: its queued work is dropped, its images forgotten, no more signals."""
        self._opening.discard(doc)
        self._infos.pop(doc, None)
        self.cancel_pending(doc, "all")
        for search_id, job in list(self._searches.items()):
            if job.doc == doc:
                self.cancel_search(search_id)
        self._inflight = {k: v for k, v in self._inflight.items() if k[0][0] != doc}
        self.page_cache.discard_if(lambda key: key[0] == doc)  # type: ignore[index]
        self.thumbnail_cache.discard_if(lambda key: key[0] == doc)  # type: ignore[index]
        self._queue.put(CloseJob(doc), Priority.CONTROL)

    # ---- rendering ----

    def render(self, doc: int, page: int, scale: float,
               priority: int = Priority.VISIBLE) -> int:
        """Ask for ``page`` (0-based) at ``scale`` device pixels per point (zoom times the
        screen's device pixel ratio; 1.0 = 72 dpi). Returns a request id; the image comes
        with ``page_rendered`` (or ``render_failed``), at once if cached."""
        return self._request(RenderJob(doc, page, scale_key(scale), "page"), priority)

    def render_tile(self, doc: int, page: int, scale: float, tile: int,
                    priority: int = Priority.VISIBLE) -> int:
        """Ask for one ``TILE_PX`` square of ``page`` at ``scale`` (``tile`` from
        ``documents.tile_number``): at a high zoom the reader draws only the tiles in view.
        The image comes with ``page_rendered``, its ``tile`` set."""
        return self._request(RenderJob(doc, page, scale_key(scale), "page", tile), priority)

    def thumbnail(self, doc: int, page: int, width: int) -> int:
        """Ask for a preview of ``page`` ``width`` device pixels wide (``thumbnail_ready``).
        Needs the document's page sizes, so call it after ``document_opened``."""
        info = self._infos.get(doc)
        page_width = info.page_sizes[page][0] if info and 0 <= page < info.page_count else 595.0
        job = RenderJob(doc, page, scale_key(width / page_width), "thumbnail")
        return self._request(job, Priority.THUMBNAIL)

    def prefetch(self, doc: int, pages: list[int], scale: float) -> None:
        """Render ``pages`` at ``scale`` ahead of need, after any visible page, into the cache
        (each announced by ``page_rendered`` with kind "prefetch")."""
        info = self._infos.get(doc)
        for page in pages:
            if info is None or not 0 <= page < info.page_count:
                continue
            job = RenderJob(doc, page, scale_key(scale), "prefetch")
            if job.cache_key not in self.page_cache and (job.cache_key, False) not in self._inflight:
                self._inflight[(job.cache_key, False)] = _Pending(job, Priority.PREFETCH)
                self._queue.put(job, Priority.PREFETCH)

    def cached(self, doc: int, page: int, scale: float) -> QImage | None:
        """The page image at ``scale`` if it is in the cache (no rendering is started)."""
        return self.page_cache.get((doc, page, scale_key(scale), -1))

    def cached_tile(self, doc: int, page: int, scale: float, tile: int) -> QImage | None:
        """A tile of the page at ``scale`` if it is in the cache."""
        return self.page_cache.get((doc, page, scale_key(scale), tile))

    def cached_thumbnail(self, doc: int, page: int, width: int) -> QImage | None:
        """The preview ``width`` pixels wide if it is in the cache."""
        info = self._infos.get(doc)
        if info is None or not 0 <= page < info.page_count:
            return None
        return self.thumbnail_cache.get((doc, page, scale_key(width / info.page_sizes[page][0]), -1))

    def cancel_pending(self, doc: int | None = None,
                       what: Literal["pages", "thumbnails", "all"] = "pages") -> int:
        """Drop renders still waiting in the queue (of ``doc``, or of every document):
        page renders and prefetches, thumbnails, or both. A render already running
        finishes and is cached. Returns how many were dropped; their requests get no answer.
        Call it when the visible pages change, then ask again for what is visible now."""
        def stale(job: Job) -> bool:
            if not isinstance(job, RenderJob) or (doc is not None and job.doc != doc):
                return False
            return what == "all" or (job.kind == "thumbnail") == (what == "thumbnails")

        # Slow pages wait in the slow lane's own queue (worker.py): dropped the same way.
        removed = self._queue.remove(stale) + self._worker.slow_lane.queue.remove(stale)
        for job in removed:
            assert isinstance(job, RenderJob)
            self._inflight.pop((job.cache_key, job.kind == "thumbnail"), None)
        self._stats = replace(self._stats, dropped=self._stats.dropped + len(removed))
        return len(removed)

    # ---- search ----

    def search(self, doc: int, text: str) -> int:
        """Search ``doc`` for ``text`` (see ``text_search`` for the matching rules); returns
        a search id. Hits come page by page with ``search_progress``, then
        ``search_finished``. Earlier searches of the same document are cancelled."""
        for search_id, job in list(self._searches.items()):
            if job.doc == doc:
                self.cancel_search(search_id)
        search_id = next(self._ids)
        job = SearchJob(doc, search_id, text)
        self._searches[search_id] = job
        self._queue.put(job, Priority.SEARCH)
        return search_id

    def cancel_search(self, search_id: int) -> None:
        """Stop a search; no more signals for it."""
        job = self._searches.pop(search_id, None)
        if job is not None:
            job.cancelled.set()
            self._queue.remove(lambda j: j is job)

    # ---- text and annotations ----

    def words(self, doc: int, page: int) -> int:
        """Ask for the words of ``page`` with their boxes (``words_ready``): what a text
        selection snaps to."""
        request_id = next(self._ids)
        self._queue.put(WordsJob(doc, page, request_id), Priority.VISIBLE)
        return request_id

    def export_annotated(self, source: str | Path, target: str | Path,
                         annotations: list[dict[str, Any]], password: str | None = None,
                         cache_key: bytes | None = None, watermark: str | None = None) -> int:
        """Write a copy of the PDF ``source`` to ``target`` with ``annotations`` (the wire's
        shape) as real PDF annotations, and ``watermark`` stamped over every page if given;
        ``export_finished`` reports. Returns a request id."""
        request_id = next(self._ids)
        job = ExportJob(request_id, Path(source), Path(target), tuple(annotations), password,
                        cache_key, watermark)
        self._queue.put(job, Priority.CONTROL)
        return request_id

    def write_summary(self, target: str | Path, body: str, title: str = "") -> int:
        """Lay out ``body`` (a small HTML document) as an A4 PDF at ``target`` in the bundled
        DejaVu Sans, embedded; ``export_finished`` reports the pages. Returns a request id."""
        request_id = next(self._ids)
        self._queue.put(SummaryJob(request_id, Path(target), body, title), Priority.CONTROL)
        return request_id

    # ---- housekeeping ----

    @property
    def stats(self) -> EngineStats:
        """Counters of renders, cache answers, joined and dropped requests."""
        return self._stats

    def clear_cache(self, mupdf_store: bool = False) -> None:
        """Forget every cached image; with ``mupdf_store`` also empty MuPDF's own cache of
        decoded images (so the next render is as cold as a first one)."""
        self.page_cache.clear()
        self.thumbnail_cache.clear()
        if mupdf_store:
            self._queue.put(ShrinkStoreJob(), Priority.CONTROL)

    def pending_jobs(self) -> int:
        """Jobs waiting in the queue (not counting one running)."""
        return len(self._queue)

    def busy(self) -> bool:
        """Whether any render or search is queued or running."""
        return bool(self._inflight or self._searches or len(self._queue))

    def shutdown(self, timeout: float = 5.0) -> None:
        """Stop the worker thread (after the job it is running) and the PDF process."""
        self._queue.remove(lambda job: True)
        self._queue.put(StopJob(), Priority.CONTROL)
        self._thread.join(timeout)
        self._infos.clear()
        self._inflight.clear()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    # ---- internals ----

    def _request(self, job: RenderJob, priority: int) -> int:
        request_id = next(self._ids)
        thumb = job.kind == "thumbnail"
        image = (self.thumbnail_cache if thumb else self.page_cache).get(job.cache_key)
        if image is not None:
            self._stats = replace(self._stats, served_from_cache=self._stats.served_from_cache + 1)
            self._cached.emit(RenderResult(request_id, job.doc, job.page, job.scale_key / 1000,
                                           image, job.kind, True, tile=job.tile))
            return request_id
        pending = self._inflight.get((job.cache_key, thumb))
        if pending is not None:
            pending.request_ids.append(request_id)
            self._stats = replace(self._stats, deduplicated=self._stats.deduplicated + 1)
            if priority < pending.priority and self._queue.reprioritize(pending.job, priority):
                pending.priority = priority  # a prefetch the user now looks at
            return request_id
        self._inflight[(job.cache_key, thumb)] = _Pending(job, priority, [request_id])
        self._queue.put(job, priority)
        return request_id

    def _post(self, answer: Answer) -> None:
        """Called on the worker thread."""
        with contextlib.suppress(RuntimeError):  # the Qt object is gone (application exit)
            self._answer.emit(answer)

    @Slot(object)
    def _deliver_cached(self, result: RenderResult) -> None:
        (self.thumbnail_ready if result.kind == "thumbnail" else self.page_rendered).emit(result)

    @Slot(object)
    def _on_answer(self, answer: Answer) -> None:
        if isinstance(answer, Rendered):
            self._on_rendered(answer)
        elif isinstance(answer, RenderFailed):
            pending = self._inflight.pop((answer.job.cache_key, answer.job.kind == "thumbnail"), None)
            for request_id in pending.request_ids if pending else []:
                self.render_failed.emit(RenderFailure(request_id, answer.job.doc, answer.job.page,
                                                      answer.message))
        elif isinstance(answer, SearchProgress):
            if answer.search_id in self._searches:
                if answer.hits:
                    self.search_progress.emit(answer.search_id, answer.hits)
                if answer.finished:
                    del self._searches[answer.search_id]
                    if answer.no_text:
                        self.search_no_text.emit(answer.search_id)
                    self.search_finished.emit(answer.search_id, answer.total_hits)
        elif isinstance(answer, WordsFound):
            if answer.job.doc in self._infos:
                self.words_ready.emit(answer.job.request_id, answer.job.doc, answer.job.page, answer.words)
        elif isinstance(answer, Exported):
            self.export_finished.emit(answer.job.request_id, answer.count, answer.error)
        elif isinstance(answer, Opened):
            if answer.info.doc in self._opening:
                self._opening.discard(answer.info.doc)
                self._infos[answer.info.doc] = answer.info
                self.document_opened.emit(answer.info)
            else:  # closed while it was opening
                self._queue.put(CloseJob(answer.info.doc), Priority.CONTROL)
        elif isinstance(answer, OpenFailed) and answer.doc in self._opening:
            self._opening.discard(answer.doc)
            self.open_failed.emit(answer.doc, answer.error)

    def _on_rendered(self, answer: Rendered) -> None:
        job = answer.job
        thumb = job.kind == "thumbnail"
        self._stats = replace(self._stats, rendered=self._stats.rendered + 1)
        if job.doc not in self._infos:
            return  # closed meanwhile
        pending = self._inflight.pop((job.cache_key, thumb), None)
        (self.thumbnail_cache if thumb else self.page_cache).put(job.cache_key, answer.image)
        waiting = pending.request_ids if pending else []
        # A prefetch that someone asked for meanwhile is delivered as an answer to them.
        kind: RenderKind = "thumbnail" if thumb else "page" if waiting else "prefetch"
        for request_id in waiting or [0]:
            result = RenderResult(request_id, job.doc, job.page, job.scale_key / 1000, answer.image,
                                  kind, False, answer.render_ms, job.tile)
            (self.thumbnail_ready if thumb else self.page_rendered).emit(result)


_shared: PdfEngine | None = None


def shared_engine() -> PdfEngine:
    """The process's engine, started on first use and stopped when the application quits."""
    global _shared
    if _shared is None or not _shared.running:
        _shared = PdfEngine()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(_shared.shutdown)
    return _shared
