"""What the PDF engine hands back to the GUI thread: rendered pages, search hits, counters.

Plain values, made on the engine's worker thread and read on the GUI thread. ``QImage``
and ``QRectF`` are safe to build off the GUI thread (``QPixmap`` is not). The facts about
a document and the errors are in ``documents`` (no Qt there: the PDF process uses them).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Literal

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

RenderKind = Literal["page", "prefetch", "thumbnail"]
"""Why a page was rendered: asked for, fetched ahead, or a small preview."""


class Priority(IntEnum):
    """Order of work on the worker thread (lower first; equal ones first come, first served)."""

    CONTROL = 0
    VISIBLE = 10
    THUMBNAIL = 15
    PREFETCH = 20
    SEARCH = 30


@dataclass(frozen=True)
class RenderResult:
    """A rendered page, delivered by ``PdfEngine.page_rendered`` / ``thumbnail_ready``."""

    request_id: int
    """The id ``render``/``thumbnail`` returned; 0 for a prefetch."""
    doc: int
    page: int
    scale: float
    """Device pixels per point that was asked for (``image`` may be smaller when the page
    would have been too big to hold in memory; see ``PdfEngine.MAX_PIXELS``)."""
    image: QImage
    kind: RenderKind
    from_cache: bool
    """True when the engine answered from its page cache without rendering."""
    render_ms: float = 0.0
    """Time spent rendering on the worker thread (0 for a cache hit)."""
    tile: int = -1
    """-1: the whole page; else the tile ``render_tile`` asked for (``jobs.tile_place``)."""


@dataclass(frozen=True)
class RenderFailure:
    """A page that could not be rendered (a damaged page in an otherwise readable file)."""

    request_id: int
    doc: int
    page: int
    message: str


@dataclass(frozen=True)
class SearchHit:
    """One occurrence of the searched text."""

    page: int
    rects: tuple[QRectF, ...]
    """Where it is, in page points with the page's rotation applied (the same space as
    ``DocumentInfo.page_sizes``); several rects when the text runs over a line break."""


@dataclass(frozen=True)
class EngineStats:
    """Counters, for tests and the benchmark."""

    rendered: int = 0
    """Pages rendered by the worker (all kinds)."""
    served_from_cache: int = 0
    """``render``/``thumbnail`` calls answered from the cache."""
    deduplicated: int = 0
    """Requests that joined a render already queued or running for the same image."""
    dropped: int = 0
    """Queued renders removed by ``cancel_pending`` or ``close`` before they ran."""
