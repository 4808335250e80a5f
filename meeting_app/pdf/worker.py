"""The engine's worker thread: it drives the PDF process (``child.py``), one job at a time.

It takes jobs from the queue in priority order, sends each to the process and waits for
the reply (the GIL is free while it waits, so the GUI thread runs on), turns the reply
into ``QImage``/``QRectF`` values and hands them to ``post``. If the process dies (a
hostile PDF crashed MuPDF) it starts another and tries the job once more; if it hangs it
is killed and the job fails. Documents open in a process that died are opened again in
the new one on their next use.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from multiprocessing import AuthenticationError
from multiprocessing.connection import Connection, deliver_challenge
from multiprocessing.shared_memory import SharedMemory
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

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
from meeting_app.pdf.results import Priority, SearchHit

log = logging.getLogger(__name__)

SEARCH_SLICE_S = 0.03
"""How long one search job runs before it yields to queued renders."""
JOB_TIMEOUT_S = 30.0
"""A job taking longer has hung MuPDF: the process is killed."""
SHM_BYTES = 32 * 2**20
"""Shared pixel buffer: an A4 page at 2x is 6 MB as RGB; bigger renders use the pipe."""
STARTUP_TIMEOUT_S = 30.0
PACKAGE_ROOT = Path(__file__).resolve().parents[2]


class ProcessDied(Exception):
    """The PDF process crashed, hung or could not be reached."""


class Worker:
    """Runs jobs from ``queue`` until a ``StopJob``; every answer goes to ``post``."""

    def __init__(self, queue: JobQueue, post: Callable[[Answer], None]) -> None:
        self.queue = queue
        self.post = post
        self.opened: dict[int, tuple[str, str | None, bytes | None]] = {}
        self.in_process: set[int] = set()
        self.process: subprocess.Popen[bytes] | None = None
        self.conn: Connection | None = None
        self.shm: SharedMemory | None = None
        self.starts = 0

    @property
    def restarts(self) -> int:
        """How many times the PDF process had to be replaced."""
        return max(0, self.starts - 1)

    def run(self) -> None:
        self.shm = SharedMemory(create=True, size=SHM_BYTES)
        try:
            try:
                self._start()  # now, so the first document does not wait for it
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
            try:
                self._stop()
            finally:
                self.shm.close()
                self.shm.unlink()

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
            if job.doc in self.in_process:
                self.in_process.discard(job.doc)
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
            self.in_process.add(job.doc)
            self.post(Opened(reply[1]))
        else:
            self.post(OpenFailed(job.doc, PdfError(reply[1], reply[2])))

    def render(self, job: RenderJob) -> None:
        try:
            reply = self.call(("render", job.doc, job.page, job.scale_key / 1000), job.doc)
        except ProcessDied:
            reply = ("error", "damaged", f"Page {job.page + 1} stops the PDF reader; it is damaged.")
        if reply[0] != "image":
            self.post(RenderFailed(job, reply[2]))
            return
        _, width, height, stride, in_shm, render_ms, *overflow = reply
        assert self.shm is not None and self.shm.buf is not None
        pixels = self.shm.buf[: stride * height] if in_shm else overflow[0]
        raw = QImage(pixels, width, height, stride, QImage.Format.Format_RGB888)
        # convertToFormat makes a deep copy (the shared buffer is reused by the next
        # render) and gives the raster paint engine its native format: painting is a blit.
        image = raw.convertToFormat(QImage.Format.Format_RGB32)
        del raw
        if in_shm:
            pixels.release()
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
        _, found, next_page, page_count = reply
        hits = [SearchHit(page, tuple(QRectF(*rect) for rect in rects)) for page, rects in found]
        job.next_page = next_page
        job.total_hits += len(hits)
        finished = next_page >= page_count
        self.post(SearchProgress(job.search_id, hits, next_page, finished, job.total_hits))
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

    def call(self, request: tuple[Any, ...], doc: int | None = None) -> tuple[Any, ...]:
        """Send ``request`` and return the reply, opening ``doc`` first if a new process
        does not have it yet. A process that died is replaced and the request sent once
        more; a hang or a second death raises ``ProcessDied``."""
        for attempt in (1, 2):
            try:
                if self.process is None or self.process.poll() is not None:
                    self._stop(kill=True)
                    self._start()
                if doc is not None and doc in self.opened and doc not in self.in_process:
                    path, password, cache_key = self.opened[doc]
                    if self._exchange(("open", doc, path, password, cache_key))[0] == "opened":
                        self.in_process.add(doc)
                return self._exchange(request)
            except ProcessDied as error:
                log.warning("PDF process lost during %s: %s", request[0], error)
                self._stop(kill=True)
                if "timed out" in str(error) or attempt == 2:  # a hang is not retried
                    raise
        raise AssertionError("unreachable")

    def _exchange(self, request: tuple[Any, ...]) -> tuple[Any, ...]:
        assert self.conn is not None
        try:
            self.conn.send(request)
            if not self.conn.poll(JOB_TIMEOUT_S):
                raise ProcessDied(f"{request[0]} timed out after {JOB_TIMEOUT_S:.0f} s")
            reply: tuple[Any, ...] = self.conn.recv()
            if reply[0] == "image" and not reply[4]:
                reply = (*reply, self.conn.recv_bytes())
            return reply
        except (EOFError, OSError) as error:
            raise ProcessDied(str(error) or type(error).__name__) from error

    def _start(self) -> None:
        """Start the PDF process and connect to it.

        A plain ``python -m meeting_app.pdf.child``, not ``multiprocessing``: its spawn
        would import the application's main module (all of Qt and the UI) into the PDF
        process. The process connects back over loopback and proves it knows the random
        key given on its stdin, so no other local program can pose as it.
        """
        assert self.shm is not None
        self.starts += 1
        key = os.urandom(32)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(PACKAGE_ROOT), env.get("PYTHONPATH")) if p)
        with socket.create_server(("127.0.0.1", 0)) as server:
            server.settimeout(STARTUP_TIMEOUT_S)
            command = [sys.executable, "-m", "meeting_app.pdf.child", str(server.getsockname()[1]),
                       self.shm.name]
            self.process = subprocess.Popen(command, stdin=subprocess.PIPE, env=env)
            assert self.process.stdin is not None
            self.process.stdin.write(key.hex().encode() + b"\n")
            self.process.stdin.close()
            try:
                sock, _ = server.accept()
            except OSError as error:
                raise ProcessDied(f"the PDF process did not start: {error}") from error
        sock.settimeout(None)
        self.conn = Connection(sock.detach())
        try:
            deliver_challenge(self.conn, key)
        except (AuthenticationError, EOFError, OSError) as error:
            raise ProcessDied(f"the PDF process did not answer: {error}") from error
        self.in_process = set()

    def _stop(self, kill: bool = False) -> None:
        if self.conn is not None:
            self.conn.close()  # the process reads end-of-file and leaves
            self.conn = None
        if self.process is not None:
            if kill:
                self.process.kill()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
            self.process = None
