"""What the PDF engine hands back: document facts, rendered pages, search hits, errors.

All of these are plain values, made on the engine's worker thread and read on the GUI
thread. ``QImage`` and ``QRectF`` are safe to build off the GUI thread (``QPixmap`` is not).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage

RenderKind = Literal["page", "prefetch", "thumbnail"]
"""Why a page was rendered: asked for, fetched ahead, or a small preview."""

ErrorCode = Literal["not_found", "empty", "not_pdf", "damaged", "encrypted", "wrong_password",
                    "internal"]


class Priority(IntEnum):
    """Order of work on the worker thread (lower first; equal ones first come, first served)."""

    CONTROL = 0
    VISIBLE = 10
    THUMBNAIL = 15
    PREFETCH = 20
    SEARCH = 30


class PdfError(Exception):
    """A document the engine cannot open or a page it cannot render, with a message a
    delegate can read ("This document is protected by a password.")."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code: ErrorCode = code
        self.message = message

    def __repr__(self) -> str:
        return f"PdfError({self.code!r}, {self.message!r})"


@dataclass(frozen=True)
class TocEntry:
    """One line of the table of contents (the PDF's outline)."""

    level: int
    """1 for top level entries, 2 for their children, ..."""
    title: str
    page: int
    """0-based target page; -1 when the entry points nowhere in this document."""


@dataclass(frozen=True)
class DocumentInfo:
    """What ``PdfEngine.open`` found out about a document."""

    doc: int
    """The engine's key for the document, as returned by ``PdfEngine.open``."""
    path: Path
    page_count: int
    page_sizes: tuple[tuple[float, float], ...]
    """(width, height) of each page in points (1/72 inch), rotation applied."""
    toc: tuple[TocEntry, ...]
    metadata: dict[str, str] = field(default_factory=dict)
    """The non-empty entries of the PDF's info dictionary (title, author, subject, ...)."""

    @property
    def title(self) -> str:
        """The document's own title, or its file name."""
        return self.metadata.get("title") or self.path.stem


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
