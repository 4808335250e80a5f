"""The messages between the engine (GUI thread) and its worker thread.

Requests go down through a ``JobQueue``: a priority queue the GUI thread can also prune, so
a request that is no longer wanted is removed *before* the worker starts it (that is how
stale renders are dropped when the user scrolls fast). Answers come back up as the
``*Done``/``*Failed`` values below, through a queued Qt signal.
"""

from __future__ import annotations

import heapq
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtGui import QImage

from meeting_app.pdf.documents import DocumentInfo, PdfError
from meeting_app.pdf.results import RenderKind, SearchHit


def scale_key(scale: float) -> int:
    """Scales equal to 1/1000 share a cache entry (a fit-width zoom is a long float)."""
    return max(1, round(scale * 1000))


# ---- requests (GUI -> worker) ----

@dataclass(frozen=True)
class OpenJob:
    doc: int
    path: Path
    password: str | None = None
    cache_key: bytes | None = None
    """The offline cache's key when ``path`` is a sealed file (decrypted in the PDF process)."""


@dataclass(frozen=True)
class RenderJob:
    doc: int
    page: int
    scale_key: int
    kind: RenderKind
    tile: int = -1
    """-1: the whole page; else a tile of ``TILE_PX`` pixels (``documents.tile_number``)."""

    @property
    def cache_key(self) -> tuple[int, int, int, int]:
        return (self.doc, self.page, self.scale_key, self.tile)



@dataclass
class SearchJob:
    """A search over a document; the worker does a slice of pages at a time and queues the
    job again, so renders asked for meanwhile are not stuck behind a 500-page search."""

    doc: int
    search_id: int
    query: str
    next_page: int = 0
    total_hits: int = 0
    pages_with_text: int = 0
    cancelled: threading.Event = field(default_factory=threading.Event)


@dataclass(frozen=True)
class WordsJob:
    """The words of one page with their boxes (text selection for highlights)."""

    doc: int
    page: int
    request_id: int


@dataclass(frozen=True)
class ExportJob:
    """Write a copy of ``source`` with annotations into ``target``."""

    request_id: int
    source: Path
    target: Path
    annotations: tuple[dict[str, Any], ...]
    password: str | None = None
    cache_key: bytes | None = None
    watermark: str | None = None
    """Stamped over every page of the copy (a restricted document exported where allowed)."""


@dataclass(frozen=True)
class SummaryJob:
    """Lay out ``body`` (HTML) as an A4 PDF at ``target`` (a notes or comment summary)."""

    request_id: int
    target: Path
    body: str
    title: str = ""


@dataclass(frozen=True)
class CloseJob:
    doc: int


@dataclass(frozen=True)
class ShrinkStoreJob:
    """Empty MuPDF's own cache of decoded images and fonts (benchmarks: a truly cold render)."""


@dataclass(frozen=True)
class StopJob:
    """End the worker thread."""


Job = (OpenJob | RenderJob | SearchJob | WordsJob | ExportJob | SummaryJob | CloseJob | ShrinkStoreJob
       | StopJob)


# ---- answers (worker -> GUI) ----

@dataclass(frozen=True)
class Opened:
    info: DocumentInfo


@dataclass(frozen=True)
class OpenFailed:
    doc: int
    error: PdfError


@dataclass(frozen=True)
class Rendered:
    job: RenderJob
    image: QImage
    render_ms: float


@dataclass(frozen=True)
class RenderFailed:
    job: RenderJob
    message: str


@dataclass(frozen=True)
class SearchProgress:
    search_id: int
    hits: list[SearchHit]
    pages_done: int
    finished: bool
    total_hits: int
    no_text: bool = False
    """Finished, and no page searched had text a search can match (a scan, or fonts
    without a character map)."""


@dataclass(frozen=True)
class WordsFound:
    job: WordsJob
    words: list[tuple[float, float, float, float, str, int]]
    """Empty when the page's text cannot be read."""


@dataclass(frozen=True)
class Exported:
    job: ExportJob | SummaryJob
    count: int
    """Annotations written (an ``ExportJob``) or pages (a ``SummaryJob``)."""
    error: str = ""
    """Why the copy could not be written (``count`` is then 0)."""


Answer = Opened | OpenFailed | Rendered | RenderFailed | SearchProgress | WordsFound | Exported


class JobQueue:
    """A thread-safe priority queue (lower priority value first, FIFO within a priority)
    whose pending jobs can be removed by predicate."""

    def __init__(self) -> None:
        self._heap: list[tuple[int, int, Job]] = []
        self._order = itertools.count()
        self._cond = threading.Condition()

    def put(self, job: Job, priority: int) -> None:
        with self._cond:
            heapq.heappush(self._heap, (priority, next(self._order), job))
            self._cond.notify()

    def get(self) -> Job:
        """The next job; blocks while there is none."""
        with self._cond:
            while not self._heap:
                self._cond.wait()
            return heapq.heappop(self._heap)[2]

    def remove(self, predicate: Callable[[Job], bool]) -> list[Job]:
        """Take every pending job that matches out of the queue; return them."""
        with self._cond:
            removed = [item[2] for item in self._heap if predicate(item[2])]
            if removed:
                self._heap = [item for item in self._heap if not predicate(item[2])]
                heapq.heapify(self._heap)
            return removed

    def reprioritize(self, job: Job, priority: int) -> bool:
        """Move a pending ``job`` (the same object) to ``priority``; False if not pending."""
        with self._cond:
            for index, item in enumerate(self._heap):
                if item[2] is job:
                    self._heap[index] = (priority, item[1], job)
                    heapq.heapify(self._heap)
                    return True
            return False

    def __len__(self) -> int:
        with self._cond:
            return len(self._heap)
