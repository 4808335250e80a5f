"""The engine's worker thread: it drives the PDF process (``child.py``), one job at a time.

It takes jobs from the queue in priority order, sends each to the process and waits for
the reply (the GIL is free while it waits, so the GUI thread runs on), turns the reply
into ``QImage``/``QRectF`` values and hands them to ``post``. If the process dies (a
hostile PDF crashed MuPDF) it starts another and tries the job once more; if it hangs it
is killed and the job fails. Documents open in a process that died are opened again in
the new one on their next use.

A page still drawing after ``HANDOFF_S`` holds nothing else up: its process goes to the
slow lane (``slow_lane.py``) to finish it, and the worker goes on at once in a spare
process kept warm for that, so every other page of every document keeps coming.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QRectF

from meeting_app.pdf.documents import PdfError
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
)
from meeting_app.pdf.process import OpenedDocument, PdfProcess, ProcessDied
from meeting_app.pdf.results import Priority, SearchHit
from meeting_app.pdf.slow_lane import HANDOFF_S, SlowLane

log = logging.getLogger(__name__)

SEARCH_SLICE_S = 0.03
"""How long one search job runs before it yields to queued renders."""


class Worker:
    """Runs jobs from ``queue`` until a ``StopJob``; every answer goes to ``post``."""

    def __init__(self, queue: JobQueue, post: Callable[[Answer], None]) -> None:
        self.queue = queue
        self.post = post
        self.opened: dict[int, OpenedDocument] = {}
        self.proc = PdfProcess()
        self.slow_pages: set[tuple[int, int]] = set()
        """Pages that took longer than ``HANDOFF_S``: drawn in the slow lane from now on."""
        self.slow_lane = SlowLane(self.opened, post)
        self._spare: PdfProcess | None = None
        self._spare_lock = threading.Lock()
        self._warming = False
        self._stopping = False

    def run(self) -> None:
        try:
            try:
                self.proc.ensure_started()  # now, so the first document does not wait for it
            except ProcessDied:
                log.exception("the PDF process did not start; trying again on the next job")
            while True:
                job = self.queue.get()
                if isinstance(job, StopJob):
                    break
                try:
                    self.handle(job)
                except Exception:  # never let one bad job end the thread
                    log.exception("PDF job failed: %r", job)
        finally:
            self._stopping = True
            self.slow_lane.stop()
            with self._spare_lock:
                spare, self._spare = self._spare, None
            for process in (self.proc, spare):
                if process is not None:
                    process.close()

    def handle(self, job: Job) -> None:
        if isinstance(job, RenderJob):
            self.render(job)
        elif isinstance(job, OpenJob):
            self.open(job)
        elif isinstance(job, SearchJob):
            self.search(job)
        elif isinstance(job, WordsJob):
            self.words(job)
        elif isinstance(job, ExportJob | SummaryJob):
            self.export(job)
        elif isinstance(job, CloseJob):
            self.opened.pop(job.doc, None)
            self.slow_pages = {key for key in self.slow_pages if key[0] != job.doc}
            self.slow_lane.forget(job.doc)
            if job.doc in self.proc.docs:
                self.proc.docs.discard(job.doc)
                self.call(("close", job.doc))
        elif isinstance(job, ShrinkStoreJob):
            self.call(("shrink",))

    # ---- jobs ----

    def open(self, job: OpenJob) -> None:
        try:
            reply = self.call(("open", job.doc, str(job.path), job.password, job.cache_key))
        except ProcessDied:
            reply = ("error", "damaged", f"The file {job.path.name} stops the PDF reader; "
                                         "it is damaged or malicious.")
        if reply[0] == "opened":
            self.opened[job.doc] = (str(job.path), job.password, job.cache_key)
            self.proc.docs.add(job.doc)
            self.post(Opened(reply[1]))
            self._warm_spare()  # the reader is in use: have a process ready for a slow page
        else:
            self.post(OpenFailed(job.doc, PdfError(reply[1], reply[2])))

    def render(self, job: RenderJob) -> None:
        if (job.doc, job.page) in self.slow_pages:
            self.slow_lane.put(job)
            return
        try:
            reply = self.call(("render", job.doc, job.page, job.scale_key / 1000, job.tile), job.doc, job)
        except ProcessDied:
            reply = ("error", "damaged", f"Page {job.page + 1} stops the PDF reader; it is damaged.")
        if reply is None:
            return  # handed to the slow lane, which answers for it
        if reply[0] != "image":
            self.post(RenderFailed(job, reply[2]))
            return
        image, render_ms = self.proc.image(reply)
        self.post(Rendered(job, image, render_ms))

    def search(self, job: SearchJob) -> None:
        if job.cancelled.is_set() or job.doc not in self.opened:
            return
        try:
            reply = self.call(("search", job.doc, job.query, job.next_page, SEARCH_SLICE_S), job.doc)
        except ProcessDied:
            reply = ("error", "damaged", "")
        if job.cancelled.is_set():
            return
        if reply[0] != "hits":  # a page the search cannot get past: stop at what was found
            self.post(SearchProgress(job.search_id, [], job.next_page, True, job.total_hits))
            return
        _, found, next_page, page_count, with_text = reply
        hits = [SearchHit(page, tuple(QRectF(*rect) for rect in rects)) for page, rects in found]
        job.next_page = next_page
        job.total_hits += len(hits)
        job.pages_with_text += with_text
        finished = next_page >= page_count
        self.post(SearchProgress(job.search_id, hits, next_page, finished, job.total_hits,
                                 finished and job.pages_with_text == 0))
        if not finished:
            self.queue.put(job, Priority.SEARCH)

    def words(self, job: WordsJob) -> None:
        if job.doc not in self.opened:
            return
        try:
            reply = self.call(("words", job.doc, job.page), job.doc)
        except ProcessDied:
            reply = ("error", "damaged", "")
        self.post(WordsFound(job, list(reply[1]) if reply[0] == "words" else []))

    def export(self, job: ExportJob | SummaryJob) -> None:
        if isinstance(job, SummaryJob):
            request: tuple[Any, ...] = ("summary", str(job.target), job.body, job.title)
        else:
            request = ("export", str(job.source), str(job.target), list(job.annotations),
                       job.password, job.cache_key, job.watermark)
        try:
            reply = self.call(request)
        except ProcessDied as error:
            reply = ("error", "damaged", str(error))
        if reply[0] == "exported":
            self.post(Exported(job, int(reply[1])))
        else:
            self.post(Exported(job, 0, str(reply[2]) or "The PDF could not be written."))

    # ---- the process ----

    def call(self, request: tuple[Any, ...], doc: int | None = None,
             render: RenderJob | None = None) -> Any:
        """Send ``request`` and return the reply, opening ``doc`` first if a new process
        does not have it yet. A process that died is replaced and the request sent once
        more; a hang or a second death raises ``ProcessDied``. The ``render`` of a page
        still drawing after ``HANDOFF_S`` goes to the slow lane: None is returned."""
        for attempt in (1, 2):
            try:
                self.proc.ensure_started()
                if doc is not None:
                    self.proc.reopen(doc, self.opened)
                self.proc.send(request)
                if render is not None and not self.proc.ready(HANDOFF_S):
                    self._hand_off(render, request)
                    return None
                return self.proc.receive(request)
            except ProcessDied as error:
                log.warning("PDF process lost during %s: %s", request[0], error)
                self.proc.stop(kill=True)
                if "timed out" in str(error) or attempt == 2:  # a hang is not retried
                    raise
        raise AssertionError("unreachable")

    def _hand_off(self, job: RenderJob, request: tuple[Any, ...]) -> None:
        """Leave ``job`` to the slow lane with the process drawing it; go on in another."""
        self.slow_pages.add((job.doc, job.page))
        busy, self.proc = self.proc, self._take_spare()
        if not self.slow_lane.take_over(busy, job, request):
            busy.close()  # the lane is drawing another slow page: this one waits its turn
            self.slow_lane.put(job)
        self._warm_spare()

    def _take_spare(self) -> PdfProcess:
        with self._spare_lock:
            spare, self._spare = self._spare, None
        return spare if spare is not None and spare.alive else PdfProcess()

    def _warm_spare(self) -> None:
        """Start a spare process in the background, unless one is ready or starting."""
        with self._spare_lock:
            if self._spare is not None or self._warming or self._stopping:
                return
            self._warming = True

        def warm() -> None:
            process = PdfProcess()
            try:
                process.ensure_started()
            except ProcessDied:
                log.warning("a spare PDF process did not start")
                process.close()
                process = None  # type: ignore[assignment]
            with self._spare_lock:
                self._warming = False
                if process is not None and not self._stopping:
                    self._spare = process
                    return
            if process is not None:
                process.close()

        threading.Thread(target=warm, name="pdf-spare", daemon=True).start()
