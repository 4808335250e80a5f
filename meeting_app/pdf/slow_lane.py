"""The slow lane: pages that take too long to draw, drawn apart from everything else.

A page the worker's process has been drawing for longer than ``HANDOFF_S`` is handed
over here, process and all, and finishes (or is stopped after ``JOB_TIMEOUT_S``) while
the worker goes on in a fresh process with the other pages and documents. The page is then
known to be slow: its later renders (another zoom, its thumbnail) come here directly. The
lane draws one page at a time, so a document full of slow pages costs one process, not one
per page; a page handed over while the lane is drawing another waits in its queue.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from meeting_app.pdf.jobs import Answer, CloseJob, JobQueue, Rendered, RenderFailed, RenderJob, StopJob
from meeting_app.pdf.process import JOB_TIMEOUT_S, OpenedDocument, PdfProcess, ProcessDied
from meeting_app.pdf.results import Priority

log = logging.getLogger(__name__)

HANDOFF_S = 0.3
"""A render still running after this long goes to the slow lane (a page of a big scan
takes about 0.15 s at 2x on a slow laptop; nothing ordinary comes near this)."""


@dataclass(frozen=True)
class _Adopted:
    """A process in the middle of drawing ``job``, handed over by the worker."""

    process: PdfProcess
    job: RenderJob
    request: tuple[Any, ...]


class SlowLane:
    """Draws slow pages one at a time on a thread and a PDF process of its own."""

    def __init__(self, opened: dict[int, OpenedDocument], post: Callable[[Answer], None]) -> None:
        self.queue = JobQueue()
        self._opened = opened
        self._post = post
        self._process: PdfProcess | None = None
        self._drawing = False
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def take_over(self, process: PdfProcess, job: RenderJob, request: tuple[Any, ...]) -> bool:
        """Adopt ``process``, which is drawing ``job``; False (nothing adopted) when the lane
        is drawing another page or has pages waiting."""
        with self._lock:
            if self._drawing or len(self.queue):
                return False
            self._drawing = True
        self._ensure_thread()
        self.queue.put(_Adopted(process, job, request), Priority.CONTROL)  # type: ignore[arg-type]
        return True

    def put(self, job: RenderJob, priority: int = Priority.VISIBLE) -> None:
        """Draw ``job`` here when the pages before it are done."""
        self._ensure_thread()
        self.queue.put(job, priority)

    def forget(self, doc: int) -> None:
        """``doc`` was closed: drop its pages still waiting and close it in the lane's process."""
        self.queue.remove(lambda job: isinstance(job, RenderJob) and job.doc == doc)
        with self._lock:
            started = self._thread is not None
        if started:
            self.queue.put(CloseJob(doc), Priority.CONTROL)

    def stop(self) -> None:
        """End the lane: a page being drawn is abandoned (its process killed)."""
        self.queue.remove(lambda job: True)
        self.queue.put(StopJob(), Priority.CONTROL)
        with self._lock:
            running = self._process.process if self._process is not None else None
        if running is not None:
            running.kill()  # the lane's wait for it ends at once (end of file)
        if self._thread is not None:
            self._thread.join(10)

    def _ensure_thread(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="pdf-slow-lane", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        try:
            while True:
                item = self.queue.get()
                if isinstance(item, StopJob):
                    break
                with self._lock:
                    self._drawing = True
                try:
                    if isinstance(item, _Adopted):
                        self._finish(item)
                    elif isinstance(item, RenderJob):
                        self._draw(item)
                    elif isinstance(item, CloseJob):
                        self._close(item.doc)
                except Exception:  # never let one page end the lane
                    log.exception("slow PDF page failed: %r", item)
                finally:
                    with self._lock:
                        self._drawing = False
        finally:
            with self._lock:
                process, self._process = self._process, None
            if process is not None:
                process.close()

    def _swap(self, process: PdfProcess) -> None:
        with self._lock:
            old, self._process = self._process, process
        if old is not None:
            old.close()

    def _finish(self, adopted: _Adopted) -> None:
        self._swap(adopted.process)
        try:
            reply = adopted.process.receive(adopted.request, JOB_TIMEOUT_S - HANDOFF_S)
        except ProcessDied:
            adopted.process.stop(kill=True)
            reply = ("error", "slow", "")
        self._answer(adopted.process, adopted.job, reply)

    def _draw(self, job: RenderJob) -> None:
        with self._lock:
            if self._process is None:
                self._process = PdfProcess()
            process = self._process
        request = ("render", job.doc, job.page, job.scale_key / 1000, job.tile)
        try:
            process.ensure_started()
            process.reopen(job.doc, self._opened)
            reply = process.exchange(request)
        except ProcessDied:
            process.stop(kill=True)
            reply = ("error", "slow", "")
        self._answer(process, job, reply)

    def _close(self, doc: int) -> None:
        process = self._process
        if process is not None and doc in process.docs and process.alive:
            process.docs.discard(doc)
            try:
                process.exchange(("close", doc))
            except ProcessDied:
                process.stop(kill=True)

    def _answer(self, process: PdfProcess, job: RenderJob, reply: tuple[Any, ...]) -> None:
        if reply[0] == "image":
            image, render_ms = process.image(reply)
            self._post(Rendered(job, image, render_ms))
        elif reply[1] == "slow":
            self._post(RenderFailed(job, f"Page {job.page + 1} takes too long to draw; it was stopped."))
        else:
            self._post(RenderFailed(job, str(reply[2])))
